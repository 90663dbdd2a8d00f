# The frame of every public page.
skip-to-content = Skip to content
nav-site = Site
nav-events = Events
nav-stay-updated = Stay updated
footer-privacy = Privacy notice
language-choice-label = Language
language-unknown-title = Unknown language
language-unknown = The language asked for (to) must be one of: { $tags }.
