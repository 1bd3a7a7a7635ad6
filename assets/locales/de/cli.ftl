# Die eigenen Worte der Kommandozeile auf Deutsch; dieselben Nachrichten wie en/cli.ftl.

# Das Datum eines Tages in voller Länge, als strftime-Muster (chrono, mit den deutschen Namen).
date-long = %A, %-d. %B %Y
show-nothing = (nichts geschrieben)
show-stress = Stress { $n }/10
show-resilience = Widerstandskraft { $n }/10
show-overlap = Überschneidung { $n }/7
show-boundary = { $boundary ->
    [kept] Grenze gehalten
   *[broken] Grenze überschritten
}
show-boundary-minutes = { $boundary ->
    [kept] Grenze gehalten ({ $minutes } Min. nach Feierabend)
   *[broken] Grenze überschritten ({ $minutes } Min. nach Feierabend)
}
show-after-hours = { $minutes } Min. nach Feierabend
show-tags = Schlagwörter: { $tags }
show-no-page = Für den { $date } gibt es keine Seite.
prompt-bridge = Dazwischen
prompt-weekly = Zum Rückblick auf diese Woche:
date-short = %a, %-d. %b
date-short-year = %a, %-d. %b %Y
date-day-month = %A, %-d. %B
week-title = Woche { $week } ({ $from } bis { $to })
week-row-stress = Stress
week-row-resilience = Widerstandskraft
week-row-overlap = Überschneidung
week-row-boundary = Grenze
week-row-check-ins = Check-ins
week-row-hardest = Schwerster Tag
week-row-review = Review-Tage
week-no-checkins = keine Check-ins
week-mean = Mittel { $mean } (niedrigster { $min }, höchster { $max }; { $n ->
    [one] 1 Tag
   *[other] { $n } Tage
}{ $last }{ $four })
week-vs-last = , letzte Woche { $mean }
week-vs-four = , 4 Wochen { $mean }
week-boundary-line = gehalten an { $kept } von { $answered } beantworteten Tagen; { $minutes } Min. nach Feierabend
week-check-ins-line = an { $n } von 7 Tagen
week-hardest-line = { $date } (Stress { $stress }): { $excerpt }
week-review-line = Stress { $review } gegenüber { $other } an den anderen Tagen
week-last-boundary = Die Grenze der letzten Woche: { $boundary }
week-kept = Gehalten: { $kept ->
    [yes] ja
   *[no] nein
}
week-next-boundary = Eine Grenze für nächste Woche: { $boundary }
week-value-unknown = Wert { $id }
week-outcome-held = gehalten
week-outcome-bent = nachgegeben
week-outcome-not-tested = nicht geprüft
date-weekday = %a
search-week = Woche { $week }
search-event = Ereignis
search-nothing = Nichts gefunden.
stats-range = Vom { $from } bis { $to }: { $n ->
    [one] 1 Tag mit Check-in.
   *[other] { $n } Tage mit Check-in.
}
stats-none = Noch keine Check-ins.
stats-mean = { $mean } über { $n ->
    [one] 1 Tag
   *[other] { $n } Tage
}
stats-last-7 = Die letzten 7 Tage bis { $date }: Stress { $stress }, Widerstandskraft { $resilience }.
stats-weekdays = Stress nach Wochentag:
stats-review-day = {" "}(Review-Tag)
stats-weekday-mean = { $mean } ({ $n ->
    [one] 1 Tag
   *[other] { $n } Tage
})
stats-values = Deine Werte:
stats-events = Ereignisse in diesem Zeitraum:
saved = { $date } gespeichert.
values-none = Noch keine Werte genannt. Nenne 3 bis 7 mit `keel values set TEXT...`.
values-practice = im Alltag: { $practice }
values-retired = Zurückgelegt (aufbewahrt für die Wochen, die sie genannt haben):
event-span = { $start } bis { $end }
event-added = Ereignis { $id } hinzugefügt.
events-none = Keine Ereignisse.
event-removed = Ereignis entfernt: { $event }.
could-not-write = { $path } ließ sich nicht schreiben: { $reason }.
could-not-read = { $path } ließ sich nicht lesen: { $reason }.
exported-json = Das Tagebuch wurde nach { $out } exportiert (Keel-JSON). Die Datei ist nicht verschlüsselt.
exported-csv = Die Check-ins wurden nach { $out } exportiert (CSV).
exported-markdown = { $n ->
    [one] 1 Seite wurde
   *[other] { $n } Seiten wurden
} nach { $out } exportiert (Markdown). Die Dateien sind nicht verschlüsselt.
import-span = , { $first } bis { $last }
import-would = Würde { $new } von { $entries } Einträgen in { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} importieren{ $span }; { $duplicates } schon importiert.
import-did = { $new } von { $entries } Einträgen in { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} importiert{ $span }; { $duplicates } schon importiert.
import-conflicts-kept = { $n ->
    [one] 1 Tag hatte schon Text (so gelassen, wie er war): { $dates }
   *[other] { $n } Tage hatten schon Text (so gelassen, wie sie waren): { $dates }
}
import-conflicts-added = { $n ->
    [one] 1 Tag hatte schon Text (unter das Vorhandene angefügt): { $dates }
   *[other] { $n } Tage hatten schon Text (unter das Vorhandene angefügt): { $dates }
}
import-skipped = Übersprungen: { $entry }
backed-up = Gesichert nach { $path } ({ $bytes } Bytes, geprüft); { $removed } alte Sicherungen entfernt.
backups-none = Noch keine Sicherungen.
bytes = { $n } Bytes
no-backup-to-restore = Es gibt keine Sicherung zum Wiederherstellen.
backup-passphrase-prompt = Die Passphrase der Sicherung:{" "}
restored = { $n ->
    [one] 1 Seite
   *[other] { $n } Seiten
} aus { $file } wiederhergestellt. Das Tagebuch, wie es war, liegt in { $aside }.
passphrase-already-set = Das Tagebuch ist schon verschlüsselt; `keel passphrase change` ändert seine Passphrase.
passphrase-old-backups = Es gibt { $n } frühere Sicherungen, die nicht verschlüsselt sind: Füge --encrypt-old-backups hinzu, um sie auch zu verschlüsseln, oder --remove-old-backups, um sie zu löschen. Es wurde nichts verändert.
passphrase-old-removed = { $n ->
    [one] 1 unverschlüsselte Sicherung wurde entfernt.
   *[other] { $n } unverschlüsselte Sicherungen wurden entfernt.
}
passphrase-old-encrypted = { $n ->
    [one] 1 frühere Sicherung wurde ebenfalls verschlüsselt.
   *[other] { $n } frühere Sicherungen wurden ebenfalls verschlüsselt.
}
passphrase-set = Das Tagebuch ist verschlüsselt. { $old }Bewahre die Passphrase gut auf: Ohne sie lässt sich das Tagebuch nicht lesen.
passphrase-none-to-change = Das Tagebuch ist nicht verschlüsselt; `keel passphrase set` verschlüsselt es.
passphrase-changed = Die Passphrase wurde geändert.
passphrase-none-to-remove = Das Tagebuch ist nicht verschlüsselt.
passphrase-removed = Das Tagebuch ist nicht mehr verschlüsselt. Sicherungen aus der verschlüsselten Zeit bleiben verschlüsselt.
passphrase-file-unreadable = Die Passphrase-Datei { $path } ließ sich nicht lesen: { $reason }.
passphrase-needed = Eine Passphrase wird gebraucht: Gib sie in einem Terminal ein oder nenne in { $env } eine Datei, die sie enthält.
passphrase-unreadable = Die Passphrase ließ sich nicht lesen: { $reason }.
passphrase-prompt = Passphrase:{" "}
passphrase-new-prompt = Neue Passphrase:{" "}
passphrase-again-prompt = Noch einmal dieselbe:{" "}
passphrases-differ = Die beiden Passphrasen sind verschieden; es wurde nichts geändert.
reminders-not-synced = die Erinnerungen ließen sich nicht auf den neuesten Stand bringen: { $reason }
damaged-newest-backup = Es wurde nichts verändert. Die neueste Sicherung ist vom { $taken }: `keel backup restore` stellt sie wieder her und bewahrt das Tagebuch, wie es jetzt ist.
settings-end-of-work = Feierabend:
settings-working-days = Arbeitstage:
settings-working-days-value = { $days } (frei: { $off })
settings-review-days = Review-Tage:
settings-week-start = Wochenbeginn:
settings-reflection-day = Rückblickstag:
settings-theme = Erscheinungsbild:
settings-language = Sprache:
settings-lock = Verschlüsseltes Tagebuch sperrt:
settings-lock-never = nie
settings-lock-after = nach { $n } Minuten ohne Benutzung
settings-reminders = Erinnerungen:
settings-remind-end-of-work = Feierabend:
settings-remind-end-of-work-on = an, um { $time } an Arbeitstagen
settings-remind-check-in = Täglicher Check-in:
settings-remind-check-in-on = an, um { $time } an Arbeitstagen ohne Check-in
settings-remind-weekly = Wochenrückblick:
settings-remind-weekly-on = an, um { $time } am { $day }, solange die Woche keinen Rückblick hat
settings-remind-background = Wenn Keel geschlossen ist:
settings-on = an
settings-off = aus
settings-no-days = keine
keel-not-found = Es ließ sich nicht herausfinden, wo keel installiert ist: { $reason }.
keel-not-started = Keel ließ sich nicht starten ({ $program }): { $reason }.
remind-off = Erinnerungen bei geschlossenem Keel sind aus, also hat keel remind nichts zu senden. Schalte sie in Keels Einstellungen → Erinnerungen ein oder mit `keel settings set --background on`.
remind-app-open = Keel ist mit diesem Tagebuch geöffnet und sendet seine eigenen Erinnerungen.
remind-nothing-due = Gerade ist nichts fällig.
remind-due-now = Jetzt fällig:{" "}
remind-sent = Gesendet:{" "}
remind-next-look = Nächster Blick heute: { $time }
remind-answered = Beantwortet für { $date }: { $answer ->
    [done] fertig für heute
   *[still-working] ich arbeite noch
}. Es wird in den Tag geschrieben, sobald Keel das Tagebuch das nächste Mal öffnet.
remind-snoozed = Geschlummert bis { $time }.

## Was clap in `keel --help` selbst schreibt

help-heading-usage = Aufruf:
help-heading-commands = Befehle
help-heading-command-value = BEFEHL
help-heading-options = Optionen
help-heading-arguments = Argumente
help-flag = Hilfe zeigen
help-version = Version zeigen
help-command = Diese Hilfe zeigen, oder die Hilfe der genannten Befehle
help-command-arg = Die Hilfe dieser Befehle zeigen
help-command-value = BEFEHL

## Die Abschnittsüberschriften der Handbuchseiten

man-name = BEZEICHNUNG
man-synopsis = ÜBERSICHT
man-description = BESCHREIBUNG
man-options = OPTIONEN
man-subcommands = UNTERBEFEHLE
man-version = VERSION

## Aufruffehler und das Terminal

usage-hint = `keel --help` zeigt die Befehle.
usage-event-id = „{ $id }“ ist keine Ereignis-ID; `keel event list` zeigt sie
usage-markdown-folder = ein Markdown-Export ist ein Ordner: gib --out ORDNER an.
usage-import-side = importierte Einträge kommen zu role oder self.
usage-search-empty = gib etwas zum Suchen an: Wörter, eine "Phrase", ein #Schlagwort oder einen Zeitraum.
usage-stdin-once = nur eines von --role und --self kann die Standardeingabe lesen.
usage-nothing-to-save = nichts zu speichern: gib --role, --self oder einen Check-in wie --stress an.
usage-on-off = --{ $flag } nimmt on oder off, nicht „{ $value }“
usage-weekday = „{ $value }“ ist kein Wochentag; schreib mon, tue, wed, thu, fri, sat oder sun
usage-theme = --theme nimmt system, light oder dark, nicht „{ $value }“
usage-language = --language nimmt system, en, de oder es, nicht „{ $value }“
stdin-unreadable = Der Text ließ sich nicht von der Standardeingabe lesen: { $reason }.
stdout-unwritable = Die Ausgabe ließ sich nicht schreiben: { $reason }.

## Aufruffehler, die clap findet

usage-unknown-argument = „{ $arg }“ ist hier keine Option
usage-unknown-command = „{ $command }“ ist kein Befehl
usage-invalid-value = „{ $value }“ ist kein Wert für { $arg }
usage-invalid-value-why = „{ $value }“ ist kein Wert für { $arg }: { $why }
usage-missing = { $args } muss angegeben werden
usage-conflict = { $arg } geht nicht zusammen mit { $other }

## keel sync
sync-started = Sync-Ordner in { $path } als „{ $name }“ angelegt. Ein anderer Computer tritt ihm mit `keel sync attach` und derselben Passphrase bei.
sync-joined = Dem Sync-Ordner in { $path } als „{ $name }“ beigetreten.
sync-exchanged = { $came ->
    [one] 1 Änderung kam herein
   *[other] { $came } Änderungen kamen herein
}, { $went ->
    [one] 1 ging hinaus.
   *[other] { $went } gingen hinaus.
}
sync-days-changed = Hier geänderte Seiten: { $days }
sync-records-changed = Außerdem hier geändert: { $records }
sync-refused = Nicht übernommen (dieses Tagebuch behält seinen Wert): { $field }, { $why }
sync-unreadable = { $n ->
    [one] 1 Änderungsdatei ließ sich noch nicht lesen; sie wird beim nächsten Mal wieder versucht.
   *[other] { $n } Änderungsdateien ließen sich noch nicht lesen; sie werden beim nächsten Mal wieder versucht.
}
sync-written-again = Die Dateien dieses Computers waren im Ordner beschädigt oder fehlten: { $n } Änderungen neu geschrieben.
sync-status-none = Dieses Tagebuch ist mit keinem Sync-Ordner verbunden.
sync-status-folder = Ordner:             { $path }
sync-status-device = Dieser Computer:    { $name } ({ $id })
sync-status-last = Letzter Abgleich:   { $when }
sync-never = nie
sync-status-devices = Computer:
sync-status-this-device = { $name } ({ $id }, dieser): zuletzt geschrieben { $when }
sync-status-other-device = { $name } ({ $id }): zuletzt geschrieben { $when }
sync-status-waiting = Wartet auf Versand: { $n ->
    [one] 1 Seite
   *[other] { $n } Seiten
}
sync-status-no-conflicts = Konflikte:          keine
sync-status-conflicts = Konflikte:          { $days } (beide Fassungen stehen im Text; behalte, was du willst, und lösche die Markierungen)
sync-detached = Von { $path } getrennt. Der Ordner und deine Seiten bleiben, wie sie sind.
