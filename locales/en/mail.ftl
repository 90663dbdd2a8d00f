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
