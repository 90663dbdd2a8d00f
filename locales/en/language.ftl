# The languages of events and emails, as the organizer dashboard chooses them.

language-event-label = Language of the event's content (optional)
language-event-none = Not named
language-event-hint = The pages of the event declare it on the title, description, venue, programme and questions, as written; invitations that name no language are sent in it.
language-invite-label = Language of the invitation emails
language-invite-event = The event's language ({ $language })
language-invite-english = English (the event names no language)
language-invite-list-hint = A column headed language (or a fifth field: { $tags }) names the language of each person's emails; left empty, the language chosen when sending is used.
language-invite-fifth-field = A fifth field, when there is one, is the person's language.
language-invite-refused = Nothing was sent: the language of the invitations { $problem }.
