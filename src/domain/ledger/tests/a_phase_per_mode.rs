//! "A phase per mode" (SPEC.md, the workshop's own shape): `phase` governs the in-person
//! seats and `virtual_phase`, when set, the virtual ones; every rule that names a phase
//! reads the phase of the mode in question.

use super::*;

#[test]
fn the_virtual_phase_follows_the_event_unless_set_and_draft_hides_both() {
    let follows = rules(Phase::InviteOnly, 1, Some(1));
    assert_eq!(follows.phase_of(Mode::Virtual), Phase::InviteOnly);
    assert!(!follows.phases_differ());
    let own = virtual_in(Phase::Open, follows);
    assert_eq!(own.phase_of(Mode::InPerson), Phase::InviteOnly);
    assert_eq!(own.phase_of(Mode::Virtual), Phase::Open);
    assert!(own.phases_differ());
    let hidden = EventRules {
        phase: Phase::Draft,
        ..own
    };
    assert_eq!(hidden.phase_of(Mode::Virtual), Phase::Draft);
}

#[test]
fn a_confirmed_address_takes_a_seat_at_once_only_of_a_mode_whose_phase_is_open() {
    let room_by_invitation = virtual_in(Phase::Open, rules(Phase::InviteOnly, 5, Some(5)));
    let mut l = ledger(room_by_invitation.clone(), []);
    l.place(1, Preference::Virtual, hours(0)).unwrap();
    assert_eq!(status(&l, 1), Some(Status::Confirmed));
    assert_eq!(mode(&l, 1), Some(Mode::Virtual));
    l.place(2, Preference::InPerson, hours(0)).unwrap();
    assert_eq!(
        status(&l, 2),
        Some(Status::Waitlisted),
        "the room is by invitation"
    );
    // `either` takes the seat of the open mode rather than waiting for the room.
    l.place(3, Preference::Either, hours(0)).unwrap();
    assert_eq!(mode(&l, 3), Some(Mode::Virtual));

    let stream_closed = virtual_in(Phase::Closed, open(5, 5));
    let mut l = ledger(stream_closed, []);
    l.place(1, Preference::Virtual, hours(0)).unwrap();
    // A closed phase still hands free seats to the line, so the newcomer joins it and is
    // offered the seat, never given it at once.
    let placed = happenings(&mut l);
    assert_eq!(placed[0].to, Status::Waitlisted, "{placed:?}");
    assert_eq!(status(&l, 1), Some(Status::Offered));
    l.place(2, Preference::InPerson, hours(0)).unwrap();
    assert_eq!(mode(&l, 2), Some(Mode::InPerson));
}

#[test]
fn freed_seats_go_to_the_line_only_in_a_mode_whose_phase_promotes() {
    let mut l = ledger(
        virtual_in(Phase::Open, rules(Phase::InviteOnly, 1, Some(1))),
        [
            confirmed(1, Mode::InPerson),
            confirmed(2, Mode::Virtual),
            waiting(3, Preference::InPerson, 0),
            waiting(4, Preference::Virtual, 1),
        ],
    );
    l.cancel(1, hours(2)).unwrap();
    l.cancel(2, hours(2)).unwrap();
    assert_eq!(
        status(&l, 3),
        Some(Status::Waitlisted),
        "the room stays with the organizers"
    );
    assert_eq!(status(&l, 4), Some(Status::Offered));
    assert_eq!(mode(&l, 4), Some(Mode::Virtual));
    assert_eq!(l.seats(Mode::InPerson).free, Some(1));

    // Opening the room hands its seat on; the stream's phase is left as it is.
    let opened = virtual_in(Phase::Open, rules(Phase::Open, 1, Some(1)));
    l.set_rules(opened, hours(3));
    assert_eq!(status(&l, 3), Some(Status::Offered));
}

#[test]
fn either_waits_for_the_mode_whose_phase_promotes_even_when_the_other_is_free() {
    // A free room seat by invitation is not offered; the first free virtual seat is.
    let mut l = ledger(
        virtual_in(Phase::Open, rules(Phase::InviteOnly, 1, Some(1))),
        [
            confirmed(1, Mode::Virtual),
            waiting(2, Preference::Either, 0),
        ],
    );
    l.settle(hours(1));
    assert_eq!(status(&l, 2), Some(Status::Waitlisted));
    l.cancel(1, hours(2)).unwrap();
    assert_eq!(mode(&l, 2), Some(Mode::Virtual));
}

#[test]
fn the_public_may_join_while_a_mode_they_accept_takes_entries() {
    let stream_only = virtual_in(Phase::Open, rules(Phase::Closed, 1, Some(1)));
    let l = ledger(stream_only, []);
    assert_eq!(l.admits_entries(Preference::Virtual, hours(0)), Ok(()));
    assert_eq!(l.admits_entries(Preference::Either, hours(0)), Ok(()));
    assert_refused(&mut l.clone(), Refusal::Closed, |l| {
        l.admits_entries(Preference::InPerson, hours(0))
    });
    let room_only = virtual_in(Phase::Closed, rules(Phase::InviteOnly, 1, Some(1)));
    let l = ledger(room_only, []);
    assert_eq!(l.admits_entries(Preference::InPerson, hours(0)), Ok(()));
    assert_eq!(
        l.admits_entries(Preference::Virtual, hours(0)),
        Err(Refusal::Closed)
    );
    let hidden = virtual_in(Phase::Open, rules(Phase::Draft, 1, Some(1)));
    let l = ledger(hidden, []);
    assert_eq!(
        l.admits_entries(Preference::Virtual, hours(0)),
        Err(Refusal::NotOpen)
    );
}

#[test]
fn a_preview_of_the_virtual_phase_names_only_the_virtual_seats_it_hands_on() {
    let l = ledger(
        rules(Phase::InviteOnly, 1, Some(1)),
        [
            waiting(1, Preference::InPerson, 0),
            waiting(2, Preference::Virtual, 1),
        ],
    );
    let stream_open = virtual_in(Phase::Open, rules(Phase::InviteOnly, 1, Some(1)));
    let preview = l.preview(stream_open, hours(1));
    assert_eq!(offers(&preview), [(2, Mode::Virtual, hours(1 + WINDOW))]);
    assert_eq!(
        status(&l, 2),
        Some(Status::Waitlisted),
        "a preview changes nothing"
    );
}

#[test]
fn a_participant_moves_into_the_room_at_once_only_while_its_seats_go_to_the_line() {
    // The stream open, the room by invitation with free seats and someone waiting.
    let mut l = ledger(
        virtual_in(Phase::Open, rules(Phase::InviteOnly, 2, Some(5))),
        [
            confirmed(1, Mode::Virtual),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    assert_refused(&mut l, any_not_allowed(), |l| {
        l.switch(1, Mode::InPerson, hours(1))
    });
    // Waiting for a seat of the room is the way in.
    l.wait_for(1, Mode::InPerson, hours(1)).unwrap();
    assert_eq!(l.position(1), Some(2));

    // Once the room is open its free seats go to the line, in order.
    let mut l = ledger(
        virtual_in(Phase::Open, rules(Phase::Open, 2, Some(5))),
        [confirmed(1, Mode::Virtual)],
    );
    l.switch(1, Mode::InPerson, hours(1)).unwrap();
    assert_eq!(mode(&l, 1), Some(Mode::InPerson));
}
