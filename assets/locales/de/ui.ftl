# Keels Fenster auf Deutsch: jedes Wort, das die Seite zeigt. Dieselben Nachrichten wie
# en/ui.ftl (die Prüfungen schlagen sonst fehl), für die Bedeutung geschrieben, nicht Wort für
# Wort, und in der Du-Form.

## Die obere Leiste und die Statuszeile

nav-brand-title = Heute (Strg+T)
nav-label = Seiten
nav-today = Heute
nav-week = Diese Woche
nav-trends = Verläufe
nav-library = Archiv
nav-prompts = Impulse
nav-data = Deine Daten
nav-settings = Einstellungen
lock-now = Sperren
lock-now-title = Das Tagebuch sperren (Strg+L)
title-welcome = Willkommen
title-week = Woche
status-editing = Wird bearbeitet…
status-saving = Wird gespeichert…
status-saved = Gespeichert
status-saved-at = Um { $time } sicher auf der Festplatte gespeichert
status-not-saved = Nicht gespeichert: { $reason }
status-unknown-error = unbekannter Fehler
status-retry = Neuer Versuch in { $seconds } s.
status-text-kept = Dein Text ist noch da.
status-close-discards = Schließe das Fenster innerhalb von 10 Sekunden noch einmal, um ohne Speichern zu beenden.
fatal-title = Keel konnte dein Tagebuch nicht öffnen
fatal-backup-offer = Es wurde nichts verändert. Eine Sicherung vom { $taken } lässt sich wiederherstellen: Keel startet neu, legt das Tagebuch, wie es jetzt ist, beiseite (es wird nicht gelöscht) und öffnet die Sicherung.
fatal-restore = Die Sicherung vom { $taken } wiederherstellen
lock-not-saved = Nicht gesperrt: Die Seite ist noch nicht gespeichert, und dein Text bleibt hier.
ipc-unreachable = Keel konnte seinen Kern nicht erreichen.

## Die Tagesseite

day-previous = Voriger Tag (Strg+[)
day-next = Nächster Tag (Strg+])
day-go-to = Zu einem Datum gehen
day-today = Heute
day-today-weekday = Heute · { $weekday }
week-number = Woche { $week }
side-role = Was ich tue
side-role-hint = Die Rolle, die du heute ausgefüllt hast
side-role-placeholder = Die Meetings, die Zahlen, die Bitten…
side-self = Wer ich bin
side-self-hint = Der Mensch jenseits des Organigramms
side-self-placeholder = Was dir wichtig war, abseits der Arbeit…
day-weekly-offer = Heute ist dein Tag zum Zurückblicken: die Fragen dieser Woche
day-reflect-link = Auf diese Woche zurückblicken →
checkin-title = Check-in
scale-stress = Stress
scale-resilience = Widerstandskraft
scale-overlap = Wie viel von mir war heute meine Rolle
boundary-question = War um { $time } Schluss mit der Arbeit?
boundary-kept = Ja, die Grenze hielt
boundary-broken = Nein, es wurde länger
boundary-minutes = Minuten danach gearbeitet
work-end-label = Feierabend
work-done = Fertig für heute
work-still = Ich arbeite noch
still-working-since = Du arbeitest seit { $since } noch, nach dem Feierabend um { $end }.
day-events-label = Ereignisse an diesem Tag
on-this-day = An diesem Tag
years-ago = { $years ->
    [one] Vor einem Jahr
   *[other] Vor { $years } Jahren
}
scale-stress-low = ruhig
scale-stress-middle = angespannt
scale-stress-high = überwältigt
scale-resilience-low = erschöpft
scale-resilience-middle = ich halte durch
scale-resilience-high = gefestigt und erholt
scale-overlap-low = meine Rolle war ein kleiner Teil von mir
scale-overlap-middle = etwa die Hälfte
scale-overlap-high = ich war nur meine Rolle
# Eine Stufe einer Skala, wie ein Screenreader sie ansagt; an den Enden mit deren Worten.
rating-choice = { $scale } { $n } von { $max }
rating-choice-end = { $scale } { $n } von { $max }, { $words }
side-preview = Vorschau
side-edit = Bearbeiten
side-preview-failed = Die Vorschau ließ sich nicht zeichnen: { $reason }
side-link-title = { $href } (Links führen nirgendwohin: Keel stellt keine Netzwerkanfragen)
side-empty = Noch nichts geschrieben.
overlap-role = Rolle
overlap-me = ich
overlap-unrated = Überschneidung mit der Rolle nicht bewertet
overlap-rated = Überschneidung mit der Rolle: { $n } von 7
prompt-another = Ein anderer
prompt-another-title = Ein anderer Impuls
prompt-hide = Ausblenden
prompt-hide-title = Ausblenden, für immer (unter Impulse holst du ihn zurück)

## Eine Wochenseite

days = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}
week-previous = Vorige Woche
week-next = Nächste Woche
week-in-brief = Die Woche in Kürze
week-overlap = Überschneidung
week-no-checkins = keine Check-ins
bars-label = { $what } nach Tagen: { $values }
bars-none = keiner
versus-last-week = { $direction ->
    [same] genauso wie letzte Woche
    [higher] { $diff } höher als letzte Woche
   *[lower] { $diff } niedriger als letzte Woche
}
versus-four-weeks = { $direction ->
    [same] genauso wie die 4 Wochen davor
    [higher] { $diff } höher als die 4 Wochen davor
   *[lower] { $diff } niedriger als die 4 Wochen davor
}
week-boundary = Grenze
week-boundary-kept = gehalten
week-boundary-broken = überschritten
week-not-answered = nicht beantwortet
week-boundary-held = an { $kept } von { $answered } Tagen gehalten
week-after-hours = { $minutes } Min. nach Feierabend
week-checked-in = An { $n } von 7 Tagen eingecheckt.
week-review-days = Review-Tage: Stress { $review }, an den anderen Tagen { $other }.
week-hardest = Schwerster Tag:
week-hardest-day = { $weekday } (Stress { $stress })
kept-yes = Ja, ich habe sie gehalten
kept-no = Diesmal nicht
last-boundary = Letzte Woche hast du dir eine Grenze gesetzt
last-boundary-kept = Hast du sie gehalten?
ledger = Das Rollen-Kassenbuch
ledger-gave = Was mir die Rolle gegeben hat
ledger-gave-hint = Eins pro Zeile: ein Erfolg, eine Fähigkeit, ein Mensch…
ledger-cost = Was sie mich gekostet hat
ledger-cost-hint = Eins pro Zeile: ein Abend, Schlaf, ein Plan…
next-boundary = Eine Grenze, die ich nächste Woche halte
next-boundary-placeholder = z. B. an Review-Tagen den Laptop um 18:30 zuklappen
outcome-held = Er hielt
outcome-bent = Er gab nach
outcome-not-tested = Nicht geprüft
value-why = Warum, bei „{ $value }“
value-why-placeholder = Eine Zeile, warum (freiwillig)
week-values = Meine Werte in dieser Woche
week-values-hint = Hat der Druck der Woche sie geprüft? Gehalten, nachgegeben oder nicht geprüft: keine Punkte, nur was geschah.
week-values-none-before = Nenne in den{" "}
week-values-none-after = {" "}die Werte, an denen du festhalten willst, und jede Woche fragt, wie es ihnen ergangen ist.
week-events-label = Ereignisse dieser Woche
week-questions = Die Fragen dieser Woche

## Einstellungen

settings-hint = Gespeichert, sobald du etwas änderst.
setting-end-of-work = Feierabend
setting-end-of-work-hint = Der Check-in zur Grenze fragt, ob die Arbeit bis zu dieser Zeit aufgehört hat.
setting-review-days = Review-Tage
setting-review-days-hint = Die Tage deines wöchentlichen Business-Reviews: Die Impulse neigen dann zu Druck und Grenzen.
setting-week-start = Die Woche beginnt am
setting-week-start-hint = Der erste Tag einer Wochenseite.
setting-reflection-day = Tag zum Zurückblicken
setting-reflection-day-hint = Der Tag, an dem die Tagesseite die Fragen der Woche anbietet.
setting-locale-week = Nach den Regionaleinstellungen deines Systems beginnt die Woche am { $weekday }.
setting-locale-use = Übernehmen
setting-language = Sprache
setting-language-hint = Die Worte des Fensters und der Kommandozeile. Deine eigenen Impulse, Werte und Seiten bleiben, wie du sie geschrieben hast.
language-system = Wie das System
setting-theme = Erscheinungsbild
setting-theme-hint = Hell, dunkel oder wie das System es vorgibt.
theme-system = Wie das System
theme-light = Hell
theme-dark = Dunkel
setting-auto-lock = Sperren nach
setting-auto-lock-label = Sperren nach Minuten ohne Benutzung
setting-auto-lock-hint = Minuten ohne Benutzung, nach denen sich ein verschlüsseltes Tagebuch selbst sperrt (0: nie).
reminders-title = Erinnerungen
reminders-hint = Jede ist aus, bis du sie einschaltest: höchstens eine von jeder am Tag, eine Zeile, kein Zählen verpasster Tage. Schlummern kannst du in der Benachrichtigung; ein Klick öffnet den Tag oder die Woche.
remind-end-of-work = Feierabend
remind-end-of-work-hint = Um { $time } an Arbeitstagen: Möchtest du noch etwas auf die Seite der Rolle schreiben, bevor du sie schließt? Antworte „Fertig für heute“ oder „Ich arbeite noch“, und Keel misst die Minuten, die es länger wurde.
remind-check-in = Täglicher Check-in
remind-check-in-time = Uhrzeit der Check-in-Erinnerung
remind-check-in-hint = An Arbeitstagen, die noch keinen Check-in haben.
remind-weekly = Wochenrückblick
remind-weekly-time = Uhrzeit der Erinnerung an den Wochenrückblick
remind-weekly-hint = An deinem Tag zum Zurückblicken, solange die Woche noch keinen Rückblick hat.
working-days = Arbeitstage
working-days-hint = An den anderen keine Feierabend- oder Check-in-Erinnerung, auch nicht an freien Tagen aus dem Kalender.
remind-background = Auch erinnern, wenn Keel geschlossen ist
remind-background-hint = Damit er dein Tagebuch nie öffnet, liest der Timer eine einfache Datei daneben (reminders.json), die nur die Erinnerungszeiten, deine Arbeitstage und freien Tage enthält und welche der letzten Tage einen Check-in oder einen Rückblick haben: nie ein Wort, das du geschrieben hast, auch wenn das Tagebuch verschlüsselt ist. Schaltest du das aus, werden die Datei und der Timer entfernt.
remind-background-on = An: Ein systemd-Benutzertimer (keel-remind.timer) schaut jede Minute nach und läuft nach einem Neustart weiter.
remind-background-off = Aus: Erinnerungen kommen nur, solange Keel geöffnet ist.
values-title = Meine Werte
values-hint = Drei bis sieben Dinge, die ausmachen, wer du bist, was auch immer das Organigramm sagt, in deinen eigenen Worten. Jede Wochenseite fragt, ob der Druck sie geprüft hat und ob sie gehalten haben; manche Impulse des Tages fragen nach einem davon. Wenn du einen Wert umbenennst oder streichst, bleibt seine Geschichte erhalten.
values-save = Meine Werte speichern
passphrase = Passphrase
passphrase-new = Neue Passphrase
passphrase-again = Noch einmal dieselbe
passphrase-current = Aktuelle Passphrase
passphrase-differ = Die beiden Passphrasen sind verschieden; es wurde nichts geändert.
privacy-unset-hint = Nicht gesetzt: Die Dateien des Tagebuchs kann jeder lesen, der den Ordner öffnen kann. Eine Passphrase verschlüsselt jede Seite, jeden Rückblick, jeden Tag und jede Sicherung auf diesem Computer. Ohne sie lässt sich das Tagebuch nicht lesen: Es gibt keinen Weg, sie wiederherzustellen.
privacy-set-hint = Gesetzt: Das Tagebuch und seine Sicherungen sind auf diesem Computer verschlüsselt. Sperre es mit Strg+L oder mit „Sperren“.
privacy-remove-old = Die früheren Sicherungen löschen, statt sie auch zu verschlüsseln
privacy-set = Das Tagebuch verschlüsseln
privacy-encrypting = Wird verschlüsselt…
privacy-encrypted-done = Das Tagebuch ist verschlüsselt. Bewahre die Passphrase gut auf: Ohne sie lässt sich das Tagebuch nicht lesen.
privacy-change = Die Passphrase ändern
privacy-changing = Wird geändert…
privacy-changed = Die Passphrase wurde geändert.
privacy-remove = Nicht mehr verschlüsseln…
privacy-current-first = Gib zuerst die aktuelle Passphrase ein.
privacy-remove-confirm = Das Tagebuch von nun an unverschlüsselt speichern? Jeder, der seinen Ordner öffnen kann, wird es lesen können.
privacy-decrypting = Wird entschlüsselt…
privacy-removed = Das Tagebuch ist nicht mehr verschlüsselt.
about-title = Über Keel
about-version = Keel { $version }, ein privates Tagebuch. Freie Software unter der MIT-Lizenz.
about-journal-before = Dein Tagebuch liegt in{" "}
about-journal-after = . Nichts verlässt diesen Computer, außer du exportierst es oder gleichst es über einen Ordner von dir ab, versiegelt mit deiner Passphrase.
about-no-folder = kein Ordner gefunden
about-cli = Die Kommandozeile keel arbeitet mit demselben Tagebuch: `keel --help` oder `man keel`.
backups-title = Sicherungen
backups-hint = Geprüfte Kopien im Sicherungsordner des Tagebuchs: die neueste von jedem der letzten 7 Tage, 4 Wochen und 12 Monate.
backups-none = Noch keine Sicherungen: Keel legt an jedem Tag, an dem es geöffnet wird, eine an, und vor jedem Import.
backup-size = { $kb } KB
backup-restore = Wiederherstellen…
backup-restore-confirm = Die Sicherung vom { $taken } wiederherstellen? Keel startet neu; das Tagebuch, wie es jetzt ist, wird beiseitegelegt, nicht gelöscht.
value-n = Wert { $n }
value-practice-n = Wie Wert { $n } im Alltag aussieht
value-practice-placeholder = Wie er im Alltag aussieht (freiwillig)
value-example = z. B. { $example }
value-example-1 = für meine Familie da sein
value-example-2 = ehrlich, auch wenn die Zahlen schlecht sind
value-example-3 = neugierig
values-retired = Zurückgelegt und aufbewahrt für die Wochen, die sie genannt haben: { $names }.
values-saved = { $n ->
    [one] 1 Wert gespeichert.
   *[other] { $n } Werte gespeichert.
}
values-none = Keine Werte genannt.

## Die Begrüßung

welcome-step = Schritt { $n } von { $total }
welcome-skip-all = Die Begrüßung überspringen und gleich schreiben
welcome-title = Willkommen bei Keel
welcome-role = Die Rolle, die du ausfüllst: die Ziele, die Reviews, die Arbeit, die den Tag füllt.
welcome-self = Der Mensch, der das tut und dessen Wert sich nicht mit dem Organigramm verschiebt.
welcome-lead = Jeder Tag hat diese zwei Spalten nebeneinander, damit die Rolle nicht still und leise zu allem wird, was du bist. Ein paar Fragen stellen Keel jetzt auf deine Arbeitswoche ein; jede lässt sich überspringen und später in den Einstellungen ändern.
welcome-begin = Los geht’s
welcome-week-title = Deine Arbeitswoche
welcome-week-hint = Wann die Arbeit aufhören soll, wann die Zahlen auf den Prüfstand kommen und wann du auf die Woche zurückblickst.
welcome-save-next = Speichern und weiter
welcome-skip = Überspringen
welcome-reminders-title = Erinnerungen, wenn du magst
welcome-reminders-hint = Nichts markiert das Ende eines Tages, der nie aufhört. Keel kann es: sanft, höchstens einmal am Tag für jede, ohne je die übersprungenen Tage zu zählen. Alle sind aus, bis du sie einschaltest; in den Einstellungen kann Keel dich auch erinnern, wenn es geschlossen ist.
welcome-no-reminders = Keine Erinnerungen
welcome-values-title = Woran du festhalten willst
welcome-values-hint = Nenne drei bis sieben Werte in deinen eigenen Worten: wer du bist, was auch immer das Quartal bringt. Jede Woche fragt, ob der Druck sie geprüft hat und ob sie gehalten haben. Wenn du magst, schreib eine Zeile dazu, wie jeder im Alltag aussieht.
welcome-not-now = Nicht jetzt
welcome-passphrase-title = Eine Passphrase, wenn du eine möchtest
welcome-passphrase-hint = Dein Tagebuch bleibt auf diesem Computer. Mit einer Passphrase wird zusätzlich jede Seite, jeder Rückblick und jede Sicherung verschlüsselt, sodass niemand, der seinen Ordner öffnet, es lesen kann. Ohne die Passphrase lässt es sich überhaupt nicht lesen: Es gibt keinen Weg, sie wiederherzustellen.
welcome-encrypt = Verschlüsseln und schreiben
welcome-no-passphrase = Nicht jetzt, gleich schreiben
welcome-passphrase-missing = Gib eine Passphrase ein oder wähle „Nicht jetzt, gleich schreiben“.

## Verläufe

range-label = Zeitraum
range-30d = 30 Tage
range-90d = 90 Tage
range-1y = 1 Jahr
range-all = Alles
save-chart = Diagramm speichern…
trends-main = Stress und Widerstandskraft
trends-main-label = Stress und Widerstandskraft, { $range }
trends-broke = Grenze überschritten
trends-legend = Ereignisse (mit der Maus darüber für die Notiz). Punkte sind Tage; Linien sind 7-Tage-Mittel über die Tage, an denen du eingecheckt hast.
trends-overlap = Wie viel von mir meine Rolle war
trends-weekday = Stress nach Wochentag
trends-side-by-side = Nebeneinander
trends-side-by-side-hint = Einfache Mittelwerte mit ihrer Anzahl: Sie zeigen, was zusammen auftrat, nicht was was verursacht hat.
trends-values = Wie meine Werte gehalten haben
trends-values-hint = Anzahl der Wochen laut Wochenseite, nach dem Monat, in dem eine Woche beginnt. Nie eine Punktzahl.
trends-caption = { $n ->
    [one] 1 Tag mit Check-in, { $from } bis { $to }.
   *[other] { $n } Tage mit Check-in, { $from } bis { $to }.
}
trends-empty = In diesem Zeitraum gibt es noch keine Check-ins.
trends-values-none-before = Noch keine Woche in diesem Zeitraum sagt, wie es deinen Werten ergangen ist. Jede Wochenseite fragt danach, sobald du sie in den{" "}
trends-values-none-after = {" "}genannt hast.
trends-value = Wert
count-held = { $n } gehalten
count-bent = { $n } nachgegeben
count-not-tested = { $n } nicht geprüft
trends-point = { $day }: Stress { $stress }, Widerstandskraft { $resilience }; 7-Tage-Mittel { $stress-mean } / { $resilience-mean }
trends-point-broke = { $day }: Stress { $stress }, Widerstandskraft { $resilience }; 7-Tage-Mittel { $stress-mean } / { $resilience-mean }; Grenze überschritten
trends-overlap-label = Überschneidung mit der Rolle im Lauf der Zeit
trends-overlap-none = Keine Bewertungen der Überschneidung in diesem Zeitraum.
trends-overlap-point = { $day }: Überschneidung { $n } von 7
trends-weekday-label = Durchschnittlicher Stress nach Wochentag
trends-weekday-bar = { $weekday }: Stress { $mean } über { $n ->
    [one] 1 Tag
   *[other] { $n } Tage
}
trends-weekday-review = { $weekday }: Stress { $mean } über { $n ->
    [one] 1 Tag
   *[other] { $n } Tage
} (Review-Tag)
trends-saved = Das Diagramm wurde unter { $path } gespeichert.

## Das Archiv

library-hint = Durchsuche jede Seite und jede Woche. Strg+K bringt dich von überall hierher.
search = Suchen
search-label = Das Tagebuch durchsuchen
search-placeholder = Wörter, "eine Wendung", #tag, stress>=7, from:2026-01-01 …
search-results = { $n ->
    [one] 1 Treffer.
   *[other] { $n } Treffer, die neuesten zuerst.
}
search-results-more = Über { $n } Treffer, die neuesten zuerst.
search-nothing = Nichts gefunden.
hit-week = Woche { $week }, { $year }
hit-event = Ereignis
tags = Schlagwörter
tags-none = Schreib #wörter in eine Seite, und sie erscheinen hier.
calendar-year = Jahr
calendar-month = Monat
calendar-earlier = Früher
calendar-later = Später
calendar-day = { $date }: Stress { $stress }
cycle-title = Der Arbeitszyklus
cycle-hint = Reviews, Gehaltsrunde, Launches, Umstrukturierungen, Urlaub: die Daten, die deine Wochen bewegen. Sie markieren diesen Kalender und die Verlaufsdiagramme, und Urlaub markiert freie Tage.
events-span-label = Ereignisse in diesem Zeitraum
events-none = Keine Ereignisse in diesem Zeitraum.
event-remove = Entfernen
event-remove-label = Entfernen: { $kind }, { $dates }

## Die Impulse

prompts-hint = Keels Fragen und deine eigenen. Ausgeblendete Impulse werden nie gewählt; hier holst du sie zurück, wann immer du willst.
prompts-write = Eigene schreiben
prompts-filter = Welche Impulse
prompts-all = Alle
prompts-mine = Deine
prompts-hidden = Ausgeblendet
prompts-count = { $shown } von { $total } Impulsen
prompt-placeholder = Eine Frage, die dir gestellt werden soll…
prompt-text-label = Die Frage des Impulses
prompt-side = Seite
prompt-cadence = Wie oft
prompt-theme = Thema
prompt-add = Impuls hinzufügen
prompt-yours = deiner
prompt-edited = bearbeitet
prompt-show-again = Wieder zeigen
prompt-delete = Löschen
side-bridge = Dazwischen
cadence-daily = Täglich
cadence-weekly = Wöchentlich
theme-boundaries = Grenzen
theme-pressure = Druck
theme-recovery = Erholung
theme-values = Werte
theme-change = Veränderung
theme-relationships = Beziehungen
theme-identity = Identität
theme-perspective = Perspektive
save = Speichern
cancel = Abbrechen

## Deine Daten

data-hint = Alles bleibt auf diesem Computer, bis du es exportierst.
export-title = Export
export-hint = Keel-JSON enthält alles und lässt sich verlustfrei wieder importieren; Markdown ist eine lesbare Datei pro Tag; CSV enthält die Check-ins für eine Tabellenkalkulation.
export-warning = Exporte werden unverschlüsselt geschrieben, auch wenn das Tagebuch eine Passphrase hat: Sie sind dafür da, Keel zu verlassen oder andere Werkzeuge zu nutzen. Sicherungen bleiben verschlüsselt.
export-json = Keel-JSON…
export-markdown = Markdown-Ordner…
export-csv = CSV der Check-ins…
export-done = { $files ->
    [one] Das Tagebuch wurde nach { $path } exportiert. Der Export ist nicht verschlüsselt: Bewahre ihn an einem sicheren Ort auf.
   *[other] { $files } Dateien wurden nach { $path } exportiert. Der Export ist nicht verschlüsselt: Bewahre ihn an einem sicheren Ort auf.
}
export-cancelled = Export abgebrochen.
export-failed = Nicht exportiert: { $reason }
import-title = Import
import-hint = Nichts wird geschrieben, bevor du bestätigst. Wer dieselbe Datei zweimal importiert, fügt beim zweiten Mal nichts hinzu.
import-from = Importieren aus
import-from-label = Aus
import-side = Einträge ablegen in
import-side-label = Einträge kommen nach
import-skip-bad = Einträge überspringen, die sich nicht lesen lassen
import-file = Die Datei zum Importieren
source-jrnl = jrnl (JSON-Export)
source-dayone = Day One (JSON oder ZIP)
source-keel = Keel-JSON
import-plan = { $new } von { $entries } Einträgen werden in { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} importiert.
import-plan-span = { $new } von { $entries } Einträgen werden in { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} importiert, { $first } bis { $last }.
import-done = { $new } von { $entries } Einträgen wurden in { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} importiert.
import-done-span = { $new } von { $entries } Einträgen wurden in { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} importiert, { $first } bis { $last }.
import-duplicates = { $n ->
    [one] 1 wurde schon früher importiert und bleibt, wie er ist.
   *[other] { $n } wurden schon früher importiert und bleiben, wie sie sind.
}
import-conflicts = { $n ->
    [one] 1 Tag hat schon Text: { $dates }.
   *[other] { $n } Tage haben schon Text: { $dates }.
}
import-apply = { $n ->
    [one] 1 Eintrag importieren
   *[other] { $n } Einträge importieren
}
import-nothing-new = Nichts Neues zu importieren
import-open-first = { $date } öffnen
import-skipped = Eintrag { $entry }, { $field }: { $reason }

## Der Sperrbildschirm

lock-title = Dein Tagebuch ist gesperrt
lock-hint = Es ist auf diesem Computer verschlüsselt. Gib seine Passphrase ein, um es zu öffnen.
lock-unlock = Entsperren
lock-unlocking = Wird entsperrt…

## Die Ereignisse des Arbeitszyklus

event-kind-other = Etwas anderes…
event-own-kind = Deine eigene Art
event-own-kind-placeholder = Dein eigenes Wort, z. B. Offsite
event-note-placeholder = Eine Notiz (freiwillig)
event-add = Ereignis hinzufügen
event-from = Von
event-to = bis (freiwillig)
event-what = Was
event-note = Notiz
trends-table = { $n ->
    [one] Das Diagramm als Tabelle (1 Tag)
   *[other] Das Diagramm als Tabelle ({ $n } Tage)
}
trends-table-label = Die Tage des Diagramms
trends-table-day = Tag
trends-table-stress-mean = Stress, 7-Tage-Mittel
trends-table-resilience-mean = Widerstandskraft, 7-Tage-Mittel
trends-weekday-table = Das Diagramm als Tabelle
trends-table-weekday = Wochentag
trends-table-mean-stress = Durchschnittlicher Stress
trends-table-days = Tage
trends-table-review-day = Review-Tag

## Settings → Sync (ui/views/sync-section.js)

sync-title = Abgleich
sync-hint = Halte dieses Tagebuch auf jedem deiner Computer, über einen Ordner, den du schon abgleichst: Syncthing, Nextcloud, Dropbox, eine Netzwerkfreigabe, ein USB-Stick. Keel schreibt dort nur versiegelte Änderungsdateien, nie das Tagebuch selbst; ein anderer Computer tritt mit demselben Ordner und derselben Passphrase bei.
sync-needs-passphrase = Der Abgleich braucht eine Passphrase: Der Ordner liegt auf fremden Computern, also versiegelt Keel alles, was es dort ablegt, damit. Lege oben zuerst eine fest.
sync-folder = Ordner
sync-folder-placeholder = /home/du/Sync/keel
sync-folder-hint = Ein Ordner, den dein Abgleich-Werkzeug schon auf deinen anderen Computern hält. Der erste Computer legt Keels Teil darin an, die anderen treten bei.
sync-name = Name dieses Computers
sync-passphrase = Passphrase des Abgleich-Ordners
sync-attach = Abgleich einschalten
sync-attaching = Wird eingeschaltet…
sync-folder-first = Gib zuerst den Ordner an, über den abgeglichen wird.
sync-passphrase-first = Gib zuerst die Passphrase ein: Sie versiegelt, was in den Ordner geht.
page-sync-started = Der Abgleich ist an: Dieser Computer hat den Abgleich-Ordner angelegt und { $went ->
    [one] 1 Änderung
   *[other] { $went } Änderungen
} hineingeschrieben.
page-sync-joined = Der Abgleich ist an: { $came ->
    [one] 1 Änderung kam herein
   *[other] { $came } Änderungen kamen herein
}, { $went } gingen hinaus.
sync-folder-is = Abgleich über
page-sync-never = nie
sync-last-exchange = Letzter Abgleich: { $when }
sync-waiting = { $n ->
    [0] Nichts wartet darauf, hinauszugehen.
    [one] 1 Seite wartet darauf, hinauszugehen.
   *[other] { $n } Seiten warten darauf, hinauszugehen.
}
sync-failed = Der letzte Abgleich hat nicht geklappt: { $why } Deine Seiten sind hier sicher; Keel versucht es wieder.
sync-devices = Computer
sync-this-computer = { $name } (dieser Computer)
sync-last-wrote = zuletzt geschrieben { $when }
sync-conflicts = { $n ->
    [one] 1 Seite hat zwei Fassungen eines Textes, beide behalten, zum Auswählen:
   *[other] { $n } Seiten haben zwei Fassungen eines Textes, beide behalten, zum Auswählen:
}
sync-no-conflicts = Keine Seite wartet darauf, dass du zwischen zwei Fassungen wählst.
sync-now = Jetzt abgleichen
sync-exchanging = Wird abgeglichen…
page-sync-exchanged = { $came ->
    [one] 1 Änderung kam herein
   *[other] { $came } Änderungen kamen herein
}, { $went } gingen hinaus.
sync-detach = Trennen
sync-detaching = Wird getrennt…
sync-detach-confirm = Dieses Tagebuch nicht mehr abgleichen? Deine Seiten bleiben hier, und der Ordner bleibt, wie er ist.
page-sync-detached = Der Abgleich ist aus. Deine Seiten sind alle noch hier.
