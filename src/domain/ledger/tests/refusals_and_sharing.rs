//! Refused operations change nothing; a clone shares the ledger.

use super::*;

// ----- refusals -------------------------------------------------------------------------

#[test]
fn refusals_change_nothing() {
    let mut l = ledger(
        open(2, 2),
        [
            confirmed(1, Mode::InPerson),
            invited(2, Mode::InPerson, 10),
            offered(3, Mode::Virtual, 10),
            waiting(4, Preference::InPerson, 0),
            confirmed_waiting(5, Mode::Virtual, 1),
        ],
    );
    let now = hours(1);
    let not_allowed = any_not_allowed;
    assert_refused(&mut l, Refusal::NotActive, |l| l.accept(99, None, now));
    assert_refused(&mut l, not_allowed(), |l| l.accept(4, None, now));
    assert_refused(&mut l, not_allowed(), |l| l.accept(1, None, now));
    assert_refused(&mut l, not_allowed(), |l| {
        l.accept(3, Some(Mode::InPerson), now)
    });
    assert_refused(&mut l, Refusal::NoSeat(Mode::Virtual), |l| {
        l.accept(2, Some(Mode::Virtual), now)
    });
    assert_refused(&mut l, Refusal::NotActive, |l| l.decline(99, now));
    assert_refused(&mut l, not_allowed(), |l| l.decline(1, now));
    assert_refused(&mut l, not_allowed(), |l| l.decline(4, now));
    assert_refused(&mut l, Refusal::NotActive, |l| l.cancel(99, now));
    assert_refused(&mut l, Refusal::NotActive, |l| l.revoke(99, now));
    assert_refused(&mut l, not_allowed(), |l| l.switch(4, Mode::Virtual, now));
    assert_refused(&mut l, not_allowed(), |l| l.switch(1, Mode::InPerson, now));
    assert_refused(&mut l, Refusal::NoSeat(Mode::Virtual), |l| {
        l.switch(1, Mode::Virtual, now)
    });
    assert_refused(&mut l, not_allowed(), |l| l.wait_for(4, Mode::Virtual, now));
    assert_refused(&mut l, not_allowed(), |l| {
        l.wait_for(1, Mode::InPerson, now)
    });
    assert_refused(&mut l, not_allowed(), |l| {
        l.wait_for(5, Mode::InPerson, now)
    });
    assert_refused(&mut l, not_allowed(), |l| l.leave_wait(1, now));
    assert_refused(&mut l, not_allowed(), |l| l.promote_now(1, now));
    assert_refused(&mut l, Refusal::NoSeat(Mode::InPerson), |l| {
        l.promote_now(4, now)
    });
    assert_refused(&mut l, not_allowed(), |l| l.set_hold(2, now, now));
    assert_refused(&mut l, not_allowed(), |l| l.set_hold(4, hours(5), now));
    assert_refused(&mut l, Refusal::NotActive, |l| {
        l.set_hold(99, hours(5), now)
    });
    assert_refused(&mut l, not_allowed(), |l| l.set_priority(1, 2, now));
    assert_refused(&mut l, not_allowed(), |l| {
        l.invite(6, None, Mode::InPerson, now, now)
    });
    assert_refused(&mut l, Refusal::NoSeat(Mode::Virtual), |l| {
        l.invite(6, None, Mode::Virtual, hours(10), now)
    });
    assert_refused(&mut l, Refusal::Started, |l| {
        l.place(6, Preference::Either, hours(STARTS))
    });
}

#[test]
fn refusals_name_the_problem() {
    assert_eq!(
        Refusal::NoSeat(Mode::InPerson).to_string(),
        "no in-person seat is free"
    );
    assert_eq!(
        Refusal::NoSeat(Mode::Virtual).to_string(),
        "no virtual seat is free"
    );
    assert_eq!(
        Refusal::Started.to_string(),
        "the event has already started"
    );
}

// ----- sharing --------------------------------------------------------------------------

#[test]
fn a_clone_shares_the_ledger_and_changing_it_leaves_the_original_as_it_was() {
    let mut entries: Vec<Entry> = (1..=4).map(|id| confirmed(id, Mode::InPerson)).collect();
    entries.push(offered(5, Mode::Virtual, 10));
    entries.push(confirmed_waiting(6, Mode::Virtual, 0));
    let preference = |id: i64| match id % 3 {
        0 => Preference::Either,
        _ => Preference::InPerson,
    };
    entries.extend((7..=300).map(|id| waiting(id, preference(id), id)));
    let original = ledger(open(4, 2), entries.clone());
    let before = entries_of(&original);
    let line_before = line_ids(&original);
    let places_before: Vec<Option<u32>> = (1..=300).map(|id| original.position(id)).collect();

    let mut copy = original.clone();
    assert!(copy.entries.ptr_eq(&original.entries));
    assert!(copy.line.ptr_eq(&original.line));
    assert!(copy.deadlines.ptr_eq(&original.deadlines));
    assert_eq!(copy, original);

    // Changes of every kind to the copy: the line, seats, holds and deadlines all move.
    copy.place(400, Preference::InPerson, hours(1)).unwrap();
    copy.cancel(1, hours(1)).unwrap();
    copy.accept(6, None, hours(2)).unwrap();
    copy.set_priority(200, 5, hours(2)).unwrap();
    copy.cancel(300, hours(2)).unwrap();
    copy.settle(hours(11));
    copy.check_indexes();
    assert_eq!(status(&copy, 5), None, "the offer lapsed in the copy");
    assert_eq!(
        mode(&copy, 6),
        Some(Mode::InPerson),
        "moved into the freed seat"
    );
    assert_eq!(
        status(&copy, 9),
        Some(Status::Offered),
        "given the seat 6 left"
    );
    assert_eq!(copy.line().next().map(|e| e.id), Some(200));
    assert_ne!(copy, original);

    // The original is as it was, and equal to a ledger built afresh from its entries.
    original.check_indexes();
    assert_eq!(original, Ledger::new(open(4, 2), entries));
    assert_eq!(entries_of(&original), before);
    assert_eq!(line_ids(&original), line_before);
    let places: Vec<Option<u32>> = (1..=300).map(|id| original.position(id)).collect();
    assert_eq!(places, places_before);
    assert_eq!(original.next_deadline(), Some(hours(10)));
    assert_eq!(original.seats(Mode::InPerson).held, 4);
}
