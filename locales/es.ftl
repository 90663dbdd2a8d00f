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
