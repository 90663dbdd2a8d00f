//! Seat counts, capacity changes, and moving between modes.

use super::*;

// ----- capacity -------------------------------------------------------------------------

#[test]
fn seats_count_capacity_held_free_and_waiting() {
    let l = ledger(
        rules(Phase::Open, 3, None),
        [
            confirmed(1, Mode::InPerson),
            invited(2, Mode::InPerson, 10),
            confirmed_offered_other(3, Mode::Virtual, 10),
            waiting(4, Preference::Either, 0),
            confirmed_waiting(5, Mode::Virtual, 1),
        ],
    );
    assert_eq!(
        l.seats(Mode::InPerson),
        Seats {
            capacity: Some(3),
            held: 3,
            free: Some(0),
            waiting: 2
        }
    );
    assert_eq!(
        l.seats(Mode::Virtual),
        Seats {
            capacity: None,
            held: 2,
            free: None,
            waiting: 1
        }
    );
}

#[test]
fn unlimited_virtual_seats_never_run_out() {
    let mut l = ledger(rules(Phase::Open, 0, None), []);
    for id in 1..=50 {
        l.place(id, Preference::Either, hours(0)).unwrap();
        assert_eq!(mode(&l, id), Some(Mode::Virtual));
    }
    assert!(l.has_free(Mode::Virtual));
    assert!(!l.has_free(Mode::InPerson));
    assert_eq!(held(&l, Mode::Virtual), 50);
}

#[test]
fn lowering_capacity_bumps_nobody() {
    let mut l = ledger(
        open(3, 0),
        [
            confirmed(1, Mode::InPerson),
            confirmed(2, Mode::InPerson),
            offered(3, Mode::InPerson, 10),
            waiting(4, Preference::InPerson, 0),
        ],
    );
    l.set_rules(open(1, 0), hours(1));
    assert!(happenings(&mut l).is_empty());
    assert_eq!(
        l.seats(Mode::InPerson),
        Seats {
            capacity: Some(1),
            held: 3,
            free: Some(0),
            waiting: 1
        }
    );
    // It only stops new seats: freed seats are not handed on while above capacity.
    l.cancel(1, hours(2)).unwrap();
    assert_eq!(status(&l, 4), Some(Status::Waitlisted));
    l.settle(hours(10));
    assert_eq!(status(&l, 3), None);
    assert_eq!(status(&l, 4), Some(Status::Waitlisted));
    assert_refused(&mut l, Refusal::NoSeat(Mode::InPerson), |l| {
        l.invite(5, None, Mode::InPerson, hours(20), hours(10))
    });
    // Back under capacity, the line moves again.
    l.cancel(2, hours(11)).unwrap();
    assert_eq!(status(&l, 4), Some(Status::Offered));
}

#[test]
fn raising_capacity_offers_seats_in_line_order() {
    let mut l = ledger(
        open(1, 0),
        [
            confirmed(1, Mode::InPerson),
            waiting(2, Preference::InPerson, 3),
            waiting(3, Preference::Either, 1),
            waiting(4, Preference::InPerson, 2),
            waiting(5, Preference::Virtual, 0),
        ],
    );
    l.set_rules(open(3, 1), hours(4));
    let offered: Vec<(i64, Mode)> = offers(&happenings(&mut l))
        .into_iter()
        .map(|(id, mode, _)| (id, mode))
        .collect();
    assert_eq!(
        offered,
        [(5, Mode::Virtual), (3, Mode::InPerson), (4, Mode::InPerson)]
    );
    assert_eq!(line_ids(&l), [2]);
}

// ----- changing mode --------------------------------------------------------------------

#[test]
fn switching_mode_takes_a_free_seat_and_frees_the_old_one() {
    let mut l = ledger(
        open(1, 1),
        [
            confirmed(1, Mode::InPerson),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.switch(1, Mode::Virtual, hours(1)).unwrap();
    assert_eq!(mode(&l, 1), Some(Mode::Virtual));
    assert_eq!(status(&l, 2), Some(Status::Offered));
    let happenings = happenings(&mut l);
    assert_eq!(
        happenings[0].notice,
        Some(Notice::ModeChanged {
            mode: Mode::Virtual
        })
    );
    assert_refused(&mut l, Refusal::NoSeat(Mode::InPerson), |l| {
        l.switch(1, Mode::InPerson, hours(1))
    });
    assert_refused(&mut l, any_not_allowed(), |l| {
        l.switch(1, Mode::Virtual, hours(1))
    });
}

#[test]
fn a_confirmed_participant_waiting_for_the_other_mode_keeps_their_seat() {
    let mut l = ledger(
        open(1, 1),
        [
            confirmed(1, Mode::InPerson),
            confirmed(2, Mode::Virtual),
            waiting(3, Preference::InPerson, 5),
        ],
    );
    l.wait_for(2, Mode::InPerson, hours(1)).unwrap();
    let e = l.entry(2).unwrap();
    assert_eq!(
        (e.status, e.mode, e.wait_for),
        (Status::Confirmed, Some(Mode::Virtual), Some(Mode::InPerson))
    );
    assert_eq!(line_ids(&l), [2, 3]);
    assert_eq!(l.seats(Mode::InPerson).waiting, 2);
    assert_eq!(held(&l, Mode::Virtual), 1);

    // A seat frees up: the offer comes while the virtual seat is kept.
    l.cancel(1, hours(2)).unwrap();
    let e = l.entry(2).unwrap();
    assert_eq!(
        (e.status, e.mode, e.wait_offered_until),
        (
            Status::Confirmed,
            Some(Mode::Virtual),
            Some(hours(2 + WINDOW))
        )
    );
    assert_eq!(held(&l, Mode::InPerson), 1);
    assert_eq!(held(&l, Mode::Virtual), 1);
    assert_eq!(status(&l, 3), Some(Status::Waitlisted));
    assert_eq!(
        offers(&happenings(&mut l)),
        [(2, Mode::InPerson, hours(2 + WINDOW))]
    );
}

#[test]
fn accepting_the_other_mode_frees_the_old_seat_for_the_next_in_line() {
    let mut l = ledger(
        open(1, 1),
        [
            confirmed_offered_other(1, Mode::Virtual, 10),
            waiting(2, Preference::Virtual, 0),
        ],
    );
    l.accept(1, None, hours(1)).unwrap();
    let e = l.entry(1).unwrap();
    assert_eq!(
        (e.status, e.mode, e.wait_for, e.wait_offered_until),
        (Status::Confirmed, Some(Mode::InPerson), None, None)
    );
    assert_eq!(status(&l, 2), Some(Status::Offered));
    assert_eq!(mode(&l, 2), Some(Mode::Virtual));
    let happenings = happenings(&mut l);
    assert_eq!(
        happenings[0].notice,
        Some(Notice::ModeChanged {
            mode: Mode::InPerson
        })
    );
    assert_eq!(offers(&happenings), [(2, Mode::Virtual, hours(1 + WINDOW))]);
}

#[test]
fn switching_into_an_offered_seat_accepts_the_offer() {
    let mut l = ledger(
        open(1, 1),
        [
            confirmed_offered_other(1, Mode::Virtual, 10),
            waiting(2, Preference::Virtual, 0),
        ],
    );
    l.switch(1, Mode::InPerson, hours(1)).unwrap();
    assert_eq!(mode(&l, 1), Some(Mode::InPerson));
    assert_eq!(status(&l, 2), Some(Status::Offered));
}

#[test]
fn declining_that_offer_leaves_them_where_they_were() {
    let mut l = ledger(
        open(1, 1),
        [
            confirmed_offered_other(1, Mode::Virtual, 10),
            waiting(2, Preference::Virtual, 0),
            waiting(3, Preference::InPerson, 1),
        ],
    );
    l.decline(1, hours(1)).unwrap();
    let e = l.entry(1).unwrap();
    assert_eq!(
        (e.status, e.mode, e.wait_for, e.wait_offered_until),
        (Status::Confirmed, Some(Mode::Virtual), None, None)
    );
    assert_eq!(status(&l, 2), Some(Status::Waitlisted));
    // The in-person seat passes on.
    assert_eq!(status(&l, 3), Some(Status::Offered));
    assert_eq!(line_ids(&l), [2]);
}

#[test]
fn letting_that_offer_lapse_leaves_them_where_they_were() {
    let mut l = ledger(
        open(1, 1),
        [
            confirmed_offered_other(1, Mode::Virtual, 10),
            waiting(3, Preference::InPerson, 1),
        ],
    );
    l.settle(hours(10));
    let e = l.entry(1).unwrap();
    assert_eq!(
        (e.status, e.mode, e.wait_for, e.wait_offered_until),
        (Status::Confirmed, Some(Mode::Virtual), None, None)
    );
    assert_eq!(status(&l, 3), Some(Status::Offered));
    let happenings = happenings(&mut l);
    assert_eq!(
        (happenings[0].registration_id, happenings[0].to),
        (1, Status::Confirmed)
    );
    assert_eq!(
        happenings[0].notice,
        Some(Notice::Lapsed {
            mode: Mode::InPerson
        })
    );
}

#[test]
fn leaving_the_wait_gives_back_an_offered_seat() {
    let mut l = ledger(
        open(1, 1),
        [
            confirmed_offered_other(1, Mode::Virtual, 10),
            waiting(2, Preference::InPerson, 0),
        ],
    );
    l.leave_wait(1, hours(1)).unwrap();
    assert_eq!(mode(&l, 1), Some(Mode::Virtual));
    assert_eq!(l.entry(1).unwrap().wait_for, None);
    assert_eq!(status(&l, 2), Some(Status::Offered));
    assert_refused(&mut l, any_not_allowed(), |l| l.leave_wait(1, hours(1)));
}

#[test]
fn auto_confirm_moves_a_waiting_participant_and_hands_on_the_seat_they_leave() {
    let mut l = ledger(
        auto_confirmed(open(1, 1)),
        [
            confirmed(1, Mode::InPerson),
            confirmed_waiting(2, Mode::Virtual, 0),
            waiting(3, Preference::Virtual, 1),
        ],
    );
    l.cancel(1, hours(2)).unwrap();
    assert_eq!(mode(&l, 2), Some(Mode::InPerson));
    assert_eq!(l.entry(2).unwrap().wait_for, None);
    assert_eq!(status(&l, 3), Some(Status::Confirmed));
    assert_eq!(mode(&l, 3), Some(Mode::Virtual));
    assert!(l.line().next().is_none());
}
