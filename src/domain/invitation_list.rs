//! A list of people to invite, as organizers paste it or upload it: one person per line,
//! either `Name <email>` or `email, name, mode` (CSV, quoting allowed, a header line
//! starting with `email` skipped). Each row is judged valid, duplicate or invalid before
//! anything is sent.

use std::collections::HashMap;

use super::{Email, Mode, PersonName};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    /// The address appears earlier in the list or is already registered.
    Duplicate(String),
    /// The line cannot be read; the reason names what is wrong.
    Invalid(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// 1-based line number in what was pasted or uploaded.
    pub line: usize,
    pub text: String,
    pub email: Option<Email>,
    pub name: Option<PersonName>,
    /// The mode asked for on the line; none means the event's default.
    pub mode: Option<Mode>,
    pub verdict: Verdict,
}

/// The most lines one list may have.
pub const MAX_LINES: usize = 5000;

fn parse_mode(text: &str) -> Result<Option<Mode>, String> {
    match text.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
        "" => Ok(None),
        "in_person" | "inperson" | "onsite" | "on_site" => Ok(Some(Mode::InPerson)),
        "virtual" | "online" | "remote" => Ok(Some(Mode::Virtual)),
        _ => Err(format!(
            "the mode {:?} is neither in_person nor virtual",
            text.trim()
        )),
    }
}

/// Splits one CSV line into trimmed fields. A field may be quoted (with `""` for a quote),
/// also after spaces, as people type `a@b.org, "Lovelace, Ada"`.
fn split_fields(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if current.trim().is_empty() && !was_quoted => {
                current.clear();
                quoted = true;
                was_quoted = true;
            }
            ',' if !quoted => {
                fields.push(current.trim().to_owned());
                current.clear();
                was_quoted = false;
            }
            _ => current.push(ch),
        }
    }
    if quoted {
        return Err("a quote is not closed".into());
    }
    fields.push(current.trim().to_owned());
    Ok(fields)
}

/// Splits a line into email, name and mode.
fn fields(line: &str) -> Result<(String, String, Option<Mode>), String> {
    if let (Some(open), true) = (line.rfind('<'), line.ends_with('>')) {
        let name = line[..open].trim().trim_matches('"').trim().to_owned();
        let email = line[open + 1..line.len() - 1].trim().to_owned();
        return Ok((email, name, None));
    }
    let record = split_fields(line)?;
    if record.len() > 3 {
        return Err("expected at most three fields: email, name, mode".into());
    }
    let field = |i: usize| record.get(i).map(String::as_str).unwrap_or_default();
    let email = field(0).to_owned();
    let name = field(1).to_owned();
    let mode = parse_mode(field(2))?;
    Ok((email, name, mode))
}

/// Whether a first line names the columns (`email, name, mode`) rather than a person: its
/// first field is the word, not an address that happens to start with it.
fn is_header(line: &str) -> bool {
    let first = line.split(',').next().unwrap_or_default();
    let first = first.trim().trim_matches('"').trim().to_lowercase();
    matches!(first.as_str(), "email" | "e-mail" | "email address")
}

/// Reads a list. `registered` maps the addresses already registered for the event (and
/// not ended) to a word for their state.
pub fn read(text: &str, registered: &HashMap<String, String>) -> Vec<ListRow> {
    let mut rows = Vec::new();
    let mut seen: HashMap<Email, usize> = HashMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || (rows.is_empty() && is_header(line)) {
            continue;
        }
        let number = index + 1;
        let mut row = ListRow {
            line: number,
            text: line.to_owned(),
            email: None,
            name: None,
            mode: None,
            verdict: Verdict::Valid,
        };
        if rows.len() >= MAX_LINES {
            row.verdict = Verdict::Invalid(format!("a list may have at most {MAX_LINES} people"));
            rows.push(row);
            continue;
        }
        match fields(line) {
            Err(reason) => row.verdict = Verdict::Invalid(reason),
            Ok((email, name, mode)) => {
                row.mode = mode;
                let email = Email::parse(&email).map_err(|e| format!("email {e}"));
                let name = PersonName::parse(&name).map_err(|e| format!("name {e}"));
                match (&email, &name) {
                    (Err(reason), _) | (_, Err(reason)) => {
                        row.verdict = Verdict::Invalid(reason.clone())
                    }
                    (Ok(email), Ok(_)) => {
                        if let Some(first) = seen.get(email) {
                            row.verdict =
                                Verdict::Duplicate(format!("the same address is on line {first}"));
                        } else if let Some(state) = registered.get(email.as_str()) {
                            row.verdict =
                                Verdict::Duplicate(format!("already registered ({state})"));
                        } else {
                            seen.insert(email.clone(), number);
                        }
                    }
                }
                row.email = email.ok();
                row.name = name.ok();
            }
        }
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdicts(text: &str, registered: &[(&str, &str)]) -> Vec<Verdict> {
        let registered = registered
            .iter()
            .map(|(e, s)| (e.to_string(), s.to_string()))
            .collect();
        read(text, &registered)
            .into_iter()
            .map(|r| r.verdict)
            .collect()
    }

    #[test]
    fn a_first_address_that_starts_with_email_is_a_person_not_a_header() {
        let rows = read("email.desk@example.org, Desk\n", &HashMap::new());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].verdict, Verdict::Valid);
        let rows = read("\"Email\", Name\nada@example.org, Ada\n", &HashMap::new());
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn both_line_formats_are_read_with_name_address_and_mode() {
        let rows = read(
            "Ada Lovelace <ada@example.org>\nbob@example.org, \"Bob, Jr.\", virtual\n",
            &HashMap::new(),
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].email.as_ref().unwrap().as_str(), "ada@example.org");
        assert_eq!(rows[0].name.as_ref().unwrap().as_str(), "Ada Lovelace");
        assert_eq!(rows[0].mode, None);
        assert_eq!(rows[1].name.as_ref().unwrap().as_str(), "Bob, Jr.");
        assert_eq!(rows[1].mode, Some(Mode::Virtual));
        assert!(rows.iter().all(|r| r.verdict == Verdict::Valid));
    }

    #[test]
    fn a_repeated_or_registered_address_is_a_duplicate_and_a_bad_line_is_invalid() {
        let found = verdicts(
            "email,name,mode\nA <a@example.org>\nA@Example.org, A again\nnot an address, X\nc@example.org, C, on the moon\nd@example.org, D",
            &[("d@example.org", "confirmed")],
        );
        assert_eq!(found[0], Verdict::Valid);
        assert!(matches!(&found[1], Verdict::Duplicate(r) if r.contains("line 2")));
        assert!(matches!(&found[2], Verdict::Invalid(r) if r.starts_with("email")));
        assert!(matches!(&found[3], Verdict::Invalid(r) if r.contains("mode")));
        assert!(matches!(&found[4], Verdict::Duplicate(r) if r.contains("confirmed")));
    }

    #[test]
    fn a_line_without_a_name_is_invalid() {
        assert!(matches!(
            &verdicts("solo@example.org", &[])[0],
            Verdict::Invalid(r) if r.starts_with("name")
        ));
    }
}
