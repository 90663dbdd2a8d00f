# Los idiomas de los eventos y de los correos, tal como los elige el panel de organización.

language-event-label = Idioma del contenido del evento (opcional)
language-event-none = Sin indicar
language-event-hint = Las páginas del evento lo declaran en el título, la descripción, el lugar, el programa y las preguntas, tal como se escribieron; las invitaciones que no indican un idioma se envían en este.
language-invite-label = Idioma de los correos de invitación
language-invite-event = El idioma del evento ({ $language })
language-invite-english = Inglés (el evento no indica un idioma)
language-invite-list-hint = Una columna de idioma (o un quinto campo: en o es) envía los correos de esa persona en su idioma; vacío para el idioma elegido al enviar.
language-invite-fifth-field = Un quinto campo, si lo hay, es el idioma de la persona.
language-invite-refused = No se envió nada: el idioma de las invitaciones { $problem }.
