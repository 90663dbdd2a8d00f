# El panel de los organizadores. Por ahora se muestra en inglés; estos mensajes están aquí
# para que traducirlo sea solo añadir el archivo de un idioma.

## Plantilla, navegación y piezas comunes

dash-head-title = { $page } · panel de { $site }
dash-bare-header = { $site } · organizadores
dash-nav-label = Panel
dash-nav-events = Eventos
dash-nav-newsletter = Boletín
dash-nav-outbox = Bandeja de salida
dash-nav-tokens = Tokens de la API
dash-nav-calendar = Calendario suscribible
dash-nav-site = Sitio
dash-nav-team = Equipo
dash-nav-sign-out = Cerrar sesión
dash-tab-label = Evento
dash-tab-overview = Resumen
dash-tab-check-in = Registro de llegada
dash-tab-invitations = Invitaciones
dash-tab-registrations = Inscripciones
dash-tab-line = Lista de espera
dash-tab-capacity = Aforo
dash-tab-messages = Mensajes
dash-tab-settings = Ajustes
dash-tab-programme = Programa
dash-tab-questions = Preguntas
dash-tab-groups = Grupos
dash-tab-representation = Quién está en la sala
dash-tab-audit = Registro de cambios
dash-mode-in-person = En persona
dash-mode-virtual = En línea
dash-seat-in-person = una plaza presencial
dash-seat-virtual = una plaza en línea
dash-status = { $status ->
    [pending_email] correo por confirmar
    [invited] invitada
    [waitlisted] en espera
    [offered] con oferta
    [confirmed] confirmada
    [declined] rechazada
    [cancelled] cancelada
    [expired] vencida
   *[revoked] revocada
}
dash-gauge-summary = { $mode }: { $confirmed } confirmadas, { $invited } reservadas por invitaciones abiertas, { $offered } reservadas por ofertas abiertas, { $free }, { $waiting } en espera
dash-gauge-free-of = { $free } libres de { $capacity }
dash-gauge-unlimited = sin límite
dash-gauge-capacity = aforo { $capacity }
dash-gauge-confirmed = Confirmadas
dash-gauge-invited = Invitaciones abiertas
dash-gauge-offered = Ofertas abiertas
dash-gauge-free = Libres
dash-gauge-waiting = En espera
dash-chart-none = Aún no hay inscripciones.
dash-chart-label = { $n ->
    [one] { $n } inscripción del { $first } al { $last }
   *[other] { $n } inscripciones del { $first } al { $last }
}
dash-pages-label = Páginas
dash-pages-previous = ← Anterior
dash-pages-next = Siguiente →
dash-pages-page-of = Página { $page } de { $pages }
dash-cancel = Cancelar
dash-promotion-confirmed = { $seat }, confirmada
dash-promotion-offered = se le ofrece { $seat }

## El resumen de un evento y los cambios de fase

# Las plazas que rige una fase ($seats_of): all (todas), in-person (presenciales) o
# virtual (en línea).
dash-phase-free-seats-in-person = { $n ->
    [one] 1 plaza presencial libre
   *[other] { $n } plazas presenciales libres
}
dash-phase-free-seats-virtual = { $n ->
    [one] 1 plaza en línea libre
   *[other] { $n } plazas en línea libres
}
dash-phase-first-in-line = { $n ->
    [one] la primera persona de la lista de espera
   *[other] las primeras { $n } personas de la lista de espera
}
dash-phase-give = dará { $seats } a { $people }
dash-phase-offer = ofrecerá { $seats } a { $people }
dash-phase-and = { $first } y { $second }
dash-phase-same-as-in-person = La misma que en persona
dash-phase-virtual-follows = Las plazas en línea vuelven a seguir la fase del evento.
dash-phase-virtual-follows-handing = Las plazas en línea vuelven a seguir la fase del evento. Con ello se { $handed }.
dash-phase-no-seat-free = No hay ninguna plaza libre para quien espera, así que ahora no se ofrece ninguna.
dash-phase-and-will = y { $handed }.
dash-phase-open-direct = { $seats_of ->
    [in-person] Abrir la inscripción presencial
    [virtual] Abrir la inscripción de las plazas en línea
   *[all] Abrir la inscripción
} permite a los recién llegados tomar directamente las plazas libres cuando nadie las espera. { $seats }
dash-phase-open = { $seats_of ->
    [in-person] Abrir la inscripción presencial
    [virtual] Abrir la inscripción de las plazas en línea
   *[all] Abrir la inscripción
} permite a los recién llegados tomar las plazas libres cuando nadie las espera, { $seats }
dash-phase-invite-only = { $seats_of ->
    [in-person] La inscripción presencial
    [virtual] La inscripción de las plazas en línea
   *[all] La inscripción
} pasa a ser solo por invitación: el público puede unirse a la lista de espera y las plazas libres quedan a su disposición para invitar o promover a mano.
dash-phase-closed-none = { $seats_of ->
    [in-person] Cerrar la inscripción presencial
    [virtual] Cerrar la inscripción de las plazas en línea
   *[all] Cerrar la inscripción
} detiene las nuevas inscripciones; las plazas libres siguen yendo a la lista de espera hasta que empiece el evento. { $seats }
dash-phase-closed = { $seats_of ->
    [in-person] Cerrar la inscripción presencial
    [virtual] Cerrar la inscripción de las plazas en línea
   *[all] Cerrar la inscripción
} detiene las nuevas inscripciones; las plazas libres siguen yendo a la lista de espera hasta que empiece el evento, { $seats }
dash-phase-draft = El evento vuelve a ocultarse al público; las inscripciones quedan como están y no se envía ningún correo.
dash-overview-venue = Lugar:
dash-overview-phase-in-person = Fase presencial:
dash-overview-phase-virtual = Fase de las plazas en línea:
dash-overview-phase = Fase:
dash-overview-public-page = Página pública:
dash-overview-seats = Plazas
dash-overview-answers-due = { $n ->
    [one] respuesta pendiente
   *[other] respuestas pendientes
}
dash-overview-next-deadline = el próximo plazo vence el
dash-overview-attendance = Asistencia
dash-overview-arrived-of = llegados de
dash-overview-expected = esperados en la sala
dash-overview-did-not-come = no vinieron
dash-overview-check-in-page = Página de registro de llegada
dash-overview-over-time = Inscripciones a lo largo del tiempo
dash-overview-phase-heading = Fase
dash-overview-now = Ahora:
dash-overview-preview-label = Lo que hará el cambio
dash-overview-change-to-button = Cambiar a «{ $phase }»
dash-overview-in-person = En persona
dash-overview-whole-event = Todo el evento
dash-overview-change-to = Cambiar a:
dash-overview-virtual-seats = Plazas en línea
dash-overview-virtual-hint = La transmisión puede estar abierta mientras la sala es por invitación, o la sala abierta mientras la transmisión está cerrada.
dash-overview-exports = Exportaciones
dash-overview-export-participants = Participantes (CSV, para las acreditaciones)
dash-overview-export-virtual = Participantes en línea (CSV, para la herramienta de reuniones en línea)
dash-overview-export-calendar = Archivo de calendario de este evento
dash-overview-more = Más
dash-overview-duplicate = Duplicar este evento
dash-overview-announce = Anunciar este evento en el boletín

## La lista de eventos y el formulario de un evento

dash-save = Guardar
dash-form-correct-fields = Corrija los campos marcados abajo.
dash-events-title = Eventos
dash-events-create = Crear un evento
dash-events-none = Aún no hay eventos.
dash-events-col-event = Evento
dash-events-col-starts = Empieza
dash-events-col-phase = Fase
dash-events-participants = participantes
dash-events-virtual-phase = En línea: { $phase }
dash-events-confirmed = { $n ->
    [one] { $n } confirmada
   *[other] { $n } confirmadas
}
dash-events-free = { $n ->
    [one] { $n } libre
   *[other] { $n } libres
}
dash-events-waiting = { $n } en espera
dash-event-form-title = Título
dash-event-form-slug = Nombre de la dirección (minúsculas, cifras y guiones; la página es /events/NOMBRE)
dash-event-form-description = Descripción (opcional)
dash-event-form-timezone = Zona horaria (nombre IANA, p. ej. Europe/Madrid)
dash-event-form-starts = Empieza (en la zona horaria del evento)
dash-event-form-ends = Termina (en la zona horaria del evento)
dash-event-form-save-anyway = Guardarlo de todos modos: este evento { $warning }
dash-event-form-venue = Lugar
dash-event-form-meeting-url = Enlace de la reunión para asistir en línea
dash-event-form-in-person-capacity = Plazas presenciales
dash-event-form-virtual-capacity = Plazas en línea (vacío: sin límite)
dash-event-form-offer-window = Horas para aceptar una plaza ofrecida
dash-event-form-invitation-window = Días para responder a una invitación
dash-event-form-reminders = Recordatorios a los participantes confirmados, en horas antes del inicio (p. ej. 24, 2; vacío: ninguno)
dash-event-form-reconfirmation = Reconfirmación (deje ambos vacíos para no pedirla)
dash-event-form-reconfirmation-hint = A cada participante presencial confirmado se le pregunta «¿sigue pensando venir?»; una plaza que nadie reconfirma a tiempo pasa al siguiente de la lista de espera.
dash-event-form-reconfirm-days = Preguntar este número de días antes del inicio
dash-event-form-reconfirm-hours = Horas para responder
dash-event-form-phase = Fase
dash-event-form-virtual-phase = Fase de las plazas en línea
dash-event-form-same-phase = La misma que la fase
dash-event-form-auto-confirm = Dar una plaza liberada al siguiente de la lista de espera enseguida, sin preguntar (por defecto: ofrecerla con un plazo)

## Inscripciones, lista de espera y aforo

dash-preview = Vista previa
dash-col-name = Nombre
dash-col-email = Correo electrónico
dash-col-affiliation = Institución
dash-col-actions = Acciones
# La preferencia de quien espera ($preference): in_person, virtual o either.
dash-preference = { $preference ->
    [in_person] en persona
    [virtual] en línea
   *[either] cualquiera
}
dash-registrations-page-title = Inscripciones · { $event }
dash-registrations-title = Inscripciones
dash-registrations-status = Estado
dash-registrations-any = Cualquiera
dash-registrations-active = Activas (con plaza reservada o en espera)
dash-registrations-mode = Modalidad
dash-registrations-answer = Respuesta
dash-registrations-search = Buscar por nombre, correo o institución
dash-registrations-show = Mostrar
dash-registrations-match = { $n ->
    [one] { $n } inscripción coincide.
   *[other] { $n } inscripciones coinciden.
}
dash-registrations-col-line = Lista / plazo
dash-registrations-col-registered = Inscrito
dash-registrations-wants = { $preference ->
    [in_person] quiere en persona
    [virtual] quiere en línea
   *[either] cualquier modalidad
}
dash-registrations-position = número { $n } en la lista
dash-registrations-answer-by = responder antes del { $at }
dash-registrations-waits-for = { $mode ->
    [in_person] espera plaza presencial
   *[virtual] espera plaza en línea
}
dash-registrations-reconfirm-by = reconfirmar antes del { $at }
dash-registrations-new-deadline = Nuevo plazo de reconfirmación para { $name }
dash-registrations-change-deadline = Cambiar el plazo
dash-registrations-revoke = Revocar
dash-line-page-title = Lista de espera · { $event }
dash-line-title = Lista de espera
dash-line-hint = En orden: primero la prioridad que da el organizador (la más alta va antes) y después la hora de entrada. «Subir» y «Bajar» suben o bajan en uno la prioridad de una entrada, de modo que adelanta (o queda detrás de) todas las de su prioridad anterior. Promover ofrece una plaza libre fuera de turno.
dash-line-none = No hay nadie en espera.
dash-line-col-waits-for = Espera
dash-line-col-priority = Prioridad
dash-line-col-since = En la lista desde
dash-line-keeps = (conserva una plaza: { $mode })
dash-line-promote = Promover ahora
dash-line-move-up = Subir
dash-line-move-down = Bajar
dash-line-remove = Quitar
dash-capacity-page-title = Aforo · { $event }
dash-capacity-title = Aforo
dash-capacity-hint = Bajar un aforo por debajo de las plazas ya ocupadas no deja a nadie fuera; solo impide nuevas plazas.
dash-capacity-nobody = Este cambio no ofrece ninguna plaza.
dash-capacity-hands-to = Este cambio dará plazas a:
dash-capacity-apply = Aplicar el nuevo aforo
dash-mode-word = { $mode ->
    [in_person] en persona
   *[virtual] en línea
}

## Invitaciones

dash-invite-list = Personas que invitar, una por línea
dash-invite-list-either = Bien
dash-invite-list-or = o bien
dash-invite-list-mode = (mode: in_person o virtual; vacío para la modalidad por defecto; la institución es opcional).
dash-invite-file = O suba un archivo CSV
dash-invite-file-hint = Tal como lo guarda una hoja de cálculo (CSV UTF-8; comas, puntos y coma o tabuladores). Una fila de encabezado se lee por nombre, en cualquier orden:
dash-invite-file-hint-end = las demás columnas se omiten. Si sube un archivo, se lee en lugar de la lista pegada.
# $delimiter: commas, semicolons o tabs.
dash-invite-read-header = Leído como CSV con { $delimiter ->
    [commas] comas
    [semicolons] puntos y coma
   *[tabs] tabuladores
} entre campos y una fila de encabezado:
dash-invite-read-no-header = Leído como CSV con { $delimiter ->
    [commas] comas
    [semicolons] puntos y coma
   *[tabs] tabuladores
} entre campos y sin fila de encabezado: cada fila es correo, nombre, modalidad, institución, en ese orden.
dash-invite-column = columna { $n }
dash-invite-no-heading = (sin encabezado)
dash-invite-left-out = omitida
dash-invite-no-column = Ninguna columna para: { $columns }.
dash-invitations-page-title = Invitaciones · { $event }
dash-invitations-title = Invitaciones
dash-invitations-invite = Invitar a personas
dash-invitations-sent = Invitaciones enviadas
dash-invitations-none = Aún no hay invitaciones.
dash-invitations-col-state = Estado
dash-invitations-col-deadline = Plazo
dash-invitations-col-emails = Correos enviados / entregados
dash-invitations-resend = Reenviar
dash-invitations-new-deadline = Nuevo plazo para { $name }
dash-invitations-all-open = Todas las invitaciones abiertas en la tabla de inscripciones
dash-invite-too-many = { $want } por invitar, pero solo { $free } libres
dash-invite-seats-free = { $free } de { $capacity } plazas libres
dash-invite-after-these = después de estas { $n }
dash-invite-preview-page-title = Vista previa de las invitaciones · { $event }
dash-invite-preview-title = Vista previa de las invitaciones
dash-invite-valid = válidas
dash-invite-duplicate = duplicadas
dash-invite-invalid = no válidas
dash-invite-only-valid = Solo se invita a las filas válidas; aún no se ha enviado nada.
dash-invite-file-read = Se leyó el archivo subido; la lista pegada se omitió.
dash-invite-rows-label = La lista, línea por línea
dash-invite-col-line = Línea
dash-invite-col-check = Comprobación
dash-invite-verdict = { $verdict ->
    [valid] válida
    [duplicate] duplicada
   *[invalid] no válida
}
dash-invite-nobody-valid = En esta lista no hay nadie válido a quien invitar.
dash-invite-not-enough-seats = No hay suficientes plazas libres para estas invitaciones: aumente el aforo o acorte la lista.
dash-invite-deadline = Plazo para responder (opcional; por defecto { $days } días a partir de ahora, en { $zone })
dash-invite-send = { $n ->
    [one] Enviar { $n } invitación
   *[other] Enviar { $n } invitaciones
}
dash-invite-edit-list = Editar la lista

## Mensajes a los participantes

dash-group-confirmed-in-person = Confirmados, en persona
dash-group-confirmed-virtual = Confirmados, en línea
dash-group-waiting = Lista de espera
dash-group-everyone = Todos (invitados, con oferta, confirmados, en espera)
dash-message-to = Para
dash-message-subject = Asunto
dash-message-body = Mensaje
dash-message-body-hint = Texto sin formato; una línea en blanco empieza un párrafo nuevo. Al final se añade el enlace propio de cada persona.
dash-message-page-title = Mensajes · { $event }
dash-message-title = Escribir a los participantes
dash-message-preview-page-title = Vista previa del mensaje · { $event }
dash-message-preview-title = Vista previa del mensaje
dash-message-preview-to = Para
dash-message-people = { $n ->
    [one] persona
   *[other] personas
}
dash-message-subject-label = Asunto:
dash-message-nobody = No hay nadie en este grupo: no hay a quién enviarlo.
dash-message-send = { $n ->
    [one] Enviar a { $n } persona
   *[other] Enviar a { $n } personas
}
dash-message-change = Modificarlo
dash-message-preview-again = Ver de nuevo la vista previa

## El equipo

dash-team-role-owner = Propietario: todo, también el equipo
dash-team-role-organizer = Organizador: todo lo de los eventos
dash-team-role-check-in = Registro de llegada: la puerta y las listas de participantes
dash-team-title = Equipo
dash-team-invite = Invitar a alguien
dash-team-email = Dirección de correo electrónico
dash-team-role = Función
dash-team-invite-hint = Recibirá un correo con un enlace de un solo uso para establecer su contraseña.
dash-team-send-invitation = Enviar la invitación
dash-team-members = Miembros
dash-team-col-since = Desde (UTC)
dash-team-invited = invitado
dash-team-role-of = Función de { $email }
dash-team-change = Cambiar
dash-team-remove = Quitar a { $email }
dash-team-recent = Cambios recientes
dash-team-no-change = Aún no hay cambios en el equipo.
dash-team-col-when = Cuándo (UTC)
dash-team-col-who = Quién
dash-team-col-member = Miembro
dash-team-col-change = Cambio

## Avisos tras una acción

dash-done-created = Se creó el evento.
dash-done-saved = Se guardaron los cambios.
dash-done-told = Se guardaron los cambios y se está avisando por correo a las personas afectadas.
dash-done-phase = Se cambió la fase.
dash-done-capacity = Se cambió el aforo.
dash-done-resend = Se volvió a enviar el correo.
dash-done-hold = Se cambió el plazo.
dash-done-revoke = Se revocó la inscripción; su plaza pasa al siguiente.
dash-done-remove = Se quitó la entrada de la lista de espera.
dash-done-promote = Se ofreció una plaza.
dash-done-up = La entrada subió un puesto.
dash-done-down = La entrada bajó un puesto.
dash-done-retry = El correo se reintentará ahora.
dash-done-revoked-token = Se revocó el token.
dash-done-nobody = No hay nadie en ese grupo: no se puso ningún correo en cola.
dash-done-site = Guardado: todas las páginas y el aviso de privacidad lo dicen ahora.
dash-done-arrived = Llegada registrada.
dash-done-undone = Se deshizo la llegada.
dash-done-invited = Se envió la invitación: su enlace funciona una sola vez, durante 3 días.
dash-done-role = Se cambió la función.
dash-done-removed = Se quitó al organizador del equipo.
dash-done-revoked-feed = Se revocó el enlace: las aplicaciones de calendario que lo usaban ya no reciben nada.

## El boletín

dash-newsletter-confirmed-subscribers = { $n ->
    [one] { $n } suscriptor confirmado
   *[other] { $n } suscriptores confirmados
}
dash-newsletter-tab-issues = Números
dash-newsletter-write = Escribir un número
dash-newsletter-subscribers = Suscriptores
dash-newsletter-delivery = { $sent } entregados, { $pending } en espera, { $failed } fallidos de { $queued }
dash-newsletter-intro = Las personas se suscriben a las novedades en la página pública
dash-newsletter-intro-end = y confirman su dirección por correo (doble confirmación); un número llega solo a los suscriptores confirmados, cada uno con un enlace para darse de baja con un clic.
dash-newsletter-confirmed = Confirmados
dash-newsletter-pending = Pendientes de confirmación
dash-newsletter-unsubscribed = Dados de baja
dash-newsletter-subscribers-link = Suscriptores, exportación e importación
dash-newsletter-issues-sent = Números enviados
dash-newsletter-no-issue = Aún no se ha enviado ningún número.
dash-newsletter-col-sent = Enviado (UTC)
dash-newsletter-col-recipients = Destinatarios
dash-newsletter-col-delivery = Entrega
dash-newsletter-test-to = Prueba a { $to }
dash-newsletter-preview-label = Vista previa del correo
dash-newsletter-html-part = Parte HTML
dash-newsletter-html-part-title = La parte HTML del correo
dash-newsletter-text-part = Parte de texto
dash-newsletter-press-preview = Pulse Vista previa para ver el correo tal como lo recibirán los suscriptores.
dash-newsletter-text = Texto
dash-newsletter-text-hint = Markdown: una línea en blanco empieza un párrafo; **negrita**, *cursiva*, [un enlace](https://…), listas con - . El enlace para darse de baja se añade al final.
dash-newsletter-correct-fields = No se envió nada: corrija los campos marcados abajo.
dash-newsletter-send-test = Enviarme una prueba ({ $email })
dash-newsletter-send-to = Enviar a { $subscribers }…
dash-newsletter-confirm-title = ¿Enviar el número?
dash-newsletter-confirm-nobody = Nadie ha confirmado aún su suscripción: no hay a quién enviarlo.
dash-newsletter-confirm-will-go = llegará a
dash-newsletter-confirm-once = una vez a cada uno. Esto no se puede deshacer.
dash-newsletter-confirm-yes = { $n ->
    [one] Sí, enviar a { $n } suscriptor
   *[other] Sí, enviar a { $n } suscriptores
}
dash-newsletter-back-to-text = Volver al texto
dash-newsletter-issue-title = Número: { $subject }
dash-newsletter-queued-at = En cola desde { $at }
dash-newsletter-as-test-to = como prueba a
dash-newsletter-for = para { $subscribers }
dash-newsletter-progress = Entrega: { $finished } de { $queued } hechos
dash-newsletter-progress-value = { $finished } de { $queued }
dash-newsletter-queued = En cola
dash-newsletter-delivered = Entregados
dash-newsletter-failed = Fallidos
dash-newsletter-reloads = Esta página se recarga cada { $seconds } segundos hasta que hayan salido todos los correos.
dash-newsletter-stop-reloading = Dejar de recargar
dash-newsletter-reload-every = Recargar cada { $seconds } segundos hasta que hayan salido todos los correos
dash-newsletter-left-some-refused = Todos los correos han salido de la bandeja; el servidor de correo rechazó definitivamente los de abajo.
dash-newsletter-all-delivered = Se entregaron todos los correos.
dash-newsletter-failed-label = Correos fallidos
dash-newsletter-col-last-error = Último error
dash-newsletter-send-again = Volver a enviar a { $to }
dash-newsletter-every-email = Todos los correos de este número
dash-newsletter-all-issues = Todos los números
dash-newsletter-address-contains = La dirección contiene
dash-newsletter-search = Buscar
dash-newsletter-addresses-in-all = { $n ->
    [one] { $n } dirección en total.
   *[other] { $n } direcciones en total.
}
dash-newsletter-addresses-match = { $n ->
    [one] { $n } dirección coincide con
   *[other] { $n } direcciones coinciden con
}
dash-newsletter-show-all = Mostrar todas
dash-newsletter-export = Exportar todas en CSV
# $status: pending, confirmed o unsubscribed.
dash-newsletter-status = { $status ->
    [pending] pendiente
    [confirmed] confirmado
   *[unsubscribed] dado de baja
}
dash-newsletter-import = Importar direcciones
dash-newsletter-import-hint = Un archivo CSV con una columna llamada email (o E-mail, Email Address), con los campos separados por comas o puntos y coma; sin fila de encabezado, se lee el primer campo de cada línea que contenga una @. Cada dirección nueva recibe una solicitud de confirmación y nada más hasta que confirme; las direcciones confirmadas quedan como están; las que se dieron de baja no se vuelven a suscribir.
dash-newsletter-csv-file = Archivo CSV
dash-newsletter-import-button = Importar y enviar las solicitudes de confirmación
dash-newsletter-import-done = Importación terminada
dash-newsletter-read-with = Leído con
dash-newsletter-between-fields = entre campos,
dash-newsletter-header-row = la primera línea como fila de encabezado
dash-newsletter-no-header-row = sin fila de encabezado
dash-newsletter-requests-sent = Solicitudes de confirmación enviadas
dash-newsletter-already = Ya suscritos
dash-newsletter-unsubscribed-skipped = Dados de baja, omitidos
dash-newsletter-invalid-lines = Líneas no válidas
dash-newsletter-limited = { $n ->
    [one] { $n } dirección ya recibió hoy sus solicitudes: no se le envía ninguna nueva ahora.
   *[other] { $n } direcciones ya recibieron hoy sus solicitudes: no se les envía ninguna nueva ahora.
}
dash-newsletter-repeated = { $n ->
    [one] { $n } línea repite una dirección ya leída; se contó una sola vez.
   *[other] { $n } líneas repiten una dirección ya leída; se contó una sola vez.
}
dash-newsletter-waiting-confirmation = Las direcciones nuevas esperan confirmación: ningún número les llega hasta que confirmen, y las que no se confirmen a tiempo se eliminan.
dash-newsletter-line = Línea { $n }:
dash-newsletter-back-to-subscribers = Volver a los suscriptores

## Registro de llegada en la puerta

dash-check-in-counts = { $arrived } llegados de { $expected } esperados
dash-check-in-no-seat = Sin plaza: esta inscripción está en estado «{ $status }», así que no se puede registrar su llegada.
dash-check-in-arrived-at = Llegó { $at }
dash-check-in-undo = Deshacer la llegada de { $name }
dash-check-in-arrive = Llegó: { $name }
dash-check-in-type = Escriba un nombre o una dirección de correo para encontrar a alguien.
dash-check-in-nobody-matches = Nadie coincide con
dash-check-in-found = Personas encontradas
dash-check-in-title = Registro de llegada: { $title }
dash-check-in-name-or-email = Nombre o correo electrónico
dash-check-in-person = Persona
dash-check-in-someone-else = Buscar a otra persona

## El registro de cambios, la bandeja de salida y la entrega de un envío

dash-audit-page-title = Registro de cambios · { $event }
dash-audit-hint = Cada cambio, del más reciente al más antiguo: quién lo hizo (un organizador, el participante o el sistema), cuándo y de qué estado a cuál.
dash-audit-col-when = Cuándo
dash-audit-col-by = Por
dash-audit-col-from = De
dash-audit-col-what = Qué
dash-outbox-hint = Cada correo, del más reciente al más antiguo. Un correo pendiente lo entrega el proceso de correo; uno que el servidor de correo no pudo aceptar por ahora se reintenta con pausas cada vez más largas, o enseguida con «Reintentar ahora». Un correo fallido fue rechazado definitivamente (vea su último error) y no se vuelve a enviar.
dash-outbox-filter = Filtrar por estado
dash-outbox-all = Todos
dash-outbox-pending = Pendientes
dash-outbox-emails = Correos
dash-outbox-col-created = Creado (UTC)
dash-outbox-col-kind = Tipo
dash-outbox-col-attempts = Intentos
dash-outbox-delivered = entregado
dash-outbox-failed = fallido
dash-outbox-retry = Reintentar ahora
# $kind: invitations, message o newsletter.
dash-send-queued = { $kind ->
    [invitations] { $n ->
        [one] { $n } correo de invitación en cola
       *[other] { $n } correos de invitación en cola
    }
    [message] { $n ->
        [one] { $n } correo de mensaje en cola
       *[other] { $n } correos de mensaje en cola
    }
   *[newsletter] { $n ->
        [one] { $n } correo del boletín en cola
       *[other] { $n } correos del boletín en cola
    }
}
dash-send-for-delivery = para su entrega.
dash-send-so-far = Hasta ahora, { $sent } entregados, { $pending } en espera, { $failed } fallidos.
dash-send-follow = Seguir su entrega
dash-send-reloads-itself = (la página se recarga sola cada { $seconds } segundos mientras haya correos en espera).
dash-send-title = { $kind ->
    [invitations] { $n ->
        [one] Entrega de { $n } correo de invitación
       *[other] Entrega de { $n } correos de invitación
    }
    [message] { $n ->
        [one] Entrega de { $n } correo de mensaje
       *[other] Entrega de { $n } correos de mensaje
    }
   *[newsletter] { $n ->
        [one] Entrega de { $n } correo del boletín
       *[other] Entrega de { $n } correos del boletín
    }
}
dash-send-queued-by = Puesto en cola { $at } por { $actor }
dash-send-for = para
dash-send-for-subscribers = para los suscriptores del boletín
dash-send-gone = { $n ->
    [one] { $n } correo ya no figura: sus destinatarios borraron sus datos, o los datos del evento se borraron tras el plazo de conservación.
   *[other] { $n } correos ya no figuran: sus destinatarios borraron sus datos, o los datos del evento se borraron tras el plazo de conservación.
}
dash-send-reloads = Esta página se recarga cada { $seconds } segundos mientras haya correos en espera.
dash-send-reload-every = Recargar cada { $seconds } segundos mientras haya correos en espera
dash-send-left-some-refused = Todos los correos de este envío han salido de la bandeja; los fallidos fueron rechazados definitivamente (vea su último error).
dash-send-all-delivered = Se entregaron todos los correos de este envío.
dash-send-every-email = Todos los correos de la bandeja de salida

## Preguntas, grupos y programa

dash-error-title = Error: { $title }
dash-questions-add = Añadir una pregunta
dash-questions-number = Pregunta { $n }
dash-questions-question = Pregunta
dash-questions-leave-empty = (deje el grupo vacío para no añadir nada)
dash-questions-key = Clave (minúsculas, cifras y _; la columna en las exportaciones)
dash-questions-kind = Tipo de respuesta
dash-questions-kind-text = Texto libre
dash-questions-kind-choice = Una opción
dash-questions-kind-choices = Varias opciones
dash-questions-options = Opciones, una por línea (para los tipos con opciones)
dash-questions-required = Obligatoria
dash-questions-summarize = Resumir en «Quién está en la sala»
dash-questions-heading = Preguntas: { $title }
dash-questions-not-saved = No se guardaron las preguntas. Corrija las preguntas marcadas abajo.
dash-questions-hint = Las personas responden a estas preguntas al inscribirse y al aceptar una invitación. Cambiar o quitar una pregunta conserva las respuestas ya dadas.
dash-questions-save = Guardar las preguntas
dash-questions-preview = Vista previa del formulario de inscripción
dash-questions-none = Aún no hay preguntas.
dash-groups-heading = Grupos: { $title }
dash-groups-no-choice = Aún no hay ninguna pregunta con opciones: añada una (como «¿A qué grupo de proyecto le gustaría unirse?») en la
dash-groups-questions-page = página de preguntas
dash-groups-by = Agrupar a los participantes confirmados por
dash-groups-nobody = Aún nadie.
dash-programme-add = Añadir una parte
dash-programme-part = Parte { $n }
dash-programme-starts = Empieza (zona horaria del evento)
dash-programme-ends = Termina (zona horaria del evento)
dash-programme-streamed = Transmitida: los participantes en línea pueden seguirla
dash-programme-heading = Programa: { $title }
dash-programme-not-saved = No se guardó el programa. Corrija las partes marcadas abajo.
dash-programme-hint = Las partes del evento, en el orden en que aparecen en la página del evento y en las páginas personales. Cada una cae dentro del evento ({ $when }); las horas están en { $zone }. Los participantes en línea reciben una entrada de calendario y el enlace de la reunión para cada parte transmitida.
dash-programme-save = Guardar el programa
dash-episode-series-legend = Serie de seminarios web (opcional)
dash-episode-series = Serie (nombre de la dirección, p. ej. looking-glass; la página es /series/NOMBRE)
dash-episode-code = Código del episodio (p. ej. S07E02)
dash-episode-recording = Enlace a la grabación (cuando ya se haya celebrado)
dash-episode-speakers = Ponentes, en el orden en que se muestran. Rellene una fila vacía para añadir uno, cambie los números para reordenarlos y vacíe una fila para quitarlo.
dash-episode-col-order = Orden
dash-episode-col-link = Enlace
dash-episode-order-of = Orden del ponente { $n }
dash-episode-name-of = Nombre del ponente { $n }
dash-episode-affiliation-of = Institución del ponente { $n }
dash-episode-link-of = Enlace del ponente { $n }

## Avisar de lo que cambió

dash-notice-page-title = Avisar de lo que cambió: { $title }
dash-notice-title = ¿Avisar a las personas de lo que cambió?
dash-notice-confirmed = { $n ->
    [one] { $n } participante confirmado
   *[other] { $n } participantes confirmados
}
dash-notice-and = y
dash-notice-invitees = { $n ->
    [one] { $n } invitado
   *[other] { $n } invitados
}
dash-notice-will-be-told = (invitaciones y ofertas abiertas) recibirán el aviso: no se guarda nada hasta que pulse el botón de abajo.
dash-notice-what-changed = Qué cambió
dash-notice-hint = A cada persona se le avisa solo de lo que le concierne: a quienes están en la sala, del lugar y el programa; a quienes asisten en línea, del enlace de la reunión y las partes transmitidas; a todos, de un horario nuevo. A quienes esperan en la lista de espera no se les avisa.
dash-notice-save-and-tell = Guardar y avisarles
dash-notice-back = Volver al formulario
dash-notice-emails = Los correos
dash-notice-email-to = Correo para { $to }

## Quién está en la sala

dash-representation-invited = Invitados
dash-representation-not-shown = no se muestra
dash-representation-no-answer = Sin respuesta
dash-representation-everyone = Total contado
dash-representation-chart-label = Gráfico de barras de los recuentos de la tabla anterior ({ $n } respuestas)
dash-representation-heading = Quién está en la sala: { $title }
dash-representation-intro = Para cada pregunta marcada como «resumir», cuántos de los invitados, en espera y confirmados dieron cada respuesta, para que pueda ver si la sala representa al sector. Una persona que elige varias opciones cuenta una vez por cada una.
dash-representation-hint = «{ $not_shown }»: menos de { $min }, u oculto junto con un recuento así para que no pueda deducirse del total. Los recuentos de 1 a { $below } nunca se muestran, ni aquí, ni en la API, ni en el archivo.
dash-representation-none = Ninguna pregunta está marcada como «resumir». Marque una en la

## Inicio de sesión

dash-sign-in-title = Iniciar sesión
dash-sign-in-intro = Para los organizadores de un evento. Un organizador nuevo recibe un enlace para establecer su contraseña con
dash-sign-in-password = Contraseña
dash-set-password-title = Establezca su contraseña
dash-set-password-for = Para
dash-set-password-once = Este enlace funciona una sola vez.
dash-set-password-new = Contraseña nueva (al menos 10 caracteres)
dash-set-password-repeat = La misma contraseña otra vez
dash-set-password-submit = Establecer la contraseña e iniciar sesión

## El sitio, los tokens de la API y el calendario suscribible

dash-site-title = Sitio y aviso de privacidad
dash-site-correct-fields = No se guardó nada: corrija los campos marcados abajo.
dash-site-intro = Lo que todas las páginas públicas y el
dash-site-privacy-notice = aviso de privacidad
dash-site-intro-end = dicen sobre quién gestiona este sitio. Los títulos de las páginas terminan con su nombre; la línea del pie aparece bajo cada página pública.
dash-site-name = Nombre del sitio
dash-site-controller = Responsable de los datos (responsable del tratamiento), p. ej. los organizadores y su institución
dash-site-contact = Contacto para preguntas sobre los datos (una dirección de correo o una página web)
dash-site-processors = Servicios que tratan datos por cuenta suya, uno por línea (opcional)
dash-site-processors-hint = Por ejemplo, el proveedor de correo, el alojamiento, las videorreuniones.
dash-site-footer = Línea del pie (organizadores, financiadores)
dash-tokens-the-token = El token
dash-tokens-created = se creó. Cópielo ahora: solo se muestra esta vez.
dash-tokens-use-as = Úselo como
dash-tokens-with-api = con la API JSON.
dash-tokens-name = Nombre (para qué es el token)
dash-tokens-role = Función (lo que puede hacer el token)
dash-tokens-role-organizer = organizer: todo lo de los eventos
dash-tokens-role-check-in = check_in: la puerta y las listas de participantes
dash-tokens-role-owner = owner: todo, también el equipo
dash-tokens-create = Crear un token
dash-tokens-revoked-at = revocado { $at }
dash-tokens-live = activo
dash-calendar-every-event = Todos los eventos, borradores incluidos, en un solo calendario:
dash-calendar-download = descargue el calendario
dash-calendar-signed-in = mientras tenga la sesión iniciada.
dash-calendar-subscribe = Suscribirse desde una aplicación de calendario
dash-calendar-subscribe-hint = Una aplicación de calendario no puede iniciar sesión, así que se suscribe mediante un enlace secreto propio. Quien tenga el enlace ve sus eventos (títulos, horarios, lugares; ningún participante), así que guárdelo para usted y revóquelo si se ha compartido.
dash-calendar-new-link = Su enlace nuevo está abajo. Cópielo ahora en su aplicación de calendario («suscribirse a un calendario» o «añadir calendario desde URL»): solo se muestra esta vez.
dash-calendar-live = Su enlace creado el { $at } está activo. Un enlace nuevo lo sustituye.
dash-calendar-make-new = Crear un enlace nuevo
dash-calendar-revoke = Revocar el enlace
dash-calendar-no-link = No tiene ningún enlace activo.
dash-calendar-make = Crear un enlace

## Lo que dicen los controladores del panel: problemas de formulario y rechazos

dash-not-changed = Sin cambios
dash-back = Volver
dash-event-settings = Ajustes del evento
dash-error-required = es obligatorio
dash-error-whole-number = debe ser un número entero
dash-error-date-time = debe ser una fecha y hora como 2027-03-15T09:30
dash-error-clock-change = no existe en { $zone } (un cambio de hora)
dash-error-choose-phase = elija una fase
dash-error-reminder-hours = indique números enteros de horas, separados por comas
dash-error-give-whole-number = indique un número entero
dash-error-between = debe estar entre 0 y { $max }
dash-capacity-field-in-person = plazas presenciales
dash-capacity-field-virtual = plazas en línea
# El nombre de un campo y lo que falla en él: «Las plazas presenciales deben ser un número entero».
dash-error-field = Campo «{ $field }»: { $problem }.
dash-upload-unreadable = no se pudo leer el formulario: { $error }
dash-upload-list-too-long = la lista es demasiado larga: 2 MB como máximo
dash-upload-file-too-large = el archivo es demasiado grande: 2 MB como máximo
dash-upload-not-text = el archivo no es texto (UTF-8): guárdelo como CSV UTF-8
dash-upload-list-unreadable = No se pudo leer la lista
dash-upload-file-unreadable = No se pudo leer el archivo
dash-invite-deadline-problem = El plazo: { $problem }.
dash-invite-nobody-to-invite = No hay nadie válido a quien invitar.
dash-invite-nothing-sent = No se envió nada: { $reason }.
dash-done-test = La prueba se puso en cola solo para su dirección.
dash-done-sent = El número se puso en cola: un correo por suscriptor confirmado.
dash-done-queued-again = El correo se volvió a poner en cola.
dash-newsletter-cannot-receive = Su dirección de inicio de sesión no puede recibir correo.
dash-newsletter-gone = Esta dirección se dio de baja o se borró desde entonces: no se le envía nada.
dash-newsletter-nothing-imported = No se importó nada
dash-newsletter-file-empty = El archivo está vacío o no se eligió ningún archivo: no se cambió nada.
dash-team-address-problem = La dirección: { $problem }.
dash-role-problem = La función: { $problem }.
dash-team-needs-owner = El equipo necesita un propietario: haga antes propietario a otra persona. No se cambió nada.
dash-tokens-name-problem = El nombre: { $problem }.
dash-tokens-beyond-role = Un token no puede hacer más que el organizador que lo crea. No se cambió nada.
dash-sign-in-expired = Este formulario ha caducado. Vuelva a iniciar sesión.
dash-sign-in-too-many = Demasiados intentos fallidos desde su dirección. Espere un minuto y vuelva a intentarlo.
dash-sign-in-wrong = La dirección de correo o la contraseña no son correctas.
dash-sign-in-dead-link = El enlace es desconocido, ya se usó o caducó. Pida uno nuevo con `registrar organizer add EMAIL`.
dash-registrations-deadline-problem = El nuevo plazo: { $problem }.
dash-go-back = Vuelva a la página anterior para intentar otra cosa.
# $mode: in_person o virtual.
dash-notice-to-confirmed = { $mode ->
    [in_person] Participantes confirmados en persona
   *[virtual] Participantes confirmados en línea
}
dash-notice-to-invited = { $mode ->
    [in_person] Invitados y personas con una plaza ofrecida, en persona
   *[virtual] Invitados y personas con una plaza ofrecida, en línea
}
dash-programme-start-problem = el inicio: { $problem }
dash-programme-end-problem = el final: { $problem }
dash-questions-kind-problem = el tipo: { $problem }
dash-refused-expired-title = Este formulario ha caducado
dash-refused-expired = No se cambió nada. Vuelva atrás, recargue la página e inténtelo de nuevo.
dash-refused-role-title = No disponible para su función
dash-refused-role = Su función en el equipo no incluye esta página, y no se cambió nada. Tiene acceso a la página de registro de llegada y a las listas de participantes de los eventos; un propietario del equipo puede darle otra función.
dash-refused-busy-title = Vuelva a intentarlo
dash-refused-busy = El servicio está ocupado o no está disponible por un momento. Vuelva a intentarlo enseguida.
dash-not-sent = No enviado
# Lo que se buscaba ($what): event o registration.
dash-not-found = { $what ->
    [event] no se encontró el evento
    [registration] no se encontró la inscripción
   *[other] no se encontró: { $what }
}
dash-check-in-refused = Llegada no registrada
dash-newsletter-not-sent-again = No se volvió a enviar
dash-sign-in-dead-link-title = Este enlace no funciona
