# Las respuestas de error de la API JSON: `message` y los mensajes de cada campo de
# `fields`, que siguen al nombre del campo ("email": "es obligatorio"). Empiezan en
# minúscula y terminan sin punto. Un `$mode` es `in_person` o `virtual`.

## Respuestas completas

api-malformed-unreadable = no se pudo leer el cuerpo de la solicitud: { $detail }
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
