# The words the core puts into what it returns (the trends' and the week's sentences, notices,
# errors). Empty until the core's sentences move here (issue 19, next step); the page loads it
# beside ui.ftl, so a message here reaches both.

## Erinnerungen (src/remind/notice.rs): je eine Zeile, sanft, ohne Zählen

notice-end-of-work = Feierabend
notice-end-of-work-body = Es ist { $time }, der Feierabend, den du dir gesetzt hast. Möchtest du noch etwas auf die Seite der Rolle schreiben, bevor du sie schließt?
notice-open-today = Heute öffnen
notice-done = Fertig für heute
notice-still-working = Ich arbeite noch
notice-in-30 = In 30 Minuten
notice-in-60 = In einer Stunde
notice-check-in = Check-in
notice-check-in-body = Wie war der Tag? Der Check-in dauert eine Minute, wann immer du magst.
notice-check-in-open = Einchecken
notice-weekly = Wochenrückblick
notice-weekly-body = Heute ist dein Tag zum Zurückblicken: ein paar Minuten für die Woche, wenn du so weit bist.
notice-weekly-open = Die Woche öffnen

## Die Vergleiche der Verläufe (src/analytics/trends.rs): einfache Mittelwerte, nie Ursachen

cmp-enough = { $what } lag im Mittel bei { $a-mean } { $a-label } ({ $a-n ->
    [one] 1 Tag
   *[other] { $a-n } Tage
}) und bei { $b-mean } { $b-label } ({ $b-n ->
    [one] 1 Tag
   *[other] { $b-n } Tage
}).
cmp-not-enough = Noch zu wenige Daten für { $what-for }: { $a-n ->
    [one] 1 Tag
   *[other] { $a-n } Tage
} { $a-label } und { $b-n } { $b-label }; dieser Vergleich beginnt bei { $min } auf jeder Seite.
cmp-stress = Der Stress
cmp-stress-for = den Stress
cmp-next-stress = Der Stress am nächsten Tag
cmp-next-stress-for = den Stress am nächsten Tag
cmp-resilience = Die Widerstandskraft
cmp-resilience-for = die Widerstandskraft
cmp-boundary-held = an Tagen, an denen die Grenze hielt
cmp-boundary-broke = an Tagen, an denen sie überschritten wurde
cmp-after-held = nachdem die Grenze gehalten hatte
cmp-after-broke = nachdem sie überschritten worden war
cmp-reflected = in Wochen mit einem Wochenrückblick
cmp-unreflected = in Wochen ohne einen
cmp-other-days = an den anderen Tagen
cmp-before-review = in den { $before } Tagen vor einer Leistungsbeurteilung
cmp-before-compensation = in den { $before } Tagen vor einer Gehaltsrunde
cmp-before-planning = in den { $before } Tagen vor einer Planung
cmp-before-launch = in den { $before } Tagen vor einem Launch oder einer Deadline
cmp-after-reorg = in den { $after } Tagen nach Beginn einer Umstrukturierung
cmp-after-new-role = in den { $after } Tagen nach einer neuen Rolle oder Führungskraft
cmp-short-staffed = während das Team unterbesetzt war
cmp-after-time-off = in den { $time-off } Tagen nach dem Urlaub
value-not-tested = „{ $name }“ wurde in { $untested ->
    [one] der einen beantworteten Woche
   *[other] den { $untested } beantworteten Wochen
} nicht geprüft.
value-tested = „{ $name }“ wurde in { $tested ->
    [one] 1 Woche
   *[other] { $tested } Wochen
} geprüft: gehalten in { $held }, nachgegeben in { $bent }; { $untested ->
    [one] 1 Woche hat ihn nicht geprüft
   *[other] { $untested } Wochen haben ihn nicht geprüft
}.

## Fehler (src/error.rs, KeelError::message_in)

error-invalid-date = „{ $input }“ ist kein Datum; schreib es als JJJJ-MM-TT, zum Beispiel 2026-11-28.
error-invalid-week-id = „{ $input }“ ist keine Woche; schreib sie als JJJJ-Www, zum Beispiel 2026-W48.
error-invalid-range = „{ $input }“ ist kein Zeitraum; wähle 30d, 90d, 1y oder all.
error-invalid-rating = { $field } muss eine ganze Zahl von { $min } bis { $max } sein; { $value } liegt außerhalb.
error-field-stress = Stress
error-field-resilience = Widerstandskraft
error-field-overlap = Überschneidung
error-invalid-minutes = Die Minuten nach Feierabend müssen zwischen 0 und { $max } liegen; { $value } liegt außerhalb.
error-entry-too-large = Die Seite für den { $date } hat { $bytes } Bytes, mehr als die { $limit } Bytes, die eine Seite fassen kann; es wurde nichts gespeichert, und der Text gehört weiter dir, um ihn zu kürzen.
error-text-too-large = Der Text hat { $bytes } Bytes, mehr als die { $limit } Bytes, die Keel auf einmal annimmt.
error-unknown-prompt = Es gibt keinen Impuls mit der Kennung „{ $id }“.
error-journal-locked = Das Tagebuch in { $path } ist in einem anderen Keel-Prozess geöffnet; schließe es zuerst dort.
error-newer-schema = Das Tagebuch in { $path } wurde von einer neueren Keel-Version geschrieben (Schema { $found }, diese liest bis { $supported }); es wurde nichts verändert.
error-journal-damaged = Das Tagebuch in { $path } ist beschädigt und lässt sich nicht lesen.
error-no-journal-location = Auf diesem System gibt es keinen Standardort für das Tagebuch; gib einen mit --journal DIR oder KEEL_JOURNAL an.
error-disk-full = Auf dem Datenträger mit dem Tagebuch in { $path } ist kein Platz mehr; schaffe etwas Platz, und Keel speichert wieder.
error-locked = Das Tagebuch in { $path } ist gesperrt; entsperre es mit seiner Passphrase.
error-wrong-passphrase = Diese Passphrase öffnet dieses Tagebuch nicht. Es wurde nichts verändert; versuch es noch einmal.
error-already-encrypted = Das Tagebuch ist schon verschlüsselt; ändere stattdessen seine Passphrase.
error-not-encrypted = Das Tagebuch ist nicht verschlüsselt; setze zuerst eine Passphrase.
error-no-such-backup = Es gibt keine Sicherung mit dem Namen „{ $name }“.
error-invalid-span = Ein Kalender zeigt höchstens ein Jahr, vom ersten bis zum letzten Tag; { $from } bis { $to } ist kein solcher Zeitraum.
error-too-many-attempts = Zu viele falsche Passphrasen; versuch es in { $seconds } s noch einmal.
error-unknown-event = Es gibt kein Ereignis mit der Kennung { $id }.
error-invalid-chart = Dieses Diagramm lässt sich nicht speichern: Es ist kein SVG-Bild in vernünftiger Größe.

## Die Arten von Ereignissen im Arbeitszyklus (die Seite, `keel event`, `keel show`)

kind-review = Leistungsbeurteilung
kind-compensation = Gehaltsrunde
kind-planning = Planung
kind-launch = Launch oder Deadline
kind-reorg = Umstrukturierung
kind-new-role = Neue Rolle oder neue Führungskraft
kind-short-staffed = Team unterbesetzt
kind-time-off = Urlaub
error-invalid-query = Diese Suche lässt sich nicht ausführen: { $reason }.
error-invalid-week = Diese Wochenseite lässt sich nicht speichern: { $reason }.
error-invalid-settings = Diese Einstellungen lassen sich nicht speichern: { $reason }.
error-invalid-prompt = Dieser Impuls lässt sich nicht speichern: { $reason }.
error-invalid-values = Diese Werte lassen sich nicht speichern: { $reason }.
error-invalid-event = Dieses Ereignis lässt sich nicht speichern: { $reason }.

## Warum etwas abgelehnt wurde (error::Reason), innerhalb der Sätze oben

reason-values-count = Nenne { $min } bis { $max } Werte (oder keine); diese Liste hat { $n }
reason-value-name = Ein Wert hat 1 bis { $max } Zeichen mit mindestens einem Buchstaben oder einer Ziffer; „{ $name }“ hat das nicht
reason-value-twice = „{ $name }“ ist zweimal genannt
reason-value-practice = Wie „{ $name }“ im Alltag aussieht, hat höchstens { $max } Zeichen
reason-value-id = Die Kennung { $id } eines Werts ist doppelt vergeben oder 0
reason-value-length = Der Wert „{ $name }“ ist zu lang oder leer
reason-values-active = Höchstens { $max } Werte sind aktiv
reason-why-length = Eine Zeile, warum, hat höchstens { $max } Zeichen
reason-event-kind = Eine Art ist { $kinds } oder ein eigenes Wort mit 1 bis { $max } Zeichen
reason-event-order = Es endet am { $end }, bevor es am { $start } beginnt
reason-event-length = Ein Ereignis dauert höchstens { $max } Tage
reason-event-note = Eine Notiz hat höchstens { $max } Zeichen
reason-prompt-length = Der Text eines Impulses hat 1 bis { $max } Zeichen; dieser hat { $n }
reason-prompt-shipped = Impulse, die mit Keel kommen, lassen sich ausblenden, aber nicht löschen
reason-week-gave = „Was mir die Rolle gegeben hat“ hat { $n } Einträge; eine Woche fasst höchstens { $max }
reason-week-cost = „Was sie mich gekostet hat“ hat { $n } Einträge; eine Woche fasst höchstens { $max }
reason-week-answers = { $n } Antworten; eine Woche fasst höchstens { $max }
reason-week-value-twice = Der Wert { $id } ist zweimal beantwortet
reason-week-values = { $n } Antworten zu Werten; eine Woche fasst höchstens { $max }
reason-no-working-day = Mindestens ein Wochentag muss ein Arbeitstag sein
reason-auto-lock = Das Tagebuch kann sich nach höchstens { $max } Minuten (einem Tag) selbst sperren; 0 heißt nie
reason-time = „{ $input }“ ist keine Uhrzeit; schreib sie als HH:MM, zum Beispiel 18:00
reason-query-number = „{ $token }“ braucht eine ganze Zahl, etwa { $name }>=7

## Fehler von Dateien, Speicher und System. Technische Angaben in { $detail } (Worte eines
## Parsers oder des Systems) erscheinen so, wie sie kamen.

error-bad-import = Diese Datei lässt sich nicht als { $source } importieren: { $reason }. Es wurde nichts importiert.
error-invalid-import-request = { $reason }
error-prompt-library = Keels Impulsbibliothek ist beschädigt: { $reason }.
error-corrupt = Ein gespeicherter Eintrag ({ $what }) ließ sich nicht lesen ({ $detail }); das Tagebuch ist vielleicht beschädigt.
error-io = Fehler beim { $action }: { $reason }
error-write-failed = Keel konnte nicht in das Tagebuch in { $path } schreiben: { $reason }.
error-invalid-passphrase = Diese Passphrase geht nicht: { $reason }.
error-crypto = Keel konnte nicht ver- oder entschlüsseln: { $detail }.
error-journal-busy = Das Tagebuch ist beschäftigt: { $reason }; versuch es gleich noch einmal.
error-notify = Der Desktop hat die Erinnerung nicht gezeigt ({ $detail }); läuft ein Benachrichtigungsdienst?
error-background = Erinnerungen bei geschlossenem Keel lassen sich nicht einrichten: { $reason }.
error-storage = Der Speicher des Tagebuchs hat versagt: { $detail }

## Was eine Dateioperation gerade tat (error-io: „Fehler beim …“)

io-create = Anlegen von { $path }
io-create-backups-folder = Anlegen des Sicherungsordners { $path }
io-create-journal-folder = Anlegen des Tagebuchordners { $path }
io-link = Verknüpfen von { $path }
io-lock = Sperren von { $path }
io-unlock = Entsperren von { $path }
io-move-aside = Beiseitelegen von { $path }
io-name = Benennen von { $path }
io-open = Öffnen von { $path }
io-protect-journal-folder = Schützen des Tagebuchordners { $path }
io-read = Lesen von { $path }
io-read-back = Zurücklesen von { $path }
io-remove = Entfernen von { $path }
io-rename = Umbenennen von { $path }
io-sync = Festschreiben von { $path } auf den Datenträger
io-sync-folder = Festschreiben des Ordners { $path } auf den Datenträger
io-write = Schreiben von { $path }
io-write-mark = Schreiben der Markierung in { $path }

## Warum das System ablehnte

os-not-found = nicht vorhanden
os-permission-denied = der Zugriff wurde verweigert
os-already-exists = schon vorhanden
os-read-only = der Datenträger ist schreibgeschützt
os-disk-full = der Datenträger ist voll
os-not-a-folder = ein Teil des Pfads ist kein Ordner
os-is-a-folder = das ist ein Ordner

## Gründe der Fehler oben

reason-error = { $error }
reason-write-permission = der Zugriff wurde verweigert
reason-write-read-only = der Datenträger ist schreibgeschützt
reason-write-gone = seine Dateien sind weg (wurde der Ordner verschoben oder gelöscht?)
reason-write-disk = der Datenträger hat einen Fehler gemeldet
reason-passphrase-empty = sie ist leer
reason-busy-closing = es wird nach einem fehlgeschlagenen Schreiben noch geschlossen
reason-busy-rewrite = andere Arbeit hielt es offen, darum wurde sein Speicher nicht neu geschrieben
reason-background-no-home = es gibt keinen Benutzerordner für den Zeitgeber
reason-background-no-keel = der Befehl keel ist nicht neben der App installiert (gesucht in { $path })
reason-background-no-exe = die App kann nicht feststellen, wo sie installiert ist ({ $detail })

## Warum sich eine Datei nicht importieren lässt, und warum ein Eintrag fehlerhaft ist

reason-import-source = Keel importiert aus keel, jrnl oder dayone, nicht aus „{ $source }“.
reason-import-side = Importierte Einträge kommen zu role oder self, nicht zu „{ $side }“.
reason-import-raw = Die Datei muss als rohe Bytes geschickt werden.
reason-import-zip = das ZIP lässt sich nicht lesen ({ $detail })
reason-import-zip-name = ein Dateiname im ZIP lässt sich nicht lesen ({ $detail })
reason-import-zip-large = { $name } ist größer als 512 MiB
reason-import-zip-file = { $name } lässt sich nicht aus dem ZIP lesen ({ $detail })
reason-import-zip-empty = das ZIP enthält kein .json-Tagebuch
reason-import-not-json = sie ist kein JSON ({ $detail })
reason-import-no-entries = sie hat keine Liste „entries“, ist also kein Export von { $source }
reason-import-entries = ihre „entries“ sind keine Liste von Einträgen ({ $detail })
reason-import-format = ihr „format“ ist nicht „keel“
reason-import-version = sie hat Version { $version }; dieses Keel liest Version 1 bis { $max }
reason-import-no-list = sie hat keine Liste „{ $key }“
reason-import-values = ihre Werte lassen sich nicht lesen ({ $detail })
reason-import-settings = ihre Einstellungen lassen sich nicht lesen ({ $detail })
reason-import-bad-entries = { $first }{ $more ->
    [0] {""}
    [one] {" "}(und 1 weiterer fehlerhafter Eintrag)
   *[other] {" "}(und { $more } weitere fehlerhafte Einträge)
}
reason-bad-entry = Eintrag { $entry }, Feld „{ $field }“: { $reason }
reason-entry-object = ein Eintrag muss ein Objekt sein
reason-entry-missing = fehlt
reason-entry-text = Text erwartet, { $found } gefunden
reason-entry-list = eine Liste erwartet, { $found } gefunden
reason-entry-bool = true oder false erwartet, { $found } gefunden
reason-entry-tag = jedes Schlagwort muss Text sein
reason-entry-time = „{ $input }“ ist keine Uhrzeit (HH:MM)
reason-entry-date-time = „{ $input }“ ist kein Datum mit Uhrzeit (RFC 3339)
reason-entry-zone = „{ $input }“ ist keine bekannte Zeitzone
reason-entry-page-size = die Seite vom { $date } ist größer, als eine Seite sein kann
reason-entry-note-space = seine Notiz hat Leerraum am Rand
reason-entry-unreadable = { $detail }

## Die zwei Seiten und die Überschriften einer Woche: `keel show`, `keel week` und der Markdown-Export

show-role = Was ich tue
show-self = Wer ich bin
week-gave = Was mir die Rolle gegeben hat
week-cost = Was sie mich gekostet hat
week-values = Meine Werte in dieser Woche
export-next-boundary = Eine Grenze für nächste Woche
export-held = geprüft, und er hat gehalten
export-bent = geprüft, und er hat nachgegeben
export-not-tested = nicht geprüft
export-value-unnamed = Wert { $id }

## Synchronisierung (src/sync)

error-sync-folder = Dieser Sync-Ordner lässt sich nicht verwenden: { $reason }.
reason-sync-folder-taken = dieser Ordner enthält schon einen Keel-Sync-Ordner; tritt ihm stattdessen bei
error-not-syncing = Dieses Tagebuch ist mit keinem Sync-Ordner verbunden.
error-sync-keeps-passphrase = Die Passphrase bleibt, solange das Tagebuch sich abgleicht: der Schlüssel seines Sync-Ordners liegt unter ihr. Trenne zuerst den Sync-Ordner.
reason-sync-needs-passphrase = ein Tagebuch, das sich abgleicht, braucht eine Passphrase, und dieses hat keine (lege zuerst eine fest)
reason-sync-wrong-passphrase = diese Passphrase öffnet ihn nicht, also wurde nichts geändert
reason-sync-attached = dieses Tagebuch ist schon mit { $path } verbunden (trenne es zuerst)
reason-sync-folder-gone = es gibt keinen Ordner { $path } (ist sein Laufwerk oder seine Freigabe verbunden?)
reason-sync-device-name = der Name eines Computers braucht 1 bis 64 Zeichen, ohne Zeilenumbruch

## A save over a page that changed since it was loaded (model::DayPatch::rebased)

merge-typed-here = Hier getippt
merge-saved-meanwhile = Inzwischen gespeichert
