# The words the core puts into what it returns (the trends' and the week's sentences, notices,
# errors). Empty until the core's sentences move here (issue 19, next step); the page loads it
# beside ui.ftl, so a message here reaches both.
