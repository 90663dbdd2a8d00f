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
