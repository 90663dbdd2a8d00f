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
        virtual_phase: None,
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

/// `rules` with the virtual seats in a phase of their own.
fn virtual_in(phase: Phase, rules: EventRules) -> EventRules {
    EventRules {
        virtual_phase: Some(phase),
        ..rules
    }
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
        reconfirm_by: None,
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

/// A refusal for [`assert_refused`] that stands for any `NotAllowed`, whatever its reason.
fn any_not_allowed() -> Refusal {
    Refusal::NotAllowed(Reason::NothingOffered)
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
            .flat_map(|e| deadlines(e).into_iter().map(|at| (at, e.id)))
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

/// The deadlines `entry` must meet: of an invitation or offer it holds, of a seat of the
/// other mode offered to it, of a reconfirmation it was asked for.
fn deadlines(entry: &Entry) -> Vec<DateTime<Utc>> {
    match entry.status {
        Status::Invited | Status::Offered => entry.hold_until.into_iter().collect(),
        Status::Confirmed => [entry.wait_offered_until, entry.reconfirm_by]
            .into_iter()
            .flatten()
            .collect(),
        _ => Vec::new(),
    }
}

/// The fields of an active registration agree with its status.
fn assert_well_formed(entry: &Entry) {
    let e = entry;
    match e.status {
        Status::Invited | Status::Offered => {
            assert!(e.reconfirm_by.is_none(), "{e:?}");
            assert!(e.mode.is_some() && e.hold_until.is_some(), "{e:?}");
            assert!(e.line_since.is_none() && e.wait_for.is_none(), "{e:?}");
        }
        Status::Waitlisted => {
            assert!(e.reconfirm_by.is_none(), "{e:?}");
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
            assert!(
                e.reconfirm_by.is_none() || e.mode == Some(Mode::InPerson),
                "only an in-person seat is reconfirmed: {e:?}"
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

mod a_phase_per_mode;
mod attending_virtually;
mod capacity_and_modes;
mod newcomers_and_the_line;
mod phases_and_holds;
mod properties;
mod reconfirming;
mod refusals_and_sharing;
