//! Who runs the site, as organizers set it in the dashboard: the name page titles end in,
//! the data controller and how to reach them, the processors they use, and a short footer.
//! The privacy notice is written from these.

use super::FieldErrors;

pub const NAME_MAX: usize = 80;
pub const CONTROLLER_MAX: usize = 300;
pub const CONTACT_MAX: usize = 300;
pub const PROCESSORS_MAX: usize = 2_000;
pub const FOOTER_MAX: usize = 500;

/// The site's identity, every field trimmed and free of control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteIdentity {
    /// What page titles end in ("registrar" until set).
    pub name: String,
    /// Who is responsible for the personal data (GDPR's controller), e.g. the organizers
    /// and their institution; empty until set.
    pub controller: String,
    /// How people reach the controller about their data: an address or a web page.
    pub contact: String,
    /// Services that handle personal data for the organizers (mail provider, hosting,
    /// video meetings), one per line.
    pub processors: Vec<String>,
    /// A short line at the foot of every public page (organizers, funders).
    pub footer: String,
}

impl Default for SiteIdentity {
    fn default() -> Self {
        SiteIdentity {
            name: "registrar".into(),
            controller: String::new(),
            contact: String::new(),
            processors: Vec::new(),
            footer: String::new(),
        }
    }
}

/// The fields as typed, before they are checked.
#[derive(Debug, Clone, Default)]
pub struct SiteDraft {
    pub name: String,
    pub controller: String,
    pub contact: String,
    /// One processor per line.
    pub processors: String,
    pub footer: String,
}

impl SiteIdentity {
    /// Checks every field, naming each one that breaks a rule.
    pub fn parse(draft: &SiteDraft) -> Result<SiteIdentity, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = line(&mut errors, "name", &draft.name, NAME_MAX);
        if name.is_empty() {
            errors
                .entry("name".into())
                .or_default()
                .push("is required".into());
        }
        let controller = line(&mut errors, "controller", &draft.controller, CONTROLLER_MAX);
        let contact = line(&mut errors, "contact", &draft.contact, CONTACT_MAX);
        let footer = line(&mut errors, "footer", &draft.footer, FOOTER_MAX);
        let processors_text = draft.processors.replace("\r\n", "\n");
        if processors_text.chars().count() > PROCESSORS_MAX {
            errors
                .entry("processors".into())
                .or_default()
                .push(format!("must be at most {PROCESSORS_MAX} characters"));
        }
        if processors_text.chars().any(|c| c.is_control() && c != '\n') {
            errors
                .entry("processors".into())
                .or_default()
                .push("must not contain control characters".into());
        }
        let processors = processors_text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if errors.is_empty() {
            Ok(SiteIdentity {
                name,
                controller,
                contact,
                processors,
                footer,
            })
        } else {
            Err(errors)
        }
    }

    /// The fields as a form shows them.
    pub fn draft(&self) -> SiteDraft {
        SiteDraft {
            name: self.name.clone(),
            controller: self.controller.clone(),
            contact: self.contact.clone(),
            processors: self.processors.join("\n"),
            footer: self.footer.clone(),
        }
    }
}

/// One line of at most `max` characters, trimmed, without control characters.
fn line(errors: &mut FieldErrors, field: &str, raw: &str, max: usize) -> String {
    let value = raw.trim().to_owned();
    if value.chars().count() > max {
        errors
            .entry(field.into())
            .or_default()
            .push(format!("must be at most {max} characters"));
    }
    if value.chars().any(char::is_control) {
        errors
            .entry(field.into())
            .or_default()
            .push("must not contain control characters".into());
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_trimmed_and_processors_read_one_per_line() {
        let site = SiteIdentity::parse(&SiteDraft {
            name: "  In the Picture ".into(),
            controller: "The organizers".into(),
            contact: "privacy@example.org".into(),
            processors: "Mail: Example Mail\r\n\n  Hosting: Example Cloud  \n".into(),
            footer: "Organized at the IT University of Copenhagen.".into(),
        })
        .unwrap();
        assert_eq!(site.name, "In the Picture");
        assert_eq!(
            site.processors,
            vec!["Mail: Example Mail", "Hosting: Example Cloud"]
        );
        assert_eq!(SiteIdentity::parse(&site.draft()).unwrap(), site);
    }

    #[test]
    fn each_bad_field_is_named() {
        let errors = SiteIdentity::parse(&SiteDraft {
            name: " ".into(),
            controller: "x".repeat(CONTROLLER_MAX + 1),
            contact: "a\u{7}b".into(),
            processors: "tab\there".into(),
            footer: "x".repeat(FOOTER_MAX + 1),
        })
        .unwrap_err();
        let mut named: Vec<_> = errors.keys().cloned().collect();
        named.sort();
        assert_eq!(
            named,
            ["contact", "controller", "footer", "name", "processors"]
        );
    }
}
