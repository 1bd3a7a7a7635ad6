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

## Errores (src/error.rs, KeelError::message_in)

error-invalid-date = «{ $input }» no es una fecha; escríbela como AAAA-MM-DD, por ejemplo 2026-11-28.
error-invalid-week-id = «{ $input }» no es una semana; escríbela como AAAA-Www, por ejemplo 2026-W48.
error-invalid-range = «{ $input }» no es un periodo; elige 30d, 90d, 1y o all.
error-invalid-rating = { $field } debe ser un número entero de { $min } a { $max }; { $value } se sale de ese rango.
error-field-stress = El estrés
error-field-resilience = La resiliencia
error-field-overlap = El solapamiento
error-invalid-minutes = Los minutos trabajados fuera de horario deben ir de 0 a { $max }; { $value } se sale de ese rango.
error-entry-too-large = La página del { $date } ocupa { $bytes } bytes, más de los { $limit } bytes que cabe en una página; no se guardó nada, y el texto sigue siendo tuyo para acortarlo.
error-text-too-large = El texto ocupa { $bytes } bytes, más de los { $limit } bytes que Keel acepta de una vez.
error-unknown-prompt = No hay ninguna pregunta con el identificador «{ $id }».
error-journal-locked = El diario de { $path } está abierto en otro proceso de Keel; ciérralo allí primero.
error-newer-schema = El diario de { $path } lo escribió una versión más reciente de Keel (esquema { $found }, esta lee hasta el { $supported }); no se ha cambiado nada.
error-journal-damaged = El diario de { $path } está dañado y no se puede leer.
error-no-journal-location = En este sistema no hay un sitio predeterminado para el diario; indica uno con --journal DIR o KEEL_JOURNAL.
error-disk-full = No queda espacio en el disco que guarda el diario de { $path }; libera algo de espacio y Keel volverá a guardar.
error-locked = El diario de { $path } está bloqueado; desbloquéalo con su frase de contraseña.
error-wrong-passphrase = Esa frase de contraseña no abre este diario. No se ha cambiado nada; inténtalo de nuevo.
error-already-encrypted = El diario ya está cifrado; cambia su frase de contraseña en su lugar.
error-not-encrypted = El diario no está cifrado; pon primero una frase de contraseña.
error-no-such-backup = No hay ninguna copia de seguridad llamada «{ $name }».
error-invalid-span = Un calendario muestra como mucho un año, de su primer día al último; del { $from } al { $to } no es un periodo así.
error-too-many-attempts = Demasiadas frases de contraseña incorrectas; inténtalo de nuevo dentro de { $seconds } s.
error-unknown-event = No hay ningún acontecimiento con el identificador { $id }.
error-invalid-chart = Ese gráfico no se puede guardar: no es una imagen SVG de un tamaño razonable.

## Los tipos de acontecimiento del ciclo del trabajo (la página, `keel event`, `keel show`)

kind-review = Evaluación del desempeño
kind-compensation = Revisión salarial
kind-planning = Planificación
kind-launch = Lanzamiento o fecha límite
kind-reorg = Reorganización
kind-new-role = Nuevo puesto o nuevo responsable
kind-short-staffed = Equipo con poca gente
kind-time-off = Vacaciones
error-invalid-query = Esa búsqueda no se puede hacer: { $reason }.
error-invalid-week = La página de esa semana no se puede guardar: { $reason }.
error-invalid-settings = Esos ajustes no se pueden guardar: { $reason }.
error-invalid-prompt = Esa pregunta no se puede guardar: { $reason }.
error-invalid-values = Esos valores no se pueden guardar: { $reason }.
error-invalid-event = Ese acontecimiento no se puede guardar: { $reason }.

## Por qué se rechazó algo (error::Reason), dentro de las frases de arriba

reason-values-count = nombra de { $min } a { $max } valores (o ninguno); esta lista tiene { $n }
reason-value-name = un valor tiene de 1 a { $max } caracteres con al menos una letra o una cifra; «{ $name }» no
reason-value-twice = «{ $name }» está dos veces
reason-value-practice = cómo se ve «{ $name }» en la práctica tiene como mucho { $max } caracteres
reason-value-id = el identificador de valor { $id } se usa dos veces o es 0
reason-value-length = el valor «{ $name }» es demasiado largo o está vacío
reason-values-active = como mucho { $max } valores están activos
reason-why-length = una línea de por qué tiene como mucho { $max } caracteres
reason-event-kind = un tipo es { $kinds } o una palabra tuya de 1 a { $max } caracteres
reason-event-order = termina el { $end }, antes de empezar el { $start }
reason-event-length = un acontecimiento dura como mucho { $max } días
reason-event-note = una nota tiene como mucho { $max } caracteres
reason-prompt-length = el texto de una pregunta tiene de 1 a { $max } caracteres; este tiene { $n }
reason-prompt-shipped = las preguntas que vienen con Keel se pueden ocultar pero no borrar
reason-week-gave = «Lo que me dio el papel» tiene { $n } elementos; una semana admite como mucho { $max }
reason-week-cost = «Lo que me costó» tiene { $n } elementos; una semana admite como mucho { $max }
reason-week-answers = { $n } respuestas; una semana admite como mucho { $max }
reason-week-value-twice = el valor { $id } está respondido dos veces
reason-week-values = { $n } respuestas sobre valores; una semana admite como mucho { $max }
reason-no-working-day = al menos un día de la semana tiene que ser laborable
reason-auto-lock = el diario puede bloquearse solo tras como mucho { $max } minutos (un día); 0 significa nunca
reason-time = «{ $input }» no es una hora; escríbela como HH:MM, por ejemplo 18:00
reason-query-number = «{ $token }» necesita un número entero, como { $name }>=7

## Errores de archivos, almacenamiento y sistema. Un detalle técnico en { $detail } (palabras
## de un analizador o del sistema) se muestra tal como llegó.

error-bad-import = Este archivo no se puede importar como { $source }: { $reason }. No se importó nada.
error-invalid-import-request = { $reason }
error-prompt-library = La biblioteca de preguntas de Keel está dañada: { $reason }.
error-corrupt = No se pudo leer un dato guardado ({ $what }; { $detail }); puede que el diario esté dañado.
error-io = No se pudo { $action }: { $reason }
error-write-failed = Keel no pudo escribir en el diario de { $path }: { $reason }.
error-invalid-passphrase = Esa frase de paso no sirve: { $reason }.
error-crypto = Keel no pudo cifrar ni descifrar: { $detail }.
error-journal-busy = El diario está ocupado: { $reason }; vuelve a intentarlo en un momento.
error-notify = El escritorio no mostró el recordatorio ({ $detail }); ¿hay un servicio de notificaciones en marcha?
error-background = No se pueden configurar los recordatorios con Keel cerrado: { $reason }.
error-storage = Falló el almacenamiento del diario: { $detail }

## Lo que hacía una operación de archivo (error-io: «No se pudo …»)

io-create = crear { $path }
io-create-backups-folder = crear la carpeta de copias { $path }
io-create-journal-folder = crear la carpeta del diario { $path }
io-link = enlazar { $path }
io-lock = bloquear { $path }
io-unlock = desbloquear { $path }
io-move-aside = apartar { $path }
io-name = nombrar { $path }
io-open = abrir { $path }
io-protect-journal-folder = proteger la carpeta del diario { $path }
io-read = leer { $path }
io-read-back = releer { $path }
io-remove = eliminar { $path }
io-rename = renombrar { $path }
io-sync = llevar al disco { $path }
io-sync-folder = llevar al disco la carpeta { $path }
io-write = escribir { $path }
io-write-mark = escribir la marca en { $path }

## Por qué el sistema se negó

os-not-found = no existe
os-permission-denied = se denegó el permiso
os-already-exists = ya existe
os-read-only = el disco es de solo lectura
os-disk-full = el disco está lleno
os-not-a-folder = una parte de la ruta no es una carpeta
os-is-a-folder = es una carpeta

## Motivos de los errores de arriba

reason-error = { $error }
reason-write-permission = se denegó el permiso
reason-write-read-only = el disco es de solo lectura
reason-write-gone = sus archivos ya no están (¿se movió o se borró la carpeta?)
reason-write-disk = el disco informó de un error
reason-passphrase-empty = está vacía
reason-busy-closing = todavía se está cerrando tras una escritura fallida
reason-busy-rewrite = otro trabajo lo mantuvo abierto, así que su almacén no se reescribió
reason-background-no-home = no hay carpeta personal donde guardar el temporizador
reason-background-no-keel = el comando keel no está instalado junto a la aplicación (se buscó en { $path })
reason-background-no-exe = la aplicación no sabe dónde está instalada ({ $detail })

## Por qué no se puede importar un archivo, y por qué una entrada está mal

reason-import-source = Keel importa de keel, jrnl o dayone, no de «{ $source }».
reason-import-side = Las entradas importadas van a role o a self, no a «{ $side }».
reason-import-raw = El archivo debe enviarse como bytes sin procesar.
reason-import-zip = el zip no se puede leer ({ $detail })
reason-import-zip-name = un nombre de archivo del zip no se puede leer ({ $detail })
reason-import-zip-large = { $name } ocupa más de 512 MiB
reason-import-zip-file = { $name } no se puede leer del zip ({ $detail })
reason-import-zip-empty = el zip no contiene ningún diario .json
reason-import-not-json = no es JSON ({ $detail })
reason-import-no-entries = no tiene una lista «entries», así que no es una exportación de { $source }
reason-import-entries = sus «entries» no son una lista de entradas ({ $detail })
reason-import-format = su «format» no es «keel»
reason-import-version = es de la versión { $version }; este Keel lee de la versión 1 a la { $max }
reason-import-no-list = no tiene una lista «{ $key }»
reason-import-values = sus valores no se pueden leer ({ $detail })
reason-import-settings = sus ajustes no se pueden leer ({ $detail })
reason-import-bad-entries = { $first }{ $more ->
    [0] {""}
    [one] {" "}(y 1 entrada mala más)
   *[other] {" "}(y { $more } entradas malas más)
}
reason-bad-entry = entrada { $entry }, campo «{ $field }»: { $reason }
reason-entry-object = una entrada debe ser un objeto
reason-entry-missing = falta
reason-entry-text = se esperaba texto y hay { $found }
reason-entry-list = se esperaba una lista y hay { $found }
reason-entry-bool = se esperaba true o false y hay { $found }
reason-entry-tag = cada etiqueta debe ser texto
reason-entry-time = «{ $input }» no es una hora (HH:MM)
reason-entry-date-time = «{ $input }» no es una fecha con hora (RFC 3339)
reason-entry-zone = «{ $input }» no es una zona horaria conocida
reason-entry-page-size = la página del { $date } es más grande de lo que puede ser una página
reason-entry-note-space = su nota tiene espacios alrededor
reason-entry-unreadable = { $detail }

## Las dos caras y los títulos de una semana: `keel show`, `keel week` y la exportación a Markdown

show-role = Lo que hago
show-self = Quién soy
week-gave = Lo que me dio el papel
week-cost = Lo que me costó
week-values = Mis valores esta semana
export-next-boundary = Un límite para la semana que viene
export-held = puesto a prueba, y se mantuvo
export-bent = puesto a prueba, y cedió
export-not-tested = no se puso a prueba
export-value-unnamed = valor { $id }

## Sincronización (src/sync)

error-sync-folder = Esa carpeta de sincronización no se puede usar: { $reason }.
reason-sync-folder-taken = esa carpeta ya tiene una carpeta de sincronización de Keel; únete a ella
error-not-syncing = Este diario no está unido a ninguna carpeta de sincronización.
error-sync-keeps-passphrase = La frase de paso se queda mientras el diario se sincroniza: la clave de su carpeta de sincronización se guarda con ella. Separa primero la carpeta de sincronización.
reason-sync-needs-passphrase = un diario que se sincroniza necesita una frase de paso, y este no tiene (pon una primero)
reason-sync-wrong-passphrase = esa frase de paso no la abre, así que no se cambió nada
reason-sync-attached = este diario ya está unido a { $path } (sepáralo primero)
reason-sync-folder-gone = no existe la carpeta { $path } (¿está conectado su disco o su recurso compartido?)
reason-sync-device-name = el nombre de un ordenador necesita de 1 a 64 caracteres, sin saltos de línea

## A save over a page that changed since it was loaded (model::DayPatch::rebased)

merge-typed-here = Escrito aquí
merge-saved-meanwhile = Guardado mientras tanto
