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
