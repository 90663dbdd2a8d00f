//! The seat ledger alone, as an event grows: the time of a newcomer's `place`, of one
//! `position` lookup, of one clone (what publishing a ledger to readers costs) and of a
//! whole rush, at 10,000, 40,000 and 100,000 entries in line; and the memory a ledger of
//! 100,000 entries holds. `cargo bench --bench ledger`; `-- --quick` for fewer runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::{Duration as Elapsed, Instant};

use chrono::{DateTime, Duration, TimeZone, Utc};
use registrar::domain::{Entry, EventRules, Ledger, Mode, Notice, Phase, Preference, Status};

/// Counts the bytes the program holds, so a ledger's size can be read off the difference.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

const SIZES: [usize; 3] = [10_000, 40_000, 100_000];
const SEATS: u32 = 100;
/// Commands per writer batch in the rush: the ledger is published once per batch.
const BATCH: usize = 64;

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 5, 3, 9, 0, 0).unwrap()
}

fn rules(in_person: u32) -> EventRules {
    EventRules {
        phase: Phase::Open,
        virtual_phase: None,
        in_person_capacity: in_person,
        virtual_capacity: Some(0),
        offer_window: Duration::hours(48),
        auto_confirm: false,
        starts_at: base() + Duration::days(30),
    }
}

/// An open event whose seats are all confirmed, with `n` people waiting behind them, most
/// for a seat in the room and every fourth for either mode.
fn full_event(n: usize) -> impl Iterator<Item = Entry> {
    let seated = (1..=SEATS as i64).map(|id| Entry {
        id,
        status: Status::Confirmed,
        mode: Some(Mode::InPerson),
        preference: Preference::InPerson,
        hold_until: None,
        priority: 0,
        line_since: None,
        wait_for: None,
        wait_offered_until: None,
        reconfirm_by: None,
    });
    let waiting = (0..n as i64).map(|i| Entry {
        id: SEATS as i64 + 1 + i,
        status: Status::Waitlisted,
        mode: None,
        preference: if i % 4 == 3 {
            Preference::Either
        } else {
            Preference::InPerson
        },
        hold_until: None,
        priority: 0,
        line_since: Some(base() + Duration::seconds(i)),
        wait_for: None,
        wait_offered_until: None,
        reconfirm_by: None,
    });
    seated.chain(waiting)
}

/// A fixed pseudo-random sequence (64-bit LCG), the same in every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn median(mut runs: Vec<Elapsed>) -> Elapsed {
    runs.sort();
    runs[runs.len() / 2]
}

fn per_op(total: Elapsed, ops: usize) -> Elapsed {
    total / ops as u32
}

/// Places `ops` newcomers at the end of the line of a full event.
fn time_place(full: &Ledger, n: usize, ops: usize) -> Elapsed {
    let mut ledger = full.clone();
    let first = (SEATS as usize + n + 1) as i64;
    let now = base() + Duration::days(1);
    let started = Instant::now();
    for id in first..first + ops as i64 {
        ledger.settle(now);
        ledger.place(id, Preference::InPerson, now).unwrap();
        black_box(ledger.take_changes());
    }
    let spent = started.elapsed();
    drop(ledger);
    per_op(spent, ops)
}

/// Looks up the places of `ops` people chosen at random in the line.
fn time_position(full: &Ledger, n: usize, ops: usize) -> Elapsed {
    let mut pick = Lcg(n as u64);
    let ids: Vec<i64> = (0..ops)
        .map(|_| SEATS as i64 + 1 + pick.below(n) as i64)
        .collect();
    let started = Instant::now();
    for &id in &ids {
        black_box(full.position(id).expect("in line"));
    }
    per_op(started.elapsed(), ops)
}

/// Clones the ledger `ops` times (the clones are dropped after the clock stops).
fn time_clone(full: &Ledger, ops: usize) -> Elapsed {
    let mut clones = Vec::with_capacity(ops);
    let started = Instant::now();
    for _ in 0..ops {
        clones.push(black_box(full.clone()));
    }
    let spent = started.elapsed();
    drop(clones);
    per_op(spent, ops)
}

/// A rush: `n` people confirm their address for 100 seats of an open event, in batches as
/// the writer takes them (each placed person who joins the line is told their place);
/// then 100 more seats open and the first 100 in line accept the seats offered to them.
/// With `publish`, the ledger is cloned after every batch and the two newest clones kept,
/// as readers keep them.
fn time_rush(n: usize, publish: bool) -> Elapsed {
    let mut ledger = Ledger::new(rules(SEATS), []);
    let mut published: Vec<Ledger> = Vec::new();
    let mut told = 0usize;
    let started = Instant::now();
    let ids: Vec<i64> = (1..=n as i64).collect();
    for (b, batch) in ids.chunks(BATCH).enumerate() {
        let now = base() + Duration::seconds(b as i64);
        for &id in batch {
            ledger.settle(now);
            ledger.place(id, Preference::InPerson, now).unwrap();
        }
        let (happenings, _) = ledger.take_changes();
        for h in &happenings {
            if h.notice == Some(Notice::WaitingListPlace) {
                told += ledger.position(h.registration_id).is_some() as usize;
            }
        }
        if publish {
            published.push(ledger.clone());
            if published.len() > 2 {
                published.remove(0);
            }
        }
    }
    let now = base() + Duration::hours(1);
    ledger.settle(now);
    ledger.set_rules(rules(2 * SEATS), now);
    let (happenings, _) = ledger.take_changes();
    let offered: Vec<i64> = happenings
        .iter()
        .filter(|h| matches!(h.notice, Some(Notice::SeatOffer { .. })))
        .map(|h| h.registration_id)
        .collect();
    for &id in &offered {
        ledger.settle(now);
        ledger.accept(id, None, now).unwrap();
    }
    black_box(ledger.take_changes());
    let spent = started.elapsed();
    assert_eq!(
        told,
        n - SEATS as usize,
        "everyone in line was told their place"
    );
    assert_eq!(offered.len(), SEATS as usize);
    assert_eq!(ledger.seats(Mode::InPerson).held, 2 * SEATS);
    drop(published);
    spent
}

fn show(d: Elapsed) -> String {
    let ns = d.as_nanos();
    if ns < 1_000 {
        format!("{ns} ns")
    } else if ns < 1_000_000 {
        format!("{:.2} µs", ns as f64 / 1e3)
    } else {
        format!("{:.2} ms", ns as f64 / 1e6)
    }
}

fn mib(bytes: isize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let runs = if quick { 1 } else { 5 };
    println!("seat ledger, median of {runs} runs per cell");
    println!();
    println!(
        "| entries in line | place | position | clone | rush | rush, a clone per batch of {BATCH} |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    for n in SIZES {
        let full = Ledger::new(rules(SEATS), full_event(n));
        let place = median((0..runs).map(|_| time_place(&full, n, 2_000)).collect());
        let position = median((0..runs).map(|_| time_position(&full, n, 1_000)).collect());
        let clone = median((0..runs).map(|_| time_clone(&full, 20)).collect());
        let rush = median((0..runs).map(|_| time_rush(n, false)).collect());
        let published = median((0..runs).map(|_| time_rush(n, true)).collect());
        println!(
            "| {n} | {} | {} | {} | {} | {} |",
            show(place),
            show(position),
            show(clone),
            show(rush),
            show(published)
        );
    }

    let n = 100_000;
    let before = live();
    let full = Ledger::new(rules(SEATS), full_event(n));
    let held = live() - before;
    let before = live();
    let mut copy = full.clone();
    let now = base() + Duration::days(1);
    copy.place(n as i64 + SEATS as i64 + 1, Preference::InPerson, now)
        .unwrap();
    copy.take_changes();
    let extra = live() - before;
    println!();
    println!(
        "memory: a ledger of {} entries ({n} in line) holds {} ({} bytes per entry); a clone \
         with one more person placed adds {}",
        n + SEATS as usize,
        mib(held),
        held / (n as isize + SEATS as isize),
        mib(extra)
    );
    drop(copy);
    drop(full);
}
