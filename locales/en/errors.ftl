# The error answers of the JSON API: `message`, and the field messages of `fields`, which
# follow the field's name ("email": "is required"). They start in lower case and end
# without a full stop. A `$mode` is `in_person` or `virtual`.

## Whole answers

api-malformed-unreadable = the request body could not be read: { $detail }
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
