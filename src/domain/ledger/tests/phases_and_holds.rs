//! Phases, and invitations and offers holding seats until their deadlines.

use super::*;

// ----- phases ---------------------------------------------------------------------------

#[test]
fn invite_only_keeps_free_seats_with_the_organizers() {
    for phase in [Phase::InviteOnly, Phase::Draft] {
        let mut l = ledger(
            rules(phase, 1, Some(0)),
            [
                confirmed(1, Mode::InPerson),
                waiting(2, Preference::InPerson, 0),
                waiting(3, Preference::InPerson, 1),
            ],
        );
        l.cancel(1, hours(1)).unwrap();
        l.settle(hours(2));
        assert_eq!(status(&l, 2), Some(Status::Waitlisted), "{phase}");
        assert_eq!(l.seats(Mode::InPerson).free, Some(1));
        assert!(offers(&happenings(&mut l)).is_empty());

        // The organizers hand it out by hand, in any order.
        l.promote_now(3, hours(2)).unwrap();
        assert_eq!(status(&l, 3), Some(Status::Offered));
        assert_eq!(status(&l, 2), Some(Status::Waitlisted));
        let happenings = happenings(&mut l);
        assert_eq!(happenings.len(), 1);
        assert!(!happenings[0].by_system);
    }
}

#[test]
fn opening_registration_hands_free_seats_to_the_line() {
    let mut l = ledger(
        rules(Phase::InviteOnly, 2, Some(0)),
        [
            waiting(1, Preference::InPerson, 0),
            waiting(2, Preference::InPerson, 1),
            waiting(3, Preference::InPerson, 2),
        ],
    );
    l.set_rules(open(2, 0), hours(3));
    assert_eq!(status(&l, 1), Some(Status::Offered));
    assert_eq!(status(&l, 2), Some(Status::Offered));
    assert_eq!(line_ids(&l), [3]);
    assert!(happenings(&mut l).iter().all(|h| h.by_system));
}

#[test]
fn closing_still_hands_freed_seats_to_the_line() {
    let mut l = ledger(
        rules(Phase::Closed, 1, Some(0)),
        [
            confirmed(1, Mode::InPerson),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.cancel(1, hours(1)).unwrap();
    assert_eq!(status(&l, 2), Some(Status::Offered));
    assert_eq!(
        offers(&happenings(&mut l)),
        [(2, Mode::InPerson, hours(1 + WINDOW))]
    );
}

#[test]
fn nothing_is_offered_once_the_event_has_started() {
    let mut l = ledger(
        open(2, 1),
        [
            confirmed(1, Mode::InPerson),
            waiting(2, Preference::InPerson, 0),
            confirmed_waiting(3, Mode::Virtual, 1),
            invited(4, Mode::InPerson, STARTS + 1),
        ],
    );
    let started = hours(STARTS);
    l.cancel(1, started).unwrap();
    l.set_rules(open(5, 5), started);
    l.settle(hours(STARTS + 2)); // the invitation lapses
    assert_eq!(status(&l, 4), None);
    assert_eq!(status(&l, 2), Some(Status::Waitlisted));
    assert_eq!(line_ids(&l), [2, 3]);
    assert!(offers(&happenings(&mut l)).is_empty());

    assert_refused(&mut l, Refusal::Started, |l| {
        l.place(5, Preference::Either, started)
    });
    assert_refused(&mut l, Refusal::Started, |l| l.promote_now(2, started));
}

#[test]
fn auto_confirm_gives_the_seat_directly() {
    let mut l = ledger(
        auto_confirmed(open(1, 0)),
        [
            confirmed(1, Mode::InPerson),
            waiting(2, Preference::Either, 0),
        ],
    );
    l.cancel(1, hours(1)).unwrap();
    let e = l.entry(2).unwrap();
    assert_eq!(
        (e.status, e.mode, e.hold_until, e.line_since),
        (Status::Confirmed, Some(Mode::InPerson), None, None)
    );
    let happenings = happenings(&mut l);
    let given = happenings.iter().find(|h| h.registration_id == 2).unwrap();
    assert!(given.by_system);
    assert_eq!(
        given.notice,
        Some(Notice::Confirmation {
            mode: Mode::InPerson
        })
    );
    assert_eq!(l.next_deadline(), None);
}

// ----- holds: invitations and offers ----------------------------------------------------

#[test]
fn an_invitation_holds_a_seat_until_its_deadline() {
    let mut l = ledger(open(1, 0), []);
    l.invite(1, None, Mode::InPerson, hours(10), hours(0))
        .unwrap();
    assert_eq!(status(&l, 1), Some(Status::Invited));
    assert_eq!(held(&l, Mode::InPerson), 1);
    assert_eq!(l.next_deadline(), Some(hours(10)));
    let happenings = happenings(&mut l);
    assert_eq!(
        happenings[0].notice,
        Some(Notice::Invitation {
            mode: Mode::InPerson,
            until: hours(10)
        })
    );
    assert_refused(&mut l, Refusal::NoSeat(Mode::InPerson), |l| {
        l.invite(2, None, Mode::InPerson, hours(10), hours(0))
    });
}

#[test]
fn a_hold_keeps_its_seat_until_its_deadline() {
    let mut l = ledger(
        open(1, 0),
        [
            invited(1, Mode::InPerson, 10),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.settle(hours(9));
    assert!(!l.has_changes());
    assert_eq!(status(&l, 1), Some(Status::Invited));
    assert_eq!(status(&l, 2), Some(Status::Waitlisted));
}

#[test]
fn a_lapsed_hold_never_blocks_anyone() {
    let mut l = ledger(
        open(1, 0),
        [
            invited(1, Mode::InPerson, 10),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.settle(hours(10));
    assert_eq!(status(&l, 1), None);
    assert_eq!(status(&l, 2), Some(Status::Offered));
    let (happenings, changed) = l.take_changes();
    let lapsed = &happenings[0];
    assert_eq!(
        (
            lapsed.registration_id,
            lapsed.from,
            lapsed.to,
            lapsed.by_system
        ),
        (1, Some(Status::Invited), Status::Expired, true)
    );
    assert_eq!(
        lapsed.notice,
        Some(Notice::Lapsed {
            mode: Mode::InPerson
        })
    );
    assert_eq!(
        offers(&happenings),
        [(2, Mode::InPerson, hours(10 + WINDOW))]
    );
    assert!(changed
        .iter()
        .any(|e| e.id == 1 && e.status == Status::Expired));

    // A newcomer is not blocked by a lapsed offer either.
    let mut l = ledger(open(1, 0), [offered(1, Mode::InPerson, 10)]);
    l.settle(hours(11));
    l.place(2, Preference::InPerson, hours(11)).unwrap();
    assert_eq!(status(&l, 2), Some(Status::Confirmed));
}

#[test]
fn an_offer_holds_the_seat_for_the_offer_window() {
    let mut l = ledger(
        open(1, 0),
        [
            confirmed(1, Mode::InPerson),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.cancel(1, hours(1)).unwrap();
    let e = l.entry(2).unwrap();
    assert_eq!(
        (e.status, e.mode, e.hold_until, e.line_since),
        (
            Status::Offered,
            Some(Mode::InPerson),
            Some(hours(1 + WINDOW)),
            None
        )
    );
    assert_eq!(l.next_deadline(), Some(hours(1 + WINDOW)));
    assert_eq!(held(&l, Mode::InPerson), 1);
}

#[test]
fn accepting_an_offer_confirms_the_seat_of_its_mode_only() {
    let mut l = ledger(open(1, 1), [offered(1, Mode::InPerson, 10)]);
    assert_refused(&mut l, any_not_allowed(), |l| {
        l.accept(1, Some(Mode::Virtual), hours(1))
    });
    l.accept(1, None, hours(1)).unwrap();
    let e = l.entry(1).unwrap();
    assert_eq!(
        (e.status, e.mode, e.hold_until),
        (Status::Confirmed, Some(Mode::InPerson), None)
    );
    assert_eq!(l.next_deadline(), None);
    assert_refused(&mut l, any_not_allowed(), |l| l.accept(1, None, hours(1)));
}

#[test]
fn declining_or_letting_an_offer_lapse_passes_the_seat_on() {
    let mut l = ledger(
        open(1, 0),
        [
            offered(1, Mode::InPerson, 10),
            waiting(2, Preference::InPerson, 0),
            waiting(3, Preference::InPerson, 1),
        ],
    );
    l.decline(1, hours(1)).unwrap();
    assert_eq!(status(&l, 1), None);
    assert_eq!(status(&l, 2), Some(Status::Offered));
    l.take_changes();
    l.settle(hours(1 + WINDOW));
    assert_eq!(status(&l, 2), None);
    assert_eq!(status(&l, 3), Some(Status::Offered));
    assert_eq!(
        offers(&happenings(&mut l)),
        [(3, Mode::InPerson, hours(1 + 2 * WINDOW))]
    );
}

#[test]
fn an_invitation_may_be_accepted_in_the_other_mode_when_a_seat_of_it_is_free() {
    let mut l = ledger(
        open(1, 1),
        [
            invited(1, Mode::InPerson, 10),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.accept(1, Some(Mode::Virtual), hours(1)).unwrap();
    assert_eq!(mode(&l, 1), Some(Mode::Virtual));
    assert_eq!(status(&l, 1), Some(Status::Confirmed));
    // The in-person seat it held goes to the line.
    assert_eq!(status(&l, 2), Some(Status::Offered));

    let mut l = ledger(
        open(1, 1),
        [invited(1, Mode::InPerson, 10), confirmed(2, Mode::Virtual)],
    );
    assert_refused(&mut l, Refusal::NoSeat(Mode::Virtual), |l| {
        l.accept(1, Some(Mode::Virtual), hours(1))
    });
}

#[test]
fn a_deadline_can_be_moved_to_any_future_time() {
    let mut l = ledger(
        open(1, 1),
        [invited(1, Mode::InPerson, 10), confirmed(2, Mode::Virtual)],
    );
    l.set_hold(1, hours(20), hours(1)).unwrap();
    assert_eq!(l.next_deadline(), Some(hours(20)));
    l.settle(hours(15));
    assert_eq!(status(&l, 1), Some(Status::Invited));
    l.set_hold(1, hours(16), hours(15)).unwrap();
    assert_eq!(l.next_deadline(), Some(hours(16)));
    assert_refused(&mut l, any_not_allowed(), |l| {
        l.set_hold(1, hours(15), hours(15))
    });
    assert_refused(&mut l, any_not_allowed(), |l| {
        l.set_hold(2, hours(30), hours(15))
    });
}

#[test]
fn revoking_frees_the_seat_for_the_next_in_line() {
    let mut l = ledger(
        open(1, 0),
        [
            invited(1, Mode::InPerson, 10),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.revoke(1, hours(1)).unwrap();
    assert_eq!(status(&l, 2), Some(Status::Offered));
    let (happenings, changed) = l.take_changes();
    assert_eq!(happenings[0].to, Status::Revoked);
    assert_eq!(happenings[0].notice, Some(Notice::Cancellation));
    assert!(!happenings[0].by_system);
    assert!(changed
        .iter()
        .any(|e| e.id == 1 && e.status == Status::Revoked));
}

#[test]
fn the_next_deadline_is_the_earliest_hold() {
    let l = ledger(
        open(5, 5),
        [
            invited(1, Mode::InPerson, 30),
            offered(2, Mode::Virtual, 20),
            confirmed_offered_other(3, Mode::Virtual, 25),
        ],
    );
    assert_eq!(l.next_deadline(), Some(hours(20)));
}

#[test]
fn invitations_go_out_all_together_or_not_at_all() {
    let mut l = ledger(open(2, 1), [confirmed(1, Mode::InPerson)]);
    let until = hours(WINDOW);
    let too_many = [
        (2, None, Mode::InPerson),
        (3, None, Mode::InPerson),
        (4, None, Mode::Virtual),
    ];
    assert_eq!(
        l.invite_all(&too_many, until, hours(0)),
        Err(Refusal::TooFewSeats {
            mode: Mode::InPerson,
            free: 1,
            wanted: 2
        })
    );
    assert_eq!(held(&l, Mode::InPerson), 1, "nobody was invited");
    assert!(!l.has_changes());
    l.invite_all(&too_many[1..], until, hours(0)).unwrap();
    assert_eq!(status(&l, 3), Some(Status::Invited));
    assert_eq!(status(&l, 4), Some(Status::Invited));
}

#[test]
fn a_preview_of_new_rules_says_who_would_get_a_seat_and_changes_nothing() {
    let mut l = ledger(
        rules(Phase::InviteOnly, 1, Some(0)),
        [
            waiting(1, Preference::InPerson, 0),
            waiting(2, Preference::InPerson, 1),
        ],
    );
    let before = l.clone();
    let preview = l.preview(open(1, 0), hours(1));
    assert_eq!(offers(&preview).len(), 1);
    assert_eq!(preview[0].registration_id, 1);
    assert_eq!(l, before, "the ledger is as it was");
    assert!(happenings(&mut l).is_empty());
}
