//! Reminders: when each person of an event is owed one, and of what kind. A reminder is
//! identified by its person, its kind and the moment it was for, so it is sent once
//! however often the sweeper asks, and again only when the moment itself moves (the
//! event rescheduled, a deadline extended).

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Duration, Utc};

use super::{Entry, Mode, Status};

/// At most this many reminders before an event.
pub const REMINDERS_MAX: usize = 5;
/// A reminder at most a year before the event.
pub const REMINDER_HOURS_MAX: u32 = 8760;
/// Hours before the start at which confirmed participants are reminded, by default.
pub const DEFAULT_REMINDER_HOURS: u32 = 24;

/// The hours before an event's start at which its confirmed participants get a reminder:
/// each from 1 to [`REMINDER_HOURS_MAX`], at most [`REMINDERS_MAX`], none twice; empty
/// means no reminders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderHours(BTreeSet<u32>);

impl Default for ReminderHours {
    fn default() -> Self {
        ReminderHours(BTreeSet::from([DEFAULT_REMINDER_HOURS]))
    }
}

impl ReminderHours {
    /// The hours as an organizer gave them, in any order; repeats count once.
    pub fn parse(hours: &[i64]) -> Result<ReminderHours, String> {
        let mut set = BTreeSet::new();
        for &h in hours {
            match u32::try_from(h) {
                Ok(h) if (1..=REMINDER_HOURS_MAX).contains(&h) => {
                    set.insert(h);
                }
                _ => {
                    return Err(format!(
                        "each must be a whole number of hours from 1 to {REMINDER_HOURS_MAX}"
                    ))
                }
            }
        }
        if set.len() > REMINDERS_MAX {
            return Err(format!("must hold at most {REMINDERS_MAX} reminders"));
        }
        Ok(ReminderHours(set))
    }

    /// The hours, most first (the earliest reminder first).
    pub fn hours(&self) -> Vec<u32> {
        self.0.iter().rev().copied().collect()
    }

    /// The moment a reminder was last due at `now`, before an event starting at
    /// `starts_at`: the latest of the reminder moments that have passed, or none when
    /// none has or the event has started. Moments passed earlier are not caught up, so
    /// someone confirming an hour before gets one reminder, not one for each setting.
    pub fn due_moment(
        &self,
        starts_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        if now >= starts_at {
            return None;
        }
        self.0
            .iter()
            .map(|&h| starts_at - Duration::hours(i64::from(h)))
            .filter(|moment| *moment <= now)
            .max()
    }

    /// Whether some reminder moment has passed at `now` before the start.
    pub fn any_due(&self, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        self.due_moment(starts_at, now).is_some()
    }
}

impl fmt::Display for ReminderHours {
    /// As the dashboard's field and the column spell it: "24, 2".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hours: Vec<String> = self.hours().iter().map(u32::to_string).collect();
        f.write_str(&hours.join(", "))
    }
}

impl std::str::FromStr for ReminderHours {
    type Err = String;

    /// Hours separated by commas or spaces; blank means none.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut hours = Vec::new();
        for word in text.split([',', ' ']).filter(|w| !w.trim().is_empty()) {
            hours.push(
                word.trim()
                    .parse::<i64>()
                    .map_err(|_| format!("{:?} is not a whole number of hours", word.trim()))?,
            );
        }
        ReminderHours::parse(&hours)
    }
}

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReminderKind {
    /// The event is coming: to a confirmed participant.
    Event,
    /// An answer is due: to an invitee or someone offered a seat.
    Answer,
    /// "Are you still coming?": to a confirmed in-person participant, once per start time.
    Reconfirmation,
}

impl ReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Event => "event",
            ReminderKind::Answer => "answer",
            ReminderKind::Reconfirmation => "reconfirmation",
        }
    }
}

impl std::str::FromStr for ReminderKind {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        match text {
            "event" => Ok(ReminderKind::Event),
            "answer" => Ok(ReminderKind::Answer),
            "reconfirmation" => Ok(ReminderKind::Reconfirmation),
            _ => Err(()),
        }
    }
}

/// One reminder a person is owed now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReminder {
    pub registration_id: i64,
    pub kind: ReminderKind,
    /// What identifies it: the reminder moment before the start (event reminders) or the
    /// deadline it is about (answer reminders).
    pub key: DateTime<Utc>,
    /// The seat's mode: attended (event) or held for the answer.
    pub mode: Mode,
    /// The deadline of an answer reminder.
    pub deadline: Option<DateTime<Utc>>,
}

/// The reminders the entries of an event are owed at `now`, before the ones already sent
/// are taken out: an event reminder to every confirmed participant once a reminder moment
/// has passed, and an answer reminder to each open invitation or offer whose deadline is
/// less than `answer_hours` away. An answer reminder goes only to a hold given before its
/// moment (`held_since`), so a short offer is not followed at once by its own reminder.
pub fn due<'a>(
    entries: impl Iterator<Item = &'a Entry>,
    hours: &ReminderHours,
    starts_at: DateTime<Utc>,
    answer_hours: u32,
    now: DateTime<Utc>,
) -> Vec<DueReminder> {
    let event_moment = hours.due_moment(starts_at, now);
    let answer_window = Duration::hours(i64::from(answer_hours));
    let mut owed = Vec::new();
    for entry in entries {
        if let (Status::Confirmed, Some(mode), Some(moment)) =
            (entry.status, entry.mode, event_moment)
        {
            owed.push(DueReminder {
                registration_id: entry.id,
                kind: ReminderKind::Event,
                key: moment,
                mode,
                deadline: None,
            });
        }
        let answer = match entry.status {
            Status::Invited | Status::Offered => entry.hold_until.zip(entry.mode),
            _ => None,
        };
        if let Some((deadline, mode)) = answer {
            if answer_hours > 0 && now < deadline && deadline - answer_window <= now {
                owed.push(DueReminder {
                    registration_id: entry.id,
                    kind: ReminderKind::Answer,
                    key: deadline,
                    mode,
                    deadline: Some(deadline),
                });
            }
        }
    }
    owed
}

/// Whether an answer reminder for `deadline` suits a hold last changed at `held_since`:
/// only when the person has had the question since before the reminder's moment.
pub fn answer_reminder_suits(
    deadline: DateTime<Utc>,
    answer_hours: u32,
    held_since: DateTime<Utc>,
) -> bool {
    held_since <= deadline - Duration::hours(i64::from(answer_hours))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::Preference;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 15, hour, 0, 0).unwrap()
    }

    fn entry(id: i64, status: Status, mode: Option<Mode>, hold: Option<DateTime<Utc>>) -> Entry {
        Entry {
            id,
            status,
            mode,
            preference: Preference::Either,
            hold_until: hold,
            priority: 0,
            line_since: None,
            wait_for: None,
            wait_offered_until: None,
            reconfirm_by: None,
        }
    }

    #[test]
    fn hours_are_checked_and_repeats_count_once() {
        assert_eq!(
            ReminderHours::parse(&[2, 24, 24]).unwrap().hours(),
            vec![24, 2]
        );
        assert!(ReminderHours::parse(&[0]).is_err());
        assert!(ReminderHours::parse(&[-1]).is_err());
        assert!(ReminderHours::parse(&[8761]).is_err());
        assert!(ReminderHours::parse(&[1, 2, 3, 4, 5, 6]).is_err());
        assert_eq!(
            ReminderHours::parse(&[]).unwrap().hours(),
            Vec::<u32>::new()
        );
        assert_eq!(
            "24, 2".parse::<ReminderHours>().unwrap().to_string(),
            "24, 2"
        );
        assert!("24, soon".parse::<ReminderHours>().is_err());
    }

    #[test]
    fn the_latest_passed_moment_is_due_and_none_once_the_event_started() {
        let hours = ReminderHours::parse(&[24, 2]).unwrap();
        let starts = at(20);
        assert_eq!(
            hours.due_moment(starts, at(17)),
            Some(at(20) - Duration::hours(24))
        );
        assert_eq!(hours.due_moment(starts, at(18)), Some(at(18)));
        assert_eq!(hours.due_moment(starts, at(20)), None);
        assert_eq!(
            ReminderHours::parse(&[1])
                .unwrap()
                .due_moment(starts, at(12)),
            None
        );
    }

    #[test]
    fn confirmed_people_get_event_reminders_and_open_holds_answer_reminders() {
        let hours = ReminderHours::parse(&[24]).unwrap();
        let entries = [
            entry(1, Status::Confirmed, Some(Mode::InPerson), None),
            entry(2, Status::Waitlisted, None, None),
            entry(3, Status::Invited, Some(Mode::InPerson), Some(at(22))),
            entry(
                4,
                Status::Offered,
                Some(Mode::Virtual),
                Some(at(23) + Duration::days(2)),
            ),
        ];
        let owed = due(
            entries.iter(),
            &hours,
            at(12) + Duration::days(1),
            24,
            at(12),
        );
        let ids: Vec<(i64, ReminderKind)> =
            owed.iter().map(|r| (r.registration_id, r.kind)).collect();
        assert_eq!(
            ids,
            vec![(1, ReminderKind::Event), (3, ReminderKind::Answer)]
        );
        assert_eq!(owed[1].key, at(22));
    }

    #[test]
    fn an_answer_reminder_suits_only_a_hold_older_than_its_moment() {
        assert!(answer_reminder_suits(
            at(22),
            24,
            at(22) - Duration::hours(30)
        ));
        assert!(!answer_reminder_suits(at(22), 24, at(10)));
    }
}
