//! Property tests of every parser of outside input the project owns: invitation lists as
//! organizers paste or upload them (CSV or `Name <email>` lines), email addresses with their
//! normalisation, and time zone names. Each must take any input without panicking, and
//! read back what a well-formed input says.

use std::collections::HashMap;

use proptest::prelude::*;
use registrar::domain::invitation_list::{read, Verdict, MAX_LINES};
use registrar::domain::{Email, Mode, TimeZoneName};

/// Addresses of the shape people have: a local part, a domain with a dot, any case.
fn address() -> impl Strategy<Value = String> {
    (
        "[a-zA-Z0-9][a-zA-Z0-9._+-]{0,15}[a-zA-Z0-9]",
        "[a-zA-Z0-9]{1,10}",
        "[a-zA-Z]{2,6}",
    )
        .prop_map(|(local, host, top)| format!("{local}@{host}.{top}"))
        .prop_filter("no dots in a row", |a| !a.contains(".."))
}

/// Names with letters, spaces and the punctuation that needs quoting in CSV.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ,.'\"-]{0,30}[A-Za-zÀ-ÿ.]"
}

fn mode() -> impl Strategy<Value = Option<Mode>> {
    prop_oneof![
        Just(None),
        Just(Some(Mode::InPerson)),
        Just(Some(Mode::Virtual))
    ]
}

/// One person as a CSV line: the name always quoted (doubling its quotes), spaces around
/// the commas as people type them.
fn csv_line(email: &str, name: &str, mode: Option<Mode>, spaces: &str) -> String {
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    match mode {
        None => format!("{email},{spaces}{quoted}"),
        Some(m) => format!("{email},{spaces}{quoted},{spaces}{}", m.as_str()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_invitation_list_of_any_text_is_read_without_panicking(text in "(?s).{0,400}") {
        let rows = read(&text, &HashMap::new());
        let lines = text.lines().count();
        let mut last = 0;
        for row in &rows {
            prop_assert!(row.line > last && row.line <= lines, "line numbers go up within the text");
            last = row.line;
            match &row.verdict {
                Verdict::Valid => prop_assert!(row.email.is_some() && row.name.is_some()),
                Verdict::Invalid(reason) | Verdict::Duplicate(reason) => {
                    prop_assert!(!reason.is_empty())
                }
            }
        }
    }

    #[test]
    fn a_well_formed_csv_list_reads_back_every_person_in_order(
        people in proptest::collection::vec((address(), name(), mode()), 1..20),
        spaces in " {0,2}",
        header in any::<bool>(),
    ) {
        // Unique addresses (as compared: case-insensitively).
        let mut seen = std::collections::HashSet::new();
        let people: Vec<_> = people
            .into_iter()
            .filter(|(email, _, _)| seen.insert(email.to_lowercase()))
            .collect();
        let mut text = String::new();
        if header {
            text.push_str("email, name, mode\n");
        }
        for (email, name, mode) in &people {
            text.push_str(&csv_line(email, name, *mode, &spaces));
            text.push('\n');
        }
        let rows = read(&text, &HashMap::new());
        prop_assert_eq!(rows.len(), people.len());
        for (row, (email, name, mode)) in rows.iter().zip(&people) {
            prop_assert_eq!(&row.verdict, &Verdict::Valid, "{}", row.text);
            prop_assert_eq!(row.email.as_ref().unwrap().as_str(), email.to_lowercase());
            prop_assert_eq!(row.name.as_ref().unwrap().as_str(), name.trim());
            prop_assert_eq!(row.mode, *mode);
        }
    }

    #[test]
    fn a_pasted_list_of_name_and_address_lines_reads_back(
        people in proptest::collection::vec((address(), "[A-Za-z][A-Za-z .'-]{0,20}[A-Za-z]"), 1..20),
    ) {
        let mut seen = std::collections::HashSet::new();
        let people: Vec<_> = people
            .into_iter()
            .filter(|(email, _)| seen.insert(email.to_lowercase()))
            .collect();
        let text: String = people
            .iter()
            .map(|(email, name)| format!("{name} <{email}>\r\n"))
            .collect();
        let rows = read(&text, &HashMap::new());
        prop_assert_eq!(rows.len(), people.len());
        for (row, (email, name)) in rows.iter().zip(&people) {
            prop_assert_eq!(&row.verdict, &Verdict::Valid);
            prop_assert_eq!(row.email.as_ref().unwrap().as_str(), email.to_lowercase());
            prop_assert_eq!(row.name.as_ref().unwrap().as_str(), name.as_str());
            prop_assert_eq!(row.mode, None);
        }
    }

    #[test]
    fn an_address_seen_before_in_any_case_is_a_duplicate(
        email in address(),
        first in name(),
        second in name(),
        registered in any::<bool>(),
    ) {
        let text = format!(
            "{}\n{}\n",
            csv_line(&email, &first, None, " "),
            csv_line(&format!("  {}  ", email.to_uppercase()), &second, None, " ")
        );
        let known: HashMap<String, String> = if registered {
            HashMap::from([(email.to_lowercase(), "invited".to_owned())])
        } else {
            HashMap::new()
        };
        let rows = read(&text, &known);
        prop_assert_eq!(rows.len(), 2);
        prop_assert!(matches!(rows[1].verdict, Verdict::Duplicate(_)), "{:?}", rows[1]);
        if registered {
            prop_assert!(matches!(rows[0].verdict, Verdict::Duplicate(_)));
        } else {
            prop_assert_eq!(&rows[0].verdict, &Verdict::Valid);
        }
    }

    #[test]
    fn an_email_is_normalised_and_parsing_it_again_changes_nothing(raw in "(?s).{0,80}") {
        if let Ok(email) = Email::parse(&raw) {
            prop_assert_eq!(email.as_str(), raw.trim().to_lowercase());
            prop_assert!(email.as_str().len() <= 254);
            prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
        }
    }

    #[test]
    fn an_address_in_any_case_with_spaces_around_is_the_same_address(
        email in address(),
        before in "[ \t]{0,3}",
        after in "[ \t\r\n]{0,3}",
    ) {
        let plain = Email::parse(&email).expect("a well-formed address");
        let messy = Email::parse(&format!("{before}{}{after}", email.to_uppercase()));
        prop_assert_eq!(messy, Ok(plain));
    }

    #[test]
    fn a_time_zone_name_of_any_text_is_parsed_without_panicking(raw in "(?s).{0,40}") {
        if let Ok(zone) = TimeZoneName::parse(&raw) {
            prop_assert_eq!(zone.0.name(), raw.trim());
        }
    }

    #[test]
    fn every_iana_zone_is_read_with_or_without_spaces(
        index in 0..chrono_tz::TZ_VARIANTS.len(),
        spaces in " {0,2}",
    ) {
        let zone = chrono_tz::TZ_VARIANTS[index];
        let parsed = TimeZoneName::parse(&format!("{spaces}{}{spaces}", zone.name()));
        prop_assert_eq!(parsed.map(|z| z.0), Ok(zone));
    }
}

#[test]
fn a_list_longer_than_the_limit_refuses_the_rest_line_by_line() {
    let text: String = (0..MAX_LINES + 3)
        .map(|i| format!("p{i}@example.org, Person {i}\n"))
        .collect();
    let rows = read(&text, &HashMap::new());
    assert_eq!(rows.len(), MAX_LINES + 3);
    assert!(rows[..MAX_LINES]
        .iter()
        .all(|r| r.verdict == Verdict::Valid));
    assert!(rows[MAX_LINES..]
        .iter()
        .all(|r| matches!(r.verdict, Verdict::Invalid(_))));
}
