# Die eigenen Worte der Kommandozeile auf Deutsch; dieselben Nachrichten wie en/cli.ftl.

# Das Datum eines Tages in voller Länge, als strftime-Muster (chrono, mit den deutschen Namen).
date-long = %A, %-d. %B %Y
show-role = Was ich tue
show-self = Wer ich bin
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
prompt-role = Was ich tue
prompt-self = Wer ich bin
prompt-bridge = Dazwischen
prompt-weekly = Zum Rückblick auf diese Woche:
