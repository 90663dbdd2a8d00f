//! Random operations, with the invariants of SPEC.md checked after every one.

use super::*;

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
    /// Waiting for the room, takes a free virtual seat meanwhile.
    AttendVirtually(Target),
    PromoteNow(Target),
    /// Moves a deadline to this many hours from now.
    SetHold(Target, i64),
    SetPriority(Target, i32),
    SetRules(EventRules),
    /// Asks a confirmed participant to reconfirm within this many hours.
    AskReconfirmation(Target, i64),
    Reconfirm(Target),
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

/// A phase the virtual seats may have of their own (never draft).
fn a_virtual_phase() -> impl Strategy<Value = Phase> {
    prop::sample::select(vec![Phase::InviteOnly, Phase::Open, Phase::Closed])
}

fn some_rules() -> impl Strategy<Value = EventRules> {
    (
        prop::sample::select(Phase::ALL),
        prop::option::weighted(0.5, a_virtual_phase()),
        0u32..5,
        prop::option::weighted(0.7, 0u32..5),
        prop::sample::select(vec![1i64, 24, WINDOW]),
        prop::bool::weighted(0.25),
    )
        .prop_map(
            |(phase, virtual_phase, in_person, virtual_seats, window, auto_confirm)| EventRules {
                phase,
                virtual_phase,
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
        3 => a_target().prop_map(Op::AttendVirtually),
        1 => a_target().prop_map(Op::PromoteNow),
        1 => (a_target(), -2i64..200).prop_map(|(t, h)| Op::SetHold(t, h)),
        2 => (a_target(), -2i32..3).prop_map(|(t, p)| Op::SetPriority(t, p)),
        2 => some_rules().prop_map(Op::SetRules),
        3 => (a_target(), -2i64..120).prop_map(|(t, h)| Op::AskReconfirmation(t, h)),
        2 => a_target().prop_map(Op::Reconfirm),
    ]
}

/// The ledger driven like the engine drives it, with the ids it has handed out.
struct World {
    ledger: Ledger,
    now: DateTime<Utc>,
    next_id: i64,
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
                let waiting_before = before
                    .values()
                    .filter(|e| e.id != id && waits_for(e, mode))
                    .count();
                let offered = before
                    .get(&id)
                    .is_some_and(|e| e.wait_offered_until.is_some());
                let result = self.ledger.switch(id, mode, now);
                if result.is_ok() && !offered {
                    // A move to a free seat jumps no line and takes no seat the
                    // organizers keep to give by hand.
                    assert!(self.ledger.rules().phase_of(mode).promotes(), "{mode}");
                    assert_eq!(waiting_before, 0, "switched past {waiting_before} waiting");
                }
                (result, None)
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
            Op::AttendVirtually(t) => {
                let waits_for_the_room = |e: &Entry| {
                    e.status == Status::Waitlisted && e.preference.accepts(Mode::InPerson)
                };
                let id = self.pick(t, waits_for_the_room);
                let result = self.ledger.attend_virtually(id, now);
                if result.is_ok() {
                    // A virtual seat now, and the same place in the room's line: the step
                    // leaves the key as it was, which the checks below rely on.
                    let entry = self.ledger.entry(id).expect("still active");
                    assert_eq!(entry.status, Status::Confirmed);
                    assert_eq!(entry.mode, Some(Mode::Virtual));
                    assert_eq!(entry.wait_for, Some(Mode::InPerson));
                    assert_eq!(Some(line_key(entry)), before.get(&id).map(line_key));
                    assert_eq!(self.ledger.rules().phase_of(Mode::Virtual), Phase::Open);
                }
                (result, None)
            }
            Op::PromoteNow(t) => (self.ledger.promote_now(self.pick(t, is_in_line), now), None),
            Op::SetHold(t, h) => {
                let until = now + Duration::hours(h);
                let has_deadline = |e: &Entry| has_offer(e) || e.reconfirm_by.is_some();
                (
                    self.ledger.set_hold(self.pick(t, has_deadline), until, now),
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
            Op::AskReconfirmation(t, h) => {
                let id = self.pick(t, |e| e.status == Status::Confirmed);
                let until = now + Duration::hours(h);
                let result = self.ledger.ask_reconfirmation(id, until, now);
                if result.is_ok() {
                    // The seat stays held, now with a deadline; nothing else moves.
                    let entry = self.ledger.entry(id).expect("still active");
                    assert_eq!(entry.reconfirm_by, Some(until));
                    assert_eq!(entry.mode, Some(Mode::InPerson));
                    assert!(until > now && now < self.ledger.rules().starts_at);
                }
                (result, None)
            }
            Op::Reconfirm(t) => {
                let id = self.pick(t, |e| e.reconfirm_by.is_some());
                let result = self.ledger.reconfirm(id, now);
                if result.is_ok() {
                    let entry = self.ledger.entry(id).expect("still active");
                    assert_eq!(entry.reconfirm_by, None);
                    assert_eq!(Some(entry.status), before.get(&id).map(|e| e.status));
                }
                (result, None)
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
        let deadlines = after.values().flat_map(deadlines);
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

            // Invariant 2: no seat stays free while someone waits for it, in a mode whose
            // own phase hands seats to the line.
            let still_waiting: Vec<&Entry> =
                after.values().filter(|e| waits_for(e, mode)).collect();
            if rules.phase_of(mode).promotes() && !started && ledger.has_free(mode) {
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
            // The system hands seats of a mode on only in a phase of that mode that says so,
            // and places a newcomer at once only in one that is open.
            for h in happenings.iter().filter(|h| granted(h) == Some(mode)) {
                if h.by_system {
                    assert!(rules.phase_of(mode).promotes(), "{h:?} in {rules:?}");
                }
                if h.from == Some(Status::PendingEmail) {
                    assert_eq!(rules.phase_of(mode), Phase::Open, "{h:?}");
                }
            }
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
        }
    }
}
