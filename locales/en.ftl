### Every sentence registrar says in English. A language is one file of locales/, named
### by its tag; docs/languages.md says how to add one.

## The language itself
# Its name in itself, as the footer's language choice offers it.
language-own-name = English
# The locale whose month and day names dates are written with (a chrono::Locale, such as
# en_GB, es_ES or pt_BR).
language-date-locale = en_GB

# The frame of every public page.
skip-to-content = Skip to content
nav-site = Site
nav-events = Events
nav-stay-updated = Stay updated
footer-privacy = Privacy notice
language-choice-label = Language
language-unknown-title = Unknown language
language-unknown = The language asked for (to) must be one of: { $tags }.

# The public pages: the list of events, an event with its form, the privacy notice.

# A day and time, as chrono's strftime patterns write it (%A the day's name, %B the
# month's, %-d the day of the month).
date-time-long = %A %-d %B %Y, %H:%M
date-time-day = %A %-d %B, %H:%M
event-when-one-day = { $start } to { $end } ({ $zone })
event-when-days = { $start } to { $end }
time-left-none = no time
time-left-less-than-a-minute = less than a minute
time-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
time-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
time-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
fact-when = When:
fact-your-time = Your time:
fact-where = Where:
fact-registration = Registration:
phase-draft = Not yet published
phase-invite-only = By invitation; join the waiting list
phase-open = Open
phase-closed = Closed
mode-title-in-person = In person
mode-title-virtual = Virtually
mode-in-person = in person
mode-virtual = virtually
seats-label = Seats
seats-full = Full
seats-left = { $n ->
    [one] { $n } seat left
   *[other] { $n } seats left
}
seats-of = of { $capacity }
seats-open-to-all = Open to all
seats-no-limit = no limit on seats
seats-waiting = { $n } waiting
events-upcoming = Upcoming
events-none = No upcoming events at the moment.
events-none-hear-next = to hear about the next one.
events-none-outside-series = No upcoming events outside the series below.
events-past = Past
events-subscribe-all = Subscribe to every event in your calendar (.ics)
series-next-tba = Next webinar: to be announced.
series-past-count = { $n ->
    [one] { $n } past webinar, with their recordings
   *[other] { $n } past webinars, with their recordings
}
field-name = Name
field-email = Email address
field-affiliation = Affiliation
field-preference = How you attend
field-consent = Consent
preference-either = Either: whichever seat frees up first
join-waiting-list = Join the waiting list
join-all-taken = All seats are taken at the moment. Join the waiting list and we email you when a seat frees up, with a deadline to accept it.
join-register = Register
join-open = When a seat is free and nobody is waiting for it, it is yours as soon as you confirm your email address. Otherwise you join the waiting list and we email you when a seat frees up.
join-open-mode = when a seat is free and nobody is waiting for it, it is yours as soon as you confirm your email address; otherwise you join the waiting list.
join-invited-first-mode = seats go to invited participants first. Join the waiting list and we email you if a seat becomes available.
join-invited-first = Seats go to invited participants first. Join the waiting list and we email you if a seat becomes available.
join-email-hint = We send a link to this address to confirm it.
join-how-attend = How would you like to attend?
join-submit = Send me a confirmation link
error-prefix = Error:
honeypot-label = Leave this empty
consent-before = {"I agree to the "}
consent-link = privacy notice
consent-after = .
event-part-of-series = Part of the series
event-subscribe-series = Subscribe to the series (.ics)
event-watch-recording = Watch the recording
event-over = This event is over.
event-started = This event has started, so registration has ended.
event-closed = Registration is closed. If you registered, your personal link in our emails still works.
event-closed-hear-next = to hear about the next event.
see-all-events = See all events
inbox-title = Check your inbox
inbox-sent-about = Thank you. We have sent you an email about { $event }.
inbox-open-link = Open the link in that email to confirm your address. Your place is only saved once you have confirmed it.
inbox-nothing-there = Nothing there after a few minutes? Look in your spam folder, or send the form again.
privacy-intro = This service runs the registration of our events. This notice says who is responsible for what it stores about you, what that is, why, for how long, and how to have it erased.
privacy-who = Who is responsible
privacy-controller-organizers = The organizers of the events on this site are responsible for your data (they are its controller).
privacy-controller = Responsible for your data (its controller): { $controller }.
privacy-contact-reply = To ask about your data, reply to one of our emails.
privacy-contact = To ask about your data:
privacy-what = What we store
privacy-what-registration = For a registration: your name, email address, affiliation (if you give one), how you would like to attend, and its history (when you joined, were invited or offered a seat, confirmed, switched or cancelled).
privacy-what-newsletter = For the newsletter: your email address, and when you signed up and confirmed it.
privacy-what-emails = The emails we send you, until they are delivered; afterwards only what was sent to which address and when.
privacy-no-tracking = We do not use tracking cookies or analytics.
privacy-others = Who else handles it
privacy-others-none = No one but the organizers of the event: we do not share your data.
privacy-processors = These services handle the data for the organizers, on their instructions only:
privacy-no-one-else = We share your data with no one else.
privacy-why = Why
privacy-why-text = To run the registration you asked for: to confirm your address, hold your place in line, offer you a seat, send you the emails about your registration, and let the organizers plan the room and the online meeting. The newsletter address is used only to tell you about new events.
privacy-how-long = For how long
privacy-how-long-text = Registration data is erased { $retention } days after the event has ended. An entry or a newsletter sign-up whose address is not confirmed within { $unconfirmed } days is erased, with the emails about it. A confirmed newsletter address is kept until you unsubscribe.
privacy-erase = How to erase it
privacy-erase-before = {"Open the personal link in any email about your registration and choose "}
action-erase = Erase my data
privacy-erase-after = . This cancels the registration and removes your name, email address and affiliation at once. Every newsletter email has a link to unsubscribe, which removes your address.

# A person's own page and the confirmation step of the actions that cannot be undone.

status-pending-email = Your email address is not confirmed yet.
status-invited = You are invited. Please answer the invitation.
status-waitlisted-first = You are on the waiting list: you are first in line.
status-waitlisted-number = You are on the waiting list: number { $n } in line.
status-waitlisted = You are on the waiting list.
status-offered = A seat is free for you ({ $mode }). Please accept or decline it.
status-confirmed = You have a seat: you attend { $mode }.
status-declined = You declined, so you have no seat.
status-cancelled = Your registration is cancelled.
status-expired = The deadline to answer passed, so the seat went to the next person.
status-revoked = The organizers ended this registration.
preference-words-in-person = in the room
preference-words-virtual = online
preference-words-either = of either kind
badge-pending-email = Address not confirmed
badge-invited = Invited
badge-waitlisted = Waiting list
badge-offered = Seat offered
badge-confirmed = Confirmed
badge-declined = Declined
badge-cancelled = Cancelled
badge-expired = Expired
badge-revoked = Ended
personal-eyebrow = Your registration
fact-registered-as = Registered as:
status-label = Status:
answer-by = Please answer by
time-left-in-brackets = ({ $left } left).
answer-by-hold = After that the seat goes to the next person in line.
answer-by-reconfirm = If we hear nothing by then, your seat goes to the next person in line.
waitlisted-how = When a seat { $preference } frees up, we offer it to the first person in line by email, with a deadline to accept.
personal-started = The event has started, so registration has ended.
action-confirm-email = Confirm my address
action-accept-mode = Accept { $mode }
action-decline = Decline
no-seat-free-mode = No seat { $mode } is free at the moment.
action-accept-seat = Accept the seat ({ $mode })
virtual-seat-free = A virtual seat is free: you can attend virtually now and keep your place in line for a seat in person.
action-attend-virtually = Attend virtually while I wait
action-leave-waiting-list = Leave the waiting list
reconfirm-title = Are you still coming?
action-reconfirm = Yes, I'm coming
action-free-my-seat = No, free my seat
meeting-title = Joining online
meeting-link = Meeting link:
meeting-link-later = The meeting link will appear here before the event.
meeting-streamed-parts = The link is for the parts that are streamed; the programme below shows which.
calendar-download = Download the calendar file (.ics)
wait-offered = A seat { $mode } is free for you until
action-move-to-seat = Move to a seat { $mode }
action-keep-current-seat = Keep my current seat
waiting-for-seat-number = You keep your seat and wait for a seat { $mode }: number { $n } in line.
waiting-for-seat = You keep your seat and wait for a seat { $mode }.
action-stop-waiting = Stop waiting
action-switch = Switch to attending { $mode }
action-wait-for = Wait for a seat { $mode }
action-cancel = Cancel my registration
calendar-remove = Remove it from your calendar (.ics)
register-again = Register again
register-again-end-of-line = (you join at the end of the line).
your-data-title = Your data
your-data-before = {"We keep your name, email address and affiliation to run the registration; see the "}
your-data-after = . You can erase them now.
check-in-title = At the door
check-in-text = Show this code when you arrive; the organizers scan it to check you in.
check-in-qr-label = QR code for check-in at the door
confirm-decline-invitation-title = Decline the invitation?
confirm-decline-invitation-text = The seat held for you goes to someone else. You cannot take the invitation back afterwards, although you may join the waiting list.
confirm-decline-invitation-button = Yes, decline
confirm-decline-seat-title = Decline the seat?
confirm-decline-seat-text = The seat goes to the next person in line and you leave the waiting list.
confirm-decline-seat-button = Yes, decline the seat
confirm-keep-seat-title = Keep your current seat?
confirm-keep-seat-text = The seat offered to you goes to the next person in line and you stop waiting for it. You keep your seat { $mode }.
confirm-keep-seat-button = Yes, keep my current seat
confirm-leave-title = Leave the waiting list?
confirm-leave-text = You lose your place in line. If you join again later, you go to the end of the line.
confirm-leave-button = Yes, leave the waiting list
confirm-cancel-title = Cancel your registration?
confirm-cancel-text = Your seat goes to the next person in line, and you may not get it back.
confirm-cancel-button = Yes, cancel my registration
confirm-switch-title = Switch to attending { $mode }?
confirm-switch-text = Your seat { $mode } goes to the next person in line, so you may not be able to switch back.
confirm-switch-button = Yes, attend { $mode }
confirm-erase-title = Erase your data?
confirm-erase-text = This cancels your registration (any seat you hold goes to the next person in line) and removes your name, email address and affiliation. This link stops working. It cannot be undone.
confirm-erase-button = Yes, erase my data
confirm-go-back = No, go back

# Forms, the programme, series, the newsletter, what an action did and the error pages.

field-optional = (optional)
error-summary-title = Please correct the following
programme-title = Programme
programme-times-in = Times in { $zone }.
programme-streamed-hint = Parts marked streamed can be followed online.
programme-your-time = your time:
programme-streamed = Streamed
programme-room-only = In the room only
programme-you-can-follow = You can follow this online
programme-not-streamed = Not streamed: in the room only
series-speakers = Speakers
series-watch-recording-of = Watch the recording of { $episode }
series-no-recording = No recording yet.
series-next = Next webinar
series-later = Later
series-hear-when = to hear when it is.
series-past = Past webinars
series-subscribe = Subscribe to this series in your calendar (.ics)
newsletter-intro = Get an email when we announce a new workshop or webinar, a few times a year. Nothing else, and every email has a link to unsubscribe at once.
newsletter-email-hint = We send a link to this address; you are signed up once you open it.
newsletter-submit = Sign me up
newsletter-sent = Thank you. We have sent you an email with a link to confirm your subscription.
newsletter-open-link = You are signed up once you open that link. Nothing there after a few minutes? Look in your spam folder, or send the form again.
newsletter-subscribed = You are subscribed
newsletter-confirmed = Thank you: your address is confirmed. We will email you when we announce a new event.
newsletter-every-email-unsubscribe = Every email has a link to unsubscribe.
newsletter-unsubscribe-title = Unsubscribe from news
newsletter-unsubscribe-text = Stop receiving news about our workshops and webinars? Your address is removed from the list at once.
newsletter-unsubscribe = Unsubscribe
newsletter-keep = Keep my subscription and see all events
newsletter-unsubscribed = You are unsubscribed
newsletter-unsubscribed-text = You will receive no more news about our events, and your address has been removed from the list.
newsletter-changed-mind = Changed your mind?
newsletter-sign-up-again = Sign up again
link-does-not-work = This link does not work
newsletter-unknown-link = This address is not on our list (any more): it may have been unsubscribed already, or the link is incomplete.
newsletter-sign-up = Sign up for news
done-confirm-email = Thank you: your address is confirmed.
done-accept = Done: your seat is confirmed. A confirmation is on its way by email.
done-decline = Done: you declined, and the seat goes to the next person.
done-cancel = Done: you have left, and your place goes to the next person.
done-switch = Done: you switched mode. An updated calendar file is on its way by email.
done-wait-for = Done: you keep your seat and wait for the other mode.
done-leave-wait = Done: you no longer wait for the other mode.
done-attend-virtually = Done: you attend virtually and keep your place in line for a seat in person. A confirmation with the calendar file is on its way by email.
done-reconfirm = Thank you: your seat is kept. See you there.
error-not-possible-title = Not possible
error-registration-not-possible-title = Registration is not possible
error-not-found-title = Page not found
error-not-found = There is nothing at this address. The link may be mistyped, or the page may have been removed.
error-unknown-link = This personal link is unknown, or it was used to erase the registration's data. If you registered, the newest email about your registration has a working link; or register again from the event page.
error-unreadable-form-title = The form could not be read
error-unreadable-form = The form arrived incomplete or in a form we cannot read. Please go back and send it again.
error-form-too-large-title = The form is too long
error-form-too-large = The form holds far more text than it needs. Please go back, shorten what you typed and send it again.
error-unavailable-title = Please try again
error-unavailable = The service is busy or briefly unavailable. Please try again in a moment.
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Please try again later.
# A problem of a form's field: its name, then what is wrong.
field-problem = { $label } { $problem }
problem-required = is required
problem-email = must look like name@example.org
problem-email-domain = must be at a domain name, not an IP address
problem-at-most = must be at most { $max } characters
problem-control-characters = must not contain control characters
problem-reorder = must not contain characters that reorder the text around them
problem-visible = must hold at least one visible character
problem-consent-join = you must agree to the privacy notice to join
problem-consent-sign-up = you must agree to the privacy notice to sign up
problem-preference = please choose how you would like to attend
erased-title = Your data is erased
erased-text = Your registration is cancelled and your name, email address and affiliation have been removed. This link no longer works.

# The organizer dashboard. It is shown in English for now; these messages are here so that
# translating it is only adding a language's file.

## Layout, navigation and shared pieces

dash-head-title = { $page } · { $site } dashboard
dash-bare-header = { $site } · organizers
dash-nav-label = Dashboard
dash-nav-events = Events
dash-nav-newsletter = Newsletter
dash-nav-outbox = Outbox
dash-nav-tokens = API tokens
dash-nav-calendar = Calendar feed
dash-nav-site = Site
dash-nav-team = Team
dash-nav-sign-out = Sign out
dash-tab-label = Event
dash-tab-overview = Overview
dash-tab-check-in = Check-in
dash-tab-invitations = Invitations
dash-tab-registrations = Registrations
dash-tab-line = Waiting line
dash-tab-capacity = Capacity
dash-tab-messages = Messages
dash-tab-settings = Settings
dash-tab-programme = Programme
dash-tab-questions = Questions
dash-tab-groups = Groups
dash-tab-representation = Who is in the room
dash-tab-audit = Audit log
dash-mode-in-person = In person
dash-mode-virtual = Virtual
dash-seat-in-person = an in-person seat
dash-seat-virtual = a virtual seat
dash-status = { $status ->
    [pending_email] pending email
    [invited] invited
    [waitlisted] waitlisted
    [offered] offered
    [confirmed] confirmed
    [declined] declined
    [cancelled] cancelled
    [expired] expired
   *[revoked] revoked
}
dash-gauge-summary = { $mode }: { $confirmed } confirmed, { $invited } held by open invitations, { $offered } held by open offers, { $free }, { $waiting } waiting
dash-gauge-free-of = { $free } free of { $capacity }
dash-gauge-unlimited = unlimited
dash-gauge-capacity = capacity { $capacity }
dash-gauge-confirmed = Confirmed
dash-gauge-invited = Open invitations
dash-gauge-offered = Open offers
dash-gauge-free = Free
dash-gauge-waiting = Waiting
dash-chart-none = No registrations yet.
dash-chart-label = { $n ->
    [one] { $n } registration from { $first } to { $last }
   *[other] { $n } registrations from { $first } to { $last }
}
dash-pages-label = Pages
dash-pages-previous = ← Previous
dash-pages-next = Next →
dash-pages-page-of = Page { $page } of { $pages }
dash-cancel = Cancel
dash-promotion-confirmed = { $seat }, confirmed
dash-promotion-offered = offered { $seat }

## An event's overview and its phase changes

# The seats a phase governs ($seats_of): all, in-person or virtual.
dash-phase-free-seats-in-person = { $n ->
    [one] 1 free in-person seat
   *[other] { $n } free in-person seats
}
dash-phase-free-seats-virtual = { $n ->
    [one] 1 free virtual seat
   *[other] { $n } free virtual seats
}
dash-phase-first-in-line = { $n ->
    [one] the first person in line
   *[other] the first { $n } people in line
}
dash-phase-give = give { $seats } to { $people }
dash-phase-offer = offer { $seats } to { $people }
dash-phase-and = { $first }, and { $second }
dash-phase-same-as-in-person = The same as in person
dash-phase-virtual-follows = The virtual seats follow the event's phase again.
dash-phase-virtual-follows-handing = The virtual seats follow the event's phase again. This will { $handed }.
dash-phase-no-seat-free = No seat is free for anyone waiting, so nobody is offered one now.
dash-phase-and-will = and will { $handed }.
dash-phase-open-direct = { $seats_of ->
    [in-person] Opening registration in person
    [virtual] Opening registration of the virtual seats
   *[all] Opening registration
} lets newcomers take free seats directly when nobody waits for them. { $seats }
dash-phase-open = { $seats_of ->
    [in-person] Opening registration in person
    [virtual] Opening registration of the virtual seats
   *[all] Opening registration
} lets newcomers take free seats when nobody waits for them, { $seats }
dash-phase-invite-only = { $seats_of ->
    [in-person] Registration in person
    [virtual] Registration of the virtual seats
   *[all] Registration
} becomes invitation-only: the public may join the waiting list, and free seats stay with you to invite or promote by hand.
dash-phase-closed-none = { $seats_of ->
    [in-person] Closing registration in person
    [virtual] Closing registration of the virtual seats
   *[all] Closing registration
} stops new entries; free seats still go to the line until the event starts. { $seats }
dash-phase-closed = { $seats_of ->
    [in-person] Closing registration in person
    [virtual] Closing registration of the virtual seats
   *[all] Closing registration
} stops new entries; free seats still go to the line until the event starts, { $seats }
dash-phase-draft = The event is hidden from the public again; registrations stay as they are and nobody is emailed.
dash-overview-venue = Venue:
dash-overview-phase-in-person = Phase in person:
dash-overview-phase-virtual = Phase of the virtual seats:
dash-overview-phase = Phase:
dash-overview-public-page = Public page:
dash-overview-seats = Seats
dash-overview-answers-due = { $n ->
    [one] answer still due
   *[other] answers still due
}
dash-overview-next-deadline = the next deadline is
dash-overview-attendance = Attendance
dash-overview-arrived-of = arrived of
dash-overview-expected = expected in the room
dash-overview-did-not-come = did not come
dash-overview-check-in-page = Check-in page
dash-overview-over-time = Registrations over time
dash-overview-phase-heading = Phase
dash-overview-now = Now:
dash-overview-preview-label = What the change will do
dash-overview-change-to-button = Change to “{ $phase }”
dash-overview-in-person = In person
dash-overview-whole-event = The whole event
dash-overview-change-to = Change to:
dash-overview-virtual-seats = Virtual seats
dash-overview-virtual-hint = The stream can be open while the room is by invitation, or the room open while the stream is closed.
dash-overview-exports = Exports
dash-overview-export-participants = Participants (CSV, for badges)
dash-overview-export-virtual = Virtual participants (CSV, for the online meeting tool)
dash-overview-export-calendar = Calendar file of this event
dash-overview-more = More
dash-overview-duplicate = Duplicate this event
dash-overview-announce = Announce this event in the newsletter

## The list of events and the event form

dash-save = Save
dash-form-correct-fields = Please correct the fields marked below.
dash-events-title = Events
dash-events-create = Create an event
dash-events-none = No events yet.
dash-events-col-event = Event
dash-events-col-starts = Starts
dash-events-col-phase = Phase
dash-events-participants = participants
dash-events-virtual-phase = Virtual: { $phase }
dash-events-confirmed = { $n } confirmed
dash-events-free = { $n } free
dash-events-waiting = { $n } waiting
dash-event-form-title = Title
dash-event-form-slug = Address name (lowercase letters, digits and dashes; the page is /events/NAME)
dash-event-form-description = Description (optional)
dash-event-form-timezone = Time zone (IANA name, e.g. Europe/Amsterdam)
dash-event-form-starts = Starts (in the event's time zone)
dash-event-form-ends = Ends (in the event's time zone)
dash-event-form-save-anyway = Save it anyway: this event { $warning }
dash-event-form-venue = Venue
dash-event-form-meeting-url = Meeting link for virtual attendance
dash-event-form-in-person-capacity = In-person seats
dash-event-form-virtual-capacity = Virtual seats (empty for unlimited)
dash-event-form-offer-window = Hours to accept an offered seat
dash-event-form-invitation-window = Days to answer an invitation
dash-event-form-reminders = Reminders to confirmed participants, in hours before the start (e.g. 24, 2; empty for none)
dash-event-form-reconfirmation = Reconfirmation (leave both empty for none)
dash-event-form-reconfirmation-hint = Each confirmed in-person participant is asked "are you still coming?"; a seat nobody reconfirms in time goes to the next in line.
dash-event-form-reconfirm-days = Ask this many days before the start
dash-event-form-reconfirm-hours = Hours to answer
dash-event-form-phase = Phase
dash-event-form-virtual-phase = Phase of the virtual seats
dash-event-form-same-phase = The same as the phase
dash-event-form-auto-confirm = Give a freed seat to the next in line at once, without asking (default: offer it with a deadline)

## Registrations, the waiting line and capacity

dash-preview = Preview
dash-col-name = Name
dash-col-email = Email
dash-col-affiliation = Affiliation
dash-col-actions = Actions
# A waiting person's preference ($preference): in_person, virtual or either.
dash-preference = { $preference ->
    [in_person] in person
    [virtual] virtual
   *[either] either
}
dash-registrations-page-title = Registrations · { $event }
dash-registrations-title = Registrations
dash-registrations-status = Status
dash-registrations-any = Any
dash-registrations-active = Active (holding or waiting)
dash-registrations-mode = Mode
dash-registrations-answer = Answer
dash-registrations-search = Search name, email, affiliation
dash-registrations-show = Show
dash-registrations-match = { $n ->
    [one] { $n } registration match.
   *[other] { $n } registrations match.
}
dash-registrations-col-line = Line / deadline
dash-registrations-col-registered = Registered
dash-registrations-wants = { $preference ->
    [in_person] wants in person
    [virtual] wants virtual
   *[either] wants either
}
dash-registrations-position = number { $n } in line
dash-registrations-answer-by = answer by { $at }
dash-registrations-waits-for = { $mode ->
    [in_person] waits for in person
   *[virtual] waits for virtual
}
dash-registrations-reconfirm-by = to reconfirm by { $at }
dash-registrations-new-deadline = New reconfirmation deadline for { $name }
dash-registrations-change-deadline = Change deadline
dash-registrations-revoke = Revoke
dash-line-page-title = Waiting line · { $event }
dash-line-title = Waiting line
dash-line-hint = In order: organizer priority first (higher goes first), then the time of joining. “Move up” and “Move down” raise or lower an entry's priority by one, so it passes (or falls behind) everyone of its old priority. Promoting offers a free seat out of order.
dash-line-none = Nobody is waiting.
dash-line-col-waits-for = Waits for
dash-line-col-priority = Priority
dash-line-col-since = In line since
dash-line-keeps = (keeps a { $mode } seat)
dash-line-promote = Promote now
dash-line-move-up = Move up
dash-line-move-down = Move down
dash-line-remove = Remove
dash-capacity-page-title = Capacity · { $event }
dash-capacity-title = Capacity
dash-capacity-hint = Lowering a capacity below the seats already held bumps nobody; it only stops new seats.
dash-capacity-nobody = Nobody is offered a seat by this change.
dash-capacity-hands-to = This change will hand seats to:
dash-capacity-apply = Apply the new capacity
dash-mode-word = { $mode ->
    [in_person] in person
   *[virtual] virtual
}

## Invitations

dash-invite-list = People to invite, one per line
dash-invite-list-either = Either
dash-invite-list-or = or
dash-invite-list-mode = (mode: in_person or virtual; empty for the default; affiliation optional).
dash-invite-file = Or upload a CSV file
dash-invite-file-hint = As a spreadsheet saves it (CSV UTF-8; commas, semicolons or tabs). A header row is read by name, in any order:
dash-invite-file-hint-end = other columns are left out. A file is read instead of the pasted list.
# $delimiter: commas, semicolons or tabs.
dash-invite-read-header = Read as CSV with { $delimiter ->
    [commas] commas
    [semicolons] semicolons
   *[tabs] tabs
} between fields and a header row:
dash-invite-read-no-header = Read as CSV with { $delimiter ->
    [commas] commas
    [semicolons] semicolons
   *[tabs] tabs
} between fields and no header row: each row is email, name, mode, affiliation, in that order.
dash-invite-column = column { $n }
dash-invite-no-heading = (no heading)
dash-invite-left-out = left out
dash-invite-no-column = No column for: { $columns }.
dash-invitations-page-title = Invitations · { $event }
dash-invitations-title = Invitations
dash-invitations-invite = Invite people
dash-invitations-sent = Sent invitations
dash-invitations-none = No invitations yet.
dash-invitations-col-state = State
dash-invitations-col-deadline = Deadline
dash-invitations-col-emails = Emails sent / delivered
dash-invitations-resend = Resend
dash-invitations-new-deadline = New deadline for { $name }
dash-invitations-all-open = All open invitations in the registrations table
dash-invite-too-many = { $want } to invite but only { $free } free
dash-invite-seats-free = { $free } of { $capacity } seats free
dash-invite-after-these = after these { $n }
dash-invite-preview-page-title = Preview invitations · { $event }
dash-invite-preview-title = Preview invitations
dash-invite-valid = valid
dash-invite-duplicate = duplicate
dash-invite-invalid = invalid
dash-invite-only-valid = Only the valid rows are invited; nothing has been sent yet.
dash-invite-file-read = The uploaded file was read; the pasted list was left out.
dash-invite-rows-label = The list, line by line
dash-invite-col-line = Line
dash-invite-col-check = Check
dash-invite-verdict = { $verdict ->
    [valid] valid
    [duplicate] duplicate
   *[invalid] invalid
}
dash-invite-nobody-valid = There is nobody valid to invite in this list.
dash-invite-not-enough-seats = There are not enough free seats for these invitations: raise the capacity or shorten the list.
dash-invite-deadline = Deadline to answer (optional; default { $days } days from now, in { $zone })
dash-invite-send = { $n ->
    [one] Send { $n } invitation
   *[other] Send { $n } invitations
}
dash-invite-edit-list = Edit the list

## Messages to participants

dash-group-confirmed-in-person = Confirmed, in person
dash-group-confirmed-virtual = Confirmed, virtual
dash-group-waiting = Waiting list
dash-group-everyone = Everyone (invited, offered, confirmed, waiting)
dash-message-to = To
dash-message-subject = Subject
dash-message-body = Message
dash-message-body-hint = Plain text; a blank line starts a new paragraph. Each person's own link is added at the end.
dash-message-page-title = Messages · { $event }
dash-message-title = Write to participants
dash-message-preview-page-title = Preview message · { $event }
dash-message-preview-title = Preview the message
dash-message-preview-to = To
dash-message-people = { $n ->
    [one] person
   *[other] people
}
dash-message-subject-label = Subject:
dash-message-nobody = Nobody is in this group: there is nobody to send it to.
dash-message-send = { $n ->
    [one] Send to { $n } person
   *[other] Send to { $n } people
}
dash-message-change = Change it
dash-message-preview-again = Preview again

## The team

dash-team-role-owner = Owner: everything, the team too
dash-team-role-organizer = Organizer: everything on events
dash-team-role-check-in = Check-in: the door and the participant lists
dash-team-title = Team
dash-team-invite = Invite someone
dash-team-email = Email address
dash-team-role = Role
dash-team-invite-hint = They get an email with a one-time link to set their password.
dash-team-send-invitation = Send the invitation
dash-team-members = Members
dash-team-col-since = Since (UTC)
dash-team-invited = invited
dash-team-role-of = Role of { $email }
dash-team-change = Change
dash-team-remove = Remove { $email }
dash-team-recent = Recent changes
dash-team-no-change = No change to the team yet.
dash-team-col-when = When (UTC)
dash-team-col-who = Who
dash-team-col-member = Member
dash-team-col-change = Change

## Notices after an action

dash-done-created = The event was created.
dash-done-saved = The changes were saved.
dash-done-told = The changes were saved, and the people they concern are being told by email.
dash-done-phase = The phase was changed.
dash-done-capacity = The capacity was changed.
dash-done-resend = The email was sent again.
dash-done-hold = The deadline was changed.
dash-done-revoke = The registration was revoked; its seat moves on.
dash-done-remove = The entry was removed from the line.
dash-done-promote = A seat was offered.
dash-done-up = The entry was moved up.
dash-done-down = The entry was moved down.
dash-done-retry = The email will be retried now.
dash-done-revoked-token = The token was revoked.
dash-done-nobody = Nobody is in that group: no email was queued.
dash-done-site = Saved: every page and the privacy notice now say this.
dash-done-arrived = Checked in.
dash-done-undone = The arrival was undone.
dash-done-invited = The invitation was sent: its link works once, for 3 days.
dash-done-role = The role was changed.
dash-done-removed = The organizer was removed from the team.
dash-done-revoked-feed = The link was revoked: calendar apps that used it get nothing more.

## The newsletter

dash-newsletter-confirmed-subscribers = { $n ->
    [one] { $n } confirmed subscriber
   *[other] { $n } confirmed subscribers
}
dash-newsletter-tab-issues = Issues
dash-newsletter-write = Write an issue
dash-newsletter-subscribers = Subscribers
dash-newsletter-delivery = { $sent } delivered, { $pending } waiting, { $failed } failed of { $queued }
dash-newsletter-intro = People sign up for news on the public page
dash-newsletter-intro-end = and confirm their address by email (double opt-in); an issue goes to confirmed subscribers only, each with a one-click unsubscribe link.
dash-newsletter-confirmed = Confirmed
dash-newsletter-pending = Waiting for confirmation
dash-newsletter-unsubscribed = Unsubscribed
dash-newsletter-subscribers-link = Subscribers, export and import
dash-newsletter-issues-sent = Issues sent
dash-newsletter-no-issue = No issue has been sent yet.
dash-newsletter-col-sent = Sent (UTC)
dash-newsletter-col-recipients = Recipients
dash-newsletter-col-delivery = Delivery
dash-newsletter-test-to = Test to { $to }
dash-newsletter-preview-label = Preview of the email
dash-newsletter-html-part = HTML part
dash-newsletter-html-part-title = The HTML part of the email
dash-newsletter-text-part = Text part
dash-newsletter-press-preview = Press Preview to see the email as subscribers will get it.
dash-newsletter-text = Text
dash-newsletter-text-hint = Markdown: a blank line starts a paragraph; **bold**, *italic*, [a link](https://…), lists with - . The unsubscribe link is added at the end.
dash-newsletter-correct-fields = Nothing was sent: please correct the fields marked below.
dash-newsletter-send-test = Send a test to me ({ $email })
dash-newsletter-send-to = Send to { $subscribers }…
dash-newsletter-confirm-title = Send the issue?
dash-newsletter-confirm-nobody = Nobody has confirmed a subscription yet: there is nobody to send it to.
dash-newsletter-confirm-will-go = will go to
dash-newsletter-confirm-once = once each. This cannot be undone.
dash-newsletter-confirm-yes = { $n ->
    [one] Yes, send to { $n } subscriber
   *[other] Yes, send to { $n } subscribers
}
dash-newsletter-back-to-text = Back to the text
dash-newsletter-issue-title = Issue: { $subject }
dash-newsletter-queued-at = Queued { $at }
dash-newsletter-as-test-to = as a test to
dash-newsletter-for = for { $subscribers }
dash-newsletter-progress = Delivery: { $finished } of { $queued } done
dash-newsletter-progress-value = { $finished } of { $queued }
dash-newsletter-queued = Queued
dash-newsletter-delivered = Delivered
dash-newsletter-failed = Failed
dash-newsletter-reloads = This page reloads every { $seconds } seconds until every email has left.
dash-newsletter-stop-reloading = Stop reloading
dash-newsletter-reload-every = Reload every { $seconds } seconds until every email has left
dash-newsletter-left-some-refused = Every email has left the outbox; the mail server refused those below for good.
dash-newsletter-all-delivered = Every email was delivered.
dash-newsletter-failed-label = Failed emails
dash-newsletter-col-last-error = Last error
dash-newsletter-send-again = Send again to { $to }
dash-newsletter-every-email = Every email of this issue
dash-newsletter-all-issues = All issues
dash-newsletter-address-contains = Address contains
dash-newsletter-search = Search
dash-newsletter-addresses-in-all = { $n ->
    [one] { $n } address in all.
   *[other] { $n } addresses in all.
}
dash-newsletter-addresses-match = { $n ->
    [one] { $n } address matches
   *[other] { $n } addresses match
}
dash-newsletter-show-all = Show all
dash-newsletter-export = Export all as CSV
# $status: pending, confirmed or unsubscribed.
dash-newsletter-status = { $status ->
    [pending] pending
    [confirmed] confirmed
   *[unsubscribed] unsubscribed
}
dash-newsletter-import = Import addresses
dash-newsletter-import-hint = A CSV file with a column named email (or E-mail, Email Address), fields separated by commas or semicolons; without a header row, each line's first field with an @ is read. Every new address gets a confirmation request and receives nothing else until it confirms; confirmed addresses stay as they are; addresses that unsubscribed are not signed up again.
dash-newsletter-csv-file = CSV file
dash-newsletter-import-button = Import and send confirmation requests
dash-newsletter-import-done = Import done
dash-newsletter-read-with = Read with
dash-newsletter-between-fields = between fields,
dash-newsletter-header-row = the first line as the header row
dash-newsletter-no-header-row = no header row
dash-newsletter-requests-sent = Confirmation requests sent
dash-newsletter-already = Already subscribed
dash-newsletter-unsubscribed-skipped = Unsubscribed, skipped
dash-newsletter-invalid-lines = Invalid lines
dash-newsletter-limited = { $n ->
    [one] { $n } address was sent their requests for today already: they get no new one now.
   *[other] { $n } addresses were sent their requests for today already: they get no new one now.
}
dash-newsletter-repeated = { $n ->
    [one] { $n } line repeats an address read before; it was counted once.
   *[other] { $n } lines repeat an address read before; it was counted once.
}
dash-newsletter-waiting-confirmation = The new addresses are waiting for confirmation: no issue reaches them until they confirm, and those not confirmed in time are deleted.
dash-newsletter-line = Line { $n }:
dash-newsletter-back-to-subscribers = Back to the subscribers

## Check-in at the door

dash-check-in-counts = { $arrived } arrived of { $expected } expected
dash-check-in-no-seat = No seat: this registration is { $status }, so it cannot be checked in.
dash-check-in-arrived-at = Arrived { $at }
dash-check-in-undo = Undo arrival of { $name }
dash-check-in-arrive = Arrived: { $name }
dash-check-in-type = Type a name or an email address to find someone.
dash-check-in-nobody-matches = Nobody matches
dash-check-in-found = People found
dash-check-in-title = Check-in: { $title }
dash-check-in-name-or-email = Name or email
dash-check-in-person = Person
dash-check-in-someone-else = Search for someone else

## The audit log, the outbox and the delivery of a send

dash-audit-page-title = Audit log · { $event }
dash-audit-hint = Every change, newest first: who made it (an organizer, the participant, or the system), when, and from which state to which.
dash-audit-col-when = When
dash-audit-col-by = By
dash-audit-col-from = From
dash-audit-col-what = What
dash-outbox-hint = Every email, newest first. A pending email is delivered by the mail worker; one the mail server could not take for now is retried with a growing pause, or at once with “Retry now”. A failed email was refused for good (see its last error) and is not sent again.
dash-outbox-filter = Filter by state
dash-outbox-all = All
dash-outbox-pending = Pending
dash-outbox-emails = Emails
dash-outbox-col-created = Created (UTC)
dash-outbox-col-kind = Kind
dash-outbox-col-attempts = Attempts
dash-outbox-delivered = delivered
dash-outbox-failed = failed
dash-outbox-retry = Retry now
# $kind: invitations, message or newsletter.
dash-send-queued = { $kind ->
    [invitations] { $n ->
        [one] { $n } invitation email queued
       *[other] { $n } invitation emails queued
    }
    [message] { $n ->
        [one] { $n } message email queued
       *[other] { $n } message emails queued
    }
   *[newsletter] { $n ->
        [one] { $n } newsletter email queued
       *[other] { $n } newsletter emails queued
    }
}
dash-send-for-delivery = for delivery.
dash-send-so-far = So far { $sent } delivered, { $pending } waiting, { $failed } failed.
dash-send-follow = Follow their delivery
dash-send-reloads-itself = (the page reloads itself every { $seconds } seconds while emails wait).
dash-send-title = { $kind ->
    [invitations] { $n ->
        [one] Delivery of { $n } invitation email
       *[other] Delivery of { $n } invitation emails
    }
    [message] { $n ->
        [one] Delivery of { $n } message email
       *[other] Delivery of { $n } message emails
    }
   *[newsletter] { $n ->
        [one] Delivery of { $n } newsletter email
       *[other] Delivery of { $n } newsletter emails
    }
}
dash-send-queued-by = Queued { $at } by { $actor }
dash-send-for = for
dash-send-for-subscribers = for the newsletter's subscribers
dash-send-gone = { $n ->
    [one] { $n } email no longer listed: their people erased their data, or the event's data was erased after the retention period.
   *[other] { $n } emails no longer listed: their people erased their data, or the event's data was erased after the retention period.
}
dash-send-reloads = This page reloads every { $seconds } seconds while emails wait.
dash-send-reload-every = Reload every { $seconds } seconds while emails wait
dash-send-left-some-refused = Every email of this send has left the outbox; the failed ones were refused for good (see their last error).
dash-send-all-delivered = Every email of this send was delivered.
dash-send-every-email = Every email in the outbox

## Questions, groups and the programme

dash-error-title = Error: { $title }
dash-questions-add = Add a question
dash-questions-number = Question { $n }
dash-questions-question = Question
dash-questions-leave-empty = (leave the group empty to add nothing)
dash-questions-key = Key (lowercase letters, digits and _; the column in exports)
dash-questions-kind = Kind of answer
dash-questions-kind-text = Free text
dash-questions-kind-choice = One choice
dash-questions-kind-choices = Several choices
dash-questions-options = Options, one a line (for the choice kinds)
dash-questions-required = Required
dash-questions-summarize = Summarize in “Who is in the room”
dash-questions-heading = Questions: { $title }
dash-questions-not-saved = The questions were not saved. Please correct the questions marked below.
dash-questions-hint = People answer these when they join and when they accept an invitation. Changing or removing a question keeps the answers already given.
dash-questions-save = Save the questions
dash-questions-preview = Preview of the join form
dash-questions-none = No questions yet.
dash-groups-heading = Groups: { $title }
dash-groups-no-choice = No question of choice yet: add one (such as “Which project group would you like to join?”) on the
dash-groups-questions-page = questions page
dash-groups-by = Group the confirmed participants by
dash-groups-nobody = Nobody yet.
dash-programme-add = Add a part
dash-programme-part = Part { $n }
dash-programme-starts = Starts (event's time zone)
dash-programme-ends = Ends (event's time zone)
dash-programme-streamed = Streamed: virtual participants can follow it
dash-programme-heading = Programme: { $title }
dash-programme-not-saved = The programme was not saved. Please correct the parts marked below.
dash-programme-hint = The parts of the event, in the order shown on the event page and the personal pages. Each lies within the event ({ $when }); times are in { $zone }. Virtual participants get a calendar entry and the meeting link for each streamed part.
dash-programme-save = Save the programme
dash-episode-series-legend = Webinar series (optional)
dash-episode-series = Series (address name, e.g. looking-glass; the page is /series/NAME)
dash-episode-code = Episode code (e.g. S07E02)
dash-episode-recording = Recording link (once it has happened)
dash-episode-speakers = Speakers, in the order shown. Fill a blank row to add one, change the numbers to reorder, empty a row to remove it.
dash-episode-col-order = Order
dash-episode-col-link = Link
dash-episode-order-of = Order of speaker { $n }
dash-episode-name-of = Name of speaker { $n }
dash-episode-affiliation-of = Affiliation of speaker { $n }
dash-episode-link-of = Link of speaker { $n }

## Telling people what changed

dash-notice-page-title = Tell people what changed: { $title }
dash-notice-title = Tell people what changed?
dash-notice-confirmed = { $n ->
    [one] { $n } confirmed participant
   *[other] { $n } confirmed participants
}
dash-notice-and = and
dash-notice-invitees = { $n ->
    [one] { $n } invitee
   *[other] { $n } invitees
}
dash-notice-will-be-told = (open invitations and offers) will be told: nothing is saved until you press the button below.
dash-notice-what-changed = What changed
dash-notice-hint = Each person is told only what concerns them: people in the room the venue and the programme, people online the meeting link and the streamed parts; everyone a new time. People waiting in line are not told.
dash-notice-save-and-tell = Save and tell them
dash-notice-back = Back to the form
dash-notice-emails = The emails
dash-notice-email-to = Email to { $to }

## Who is in the room

dash-representation-invited = Invited
dash-representation-not-shown = not shown
dash-representation-no-answer = No answer
dash-representation-everyone = Everyone counted
dash-representation-chart-label = Bar chart of the counts in the table before it ({ $n } answers)
dash-representation-heading = Who is in the room: { $title }
dash-representation-intro = For each question marked “summarize”, how many of those invited, waiting and confirmed gave each answer, so you can see whether the room represents the field. A person choosing several options counts once for each.
dash-representation-hint = “{ $not_shown }”: fewer than { $min }, or hidden together with such a count so that it cannot be worked out from the total. Counts from 1 to { $below } are never shown, here, in the API or in the file.
dash-representation-none = No question is marked “summarize”. Mark one on the

## Signing in

dash-sign-in-title = Sign in
dash-sign-in-intro = For the organizers of an event. A new organizer gets a link to set a password from
dash-sign-in-password = Password
dash-set-password-title = Set your password
dash-set-password-for = For
dash-set-password-once = This link works once.
dash-set-password-new = New password (at least 10 characters)
dash-set-password-repeat = The same password again
dash-set-password-submit = Set password and sign in

## The site, API tokens and the calendar feed

dash-site-title = Site and privacy notice
dash-site-correct-fields = Nothing was saved: please correct the fields marked below.
dash-site-intro = What every public page and the
dash-site-privacy-notice = privacy notice
dash-site-intro-end = say about who runs this site. Page titles end in its name; the footer line shows under every public page.
dash-site-name = Site name
dash-site-controller = Responsible for the data (controller), e.g. the organizers and their institution
dash-site-contact = Contact for questions about data (an email address or a web page)
dash-site-processors = Services that handle data for you, one per line (optional)
dash-site-processors-hint = For example the mail provider, the hosting, the video meetings.
dash-site-footer = Footer line (organizers, funders)
dash-tokens-the-token = The token
dash-tokens-created = was created. Copy it now: it is shown only this once.
dash-tokens-use-as = Use it as
dash-tokens-with-api = with the JSON API.
dash-tokens-name = Name (what the token is for)
dash-tokens-role = Role (what the token may do)
dash-tokens-role-organizer = organizer: everything on events
dash-tokens-role-check-in = check_in: the door and the participant lists
dash-tokens-role-owner = owner: everything, the team too
dash-tokens-create = Create a token
dash-tokens-revoked-at = revoked { $at }
dash-tokens-live = live
dash-calendar-every-event = Every event, drafts included, in one calendar:
dash-calendar-download = download the feed
dash-calendar-signed-in = while you are signed in.
dash-calendar-subscribe = Subscribe from a calendar app
dash-calendar-subscribe-hint = A calendar app cannot sign in, so it subscribes through a secret link of your own. Anyone who has the link sees your events (titles, times, venues; no participants), so keep it to yourself, and revoke it if it has been shared.
dash-calendar-new-link = Your new link is below. Copy it now into your calendar app (“subscribe to a calendar” or “add calendar from URL”): it is shown only this once.
dash-calendar-live = Your link made on { $at } is live. A new link replaces it.
dash-calendar-make-new = Make a new link
dash-calendar-revoke = Revoke the link
dash-calendar-no-link = You have no live link.
dash-calendar-make = Make a link

## What the dashboard's handlers say: form problems and refusals

dash-not-changed = Not changed
dash-back = Back
dash-event-settings = Event settings
dash-error-required = is required
dash-error-whole-number = must be a whole number
dash-error-date-time = must be a date and time such as 2027-03-15T09:30
dash-error-clock-change = does not exist in { $zone } (a clock change)
dash-error-choose-phase = choose a phase
dash-error-reminder-hours = give whole numbers of hours, separated by commas
dash-error-give-whole-number = give a whole number
dash-error-between = must be between 0 and { $max }
dash-capacity-field-in-person = in-person seats
dash-capacity-field-virtual = virtual seats
# A field's name and what is wrong with it: "The in-person seats must be a whole number."
dash-error-field = The { $field } { $problem }.
dash-upload-unreadable = the form could not be read: { $error }
dash-upload-list-too-long = the list is too long: at most 2 MB
dash-upload-file-too-large = the file is too large: at most 2 MB
dash-upload-not-text = the file is not text (UTF-8): save it as CSV UTF-8
dash-upload-list-unreadable = The list could not be read
dash-upload-file-unreadable = The file could not be read
dash-invite-deadline-problem = The deadline { $problem }.
dash-invite-nobody-to-invite = There is nobody valid to invite.
dash-invite-nothing-sent = Nothing was sent: { $reason }.
dash-done-test = The test was queued to your address only.
dash-done-sent = The issue was queued: one email per confirmed subscriber.
dash-done-queued-again = The email was queued again.
dash-newsletter-cannot-receive = Your sign-in address cannot receive email.
dash-newsletter-gone = This address unsubscribed or was erased since: nothing is sent to it.
dash-newsletter-nothing-imported = Nothing imported
dash-newsletter-file-empty = The file is empty, or no file was chosen: nothing was changed.
dash-team-address-problem = The address { $problem }.
dash-role-problem = The role { $problem }.
dash-team-needs-owner = The team needs an owner: make someone else an owner first. Nothing was changed.
dash-tokens-name-problem = The name { $problem }.
dash-tokens-beyond-role = A token cannot do more than the organizer who makes it. Nothing was changed.
dash-sign-in-expired = This form has expired. Please sign in again.
dash-sign-in-too-many = Too many failed attempts from your address. Please wait a minute and try again.
dash-sign-in-wrong = The email address or the password is not right.
dash-sign-in-dead-link = The link is unknown, already used or expired. Ask for a new one with `registrar organizer add EMAIL`.
dash-registrations-deadline-problem = The new deadline { $problem }.
dash-go-back = Go back to the previous page to try something else.
# $mode: in_person or virtual.
dash-notice-to-confirmed = { $mode ->
    [in_person] Confirmed participants in person
   *[virtual] Confirmed participants virtually
}
dash-notice-to-invited = { $mode ->
    [in_person] Invitees and people offered a seat in person
   *[virtual] Invitees and people offered a seat virtually
}
dash-programme-start-problem = the start { $problem }
dash-programme-end-problem = the end { $problem }
dash-questions-kind-problem = the kind { $problem }
dash-refused-expired-title = This form has expired
dash-refused-expired = Nothing was changed. Please go back, reload the page and try again.
dash-refused-role-title = Not open to your role
dash-refused-role = Your role on the team does not include this page, and nothing was changed. The check-in page and the participant lists of the events are open to you; an owner of the team can give you another role.
dash-refused-busy-title = Please try again
dash-refused-busy = The service is busy or briefly unavailable. Please try again in a moment.
dash-not-sent = Not sent
# What was looked for ($what): event or registration.
dash-not-found = { $what ->
    [event] event not found
    [registration] registration not found
   *[other] { $what } not found
}
dash-check-in-refused = Not checked in
dash-newsletter-not-sent-again = Not sent again
dash-sign-in-dead-link-title = This link does not work

# The error answers of the JSON API: `message`, and the field messages of `fields`, which
# follow the field's name ("email": "is required"). They start in lower case and end
# without a full stop. A `$mode` is `in_person` or `virtual`.

## Whole answers

api-malformed-unreadable = the request body could not be read: { $detail }
# The answer to an accepted join or sign-up (202).
api-join-accepted = Thank you. Please check your inbox: we have sent you a link to confirm your address.
api-subscribe-accepted = Check your inbox: the subscription starts once the address is confirmed.
api-malformed-json = the body is not valid JSON: { $detail }
api-unauthorized = an organizer API token is required (Authorization: Bearer <token>)
api-forbidden = a token with the role { $role } may not do this
api-not-found = { $what ->
    [event] event not found
    [registration] registration not found
    [token] token not found
    [email] email not found
    [issue] issue not found
    [route] route not found
   *[other] { $what } not found
}
api-too-large = the request body is too large
api-validation-failed = validation failed: { $fields }
api-internal = something went wrong on our side; it has been logged
api-unavailable = the database is unavailable; try again shortly
api-rate-limited = too many requests from your address; try again in { $seconds } s
rate-limited-page-title = Too many requests
rate-limited-page = Too many requests came from your address. Please wait { $seconds } seconds and try again.
api-email-not-pending = the email is { $status }, not pending: there is nothing to retry
api-token-revoked = the token was revoked before

## Refusals (409): what the state of things does not allow

api-refused-not-active = this registration is not active
api-refused-no-seat = { $mode ->
    [in_person] no in-person seat is free
   *[virtual] no virtual seat is free
}
api-refused-started = the event has already started
api-refused-not-open = registration for this event has not opened
api-refused-closed = registration for this event is closed
api-refused-too-few-seats = only { $free } { $mode } seat(s) are free for { $wanted } invitation(s)
api-refused-offer-is-for = { $mode ->
    [in_person] the offer is for an in-person seat
   *[virtual] the offer is for a virtual seat
}
api-refused-already-confirmed = the seat is already confirmed
api-refused-nothing-offered = no seat has been offered yet
api-refused-nothing-to-decline = there is no invitation or offer to decline
api-refused-given-by-organizers = { $mode ->
    [in_person] in-person seats are given by the organizers for now: you can wait for one
   *[virtual] virtual seats are given by the organizers for now: you can wait for one
}
api-refused-others-waiting = { $mode ->
    [in_person] others are waiting for an in-person seat
   *[virtual] others are waiting for a virtual seat
}
api-refused-switch-needs-seat = only a confirmed seat can be switched
api-refused-already-in = { $mode ->
    [in_person] the seat is already in person
   *[virtual] the seat is already virtually
}
api-refused-wait-needs-seat = only a confirmed participant can wait for the other mode
api-refused-already-waiting = already waiting for that mode
api-refused-not-waiting = not waiting for the other mode
api-refused-attend-virtually-needs-line = only a person waiting for an in-person seat can attend virtually meanwhile
api-refused-virtual-not-open = virtual registration is not open
api-refused-deadline-past = the deadline must be in the future
api-refused-reconfirm-needs-seat = only a confirmed in-person participant is asked to reconfirm
api-refused-nothing-to-reconfirm = nothing is waiting for a reconfirmation
api-refused-promote-needs-line = only an entry waiting in line can be promoted
api-refused-no-deadline = only an invitation, an offer or a pending reconfirmation has a deadline
api-refused-priority-needs-line = only an entry waiting in line has a priority
api-refused-lapsed = the deadline to answer has passed
api-refused-email-not-confirmed = the email address is not confirmed yet
api-refused-ended = this registration has ended
api-refused-check-in-needs-seat = only a confirmed participant can be checked in; this registration is { $status }
api-refused-nothing-to-send-again = only an open invitation or offer can be sent again

## Field messages (422)

api-problem-required = is required
api-problem-unknown-field = is not a field of this request
api-problem-email = is not a valid email address
api-problem-email-domain = must be at a domain name, not an IP address
api-problem-at-most = must be at most { $max } characters
api-problem-at-least = must be at least { $min } characters
api-problem-length = must be { $min } to { $max } characters
api-problem-one-line = must be 1 to { $max } characters on one line
api-problem-one-line-of = must be one line of 1 to { $max } characters
api-problem-wrong-length = has the wrong length
api-problem-between = must be between { $min } and { $max }
api-problem-at-least-number = must be at least { $min }
api-problem-at-most-number = must be at most { $max }
api-problem-out-of-range = is out of range
api-problem-url = must be a URL such as https://meet.example.org/room
api-problem-invalid = is invalid ({ $rule })
api-problem-control-characters = must not contain control characters
api-problem-reorder = must not contain characters that reorder the text around them
api-problem-visible = must hold at least one visible character
api-problem-consent-join = you must agree to the privacy notice to join
api-problem-consent-sign-up = you must agree to the privacy notice to sign up
api-problem-one-of = must be one of: { $options }
api-problem-slug = may hold only lowercase letters, digits and inner dashes
api-problem-slug-reserved = is a word the site's own addresses use; choose another
api-problem-time-zone = is not an IANA time zone name such as Europe/Amsterdam
api-problem-future = must be in the future
api-problem-group = choose whom to write to
api-problem-not-a-question = is not a question of this event
api-problem-single-text = must be a single text, not a list
api-problem-list-of-options = must be a list of options
api-problem-invitees = must list 1 to 5000 people
api-problem-twice = { $value } appears more than once
api-problem-unknown-variant = unknown variant `{ $value }`, expected { $expected }
api-problem-invalid-type = invalid type: { $found }, expected { $expected }
api-problem-invalid-value = invalid value: { $found }, expected { $expected }

# The emails: to participants about their registration, to newsletter subscribers, and
# to people invited to the organizer team. `$mode` is `in-person` or `virtual`; `$until`,
# `$starts`, `$from` and `$to` are dates already written with `date-time-long`.

## The frame every email shares.

mail-greeting = Hello,
mail-greeting-name = Dear { $name },
mail-closing =
    Kind regards,
    The organizers of { $title }
mail-closing-plain =
    Kind regards,
    The organizers
mail-footer-personal = This link is personal: please do not forward this email. You receive it because this address was registered for the event.
mail-button-fallback = If the button does not work, open this address:

## Dates and the facts block.

mail-moment = { $at } ({ $zone })
mail-span-one-day = { $start } to { $end } ({ $zone })
mail-span = { $start } to { $end }
mail-fact-when = When
mail-fact-where = Where
mail-fact-online = Online
mail-fact-answer-by = Answer by
mail-meeting-link-later = the meeting link will be on your personal page
mail-seat-in-person = a seat in the room
mail-seat-virtual = a virtual seat

## Actions: the button of each email.

mail-action-confirm-address = Confirm my address
mail-action-open-registration = Open my registration
mail-action-answer-invitation = Answer the invitation
mail-action-see-registration = See my registration
mail-action-see-place = See my place in line
mail-action-answer-offer = Accept or decline the seat
mail-action-answer-now = Answer now

## Subjects.

mail-subject-confirm-address = Please confirm your address for { $title }
mail-subject-link-again = Your registration link for { $title }
mail-subject-invitation = You are invited to { $title }: please answer by { $until }
mail-subject-confirmation = You have a seat at { $title }
mail-subject-waiting-list = You are on the waiting list for { $title }
mail-subject-seat-offer = A seat is free for you until { $until }
mail-subject-lapsed = The seat held for you at { $title } has gone to the next person
mail-subject-cancellation = Your registration for { $title } is cancelled
mail-subject-mode-changed = You now attend { $title } { $mode ->
    [virtual] virtually
   *[in-person] in person
}
mail-subject-reminder = Reminder: { $title } starts { $starts }
mail-subject-answer-reminder = Please answer by { $until }: your seat at { $title }
mail-subject-reconfirmation = Are you still coming to { $title }? Please answer by { $until }
mail-subject-reconfirmation-lapsed = Your seat at { $title } has gone to the next person

## What each email says.

mail-confirm-address-thanks = Thank you for your interest in { $title }.
mail-confirm-address-how = Please confirm your email address with the link below. Your place counts from the moment you confirm.
mail-confirm-address-ignore = If you did not ask for this, you can ignore this email: nothing happens until the link is opened.
mail-link-again-asked = Someone, probably you, asked for your registration for { $title } again.
mail-link-again-page = Your personal page shows your status and what you can do.
mail-invitation-invited = We are pleased to invite you to { $title }.
mail-invitation-held = We are holding { $seat } for you until { $until }. On your personal page you can accept (in person or virtually, as seats allow) or decline.
mail-invitation-decline = If you cannot come, please decline, so that the seat can go to someone else.
mail-confirmation-confirmed = Your registration is confirmed: you have { $seat } at { $title }.
mail-confirmation-calendar = The attached calendar file puts the event in your calendar. If your plans change, please cancel on your personal page, so that the seat can go to someone else.
mail-waiting-list-confirmed = Your address is confirmed and you are on the waiting list for { $title }.
mail-waiting-list-position = Your place in line is { $position }.
mail-waiting-list-how = When a seat frees up, we offer it to the next person in line by email, with a deadline to accept.
mail-waiting-list-page = Your personal page always shows your current place.
mail-seat-offer-free = Good news: { $seat } at { $title } is free for you.
mail-seat-offer-deadline = Please accept it by { $until }; after that it goes to the next person in line.
mail-lapsed-passed = The deadline to answer for { $seat } at { $title } has passed, so the seat has been passed on.
mail-join-again = You can join the waiting list again from the event page at any time.
mail-cancellation-cancelled = Your registration for { $title } is cancelled, and any seat you held has gone to the next person in line.
mail-cancellation-again = You are welcome to register again from the event page.
mail-mode-changed-now = Your seat at { $title } is now { $seat }.
mail-calendar-replaces = The attached calendar file replaces the one you had.
mail-reminder-starts = A reminder: { $title } starts on { $starts }, and you have { $seat }.
mail-reminder-cancel = If you cannot come after all, please cancel on your personal page, so that the seat can go to the next person in line.
mail-answer-reminder-held = We are still holding { $seat } at { $title } for you, until { $until }.
mail-answer-reminder-how = Please accept or decline on your personal page. If we hear nothing by then, the seat goes to the next person in line.
mail-reconfirmation-coming = { $title } starts on { $starts }, and you have { $seat }. Are you still coming?
mail-reconfirmation-how = Please answer on your personal page by { $until }: "yes, I'm coming" keeps your seat; "no, free my seat" gives it to the next person in line. If we hear nothing by then, the seat goes to the next person in line.
mail-reconfirmation-lapsed-gone = We asked whether you are still coming to { $title } and heard nothing by the deadline, so { $seat } we held for you has gone to the next person in line.

## The programme, in the emails that give or move a seat.

mail-streamed = (streamed)
mail-programme-none-streamed = No part of the programme is streamed yet; your personal page will show it when one is.
mail-programme-streamed-parts = You can follow the parts of the programme that are streamed ({ $zone }):
mail-programme-all-parts = The programme ({ $zone }); the parts marked streamed can also be followed online:

## The email that says what changed in an event.

mail-changed-subject = { $title } has changed
mail-changed-subject-one = { $title } has changed: { $topic }
mail-changed-subject-many = { $title } has changed: { $topics } and { $last }
mail-topic-time = time
mail-topic-venue = venue
mail-topic-meeting-link = meeting link
mail-topic-programme = programme
mail-change-none = (none)
mail-change-starts = Starts: { $from } → { $to }
mail-change-ends = Ends: { $from } → { $to }
mail-change-venue = Venue: { $from } → { $to }
mail-change-meeting-link = Meeting link: { $from } → { $to }
mail-change-part-added = Added to the programme: { $part }, { $when }
mail-change-part-removed = Removed from the programme: { $part }, { $when }
mail-change-now-streamed = now streamed
mail-change-no-longer-streamed = no longer streamed
mail-changed-intro = The organizers have changed { $title }. What changed for you (times in { $zone }):
mail-changed-keep = You keep { $seat }. The attached calendar file replaces the one you had. If you cannot come now, please cancel on your personal page, so that the seat can go to someone else.
mail-changed-held = We are still holding { $seat } for you: please accept or decline on your personal page.

## The check-in code added to a confirmation of a seat in the room.

mail-qr-show = At the door, show the QR code of this email (or of your personal page).
mail-qr-link-label = Your check-in code at the door opens
mail-qr-show-html = At the door, show this code (it is on your personal page too):

## The newsletter emails.

mail-newsletter-confirm-subject = Please confirm your subscription to our event news
mail-newsletter-confirm-thanks = Thank you for signing up for news about our workshops and webinars.
mail-newsletter-confirm-how = Please confirm your address with the link below; until then we send you nothing else. If you did not sign up, ignore this email: an address not confirmed within { $days ->
    [one] { $days } day
   *[other] { $days } days
} is deleted.
mail-newsletter-confirm-action = Confirm my subscription
mail-newsletter-confirm-footer = You receive this email because this address was signed up for our event news, on our sign-up page or by our organizers from a list.
mail-newsletter-unsubscribed-subject = You are unsubscribed from our event news
mail-newsletter-unsubscribed-off = You will receive no more news about our events: your address is off the list, and kept only so that no list we import signs it up again.
mail-newsletter-unsubscribed-mistake = If this was a mistake, you can sign up again at any time.
mail-newsletter-unsubscribed-action = Sign up again
mail-newsletter-unsubscribed-footer = You receive this email because this address was entered on our sign-up page.
mail-newsletter-unsubscribe = Unsubscribe

## An organizer's message to participants.

mail-message-name-sample = (name of the participant)
mail-message-link-sample = (their personal link)
mail-message-registration = Your registration for { $title }:
mail-message-personal = This link is personal: please do not forward it.

## The invitation to the organizer team.

mail-team-subject = You are invited to the organizers of { $site }
mail-team-invited = { $inviter } invited you to the organizer team of { $site }, as { $role }.
mail-team-role-owner = owner (everything, the team too)
mail-team-role-organizer = organizer (everything on events)
mail-team-role-check-in = check-in helper (the check-in page and the participant lists)
mail-team-link = Set your password with this link; it works once, for { $days ->
    [one] { $days } day
   *[other] { $days } days
}:
mail-team-action = Set my password
mail-team-ignore = If you did not expect this, ignore this email: nothing happens without the link.

# The languages of events and emails, as the organizer dashboard chooses them.

language-event-label = Language of the event's content (optional)
language-event-none = Not named
language-event-hint = The pages of the event declare it on the title, description, venue, programme and questions, as written; invitations that name no language are sent in it.
language-invite-label = Language of the invitation emails
language-invite-event = The event's language ({ $language })
language-invite-english = English (the event names no language)
language-invite-list-hint = A column headed language (or a fifth field: { $tags }) names the language of each person's emails; left empty, the language chosen when sending is used.
language-invite-fifth-field = A fifth field, when there is one, is the person's language.
# The invitation preview: the column of each person's language, and what it says when
# the row names none.
language-invite-col = Language
language-invite-col-default = as chosen below
language-invite-refused = Nothing was sent: the language of the invitations { $problem }.
