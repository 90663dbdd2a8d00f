//! A list of addresses to import into the newsletter, as a spreadsheet exports it: CSV
//! with `,` or `;` between fields (sniffed from the first row), a header row whose address
//! column is named like `email`, `E-mail` or `Email Address`, or no header, in which case
//! each row's address is its first field with an `@`. Each row is read as an address or
//! an invalid line with its number and the reason.

use std::collections::HashSet;

use super::Email;

/// The most addresses one import may hold.
pub const MAX_ROWS: usize = 5000;

/// A line that is not an address, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// 1-based line number in the file.
    pub line: usize,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubscriberList {
    /// Every address once, in the order of the file.
    pub addresses: Vec<Email>,
    /// Lines whose address was already read from an earlier line.
    pub repeated: usize,
    pub invalid: Vec<Invalid>,
    /// The delimiter found, and whether the first row was a header.
    pub delimiter: char,
    pub header: bool,
}

/// Whether a heading names the address column, in any case, with or without spaces and
/// dashes.
fn names_address(heading: &str) -> bool {
    let word: String = heading
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        word.as_str(),
        "email" | "emailaddress" | "mail" | "mailaddress" | "emails"
    )
}

/// `;` when the first row has more of them outside quotes than commas, else `,`.
fn delimiter_of(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for ch in first.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        ';'
    } else {
        ','
    }
}

pub fn read(text: &str) -> SubscriberList {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = delimiter_of(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(text.as_bytes());
    let mut list = SubscriberList {
        delimiter,
        ..SubscriberList::default()
    };
    let mut column: Option<usize> = None;
    let mut first = true;
    let mut seen = HashSet::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                list.invalid.push(Invalid {
                    line,
                    reason: format!("the file cannot be read from here on: {error}"),
                });
                break;
            }
        }
        // The reader's line is where the record starts, blank lines before it counted.
        let line = record.position().map_or(line, |p| p.line() as usize).max(1);
        let fields: Vec<&str> = record.iter().map(str::trim).collect();
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        if std::mem::take(&mut first) && !fields.iter().any(|f| f.contains('@')) {
            if let Some(at) = fields.iter().position(|f| names_address(f)) {
                column = Some(at);
                list.header = true;
                continue;
            }
        }
        let raw = match column {
            Some(at) => fields.get(at).copied().unwrap_or(""),
            None => fields
                .iter()
                .copied()
                .find(|f| f.contains('@'))
                .unwrap_or(""),
        };
        if raw.is_empty() {
            list.invalid.push(Invalid {
                line,
                reason: "no email address on this line".into(),
            });
            continue;
        }
        match Email::parse(raw) {
            Err(e) => list.invalid.push(Invalid {
                line,
                reason: format!("“{raw}” {}", e.0),
            }),
            Ok(email) => {
                if !seen.insert(email.clone()) {
                    list.repeated += 1;
                } else if list.addresses.len() >= MAX_ROWS {
                    list.invalid.push(Invalid {
                        line,
                        reason: format!("an import may hold at most {MAX_ROWS} addresses"),
                    });
                } else {
                    list.addresses.push(email);
                }
            }
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(list: &SubscriberList) -> Vec<&str> {
        list.addresses.iter().map(Email::as_str).collect()
    }

    #[test]
    fn a_semicolon_file_with_a_header_is_read_by_its_address_column() {
        let list = read("\u{feff}Name;E-mail;City\r\nAda;Ada@Example.org;London\r\nGrace;grace@example.org;NYC\r\n");
        assert_eq!(list.delimiter, ';');
        assert!(list.header);
        assert_eq!(emails(&list), ["ada@example.org", "grace@example.org"]);
        assert!(list.invalid.is_empty());
    }

    #[test]
    fn without_a_header_the_first_field_with_an_at_is_the_address() {
        let list = read("Ada Lovelace, ada@example.org\n\n\"Hopper, Grace\",grace@example.org\nno address here\nbob@,x\nada@example.org\n");
        assert_eq!(list.delimiter, ',');
        assert!(!list.header);
        assert_eq!(emails(&list), ["ada@example.org", "grace@example.org"]);
        assert_eq!(list.repeated, 1);
        let lines: Vec<usize> = list.invalid.iter().map(|i| i.line).collect();
        assert_eq!(lines, [4, 5], "{:?}", list.invalid);
    }

    #[test]
    fn a_header_named_email_address_is_found_in_any_case() {
        let list = read("Email Address,Name\nada@example.org,Ada\n,Nobody\n");
        assert!(list.header);
        assert_eq!(emails(&list), ["ada@example.org"]);
        assert_eq!(list.invalid[0].line, 3);
    }
}
