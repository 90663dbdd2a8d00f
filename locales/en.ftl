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
