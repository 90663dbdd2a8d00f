//! The seat ledger of one event: every active registration, the seats they hold and the
//! line they wait in. Each operation decides a change of state and records what happened
//! (for the audit log and the emails); nothing here reads a clock or touches storage.
//!
//! Every part of a ledger is structurally shared, so a clone costs O(1) and the writer can
//! hand readers the ledger it committed while it goes on changing its own: the entries
//! and the deadlines are persistent collections, the line a persistent counted tree (the
//! `tree` module) from which a place in line, the next entry to promote and a page of the
//! line are each read in O(log n).

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};

use super::{Mode, Phase, Preference, Status};

use tree::{Count, Tree};

mod arrivals;
mod by_hand;
mod moves;
mod reconfirmation;
mod refusals;
mod tree;

use refusals::not_allowed;
pub use refusals::{Reason, Refusal};

/// The settings of an event that decisions depend on.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRules {
    /// The event's phase: it governs the in-person seats, and the virtual ones too unless
    /// `virtual_phase` says otherwise; `draft` hides the whole event.
    pub phase: Phase,
    /// The virtual seats' own phase (never `draft`); `None` follows `phase`.
    pub virtual_phase: Option<Phase>,
    pub in_person_capacity: u32,
    /// `None` means unlimited.
    pub virtual_capacity: Option<u32>,
    pub offer_window: Duration,
    pub auto_confirm: bool,
    pub starts_at: DateTime<Utc>,
}

impl EventRules {
    pub fn capacity(&self, mode: Mode) -> Option<u32> {
        match mode {
            Mode::InPerson => Some(self.in_person_capacity),
            Mode::Virtual => self.virtual_capacity,
        }
    }

    /// The phase that governs the seats of `mode`.
    pub fn phase_of(&self, mode: Mode) -> Phase {
        match (mode, self.virtual_phase) {
            (_, _) if self.phase == Phase::Draft => Phase::Draft,
            (Mode::Virtual, Some(phase)) => phase,
            _ => self.phase,
        }
    }

    /// Whether the two modes are in different phases, so pages name the phase per mode.
    pub fn phases_differ(&self) -> bool {
        self.phase_of(Mode::InPerson) != self.phase_of(Mode::Virtual)
    }
}

/// One active registration (invited, waitlisted, offered or confirmed).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: i64,
    pub status: Status,
    /// The mode of the seat held; for a waitlisted entry, none.
    pub mode: Option<Mode>,
    pub preference: Preference,
    pub hold_until: Option<DateTime<Utc>>,
    /// Organizer priority: higher goes first in line.
    pub priority: i32,
    /// When the entry joined its line (waitlisted, or a confirmed participant waiting for
    /// the other mode).
    pub line_since: Option<DateTime<Utc>>,
    /// A confirmed participant waiting for a seat of this other mode.
    pub wait_for: Option<Mode>,
    /// The deadline of a seat of `wait_for` offered to that confirmed participant.
    pub wait_offered_until: Option<DateTime<Utc>>,
    /// The deadline by which a confirmed in-person participant who was asked "are you
    /// still coming?" must answer, or lose the seat; none when nothing is asked.
    pub reconfirm_by: Option<DateTime<Utc>>,
}

impl Entry {
    fn in_line(&self) -> bool {
        match self.status {
            Status::Waitlisted => true,
            Status::Confirmed => self.wait_for.is_some() && self.wait_offered_until.is_none(),
            _ => false,
        }
    }

    /// The modes this entry would take a seat of, while it is in line.
    fn accepts(&self, mode: Mode) -> bool {
        match self.status {
            Status::Waitlisted => self.preference.accepts(mode),
            Status::Confirmed => self.wait_for == Some(mode),
            _ => false,
        }
    }

    fn line_key(&self) -> LineKey {
        (
            Reverse(self.priority),
            self.line_since.unwrap_or(DateTime::<Utc>::MIN_UTC),
            self.id,
        )
    }

    /// The deadlines this entry must meet: an invitation's or offer's, or for a confirmed
    /// participant, a waiting offer's and a reconfirmation's.
    fn deadlines(&self) -> impl Iterator<Item = DateTime<Utc>> {
        let (first, second) = match self.status {
            Status::Invited | Status::Offered => (self.hold_until, None),
            Status::Confirmed => (self.wait_offered_until, self.reconfirm_by),
            _ => (None, None),
        };
        first.into_iter().chain(second)
    }

    /// The seats this entry holds, at most one per mode.
    fn held_modes(&self) -> impl Iterator<Item = Mode> {
        let main = match self.status {
            Status::Invited | Status::Offered | Status::Confirmed => self.mode,
            _ => None,
        };
        let offered = match self.status {
            Status::Confirmed if self.wait_offered_until.is_some() => self.wait_for,
            _ => None,
        };
        main.into_iter().chain(offered)
    }
}

/// A seat count of one mode, as shown to people and organizers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seats {
    pub capacity: Option<u32>,
    pub held: u32,
    pub free: Option<u32>,
    pub waiting: u32,
}

/// What a person should be told about a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Invitation {
        mode: Mode,
        until: DateTime<Utc>,
    },
    Confirmation {
        mode: Mode,
    },
    WaitingListPlace,
    SeatOffer {
        mode: Mode,
        until: DateTime<Utc>,
    },
    /// An invitation or offer passed its deadline.
    Lapsed {
        mode: Mode,
    },
    /// A confirmed participant is asked whether they are still coming.
    ReconfirmationRequest {
        until: DateTime<Utc>,
    },
    /// A reconfirmation went unanswered: the seat is gone.
    ReconfirmationLapsed {
        mode: Mode,
    },
    Cancellation,
    ModeChanged {
        mode: Mode,
    },
}

/// One recorded change: becomes an audit row and, with a notice, an email.
#[derive(Debug, Clone, PartialEq)]
pub struct Happening {
    pub registration_id: i64,
    pub from: Option<Status>,
    pub to: Status,
    pub note: String,
    pub notice: Option<Notice>,
    /// A consequence decided by the system (promotion, expiry), not by the actor.
    pub by_system: bool,
}

type LineKey = (Reverse<i32>, DateTime<Utc>, i64);

const MODES: usize = Mode::ALL.len();

fn index(mode: Mode) -> usize {
    match mode {
        Mode::InPerson => 0,
        Mode::Virtual => 1,
    }
}

/// What a member of the line counts for, or, summed, a stretch of the line: a place in
/// line is the count of those ahead, plus one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    waitlisted: u32,
    /// Members who would take a seat of each mode, by [`index`].
    accepting: [u32; MODES],
}

impl Tally {
    fn of(entry: &Entry) -> Tally {
        let mut tally = Tally {
            waitlisted: (entry.status == Status::Waitlisted) as u32,
            ..Tally::default()
        };
        for &mode in Mode::ALL {
            tally.accepting[index(mode)] = entry.accepts(mode) as u32;
        }
        tally
    }
}

impl Count for Tally {
    fn plus(self, other: Tally) -> Tally {
        let mut sum = self;
        sum.waitlisted += other.waitlisted;
        for (count, more) in sum.accepting.iter_mut().zip(other.accepting) {
            *count += more;
        }
        sum
    }
}

/// By registration id. A B-tree (8 to 16 entries a node) rather than a hash trie, whose
/// nodes are mostly empty slots, so it holds the same entries in much less memory.
type Entries = imbl::OrdMap<i64, Entry>;

/// The active registrations of one event with their seats, line and deadlines.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    rules: EventRules,
    entries: Entries,
    /// Every entry in line (waitlisted, or confirmed and waiting for the other mode), in
    /// line order.
    line: Tree<LineKey, Tally>,
    deadlines: imbl::OrdSet<(DateTime<Utc>, i64)>,
    held: [i64; MODES],
    happenings: Vec<Happening>,
    changed: BTreeMap<i64, Entry>,
}

impl Ledger {
    pub fn new(rules: EventRules, entries: impl IntoIterator<Item = Entry>) -> Self {
        let mut ledger = Ledger {
            rules,
            entries: Entries::default(),
            line: Tree::new(),
            deadlines: imbl::OrdSet::new(),
            held: [0; MODES],
            happenings: Vec::new(),
            changed: BTreeMap::new(),
        };
        for entry in entries {
            debug_assert!(!entry.status.is_ended() && entry.status != Status::PendingEmail);
            ledger.index_entry(&entry, 1);
            ledger.entries.insert(entry.id, entry);
        }
        ledger
    }

    pub fn rules(&self) -> &EventRules {
        &self.rules
    }

    pub fn entry(&self, id: i64) -> Option<&Entry> {
        self.entries.get(&id)
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    pub fn seats(&self, mode: Mode) -> Seats {
        let capacity = self.rules.capacity(mode);
        let held = self.held[index(mode)] as u32;
        Seats {
            capacity,
            held,
            free: capacity.map(|c| c.saturating_sub(held)),
            waiting: self.line.sum().accepting[index(mode)],
        }
    }

    pub fn has_free(&self, mode: Mode) -> bool {
        self.seats(mode).free != Some(0)
    }

    /// The line in order: waitlisted entries and confirmed participants waiting for the
    /// other mode.
    pub fn line(&self) -> impl Iterator<Item = &Entry> {
        self.line_range(0, usize::MAX)
    }

    /// The members of the line at places `offset..offset + limit` (0-based, in line order,
    /// as [`Ledger::line`] gives them), found without walking the places before them.
    pub fn line_range(&self, offset: usize, limit: usize) -> impl Iterator<Item = &Entry> {
        self.line
            .iter_from(offset)
            .take(limit)
            .map(|(key, _)| self.member(key))
    }

    /// How many are in line (waitlisted, or confirmed and waiting for the other mode).
    pub fn line_len(&self) -> usize {
        self.line.len()
    }

    /// How many entries are waitlisted: the last place [`Ledger::position`] gives one.
    pub fn waitlisted_count(&self) -> u32 {
        self.line.sum().waitlisted
    }

    /// An entry's 0-based place in the whole line (as [`Ledger::line`] orders it), for
    /// sorting a page of registrations in line order.
    pub fn line_rank(&self, id: i64) -> Option<usize> {
        let entry = self.entries.get(&id).filter(|entry| entry.in_line())?;
        Some(self.line.before(&entry.line_key()).0)
    }

    /// A waitlisted entry's 1-based place among the waitlisted entries, in line order; for a
    /// confirmed participant waiting for the other mode, their place among those waiting for
    /// that mode.
    pub fn position(&self, id: i64) -> Option<u32> {
        let entry = self.entries.get(&id).filter(|entry| entry.in_line())?;
        let (_, ahead) = self.line.before(&entry.line_key());
        let place = if entry.status == Status::Waitlisted {
            ahead.waitlisted
        } else {
            ahead.accepting[index(entry.wait_for?)]
        };
        Some(place + 1)
    }

    /// The places in line (as [`Ledger::position`] gives them) of these registrations.
    pub fn positions(&self, ids: &HashSet<i64>) -> HashMap<i64, u32> {
        ids.iter()
            .filter_map(|&id| Some((id, self.position(id)?)))
            .collect()
    }

    /// The earliest deadline of any hold, so callers know when to settle next.
    pub fn next_deadline(&self) -> Option<DateTime<Utc>> {
        self.deadlines.get_min().map(|(at, _)| *at)
    }

    /// Everything that happened since the last call, and the final state of each changed
    /// registration (ended ones included, with their ended status).
    pub fn take_changes(&mut self) -> (Vec<Happening>, Vec<Entry>) {
        let happenings = std::mem::take(&mut self.happenings);
        let changed = std::mem::take(&mut self.changed).into_values().collect();
        (happenings, changed)
    }

    /// Whether [`Ledger::take_changes`] has anything to give.
    pub fn has_changes(&self) -> bool {
        !self.changed.is_empty() || !self.happenings.is_empty()
    }

    // ----- operations -------------------------------------------------------------------

    /// Expires every hold whose deadline has passed and hands the freed seats on. Called
    /// before every other operation, so a lapsed hold never blocks anyone.
    pub fn settle(&mut self, now: DateTime<Utc>) {
        while let Some(&(deadline, id)) = self.deadlines.get_min() {
            if deadline > now {
                break;
            }
            let mut entry = self.entries[&id].clone();
            let from = entry.status;
            if entry.status == Status::Confirmed && entry.reconfirm_by == Some(deadline) {
                let mode = entry.mode.expect("a confirmed entry has a mode");
                self.end(
                    id,
                    Status::Expired,
                    "not reconfirmed in time",
                    Some(Notice::ReconfirmationLapsed { mode }),
                )
                .expect("an entry with a deadline is active");
                self.happenings.last_mut().expect("just recorded").by_system = true;
                continue;
            }
            let lapsed_mode;
            if entry.status == Status::Confirmed {
                lapsed_mode = entry
                    .wait_for
                    .expect("a confirmed deadline is a waiting offer or a reconfirmation");
                entry.wait_for = None;
                entry.wait_offered_until = None;
                entry.line_since = None;
            } else {
                lapsed_mode = entry.mode.expect("a hold has a mode");
                entry.status = Status::Expired;
                entry.hold_until = None;
            }
            let to = entry.status;
            self.put(entry);
            self.record(id, Some(from), to, "deadline passed", true)
                .with(Notice::Lapsed { mode: lapsed_mode });
        }
        self.promote(now);
    }

    /// Replaces the event's settings (capacity, phase, windows) and hands on any seat that
    /// became free.
    pub fn set_rules(&mut self, rules: EventRules, now: DateTime<Utc>) {
        self.rules = rules;
        self.promote(now);
    }

    /// What setting `rules` now would do, decided on a copy (cheap: the ledger shares its
    /// structure) and changing nothing here: the seats the system would hand on.
    pub fn preview(&self, rules: EventRules, now: DateTime<Utc>) -> Vec<Happening> {
        let mut copy = self.clone();
        copy.take_changes();
        copy.set_rules(rules, now);
        let (happenings, _) = copy.take_changes();
        happenings.into_iter().filter(|h| h.by_system).collect()
    }

    /// Whether the public may add themselves to the line now with this preference: while
    /// the phase of one of the modes it accepts takes entries.
    pub fn admits_entries(
        &self,
        preference: Preference,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let open_to =
            |mode: Mode| preference.accepts(mode) && self.rules.phase_of(mode).accepts_entries();
        match self.rules.phase {
            Phase::Draft => Err(Refusal::NotOpen),
            _ if !Mode::ALL.iter().any(|&mode| open_to(mode)) => Err(Refusal::Closed),
            _ if now >= self.rules.starts_at => Err(Refusal::Started),
            _ => Ok(()),
        }
    }

    /// Whether the public may add themselves to the line for any mode now.
    pub fn admits_any_entries(&self, now: DateTime<Utc>) -> bool {
        self.admits_entries(Preference::Either, now).is_ok()
    }

    /// Whether invitations of these modes fit the free seats, all of them together.
    pub fn has_seats_for(&self, modes: &[Mode]) -> Result<(), Refusal> {
        for &mode in Mode::ALL {
            let wanted = modes.iter().filter(|&&m| m == mode).count();
            if let Some(free) = self.seats(mode).free {
                if wanted > free as usize {
                    return Err(Refusal::TooFewSeats { mode, free, wanted });
                }
            }
        }
        Ok(())
    }

    // ----- internals ------------------------------------------------------------------

    fn member(&self, key: &LineKey) -> &Entry {
        self.entries
            .get(&key.2)
            .expect("a member of the line is an entry")
    }

    fn active(&self, id: i64) -> Result<&Entry, Refusal> {
        self.entries.get(&id).ok_or(Refusal::NotActive)
    }

    fn end(
        &mut self,
        id: i64,
        to: Status,
        note: &str,
        notice: Option<Notice>,
    ) -> Result<(), Refusal> {
        let mut entry = self.active(id)?.clone();
        let from = entry.status;
        entry.status = to;
        entry.hold_until = None;
        entry.wait_for = None;
        entry.wait_offered_until = None;
        entry.line_since = None;
        entry.reconfirm_by = None;
        self.put(entry);
        let happening = self.record(id, Some(from), to, note, false);
        if let Some(notice) = notice {
            happening.with(notice);
        }
        Ok(())
    }

    /// Hands free seats to the line, strictly in line order, of each mode whose phase says
    /// so, until the event starts. `either` takes an in-person seat when both are free.
    fn promote(&mut self, now: DateTime<Utc>) {
        if now >= self.rules.starts_at {
            return;
        }
        loop {
            let free: Vec<Mode> = Mode::ALL
                .iter()
                .copied()
                .filter(|&m| self.rules.phase_of(m).promotes() && self.has_free(m))
                .collect();
            if free.is_empty() {
                return;
            }
            // The first in line who would take any free seat: the earliest of the first
            // who would take each.
            let first = free
                .iter()
                .filter_map(|&m| self.line.first_where(|t| t.accepting[index(m)] > 0))
                .min()
                .copied();
            let Some(key) = first else {
                return;
            };
            let entry = self.member(&key);
            let mode = free.iter().copied().find(|&m| entry.accepts(m));
            let mode = mode.expect("the first who would take a free seat takes one");
            self.give_seat(entry.id, mode, now, true);
        }
    }

    fn give_seat(&mut self, id: i64, mode: Mode, now: DateTime<Utc>, by_system: bool) {
        let mut entry = self.entries[&id].clone();
        let from = entry.status;
        let until = now + self.rules.offer_window;
        if entry.status == Status::Confirmed {
            if self.rules.auto_confirm {
                entry.mode = Some(mode);
                entry.wait_for = None;
                entry.line_since = None;
                self.put(entry);
                self.record(id, Some(from), from, "moved to a freed seat", by_system)
                    .with(Notice::ModeChanged { mode });
            } else {
                entry.wait_offered_until = Some(until);
                self.put(entry);
                self.record(
                    id,
                    Some(from),
                    from,
                    "offered a seat of the other mode",
                    by_system,
                )
                .with(Notice::SeatOffer { mode, until });
            }
        } else if self.rules.auto_confirm {
            entry.status = Status::Confirmed;
            entry.mode = Some(mode);
            entry.line_since = None;
            self.put(entry);
            self.record(
                id,
                Some(from),
                Status::Confirmed,
                "given a freed seat",
                by_system,
            )
            .with(Notice::Confirmation { mode });
        } else {
            entry.status = Status::Offered;
            entry.mode = Some(mode);
            entry.hold_until = Some(until);
            entry.line_since = None;
            self.put(entry);
            self.record(
                id,
                Some(from),
                Status::Offered,
                "offered a freed seat",
                by_system,
            )
            .with(Notice::SeatOffer { mode, until });
        }
    }

    /// Stores the new state of an entry, keeping every index in step; ended entries leave.
    /// Only a confirmed in-person seat is reconfirmed: a move to a virtual seat drops the
    /// question.
    fn put(&mut self, mut entry: Entry) {
        if entry.status != Status::Confirmed || entry.mode != Some(Mode::InPerson) {
            entry.reconfirm_by = None;
        }
        let ended = entry.status.is_ended();
        let old = if ended {
            self.entries.remove(&entry.id)
        } else {
            self.entries.insert(entry.id, entry.clone())
        };
        if let Some(old) = old {
            self.index_entry(&old, -1);
        }
        if !ended {
            self.index_entry(&entry, 1);
        }
        self.changed.insert(entry.id, entry);
    }

    fn index_entry(&mut self, entry: &Entry, sign: i64) {
        for mode in entry.held_modes() {
            self.held[index(mode)] += sign;
        }
        if entry.in_line() {
            if sign > 0 {
                self.line.insert(entry.line_key(), Tally::of(entry));
            } else {
                let removed = self.line.remove(&entry.line_key());
                debug_assert!(removed, "an entry in line was in the line");
            }
        }
        for deadline in entry.deadlines() {
            if sign > 0 {
                self.deadlines.insert((deadline, entry.id));
            } else {
                self.deadlines.remove(&(deadline, entry.id));
            }
        }
    }

    fn record(
        &mut self,
        id: i64,
        from: Option<Status>,
        to: Status,
        note: &str,
        by_system: bool,
    ) -> &mut Happening {
        self.happenings.push(Happening {
            registration_id: id,
            from,
            to,
            note: note.to_owned(),
            notice: None,
            by_system,
        });
        self.happenings.last_mut().expect("just pushed")
    }
}

impl Happening {
    fn with(&mut self, notice: Notice) {
        self.notice = Some(notice);
    }
}

#[cfg(test)]
mod tests;
