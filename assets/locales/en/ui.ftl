# Keel's page, in English: every word the window shows. Each message here has a
# counterpart in de/ui.ftl and es/ui.ftl (the checks fail otherwise), and each is used by
# the page (ui/**/*.js or ui/index.html); the page formats them with @fluent/bundle.

## The top bar and the status line

nav-brand-title = Today (Ctrl+T)
nav-label = Pages
nav-today = Today
nav-week = This week
nav-trends = Trends
nav-library = Library
nav-prompts = Prompts
nav-data = Your data
nav-settings = Settings
lock-now = Lock
lock-now-title = Lock the journal (Ctrl+L)
title-welcome = Welcome
title-week = Week
status-editing = Editing…
status-saving = Saving…
status-saved = Saved
status-saved-at = Saved to disk at { $time }
status-not-saved = Not saved: { $reason }
status-unknown-error = unknown error
status-retry = Trying again in { $seconds } s.
status-text-kept = Your text is still here.
status-close-discards = Close the window again within 10 seconds to quit without saving.
fatal-title = Keel could not open your journal
fatal-backup-offer = Nothing was changed. A backup from { $taken } can be restored: Keel restarts, sets the journal as it is now aside (it is not deleted), and opens the backup.
fatal-restore = Restore the backup from { $taken }
lock-not-saved = Not locked: the page is not saved yet, and your text stays here.
ipc-unreachable = Keel could not reach its core.

## The daily page

day-previous = Previous day (Ctrl+[)
day-next = Next day (Ctrl+])
day-go-to = Go to a date
day-today = Today
day-today-weekday = Today · { $weekday }
week-number = Week { $week }
side-role = What I do
side-role-hint = The role you performed today
side-role-placeholder = The meetings, the numbers, the asks…
side-self = Who I am
side-self-hint = The person outside the org chart
side-self-placeholder = What mattered to you, apart from the job…
day-weekly-offer = It’s your reflection day: this week’s questions
day-reflect-link = Reflect on this week →
checkin-title = Check-in
scale-stress = Stress
scale-resilience = Resilience
scale-overlap = How much of me was my role today
boundary-question = Did work stop by { $time }?
boundary-kept = Yes, it held
boundary-broken = No, work ran over
boundary-minutes = minutes worked after it
work-end-label = End of work
work-done = Done for today
work-still = Still working
still-working-since = Still working since { $since }, past the end of work at { $end }.
day-events-label = Events on this day
on-this-day = On this day
years-ago = { $years ->
    [one] A year ago
   *[other] { $years } years ago
}
scale-stress-low = calm
scale-stress-middle = stretched
scale-stress-high = overwhelmed
scale-resilience-low = depleted
scale-resilience-middle = holding
scale-resilience-high = steady and restored
scale-overlap-low = my role was a small part of me
scale-overlap-middle = about half
scale-overlap-high = I was only my role
# One choice of a rating scale, as a screen reader announces it; at the ends, with their words.
rating-choice = { $scale } { $n } of { $max }
rating-choice-end = { $scale } { $n } of { $max }, { $words }
side-preview = Preview
side-edit = Edit
side-preview-failed = The preview could not be drawn: { $reason }
side-link-title = { $href } (links open nowhere: Keel makes no network requests)
side-empty = Nothing written yet.
overlap-role = role
overlap-me = me
overlap-unrated = Role overlap not rated
overlap-rated = Role overlap { $n } of 7
prompt-another = Another
prompt-another-title = Another prompt
prompt-hide = Hide
prompt-hide-title = Hide this prompt for good (bring it back under Prompts)

## A week's page

days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
week-previous = Previous week
week-next = Next week
week-in-brief = The week in brief
week-overlap = Overlap
week-no-checkins = no check-ins
bars-label = { $what } by day: { $values }
bars-none = none
versus-last-week = { $direction ->
    [same] same as last week
    [higher] { $diff } higher than last week
   *[lower] { $diff } lower than last week
}
versus-four-weeks = { $direction ->
    [same] same as the 4 weeks before
    [higher] { $diff } higher than the 4 weeks before
   *[lower] { $diff } lower than the 4 weeks before
}
week-boundary = Boundary
week-boundary-kept = kept
week-boundary-broken = broken
week-not-answered = not answered
week-boundary-held = held { $kept } of { $answered } days
week-after-hours = { $minutes } min after hours
week-checked-in = { $n } of 7 days checked in.
week-review-days = Review days: stress { $review }, against { $other } on the other days.
week-hardest = Hardest day:
week-hardest-day = { $weekday } (stress { $stress })
kept-yes = Yes, I kept it
kept-no = Not this time
last-boundary = Last week you chose a boundary
last-boundary-kept = Did you keep it?
ledger = The role ledger
ledger-gave = What the role gave me
ledger-gave-hint = One per line: a win, a skill, a person…
ledger-cost = What it cost me
ledger-cost-hint = One per line: an evening, sleep, a plan…
next-boundary = One boundary to keep next week
next-boundary-placeholder = e.g. Laptop closed by 18:30 on review days
outcome-held = It held
outcome-bent = It bent
outcome-not-tested = Not tested
value-why = Why, for “{ $value }”
value-why-placeholder = A line of why (optional)
week-values = My values this week
week-values-hint = Did the week’s pressure test them? Held, bent, or not tested: no score, just what happened.
week-values-none-before = Name the values you want to hold steady in{" "}
week-values-none-after = , and each week will ask how they fared.
week-events-label = Events this week
week-questions = This week’s questions

## Settings

settings-hint = Saved as you change them.
setting-end-of-work = End of work
setting-end-of-work-hint = The boundary check-in asks whether work stopped by this time.
setting-review-days = Review days
setting-review-days-hint = Days of your weekly business review: prompts lean to pressure and boundaries.
setting-week-start = Week starts on
setting-week-start-hint = The first day of a week’s page.
setting-reflection-day = Reflection day
setting-reflection-day-hint = The day the daily page offers the week’s questions.
setting-locale-week = Your system’s locale starts weeks on { $weekday }.
setting-locale-use = Use it
setting-language = Language
setting-language-hint = The words of the window and the command line. Your own prompts, values and pages stay as you wrote them.
language-system = Follow the system
setting-theme = Theme
setting-theme-hint = Light, dark, or whatever the system says.
theme-system = Follow the system
theme-light = Light
theme-dark = Dark
setting-auto-lock = Lock after
setting-auto-lock-label = Lock after minutes without use
setting-auto-lock-hint = Minutes without use before an encrypted journal locks itself (0: never).
reminders-title = Reminders
reminders-hint = Each is off until you turn it on: at most one of each a day, one line, no counts of days missed. Snooze from the notification; a click opens the day or the week.
remind-end-of-work = End of work
remind-end-of-work-hint = At { $time } on working days: anything to put on the role side before you close it? Answer “Done for today” or “Still working”, and Keel measures the minutes that ran over.
remind-check-in = Daily check-in
remind-check-in-time = Check-in reminder time
remind-check-in-hint = On working days that have no check-in yet.
remind-weekly = Weekly reflection
remind-weekly-time = Weekly reflection reminder time
remind-weekly-hint = On your reflection day, while the week has no reflection yet.
working-days = Working days
working-days-hint = No end-of-work or check-in reminder on the others, nor on time off from the calendar.
remind-background = Remind me while Keel is closed
remind-background-hint = So that it never opens your journal, the timer reads a plain file beside it (reminders.json) holding only the reminder times, your working days and time off, and which recent days have a check-in or a reflection: never a word you wrote, even when the journal is encrypted. Turning this off removes the file and the timer.
remind-background-on = On: a systemd user timer (keel-remind.timer) looks every minute, and starts again after a restart.
remind-background-off = Off: reminders come only while Keel is open.
values-title = My values
values-hint = Three to seven things that are who you are, whatever the org chart says, in your own words. Each week’s page asks whether the pressure tested them and whether they held; some days’ prompts ask about one. Renaming or dropping a value keeps its history.
values-save = Save my values
passphrase = Passphrase
passphrase-new = New passphrase
passphrase-again = The same again
passphrase-current = Current passphrase
passphrase-differ = The two passphrases differ; nothing was changed.
privacy-unset-hint = Not set: the journal’s files can be read by anyone who can open the folder. A passphrase encrypts every page, reflection, tag and backup on this computer. Without it the journal cannot be read: there is no way to recover it.
privacy-set-hint = Set: the journal and its backups are encrypted on this computer. Lock it with Ctrl+L or the Lock button.
privacy-remove-old = Delete the backups taken before instead of encrypting them too
privacy-set = Encrypt the journal
privacy-encrypting = Encrypting…
privacy-encrypted-done = The journal is encrypted. Keep the passphrase safe: without it the journal cannot be read.
privacy-change = Change the passphrase
privacy-changing = Changing…
privacy-changed = The passphrase was changed.
privacy-remove = Stop encrypting…
privacy-current-first = Type the current passphrase first.
privacy-remove-confirm = Store the journal unencrypted from now on? Anyone who can open its folder will be able to read it.
privacy-decrypting = Decrypting…
privacy-removed = The journal is no longer encrypted.
about-title = About Keel
about-version = Keel { $version }, a private journal. Free software under the MIT licence.
about-journal-before = Your journal lives in{" "}
about-journal-after = . Nothing leaves this computer unless you export it, or sync it through a folder of yours, sealed with your passphrase.
about-no-folder = no folder could be found
about-cli = The keel command line works on the same journal: `keel --help`, or `man keel`.
backups-title = Backups
backups-hint = Verified copies in the journal’s backups folder: the newest of each of the last 7 days, 4 weeks and 12 months.
backups-none = No backups yet: Keel takes one each day it opens, and before every import.
backup-size = { $kb } KB
backup-restore = Restore…
backup-restore-confirm = Restore the backup from { $taken }? Keel restarts; the journal as it is now is set aside, not deleted.
value-n = Value { $n }
value-practice-n = What value { $n } looks like in practice
value-practice-placeholder = What it looks like in practice (optional)
value-example = e.g. { $example }
value-example-1 = present with my family
value-example-2 = honest even when the numbers are bad
value-example-3 = curious
values-retired = Retired, and kept for the weeks that named them: { $names }.
values-saved = { $n ->
    [one] Saved 1 value.
   *[other] Saved { $n } values.
}
values-none = No values named.

## The welcome

welcome-step = Step { $n } of { $total }
welcome-skip-all = Skip the welcome and start writing
welcome-title = Welcome to Keel
welcome-role = The role you perform: the targets, the reviews, the work that fills the day.
welcome-self = The person doing it, whose worth does not move with the org chart.
welcome-lead = Each day has these two columns side by side, so the role never quietly becomes all of you. A few questions now set Keel to your working week; every one can be skipped and changed later in Settings.
welcome-begin = Begin
welcome-week-title = Your working week
welcome-week-hint = When work should stop, when the numbers get interrogated, and when you look back on the week.
welcome-save-next = Save and go on
welcome-skip = Skip
welcome-reminders-title = Reminders, if you want them
welcome-reminders-hint = Nothing marks the end of an always-on day. Keel can: gently, at most once a day each, never counting the days you skipped. All are off unless you turn them on; Settings can also remind you while Keel is closed.
welcome-no-reminders = No reminders
welcome-values-title = What you want to hold steady
welcome-values-hint = Name three to seven values in your own words: who you are, whatever the quarter brings. Each week asks whether the pressure tested them and whether they held. Add a line on what each looks like in practice, if you like.
welcome-not-now = Not now
welcome-passphrase-title = A passphrase, if you want one
welcome-passphrase-hint = Your journal stays on this computer. With a passphrase, every page, reflection and backup is encrypted too, so nobody who opens its folder can read it. Without the passphrase it cannot be read at all: there is no way to recover it.
welcome-encrypt = Encrypt and start writing
welcome-no-passphrase = Not now, start writing
welcome-passphrase-missing = Type a passphrase, or choose “Not now, start writing”.

## Trends

range-label = Range
range-30d = 30 days
range-90d = 90 days
range-1y = 1 year
range-all = All
save-chart = Save chart…
trends-main = Stress and resilience
trends-main-label = Stress and resilience, { $range }
trends-broke = Boundary broke
trends-legend = Events (hover for the note). Dots are days; lines are 7-day averages over the days you checked in.
trends-overlap = How much of me was my role
trends-weekday = Stress by weekday
trends-side-by-side = Side by side
trends-side-by-side-hint = Plain averages with their counts: they show what went together, not what caused what.
trends-values = How my values held
trends-values-hint = Counts of weeks from the week’s page, by the month a week starts in. Never a score.
trends-caption = { $n ->
    [one] 1 day with a check-in, { $from } to { $to }.
   *[other] { $n } days with a check-in, { $from } to { $to }.
}
trends-empty = No check-ins in this range yet.
trends-values-none-before = No week in this range says how your values fared yet. Each week’s page asks, once you have named them in{" "}
trends-values-none-after = .
trends-value = Value
count-held = { $n } held
count-bent = { $n } bent
count-not-tested = { $n } not tested
trends-point = { $day }: stress { $stress }, resilience { $resilience }; 7-day { $stress-mean } / { $resilience-mean }
trends-point-broke = { $day }: stress { $stress }, resilience { $resilience }; 7-day { $stress-mean } / { $resilience-mean }; boundary broke
trends-overlap-label = Role overlap over time
trends-overlap-none = No overlap ratings in this range.
trends-overlap-point = { $day }: overlap { $n } of 7
trends-weekday-label = Average stress by weekday
trends-weekday-bar = { $weekday }: stress { $mean } over { $n ->
    [one] 1 day
   *[other] { $n } days
}
trends-weekday-review = { $weekday }: stress { $mean } over { $n ->
    [one] 1 day
   *[other] { $n } days
} (review day)
trends-saved = Saved the chart to { $path }.

## The library

library-hint = Search every page and every week. Ctrl+K brings you here from anywhere.
search = Search
search-label = Search the journal
search-placeholder = Words, "a phrase", #tag, stress>=7, from:2026-01-01 …
search-results = { $n ->
    [one] 1 result.
   *[other] { $n } results, newest first.
}
search-results-more = { $n }+ results, newest first.
search-nothing = Nothing found.
hit-week = Week { $week }, { $year }
hit-event = Event
tags = Tags
tags-none = Write #words in a page and they appear here.
calendar-year = Year
calendar-month = Month
calendar-earlier = Earlier
calendar-later = Later
calendar-day = { $date }: stress { $stress }
cycle-title = The work cycle
cycle-hint = Reviews, compensation day, launches, re-orgs, time off: the dates that move your weeks. They mark this calendar and the trend charts, and time off marks days off.
events-span-label = Events in this span
events-none = No events in this span.
event-remove = Remove
event-remove-label = Remove { $kind }, { $dates }

## The prompt library

prompts-hint = Keel’s questions and your own. Hidden prompts are never chosen; bring them back here whenever you like.
prompts-write = Write your own
prompts-filter = Which prompts
prompts-all = All
prompts-mine = Yours
prompts-hidden = Hidden
prompts-count = { $shown } of { $total } prompts
prompt-placeholder = A question you would like to be asked…
prompt-text-label = The prompt’s question
prompt-side = Side
prompt-cadence = How often
prompt-theme = Theme
prompt-add = Add prompt
prompt-yours = yours
prompt-edited = edited
prompt-show-again = Show again
prompt-delete = Delete
side-bridge = Between them
cadence-daily = Daily
cadence-weekly = Weekly
theme-boundaries = Boundaries
theme-pressure = Pressure
theme-recovery = Recovery
theme-values = Values
theme-change = Change
theme-relationships = Relationships
theme-identity = Identity
theme-perspective = Perspective
save = Save
cancel = Cancel

## Your data

data-hint = Everything stays on this computer until you export it.
export-title = Export
export-hint = Keel JSON holds everything and imports back without loss; Markdown is one readable file per day; CSV holds the check-ins for a spreadsheet.
export-warning = Exports are written unencrypted, even when the journal has a passphrase: they are for leaving Keel or for other tools. Backups stay encrypted.
export-json = Keel JSON…
export-markdown = Markdown folder…
export-csv = CSV of check-ins…
export-done = { $files ->
    [one] Exported the journal to { $path }. The export is not encrypted: keep it somewhere safe.
   *[other] Exported { $files } files to { $path }. The export is not encrypted: keep it somewhere safe.
}
export-cancelled = Export cancelled.
export-failed = Not exported: { $reason }
import-title = Import
import-hint = Nothing is written until you confirm. Importing the same file twice adds nothing the second time.
import-from = Import from
import-from-label = From
import-side = Put entries in
import-side-label = Entries go to
import-skip-bad = Skip entries that cannot be read
import-file = The file to import
source-jrnl = jrnl (JSON export)
source-dayone = Day One (JSON or zip)
source-keel = Keel JSON
import-plan = Will import { $new } of { $entries } entries into { $days ->
    [one] 1 day
   *[other] { $days } days
}.
import-plan-span = Will import { $new } of { $entries } entries into { $days ->
    [one] 1 day
   *[other] { $days } days
}, { $first } to { $last }.
import-done = Imported { $new } of { $entries } entries into { $days ->
    [one] 1 day
   *[other] { $days } days
}.
import-done-span = Imported { $new } of { $entries } entries into { $days ->
    [one] 1 day
   *[other] { $days } days
}, { $first } to { $last }.
import-duplicates = { $n ->
    [one] 1 was imported before and is left alone.
   *[other] { $n } were imported before and are left alone.
}
import-conflicts = { $n ->
    [one] 1 day already has writing: { $dates }.
   *[other] { $n } days already have writing: { $dates }.
}
import-apply = { $n ->
    [one] Import 1 entry
   *[other] Import { $n } entries
}
import-nothing-new = Nothing new to import
import-open-first = Open { $date }
import-skipped = Entry { $entry }, { $field }: { $reason }

## The lock screen

lock-title = Your journal is locked
lock-hint = It is encrypted on this computer. Type its passphrase to open it.
lock-unlock = Unlock
lock-unlocking = Unlocking…

## The work cycle's events

event-kind-other = Something else…
event-own-kind = Your own kind
event-own-kind-placeholder = Your own word, e.g. offsite
event-note-placeholder = A note (optional)
event-add = Add the event
event-from = From
event-to = to (optional)
event-what = What
event-note = Note
trends-table = { $n ->
    [one] The chart as a table (1 day)
   *[other] The chart as a table ({ $n } days)
}
trends-table-label = The days of the chart
trends-table-day = Day
trends-table-stress-mean = Stress, 7-day average
trends-table-resilience-mean = Resilience, 7-day average
trends-weekday-table = The chart as a table
trends-table-weekday = Weekday
trends-table-mean-stress = Average stress
trends-table-days = Days
trends-table-review-day = review day

## Settings → Sync (ui/views/sync-section.js)

sync-title = Sync
sync-hint = Keep this journal on every computer you own through a folder you already sync: Syncthing, Nextcloud, Dropbox, a network share, a USB stick. Keel writes only sealed change files there, never the journal itself; another computer joins with the same folder and passphrase.
sync-needs-passphrase = Sync needs a passphrase: the folder is somebody else's computer, so everything Keel puts there is sealed with it. Set one above first.
sync-folder = Folder
sync-folder-placeholder = /home/you/Sync/keel
sync-folder-hint = A folder your sync tool already keeps on your other computers. The first computer starts Keel's part of it; the others join it.
sync-name = This computer's name
sync-passphrase = The sync folder's passphrase
sync-attach = Turn on sync
sync-attaching = Turning on…
sync-folder-first = Type the folder to sync through first.
sync-passphrase-first = Type the passphrase first: it seals what goes into the folder.
page-sync-started = Sync is on: this computer started the sync folder and wrote { $went ->
    [one] 1 change
   *[other] { $went } changes
} to it.
page-sync-joined = Sync is on: { $came ->
    [one] 1 change came in
   *[other] { $came } changes came in
}, { $went } went out.
sync-folder-is = Syncing through
page-sync-never = never
sync-last-exchange = Last exchange: { $when }
sync-waiting = { $n ->
    [0] Nothing waits to go out.
    [one] 1 page waits to go out.
   *[other] { $n } pages wait to go out.
}
sync-failed = The last exchange did not work: { $why } Your pages are safe here; Keel tries again.
sync-devices = Computers
sync-this-computer = { $name } (this computer)
sync-last-wrote = last wrote { $when }
sync-conflicts = { $n ->
    [one] 1 page holds two versions of a text, both kept, for you to choose:
   *[other] { $n } pages hold two versions of a text, both kept, for you to choose:
}
sync-no-conflicts = No page waits for you to choose between two versions.
sync-now = Sync now
sync-exchanging = Syncing…
page-sync-exchanged = { $came ->
    [one] 1 change came in
   *[other] { $came } changes came in
}, { $went } went out.
sync-detach = Detach
sync-detaching = Detaching…
sync-detach-confirm = Stop syncing this journal? Your pages stay here and the folder stays as it is.
page-sync-detached = Sync is off. Your pages are all still here.
