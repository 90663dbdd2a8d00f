//! "Attend virtually while waiting for the room" (SPEC.md, the workshop's own shape): a
//! person waiting for an in-person seat takes a free virtual seat while the virtual phase
//! is open, and keeps their place in the in-person line, exactly like a confirmed virtual
//! participant who waits for the other mode.

use super::*;

fn stream_open(in_person: u32, virtual_seats: u32) -> EventRules {
    virtual_in(
        Phase::Open,
        rules(Phase::InviteOnly, in_person, Some(virtual_seats)),
    )
}

#[test]
fn a_person_waiting_for_the_room_attends_virtually_and_keeps_their_place() {
    let mut l = ledger(
        stream_open(1, 2),
        [
            confirmed(1, Mode::InPerson),
            waiting(2, Preference::InPerson, 0),
            waiting(3, Preference::InPerson, 1),
            waiting(4, Preference::InPerson, 2),
        ],
    );
    let key_before = l.entry(3).map(line_key);
    l.attend_virtually(3, hours(3)).unwrap();
    let entry = l.entry(3).unwrap().clone();
    assert_eq!(entry.status, Status::Confirmed);
    assert_eq!(entry.mode, Some(Mode::Virtual));
    assert_eq!(entry.wait_for, Some(Mode::InPerson));
    assert_eq!(Some(line_key(&entry)), key_before, "the same place in line");
    assert_eq!(line_ids(&l), [2, 3, 4]);
    assert_eq!(
        l.position(3),
        Some(2),
        "second among those waiting for the room"
    );
    assert_eq!(l.position(4), Some(2), "second of the waitlisted");
    assert_eq!(held(&l, Mode::Virtual), 1);
    let happenings = happenings(&mut l);
    assert_eq!(happenings.len(), 1);
    assert_eq!(
        happenings[0].notice,
        Some(Notice::Confirmation {
            mode: Mode::Virtual
        })
    );

    // When the room opens and its seat frees up, it goes to the line in order: the one
    // ahead first, then the virtual participant, who moves and frees the stream seat.
    l.set_rules(virtual_in(Phase::Open, open(1, 2)), hours(4));
    l.cancel(1, hours(4)).unwrap();
    assert_eq!(status(&l, 2), Some(Status::Offered));
    l.decline(2, hours(5)).unwrap();
    let entry = l.entry(3).unwrap();
    assert!(
        entry.wait_offered_until.is_some(),
        "offered the room: {entry:?}"
    );
    l.accept(3, Some(Mode::InPerson), hours(5)).unwrap();
    assert_eq!(mode(&l, 3), Some(Mode::InPerson));
    assert_eq!(held(&l, Mode::Virtual), 0);
}

#[test]
fn attending_virtually_is_refused_when_it_does_not_apply_and_changes_nothing() {
    let entries = [
        waiting(1, Preference::InPerson, 0),
        waiting(2, Preference::Virtual, 1),
        confirmed(3, Mode::Virtual),
        invited(4, Mode::InPerson, 24),
    ];
    // The stream by invitation, or closed: not open.
    for phase in [Phase::InviteOnly, Phase::Closed] {
        let mut l = ledger(
            virtual_in(phase, rules(Phase::InviteOnly, 1, Some(5))),
            entries.clone(),
        );
        assert_refused(&mut l, any_not_allowed(), |l| {
            l.attend_virtually(1, hours(1))
        });
    }
    // No virtual seat free.
    let mut l = ledger(stream_open(1, 1), entries.clone());
    assert_refused(&mut l, Refusal::NoSeat(Mode::Virtual), |l| {
        l.attend_virtually(1, hours(1))
    });
    // Not waiting for the room: waiting for the stream, confirmed, invited, unknown.
    let mut l = ledger(stream_open(1, 5), entries.clone());
    for id in [2, 3, 4] {
        assert_refused(&mut l, any_not_allowed(), |l| {
            l.attend_virtually(id, hours(1))
        });
    }
    assert_refused(&mut l, Refusal::NotActive, |l| {
        l.attend_virtually(9, hours(1))
    });
    // After the start.
    assert_refused(&mut l, Refusal::Started, |l| {
        l.attend_virtually(1, hours(STARTS))
    });
}
