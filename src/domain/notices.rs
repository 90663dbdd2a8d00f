//! Changes that matter to people (SPEC.md, "After the seat"): which changes of an event's
//! settings its people are told about, and who is told which. A change of time concerns
//! everyone; the venue and the parts of the programme concern those in the room; the
//! meeting link and the streamed parts those who follow online.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Entry, EventSettings, Mode, Part, Phase, Status};

/// What a person is told of one part of the programme (its description is not news).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartFacts {
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub streamed: bool,
}

impl From<&Part> for PartFacts {
    fn from(part: &Part) -> PartFacts {
        PartFacts {
            title: part.title.clone(),
            starts_at: part.starts_at,
            ends_at: part.ends_at,
            streamed: part.streamed,
        }
    }
}

impl PartFacts {
    fn same_times(&self, other: &PartFacts) -> bool {
        same_minute(self.starts_at, other.starts_at) && same_minute(self.ends_at, other.ends_at)
    }
}

/// Times are shown and typed to the minute: seconds that a form drops are no news.
fn same_minute(a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
    a.timestamp().div_euclid(60) == b.timestamp().div_euclid(60)
}

/// One change worth an email, with the value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Change {
    StartsAt {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    EndsAt {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    Venue {
        from: String,
        to: String,
    },
    MeetingUrl {
        from: Option<String>,
        to: Option<String>,
    },
    PartAdded {
        part: PartFacts,
    },
    PartRemoved {
        part: PartFacts,
    },
    /// The same part (by title) at other times, or streamed where it was not (or back).
    PartChanged {
        from: PartFacts,
        to: PartFacts,
    },
}

impl Change {
    /// Whether a person attending in `mode` needs to know.
    pub fn concerns(&self, mode: Mode) -> bool {
        let online = mode == Mode::Virtual;
        match self {
            Change::StartsAt { .. } | Change::EndsAt { .. } => true,
            Change::Venue { .. } => !online,
            Change::MeetingUrl { .. } => online,
            Change::PartAdded { part } | Change::PartRemoved { part } => !online || part.streamed,
            Change::PartChanged { from, to } if online => from.streamed || to.streamed,
            // Whether a part is streamed changes nothing in the room.
            Change::PartChanged { from, to } => !from.same_times(to),
        }
    }

    /// What the change is about, in a few words (for subjects and lists).
    pub fn topic(&self) -> &'static str {
        match self {
            Change::StartsAt { .. } | Change::EndsAt { .. } => "time",
            Change::Venue { .. } => "venue",
            Change::MeetingUrl { .. } => "meeting link",
            Change::PartAdded { .. } | Change::PartRemoved { .. } | Change::PartChanged { .. } => {
                "programme"
            }
        }
    }
}

/// What of an event its people are told about when it changes.
#[derive(Debug, Clone, Copy)]
pub struct Schedule<'a> {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: &'a str,
    pub meeting_url: Option<&'a str>,
    pub parts: &'a [Part],
}

impl<'a> Schedule<'a> {
    pub fn of(settings: &'a EventSettings) -> Schedule<'a> {
        Schedule {
            starts_at: settings.starts_at,
            ends_at: settings.ends_at,
            venue: &settings.venue,
            meeting_url: settings.meeting_url.as_deref(),
            parts: settings.programme.parts(),
        }
    }
}

/// The changes worth telling people between two versions of an event's settings.
pub fn changes_between(before: &EventSettings, after: &EventSettings) -> Vec<Change> {
    changes(&Schedule::of(before), &Schedule::of(after))
}

/// The changes worth telling people, time first, then the place, then the programme.
/// Parts are matched by title: a part whose title changed is one removed and one added.
pub fn changes(before: &Schedule<'_>, after: &Schedule<'_>) -> Vec<Change> {
    let mut changes = Vec::new();
    if !same_minute(before.starts_at, after.starts_at) {
        changes.push(Change::StartsAt {
            from: before.starts_at,
            to: after.starts_at,
        });
    }
    if !same_minute(before.ends_at, after.ends_at) {
        changes.push(Change::EndsAt {
            from: before.ends_at,
            to: after.ends_at,
        });
    }
    if before.venue.trim() != after.venue.trim() {
        changes.push(Change::Venue {
            from: before.venue.to_owned(),
            to: after.venue.to_owned(),
        });
    }
    if before.meeting_url != after.meeting_url {
        changes.push(Change::MeetingUrl {
            from: before.meeting_url.map(str::to_owned),
            to: after.meeting_url.map(str::to_owned),
        });
    }
    let mut unmatched: Vec<Option<PartFacts>> = after
        .parts
        .iter()
        .map(|p| Some(PartFacts::from(p)))
        .collect();
    let mut matched: Vec<(usize, Change)> = Vec::new();
    for old in before.parts.iter().map(PartFacts::from) {
        let twin = unmatched
            .iter()
            .position(|new| new.as_ref().is_some_and(|new| new.title == old.title));
        match twin {
            Some(i) => {
                let new = unmatched[i].take().expect("matched once");
                if !old.same_times(&new) || old.streamed != new.streamed {
                    matched.push((i, Change::PartChanged { from: old, to: new }));
                }
            }
            None => changes.push(Change::PartRemoved { part: old }),
        }
    }
    matched.extend(
        unmatched
            .into_iter()
            .enumerate()
            .filter_map(|(i, new)| Some((i, Change::PartAdded { part: new? }))),
    );
    // In the order of the new programme.
    matched.sort_by_key(|(i, _)| *i);
    changes.extend(matched.into_iter().map(|(_, change)| change));
    changes
}

/// The changes that concern a person attending in `mode`.
pub fn concerning(changes: &[Change], mode: Mode) -> Vec<Change> {
    changes
        .iter()
        .filter(|c| c.concerns(mode))
        .cloned()
        .collect()
}

/// Whether an event's people are told of its changes at all: not while it is a draft
/// (nobody has been asked yet), and not once it has ended.
pub fn worth_telling(phase: Phase, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    phase != Phase::Draft && ends_at > now
}

/// One person to tell, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub registration_id: i64,
    /// The mode of their seat, or of the seat held for them.
    pub mode: Mode,
    /// A confirmed participant (whose calendar holds the event), not an invitee.
    pub confirmed: bool,
    pub changes: Vec<Change>,
}

/// Everyone a change concerns: each confirmed participant and each holder of an
/// invitation or offer not yet lapsed at `now`, whose mode the changes concern. People
/// waiting in line are not told: nothing is theirs yet.
pub fn recipients<'a>(
    entries: impl Iterator<Item = &'a Entry>,
    changes: &[Change],
    now: DateTime<Utc>,
) -> Vec<Recipient> {
    let mut recipients: Vec<Recipient> = entries
        .filter_map(|entry| {
            let mode = entry.mode?;
            let confirmed = match entry.status {
                Status::Confirmed => true,
                Status::Invited | Status::Offered => {
                    if entry.hold_until.is_none_or(|until| until <= now) {
                        return None;
                    }
                    false
                }
                _ => return None,
            };
            let changes = concerning(changes, mode);
            (!changes.is_empty()).then_some(Recipient {
                registration_id: entry.id,
                mode,
                confirmed,
                changes,
            })
        })
        .collect();
    recipients.sort_by_key(|r| r.registration_id);
    recipients
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::domain::Preference;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 15, hour, 0, 0).unwrap()
    }

    fn part(title: &str, from: u32, to: u32, streamed: bool) -> Part {
        Part {
            title: title.into(),
            starts_at: at(from),
            ends_at: at(to),
            streamed,
            description: String::new(),
        }
    }

    fn schedule<'a>(venue: &'a str, link: Option<&'a str>, parts: &'a [Part]) -> Schedule<'a> {
        Schedule {
            starts_at: at(8),
            ends_at: at(17),
            venue,
            meeting_url: link,
            parts,
        }
    }

    fn entry(id: i64, status: Status, mode: Option<Mode>, hold: Option<u32>) -> Entry {
        Entry {
            id,
            status,
            mode,
            preference: Preference::Either,
            hold_until: hold.map(at),
            priority: 0,
            line_since: None,
            wait_for: None,
            wait_offered_until: None,
            reconfirm_by: None,
        }
    }

    #[test]
    fn nothing_changed_is_no_change() {
        let parts = [part("Talks", 9, 10, true)];
        let same = schedule("Room 1", Some("https://meet.example.org/a"), &parts);
        assert_eq!(changes(&same, &same), []);
    }

    #[test]
    fn seconds_a_form_drops_are_no_change() {
        let before = schedule("Room 1", None, &[]);
        let after = Schedule {
            starts_at: at(8) + Duration::seconds(42),
            ..before
        };
        assert_eq!(changes(&before, &after), []);
    }

    #[test]
    fn a_new_start_concerns_everyone() {
        let before = schedule("Room 1", None, &[]);
        let after = Schedule {
            starts_at: at(9),
            ..before
        };
        let found = changes(&before, &after);
        assert_eq!(
            found,
            [Change::StartsAt {
                from: at(8),
                to: at(9)
            }]
        );
        assert!(found[0].concerns(Mode::InPerson) && found[0].concerns(Mode::Virtual));
        assert_eq!(found[0].topic(), "time");
    }

    #[test]
    fn the_venue_concerns_the_room_and_the_link_those_online() {
        let before = schedule("Room 1", Some("https://meet.example.org/a"), &[]);
        let after = schedule("Room 2", Some("https://meet.example.org/b"), &[]);
        let found = changes(&before, &after);
        assert_eq!(found.len(), 2);
        assert_eq!(
            concerning(&found, Mode::InPerson),
            [Change::Venue {
                from: "Room 1".into(),
                to: "Room 2".into()
            }]
        );
        assert_eq!(
            concerning(&found, Mode::Virtual),
            [Change::MeetingUrl {
                from: Some("https://meet.example.org/a".into()),
                to: Some("https://meet.example.org/b".into())
            }]
        );
    }

    #[test]
    fn parts_added_removed_and_retimed_are_named_by_title() {
        let old = [
            part("Talks", 9, 10, true),
            part("Groups", 10, 12, false),
            part("Lunch", 12, 13, false),
        ];
        let new = [
            part("Talks", 9, 11, true),
            part("Lunch", 12, 13, false),
            part("Panel", 14, 15, true),
        ];
        let found = changes(&schedule("", None, &old), &schedule("", None, &new));
        assert_eq!(
            found,
            [
                Change::PartRemoved {
                    part: PartFacts::from(&old[1])
                },
                Change::PartChanged {
                    from: PartFacts::from(&old[0]),
                    to: PartFacts::from(&new[0])
                },
                Change::PartAdded {
                    part: PartFacts::from(&new[2])
                },
            ]
        );
        // Online: the streamed parts only (the talks retimed, the panel added).
        assert_eq!(concerning(&found, Mode::Virtual).len(), 2);
        assert_eq!(concerning(&found, Mode::InPerson).len(), 3);
    }

    #[test]
    fn streaming_a_part_concerns_only_those_online() {
        let old = [part("Groups", 10, 12, false)];
        let new = [part("Groups", 10, 12, true)];
        let found = changes(&schedule("", None, &old), &schedule("", None, &new));
        assert_eq!(found.len(), 1);
        assert!(found[0].concerns(Mode::Virtual));
        assert!(!found[0].concerns(Mode::InPerson));
        // A part no longer streamed concerns those online too: they lose it.
        let back = changes(&schedule("", None, &new), &schedule("", None, &old));
        assert!(back[0].concerns(Mode::Virtual));
    }

    #[test]
    fn a_part_only_described_anew_or_reordered_is_no_change() {
        let old = [part("Talks", 9, 10, true), part("Groups", 10, 12, false)];
        let mut new = [old[1].clone(), old[0].clone()];
        new[0].description = "Bring a laptop".into();
        assert_eq!(
            changes(&schedule("", None, &old), &schedule("", None, &new)),
            []
        );
    }

    #[test]
    fn told_are_the_confirmed_and_open_holds_whose_mode_is_concerned() {
        let now = at(1);
        let entries = [
            entry(1, Status::Confirmed, Some(Mode::InPerson), None),
            entry(2, Status::Confirmed, Some(Mode::Virtual), None),
            entry(3, Status::Invited, Some(Mode::InPerson), Some(5)),
            entry(4, Status::Offered, Some(Mode::InPerson), Some(0)),
            entry(5, Status::Waitlisted, None, None),
            entry(6, Status::Cancelled, Some(Mode::InPerson), None),
        ];
        let venue = [Change::Venue {
            from: "Room 1".into(),
            to: "Room 2".into(),
        }];
        let told = recipients(entries.iter(), &venue, now);
        assert_eq!(
            told.iter()
                .map(|r| (r.registration_id, r.confirmed))
                .collect::<Vec<_>>(),
            [(1, true), (3, false)],
            "not the virtual participant, the lapsed offer, the line or the cancelled"
        );
        let time = [Change::StartsAt {
            from: at(8),
            to: at(9) + Duration::minutes(30),
        }];
        let told = recipients(entries.iter(), &time, now);
        assert_eq!(told.len(), 3);
        assert!(recipients(entries.iter(), &[], now).is_empty());
    }

    #[test]
    fn drafts_and_ended_events_tell_nobody() {
        assert!(worth_telling(Phase::Open, at(10), at(9)));
        assert!(!worth_telling(Phase::Draft, at(10), at(9)));
        assert!(!worth_telling(Phase::InviteOnly, at(10), at(10)));
    }
}
