//! Who is in the room: for a question marked `summarize`, how many of those invited,
//! waiting and confirmed gave each answer. No count from 1 to [`MIN_COUNT`] - 1 is ever
//! shown, and none can be worked out from what is shown beside it: in a column where
//! one count is withheld, a second one is withheld with it (the smallest other, zero
//! included), so the column's total no longer gives either away.

use super::{Question, Status};

/// The smallest count shown.
pub const MIN_COUNT: u32 = 5;

/// The three groups counted, in the order of the columns.
pub const GROUPS: [&str; 3] = ["invited", "waitlisted", "confirmed"];

/// The group a registration counts in, if any: invited; waiting (a seat offered to
/// someone in line is still theirs to take); confirmed.
pub fn group_of(status: Status) -> Option<usize> {
    match status {
        Status::Invited => Some(0),
        Status::Waitlisted | Status::Offered => Some(1),
        Status::Confirmed => Some(2),
        _ => None,
    }
}

/// The counts of one question: a row per option (or text given) in the question's
/// order, then those who gave no answer, then everyone counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub rows: Vec<(String, [u32; 3])>,
    pub unanswered: [u32; 3],
    pub total: [u32; 3],
}

/// A tally as it may be shown: `None` for a withheld count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub rows: Vec<(String, [Option<u32>; 3])>,
    pub unanswered: [Option<u32>; 3],
    pub total: [Option<u32>; 3],
}

/// Counts the answers of the people given (their status and their answer's values).
pub fn tally<'a>(
    question: &Question,
    people: impl IntoIterator<Item = (Status, Option<&'a [String]>)>,
) -> Tally {
    let mut rows: Vec<(String, [u32; 3])> = question
        .options
        .iter()
        .map(|o| (o.clone(), [0; 3]))
        .collect();
    let mut unanswered = [0; 3];
    let mut total = [0; 3];
    for (status, values) in people {
        let Some(group) = group_of(status) else {
            continue;
        };
        total[group] += 1;
        match values.filter(|v| !v.is_empty()) {
            None => unanswered[group] += 1,
            Some(values) => {
                for value in values {
                    match rows.iter_mut().find(|(v, _)| v == value) {
                        Some((_, counts)) => counts[group] += 1,
                        // A text, or an option since removed: a row of its own.
                        None => {
                            let mut counts = [0; 3];
                            counts[group] = 1;
                            rows.push((value.clone(), counts));
                        }
                    }
                }
            }
        }
    }
    Tally {
        rows,
        unanswered,
        total,
    }
}

fn small(count: u32) -> bool {
    (1..MIN_COUNT).contains(&count)
}

/// The tally with every small count withheld, and in each column a second count withheld
/// wherever one alone would follow from the column's total.
pub fn protect(tally: &Tally) -> Shown {
    let cells = tally.rows.len() + 1;
    let count_at = |row: usize, group: usize| {
        if row < tally.rows.len() {
            tally.rows[row].1[group]
        } else {
            tally.unanswered[group]
        }
    };
    let mut withheld = vec![[false; 3]; cells];
    let mut total_withheld = [false; 3];
    for group in 0..3 {
        let mut hidden: Vec<usize> = (0..cells).filter(|&r| small(count_at(r, group))).collect();
        for &r in &hidden {
            withheld[r][group] = true;
        }
        // One withheld count is the total less the others: withhold the smallest other.
        if hidden.len() == 1 {
            let other = (0..cells)
                .filter(|r| !hidden.contains(r))
                .min_by_key(|&r| (count_at(r, group), r));
            match other {
                Some(r) => {
                    withheld[r][group] = true;
                    hidden.push(r);
                }
                None => total_withheld[group] = true,
            }
        }
        if small(tally.total[group]) {
            total_withheld[group] = true;
        }
    }
    let shown = |count: u32, hide: bool| (!hide).then_some(count);
    Shown {
        rows: tally
            .rows
            .iter()
            .enumerate()
            .map(|(r, (value, counts))| {
                (
                    value.clone(),
                    [0, 1, 2].map(|g| shown(counts[g], withheld[r][g])),
                )
            })
            .collect(),
        unanswered: [0, 1, 2].map(|g| shown(tally.unanswered[g], withheld[cells - 1][g])),
        total: [0, 1, 2].map(|g| shown(tally.total[g], total_withheld[g])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::QuestionKind;

    fn stage() -> Question {
        Question {
            key: "stage".into(),
            label: "Career stage".into(),
            kind: QuestionKind::Choice,
            options: vec!["PhD".into(), "Postdoc".into(), "Faculty".into()],
            required: true,
            summarize: true,
        }
    }

    fn people(counts: &[(&str, Status, usize)]) -> Vec<(Status, Vec<String>)> {
        counts
            .iter()
            .flat_map(|(answer, status, n)| {
                std::iter::repeat_n((*status, vec![answer.to_string()]), *n)
            })
            .collect()
    }

    fn shown_of(list: &[(Status, Vec<String>)]) -> Shown {
        protect(&tally(
            &stage(),
            list.iter().map(|(s, v)| (*s, Some(v.as_slice()))),
        ))
    }

    #[test]
    fn counts_from_one_to_four_are_never_shown() {
        let shown = shown_of(&people(&[
            ("PhD", Status::Confirmed, 12),
            ("Postdoc", Status::Confirmed, 4),
            ("Faculty", Status::Confirmed, 7),
            ("PhD", Status::Invited, 5),
        ]));
        assert_eq!(shown.rows[0].1, [Some(5), Some(0), Some(12)]);
        assert_eq!(shown.rows[1].1[2], None, "4 is withheld");
        for (_, counts) in &shown.rows {
            for count in counts.iter().flatten() {
                assert!(!small(*count), "{shown:?}");
            }
        }
        assert_eq!(shown.total, [Some(5), Some(0), Some(23)]);
    }

    #[test]
    fn a_withheld_count_cannot_be_worked_out_from_the_total_beside_it() {
        let shown = shown_of(&people(&[
            ("PhD", Status::Confirmed, 12),
            ("Postdoc", Status::Confirmed, 4),
            ("Faculty", Status::Confirmed, 7),
        ]));
        let column: Vec<Option<u32>> = shown
            .rows
            .iter()
            .map(|(_, c)| c[2])
            .chain([shown.unanswered[2]])
            .collect();
        let hidden = column.iter().filter(|c| c.is_none()).count();
        assert!(hidden >= 2, "a second count is withheld: {column:?}");
        // What a reader can work out: the total less what is shown.
        let known: u32 = column.iter().flatten().sum();
        let rest = shown.total[2].unwrap() - known;
        assert!(
            rest != 4 || hidden > 1,
            "the 4 is one of several withheld counts summing to {rest}"
        );
    }

    #[test]
    fn a_column_with_only_a_small_count_withholds_its_total() {
        let only = protect(&Tally {
            rows: vec![("PhD".into(), [0, 0, 3])],
            unanswered: [0, 0, 0],
            total: [0, 0, 3],
        });
        assert_eq!(only.rows[0].1[2], None);
        assert_eq!(only.unanswered[2], None, "its only other cell");
        assert_eq!(only.total[2], None, "3 is small");
        let lone = protect(&Tally {
            rows: vec![],
            unanswered: [0, 0, 2],
            total: [0, 0, 2],
        });
        assert_eq!(lone.total[2], None);
    }
}
