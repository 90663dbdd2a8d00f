//! A list of people to invite, as organizers paste it or upload it: CSV as spreadsheets
//! write it (read by the `csv` crate: a header row mapped by name, `,` `;` or tab between
//! fields, a byte-order mark, quoted fields with line breaks), or, without a header row,
//! lines of `Name <email>` among the CSV rows. Each row is judged valid, duplicate or
//! invalid before anything is sent, and the list says how it was read.

use std::borrow::Cow;
use std::collections::HashMap;

use super::requests::parse_language;
use super::{Affiliation, Email, Language, Mode, PersonName};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    /// The address appears earlier in the list or is already registered.
    Duplicate(String),
    /// The row cannot be read; the reason names what is wrong.
    Invalid(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// 1-based line number in what was pasted or uploaded (where the row starts).
    pub line: usize,
    pub text: String,
    pub email: Option<Email>,
    pub name: Option<PersonName>,
    pub affiliation: Option<String>,
    /// The mode asked for on the row; none means the event's default.
    pub mode: Option<Mode>,
    /// The language of the person's emails; none means the one chosen for the list.
    pub language: Option<Language>,
    pub verdict: Verdict,
}

/// What a column of the list is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Email,
    Name,
    Mode,
    Affiliation,
    Language,
}

impl Column {
    /// The order of the columns of a list without a header row.
    pub const IN_ORDER: [Column; 5] = [
        Column::Email,
        Column::Name,
        Column::Mode,
        Column::Affiliation,
        Column::Language,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Column::Email => "email",
            Column::Name => "name",
            Column::Mode => "mode",
            Column::Affiliation => "affiliation",
            Column::Language => "language",
        }
    }

    /// The column a heading names, in any case, with or without spaces and dashes.
    fn of_heading(heading: &str) -> Option<Column> {
        let word: String = heading
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Some(match word.as_str() {
            "email" | "emailaddress" | "mail" => Column::Email,
            "name" | "fullname" => Column::Name,
            "mode" | "attendance" | "participation" => Column::Mode,
            "affiliation" | "institution" | "organisation" | "organization" => Column::Affiliation,
            "language" | "lang" | "locale" => Column::Language,
            _ => return None,
        })
    }
}

/// What separates the fields of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    /// As Excel writes CSV where the decimal mark is a comma.
    Semicolon,
    Tab,
}

impl Delimiter {
    const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    pub fn as_char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
            Delimiter::Tab => '\t',
        }
    }
}

/// A column of a header row: its heading and what it is read as (none: left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub text: String,
    pub column: Option<Column>,
}

/// How a list was read, for the preview to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub delimiter: Delimiter,
    /// The header row, column by column; none when the first row is a person, and the
    /// columns are then [`Column::IN_ORDER`].
    pub header: Option<Vec<Heading>>,
    /// Whether any row was read as CSV fields (not as `Name <email>`).
    pub fields_read: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationList {
    pub layout: Layout,
    pub rows: Vec<ListRow>,
}

/// The most people one list may have.
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

fn parse_row_language(text: &str) -> Result<Option<Language>, String> {
    match text.trim() {
        "" => Ok(None),
        tag => parse_language(tag)
            .map(Some)
            .map_err(|e| format!("the language {tag:?} {}", e.0)),
    }
}

/// The delimiter of Excel's `sep=;` first line, if the text starts with one.
fn sep_line(first: &str) -> Option<Delimiter> {
    let rest = first.trim_end_matches('\r').strip_prefix("sep=")?;
    Delimiter::ALL.into_iter().find(|d| {
        let mut chars = rest.chars();
        chars.next() == Some(d.as_char()) && chars.next().is_none()
    })
}

fn is_name_and_address(line: &str) -> bool {
    !line.contains('\n') && line.ends_with('>') && line.contains('<')
}

/// The delimiter a list uses: the one found most often outside quotes on its first row
/// of fields (a comma when there are none, or as many of another).
fn delimiter_of(text: &str) -> Delimiter {
    let Some(first) = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !is_name_and_address(line))
    else {
        return Delimiter::Comma;
    };
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for ch in first.chars() {
        if ch == '"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = Delimiter::ALL.iter().position(|d| d.as_char() == ch) {
                counts[i] += 1;
            }
        }
    }
    let mut best = (Delimiter::Comma, counts[0]);
    for (delimiter, count) in Delimiter::ALL.into_iter().zip(counts) {
        if count > best.1 {
            best = (delimiter, count);
        }
    }
    best.0
}

/// People type a space after the comma and then a quoted field (`a@b.org, "Lovelace,
/// Ada"`); CSV would read that quote as text, so spaces before a field's opening quote
/// are dropped before the text is read. Also where in the result a quote opens that never
/// closes, if one does: CSV reads everything after it as one field.
fn drop_spaces_before_quotes(text: &str, delimiter: Delimiter) -> (Cow<'_, str>, Option<usize>) {
    if !text.contains('"') {
        return (Cow::Borrowed(text), None);
    }
    let delimiter = delimiter.as_char();
    let mut out = String::with_capacity(text.len());
    let mut spaces = String::new();
    let (mut opened, mut field_start) = (None, true);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if opened.is_some() {
            out.push(ch);
            if ch == '"' {
                match chars.peek() {
                    Some('"') => out.extend(chars.next()),
                    _ => opened = None,
                }
            }
            continue;
        }
        if field_start && (ch == ' ' || (ch == '\t' && delimiter != '\t')) {
            spaces.push(ch);
            continue;
        }
        if field_start && ch == '"' {
            opened = Some(out.len());
        } else {
            out.push_str(&spaces);
        }
        spaces.clear();
        field_start = ch == delimiter || ch == '\n';
        out.push(ch);
    }
    out.push_str(&spaces);
    (Cow::Owned(out), opened)
}

/// A field as one line of text: a line break inside quotes (a cell of several lines) is
/// read as a space.
fn one_line(field: &str) -> String {
    let mut parts = field
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let mut line = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        line.push(' ');
        line.push_str(part);
    }
    line
}

/// The header row's columns, if the first row names columns (one of them the address)
/// rather than a person.
fn header_of(fields: &[String]) -> Option<Vec<Heading>> {
    let names_address = fields
        .iter()
        .any(|f| Column::of_heading(f) == Some(Column::Email));
    if !names_address || fields.iter().any(|f| Email::parse(f).is_ok()) {
        return None;
    }
    let mut taken = Vec::new();
    Some(
        fields
            .iter()
            .map(|text| {
                // A second column with the same meaning is left out, not mixed in.
                let column = Column::of_heading(text).filter(|c| !taken.contains(c));
                taken.extend(column);
                Heading {
                    text: text.clone(),
                    column,
                }
            })
            .collect(),
    )
}

/// What a row says of a person, read but not yet judged.
struct Read {
    email: String,
    name: String,
    mode: Option<Mode>,
    affiliation: Option<String>,
    language: Option<Language>,
}

/// The email, name, mode, affiliation and language of a row of fields.
fn fields_of(fields: &[String], header: Option<&[Heading]>) -> Result<Read, String> {
    let columns: Vec<Option<Column>> = match header {
        Some(header) => header.iter().map(|h| h.column).collect(),
        None if fields.len() > Column::IN_ORDER.len() => {
            return Err(
                "expected at most five fields: email, name, mode, affiliation, language".into(),
            )
        }
        None => Column::IN_ORDER.iter().copied().map(Some).collect(),
    };
    let field = |wanted: Column| {
        columns
            .iter()
            .position(|c| *c == Some(wanted))
            .and_then(|i| fields.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let mode = parse_mode(&field(Column::Mode))?;
    let affiliation = Affiliation::parse(Some(&field(Column::Affiliation)))
        .map_err(|e| format!("affiliation {e}"))?
        .into_inner();
    let language = parse_row_language(&field(Column::Language))?;
    Ok(Read {
        email: field(Column::Email),
        name: field(Column::Name),
        mode,
        affiliation,
        language,
    })
}

/// A `Name <email>` line as its address and name.
fn name_and_address(line: &str) -> (String, String) {
    let open = line.rfind('<').unwrap_or_default();
    let name = line[..open].trim().trim_matches('"').trim().to_owned();
    let email = line[open + 1..line.len() - 1].trim().to_owned();
    (email, name)
}

/// Reads a list. `registered` maps the addresses already registered for the event (and
/// not ended) to a word for their state.
pub fn read(text: &str, registered: &HashMap<String, String>) -> InvitationList {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.split('\n').next().unwrap_or_default();
    let (body, mut line, delimiter) = match sep_line(first_line) {
        Some(delimiter) => (
            &text[(first_line.len() + 1).min(text.len())..],
            2,
            delimiter,
        ),
        None => (text, 1, delimiter_of(text)),
    };
    let (body, unclosed) = drop_spaces_before_quotes(body, delimiter);
    // Records end at a line feed only, so lines are counted as the text has them; the
    // carriage return of a Windows line end is trimmed with the last field.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.as_char() as u8)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(body.as_bytes());
    let mut layout = Layout {
        delimiter,
        header: None,
        fields_read: false,
    };
    let mut rows = Vec::new();
    let mut seen: HashMap<Email, usize> = HashMap::new();
    let (mut counted_to, mut record) = (0usize, csv::StringRecord::new());
    let mut first = true;
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                rows.push(invalid_row(
                    line,
                    "",
                    format!("the list cannot be read: {error}"),
                ));
                break;
            }
        }
        let end = reader.position().byte() as usize;
        let raw = &body[start..end];
        // The record starts after the blank lines the reader passed over.
        let lead = raw.len() - raw.trim_start().len();
        line += body[counted_to..start + lead].matches('\n').count();
        counted_to = start + lead;
        let raw = raw.trim();
        let fields: Vec<String> = record.iter().map(one_line).collect();
        if fields.iter().all(String::is_empty) {
            continue;
        }
        if std::mem::take(&mut first) {
            layout.header = header_of(&fields);
            if layout.header.is_some() {
                continue;
            }
        }
        let mut row = invalid_row(line, raw, String::new());
        if rows.len() >= MAX_LINES {
            row.verdict = Verdict::Invalid(format!("a list may have at most {MAX_LINES} people"));
            rows.push(row);
            continue;
        }
        let read = if unclosed.is_some_and(|at| (start..end).contains(&at)) {
            Err("a quote is not closed: everything after it was read as one field".into())
        } else if is_name_and_address(raw) {
            let (email, name) = name_and_address(raw);
            Ok(Read {
                email,
                name,
                mode: None,
                affiliation: None,
                language: None,
            })
        } else {
            layout.fields_read = true;
            fields_of(&fields, layout.header.as_deref())
        };
        match read {
            Err(reason) => row.verdict = Verdict::Invalid(reason),
            Ok(read) => {
                row.mode = read.mode;
                row.affiliation = read.affiliation;
                row.language = read.language;
                row.verdict = judge(&mut row, &read.email, &read.name, &mut seen, registered);
            }
        }
        rows.push(row);
    }
    InvitationList { layout, rows }
}

fn invalid_row(line: usize, text: &str, reason: String) -> ListRow {
    ListRow {
        line,
        text: text.to_owned(),
        email: None,
        name: None,
        affiliation: None,
        mode: None,
        language: None,
        verdict: Verdict::Invalid(reason),
    }
}

/// Parses the address and the name into the row and judges it against the rows before it
/// and the registrations the event has.
fn judge(
    row: &mut ListRow,
    email: &str,
    name: &str,
    seen: &mut HashMap<Email, usize>,
    registered: &HashMap<String, String>,
) -> Verdict {
    let email = Email::parse(email).map_err(|e| format!("email {e}"));
    let name = PersonName::parse(name).map_err(|e| format!("name {e}"));
    let verdict = match (&email, &name) {
        (Err(reason), _) | (_, Err(reason)) => Verdict::Invalid(reason.clone()),
        (Ok(email), Ok(_)) => {
            if let Some(first) = seen.get(email) {
                Verdict::Duplicate(format!("the same address is on line {first}"))
            } else if let Some(state) = registered.get(email.as_str()) {
                Verdict::Duplicate(format!("already registered ({state})"))
            } else {
                seen.insert(email.clone(), row.line);
                Verdict::Valid
            }
        }
    };
    row.email = email.ok();
    row.name = name.ok();
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<ListRow> {
        read(text, &HashMap::new()).rows
    }

    fn verdicts(text: &str, registered: &[(&str, &str)]) -> Vec<Verdict> {
        let registered = registered
            .iter()
            .map(|(e, s)| (e.to_string(), s.to_string()))
            .collect();
        read(text, &registered)
            .rows
            .into_iter()
            .map(|r| r.verdict)
            .collect()
    }

    #[test]
    fn a_first_address_that_starts_with_email_is_a_person_not_a_header() {
        let rows = rows("email.desk@example.org, Desk\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].verdict, Verdict::Valid);
        let list = read("\"Email\", Name\nada@example.org, Ada\n", &HashMap::new());
        assert_eq!(list.rows.len(), 1);
        assert!(list.layout.header.is_some());
    }

    #[test]
    fn both_line_formats_are_read_with_name_address_and_mode() {
        let rows = rows("Ada Lovelace <ada@example.org>\nbob@example.org, \"Bob, Jr.\", virtual\n");
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

    #[test]
    fn a_header_maps_columns_by_name_in_any_order_and_case() {
        let list = read(
            "Institution;NAME;Notes;E-Mail;Mode\nITU;Ada Lovelace;vegetarian;ada@example.org;virtual\n",
            &HashMap::new(),
        );
        assert_eq!(list.layout.delimiter, Delimiter::Semicolon);
        let header = list.layout.header.as_ref().unwrap();
        let columns: Vec<Option<Column>> = header.iter().map(|h| h.column).collect();
        assert_eq!(
            columns,
            [
                Some(Column::Affiliation),
                Some(Column::Name),
                None,
                Some(Column::Email),
                Some(Column::Mode)
            ]
        );
        let row = &list.rows[0];
        assert_eq!(row.verdict, Verdict::Valid);
        assert_eq!(row.line, 2);
        assert_eq!(row.email.as_ref().unwrap().as_str(), "ada@example.org");
        assert_eq!(row.name.as_ref().unwrap().as_str(), "Ada Lovelace");
        assert_eq!(row.affiliation.as_deref(), Some("ITU"));
        assert_eq!(row.mode, Some(Mode::Virtual));
    }

    #[test]
    fn a_byte_order_mark_tabs_and_quoted_line_breaks_are_read() {
        let list = read(
            "\u{feff}email\tname\taffiliation\r\nada@example.org\t\"Ada\r\nLovelace\"\tITU\r\n\r\nbob@example.org\tBob\t\r\n",
            &HashMap::new(),
        );
        assert_eq!(list.layout.delimiter, Delimiter::Tab);
        assert!(list.layout.header.is_some());
        assert_eq!(list.rows.len(), 2, "{:?}", list.rows);
        assert_eq!(list.rows[0].name.as_ref().unwrap().as_str(), "Ada Lovelace");
        assert_eq!(list.rows[0].line, 2);
        assert_eq!(
            list.rows[1].line, 5,
            "lines are counted past the quoted break"
        );
        assert_eq!(list.rows[1].affiliation, None);
        assert!(list.rows.iter().all(|r| r.verdict == Verdict::Valid));
    }

    #[test]
    fn excel_s_sep_line_names_the_delimiter() {
        let list = read(
            "sep=;\nemail;name\nada@example.org;Lovelace, Ada\n",
            &HashMap::new(),
        );
        assert_eq!(list.layout.delimiter, Delimiter::Semicolon);
        assert_eq!(list.rows[0].line, 3);
        assert_eq!(
            list.rows[0].name.as_ref().unwrap().as_str(),
            "Lovelace, Ada"
        );
    }

    #[test]
    fn a_quote_left_open_is_named_and_a_long_affiliation_or_a_fifth_field_refused() {
        for text in [
            "\"ada@example.org, Ada\nbob@example.org, Bob\n",
            "ada@example.org, \"Ada\nbob@example.org, Bob\n",
        ] {
            let found = rows(text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert!(
                matches!(&found[0].verdict, Verdict::Invalid(r) if r.contains("quote")),
                "{found:?}"
            );
        }
        let found = rows("o'brien@example.org, Miles O\"Brien\n");
        assert_eq!(
            found[0].verdict,
            Verdict::Valid,
            "a quote inside a field is text"
        );
        let long = "x".repeat(201);
        let found = rows(&format!("ada@example.org, Ada, , {long}\n"));
        assert!(matches!(&found[0].verdict, Verdict::Invalid(r) if r.starts_with("affiliation")));
        let found = rows("a@example.org, A, virtual, ITU, es, extra\n");
        assert!(matches!(&found[0].verdict, Verdict::Invalid(r) if r.contains("five fields")));
    }

    #[test]
    fn a_language_column_names_each_person_s_language_and_an_unknown_one_is_invalid() {
        let found = rows("email,name,language\nana@example.org,Ana,es\nbo@example.org,Bo,\n");
        assert_eq!(found[0].language, Language::from_tag("es"));
        assert_eq!(found[0].verdict, Verdict::Valid);
        assert_eq!(found[1].language, None);
        let found = rows("ana@example.org, Ana, virtual, ITU, es\ncy@example.org, Cy, , , fr\n");
        assert_eq!(found[0].language, Language::from_tag("es"));
        assert!(
            matches!(&found[1].verdict, Verdict::Invalid(r) if r.contains("\"fr\"") && r.contains("en, es")),
            "{found:?}"
        );
    }
}
