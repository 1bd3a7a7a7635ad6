# The command line's own words, in English. Each message has its counterpart in de/cli.ftl and
# es/cli.ftl (the checks fail otherwise).

# A day's date in full, as a strftime pattern (chrono, with the language's month and day names).
date-long = %A %-d %B %Y
show-nothing = (nothing written)
show-stress = stress { $n }/10
show-resilience = resilience { $n }/10
show-overlap = overlap { $n }/7
show-boundary = { $boundary ->
    [kept] boundary kept
   *[broken] boundary broken
}
show-boundary-minutes = { $boundary ->
    [kept] boundary kept ({ $minutes } min after hours)
   *[broken] boundary broken ({ $minutes } min after hours)
}
show-after-hours = { $minutes } min after hours
show-tags = tags: { $tags }
show-no-page = There is no page for { $date }.
prompt-bridge = Between them
prompt-weekly = This week's reflection:
date-short = %a %-d %b
date-short-year = %a %-d %b %Y
date-day-month = %A %-d %B
week-title = Week { $week } ({ $from } to { $to })
week-row-stress = stress
week-row-resilience = resilience
week-row-overlap = overlap
week-row-boundary = boundary
week-row-check-ins = check-ins
week-row-hardest = hardest day
week-row-review = review days
week-no-checkins = no check-ins
week-mean = mean { $mean } (lowest { $min }, highest { $max }; { $n ->
    [one] 1 day
   *[other] { $n } days
}{ $last }{ $four })
week-vs-last = , last week { $mean }
week-vs-four = , 4-week { $mean }
week-boundary-line = held { $kept } of { $answered } days answered; { $minutes } min after hours
week-check-ins-line = { $n } of 7 days
week-hardest-line = { $date } (stress { $stress }): { $excerpt }
week-review-line = stress { $review } against { $other } on other days
week-last-boundary = Last week's boundary: { $boundary }
week-kept = Kept it: { $kept ->
    [yes] yes
   *[no] no
}
week-next-boundary = A boundary to keep next week: { $boundary }
week-value-unknown = value { $id }
week-outcome-held = held
week-outcome-bent = bent
week-outcome-not-tested = not tested
date-weekday = %a
search-week = Week { $week }
search-event = Event
search-nothing = Nothing found.
stats-range = From { $from } to { $to }: { $n ->
    [one] 1 day with a check-in.
   *[other] { $n } days with a check-in.
}
stats-none = No check-ins yet.
stats-mean = { $mean } over { $n ->
    [one] 1 day
   *[other] { $n } days
}
stats-last-7 = Last 7 days to { $date }: stress { $stress }, resilience { $resilience }.
stats-weekdays = Stress by weekday:
stats-review-day = {" "}(review day)
stats-weekday-mean = { $mean } ({ $n ->
    [one] 1 day
   *[other] { $n } days
})
stats-values = Your values:
stats-events = Events in this range:
saved = Saved { $date }.
values-none = No values named yet. Name 3 to 7 with `keel values set TEXT...`.
values-practice = in practice: { $practice }
values-retired = Retired (kept for the weeks that named them):
event-span = { $start } to { $end }
event-added = Added event { $id }.
events-none = No events.
event-removed = Removed event { $event }.
could-not-write = Could not write { $path }: { $reason }.
could-not-read = Could not read { $path }: { $reason }.
exported-json = Exported the journal to { $out } (Keel JSON). The file is not encrypted.
exported-csv = Exported the check-ins to { $out } (CSV).
exported-markdown = Exported { $n ->
    [one] 1 page
   *[other] { $n } pages
} to { $out } (Markdown). The files are not encrypted.
import-span = , { $first } to { $last }
import-would = Would import { $new } of { $entries } entries into { $days ->
    [one] 1 day
   *[other] { $days } days
}{ $span }; { $duplicates } already imported.
import-did = Imported { $new } of { $entries } entries into { $days ->
    [one] 1 day
   *[other] { $days } days
}{ $span }; { $duplicates } already imported.
import-conflicts-kept = { $n ->
    [one] 1 day already had writing (kept as it was): { $dates }
   *[other] { $n } days already had writing (kept as they were): { $dates }
}
import-conflicts-added = { $n ->
    [one] 1 day already had writing (added below what was there): { $dates }
   *[other] { $n } days already had writing (added below what was there): { $dates }
}
import-skipped = Skipped { $entry }
backed-up = Backed up to { $path } ({ $bytes } bytes, verified); { $removed } old backups removed.
backups-none = No backups yet.
bytes = { $n } bytes
no-backup-to-restore = There is no backup to restore.
backup-passphrase-prompt = The backup's passphrase:{" "}
restored = Restored { $n ->
    [one] 1 page
   *[other] { $n } pages
} from { $file }. The journal as it was is kept in { $aside }.
passphrase-already-set = The journal is encrypted already; `keel passphrase change` changes its passphrase.
passphrase-old-backups = There are { $n } backups taken before, which are not encrypted: add --encrypt-old-backups to encrypt them too, or --remove-old-backups to delete them. Nothing was changed.
passphrase-old-removed = { $n ->
    [one] 1 unencrypted backup was removed.
   *[other] { $n } unencrypted backups were removed.
}
passphrase-old-encrypted = { $n ->
    [one] 1 backup taken before was encrypted too.
   *[other] { $n } backups taken before were encrypted too.
}
passphrase-set = The journal is encrypted. { $old }Keep the passphrase safe: without it the journal cannot be read.
passphrase-none-to-change = The journal is not encrypted; `keel passphrase set` encrypts it.
passphrase-changed = The passphrase was changed.
passphrase-none-to-remove = The journal is not encrypted.
passphrase-removed = The journal is no longer encrypted. Backups taken while it was stay encrypted.
passphrase-file-unreadable = Could not read the passphrase file { $path }: { $reason }.
passphrase-needed = A passphrase is needed: type it at a terminal, or name a file holding it in { $env }.
passphrase-unreadable = Could not read the passphrase: { $reason }.
passphrase-prompt = Passphrase:{" "}
passphrase-new-prompt = New passphrase:{" "}
passphrase-again-prompt = The same again:{" "}
passphrases-differ = The two passphrases differ; nothing was changed.
reminders-not-synced = the reminders could not be brought up to date: { $reason }
damaged-newest-backup = Nothing was changed. The newest backup is from { $taken }: `keel backup restore` restores it and keeps the journal as it is now.
settings-end-of-work = End of work:
settings-working-days = Working days:
settings-working-days-value = { $days } (days off: { $off })
settings-review-days = Review days:
settings-week-start = Week starts on:
settings-reflection-day = Reflection day:
settings-theme = Theme:
settings-language = Language:
settings-lock = Encrypted journal locks:
settings-lock-never = never
settings-lock-after = after { $n } minutes unused
settings-reminders = Reminders:
settings-remind-end-of-work = End of work:
settings-remind-end-of-work-on = on, at { $time } on working days
settings-remind-check-in = Daily check-in:
settings-remind-check-in-on = on, at { $time } on working days without a check-in
settings-remind-weekly = Weekly reflection:
settings-remind-weekly-on = on, at { $time } on { $day } while the week has no reflection
settings-remind-background = While Keel is closed:
settings-on = on
settings-off = off
settings-no-days = none
keel-not-found = Could not find where keel is installed: { $reason }.
keel-not-started = Could not start Keel ({ $program }): { $reason }.
remind-off = Reminders while Keel is closed are off, so keel remind has nothing to send. Turn them on in Keel's Settings → Reminders, or with `keel settings set --background on`.
remind-app-open = Keel is open on this journal and sends its own reminders.
remind-nothing-due = Nothing is due now.
remind-due-now = Due now:{" "}
remind-sent = Sent:{" "}
remind-next-look = Next look today: { $time }
remind-answered = Answered { $date }: { $answer ->
    [done] done for today
   *[still-working] still working
}. It is written into the day when Keel next opens the journal.
remind-snoozed = Snoozed until { $time }.

## What clap writes itself in `keel --help` (src/bin/keel/help.rs)

help-heading-usage = Usage:
help-heading-commands = Commands
help-heading-command-value = COMMAND
help-heading-options = Options
help-heading-arguments = Arguments
help-flag = Print help
help-version = Print version
help-command = Print this message or the help of the given subcommand(s)
help-command-arg = Print help for the subcommand(s)
help-command-value = COMMAND

## The man pages' section headings (generated by the test in src/bin/keel/main.rs)

man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-subcommands = SUBCOMMANDS
man-version = VERSION

## Usage errors and the terminal (exit code 2, or a failed read or write)

usage-hint = Run `keel --help` for the commands.
usage-event-id = “{ $id }” is not an event id; `keel event list` shows them
usage-markdown-folder = a Markdown export is a folder: give --out DIR.
usage-import-side = imported entries go to role or self.
usage-search-empty = give something to search for: words, a "phrase", a #tag or a range.
usage-stdin-once = only one of --role and --self can read standard input.
usage-nothing-to-save = nothing to save: give --role, --self, or a check-in such as --stress.
usage-on-off = --{ $flag } takes on or off, not “{ $value }”
usage-weekday = “{ $value }” is not a day of the week; write mon, tue, wed, thu, fri, sat or sun
usage-theme = --theme takes system, light or dark, not “{ $value }”
usage-language = --language takes system, en, de or es, not “{ $value }”
stdin-unreadable = Could not read the text from standard input: { $reason }.
stdout-unwritable = Could not write the output: { $reason }.

## Usage errors clap finds (src/bin/keel/help.rs, usage_error)

usage-unknown-argument = “{ $arg }” is not an option here
usage-unknown-command = “{ $command }” is not a command
usage-invalid-value = “{ $value }” is not a value { $arg } takes
usage-invalid-value-why = “{ $value }” is not a value { $arg } takes: { $why }
usage-missing = { $args } must be given
usage-conflict = { $arg } cannot be used with { $other }

## keel sync
sync-started = Started a sync folder in { $path } as “{ $name }”. Another computer joins it with `keel sync attach` and the same passphrase.
sync-joined = Joined the sync folder in { $path } as “{ $name }”.
sync-exchanged = { $came ->
    [one] 1 change came in
   *[other] { $came } changes came in
}, { $went ->
    [one] 1 went out.
   *[other] { $went } went out.
}
sync-days-changed = Pages changed here: { $days }
sync-records-changed = Also changed here: { $records }
sync-refused = Not taken (this journal keeps its own): { $field }, { $why }
sync-unreadable = { $n ->
    [one] 1 change file could not be read yet; it is tried again next time.
   *[other] { $n } change files could not be read yet; they are tried again next time.
}
sync-written-again = This computer's files were damaged or gone in the folder: { $n } changes written again.
sync-status-none = This journal is not attached to a sync folder.
sync-status-folder = Folder:          { $path }
sync-status-device = This computer:   { $name } ({ $id })
sync-status-last = Last exchange:   { $when }
sync-never = never
sync-status-devices = Computers:
sync-status-this-device = { $name } ({ $id }, this one): last wrote { $when }
sync-status-other-device = { $name } ({ $id }): last wrote { $when }
sync-status-waiting = Waiting to go:   { $n ->
    [one] 1 page
   *[other] { $n } pages
}
sync-status-no-conflicts = Conflicts:       none
sync-status-conflicts = Conflicts:       { $days } (both versions are in the text; keep what you want and delete the markers)
sync-detached = Detached from { $path }. The folder and your pages stay as they are.
