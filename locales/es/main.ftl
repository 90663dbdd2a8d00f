# El marco de todas las páginas públicas.
skip-to-content = Saltar al contenido
nav-site = Sitio
nav-events = Eventos
nav-stay-updated = Mantenerse al día
footer-privacy = Aviso de privacidad
language-choice-label = Idioma
language-unknown-title = Idioma desconocido
language-unknown = El idioma pedido (to) debe ser uno de: { $tags }.
