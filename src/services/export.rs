//! The CSV files the project writes, all through [`CsvFile`]: it neutralises every cell a
//! spreadsheet would run as a formula, so a name typed on the public form stays text in
//! the organizers' spreadsheet. The participants file is built here once, for the API's
//! `export.csv` and the dashboard's exports alike.

use std::borrow::Cow;

use std::collections::HashMap;

use crate::domain::{Answers, Mode, Question, RegistrationId};
use crate::reads::RegistrationState;

/// A cell as a spreadsheet should show it. One that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return would be read as a formula (OWASP, "CSV Injection"), so it gets a
/// leading `'`, which spreadsheets take as "this is text" and do not show.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A CSV file in memory whose cells are all [`spreadsheet_safe`]. The only CSV writer of
/// the project: a file written any other way could carry a formula.
pub struct CsvFile {
    writer: csv::Writer<Vec<u8>>,
}

impl CsvFile {
    /// A file that starts with its header row.
    pub fn new(header: &[&str]) -> Result<CsvFile, csv::Error> {
        let mut file = CsvFile {
            writer: csv::Writer::from_writer(Vec::new()),
        };
        file.row(header.iter().copied())?;
        Ok(file)
    }

    pub fn row<I, S>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.writer.write_record(
            cells
                .into_iter()
                .map(|cell| spreadsheet_safe(cell.as_ref()).into_owned()),
        )
    }

    pub fn into_bytes(self) -> Result<Vec<u8>, csv::Error> {
        self.writer
            .into_inner()
            .map_err(|error| csv::Error::from(error.into_error()))
    }
}

/// The columns of the participants file.
pub const PARTICIPANT_COLUMNS: [&str; 12] = [
    "id",
    "name",
    "email",
    "affiliation",
    "status",
    "mode",
    "preference",
    "position",
    "hold_until",
    "registered_at",
    "checked_in_at",
    "language",
];

/// Registrations as the participants file: in person first, then virtual, then those
/// without a seat; the waiting ones in line order, everyone else by name, as badges and
/// the meeting tool's import want them.
pub fn participants(
    registrations: &[RegistrationState],
    answers: &HashMap<RegistrationId, Answers>,
    questions: &[Question],
) -> Result<Vec<u8>, csv::Error> {
    let mut sorted: Vec<&RegistrationState> = registrations.iter().collect();
    sorted.sort_by_cached_key(|r| {
        let mode_rank = match r.shown_mode() {
            Some(Mode::InPerson) => 0,
            Some(Mode::Virtual) => 1,
            None => 2,
        };
        (mode_rank, r.position, r.row.name.to_lowercase(), r.row.id)
    });
    // One column per question, named by its key; several choices in one cell.
    let header: Vec<&str> = PARTICIPANT_COLUMNS
        .iter()
        .copied()
        .chain(questions.iter().map(|q| q.key.as_str()))
        .collect();
    let mut file = CsvFile::new(&header)?;
    for r in sorted {
        let given = answers.get(&r.row.id);
        let answered = questions.iter().map(|q| {
            given
                .and_then(|a| a.get(&q.key))
                .map(|values| values.join("; "))
                .unwrap_or_default()
        });
        let fixed = [
            r.row.id.to_string(),
            r.row.name.clone(),
            r.row.email.clone(),
            r.row.affiliation.clone().unwrap_or_default(),
            r.status.to_string(),
            r.shown_mode().map(|m| m.to_string()).unwrap_or_default(),
            r.row.preference.to_string(),
            r.position.map(|p| p.to_string()).unwrap_or_default(),
            r.hold_until.map(|t| t.to_rfc3339()).unwrap_or_default(),
            r.row.created_at.utc().to_rfc3339(),
            r.row
                .checked_in_at
                .map(|t| t.utc().to_rfc3339())
                .unwrap_or_default(),
            r.row.language.tag().to_owned(),
        ];
        file.row(fixed.into_iter().chain(answered))?;
    }
    file.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_gets_a_leading_quote() {
        for cell in [
            "=HYPERLINK(\"http://evil.example/\",\"click\")",
            "+1+2",
            "-2+3",
            "@SUM(A1:A2)",
            "\tTab",
            "\rReturn",
        ] {
            assert_eq!(spreadsheet_safe(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in [
            "Ada Lovelace",
            "",
            "a=b",
            "2030-01-01T09:00:00+00:00",
            "'quoted",
        ] {
            assert_eq!(spreadsheet_safe(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn every_cell_of_a_file_is_written_safe_and_quoted_as_csv_needs() {
        let mut file = CsvFile::new(&["name", "note"]).unwrap();
        file.row(["=1+1", "a, \"b\""]).unwrap();
        let text = String::from_utf8(file.into_bytes().unwrap()).unwrap();
        assert_eq!(text, "name,note\n'=1+1,\"a, \"\"b\"\"\"\n");
    }
}
