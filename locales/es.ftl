### Todas las frases de registrar en español. Cada idioma es un archivo de locales/,
### con su etiqueta por nombre; docs/languages.md explica cómo añadir uno.

## El idioma
# Su nombre en sí mismo, como lo ofrece la elección de idioma del pie de página.
language-own-name = Español
# La variante cuyos nombres de meses y días usan las fechas (un chrono::Locale).
language-date-locale = es_ES

# El marco de todas las páginas públicas.
skip-to-content = Saltar al contenido
nav-site = Sitio
nav-events = Eventos
nav-stay-updated = Mantenerse al día
footer-privacy = Aviso de privacidad
language-choice-label = Idioma
language-unknown-title = Idioma desconocido
language-unknown = El idioma pedido (to) debe ser uno de: { $tags }.

# Las páginas públicas: la lista de eventos, un evento con su formulario, el aviso de
# privacidad.

# Un día y una hora, con los patrones strftime de chrono (%A el nombre del día, %B el del
# mes, %-d el día del mes).
date-time-long = %A %-d de %B de %Y, %H:%M
date-time-day = %A %-d de %B, %H:%M
event-when-one-day = { $start } a { $end } ({ $zone })
event-when-days = { $start } a { $end }
time-left-none = nada de tiempo
time-left-less-than-a-minute = menos de un minuto
time-days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
time-hours = { $n ->
    [one] { $n } hora
   *[other] { $n } horas
}
time-minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minutos
}
fact-when = Cuándo:
fact-your-time = Su hora:
fact-where = Dónde:
fact-registration = Inscripción:
phase-draft = Aún no publicado
phase-invite-only = Por invitación; únase a la lista de espera
phase-open = Abierta
phase-closed = Cerrada
mode-title-in-person = En persona
mode-title-virtual = En línea
mode-in-person = en persona
mode-virtual = en línea
seats-label = Plazas
seats-full = Completo
seats-left = { $n ->
    [one] queda { $n } plaza
   *[other] quedan { $n } plazas
}
seats-of = de { $capacity }
seats-open-to-all = Abierto a todos
seats-no-limit = sin límite de plazas
seats-waiting = { $n } en espera
events-upcoming = Próximos
events-none = No hay próximos eventos por ahora.
events-none-hear-next = para enterarse del siguiente.
events-none-outside-series = No hay próximos eventos fuera de las series de abajo.
events-past = Pasados
events-subscribe-all = Suscribirse a todos los eventos en su calendario (.ics)
series-next-tba = Próximo seminario web: por anunciar.
series-past-count = { $n ->
    [one] { $n } seminario web pasado, con su grabación
   *[other] { $n } seminarios web pasados, con sus grabaciones
}
field-name = Nombre
field-email = Correo electrónico
field-affiliation = Institución
field-preference = Cómo asiste
field-consent = Consentimiento
preference-either = Cualquiera: la plaza que quede libre primero
join-waiting-list = Unirse a la lista de espera
join-all-taken = Todas las plazas están ocupadas por ahora. Únase a la lista de espera y le escribiremos cuando quede una plaza libre, con un plazo para aceptarla.
join-register = Inscribirse
join-open = Si hay una plaza libre y nadie la espera, es suya en cuanto confirme su correo electrónico. Si no, se une a la lista de espera y le escribiremos cuando quede una plaza libre.
join-open-mode = si hay una plaza libre y nadie la espera, es suya en cuanto confirme su correo electrónico; si no, se une a la lista de espera.
join-invited-first-mode = las plazas son primero para las personas invitadas. Únase a la lista de espera y le escribiremos si queda una plaza libre.
join-invited-first = Las plazas son primero para las personas invitadas. Únase a la lista de espera y le escribiremos si queda una plaza libre.
join-email-hint = Enviamos un enlace a esta dirección para confirmarla.
join-how-attend = ¿Cómo le gustaría asistir?
join-submit = Enviarme un enlace de confirmación
error-prefix = Error:
honeypot-label = Deje esto vacío
consent-before = {"Acepto el "}
consent-link = aviso de privacidad
consent-after = .
event-part-of-series = Parte de la serie
event-subscribe-series = Suscribirse a la serie (.ics)
event-watch-recording = Ver la grabación
event-over = Este evento ha terminado.
event-started = Este evento ha comenzado, así que la inscripción ha terminado.
event-closed = La inscripción está cerrada. Si se inscribió, su enlace personal de nuestros correos sigue funcionando.
event-closed-hear-next = para enterarse del próximo evento.
see-all-events = Ver todos los eventos
inbox-title = Revise su correo
inbox-sent-about = Gracias. Le hemos enviado un correo sobre { $event }.
inbox-open-link = Abra el enlace de ese correo para confirmar su dirección. Su plaza solo se guarda cuando la haya confirmado.
inbox-nothing-there = ¿No ha llegado nada en unos minutos? Mire en la carpeta de correo no deseado o envíe el formulario de nuevo.
privacy-intro = Este servicio gestiona la inscripción a nuestros eventos. Este aviso dice quién es responsable de lo que guarda sobre usted, qué es, por qué, durante cuánto tiempo y cómo pedir que se borre.
privacy-who = Quién es responsable
privacy-controller-organizers = Los organizadores de los eventos de este sitio son responsables de sus datos (son su responsable del tratamiento).
privacy-controller = Responsable de sus datos (responsable del tratamiento): { $controller }.
privacy-contact-reply = Para preguntar por sus datos, responda a uno de nuestros correos.
privacy-contact = Para preguntar por sus datos:
privacy-what = Qué guardamos
privacy-what-registration = Para una inscripción: su nombre, correo electrónico, institución (si la indica), cómo le gustaría asistir y su historia (cuándo se unió, fue invitado o se le ofreció una plaza, confirmó, cambió o canceló).
privacy-what-newsletter = Para el boletín: su correo electrónico y cuándo se suscribió y lo confirmó.
privacy-what-emails = Los correos que le enviamos, hasta que se entregan; después, solo qué se envió a qué dirección y cuándo.
privacy-no-tracking = No usamos cookies de seguimiento ni analítica.
privacy-others = Quién más los trata
privacy-others-none = Nadie más que los organizadores del evento: no compartimos sus datos.
privacy-processors = Estos servicios tratan los datos para los organizadores, solo según sus instrucciones:
privacy-no-one-else = No compartimos sus datos con nadie más.
privacy-why = Por qué
privacy-why-text = Para gestionar la inscripción que pidió: confirmar su dirección, guardar su lugar en la fila, ofrecerle una plaza, enviarle los correos sobre su inscripción y permitir a los organizadores preparar la sala y la reunión en línea. La dirección del boletín solo se usa para avisarle de nuevos eventos.
privacy-how-long = Durante cuánto tiempo
privacy-how-long-text = Los datos de inscripción se borran { $retention } días después de que termine el evento. Una inscripción o una suscripción al boletín cuya dirección no se confirme en { $unconfirmed } días se borra, con los correos sobre ella. Una dirección del boletín confirmada se guarda hasta que se dé de baja.
privacy-erase = Cómo borrarlos
privacy-erase-before = {"Abra el enlace personal de cualquier correo sobre su inscripción y elija "}
action-erase = Borrar mis datos
privacy-erase-after = . Esto cancela la inscripción y borra su nombre, correo electrónico e institución de inmediato. Cada correo del boletín tiene un enlace para darse de baja, que borra su dirección.

# La página personal y el paso de confirmación de las acciones que no se pueden deshacer.

status-pending-email = Su correo electrónico aún no está confirmado.
status-invited = Está invitado. Por favor, responda a la invitación.
status-waitlisted-first = Está en la lista de espera: es el primero de la fila.
status-waitlisted-number = Está en la lista de espera: número { $n } de la fila.
status-waitlisted = Está en la lista de espera.
status-offered = Hay una plaza libre para usted ({ $mode }). Por favor, acéptela o rechácela.
status-confirmed = Tiene una plaza: asiste { $mode }.
status-declined = Rechazó la plaza, así que no tiene plaza.
status-cancelled = Su inscripción está cancelada.
status-expired = El plazo para responder pasó, así que la plaza fue para la siguiente persona.
status-revoked = Los organizadores terminaron esta inscripción.
preference-words-in-person = en la sala
preference-words-virtual = en línea
preference-words-either = de cualquier tipo
badge-pending-email = Dirección sin confirmar
badge-invited = Invitado
badge-waitlisted = Lista de espera
badge-offered = Plaza ofrecida
badge-confirmed = Confirmada
badge-declined = Rechazada
badge-cancelled = Cancelada
badge-expired = Caducada
badge-revoked = Terminada
personal-eyebrow = Su inscripción
fact-registered-as = Inscrito como:
status-label = Estado:
answer-by = Por favor, responda antes del
time-left-in-brackets = (quedan { $left }).
answer-by-hold = Después, la plaza pasa a la siguiente persona de la fila.
answer-by-reconfirm = Si no sabemos nada para entonces, su plaza pasa a la siguiente persona de la fila.
waitlisted-how = Cuando quede libre una plaza { $preference }, se la ofrecemos por correo a la primera persona de la fila, con un plazo para aceptarla.
personal-started = El evento ha comenzado, así que la inscripción ha terminado.
action-confirm-email = Confirmar mi dirección
action-accept-mode = Aceptar { $mode }
action-decline = Rechazar
no-seat-free-mode = No hay ninguna plaza { $mode } libre por ahora.
action-accept-seat = Aceptar la plaza ({ $mode })
virtual-seat-free = Hay una plaza en línea libre: puede asistir en línea ya y conservar su lugar en la fila para una plaza en persona.
action-attend-virtually = Asistir en línea mientras espero
action-leave-waiting-list = Salir de la lista de espera
reconfirm-title = ¿Sigue pensando venir?
action-reconfirm = Sí, voy a ir
action-free-my-seat = No, liberar mi plaza
meeting-title = Conectarse en línea
meeting-link = Enlace de la reunión:
meeting-link-later = El enlace de la reunión aparecerá aquí antes del evento.
meeting-streamed-parts = El enlace es para las partes que se transmiten; el programa de abajo indica cuáles.
calendar-download = Descargar el archivo de calendario (.ics)
wait-offered = Hay una plaza { $mode } libre para usted hasta el
action-move-to-seat = Pasar a una plaza { $mode }
action-keep-current-seat = Conservar mi plaza actual
waiting-for-seat-number = Conserva su plaza y espera una plaza { $mode }: número { $n } de la fila.
waiting-for-seat = Conserva su plaza y espera una plaza { $mode }.
action-stop-waiting = Dejar de esperar
action-switch = Cambiar a asistir { $mode }
action-wait-for = Esperar una plaza { $mode }
action-cancel = Cancelar mi inscripción
calendar-remove = Quitarlo de su calendario (.ics)
register-again = Inscribirse de nuevo
register-again-end-of-line = (se une al final de la fila).
your-data-title = Sus datos
your-data-before = {"Guardamos su nombre, correo electrónico e institución para gestionar la inscripción; vea el "}
your-data-after = . Puede borrarlos ahora.
check-in-title = En la puerta
check-in-text = Muestre este código al llegar; los organizadores lo escanean para registrar su entrada.
check-in-qr-label = Código QR para registrar la entrada en la puerta
confirm-decline-invitation-title = ¿Rechazar la invitación?
confirm-decline-invitation-text = La plaza reservada para usted pasa a otra persona. Después no podrá recuperar la invitación, aunque puede unirse a la lista de espera.
confirm-decline-invitation-button = Sí, rechazar
confirm-decline-seat-title = ¿Rechazar la plaza?
confirm-decline-seat-text = La plaza pasa a la siguiente persona de la fila y usted sale de la lista de espera.
confirm-decline-seat-button = Sí, rechazar la plaza
confirm-keep-seat-title = ¿Conservar su plaza actual?
confirm-keep-seat-text = La plaza que se le ofreció pasa a la siguiente persona de la fila y deja de esperarla. Conserva su plaza { $mode }.
confirm-keep-seat-button = Sí, conservar mi plaza actual
confirm-leave-title = ¿Salir de la lista de espera?
confirm-leave-text = Pierde su lugar en la fila. Si vuelve a unirse más tarde, irá al final de la fila.
confirm-leave-button = Sí, salir de la lista de espera
confirm-cancel-title = ¿Cancelar su inscripción?
confirm-cancel-text = Su plaza pasa a la siguiente persona de la fila y puede que no la recupere.
confirm-cancel-button = Sí, cancelar mi inscripción
confirm-switch-title = ¿Cambiar a asistir { $mode }?
confirm-switch-text = Su plaza { $mode } pasa a la siguiente persona de la fila, así que puede que no pueda volver a cambiar.
confirm-switch-button = Sí, asistir { $mode }
confirm-erase-title = ¿Borrar sus datos?
confirm-erase-text = Esto cancela su inscripción (cualquier plaza que tenga pasa a la siguiente persona de la fila) y borra su nombre, correo electrónico e institución. Este enlace deja de funcionar. No se puede deshacer.
confirm-erase-button = Sí, borrar mis datos
confirm-go-back = No, volver

# Formularios, el programa, las series, el boletín, lo que hizo una acción y las páginas
# de error.

field-optional = (opcional)
error-summary-title = Por favor, corrija lo siguiente
programme-title = Programa
programme-times-in = Horas en { $zone }.
programme-streamed-hint = Las partes marcadas como transmitidas se pueden seguir en línea.
programme-your-time = su hora:
programme-streamed = Transmitida
programme-room-only = Solo en la sala
programme-you-can-follow = Puede seguir esto en línea
programme-not-streamed = No se transmite: solo en la sala
series-speakers = Ponentes
series-watch-recording-of = Ver la grabación de { $episode }
series-no-recording = Aún no hay grabación.
series-next = Próximo seminario web
series-later = Más adelante
series-hear-when = para enterarse de cuándo será.
series-past = Seminarios web pasados
series-subscribe = Suscribirse a esta serie en su calendario (.ics)
newsletter-intro = Reciba un correo cuando anunciemos un nuevo taller o seminario web, unas pocas veces al año. Nada más, y cada correo tiene un enlace para darse de baja al instante.
newsletter-email-hint = Enviamos un enlace a esta dirección; queda suscrito cuando lo abra.
newsletter-submit = Suscribirme
newsletter-sent = Gracias. Le hemos enviado un correo con un enlace para confirmar su suscripción.
newsletter-open-link = Queda suscrito cuando abra ese enlace. ¿No ha llegado nada en unos minutos? Mire en la carpeta de correo no deseado o envíe el formulario de nuevo.
newsletter-subscribed = Está suscrito
newsletter-confirmed = Gracias: su dirección está confirmada. Le escribiremos cuando anunciemos un nuevo evento.
newsletter-every-email-unsubscribe = Cada correo tiene un enlace para darse de baja.
newsletter-unsubscribe-title = Darse de baja de las novedades
newsletter-unsubscribe-text = ¿Dejar de recibir novedades sobre nuestros talleres y seminarios web? Su dirección se quita de la lista al instante.
newsletter-unsubscribe = Darme de baja
newsletter-keep = Mantener mi suscripción y ver todos los eventos
newsletter-unsubscribed = Se ha dado de baja
newsletter-unsubscribed-text = No recibirá más novedades sobre nuestros eventos, y su dirección se ha quitado de la lista.
newsletter-changed-mind = ¿Ha cambiado de opinión?
newsletter-sign-up-again = Suscribirse de nuevo
link-does-not-work = Este enlace no funciona
newsletter-unknown-link = Esta dirección no está (ya) en nuestra lista: puede que ya se diera de baja, o el enlace está incompleto.
newsletter-sign-up = Suscribirse a las novedades
done-confirm-email = Gracias: su dirección está confirmada.
done-accept = Hecho: su plaza está confirmada. Le llega una confirmación por correo.
done-decline = Hecho: ha rechazado, y la plaza pasa a la siguiente persona.
done-cancel = Hecho: se ha retirado, y su lugar pasa a la siguiente persona.
done-switch = Hecho: ha cambiado de modalidad. Le llega por correo un archivo de calendario actualizado.
done-wait-for = Hecho: conserva su plaza y espera la otra modalidad.
done-leave-wait = Hecho: ya no espera la otra modalidad.
done-attend-virtually = Hecho: asiste en línea y conserva su lugar en la fila para una plaza en persona. Le llega por correo una confirmación con el archivo de calendario.
done-reconfirm = Gracias: conserva su plaza. Nos vemos allí.
error-not-possible-title = No es posible
error-registration-not-possible-title = La inscripción no es posible
error-not-found-title = Página no encontrada
error-not-found = No hay nada en esta dirección. Puede que el enlace esté mal escrito o que la página se haya quitado.
error-unknown-link = Este enlace personal no se conoce, o se usó para borrar los datos de la inscripción. Si se inscribió, el correo más reciente sobre su inscripción tiene un enlace que funciona; o inscríbase de nuevo desde la página del evento.
error-unreadable-form-title = No se pudo leer el formulario
error-unreadable-form = El formulario llegó incompleto o en una forma que no podemos leer. Por favor, vuelva atrás y envíelo de nuevo.
error-form-too-large-title = El formulario es demasiado largo
error-form-too-large = El formulario tiene mucho más texto del necesario. Por favor, vuelva atrás, acorte lo que escribió y envíelo de nuevo.
error-unavailable-title = Por favor, inténtelo de nuevo
error-unavailable = El servicio está ocupado o no disponible por un momento. Por favor, inténtelo de nuevo en un momento.
error-internal-title = Algo salió mal
error-internal = Algo salió mal por nuestra parte. Por favor, inténtelo más tarde.
# Un problema de un campo de un formulario: su nombre, y qué está mal.
field-problem = { $label }: { $problem }
problem-required = este campo es obligatorio
problem-email = debe tener la forma nombre@ejemplo.org
problem-email-domain = debe estar en un nombre de dominio, no en una dirección IP
problem-at-most = debe tener como máximo { $max } caracteres
problem-control-characters = no debe contener caracteres de control
problem-reorder = no debe contener caracteres que reordenen el texto a su alrededor
problem-visible = debe tener al menos un carácter visible
problem-consent-join = debe aceptar el aviso de privacidad para inscribirse
problem-consent-sign-up = debe aceptar el aviso de privacidad para suscribirse
problem-preference = por favor, elija cómo le gustaría asistir
erased-title = Sus datos se han borrado
erased-text = Su inscripción está cancelada y su nombre, correo electrónico e institución se han borrado. Este enlace ya no funciona.

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

# Las respuestas de error de la API JSON: `message` y los mensajes de cada campo de
# `fields`, que siguen al nombre del campo ("email": "es obligatorio"). Empiezan en
# minúscula y terminan sin punto. Un `$mode` es `in_person` o `virtual`.

## Respuestas completas

api-malformed-unreadable = no se pudo leer el cuerpo de la solicitud: { $detail }
# La respuesta a una inscripción o suscripción aceptada (202).
api-join-accepted = Gracias. Revise su correo: le hemos enviado un enlace para confirmar su dirección.
api-subscribe-accepted = Revise su correo: la suscripción empieza cuando la dirección esté confirmada.
api-malformed-json = el cuerpo no es JSON válido: { $detail }
api-unauthorized = se necesita un token de API de organizador (Authorization: Bearer <token>)
api-forbidden = un token con el rol { $role } no puede hacer esto
api-not-found = { $what ->
    [event] no se encontró el evento
    [registration] no se encontró la inscripción
    [token] no se encontró el token
    [email] no se encontró el correo
    [issue] no se encontró el número del boletín
    [route] no se encontró la ruta
   *[other] no se encontró: { $what }
}
api-too-large = el cuerpo de la solicitud es demasiado grande
api-validation-failed = la validación falló: { $fields }
api-internal = algo salió mal de nuestro lado; ha quedado registrado
api-unavailable = la base de datos no está disponible; inténtelo de nuevo en unos momentos
api-rate-limited = demasiadas solicitudes desde su dirección; inténtelo de nuevo en { $seconds } s
rate-limited-page-title = Demasiadas solicitudes
rate-limited-page = Llegaron demasiadas solicitudes desde su dirección. Espere { $seconds } segundos e inténtelo de nuevo.
api-email-not-pending = el correo está en estado { $status }, no pendiente: no hay nada que reintentar
api-token-revoked = el token ya se había revocado

## Negativas (409): lo que el estado de las cosas no permite

api-refused-not-active = esta inscripción no está activa
api-refused-no-seat = { $mode ->
    [in_person] no hay ninguna plaza en persona libre
   *[virtual] no hay ninguna plaza en línea libre
}
api-refused-started = el evento ya ha comenzado
api-refused-not-open = la inscripción para este evento aún no se ha abierto
api-refused-closed = la inscripción para este evento está cerrada
api-refused-too-few-seats = { $mode ->
    [in_person] plazas en persona libres: { $free }; invitaciones: { $wanted }
   *[virtual] plazas en línea libres: { $free }; invitaciones: { $wanted }
}
api-refused-offer-is-for = { $mode ->
    [in_person] la oferta es para una plaza en persona
   *[virtual] la oferta es para una plaza en línea
}
api-refused-already-confirmed = la plaza ya está confirmada
api-refused-nothing-offered = todavía no se le ha ofrecido ninguna plaza
api-refused-nothing-to-decline = no hay ninguna invitación ni oferta que rechazar
api-refused-given-by-organizers = { $mode ->
    [in_person] por ahora, las plazas en persona las asignan los organizadores: puede esperar una
   *[virtual] por ahora, las plazas en línea las asignan los organizadores: puede esperar una
}
api-refused-others-waiting = { $mode ->
    [in_person] hay otras personas esperando una plaza en persona
   *[virtual] hay otras personas esperando una plaza en línea
}
api-refused-switch-needs-seat = solo se puede cambiar una plaza confirmada
api-refused-already-in = { $mode ->
    [in_person] la plaza ya es en persona
   *[virtual] la plaza ya es en línea
}
api-refused-wait-needs-seat = solo un participante confirmado puede esperar la otra modalidad
api-refused-already-waiting = ya está esperando esa modalidad
api-refused-not-waiting = no está esperando la otra modalidad
api-refused-attend-virtually-needs-line = solo quien espera una plaza en persona puede asistir en línea mientras tanto
api-refused-virtual-not-open = la inscripción en línea no está abierta
api-refused-deadline-past = el plazo debe estar en el futuro
api-refused-reconfirm-needs-seat = solo se pide reconfirmar a los participantes confirmados en persona
api-refused-nothing-to-reconfirm = no hay ninguna reconfirmación pendiente
api-refused-promote-needs-line = solo se puede promover a quien espera en la fila
api-refused-no-deadline = solo una invitación, una oferta o una reconfirmación pendiente tiene plazo
api-refused-priority-needs-line = solo quien espera en la fila tiene prioridad
api-refused-lapsed = el plazo para responder ha vencido
api-refused-email-not-confirmed = la dirección de correo aún no está confirmada
api-refused-ended = esta inscripción ha terminado
api-refused-check-in-needs-seat = solo se puede registrar la llegada de un participante confirmado; esta inscripción está en estado { $status }
api-refused-nothing-to-send-again = solo se puede volver a enviar una invitación u oferta abierta

## Mensajes de campo (422)

api-problem-required = es obligatorio
api-problem-unknown-field = no es un campo de esta solicitud
api-problem-email = no es una dirección de correo válida
api-problem-email-domain = debe estar en un nombre de dominio, no en una dirección IP
api-problem-at-most = debe tener como máximo { $max } caracteres
api-problem-at-least = debe tener al menos { $min } caracteres
api-problem-length = debe tener entre { $min } y { $max } caracteres
api-problem-one-line = debe tener entre 1 y { $max } caracteres en una sola línea
api-problem-one-line-of = debe ser una sola línea de entre 1 y { $max } caracteres
api-problem-wrong-length = no tiene la longitud correcta
api-problem-between = debe estar entre { $min } y { $max }
api-problem-at-least-number = debe ser como mínimo { $min }
api-problem-at-most-number = debe ser como máximo { $max }
api-problem-out-of-range = está fuera del intervalo permitido
api-problem-url = debe ser una URL como https://meet.example.org/room
api-problem-invalid = no es válido ({ $rule })
api-problem-control-characters = no debe contener caracteres de control
api-problem-reorder = no debe contener caracteres que reordenen el texto a su alrededor
api-problem-visible = debe tener al menos un carácter visible
api-problem-consent-join = debe aceptar el aviso de privacidad para inscribirse
api-problem-consent-sign-up = debe aceptar el aviso de privacidad para suscribirse
api-problem-one-of = debe ser uno de estos valores: { $options }
api-problem-slug = solo puede contener letras minúsculas, dígitos y guiones interiores
api-problem-slug-reserved = es una palabra que usan las direcciones del propio sitio; elija otra
api-problem-time-zone = no es un nombre de zona horaria IANA como Europe/Amsterdam
api-problem-future = debe estar en el futuro
api-problem-group = elija a quién escribir
api-problem-not-a-question = no es una pregunta de este evento
api-problem-single-text = debe ser un solo texto, no una lista
api-problem-list-of-options = debe ser una lista de opciones
api-problem-invitees = debe incluir entre 1 y 5000 personas
api-problem-twice = { $value } aparece más de una vez
api-problem-unknown-variant = valor desconocido `{ $value }`; se esperaba { $expected }
api-problem-invalid-type = tipo no válido: { $found }; se esperaba { $expected }
api-problem-invalid-value = valor no válido: { $found }; se esperaba { $expected }

# Los correos: a los participantes sobre su inscripción, a los suscriptores del boletín y
# a las personas invitadas al equipo de organizadores. `$mode` es `in-person` o `virtual`;
# `$until`, `$starts`, `$from` y `$to` son fechas ya escritas con `date-time-long`.

## El marco que comparten todos los correos.

mail-greeting = Hola:
mail-greeting-name = Hola, { $name }:
mail-closing =
    Atentamente,
    Los organizadores de { $title }
mail-closing-plain =
    Atentamente,
    Los organizadores
mail-footer-personal = Este enlace es personal: por favor, no reenvíe este correo. Lo recibe porque esta dirección se inscribió en el evento.
mail-button-fallback = Si el botón no funciona, abra esta dirección:

## Las fechas y el bloque de datos.

mail-moment = { $at } ({ $zone })
mail-span-one-day = { $start } a { $end } ({ $zone })
mail-span = { $start } a { $end }
mail-fact-when = Cuándo
mail-fact-where = Dónde
mail-fact-online = En línea
mail-fact-answer-by = Plazo para responder
mail-meeting-link-later = el enlace de la reunión aparecerá en su página personal
mail-seat-in-person = una plaza en la sala
mail-seat-virtual = una plaza en línea

## Las acciones: el botón de cada correo.

mail-action-confirm-address = Confirmar mi dirección
mail-action-open-registration = Abrir mi inscripción
mail-action-answer-invitation = Responder a la invitación
mail-action-see-registration = Ver mi inscripción
mail-action-see-place = Ver mi lugar en la fila
mail-action-answer-offer = Aceptar o rechazar la plaza
mail-action-answer-now = Responder ahora

## Los asuntos.

mail-subject-confirm-address = Por favor, confirme su dirección para { $title }
mail-subject-link-again = Su enlace de inscripción para { $title }
mail-subject-invitation = Está invitado a { $title }: por favor, responda antes del { $until }
mail-subject-confirmation = Tiene una plaza en { $title }
mail-subject-waiting-list = Está en la lista de espera de { $title }
mail-subject-seat-offer = Hay una plaza libre para usted hasta el { $until }
mail-subject-lapsed = La plaza reservada para usted en { $title } ha pasado a la siguiente persona
mail-subject-cancellation = Su inscripción en { $title } está cancelada
mail-subject-mode-changed = Ahora asiste a { $title } { $mode ->
    [virtual] en línea
   *[in-person] en persona
}
mail-subject-reminder = Recordatorio: { $title } empieza el { $starts }
mail-subject-answer-reminder = Por favor, responda antes del { $until }: su plaza en { $title }
mail-subject-reconfirmation = ¿Sigue pensando venir a { $title }? Por favor, responda antes del { $until }
mail-subject-reconfirmation-lapsed = Su plaza en { $title } ha pasado a la siguiente persona

## Lo que dice cada correo.

mail-confirm-address-thanks = Gracias por su interés en { $title }.
mail-confirm-address-how = Por favor, confirme su correo electrónico con el enlace de abajo. Su lugar cuenta desde el momento en que lo confirme.
mail-confirm-address-ignore = Si no lo ha pedido, puede ignorar este correo: no pasa nada hasta que se abra el enlace.
mail-link-again-asked = Alguien, probablemente usted, ha vuelto a pedir su inscripción en { $title }.
mail-link-again-page = Su página personal muestra su estado y lo que puede hacer.
mail-invitation-invited = Nos complace invitarle a { $title }.
mail-invitation-held = Le reservamos { $seat } hasta el { $until }. En su página personal puede aceptar (en persona o en línea, según las plazas disponibles) o rechazar la invitación.
mail-invitation-decline = Si no puede venir, por favor, rechácela, para que la plaza pueda ser para otra persona.
mail-confirmation-confirmed = Su inscripción está confirmada: tiene { $seat } para { $title }.
mail-confirmation-calendar = El archivo de calendario adjunto añade el evento a su calendario. Si cambian sus planes, por favor, cancele en su página personal, para que la plaza pueda ser para otra persona.
mail-waiting-list-confirmed = Su dirección está confirmada y está en la lista de espera de { $title }.
mail-waiting-list-position = { $position ->
    [one] Ocupa el primer lugar de la fila.
   *[other] Ocupa el lugar { $position } de la fila.
}
mail-waiting-list-how = Cuando quede libre una plaza, se la ofrecemos por correo a la siguiente persona de la fila, con un plazo para aceptarla.
mail-waiting-list-page = Su página personal siempre muestra su lugar actual.
mail-seat-offer-free = Buenas noticias: ha quedado libre { $seat } para { $title }, y es para usted.
mail-seat-offer-deadline = Por favor, acéptela antes del { $until }; después pasa a la siguiente persona de la fila.
mail-lapsed-passed = El plazo para responder sobre { $seat } de { $title } ha pasado, así que la plaza ha sido para otra persona.
mail-join-again = Puede volver a unirse a la lista de espera desde la página del evento en cualquier momento.
mail-cancellation-cancelled = Su inscripción en { $title } está cancelada, y cualquier plaza que tuviera ha pasado a la siguiente persona de la fila.
mail-cancellation-again = Puede volver a inscribirse desde la página del evento cuando quiera.
mail-mode-changed-now = Su plaza en { $title } es ahora { $seat }.
mail-calendar-replaces = El archivo de calendario adjunto sustituye al que tenía.
mail-reminder-starts = Un recordatorio: { $title } empieza el { $starts } y usted tiene { $seat }.
mail-reminder-cancel = Si al final no puede venir, por favor, cancele en su página personal, para que la plaza pueda pasar a la siguiente persona de la fila.
mail-answer-reminder-held = Seguimos reservándole { $seat } de { $title } hasta el { $until }.
mail-answer-reminder-how = Por favor, acepte o rechace en su página personal. Si no sabemos nada para entonces, la plaza pasa a la siguiente persona de la fila.
mail-reconfirmation-coming = { $title } empieza el { $starts } y usted tiene { $seat }. ¿Sigue pensando venir?
mail-reconfirmation-how = Por favor, responda en su página personal antes del { $until }: «Sí, voy a ir» conserva su plaza; «No, liberar mi plaza» se la da a la siguiente persona de la fila. Si no sabemos nada para entonces, la plaza pasa a la siguiente persona de la fila.
mail-reconfirmation-lapsed-gone = Le preguntamos si sigue pensando venir a { $title } y no supimos nada antes del plazo, así que la plaza que le reservábamos ha pasado a la siguiente persona de la fila.

## El programa, en los correos que dan o cambian una plaza.

mail-streamed = (transmitida)
mail-programme-none-streamed = Todavía no se transmite ninguna parte del programa; su página personal lo indicará cuando se transmita alguna.
mail-programme-streamed-parts = Puede seguir las partes del programa que se transmiten ({ $zone }):
mail-programme-all-parts = El programa ({ $zone }); las partes marcadas como transmitidas también se pueden seguir en línea:

## El correo que dice qué ha cambiado en un evento.

mail-changed-subject = { $title } ha cambiado
mail-changed-subject-one = { $title } ha cambiado: { $topic }
mail-changed-subject-many = { $title } ha cambiado: { $topics } y { $last }
mail-topic-time = horario
mail-topic-venue = lugar
mail-topic-meeting-link = enlace de la reunión
mail-topic-programme = programa
mail-change-none = (ninguno)
mail-change-starts = Empieza: { $from } → { $to }
mail-change-ends = Termina: { $from } → { $to }
mail-change-venue = Lugar: { $from } → { $to }
mail-change-meeting-link = Enlace de la reunión: { $from } → { $to }
mail-change-part-added = Añadido al programa: { $part }, { $when }
mail-change-part-removed = Quitado del programa: { $part }, { $when }
mail-change-now-streamed = ahora transmitida
mail-change-no-longer-streamed = ya no se transmite
mail-changed-intro = Los organizadores han cambiado { $title }. Lo que cambia para usted (horas en { $zone }):
mail-changed-keep = Sigue teniendo { $seat }. El archivo de calendario adjunto sustituye al que tenía. Si ahora no puede venir, por favor, cancele en su página personal, para que la plaza pueda ser para otra persona.
mail-changed-held = Seguimos reservándole { $seat }: por favor, acéptela o rechácela en su página personal.

## El código de entrada que se añade a la confirmación de una plaza en la sala.

mail-qr-show = En la puerta, muestre el código QR de este correo (o de su página personal).
mail-qr-link-label = Enlace de su código de entrada en la puerta
mail-qr-show-html = En la puerta, muestre este código (también está en su página personal):

## Los correos del boletín.

mail-newsletter-confirm-subject = Por favor, confirme su suscripción a las noticias de nuestros eventos
mail-newsletter-confirm-thanks = Gracias por suscribirse a las noticias sobre nuestros talleres y seminarios web.
mail-newsletter-confirm-how = Por favor, confirme su dirección con el enlace de abajo; hasta entonces no le enviaremos nada más. Si no se suscribió, ignore este correo: una dirección que no se confirma en { $days ->
    [one] { $days } día
   *[other] { $days } días
} se borra.
mail-newsletter-confirm-action = Confirmar mi suscripción
mail-newsletter-confirm-footer = Recibe este correo porque esta dirección se suscribió a las noticias de nuestros eventos, en nuestra página de suscripción o por medio de nuestros organizadores a partir de una lista.
mail-newsletter-unsubscribed-subject = Se ha dado de baja de las noticias de nuestros eventos
mail-newsletter-unsubscribed-off = No recibirá más noticias sobre nuestros eventos: su dirección ya no está en la lista y solo la guardamos para que ninguna lista que importemos vuelva a suscribirla.
mail-newsletter-unsubscribed-mistake = Si ha sido un error, puede volver a suscribirse en cualquier momento.
mail-newsletter-unsubscribed-action = Volver a suscribirme
mail-newsletter-unsubscribed-footer = Recibe este correo porque esta dirección se introdujo en nuestra página de suscripción.
mail-newsletter-unsubscribe = Darse de baja

## El mensaje de un organizador a los participantes.

mail-message-name-sample = (nombre del participante)
mail-message-link-sample = (su enlace personal)
mail-message-registration = Su inscripción en { $title }:
mail-message-personal = Este enlace es personal: por favor, no lo reenvíe.

## La invitación al equipo de organizadores.

mail-team-subject = Está invitado al equipo de organizadores de { $site }
mail-team-invited = { $inviter } le ha invitado al equipo de organizadores de { $site }, como { $role }.
mail-team-role-owner = propietario (todo, también el equipo)
mail-team-role-organizer = organizador (todo lo de los eventos)
mail-team-role-check-in = ayudante de entrada (la página de registro de entrada y las listas de participantes)
mail-team-link = Establezca su contraseña con este enlace; funciona una sola vez, durante { $days ->
    [one] { $days } día
   *[other] { $days } días
}:
mail-team-action = Establecer mi contraseña
mail-team-ignore = Si no lo esperaba, ignore este correo: no pasa nada sin el enlace.

# Los idiomas de los eventos y de los correos, tal como los elige el panel de organización.

language-event-label = Idioma del contenido del evento (opcional)
language-event-none = Sin indicar
language-event-hint = Las páginas del evento lo declaran en el título, la descripción, el lugar, el programa y las preguntas, tal como se escribieron; las invitaciones que no indican un idioma se envían en este.
language-invite-label = Idioma de los correos de invitación
language-invite-event = El idioma del evento ({ $language })
language-invite-english = Inglés (el evento no indica un idioma)
language-invite-list-hint = Una columna con el encabezado language (o un quinto campo: { $tags }) indica el idioma de los correos de cada persona; si se deja vacía, se usa el idioma elegido al enviar.
language-invite-fifth-field = Un quinto campo, si lo hay, es el idioma de la persona.
# The invitation preview: the column of each person's language, and what it says when
# the row names none.
language-invite-col = Idioma
language-invite-col-default = el elegido abajo
language-invite-refused = No se envió nada: el idioma de las invitaciones { $problem }.
