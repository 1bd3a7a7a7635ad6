# The command line's own words. Empty until the CLI's messages move here (issue 19, next step).
