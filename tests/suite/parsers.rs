//! Property tests of every parser of outside input the project owns: invitation lists as
//! organizers paste or upload them (CSV as spreadsheets write it, or `Name <email>` lines),
//! email addresses with their normalisation, and time zone names. Each must take any input without panicking, and
//! read back what a well-formed input says.

use std::collections::HashMap;

use proptest::prelude::*;
use registrar::domain::invitation_list::{read, Column, Delimiter, ListRow, Verdict, MAX_LINES};
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

fn affiliation() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ,;.'&-]{0,30}[A-Za-zÀ-ÿ.]")
}

fn delimiter() -> impl Strategy<Value = char> {
    prop_oneof![Just(','), Just(';'), Just('\t')]
}

/// The rows of a list, without their judgement.
fn people_of(text: &str) -> Vec<ListRow> {
    read(text, &HashMap::new()).rows
}

/// One person as a CSV line: the name always quoted (doubling its quotes), spaces after
/// the delimiters as people type them.
fn csv_line(email: &str, name: &str, mode: Option<Mode>, spaces: &str, delimiter: char) -> String {
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    let d = delimiter;
    match mode {
        None => format!("{email}{d}{spaces}{quoted}"),
        Some(m) => format!("{email}{d}{spaces}{quoted}{d}{spaces}{}", m.as_str()),
    }
}

/// A cell as a spreadsheet writes it: quoted (doubling its quotes) when it holds the
/// delimiter, a quote or a line break, or when the program quotes every cell.
fn cell(text: &str, delimiter: char, quote_all: bool) -> String {
    if quote_all || text.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Headings a spreadsheet may give each column, in the cases people type.
fn heading(column: Column, variant: usize) -> &'static str {
    let names: &[&str] = match column {
        Column::Email => &["email", "Email", "E-mail", "EMAIL ADDRESS"],
        Column::Name => &["name", "Name", "Full name", "NAME"],
        Column::Mode => &["mode", "Mode", "Attendance", "MODE"],
        Column::Affiliation => &["affiliation", "Institution", "Organisation", "AFFILIATION"],
        Column::Language => &["language", "Language", "Lang", "LANGUAGE"],
    };
    names[variant % names.len()]
}

/// What holds of the rows of any text: line numbers go up within it, a valid row has an
/// address and a name, any other says why.
fn check_rows_of_any_text(text: &str) -> Result<(), TestCaseError> {
    let rows = people_of(text);
    let lines = text.lines().count();
    let mut last = 0;
    for row in &rows {
        prop_assert!(
            row.line > last && row.line <= lines,
            "line numbers go up within the text"
        );
        last = row.line;
        match &row.verdict {
            Verdict::Valid => prop_assert!(row.email.is_some() && row.name.is_some()),
            Verdict::Invalid(reason) | Verdict::Duplicate(reason) => {
                prop_assert!(!reason.is_empty())
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_invitation_list_of_any_text_is_read_without_panicking(text in "(?s).{0,400}") {
        check_rows_of_any_text(&text)?;
    }

    #[test]
    fn an_invitation_list_of_csv_like_text_is_read_without_panicking(
        text in "(\u{feff}|sep=;\n)?[a-z@.,;\t\"\r\n <>=é-]{0,400}",
    ) {
        check_rows_of_any_text(&text)?;
    }

    #[test]
    fn a_well_formed_csv_list_reads_back_every_person_in_order(
        people in proptest::collection::vec((address(), name(), mode()), 1..20),
        spaces in " {0,2}",
        header in any::<bool>(),
        delimiter in delimiter(),
    ) {
        // Unique addresses (as compared: case-insensitively).
        let mut seen = std::collections::HashSet::new();
        let people: Vec<_> = people
            .into_iter()
            .filter(|(email, _, _)| seen.insert(email.to_lowercase()))
            .collect();
        let mut text = String::new();
        if header {
            text.push_str(&format!("email{delimiter} name{delimiter} mode\n"));
        }
        for (email, name, mode) in &people {
            text.push_str(&csv_line(email, name, *mode, &spaces, delimiter));
            text.push('\n');
        }
        let rows = people_of(&text);
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
        let rows = people_of(&text);
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
            csv_line(&email, &first, None, " ", ','),
            csv_line(&format!("  {}  ", email.to_uppercase()), &second, None, " ", ',')
        );
        let known: HashMap<String, String> = if registered {
            HashMap::from([(email.to_lowercase(), "invited".to_owned())])
        } else {
            HashMap::new()
        };
        let rows = read(&text, &known).rows;
        prop_assert_eq!(rows.len(), 2);
        prop_assert!(matches!(rows[1].verdict, Verdict::Duplicate(_)), "{:?}", rows[1]);
        if registered {
            prop_assert!(matches!(rows[0].verdict, Verdict::Duplicate(_)));
        } else {
            prop_assert_eq!(&rows[0].verdict, &Verdict::Valid);
        }
    }

    #[test]
    fn a_spreadsheet_file_reads_back_every_person_by_its_header(
        people in proptest::collection::vec(
            (address(), name(), proptest::option::of(name()), mode(), affiliation(), "[a-z ,;]{0,12}"),
            1..20,
        ),
        order in Just(vec![Some(Column::Email), Some(Column::Name), Some(Column::Mode), Some(Column::Affiliation), Some(Column::Language), None]).prop_shuffle(),
        variant in 0usize..4,
        delimiter in delimiter(),
        bom in any::<bool>(),
        windows in any::<bool>(),
        quote_all in any::<bool>(),
    ) {
        let mut seen = std::collections::HashSet::new();
        let people: Vec<_> = people
            .into_iter()
            .filter(|p| seen.insert(p.0.to_lowercase()))
            .collect();
        let end = if windows { "\r\n" } else { "\n" };
        let row = |cells: Vec<String>| {
            let cells: Vec<String> = cells.iter().map(|c| cell(c, delimiter, quote_all)).collect();
            format!("{}{end}", cells.join(&delimiter.to_string()))
        };
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        text.push_str(&row(order.iter().map(|column| match column {
            Some(column) => heading(*column, variant).to_owned(),
            None => "Notes".to_owned(),
        }).collect()));
        for (email, name, second_line, mode, affiliation, notes) in &people {
            // A name typed over two lines of one cell.
            let name = match second_line {
                Some(more) => format!("{name}{end}{more}"),
                None => name.clone(),
            };
            text.push_str(&row(order.iter().map(|column| match column {
                Some(Column::Email) => email.clone(),
                Some(Column::Name) => name.clone(),
                Some(Column::Mode) => mode.map(|m| m.as_str().to_owned()).unwrap_or_default(),
                Some(Column::Affiliation) => affiliation.clone().unwrap_or_default(),
                Some(Column::Language) => "es".to_owned(),
                None => notes.clone(),
            }).collect()));
        }
        let list = read(&text, &HashMap::new());
        let wanted = match delimiter { ';' => Delimiter::Semicolon, '\t' => Delimiter::Tab, _ => Delimiter::Comma };
        prop_assert_eq!(list.layout.delimiter, wanted);
        let header = list.layout.header.as_ref().expect("the header row is recognised");
        let read_as: Vec<Option<Column>> = header.iter().map(|h| h.column).collect();
        prop_assert_eq!(&read_as, &order, "each column read as what it holds");
        prop_assert_eq!(list.rows.len(), people.len(), "{:?}", list.rows);
        for (row, (email, name, second_line, mode, affiliation, _)) in list.rows.iter().zip(&people) {
            prop_assert_eq!(&row.verdict, &Verdict::Valid, "{}", row.text);
            prop_assert_eq!(row.email.as_ref().unwrap().as_str(), email.to_lowercase());
            let name = match second_line {
                Some(more) => format!("{} {}", name.trim(), more.trim()),
                None => name.trim().to_owned(),
            };
            prop_assert_eq!(row.name.as_ref().unwrap().as_str(), name);
            prop_assert_eq!(row.mode, *mode);
            prop_assert_eq!(row.affiliation.as_deref(), affiliation.as_deref().map(str::trim));
            prop_assert_eq!(row.language, registrar::domain::Language::from_tag("es"));
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
    let rows = people_of(&text);
    assert_eq!(rows.len(), MAX_LINES + 3);
    assert!(rows[..MAX_LINES]
        .iter()
        .all(|r| r.verdict == Verdict::Valid));
    assert!(rows[MAX_LINES..]
        .iter()
        .all(|r| matches!(r.verdict, Verdict::Invalid(_))));
}
