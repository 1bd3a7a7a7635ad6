# The words the core puts into what it returns (the trends' and the week's sentences, notices,
# errors). Empty until the core's sentences move here (issue 19, next step); the page loads it
# beside ui.ftl, so a message here reaches both.

## Recordatorios (src/remind/notice.rs): una línea cada uno, con suavidad, sin recuentos

notice-end-of-work = Fin de la jornada
notice-end-of-work-body = Son las { $time }, el fin de jornada que elegiste. ¿Algo que anotar en el lado del papel antes de cerrarlo?
notice-open-today = Abrir hoy
notice-done = Terminé por hoy
notice-still-working = Sigo trabajando
notice-in-30 = Dentro de 30 minutos
notice-in-60 = Dentro de una hora
notice-check-in = Registro del día
notice-check-in-body = ¿Qué tal el día? El registro lleva un minuto, cuando quieras.
notice-check-in-open = Registrar
notice-weekly = Reflexión semanal
notice-weekly-body = Hoy toca mirar atrás: unos minutos para la semana, cuando estés listo.
notice-weekly-open = Abrir la semana

## Las comparaciones de las tendencias (src/analytics/trends.rs): medias simples, nunca causas

cmp-enough = { $what } tuvo una media de { $a-mean } { $a-label } ({ $a-n ->
    [one] 1 día
   *[other] { $a-n } días
}) y de { $b-mean } { $b-label } ({ $b-n ->
    [one] 1 día
   *[other] { $b-n } días
}).
cmp-not-enough = Aún no hay datos suficientes para { $what-for }: { $a-n ->
    [one] 1 día
   *[other] { $a-n } días
} { $a-label } y { $b-n } { $b-label }; esta comparación empieza con { $min } de cada lado.
cmp-stress = El estrés
cmp-stress-for = el estrés
cmp-next-stress = El estrés del día siguiente
cmp-next-stress-for = el estrés del día siguiente
cmp-resilience = La resiliencia
cmp-resilience-for = la resiliencia
cmp-boundary-held = los días en que el límite se respetó
cmp-boundary-broke = los días en que se rompió
cmp-after-held = después de respetar el límite
cmp-after-broke = después de romperlo
cmp-reflected = en las semanas con reflexión semanal
cmp-unreflected = en las semanas sin ella
cmp-other-days = los demás días
cmp-before-review = en los { $before } días antes de una evaluación del desempeño
cmp-before-compensation = en los { $before } días antes de una revisión salarial
cmp-before-planning = en los { $before } días antes de una planificación
cmp-before-launch = en los { $before } días antes de un lanzamiento o una fecha límite
cmp-after-reorg = en los { $after } días después de empezar una reorganización
cmp-after-new-role = en los { $after } días después de un nuevo puesto o responsable
cmp-short-staffed = mientras el equipo tuvo poca gente
cmp-after-time-off = en los { $time-off } días después de las vacaciones
value-not-tested = «{ $name }» no se puso a prueba en { $untested ->
    [one] la semana respondida
   *[other] las { $untested } semanas respondidas
}.
value-tested = «{ $name }» se puso a prueba en { $tested ->
    [one] 1 semana
   *[other] { $tested } semanas
}: se mantuvo en { $held } y cedió en { $bent }; { $untested ->
    [one] 1 semana no lo puso a prueba
   *[other] { $untested } semanas no lo pusieron a prueba
}.
