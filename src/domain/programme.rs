//! An event's programme: its parts, in the organizer's order, each within the event's
//! times; which of them a participant attends follows from the mode of their seat.

use chrono::{DateTime, Utc};

use super::Mode;

pub const PART_TITLE_MAX: usize = 200;
pub const PART_DESCRIPTION_MAX: usize = 5_000;
pub const PARTS_MAX: usize = 100;

/// One part of a programme, as an edge read it or as checked inside a [`Programme`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Virtual participants can follow it.
    pub streamed: bool,
    pub description: String,
}

/// The parts of an event, each checked: a title, an end after its start, and within the
/// event. Only [`Programme::parse`] builds one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Programme(Vec<Part>);

impl Programme {
    /// The programme of these parts for an event from `starts_at` to `ends_at`, or what is
    /// wrong with them, each message naming the part by its place (1-based).
    pub fn parse(
        parts: Vec<Part>,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
    ) -> Result<Programme, Vec<String>> {
        let mut errors = Vec::new();
        if parts.len() > PARTS_MAX {
            errors.push(format!("must have at most {PARTS_MAX} parts"));
        }
        let mut checked = Vec::with_capacity(parts.len());
        for (i, part) in parts.into_iter().enumerate() {
            let n = i + 1;
            let title = part.title.trim().to_owned();
            let description = part.description.replace("\r\n", "\n").trim().to_owned();
            if title.is_empty() {
                errors.push(format!("part {n}: the title is required"));
            }
            if title.chars().count() > PART_TITLE_MAX {
                errors.push(format!(
                    "part {n}: the title must be at most {PART_TITLE_MAX} characters"
                ));
            }
            if title.chars().any(char::is_control) {
                errors.push(format!(
                    "part {n}: the title must not contain control characters"
                ));
            }
            if description.chars().count() > PART_DESCRIPTION_MAX {
                errors.push(format!(
                    "part {n}: the description must be at most {PART_DESCRIPTION_MAX} characters"
                ));
            }
            if description
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
            {
                errors.push(format!(
                    "part {n}: the description must not contain control characters"
                ));
            }
            if part.ends_at <= part.starts_at {
                errors.push(format!("part {n}: must end after it starts"));
            }
            if part.starts_at < starts_at || part.ends_at > ends_at {
                errors.push(format!(
                    "part {n}: must lie within the event's starts_at and ends_at"
                ));
            }
            checked.push(Part {
                title,
                description,
                ..part
            });
        }
        if errors.is_empty() {
            Ok(Programme(checked))
        } else {
            Err(errors)
        }
    }

    pub fn parts(&self) -> &[Part] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The parts a participant with a seat of `mode` attends: every part in person, the
    /// streamed ones virtually.
    pub fn attended(&self, mode: Mode) -> impl Iterator<Item = &Part> {
        self.0
            .iter()
            .filter(move |p| mode == Mode::InPerson || p.streamed)
    }

    /// Whether some parts are streamed and some are not, so that the difference is worth
    /// saying.
    pub fn partly_streamed(&self) -> bool {
        self.0.iter().any(|p| p.streamed) && self.0.iter().any(|p| !p.streamed)
    }
}

/// These parts moved by `by`, for a copy of an event that starts at another time.
pub fn shifted(parts: Vec<Part>, by: chrono::Duration) -> Vec<Part> {
    parts
        .into_iter()
        .map(|p| Part {
            starts_at: p.starts_at + by,
            ends_at: p.ends_at + by,
            ..p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

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

    #[test]
    fn parts_keep_their_order_and_are_trimmed() {
        let mut late = part(" Talks ", 14, 16, true);
        late.description = "Two talks.\r\nThen questions.".into();
        let programme =
            Programme::parse(vec![late, part("Groups", 9, 12, false)], at(9), at(17)).unwrap();
        let titles: Vec<_> = programme.parts().iter().map(|p| &p.title[..]).collect();
        assert_eq!(titles, ["Talks", "Groups"]);
        assert_eq!(
            programme.parts()[0].description,
            "Two talks.\nThen questions."
        );
    }

    #[test]
    fn a_part_outside_the_event_or_ending_before_it_starts_is_refused() {
        let errors = Programme::parse(
            vec![
                part("Early", 8, 10, false),
                part("Backwards", 12, 11, false),
                part("", 9, 10, false),
            ],
            at(9),
            at(17),
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "part 1: must lie within the event's starts_at and ends_at",
                "part 2: must end after it starts",
                "part 3: the title is required",
            ]
        );
        let mut long = part("Long", 9, 10, false);
        long.ends_at = at(17) + Duration::minutes(1);
        assert!(Programme::parse(vec![long], at(9), at(17)).is_err());
    }

    #[test]
    fn virtual_participants_attend_the_streamed_parts_in_person_ones_every_part() {
        let programme = Programme::parse(
            vec![part("Talks", 9, 10, true), part("Groups", 10, 12, false)],
            at(9),
            at(17),
        )
        .unwrap();
        assert_eq!(programme.attended(Mode::InPerson).count(), 2);
        let streamed: Vec<_> = programme.attended(Mode::Virtual).collect();
        assert_eq!(streamed.len(), 1);
        assert_eq!(streamed[0].title, "Talks");
        assert!(programme.partly_streamed());
    }
}
