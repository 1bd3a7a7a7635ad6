# Las palabras propias de la línea de órdenes en español; los mismos mensajes que en/cli.ftl.

# La fecha de un día completa, como patrón strftime (chrono, con los nombres en español).
date-long = %A, %-d de %B de %Y
show-role = Lo que hago
show-self = Quién soy
show-nothing = (nada escrito)
show-stress = estrés { $n }/10
show-resilience = resiliencia { $n }/10
show-overlap = solapamiento { $n }/7
show-boundary = { $boundary ->
    [kept] límite respetado
   *[broken] límite roto
}
show-boundary-minutes = { $boundary ->
    [kept] límite respetado ({ $minutes } min fuera de horario)
   *[broken] límite roto ({ $minutes } min fuera de horario)
}
show-after-hours = { $minutes } min fuera de horario
show-tags = etiquetas: { $tags }
show-no-page = No hay ninguna página del { $date }.
prompt-role = Lo que hago
prompt-self = Quién soy
prompt-bridge = Entre ambos
prompt-weekly = La reflexión de esta semana:
