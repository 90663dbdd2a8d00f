//! The rules of SPEC.md ("Registration state machine" and invariants 1-3), one test per
//! rule, and a property test that drives random operations through the ledger the way the
//! engine does (`settle` before every operation) and checks the invariants after each step.

use std::collections::{BTreeMap, BTreeSet};

use chrono::TimeZone;
use proptest::prelude::*;
use proptest::sample::Index;

use super::*;

// ----- helpers --------------------------------------------------------------------------

/// The fixed moment every test time is counted from.
fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 5, 3, 9, 0, 0).unwrap()
}

/// `n` hours after `base`.
fn hours(n: i64) -> DateTime<Utc> {
    base() + Duration::hours(n)
}

/// The event starts a week after `base`.
const STARTS: i64 = 7 * 24;

/// The offer window of `rules`.
const WINDOW: i64 = 48;

fn rules(phase: Phase, in_person: u32, virtual_seats: Option<u32>) -> EventRules {
    EventRules {
        phase,
        in_person_capacity: in_person,
        virtual_capacity: virtual_seats,
        offer_window: Duration::hours(WINDOW),
        auto_confirm: false,
        starts_at: hours(STARTS),
    }
}

fn open(in_person: u32, virtual_seats: u32) -> EventRules {
    rules(Phase::Open, in_person, Some(virtual_seats))
}

fn auto_confirmed(rules: EventRules) -> EventRules {
    EventRules {
        auto_confirm: true,
        ..rules
    }
}

fn entry(id: i64, status: Status) -> Entry {
    Entry {
        id,
        status,
        mode: None,
        preference: Preference::Either,
        hold_until: None,
        priority: 0,
        line_since: None,
        wait_for: None,
        wait_offered_until: None,
    }
}

fn confirmed(id: i64, mode: Mode) -> Entry {
    Entry {
        mode: Some(mode),
        preference: mode.into(),
        ..entry(id, Status::Confirmed)
    }
}

fn invited(id: i64, mode: Mode, until: i64) -> Entry {
    Entry {
        mode: Some(mode),
        preference: mode.into(),
        hold_until: Some(hours(until)),
        ..entry(id, Status::Invited)
    }
}

fn offered(id: i64, mode: Mode, until: i64) -> Entry {
    Entry {
        status: Status::Offered,
        ..invited(id, mode, until)
    }
}

fn waiting(id: i64, preference: Preference, since: i64) -> Entry {
    Entry {
        preference,
        line_since: Some(hours(since)),
        ..entry(id, Status::Waitlisted)
    }
}

/// Confirmed with a seat of `mode`, in line for the other mode since `since`.
fn confirmed_waiting(id: i64, mode: Mode, since: i64) -> Entry {
    Entry {
        wait_for: Some(mode.other()),
        line_since: Some(hours(since)),
        ..confirmed(id, mode)
    }
}

/// Confirmed with a seat of `mode` and offered a seat of the other mode until `until`.
fn confirmed_offered_other(id: i64, mode: Mode, until: i64) -> Entry {
    Entry {
        wait_offered_until: Some(hours(until)),
        ..confirmed_waiting(id, mode, 0)
    }
}

fn ledger(rules: EventRules, entries: impl IntoIterator<Item = Entry>) -> Ledger {
    let ledger = Ledger::new(rules, entries);
    ledger.check_indexes();
    ledger
}

fn status(ledger: &Ledger, id: i64) -> Option<Status> {
    ledger.entry(id).map(|e| e.status)
}

fn mode(ledger: &Ledger, id: i64) -> Option<Mode> {
    ledger.entry(id).and_then(|e| e.mode)
}

fn line_ids(ledger: &Ledger) -> Vec<i64> {
    ledger.line().map(|e| e.id).collect()
}

fn held(ledger: &Ledger, mode: Mode) -> u32 {
    ledger.seats(mode).held
}

/// The happenings since the last call, after checking the kept indexes against a recount.
fn happenings(ledger: &mut Ledger) -> Vec<Happening> {
    ledger.check_indexes();
    ledger.take_changes().0
}

/// The seat offers among `happenings`, as (registration, mode, deadline).
fn offers(happenings: &[Happening]) -> Vec<(i64, Mode, DateTime<Utc>)> {
    happenings
        .iter()
        .filter_map(|h| match h.notice {
            Some(Notice::SeatOffer { mode, until }) => Some((h.registration_id, mode, until)),
            _ => None,
        })
        .collect()
}

fn entries_of(ledger: &Ledger) -> BTreeMap<i64, Entry> {
    ledger.entries().map(|e| (e.id, e.clone())).collect()
}

/// Asserts that `op` is refused like `expected` (any message for `NotAllowed`) and changes
/// nothing. Earlier changes not yet taken are dropped.
fn assert_refused(
    ledger: &mut Ledger,
    expected: Refusal,
    op: impl FnOnce(&mut Ledger) -> Result<(), Refusal>,
) {
    let seats = |l: &Ledger| Mode::ALL.iter().map(|&m| l.seats(m)).collect::<Vec<_>>();
    ledger.take_changes();
    let before = entries_of(ledger);
    let seats_before = seats(ledger);
    let refusal = op(ledger).expect_err("the operation should be refused");
    match expected {
        Refusal::NotAllowed(_) => assert!(
            matches!(refusal, Refusal::NotAllowed(_)),
            "expected NotAllowed, got {refusal:?}"
        ),
        _ => assert_eq!(refusal, expected),
    }
    assert_eq!(entries_of(ledger), before, "a refusal changed entries");
    assert_eq!(seats(ledger), seats_before);
    assert!(!ledger.has_changes(), "a refusal recorded changes");
    let (happenings, changed) = ledger.take_changes();
    assert!(happenings.is_empty() && changed.is_empty());
    ledger.check_indexes();
}

impl Ledger {
    /// Recounts everything plainly from the entries (walks over a sorted `Vec`) and
    /// compares it with what the ledger keeps and answers: seats, the line, places in line,
    /// pages of the line and deadlines; and with a ledger built afresh from the entries.
    fn check_indexes(&self) {
        self.line.assert_well_formed();
        let fresh = Ledger::new(self.rules.clone(), self.entries.values().cloned());
        assert_eq!(fresh.held, self.held, "held seats");
        assert_eq!(fresh.line, self.line, "line");
        assert_eq!(fresh.deadlines, self.deadlines, "deadlines");

        let mut entries: Vec<&Entry> = self.entries.values().collect();
        entries.sort_by_key(|e| e.id);
        let ids = |members: &[&Entry]| members.iter().map(|e| e.id).collect::<Vec<_>>();

        for &mode in Mode::ALL {
            let seats = self.seats(mode);
            let held = entries.iter().filter(|e| holds(e, mode)).count();
            let waiting = entries.iter().filter(|e| waits_for(e, mode)).count();
            assert_eq!(seats.held as usize, held, "{mode} held");
            assert_eq!(seats.waiting as usize, waiting, "{mode} waiting");
        }

        let mut line: Vec<&Entry> = entries.iter().copied().filter(|e| is_in_line(e)).collect();
        line.sort_by_key(|e| line_key(e));
        assert_eq!(
            ids(&self.line().collect::<Vec<_>>()),
            ids(&line),
            "line order"
        );
        assert_eq!(self.line_len(), line.len());
        let waitlisted = line
            .iter()
            .filter(|e| e.status == Status::Waitlisted)
            .count();
        assert_eq!(self.waitlisted_count() as usize, waitlisted);

        // Places: walk the line from the front, counting who stands ahead.
        let mut places = HashMap::new();
        let mut waitlisted_ahead = 0;
        let mut accepting_ahead = HashMap::new();
        for (rank, e) in line.iter().enumerate() {
            if e.status == Status::Waitlisted {
                waitlisted_ahead += 1;
                places.insert(e.id, waitlisted_ahead);
            } else {
                let mode = e.wait_for.expect("confirmed in line waits for a mode");
                places.insert(e.id, accepting_ahead.get(&mode).copied().unwrap_or(0) + 1);
            }
            for &mode in Mode::ALL {
                if waits_for(e, mode) {
                    *accepting_ahead.entry(mode).or_insert(0) += 1;
                }
            }
            assert_eq!(self.line_rank(e.id), Some(rank), "rank of {}", e.id);
        }
        for e in &entries {
            assert_eq!(
                self.position(e.id),
                places.get(&e.id).copied(),
                "place of {}",
                e.id
            );
            if !is_in_line(e) {
                assert_eq!(self.line_rank(e.id), None);
            }
        }
        let everyone: HashSet<i64> = entries.iter().map(|e| e.id).collect();
        let at_once = self.positions(&everyone);
        assert_eq!(at_once, places, "places asked for all at once");

        // Pages of the line, from every place and past the end.
        for offset in 0..=line.len() + 1 {
            for limit in [0, 1, 3, usize::MAX] {
                let page: Vec<&Entry> = self.line_range(offset, limit).collect();
                let plain = line
                    .iter()
                    .skip(offset)
                    .take(limit)
                    .copied()
                    .collect::<Vec<_>>();
                assert_eq!(ids(&page), ids(&plain), "page {offset}+{limit}");
            }
        }

        let deadlines: BTreeSet<(DateTime<Utc>, i64)> = entries
            .iter()
            .filter_map(|e| deadline(e).map(|at| (at, e.id)))
            .collect();
        let kept: BTreeSet<(DateTime<Utc>, i64)> = self.deadlines.iter().copied().collect();
        assert_eq!(kept, deadlines, "deadlines");
        assert_eq!(
            self.next_deadline(),
            deadlines.first().map(|(at, _)| *at),
            "next deadline"
        );
    }
}

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
    assert_refused(&mut l, Refusal::NotAllowed(String::new()), |l| {
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
    assert_refused(&mut l, Refusal::NotAllowed(String::new()), |l| {
        l.accept(1, Some(Mode::Virtual), hours(1))
    });
    l.accept(1, None, hours(1)).unwrap();
    let e = l.entry(1).unwrap();
    assert_eq!(
        (e.status, e.mode, e.hold_until),
        (Status::Confirmed, Some(Mode::InPerson), None)
    );
    assert_eq!(l.next_deadline(), None);
    assert_refused(&mut l, Refusal::NotAllowed(String::new()), |l| {
        l.accept(1, None, hours(1))
    });
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
    assert_refused(&mut l, Refusal::NotAllowed(String::new()), |l| {
        l.set_hold(1, hours(15), hours(15))
    });
    assert_refused(&mut l, Refusal::NotAllowed(String::new()), |l| {
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
    assert_refused(&mut l, Refusal::NotAllowed(String::new()), |l| {
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
    assert_refused(&mut l, Refusal::NotAllowed(String::new()), |l| {
        l.leave_wait(1, hours(1))
    });
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
    let not_allowed = || Refusal::NotAllowed(String::new());
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

// ----- property test --------------------------------------------------------------------

/// Which registration an operation is about: mostly an active one the operation suits
/// (say, one holding an offer for `decline`), sometimes any id ever used (so operations on
/// ended, unknown or unsuitable registrations are tried too).
#[derive(Debug, Clone, Copy)]
struct Target {
    index: Index,
    suited: bool,
}

#[derive(Debug, Clone)]
enum Op {
    /// Time passes by this many hours (then `settle`, like every step).
    Advance(i64),
    Place(Preference),
    /// Places again a registration that ended (a fresh one when none has).
    Rejoin(Index, Preference),
    /// Invites a new person with a deadline this many hours from now.
    Invite(Mode, i64),
    Accept(Target, Option<Mode>),
    Decline(Target),
    Cancel(Target),
    Revoke(Target),
    Switch(Target, Mode),
    /// Joins the line for this mode, or (none) for the other mode than the seat held.
    WaitFor(Target, Option<Mode>),
    LeaveWait(Target),
    PromoteNow(Target),
    /// Moves a deadline to this many hours from now.
    SetHold(Target, i64),
    SetPriority(Target, i32),
    SetRules(EventRules),
}

fn a_mode() -> impl Strategy<Value = Mode> {
    prop::sample::select(Mode::ALL)
}

fn a_preference() -> impl Strategy<Value = Preference> {
    prop::sample::select(Preference::ALL)
}

fn a_target() -> impl Strategy<Value = Target> {
    (any::<Index>(), prop::bool::weighted(0.85))
        .prop_map(|(index, suited)| Target { index, suited })
}

fn some_rules() -> impl Strategy<Value = EventRules> {
    (
        prop::sample::select(Phase::ALL),
        0u32..5,
        prop::option::weighted(0.7, 0u32..5),
        prop::sample::select(vec![1i64, 24, WINDOW]),
        prop::bool::weighted(0.25),
    )
        .prop_map(
            |(phase, in_person, virtual_seats, window, auto_confirm)| EventRules {
                phase,
                in_person_capacity: in_person,
                virtual_capacity: virtual_seats,
                offer_window: Duration::hours(window),
                auto_confirm,
                starts_at: hours(STARTS),
            },
        )
}

fn an_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (1i64..96).prop_map(Op::Advance),
        5 => a_preference().prop_map(Op::Place),
        1 => (any::<Index>(), a_preference()).prop_map(|(i, p)| Op::Rejoin(i, p)),
        2 => (a_mode(), -2i64..200).prop_map(|(m, h)| Op::Invite(m, h)),
        4 => (a_target(), prop::option::of(a_mode())).prop_map(|(t, m)| Op::Accept(t, m)),
        2 => a_target().prop_map(Op::Decline),
        2 => a_target().prop_map(Op::Cancel),
        1 => a_target().prop_map(Op::Revoke),
        1 => (a_target(), a_mode()).prop_map(|(t, m)| Op::Switch(t, m)),
        3 => (a_target(), prop::option::weighted(0.2, a_mode()))
            .prop_map(|(t, m)| Op::WaitFor(t, m)),
        2 => a_target().prop_map(Op::LeaveWait),
        1 => a_target().prop_map(Op::PromoteNow),
        1 => (a_target(), -2i64..200).prop_map(|(t, h)| Op::SetHold(t, h)),
        2 => (a_target(), -2i32..3).prop_map(|(t, p)| Op::SetPriority(t, p)),
        2 => some_rules().prop_map(Op::SetRules),
    ]
}

/// Whether `entry` holds a seat of `mode`: a hold or confirmed seat of that mode, or an
/// offer of it to a confirmed participant waiting for it.
fn holds(entry: &Entry, mode: Mode) -> bool {
    let main = matches!(
        entry.status,
        Status::Invited | Status::Offered | Status::Confirmed
    ) && entry.mode == Some(mode);
    let other = entry.status == Status::Confirmed
        && entry.wait_offered_until.is_some()
        && entry.wait_for == Some(mode);
    main || other
}

/// Whether `entry` is in line for a seat of `mode`.
fn waits_for(entry: &Entry, mode: Mode) -> bool {
    match entry.status {
        Status::Waitlisted => entry.preference.accepts(mode),
        Status::Confirmed => entry.wait_for == Some(mode) && entry.wait_offered_until.is_none(),
        _ => false,
    }
}

/// The deadline of an invitation or offer held by `entry`.
fn deadline(entry: &Entry) -> Option<DateTime<Utc>> {
    match entry.status {
        Status::Invited | Status::Offered => entry.hold_until,
        Status::Confirmed => entry.wait_offered_until,
        _ => None,
    }
}

/// The fields of an active registration agree with its status.
fn assert_well_formed(entry: &Entry) {
    let e = entry;
    match e.status {
        Status::Invited | Status::Offered => {
            assert!(e.mode.is_some() && e.hold_until.is_some(), "{e:?}");
            assert!(e.line_since.is_none() && e.wait_for.is_none(), "{e:?}");
        }
        Status::Waitlisted => {
            assert!(e.mode.is_none() && e.hold_until.is_none(), "{e:?}");
            assert!(e.line_since.is_some() && e.wait_for.is_none(), "{e:?}");
        }
        Status::Confirmed => {
            assert!(e.mode.is_some() && e.hold_until.is_none(), "{e:?}");
            assert_ne!(e.wait_for, e.mode, "{e:?}");
            assert_eq!(e.wait_for.is_some(), e.line_since.is_some(), "{e:?}");
            assert!(
                e.wait_for.is_some() || e.wait_offered_until.is_none(),
                "{e:?}"
            );
        }
        _ => panic!("an ended or pending registration is active: {e:?}"),
    }
}

/// Whether `entry` holds an invitation or offer it can accept or decline.
fn has_offer(entry: &Entry) -> bool {
    entry.status.is_hold() || entry.wait_offered_until.is_some()
}

fn is_in_line(entry: &Entry) -> bool {
    Mode::ALL.iter().any(|&m| waits_for(entry, m))
}

/// Place in line: higher priority first, then earlier joining, then id.
fn line_key(entry: &Entry) -> LineKey {
    (
        Reverse(entry.priority),
        entry.line_since.expect("an entry in line has joined it"),
        entry.id,
    )
}

/// The mode a happening gave a seat of, if it did.
fn granted(happening: &Happening) -> Option<Mode> {
    match happening.notice {
        Some(Notice::SeatOffer { mode, .. })
        | Some(Notice::Confirmation { mode })
        | Some(Notice::ModeChanged { mode }) => Some(mode),
        _ => None,
    }
}

/// The ledger driven like the engine drives it, with the ids it has handed out.
struct World {
    ledger: Ledger,
    now: DateTime<Utc>,
    next_id: i64,
    /// Older copies of the ledger, each with the final states of the entries changed since.
    copies: Vec<(Ledger, HashMap<i64, Entry>)>,
}

/// What one step did, for the checks.
struct Step {
    before: BTreeMap<i64, Entry>,
    /// An entry that joined the line or moved in it during the step, with its new key.
    rekeyed: Option<(i64, LineKey)>,
    refused: bool,
}

impl World {
    fn new(rules: EventRules) -> Self {
        let ledger = Ledger::new(rules, []);
        World {
            copies: vec![(ledger.clone(), HashMap::new())],
            ledger,
            now: base(),
            next_id: 1,
        }
    }

    fn fresh_id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id - 1
    }

    fn pick(&self, target: Target, suits: impl Fn(&Entry) -> bool) -> i64 {
        let mut suited: Vec<i64> = self
            .ledger
            .entries()
            .filter(|e| suits(e))
            .map(|e| e.id)
            .collect();
        suited.sort_unstable();
        if target.suited && !suited.is_empty() {
            suited[target.index.index(suited.len())]
        } else {
            // Every id handed out so far, and one never handed out.
            1 + target.index.index(self.next_id as usize) as i64
        }
    }

    fn settle(&mut self) {
        let before = entries_of(&self.ledger);
        self.ledger.settle(self.now);
        self.check(Step {
            before,
            rekeyed: None,
            refused: false,
        });
    }

    fn run(&mut self, op: &Op) {
        let before = entries_of(&self.ledger);
        let now = self.now;
        let key_now = |id: i64, priority: i32| (Reverse(priority), now, id);
        let (result, rekeyed) = match *op {
            Op::Advance(_) => return,
            Op::Place(preference) => {
                let id = self.fresh_id();
                (
                    self.ledger.place(id, preference, now),
                    Some((id, key_now(id, 0))),
                )
            }
            Op::Rejoin(index, preference) => {
                let ended: Vec<i64> = (1..self.next_id)
                    .filter(|id| self.ledger.entry(*id).is_none())
                    .collect();
                let id = if ended.is_empty() {
                    self.fresh_id()
                } else {
                    ended[index.index(ended.len())]
                };
                (
                    self.ledger.place(id, preference, now),
                    Some((id, key_now(id, 0))),
                )
            }
            Op::Invite(mode, h) => {
                let id = self.fresh_id();
                let until = now + Duration::hours(h);
                (self.ledger.invite(id, None, mode, until, now), None)
            }
            Op::Accept(t, mode) => (self.ledger.accept(self.pick(t, has_offer), mode, now), None),
            Op::Decline(t) => (self.ledger.decline(self.pick(t, has_offer), now), None),
            Op::Cancel(t) => (self.ledger.cancel(self.pick(t, |_| true), now), None),
            Op::Revoke(t) => (self.ledger.revoke(self.pick(t, |_| true), now), None),
            Op::Switch(t, mode) => {
                let id = self.pick(t, |e| e.status == Status::Confirmed);
                (self.ledger.switch(id, mode, now), None)
            }
            Op::WaitFor(t, mode) => {
                let id = self.pick(t, |e| e.status == Status::Confirmed && e.wait_for.is_none());
                let priority = before.get(&id).map_or(0, |e| e.priority);
                let held = before
                    .get(&id)
                    .and_then(|e| e.mode)
                    .unwrap_or(Mode::Virtual);
                let mode = mode.unwrap_or(held.other());
                (
                    self.ledger.wait_for(id, mode, now),
                    Some((id, key_now(id, priority))),
                )
            }
            Op::LeaveWait(t) => {
                let id = self.pick(t, |e| e.wait_for.is_some());
                (self.ledger.leave_wait(id, now), None)
            }
            Op::PromoteNow(t) => (self.ledger.promote_now(self.pick(t, is_in_line), now), None),
            Op::SetHold(t, h) => {
                let until = now + Duration::hours(h);
                (
                    self.ledger.set_hold(self.pick(t, has_offer), until, now),
                    None,
                )
            }
            Op::SetPriority(t, priority) => {
                let id = self.pick(t, is_in_line);
                let rekeyed = before
                    .get(&id)
                    .filter(|e| is_in_line(e))
                    .map(|e| (id, (Reverse(priority), line_key(e).1, id)));
                (self.ledger.set_priority(id, priority, now), rekeyed)
            }
            Op::SetRules(ref rules) => {
                self.ledger.set_rules(rules.clone(), now);
                (Ok(()), None)
            }
        };
        self.check(Step {
            before,
            rekeyed,
            refused: result.is_err(),
        });
    }

    /// Checks the kept indexes and invariants 1-3 after one step.
    fn check(&mut self, step: Step) {
        let ledger = &mut self.ledger;
        ledger.check_indexes();
        let (happenings, changed) = ledger.take_changes();
        for (_, since) in &mut self.copies {
            since.extend(changed.iter().map(|entry| (entry.id, entry.clone())));
        }
        let after = entries_of(ledger);
        let before = &step.before;

        if step.refused {
            assert!(happenings.is_empty(), "a refusal recorded {happenings:?}");
            assert!(changed.is_empty(), "a refusal changed {changed:?}");
            assert_eq!(&after, before, "a refusal changed entries");
            return;
        }

        // Every change is reported, in its final state, with a happening for the audit.
        for id in before.keys().chain(after.keys()) {
            if before.get(id) == after.get(id) {
                continue;
            }
            assert!(
                happenings.iter().any(|h| h.registration_id == *id),
                "registration {id} changed silently"
            );
            let reported = changed.iter().find(|e| e.id == *id);
            let reported = reported.unwrap_or_else(|| panic!("change of {id} not reported"));
            match after.get(id) {
                Some(entry) => assert_eq!(reported, entry),
                None => assert!(reported.status.is_ended()),
            }
        }

        // Every registration is in a consistent state, and no deadline has passed: the
        // engine settles before each operation, so a lapsed hold never blocks anyone.
        for entry in after.values() {
            assert_well_formed(entry);
        }
        let deadlines = after.values().filter_map(deadline);
        assert!(
            deadlines.clone().all(|at| at > self.now),
            "a lapsed hold is still held"
        );
        assert_eq!(ledger.next_deadline(), deadlines.min());

        // The line shown is every waiting entry, in order.
        let mut line: Vec<(LineKey, i64)> = after
            .values()
            .filter(|e| is_in_line(e))
            .map(|e| (line_key(e), e.id))
            .collect();
        line.sort();
        let shown: Vec<i64> = ledger.line().map(|e| e.id).collect();
        assert_eq!(shown, line.iter().map(|(_, id)| *id).collect::<Vec<_>>());

        // Places in line asked for all at once, or for a part as a page of the dashboard
        // asks, match those asked for one by one.
        let everyone: std::collections::HashSet<i64> = after.keys().copied().collect();
        let some = everyone.iter().copied().filter(|id| id % 3 == 0).collect();
        for asked in [everyone, some] {
            let at_once = ledger.positions(&asked);
            for id in &asked {
                assert_eq!(
                    at_once.get(id).copied(),
                    ledger.position(*id),
                    "place of {id}"
                );
            }
        }

        let rules = ledger.rules();
        let started = self.now >= rules.starts_at;
        let key_in_step = |id: i64| -> LineKey {
            match step.rekeyed {
                Some((rekeyed, key)) if rekeyed == id => key,
                _ => before
                    .get(&id)
                    .filter(|e| is_in_line(e))
                    .or_else(|| after.get(&id).filter(|e| is_in_line(e)))
                    .map(line_key)
                    .unwrap_or_else(|| panic!("{id} was given a seat but never waited")),
            }
        };

        for &mode in Mode::ALL {
            let holders = |entries: &BTreeMap<i64, Entry>| -> BTreeSet<i64> {
                entries
                    .values()
                    .filter(|e| holds(e, mode))
                    .map(|e| e.id)
                    .collect()
            };
            let held_before = holders(before);
            let held_after = holders(&after);
            let seats = ledger.seats(mode);
            assert_eq!(seats.held as usize, held_after.len(), "{mode} held");

            // Invariant 1: held <= capacity. Above it (only after a lowering, which bumps
            // nobody), no step gives anyone a new seat of that mode, so the count only falls.
            // This also catches a step that pushes held past an unchanged capacity.
            if let Some(capacity) = rules.capacity(mode) {
                if held_after.len() > capacity as usize {
                    let newcomers: Vec<_> = held_after.difference(&held_before).collect();
                    assert!(
                        newcomers.is_empty(),
                        "{mode}: {} held of {capacity}, new: {newcomers:?}",
                        held_after.len()
                    );
                    assert!(held_after.len() <= held_before.len());
                }
            }

            // Invariant 2: no seat stays free while someone waits for it.
            let still_waiting: Vec<&Entry> =
                after.values().filter(|e| waits_for(e, mode)).collect();
            if rules.phase.promotes() && !started && ledger.has_free(mode) {
                assert!(
                    still_waiting.is_empty(),
                    "{mode} seat free while {:?} wait",
                    still_waiting.iter().map(|e| e.id).collect::<Vec<_>>()
                );
            }

            // Invariant 3: the system promotes strictly in line order: whoever it gave a
            // seat of this mode stood ahead of everyone still waiting for one (in the line
            // as it stood before the step; an entry that joined or moved counts at its new
            // place).
            let promoted = happenings
                .iter()
                .filter(|h| h.by_system && granted(h) == Some(mode))
                .map(|h| h.registration_id);
            for p in promoted {
                for r in &still_waiting {
                    assert!(
                        key_in_step(p) < key_in_step(r.id),
                        "{p} got a {mode} seat before {} who was ahead",
                        r.id
                    );
                }
            }
        }

        // Nothing is offered, and nobody placed, once the event has started.
        if started {
            for h in &happenings {
                assert!(
                    !matches!(h.notice, Some(Notice::SeatOffer { .. })),
                    "offered after the start: {h:?}"
                );
                assert!(!(h.by_system && granted(h).is_some()), "{h:?}");
                assert_ne!(h.from, Some(Status::PendingEmail), "placed after the start");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_operations_keep_the_invariants(
        rules in some_rules(),
        ops in prop::collection::vec(an_op(), 1..60),
    ) {
        let mut world = World::new(rules);
        for op in &ops {
            if let Op::Advance(h) = *op {
                world.now += Duration::hours(h);
            }
            // The engine settles before every operation.
            world.settle();
            world.run(op);
            if world.copies.len() < 4 && matches!(op, Op::Advance(_)) {
                world.copies.push((world.ledger.clone(), HashMap::new()));
            }
        }
        for (mut copy, since) in std::mem::take(&mut world.copies) {
            copy.catch_up(world.ledger.rules(), since.values());
            prop_assert_eq!(&copy, &world.ledger, "a copy brought up to date equals the ledger");
        }
    }
}
