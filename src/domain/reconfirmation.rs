//! "Are you still coming?" (SPEC.md, "After the seat"): some days before an event each
//! confirmed in-person participant is asked to reconfirm within a window of hours; no
//! answer by then releases the seat to the line.

use chrono::{DateTime, Duration, Utc};

/// The longest time before the start at which reconfirmation may be asked.
pub const DAYS_BEFORE_MAX: i64 = 365;

/// When participants are asked and how long they have to answer, checked: the answers are
/// due before the event starts, so a released seat can still go to the next in line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reconfirmation {
    days_before: u32,
    window_hours: u32,
}

/// A reconfirmation setting as an edge read it: numbers, not yet checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReconfirmationDraft {
    pub days_before: i64,
    pub window_hours: i64,
}

impl Reconfirmation {
    pub fn parse(draft: ReconfirmationDraft) -> Result<Reconfirmation, String> {
        let ReconfirmationDraft {
            days_before,
            window_hours,
        } = draft;
        if !(1..=DAYS_BEFORE_MAX).contains(&days_before) {
            return Err(format!(
                "days_before must be a whole number of days from 1 to {DAYS_BEFORE_MAX}"
            ));
        }
        if window_hours < 1 {
            return Err("window_hours must be at least 1".into());
        }
        if window_hours >= days_before * 24 {
            return Err(format!(
                "window_hours must end before the event starts: less than {} hours for {days_before} day(s) before",
                days_before * 24
            ));
        }
        Ok(Reconfirmation {
            days_before: days_before as u32,
            window_hours: window_hours as u32,
        })
    }

    pub fn days_before(self) -> u32 {
        self.days_before
    }

    pub fn window_hours(self) -> u32 {
        self.window_hours
    }

    pub fn draft(self) -> ReconfirmationDraft {
        ReconfirmationDraft {
            days_before: i64::from(self.days_before),
            window_hours: i64::from(self.window_hours),
        }
    }

    /// When participants are asked.
    pub fn moment(self, starts_at: DateTime<Utc>) -> DateTime<Utc> {
        starts_at - Duration::days(i64::from(self.days_before))
    }

    /// The deadline of a question asked now, when one is due: from the moment on (also
    /// when reconfirmation is turned on after it), as long as the answer is still due
    /// before the start.
    pub fn deadline_if_due(
        self,
        starts_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let until = now + Duration::hours(i64::from(self.window_hours));
        (now >= self.moment(starts_at) && until < starts_at).then_some(until)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn draft(days_before: i64, window_hours: i64) -> ReconfirmationDraft {
        ReconfirmationDraft {
            days_before,
            window_hours,
        }
    }

    #[test]
    fn days_and_hours_are_checked_and_the_window_ends_before_the_start() {
        assert!(Reconfirmation::parse(draft(3, 48)).is_ok());
        assert!(Reconfirmation::parse(draft(1, 23)).is_ok());
        for (days, hours) in [
            (0, 1),
            (-1, 1),
            (366, 1),
            (3, 0),
            (3, -4),
            (1, 24),
            (2, 100),
        ] {
            assert!(
                Reconfirmation::parse(draft(days, hours)).is_err(),
                "{days} {hours}"
            );
        }
    }

    #[test]
    fn it_is_due_from_its_moment_while_the_answer_can_come_before_the_start() {
        let starts = Utc.with_ymd_and_hms(2027, 6, 10, 9, 0, 0).unwrap();
        let r = Reconfirmation::parse(draft(3, 48)).unwrap();
        let moment = starts - Duration::days(3);
        assert_eq!(r.moment(starts), moment);
        assert_eq!(
            r.deadline_if_due(starts, moment - Duration::seconds(1)),
            None
        );
        assert_eq!(
            r.deadline_if_due(starts, moment),
            Some(moment + Duration::hours(48))
        );
        // Turned on late: asked at once, with the whole window to answer.
        let late = moment + Duration::hours(20);
        assert_eq!(
            r.deadline_if_due(starts, late),
            Some(late + Duration::hours(48))
        );
        // Too late for an answer before the start: nobody is asked.
        assert_eq!(
            r.deadline_if_due(starts, moment + Duration::hours(24)),
            None
        );
    }
}
