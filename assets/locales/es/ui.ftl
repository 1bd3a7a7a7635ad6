# La ventana de Keel en español: cada palabra que muestra la página. Los mismos mensajes que
# en/ui.ftl (si no, las comprobaciones fallan), escritos por su sentido, no palabra por
# palabra, y tuteando.

## La barra superior y la línea de estado

nav-brand-title = Hoy (Ctrl+T)
nav-label = Páginas
nav-today = Hoy
nav-week = Esta semana
nav-trends = Tendencias
nav-library = Archivo
nav-prompts = Preguntas
nav-data = Tus datos
nav-settings = Ajustes
lock-now = Bloquear
lock-now-title = Bloquear el diario (Ctrl+L)
title-welcome = Bienvenida
title-week = Semana
status-editing = Editando…
status-saving = Guardando…
status-saved = Guardado
status-saved-at = Guardado en el disco a las { $time }
status-not-saved = Sin guardar: { $reason }
status-unknown-error = error desconocido
status-retry = Se vuelve a intentar en { $seconds } s.
status-text-kept = Tu texto sigue aquí.
status-close-discards = Cierra la ventana otra vez en menos de 10 segundos para salir sin guardar.
fatal-title = Keel no pudo abrir tu diario
fatal-backup-offer = No se ha cambiado nada. Se puede restaurar una copia de seguridad del { $taken }: Keel se reinicia, aparta el diario tal como está ahora (no se borra) y abre la copia.
fatal-restore = Restaurar la copia del { $taken }
lock-not-saved = Sin bloquear: la página aún no está guardada, y tu texto se queda aquí.
ipc-unreachable = Keel no pudo comunicarse con su núcleo.

## La página del día

day-previous = Día anterior (Ctrl+[)
day-next = Día siguiente (Ctrl+])
day-go-to = Ir a una fecha
day-today = Hoy
day-today-weekday = Hoy · { $weekday }
week-number = Semana { $week }
side-role = Lo que hago
side-role-hint = El papel que desempeñaste hoy
side-role-placeholder = Las reuniones, las cifras, los encargos…
side-self = Quién soy
side-self-hint = La persona fuera del organigrama
side-self-placeholder = Lo que te importó, aparte del trabajo…
day-weekly-offer = Hoy toca mirar atrás: las preguntas de esta semana
day-reflect-link = Reflexionar sobre esta semana →
checkin-title = Registro del día
scale-stress = Estrés
scale-resilience = Resiliencia
scale-overlap = Cuánto de mí fue hoy mi papel
boundary-question = ¿Paraste de trabajar a las { $time }?
boundary-kept = Sí, el límite se mantuvo
boundary-broken = No, el trabajo se alargó
boundary-minutes = minutos trabajados después
work-end-label = Fin de la jornada
work-done = Terminé por hoy
work-still = Sigo trabajando
still-working-since = Sigues trabajando desde las { $since }, pasado el fin de la jornada a las { $end }.
day-events-label = Acontecimientos de este día
on-this-day = Tal día como hoy
years-ago = { $years ->
    [one] Hace un año
   *[other] Hace { $years } años
}
scale-stress-low = en calma
scale-stress-middle = tenso
scale-stress-high = desbordado
scale-resilience-low = agotado
scale-resilience-middle = aguantando
scale-resilience-high = firme y repuesto
scale-overlap-low = mi papel fue una parte pequeña de mí
scale-overlap-middle = más o menos la mitad
scale-overlap-high = solo fui mi papel
# Un valor de una escala, como lo anuncia un lector de pantalla; en los extremos, con sus palabras.
rating-choice = { $scale } { $n } de { $max }
rating-choice-end = { $scale } { $n } de { $max }, { $words }
side-preview = Vista previa
side-edit = Editar
side-preview-failed = No se pudo dibujar la vista previa: { $reason }
side-link-title = { $href } (los enlaces no llevan a ninguna parte: Keel no hace peticiones de red)
side-empty = Aún no hay nada escrito.
overlap-role = papel
overlap-me = yo
overlap-unrated = Solapamiento con el papel sin valorar
overlap-rated = Solapamiento con el papel: { $n } de 7
prompt-another = Otra
prompt-another-title = Otra pregunta
prompt-hide = Ocultar
prompt-hide-title = Ocultar esta pregunta para siempre (la recuperas en Preguntas)

## La página de una semana

days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
week-previous = Semana anterior
week-next = Semana siguiente
week-in-brief = La semana en breve
week-overlap = Solapamiento
week-no-checkins = sin registros
bars-label = { $what } por día: { $values }
bars-none = ninguno
versus-last-week = { $direction ->
    [same] igual que la semana pasada
    [higher] { $diff } más que la semana pasada
   *[lower] { $diff } menos que la semana pasada
}
versus-four-weeks = { $direction ->
    [same] igual que las 4 semanas anteriores
    [higher] { $diff } más que las 4 semanas anteriores
   *[lower] { $diff } menos que las 4 semanas anteriores
}
week-boundary = Límite
week-boundary-kept = respetado
week-boundary-broken = roto
week-not-answered = sin responder
week-boundary-held = respetado { $kept } de { $answered } días
week-after-hours = { $minutes } min fuera de horario
week-checked-in = Registro en { $n } de 7 días.
week-review-days = Días de revisión: estrés { $review }, frente a { $other } los demás días.
week-hardest = El día más duro:
week-hardest-day = { $weekday } (estrés { $stress })
kept-yes = Sí, lo respeté
kept-no = Esta vez no
last-boundary = La semana pasada elegiste un límite
last-boundary-kept = ¿Lo respetaste?
ledger = El balance del papel
ledger-gave = Lo que me dio el papel
ledger-gave-hint = Uno por línea: un logro, una habilidad, una persona…
ledger-cost = Lo que me costó
ledger-cost-hint = Uno por línea: una tarde, sueño, un plan…
next-boundary = Un límite que mantener la semana que viene
next-boundary-placeholder = p. ej., cerrar el portátil a las 18:30 los días de revisión
outcome-held = Se mantuvo
outcome-bent = Cedió
outcome-not-tested = No se puso a prueba
value-why = Por qué, en «{ $value }»
value-why-placeholder = Una línea de por qué (opcional)
week-values = Mis valores esta semana
week-values-hint = ¿La presión de la semana los puso a prueba? Se mantuvo, cedió o no se puso a prueba: sin puntuación, solo lo que pasó.
week-values-none-before = Nombra en{" "}
week-values-none-after = {" "}los valores que quieres mantener firmes, y cada semana te preguntará cómo les fue.
week-events-label = Acontecimientos de esta semana
week-questions = Las preguntas de esta semana

## Ajustes

settings-hint = Se guardan a medida que los cambias.
setting-end-of-work = Fin de la jornada
setting-end-of-work-hint = El registro del límite pregunta si el trabajo paró a esta hora.
setting-review-days = Días de revisión
setting-review-days-hint = Los días de tu revisión semanal de negocio: las preguntas se inclinan hacia la presión y los límites.
setting-week-start = La semana empieza el
setting-week-start-hint = El primer día de la página de una semana.
setting-reflection-day = Día para mirar atrás
setting-reflection-day-hint = El día en que la página del día ofrece las preguntas de la semana.
setting-locale-week = Según la configuración regional de tu sistema, la semana empieza el { $weekday }.
setting-locale-use = Usarla
setting-language = Idioma
setting-language-hint = Las palabras de la ventana y de la línea de órdenes. Tus propias preguntas, valores y páginas se quedan como las escribiste.
language-system = Como el sistema
setting-theme = Apariencia
setting-theme-hint = Clara, oscura o lo que diga el sistema.
theme-system = Como el sistema
theme-light = Clara
theme-dark = Oscura
setting-auto-lock = Bloquear tras
setting-auto-lock-label = Bloquear tras minutos sin uso
setting-auto-lock-hint = Minutos sin uso antes de que un diario cifrado se bloquee solo (0: nunca).
reminders-title = Recordatorios
reminders-hint = Todos están apagados hasta que los enciendas: como mucho uno de cada al día, una línea, sin contar los días que faltaron. Pospón desde la notificación; un clic abre el día o la semana.
remind-end-of-work = Fin de la jornada
remind-end-of-work-hint = A las { $time } los días laborables: ¿algo que anotar en el lado del papel antes de cerrarlo? Responde «Terminé por hoy» o «Sigo trabajando», y Keel mide los minutos que se alargó.
remind-check-in = Registro diario
remind-check-in-time = Hora del recordatorio del registro
remind-check-in-hint = Los días laborables que aún no tienen registro.
remind-weekly = Reflexión semanal
remind-weekly-time = Hora del recordatorio de la reflexión semanal
remind-weekly-hint = En tu día para mirar atrás, mientras la semana no tenga reflexión.
working-days = Días laborables
working-days-hint = Ningún recordatorio de fin de jornada ni de registro los demás días, ni en los días libres del calendario.
remind-background = Recordarme también con Keel cerrado
remind-background-hint = Para no abrir nunca tu diario, el temporizador lee un archivo sencillo a su lado (reminders.json) que solo guarda las horas de los recordatorios, tus días laborables y libres, y qué días recientes tienen registro o reflexión: nunca una palabra que hayas escrito, aunque el diario esté cifrado. Al apagarlo se quitan el archivo y el temporizador.
remind-background-on = Encendido: un temporizador de usuario de systemd (keel-remind.timer) mira cada minuto y vuelve a arrancar tras reiniciar.
remind-background-off = Apagado: los recordatorios solo llegan mientras Keel está abierto.
values-title = Mis valores
values-hint = De tres a siete cosas que son quien eres, diga lo que diga el organigrama, con tus propias palabras. Cada página de la semana pregunta si la presión los puso a prueba y si se mantuvieron; algunas preguntas del día preguntan por uno. Si cambias el nombre de un valor o lo quitas, su historia se conserva.
values-save = Guardar mis valores
passphrase = Frase de contraseña
passphrase-new = Nueva frase de contraseña
passphrase-again = La misma otra vez
passphrase-current = Frase de contraseña actual
passphrase-differ = Las dos frases de contraseña no coinciden; no se ha cambiado nada.
privacy-unset-hint = Sin poner: cualquiera que pueda abrir la carpeta puede leer los archivos del diario. Una frase de contraseña cifra cada página, reflexión, etiqueta y copia de seguridad en este ordenador. Sin ella el diario no se puede leer: no hay forma de recuperarla.
privacy-set-hint = Puesta: el diario y sus copias están cifrados en este ordenador. Bloquéalo con Ctrl+L o con «Bloquear».
privacy-remove-old = Borrar las copias anteriores en lugar de cifrarlas también
privacy-set = Cifrar el diario
privacy-encrypting = Cifrando…
privacy-encrypted-done = El diario está cifrado. Guarda bien la frase de contraseña: sin ella el diario no se puede leer.
privacy-change = Cambiar la frase de contraseña
privacy-changing = Cambiando…
privacy-changed = Se ha cambiado la frase de contraseña.
privacy-remove = Dejar de cifrar…
privacy-current-first = Escribe primero la frase de contraseña actual.
privacy-remove-confirm = ¿Guardar el diario sin cifrar a partir de ahora? Cualquiera que pueda abrir su carpeta podrá leerlo.
privacy-decrypting = Descifrando…
privacy-removed = El diario ya no está cifrado.
about-title = Acerca de Keel
about-version = Keel { $version }, un diario privado. Software libre con licencia MIT.
about-journal-before = Tu diario está en{" "}
about-journal-after = . Nada sale de este ordenador salvo que lo exportes o lo sincronices a través de una carpeta tuya, sellado con tu frase de paso.
about-no-folder = no se encontró ninguna carpeta
about-cli = La línea de órdenes keel trabaja con el mismo diario: `keel --help` o `man keel`.
backups-title = Copias de seguridad
backups-hint = Copias verificadas en la carpeta de copias del diario: la más reciente de cada uno de los últimos 7 días, 4 semanas y 12 meses.
backups-none = Aún no hay copias: Keel hace una cada día que se abre, y antes de cada importación.
backup-size = { $kb } KB
backup-restore = Restaurar…
backup-restore-confirm = ¿Restaurar la copia del { $taken }? Keel se reinicia; el diario tal como está ahora se aparta, no se borra.
value-n = Valor { $n }
value-practice-n = Cómo se ve el valor { $n } en la práctica
value-practice-placeholder = Cómo se ve en la práctica (opcional)
value-example = p. ej., { $example }
value-example-1 = estar presente con mi familia
value-example-2 = honesto aunque las cifras sean malas
value-example-3 = curioso
values-retired = Retirados, y guardados para las semanas que los nombraron: { $names }.
values-saved = { $n ->
    [one] Se guardó 1 valor.
   *[other] Se guardaron { $n } valores.
}
values-none = Ningún valor nombrado.

## La bienvenida

welcome-step = Paso { $n } de { $total }
welcome-skip-all = Saltar la bienvenida y empezar a escribir
welcome-title = Te damos la bienvenida a Keel
welcome-role = El papel que desempeñas: los objetivos, las revisiones, el trabajo que llena el día.
welcome-self = La persona que lo hace, cuyo valor no se mueve con el organigrama.
welcome-lead = Cada día tiene estas dos columnas, una al lado de la otra, para que el papel nunca se convierta sin hacer ruido en todo lo que eres. Unas pocas preguntas ajustan ahora Keel a tu semana de trabajo; todas se pueden saltar y cambiar más tarde en Ajustes.
welcome-begin = Empezar
welcome-week-title = Tu semana de trabajo
welcome-week-hint = Cuándo debería parar el trabajo, cuándo se examinan las cifras y cuándo miras atrás a la semana.
welcome-save-next = Guardar y seguir
welcome-skip = Saltar
welcome-reminders-title = Recordatorios, si los quieres
welcome-reminders-hint = Nada marca el final de un día que nunca se apaga. Keel puede hacerlo: con suavidad, como mucho una vez al día cada uno, sin contar nunca los días que te saltaste. Todos están apagados hasta que los enciendas; en Ajustes también puede recordártelo con Keel cerrado.
welcome-no-reminders = Sin recordatorios
welcome-values-title = Lo que quieres mantener firme
welcome-values-hint = Nombra de tres a siete valores con tus propias palabras: quién eres, traiga lo que traiga el trimestre. Cada semana pregunta si la presión los puso a prueba y si se mantuvieron. Si quieres, añade una línea sobre cómo se ve cada uno en la práctica.
welcome-not-now = Ahora no
welcome-passphrase-title = Una frase de contraseña, si la quieres
welcome-passphrase-hint = Tu diario se queda en este ordenador. Con una frase de contraseña, además, cada página, reflexión y copia se cifra, así que nadie que abra su carpeta puede leerlo. Sin la frase no se puede leer en absoluto: no hay forma de recuperarla.
welcome-encrypt = Cifrar y empezar a escribir
welcome-no-passphrase = Ahora no, empezar a escribir
welcome-passphrase-missing = Escribe una frase de contraseña o elige «Ahora no, empezar a escribir».

## Tendencias

range-label = Periodo
range-30d = 30 días
range-90d = 90 días
range-1y = 1 año
range-all = Todo
save-chart = Guardar gráfico…
trends-main = Estrés y resiliencia
trends-main-label = Estrés y resiliencia, { $range }
trends-broke = Límite roto
trends-legend = Acontecimientos (pasa el ratón para ver la nota). Los puntos son días; las líneas, medias de 7 días sobre los días con registro.
trends-overlap = Cuánto de mí fue mi papel
trends-weekday = Estrés por día de la semana
trends-side-by-side = Lado a lado
trends-side-by-side-hint = Medias simples con sus recuentos: muestran lo que fue junto, no qué causó qué.
trends-values = Cómo se mantuvieron mis valores
trends-values-hint = Recuentos de semanas según la página de la semana, por el mes en que empieza cada semana. Nunca una puntuación.
trends-caption = { $n ->
    [one] 1 día con registro, del { $from } al { $to }.
   *[other] { $n } días con registro, del { $from } al { $to }.
}
trends-empty = Aún no hay registros en este periodo.
trends-values-none-before = Ninguna semana de este periodo dice todavía cómo les fue a tus valores. Cada página de la semana lo pregunta en cuanto los nombres en{" "}
trends-values-none-after = .
trends-value = Valor
count-held = { $n } se mantuvo
count-bent = { $n } cedió
count-not-tested = { $n } sin prueba
trends-point = { $day }: estrés { $stress }, resiliencia { $resilience }; media de 7 días { $stress-mean } / { $resilience-mean }
trends-point-broke = { $day }: estrés { $stress }, resiliencia { $resilience }; media de 7 días { $stress-mean } / { $resilience-mean }; límite roto
trends-overlap-label = Solapamiento con el papel a lo largo del tiempo
trends-overlap-none = No hay valoraciones de solapamiento en este periodo.
trends-overlap-point = { $day }: solapamiento { $n } de 7
trends-weekday-label = Estrés medio por día de la semana
trends-weekday-bar = { $weekday }: estrés { $mean } en { $n ->
    [one] 1 día
   *[other] { $n } días
}
trends-weekday-review = { $weekday }: estrés { $mean } en { $n ->
    [one] 1 día
   *[other] { $n } días
} (día de revisión)
trends-saved = Gráfico guardado en { $path }.

## El archivo

library-hint = Busca en cada página y cada semana. Ctrl+K te trae aquí desde cualquier sitio.
search = Buscar
search-label = Buscar en el diario
search-placeholder = Palabras, "una frase", #etiqueta, stress>=7, from:2026-01-01 …
search-results = { $n ->
    [one] 1 resultado.
   *[other] { $n } resultados, los más recientes primero.
}
search-results-more = Más de { $n } resultados, los más recientes primero.
search-nothing = No se encontró nada.
hit-week = Semana { $week }, { $year }
hit-event = Acontecimiento
tags = Etiquetas
tags-none = Escribe #palabras en una página y aparecerán aquí.
calendar-year = Año
calendar-month = Mes
calendar-earlier = Antes
calendar-later = Después
calendar-day = { $date }: estrés { $stress }
cycle-title = El ciclo del trabajo
cycle-hint = Evaluaciones, el día de la revisión salarial, lanzamientos, reorganizaciones, vacaciones: las fechas que mueven tus semanas. Marcan este calendario y los gráficos de tendencias, y las vacaciones marcan días libres.
events-span-label = Acontecimientos de este periodo
events-none = No hay acontecimientos en este periodo.
event-remove = Quitar
event-remove-label = Quitar { $kind }, { $dates }

## Las preguntas

prompts-hint = Las preguntas de Keel y las tuyas. Las preguntas ocultas nunca se eligen; recupéralas aquí cuando quieras.
prompts-write = Escribe las tuyas
prompts-filter = Qué preguntas
prompts-all = Todas
prompts-mine = Tuyas
prompts-hidden = Ocultas
prompts-count = { $shown } de { $total } preguntas
prompt-placeholder = Una pregunta que te gustaría que te hicieran…
prompt-text-label = El texto de la pregunta
prompt-side = Lado
prompt-cadence = Con qué frecuencia
prompt-theme = Tema
prompt-add = Añadir pregunta
prompt-yours = tuya
prompt-edited = editada
prompt-show-again = Mostrar de nuevo
prompt-delete = Borrar
side-bridge = Entre ambos
cadence-daily = Diaria
cadence-weekly = Semanal
theme-boundaries = Límites
theme-pressure = Presión
theme-recovery = Recuperación
theme-values = Valores
theme-change = Cambio
theme-relationships = Relaciones
theme-identity = Identidad
theme-perspective = Perspectiva
save = Guardar
cancel = Cancelar

## Tus datos

data-hint = Todo se queda en este ordenador hasta que lo exportes.
export-title = Exportar
export-hint = Keel JSON lo guarda todo y se vuelve a importar sin pérdidas; Markdown es un archivo legible por día; CSV guarda los registros para una hoja de cálculo.
export-warning = Las exportaciones se escriben sin cifrar, aunque el diario tenga frase de contraseña: sirven para dejar Keel o para otras herramientas. Las copias de seguridad siguen cifradas.
export-json = Keel JSON…
export-markdown = Carpeta Markdown…
export-csv = CSV de los registros…
export-done = { $files ->
    [one] Diario exportado a { $path }. La exportación no está cifrada: guárdala en un lugar seguro.
   *[other] { $files } archivos exportados a { $path }. La exportación no está cifrada: guárdala en un lugar seguro.
}
export-cancelled = Exportación cancelada.
export-failed = Sin exportar: { $reason }
import-title = Importar
import-hint = No se escribe nada hasta que lo confirmes. Importar el mismo archivo dos veces no añade nada la segunda vez.
import-from = Importar desde
import-from-label = Desde
import-side = Poner las entradas en
import-side-label = Las entradas van a
import-skip-bad = Saltar las entradas que no se pueden leer
import-file = El archivo que importar
source-jrnl = jrnl (exportación JSON)
source-dayone = Day One (JSON o zip)
source-keel = Keel JSON
import-plan = Se importarán { $new } de { $entries } entradas en { $days ->
    [one] 1 día
   *[other] { $days } días
}.
import-plan-span = Se importarán { $new } de { $entries } entradas en { $days ->
    [one] 1 día
   *[other] { $days } días
}, del { $first } al { $last }.
import-done = Se importaron { $new } de { $entries } entradas en { $days ->
    [one] 1 día
   *[other] { $days } días
}.
import-done-span = Se importaron { $new } de { $entries } entradas en { $days ->
    [one] 1 día
   *[other] { $days } días
}, del { $first } al { $last }.
import-duplicates = { $n ->
    [one] 1 ya se importó antes y se deja como está.
   *[other] { $n } ya se importaron antes y se dejan como están.
}
import-conflicts = { $n ->
    [one] 1 día ya tiene texto: { $dates }.
   *[other] { $n } días ya tienen texto: { $dates }.
}
import-apply = { $n ->
    [one] Importar 1 entrada
   *[other] Importar { $n } entradas
}
import-nothing-new = Nada nuevo que importar
import-open-first = Abrir { $date }
import-skipped = Entrada { $entry }, { $field }: { $reason }

## La pantalla de bloqueo

lock-title = Tu diario está bloqueado
lock-hint = Está cifrado en este ordenador. Escribe su frase de contraseña para abrirlo.
lock-unlock = Desbloquear
lock-unlocking = Desbloqueando…

## Los acontecimientos del ciclo del trabajo

event-kind-other = Otra cosa…
event-own-kind = Tu propio tipo
event-own-kind-placeholder = Tu propia palabra, p. ej., offsite
event-note-placeholder = Una nota (opcional)
event-add = Añadir el acontecimiento
event-from = Desde
event-to = hasta (opcional)
event-what = Qué
event-note = Nota
trends-table = { $n ->
    [one] El gráfico como tabla (1 día)
   *[other] El gráfico como tabla ({ $n } días)
}
trends-table-label = Los días del gráfico
trends-table-day = Día
trends-table-stress-mean = Estrés, media de 7 días
trends-table-resilience-mean = Resiliencia, media de 7 días
trends-weekday-table = El gráfico como tabla
trends-table-weekday = Día de la semana
trends-table-mean-stress = Estrés medio
trends-table-days = Días
trends-table-review-day = día de revisión

## Settings → Sync (ui/views/sync-section.js)

sync-title = Sincronización
sync-hint = Ten este diario en cada ordenador tuyo a través de una carpeta que ya sincronizas: Syncthing, Nextcloud, Dropbox, un recurso de red, una memoria USB. Keel solo escribe ahí archivos de cambios sellados, nunca el diario en sí; otro ordenador se une con la misma carpeta y la misma frase de paso.
sync-needs-passphrase = La sincronización necesita una frase de paso: la carpeta está en ordenadores ajenos, así que Keel sella con ella todo lo que deja ahí. Pon una arriba primero.
sync-folder = Carpeta
sync-folder-placeholder = /home/tu/Sync/keel
sync-folder-hint = Una carpeta que tu herramienta de sincronización ya mantiene en tus otros ordenadores. El primer ordenador crea la parte de Keel; los demás se unen a ella.
sync-name = Nombre de este ordenador
sync-passphrase = Frase de paso de la carpeta de sincronización
sync-attach = Activar la sincronización
sync-attaching = Activando…
sync-folder-first = Escribe primero la carpeta a través de la que sincronizar.
sync-passphrase-first = Escribe primero la frase de paso: sella lo que va a la carpeta.
page-sync-started = La sincronización está activa: este ordenador creó la carpeta de sincronización y escribió { $went ->
    [one] 1 cambio
   *[other] { $went } cambios
} en ella.
page-sync-joined = La sincronización está activa: { $came ->
    [one] llegó 1 cambio
   *[other] llegaron { $came } cambios
} y salieron { $went }.
sync-folder-is = Sincronizando a través de
page-sync-never = nunca
sync-last-exchange = Último intercambio: { $when }
sync-waiting = { $n ->
    [0] No hay nada esperando a salir.
    [one] 1 página espera a salir.
   *[other] { $n } páginas esperan a salir.
}
sync-failed = El último intercambio no funcionó: { $why } Tus páginas están a salvo aquí; Keel lo vuelve a intentar.
sync-devices = Ordenadores
sync-this-computer = { $name } (este ordenador)
sync-last-wrote = escribió por última vez { $when }
sync-conflicts = { $n ->
    [one] 1 página tiene dos versiones de un texto, ambas guardadas, para que elijas:
   *[other] { $n } páginas tienen dos versiones de un texto, ambas guardadas, para que elijas:
}
sync-no-conflicts = Ninguna página espera a que elijas entre dos versiones.
sync-now = Sincronizar ahora
sync-exchanging = Sincronizando…
page-sync-exchanged = { $came ->
    [one] Llegó 1 cambio
   *[other] Llegaron { $came } cambios
} y salieron { $went }.
sync-detach = Separar
sync-detaching = Separando…
sync-detach-confirm = ¿Dejar de sincronizar este diario? Tus páginas se quedan aquí y la carpeta se queda como está.
page-sync-detached = La sincronización está desactivada. Todas tus páginas siguen aquí.
