//! Reconfirmation: a confirmed in-person seat held until the participant answers "are you
//! still coming?", and released to the line when they do not.

use super::*;

/// Confirmed in person and asked to reconfirm by `until`.
fn asked(id: i64, until: i64) -> Entry {
    Entry {
        reconfirm_by: Some(hours(until)),
        ..confirmed(id, Mode::InPerson)
    }
}

#[test]
fn an_unanswered_reconfirmation_frees_the_seat_for_the_next_in_line() {
    let mut l = ledger(
        open(1, 0),
        [
            confirmed(1, Mode::InPerson),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.ask_reconfirmation(1, hours(10), hours(1)).unwrap();
    let asked = happenings(&mut l);
    assert_eq!(
        asked[0].notice,
        Some(Notice::ReconfirmationRequest { until: hours(10) })
    );
    assert_eq!(l.next_deadline(), Some(hours(10)));
    // Until the deadline the seat stays theirs.
    l.settle(hours(9));
    assert_eq!(status(&l, 1), Some(Status::Confirmed));
    assert_eq!(status(&l, 2), Some(Status::Waitlisted));

    l.settle(hours(10));
    assert_eq!(status(&l, 1), None, "the registration ended");
    assert_eq!(status(&l, 2), Some(Status::Offered));
    let happenings = happenings(&mut l);
    let lapsed = happenings.iter().find(|h| h.registration_id == 1).unwrap();
    assert_eq!(lapsed.to, Status::Expired);
    assert!(lapsed.by_system);
    assert_eq!(
        lapsed.notice,
        Some(Notice::ReconfirmationLapsed {
            mode: Mode::InPerson
        })
    );
}

#[test]
fn a_lapsed_reconfirmation_never_blocks_a_newcomer_even_before_a_sweep() {
    let mut l = ledger(open(1, 0), [asked(1, 10)]);
    // No sweep ran at the deadline: the engine settles before the next operation, as
    // before every one.
    l.settle(hours(11));
    l.place(2, Preference::InPerson, hours(11)).unwrap();
    assert_eq!(status(&l, 1), None);
    assert_eq!(status(&l, 2), Some(Status::Confirmed));
}

#[test]
fn answering_keeps_the_seat_with_no_deadline() {
    let mut l = ledger(
        open(1, 0),
        [asked(1, 10), waiting(2, Preference::InPerson, 0)],
    );
    l.reconfirm(1, hours(5)).unwrap();
    assert_eq!(l.entry(1).unwrap().reconfirm_by, None);
    assert_eq!(l.next_deadline(), None);
    l.settle(hours(50));
    assert_eq!(status(&l, 1), Some(Status::Confirmed));
    assert_eq!(status(&l, 2), Some(Status::Waitlisted));
    assert_refused(&mut l, any_not_allowed(), |l| l.reconfirm(1, hours(51)));
}

#[test]
fn only_a_confirmed_in_person_seat_is_asked_and_only_before_the_start() {
    let mut l = ledger(
        open(2, 2),
        [
            confirmed(1, Mode::Virtual),
            invited(2, Mode::InPerson, 40),
            asked(3, 30),
            confirmed(4, Mode::InPerson),
        ],
    );
    for id in [1, 2, 3, 99] {
        let expected = if id == 99 {
            Refusal::NotActive
        } else {
            any_not_allowed()
        };
        assert_refused(&mut l, expected, |l| {
            l.ask_reconfirmation(id, hours(20), hours(1))
        });
    }
    assert_refused(&mut l, any_not_allowed(), |l| {
        l.ask_reconfirmation(4, hours(1), hours(1))
    });
    assert_refused(&mut l, Refusal::Started, |l| {
        l.ask_reconfirmation(4, hours(STARTS + 2), hours(STARTS))
    });
}

#[test]
fn the_organizer_moves_a_reconfirmation_deadline() {
    let mut l = ledger(open(1, 0), [asked(1, 10)]);
    l.set_hold(1, hours(30), hours(2)).unwrap();
    assert_eq!(l.entry(1).unwrap().reconfirm_by, Some(hours(30)));
    assert_eq!(l.next_deadline(), Some(hours(30)));
    l.settle(hours(20));
    assert_eq!(status(&l, 1), Some(Status::Confirmed));
}

#[test]
fn moving_to_a_virtual_seat_drops_the_question() {
    let mut l = ledger(open(1, 1), [asked(1, 10)]);
    l.switch(1, Mode::Virtual, hours(1)).unwrap();
    assert_eq!(mode(&l, 1), Some(Mode::Virtual));
    assert_eq!(l.entry(1).unwrap().reconfirm_by, None);
    assert_eq!(l.next_deadline(), None);
}

#[test]
fn a_waiting_offer_and_a_reconfirmation_lapse_each_on_their_own() {
    // Confirmed in the room, asked to reconfirm by 10, offered a virtual seat until 5.
    let mut l = ledger(
        open(1, 1),
        [Entry {
            reconfirm_by: Some(hours(10)),
            ..confirmed_offered_other(1, Mode::InPerson, 5)
        }],
    );
    l.settle(hours(6));
    let e = l.entry(1).unwrap();
    assert_eq!((e.status, e.wait_for), (Status::Confirmed, None));
    assert_eq!(l.next_deadline(), Some(hours(10)));
    l.settle(hours(10));
    assert_eq!(status(&l, 1), None);
    assert_eq!(held(&l, Mode::InPerson), 0);
    assert_eq!(held(&l, Mode::Virtual), 0);
}
