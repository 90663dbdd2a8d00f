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
