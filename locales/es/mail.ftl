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
