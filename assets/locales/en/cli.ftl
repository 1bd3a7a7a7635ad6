# The command line's own words, in English. Each message has its counterpart in de/cli.ftl and
# es/cli.ftl (the checks fail otherwise).

# A day's date in full, as a strftime pattern (chrono, with the language's month and day names).
date-long = %A %-d %B %Y
show-role = What I do
show-self = Who I am
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
prompt-role = What I do
prompt-self = Who I am
prompt-bridge = Between them
prompt-weekly = This week's reflection:
