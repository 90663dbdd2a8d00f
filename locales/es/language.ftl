# Los idiomas de los eventos y de los correos, tal como los elige el panel de organización.

language-event-label = Idioma del contenido del evento (opcional)
language-event-none = Sin indicar
language-event-hint = Las páginas del evento lo declaran en el título, la descripción, el lugar, el programa y las preguntas, tal como se escribieron; las invitaciones que no indican un idioma se envían en este.
language-invite-label = Idioma de los correos de invitación
language-invite-event = El idioma del evento ({ $language })
language-invite-english = Inglés (el evento no indica un idioma)
language-invite-list-hint = Una columna con el encabezado language (o un quinto campo: { $tags }) indica el idioma de los correos de cada persona; si se deja vacía, se usa el idioma elegido al enviar.
language-invite-fifth-field = Un quinto campo, si lo hay, es el idioma de la persona.
language-invite-refused = No se envió nada: el idioma de las invitaciones { $problem }.
