//! Placing newcomers and the order of the line.

use super::*;

// ----- placing newcomers ----------------------------------------------------------------

#[test]
fn either_takes_an_in_person_seat_when_both_are_free() {
    let mut l = ledger(open(1, 1), []);
    l.place(1, Preference::Either, hours(0)).unwrap();
    assert_eq!(status(&l, 1), Some(Status::Confirmed));
    assert_eq!(mode(&l, 1), Some(Mode::InPerson));

    // The same when a seat is handed to the line.
    let mut l = ledger(
        rules(Phase::InviteOnly, 1, Some(1)),
        [waiting(1, Preference::Either, 0)],
    );
    l.set_rules(open(1, 1), hours(1));
    assert_eq!(status(&l, 1), Some(Status::Offered));
    assert_eq!(mode(&l, 1), Some(Mode::InPerson));
    assert_eq!(held(&l, Mode::Virtual), 0);
}

#[test]
fn either_takes_a_virtual_seat_when_only_that_is_free() {
    let mut l = ledger(open(1, 1), [confirmed(1, Mode::InPerson)]);
    l.place(2, Preference::Either, hours(0)).unwrap();
    assert_eq!(status(&l, 2), Some(Status::Confirmed));
    assert_eq!(mode(&l, 2), Some(Mode::Virtual));
}

#[test]
fn a_newcomer_gets_a_free_seat_at_once_when_registration_is_open() {
    let mut l = ledger(open(1, 0), []);
    l.place(1, Preference::InPerson, hours(0)).unwrap();
    assert_eq!(status(&l, 1), Some(Status::Confirmed));
    let happenings = happenings(&mut l);
    assert_eq!(happenings.len(), 1);
    let h = &happenings[0];
    assert_eq!(
        (h.from, h.to, h.by_system),
        (Some(Status::PendingEmail), Status::Confirmed, false)
    );
    assert_eq!(
        h.notice,
        Some(Notice::Confirmation {
            mode: Mode::InPerson
        })
    );
}

#[test]
fn a_newcomer_joins_the_end_of_the_line_when_no_seat_of_their_mode_is_free() {
    let mut l = ledger(open(1, 0), [confirmed(1, Mode::InPerson)]);
    l.place(2, Preference::Virtual, hours(1)).unwrap();
    l.place(3, Preference::Either, hours(2)).unwrap();
    assert_eq!(status(&l, 2), Some(Status::Waitlisted));
    assert_eq!(status(&l, 3), Some(Status::Waitlisted));
    assert_eq!(line_ids(&l), [2, 3]);
    assert_eq!(l.entry(3).unwrap().line_since, Some(hours(2)));
    let happenings = happenings(&mut l);
    assert!(happenings
        .iter()
        .all(|h| h.to == Status::Waitlisted && h.notice == Some(Notice::WaitingListPlace)));
    assert_eq!(l.seats(Mode::InPerson).waiting, 1);
    assert_eq!(l.seats(Mode::Virtual).waiting, 2);
}

#[test]
fn a_newcomer_does_not_jump_the_line() {
    // A seat is free and someone already waits for it (not yet settled): the newcomer
    // queues behind and the seat goes to the one who waited.
    let mut l = ledger(open(1, 0), [waiting(1, Preference::InPerson, 0)]);
    l.place(2, Preference::InPerson, hours(1)).unwrap();
    assert_eq!(status(&l, 1), Some(Status::Offered));
    assert_eq!(status(&l, 2), Some(Status::Waitlisted));
}

#[test]
fn invite_only_and_draft_place_newcomers_in_line_even_with_free_seats() {
    for phase in [Phase::InviteOnly, Phase::Draft] {
        let mut l = ledger(rules(phase, 2, Some(2)), []);
        l.place(1, Preference::Either, hours(0)).unwrap();
        l.settle(hours(1));
        assert_eq!(status(&l, 1), Some(Status::Waitlisted), "{phase}");
        assert_eq!(l.seats(Mode::InPerson).free, Some(2));
    }
}

#[test]
fn a_person_with_an_ended_registration_may_join_again_at_the_end_of_the_line() {
    let mut l = ledger(
        open(0, 0),
        [
            waiting(1, Preference::InPerson, 0),
            waiting(2, Preference::InPerson, 1),
        ],
    );
    l.cancel(1, hours(2)).unwrap();
    assert_eq!(status(&l, 1), None);
    assert_eq!(line_ids(&l), [2]);
    l.place(1, Preference::InPerson, hours(3)).unwrap();
    assert_eq!(line_ids(&l), [2, 1]);
    l.check_indexes();
}

// ----- the line -------------------------------------------------------------------------

#[test]
fn the_line_is_ordered_by_priority_then_time_of_joining() {
    let l = ledger(
        open(0, 0),
        [
            waiting(1, Preference::InPerson, 5),
            waiting(2, Preference::Virtual, 1),
            Entry {
                priority: 1,
                ..waiting(3, Preference::Either, 9)
            },
            confirmed_waiting(4, Mode::Virtual, 3),
        ],
    );
    assert_eq!(line_ids(&l), [3, 2, 4, 1]);
}

#[test]
fn priority_moves_an_entry_up_the_line() {
    let mut l = ledger(
        open(0, 0),
        [
            waiting(1, Preference::InPerson, 0),
            waiting(2, Preference::InPerson, 1),
            waiting(3, Preference::InPerson, 2),
        ],
    );
    l.set_priority(3, 1, hours(3)).unwrap();
    assert_eq!(line_ids(&l), [3, 1, 2]);
    l.set_priority(1, -1, hours(3)).unwrap();
    assert_eq!(line_ids(&l), [3, 2, 1]);
    l.set_rules(open(1, 0), hours(4));
    assert_eq!(status(&l, 3), Some(Status::Offered));
    assert_eq!(line_ids(&l), [2, 1]);
}

#[test]
fn only_an_entry_in_line_has_a_priority() {
    let mut l = ledger(open(1, 0), [confirmed(1, Mode::InPerson)]);
    assert_refused(&mut l, any_not_allowed(), |l| {
        l.set_priority(1, 3, hours(0))
    });
}

#[test]
fn cancelling_a_place_in_line_leaves_the_line() {
    let mut l = ledger(
        open(0, 0),
        [
            waiting(1, Preference::Either, 0),
            waiting(2, Preference::Either, 1),
        ],
    );
    l.cancel(1, hours(2)).unwrap();
    assert_eq!(line_ids(&l), [2]);
    assert_eq!(l.seats(Mode::InPerson).waiting, 1);
    let (happenings, changed) = l.take_changes();
    assert_eq!(happenings[0].notice, Some(Notice::Cancellation));
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].status, Status::Cancelled);
    assert_eq!(changed[0].line_since, None);
}

#[test]
fn places_in_line_count_the_waitlisted_and_those_waiting_for_the_same_mode() {
    let l = ledger(
        open(0, 0),
        [
            waiting(1, Preference::InPerson, 0),
            confirmed_waiting(2, Mode::Virtual, 1),
            waiting(3, Preference::Virtual, 2),
            confirmed_waiting(4, Mode::InPerson, 3),
            waiting(5, Preference::Either, 4),
        ],
    );
    // Waitlisted: their place among the waitlisted.
    assert_eq!(
        [1, 3, 5].map(|id| l.position(id)),
        [Some(1), Some(2), Some(3)]
    );
    // Confirmed and waiting: their place among those who would take that mode.
    assert_eq!(l.position(2), Some(2));
    assert_eq!(l.position(4), Some(2));
    assert_eq!(l.waitlisted_count(), 3);
    assert_eq!(l.line_len(), 5);
    assert_eq!(l.line_rank(4), Some(3));
}

#[test]
fn a_page_of_the_line_starts_at_its_offset() {
    let l = ledger(
        open(0, 0),
        (1..=10).map(|id| waiting(id, Preference::InPerson, 10 - id)),
    );
    let page = |offset, limit| {
        l.line_range(offset, limit)
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(page(0, 3), [10, 9, 8]);
    assert_eq!(page(4, 2), [6, 5]);
    assert_eq!(page(8, 5), [2, 1]);
    assert!(page(10, 5).is_empty());
    assert_eq!(l.line_rank(10), Some(0));
    assert_eq!(l.line_rank(1), Some(9));
}

#[test]
fn a_free_seat_goes_to_the_first_who_would_take_it_past_those_waiting_for_the_other_mode() {
    let mut l = ledger(
        rules(Phase::InviteOnly, 1, Some(0)),
        (1..=50)
            .map(|id| waiting(id, Preference::Virtual, id))
            .chain([waiting(51, Preference::InPerson, 51)])
            .chain([waiting(52, Preference::Either, 52)]),
    );
    l.set_rules(open(1, 0), hours(60));
    assert_eq!(status(&l, 51), Some(Status::Offered));
    assert_eq!(status(&l, 52), Some(Status::Waitlisted));
    assert_eq!(l.position(52), Some(51));
}

#[test]
fn moving_in_line_counts_from_the_priority_the_entry_has_now() {
    let mut l = ledger(
        open(0, 0),
        [
            waiting(1, Preference::InPerson, 0),
            waiting(2, Preference::InPerson, 1),
            waiting(3, Preference::InPerson, 2),
        ],
    );
    l.move_in_line(3, 1, hours(3)).unwrap();
    l.move_in_line(3, 1, hours(3)).unwrap();
    assert_eq!(l.entry(3).map(|e| e.priority), Some(2), "moved up twice");
    l.move_in_line(2, 1, hours(3)).unwrap();
    assert_eq!(line_ids(&l), [3, 2, 1]);
    l.move_in_line(3, -2, hours(3)).unwrap();
    assert_eq!(line_ids(&l), [2, 1, 3]);
    assert_refused(&mut l, Refusal::NotActive, |l| {
        l.move_in_line(9, 1, hours(3))
    });
}

#[test]
fn the_public_may_join_only_while_registration_takes_entries_and_before_the_start() {
    for (phase, admitted) in [
        (Phase::Draft, Err(Refusal::NotOpen)),
        (Phase::InviteOnly, Ok(())),
        (Phase::Open, Ok(())),
        (Phase::Closed, Err(Refusal::Closed)),
    ] {
        let l = ledger(rules(phase, 1, Some(1)), []);
        for preference in Preference::ALL {
            let got = l.admits_entries(*preference, hours(0));
            assert_eq!(got, admitted, "{phase:?} {preference:?}");
        }
    }
    let l = ledger(open(1, 1), []);
    let started = l.admits_entries(Preference::Either, hours(STARTS));
    assert_eq!(started, Err(Refusal::Started));
}
