# Las palabras propias de la línea de órdenes en español; los mismos mensajes que en/cli.ftl.

# La fecha de un día completa, como patrón strftime (chrono, con los nombres en español).
date-long = %A, %-d de %B de %Y
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
prompt-bridge = Entre ambos
prompt-weekly = La reflexión de esta semana:
date-short = %a %-d %b
date-short-year = %a %-d %b %Y
date-day-month = %A %-d de %B
week-title = Semana { $week } (del { $from } al { $to })
week-row-stress = estrés
week-row-resilience = resiliencia
week-row-overlap = solapamiento
week-row-boundary = límite
week-row-check-ins = registros
week-row-hardest = el día más duro
week-row-review = días de revisión
week-no-checkins = sin registros
week-mean = media { $mean } (mínimo { $min }, máximo { $max }; { $n ->
    [one] 1 día
   *[other] { $n } días
}{ $last }{ $four })
week-vs-last = , semana pasada { $mean }
week-vs-four = , 4 semanas { $mean }
week-boundary-line = respetado { $kept } de { $answered } días respondidos; { $minutes } min fuera de horario
week-check-ins-line = { $n } de 7 días
week-hardest-line = { $date } (estrés { $stress }): { $excerpt }
week-review-line = estrés { $review } frente a { $other } los demás días
week-last-boundary = El límite de la semana pasada: { $boundary }
week-kept = Respetado: { $kept ->
    [yes] sí
   *[no] no
}
week-next-boundary = Un límite para la semana que viene: { $boundary }
week-value-unknown = valor { $id }
week-outcome-held = se mantuvo
week-outcome-bent = cedió
week-outcome-not-tested = no se puso a prueba
date-weekday = %a
search-week = Semana { $week }
search-event = Acontecimiento
search-nothing = No se encontró nada.
stats-range = Del { $from } al { $to }: { $n ->
    [one] 1 día con registro.
   *[other] { $n } días con registro.
}
stats-none = Aún no hay registros.
stats-mean = { $mean } en { $n ->
    [one] 1 día
   *[other] { $n } días
}
stats-last-7 = Los últimos 7 días hasta el { $date }: estrés { $stress }, resiliencia { $resilience }.
stats-weekdays = Estrés por día de la semana:
stats-review-day = {" "}(día de revisión)
stats-weekday-mean = { $mean } ({ $n ->
    [one] 1 día
   *[other] { $n } días
})
stats-values = Tus valores:
stats-events = Acontecimientos de este periodo:
saved = { $date } guardado.
values-none = Aún no hay valores. Nombra de 3 a 7 con `keel values set TEXT...`.
values-practice = en la práctica: { $practice }
values-retired = Retirados (guardados para las semanas que los nombraron):
event-span = del { $start } al { $end }
event-added = Acontecimiento { $id } añadido.
events-none = No hay acontecimientos.
event-removed = Acontecimiento quitado: { $event }.
could-not-write = No se pudo escribir { $path }: { $reason }.
could-not-read = No se pudo leer { $path }: { $reason }.
exported-json = Diario exportado a { $out } (Keel JSON). El archivo no está cifrado.
exported-csv = Registros exportados a { $out } (CSV).
exported-markdown = { $n ->
    [one] 1 página exportada
   *[other] { $n } páginas exportadas
} a { $out } (Markdown). Los archivos no están cifrados.
import-span = , del { $first } al { $last }
import-would = Se importarían { $new } de { $entries } entradas en { $days ->
    [one] 1 día
   *[other] { $days } días
}{ $span }; { $duplicates } ya importadas.
import-did = Se importaron { $new } de { $entries } entradas en { $days ->
    [one] 1 día
   *[other] { $days } días
}{ $span }; { $duplicates } ya importadas.
import-conflicts-kept = { $n ->
    [one] 1 día ya tenía texto (se dejó como estaba): { $dates }
   *[other] { $n } días ya tenían texto (se dejaron como estaban): { $dates }
}
import-conflicts-added = { $n ->
    [one] 1 día ya tenía texto (se añadió debajo de lo que había): { $dates }
   *[other] { $n } días ya tenían texto (se añadió debajo de lo que había): { $dates }
}
import-skipped = Saltada: { $entry }
backed-up = Copia guardada en { $path } ({ $bytes } bytes, verificada); { $removed } copias antiguas quitadas.
backups-none = Aún no hay copias de seguridad.
bytes = { $n } bytes
no-backup-to-restore = No hay ninguna copia de seguridad que restaurar.
backup-passphrase-prompt = La frase de contraseña de la copia:{" "}
restored = { $n ->
    [one] 1 página restaurada
   *[other] { $n } páginas restauradas
} de { $file }. El diario tal como estaba se guarda en { $aside }.
passphrase-already-set = El diario ya está cifrado; `keel passphrase change` cambia su frase de contraseña.
passphrase-old-backups = Hay { $n } copias de seguridad anteriores que no están cifradas: añade --encrypt-old-backups para cifrarlas también, o --remove-old-backups para borrarlas. No se ha cambiado nada.
passphrase-old-removed = { $n ->
    [one] Se quitó 1 copia sin cifrar.
   *[other] Se quitaron { $n } copias sin cifrar.
}
passphrase-old-encrypted = { $n ->
    [one] También se cifró 1 copia anterior.
   *[other] También se cifraron { $n } copias anteriores.
}
passphrase-set = El diario está cifrado. { $old }Guarda bien la frase de contraseña: sin ella el diario no se puede leer.
passphrase-none-to-change = El diario no está cifrado; `keel passphrase set` lo cifra.
passphrase-changed = Se ha cambiado la frase de contraseña.
passphrase-none-to-remove = El diario no está cifrado.
passphrase-removed = El diario ya no está cifrado. Las copias hechas mientras lo estuvo siguen cifradas.
passphrase-file-unreadable = No se pudo leer el archivo de la frase de contraseña { $path }: { $reason }.
passphrase-needed = Hace falta una frase de contraseña: escríbela en un terminal o indica en { $env } un archivo que la contenga.
passphrase-unreadable = No se pudo leer la frase de contraseña: { $reason }.
passphrase-prompt = Frase de contraseña:{" "}
passphrase-new-prompt = Nueva frase de contraseña:{" "}
passphrase-again-prompt = La misma otra vez:{" "}
passphrases-differ = Las dos frases de contraseña no coinciden; no se ha cambiado nada.
reminders-not-synced = no se pudieron poner al día los recordatorios: { $reason }
damaged-newest-backup = No se ha cambiado nada. La copia más reciente es del { $taken }: `keel backup restore` la restaura y guarda el diario tal como está ahora.
settings-end-of-work = Fin de la jornada:
settings-working-days = Días laborables:
settings-working-days-value = { $days } (libres: { $off })
settings-review-days = Días de revisión:
settings-week-start = La semana empieza:
settings-reflection-day = Día para mirar atrás:
settings-theme = Apariencia:
settings-language = Idioma:
settings-lock = El diario cifrado se bloquea:
settings-lock-never = nunca
settings-lock-after = tras { $n } minutos sin uso
settings-reminders = Recordatorios:
settings-remind-end-of-work = Fin de la jornada:
settings-remind-end-of-work-on = encendido, a las { $time } los días laborables
settings-remind-check-in = Registro diario:
settings-remind-check-in-on = encendido, a las { $time } los días laborables sin registro
settings-remind-weekly = Reflexión semanal:
settings-remind-weekly-on = encendido, a las { $time } el { $day } mientras la semana no tenga reflexión
settings-remind-background = Con Keel cerrado:
settings-on = encendido
settings-off = apagado
settings-no-days = ninguno
keel-not-found = No se encontró dónde está instalado keel: { $reason }.
keel-not-started = No se pudo iniciar Keel ({ $program }): { $reason }.
remind-off = Los recordatorios con Keel cerrado están apagados, así que keel remind no tiene nada que enviar. Enciéndelos en Ajustes → Recordatorios de Keel o con `keel settings set --background on`.
remind-app-open = Keel está abierto con este diario y envía sus propios recordatorios.
remind-nothing-due = Ahora no toca nada.
remind-due-now = Toca ahora:{" "}
remind-sent = Enviado:{" "}
remind-next-look = Próxima mirada hoy: { $time }
remind-answered = Respondido para el { $date }: { $answer ->
    [done] terminé por hoy
   *[still-working] sigo trabajando
}. Se escribe en el día cuando Keel vuelva a abrir el diario.
remind-snoozed = Pospuesto hasta las { $time }.

## Lo que clap escribe por sí mismo en `keel --help`

help-heading-usage = Uso:
help-heading-commands = Órdenes
help-heading-command-value = ORDEN
help-heading-options = Opciones
help-heading-arguments = Argumentos
help-flag = Mostrar la ayuda
help-version = Mostrar la versión
help-command = Mostrar esta ayuda, o la de las órdenes indicadas
help-command-arg = Mostrar la ayuda de estas órdenes
help-command-value = ORDEN

## Los títulos de sección de las páginas del manual

man-name = NOMBRE
man-synopsis = SINOPSIS
man-description = DESCRIPCIÓN
man-options = OPCIONES
man-subcommands = SUBÓRDENES
man-version = VERSIÓN

## Errores de uso y la terminal

usage-hint = `keel --help` muestra las órdenes.
usage-event-id = «{ $id }» no es un id de acontecimiento; `keel event list` los muestra
usage-markdown-folder = una exportación a Markdown es una carpeta: indica --out CARPETA.
usage-import-side = las entradas importadas van a role o a self.
usage-search-empty = indica algo que buscar: palabras, una "frase", una #etiqueta o un periodo.
usage-stdin-once = solo una de --role y --self puede leer la entrada estándar.
usage-nothing-to-save = nada que guardar: indica --role, --self o un registro como --stress.
usage-on-off = --{ $flag } admite on u off, no «{ $value }»
usage-weekday = «{ $value }» no es un día de la semana; escribe mon, tue, wed, thu, fri, sat o sun
usage-theme = --theme admite system, light o dark, no «{ $value }»
usage-language = --language admite system, en, de o es, no «{ $value }»
stdin-unreadable = No se pudo leer el texto de la entrada estándar: { $reason }.
stdout-unwritable = No se pudo escribir la salida: { $reason }.

## Errores de uso que encuentra clap

usage-unknown-argument = «{ $arg }» no es una opción aquí
usage-unknown-command = «{ $command }» no es una orden
usage-invalid-value = «{ $value }» no es un valor que admita { $arg }
usage-invalid-value-why = «{ $value }» no es un valor que admita { $arg }: { $why }
usage-missing = hay que indicar { $args }
usage-conflict = { $arg } no se puede usar con { $other }

## keel sync
sync-started = Se creó una carpeta de sincronización en { $path } como «{ $name }». Otro ordenador se une con `keel sync attach` y la misma frase de paso.
sync-joined = Unido a la carpeta de sincronización de { $path } como «{ $name }».
sync-exchanged = { $came ->
    [one] Llegó 1 cambio
   *[other] Llegaron { $came } cambios
}, { $went ->
    [one] salió 1.
   *[other] salieron { $went }.
}
sync-days-changed = Páginas cambiadas aquí: { $days }
sync-records-changed = También cambió aquí: { $records }
sync-refused = No se tomó (este diario conserva el suyo): { $field }, { $why }
sync-unreadable = { $n ->
    [one] 1 archivo de cambios no se pudo leer todavía; se intentará de nuevo la próxima vez.
   *[other] { $n } archivos de cambios no se pudieron leer todavía; se intentarán de nuevo la próxima vez.
}
sync-written-again = Los archivos de este ordenador estaban dañados o faltaban en la carpeta: se escribieron de nuevo { $n } cambios.
sync-status-none = Este diario no está unido a ninguna carpeta de sincronización.
sync-status-folder = Carpeta:            { $path }
sync-status-device = Este ordenador:     { $name } ({ $id })
sync-status-last = Último intercambio: { $when }
sync-never = nunca
sync-status-devices = Ordenadores:
sync-status-this-device = { $name } ({ $id }, este): escribió por última vez { $when }
sync-status-other-device = { $name } ({ $id }): escribió por última vez { $when }
sync-status-waiting = Por enviar:         { $n ->
    [one] 1 página
   *[other] { $n } páginas
}
sync-status-no-conflicts = Conflictos:         ninguno
sync-status-conflicts = Conflictos:         { $days } (las dos versiones están en el texto; quédate con lo que quieras y borra las marcas)
sync-detached = Separado de { $path }. La carpeta y tus páginas quedan como estaban.
