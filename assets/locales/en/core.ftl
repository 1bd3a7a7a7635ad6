# The words the core puts into what it returns (the trends' and the week's sentences, notices,
# errors). Empty until the core's sentences move here (issue 19, next step); the page loads it
# beside ui.ftl, so a message here reaches both.

## Reminders (src/remind/notice.rs): one line each, gentle, no counts

notice-end-of-work = End of work
notice-end-of-work-body = It's { $time }, the end of work you set. Anything to put on the role side before you close it?
notice-open-today = Open today
notice-done = Done for today
notice-still-working = Still working
notice-in-30 = In 30 minutes
notice-in-60 = In an hour
notice-check-in = Check-in
notice-check-in-body = How was today? The check-in takes a minute, whenever you like.
notice-check-in-open = Check in
notice-weekly = Weekly reflection
notice-weekly-body = It's your reflection day: a few minutes on the week, when you are ready.
notice-weekly-open = Open the week

## The trends' comparisons (src/analytics/trends.rs): plain averages, never causes

cmp-enough = { $what } averaged { $a-mean } { $a-label } ({ $a-n ->
    [one] 1 day
   *[other] { $a-n } days
}) and { $b-mean } { $b-label } ({ $b-n ->
    [one] 1 day
   *[other] { $b-n } days
}).
cmp-not-enough = Not enough data yet for { $what-for }: { $a-n ->
    [one] 1 day
   *[other] { $a-n } days
} { $a-label } and { $b-n } { $b-label }; this comparison starts at { $min } of each.
cmp-stress = Stress
cmp-stress-for = stress
cmp-next-stress = The next day's stress
cmp-next-stress-for = the next day's stress
cmp-resilience = Resilience
cmp-resilience-for = resilience
cmp-boundary-held = on days the boundary held
cmp-boundary-broke = on days it broke
cmp-after-held = after the boundary held
cmp-after-broke = after it broke
cmp-reflected = in weeks with a weekly reflection
cmp-unreflected = in weeks without one
cmp-other-days = on the other days
cmp-before-review = in the { $before } days before a performance review
cmp-before-compensation = in the { $before } days before a compensation day
cmp-before-planning = in the { $before } days before planning
cmp-before-launch = in the { $before } days before a launch or deadline
cmp-after-reorg = in the { $after } days after a re-org began
cmp-after-new-role = in the { $after } days after a new role or manager
cmp-short-staffed = while the team was short of people
cmp-after-time-off = in the { $time-off } days after time off
value-not-tested = “{ $name }” was not tested in the { $untested ->
    [one] 1 week
   *[other] { $untested } weeks
} answered.
value-tested = “{ $name }” was tested in { $tested ->
    [one] 1 week
   *[other] { $tested } weeks
}: it held in { $held } and bent in { $bent }; { $untested ->
    [one] 1 week
   *[other] { $untested } weeks
} did not test it.

## Errors (src/error.rs, KeelError::message_in): the same words as their English Display

error-invalid-date = “{ $input }” is not a date; write it as YYYY-MM-DD, for example 2026-11-28.
error-invalid-week-id = “{ $input }” is not a week; write it as YYYY-Www, for example 2026-W48.
error-invalid-range = “{ $input }” is not a range; choose 30d, 90d, 1y or all.
error-invalid-rating = { $field } must be a whole number from { $min } to { $max }; { $value } is outside that range.
error-field-stress = stress
error-field-resilience = resilience
error-field-overlap = overlap
error-invalid-minutes = Minutes worked after hours must be from 0 to { $max }; { $value } is outside that range.
error-entry-too-large = The page for { $date } is { $bytes } bytes, more than the { $limit } bytes a page can hold; nothing was saved, and the text is still yours to shorten.
error-text-too-large = The text is { $bytes } bytes, more than the { $limit } bytes Keel accepts at once.
error-unknown-prompt = There is no prompt with the id “{ $id }”.
error-journal-locked = The journal at { $path } is open in another Keel process; close it there first.
error-newer-schema = The journal at { $path } was written by a newer version of Keel (schema { $found }, this one reads up to { $supported }); nothing was changed.
error-journal-damaged = The journal at { $path } is damaged and cannot be read.
error-no-journal-location = There is no default place for the journal on this system; give one with --journal DIR or KEEL_JOURNAL.
error-disk-full = There is no space left on the disk that holds the journal at { $path }; free some space and Keel will save again.
error-locked = The journal at { $path } is locked; unlock it with its passphrase.
error-wrong-passphrase = That passphrase does not open this journal. Nothing was changed; try again.
error-already-encrypted = The journal is encrypted already; change its passphrase instead.
error-not-encrypted = The journal is not encrypted; set a passphrase first.
error-no-such-backup = There is no backup named “{ $name }”.
error-invalid-span = A calendar shows at most a year, from its first day to its last; { $from } to { $to } is not such a span.
error-too-many-attempts = Too many wrong passphrases; try again in { $seconds } s.
error-unknown-event = There is no event with the id { $id }.
error-invalid-chart = That chart cannot be saved: it is not an SVG picture of a sensible size.

## The work cycle's kinds of event (the page, `keel event`, `keel show`)

kind-review = Performance review
kind-compensation = Compensation day
kind-planning = Planning
kind-launch = Launch or deadline
kind-reorg = Re-org
kind-new-role = New role or manager
kind-short-staffed = Team short of people
kind-time-off = Time off
error-invalid-query = That search cannot be run: { $reason }.
error-invalid-week = That week's page cannot be saved: { $reason }.
error-invalid-settings = Those settings cannot be saved: { $reason }.
error-invalid-prompt = That prompt cannot be saved: { $reason }.
error-invalid-values = Those values cannot be saved: { $reason }.
error-invalid-event = That event cannot be saved: { $reason }.

## Why something was refused (error::Reason), inside the sentences above

reason-values-count = name { $min } to { $max } values (or none); this list has { $n }
reason-value-name = a value is 1 to { $max } characters with at least one letter or digit; “{ $name }” is not
reason-value-twice = “{ $name }” is named twice
reason-value-practice = what “{ $name }” looks like in practice is at most { $max } characters
reason-value-id = the value id { $id } is used twice or is 0
reason-value-length = the value “{ $name }” is too long or empty
reason-values-active = at most { $max } values are active
reason-why-length = a line of why is at most { $max } characters
reason-event-kind = a kind is { $kinds } or a word of your own of 1 to { $max } characters
reason-event-order = it ends on { $end }, before it starts on { $start }
reason-event-length = an event lasts at most { $max } days
reason-event-note = a note is at most { $max } characters
reason-prompt-length = a prompt's text must be 1 to { $max } characters; this one has { $n }
reason-prompt-shipped = prompts that come with Keel can be hidden but not deleted
reason-week-gave = “What the role gave me” has { $n } items; a week holds at most { $max }
reason-week-cost = “What it cost me” has { $n } items; a week holds at most { $max }
reason-week-answers = { $n } answers; a week holds at most { $max }
reason-week-value-twice = the value { $id } is answered twice
reason-week-values = { $n } value answers; a week holds at most { $max }
reason-no-working-day = at least one day of the week must be a working day
reason-auto-lock = the journal can lock itself after at most { $max } minutes (a day); 0 means never
reason-time = “{ $input }” is not a time of day; write it as HH:MM, for example 18:00
reason-query-number = “{ $token }” needs a whole number, such as { $name }>=7

## Errors of files, storage and the system (KeelError::message_in). A technical detail in
## { $detail } (a parser's or the system's words) is shown as it came.

error-bad-import = This file cannot be imported as { $source }: { $reason }. Nothing was imported.
error-invalid-import-request = { $reason }
error-prompt-library = Keel's prompt library is damaged: { $reason }.
error-corrupt = A stored { $what } could not be read ({ $detail }); the journal may be damaged.
error-io = Could not { $action }: { $reason }
error-write-failed = Keel could not write to the journal at { $path }: { $reason }.
error-invalid-passphrase = That passphrase cannot be used: { $reason }.
error-crypto = Keel could not encrypt or decrypt: { $detail }.
error-journal-busy = The journal is busy: { $reason }; try again in a moment.
error-notify = The desktop did not show the reminder ({ $detail }); is a notification service running?
error-background = Reminders while Keel is closed cannot be set up: { $reason }.
error-storage = The journal's storage failed: { $detail }

## What a file operation was doing (error-io's $action)

io-create = create { $path }
io-create-backups-folder = create the backups folder { $path }
io-create-journal-folder = create the journal folder { $path }
io-link = link { $path }
io-lock = lock { $path }
io-unlock = unlock { $path }
io-move-aside = move aside { $path }
io-name = name { $path }
io-open = open { $path }
io-protect-journal-folder = protect the journal folder { $path }
io-read = read { $path }
io-read-back = read back { $path }
io-remove = remove { $path }
io-rename = rename { $path }
io-sync = sync { $path }
io-sync-folder = sync the folder { $path }
io-write = write { $path }
io-write-mark = write the mark in { $path }

## Why the system refused (error-io's $reason; other failures keep the system's words)

os-not-found = it does not exist
os-permission-denied = permission was denied
os-already-exists = it exists already
os-read-only = the disk is read-only
os-disk-full = the disk is full
os-not-a-folder = a part of the path is not a folder
os-is-a-folder = it is a folder

## Reasons of the errors above

reason-error = { $error }
reason-write-permission = permission was denied
reason-write-read-only = the disk is read-only
reason-write-gone = its files have gone (was the folder moved or deleted?)
reason-write-disk = the disk reported an error
reason-passphrase-empty = it is empty
reason-busy-closing = it is still closing after a failed write
reason-busy-rewrite = other work kept it open, so its store was not rewritten
reason-background-no-home = there is no home folder to keep the timer in
reason-background-no-keel = the keel command is not installed beside the app (looked for { $path })
reason-background-no-exe = the app cannot tell where it is installed ({ $detail })

## Why a file cannot be imported (error-bad-import's $reason), and why one entry is bad

reason-import-source = Keel imports from keel, jrnl or dayone, not “{ $source }”.
reason-import-side = Imported entries go to role or self, not “{ $side }”.
reason-import-raw = The file must be sent as raw bytes.
reason-import-zip = the zip cannot be read ({ $detail })
reason-import-zip-name = a file name in the zip cannot be read ({ $detail })
reason-import-zip-large = { $name } is larger than 512 MiB
reason-import-zip-file = { $name } cannot be read from the zip ({ $detail })
reason-import-zip-empty = the zip holds no .json journal
reason-import-not-json = it is not JSON ({ $detail })
reason-import-no-entries = it has no “entries” list, so it is not a { $source } export
reason-import-entries = its “entries” are not a list of entries ({ $detail })
reason-import-format = its “format” is not “keel”
reason-import-version = it is version { $version }; this Keel reads version 1 to { $max }
reason-import-no-list = it has no “{ $key }” list
reason-import-values = its values cannot be read ({ $detail })
reason-import-settings = its settings cannot be read ({ $detail })
reason-import-bad-entries = { $first }{ $more ->
    [0] {""}
    [one] {" "}(and 1 more bad entry)
   *[other] {" "}(and { $more } more bad entries)
}
reason-bad-entry = entry { $entry }, field “{ $field }”: { $reason }
reason-entry-object = an entry must be an object
reason-entry-missing = missing
reason-entry-text = expected text, found { $found }
reason-entry-list = expected a list, found { $found }
reason-entry-bool = expected true or false, found { $found }
reason-entry-tag = every tag must be text
reason-entry-time = “{ $input }” is not a time (HH:MM)
reason-entry-date-time = “{ $input }” is not a date and time (RFC 3339)
reason-entry-zone = “{ $input }” is not a known time zone
reason-entry-page-size = the page for { $date } is larger than a page can be
reason-entry-note-space = its note has space around it
reason-entry-unreadable = { $detail }

## The two sides and a week's headings: `keel show`, `keel week` and the Markdown export

show-role = What I do
show-self = Who I am
week-gave = What the role gave me
week-cost = What it cost me
week-values = My values this week
export-next-boundary = A boundary to keep next week
export-held = tested, and it held
export-bent = tested, and it bent
export-not-tested = not tested
export-value-unnamed = value { $id }

## Sync (src/sync)

error-sync-folder = That sync folder cannot be used: { $reason }.
reason-sync-folder-taken = that folder holds a Keel sync folder already; join it instead
error-not-syncing = This journal is not attached to a sync folder.
error-sync-keeps-passphrase = The passphrase stays while the journal syncs: its sync folder's key is kept under it. Detach the sync folder first.
reason-sync-needs-passphrase = a journal that syncs needs a passphrase, and this one has none (set one first)
reason-sync-wrong-passphrase = that passphrase does not open it, so nothing was changed
reason-sync-attached = this journal is attached to { $path } already (detach it first)
reason-sync-folder-gone = there is no folder { $path } (is its drive or share connected?)
reason-sync-device-name = a computer's name needs 1 to 64 characters, without line breaks

## A save over a page that changed since it was loaded (model::DayPatch::rebased)

merge-typed-here = Typed here
merge-saved-meanwhile = Saved meanwhile
