//! The domain's refusals and field problems in the reader's language. Refusals are data
//! ([`Refusal`]) and are worded here; field problems reach the web as the domain's own
//! English fragments (a [`crate::domain::FieldErrors`] is text, shared with the forms), so
//! each known fragment is recognised and put into words, and one not known reads as it is.

use crate::domain::{Reason, Refusal};

/// What a refusal says, in the request's language.
pub fn refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NotActive => t!("api-refused-not-active"),
        Refusal::NoSeat(mode) => t!("api-refused-no-seat", mode = mode.as_str()),
        Refusal::Started => t!("api-refused-started"),
        Refusal::NotOpen => t!("api-refused-not-open"),
        Refusal::Closed => t!("api-refused-closed"),
        Refusal::TooFewSeats { mode, free, wanted } => t!(
            "api-refused-too-few-seats",
            mode = mode.as_str(),
            free = *free,
            wanted = *wanted
        ),
        Refusal::NotAllowed(reason) => self::reason(*reason),
    }
}

fn reason(reason: Reason) -> String {
    match reason {
        Reason::OfferIsFor(mode) => t!("api-refused-offer-is-for", mode = mode.as_str()),
        Reason::AlreadyConfirmed => t!("api-refused-already-confirmed"),
        Reason::NothingOffered => t!("api-refused-nothing-offered"),
        Reason::NothingToDecline => t!("api-refused-nothing-to-decline"),
        Reason::GivenByOrganizers(mode) => {
            t!("api-refused-given-by-organizers", mode = mode.as_str())
        }
        Reason::OthersWaiting(mode) => t!("api-refused-others-waiting", mode = mode.as_str()),
        Reason::SwitchNeedsSeat => t!("api-refused-switch-needs-seat"),
        Reason::AlreadyIn(mode) => t!("api-refused-already-in", mode = mode.as_str()),
        Reason::WaitNeedsSeat => t!("api-refused-wait-needs-seat"),
        Reason::AlreadyWaiting => t!("api-refused-already-waiting"),
        Reason::NotWaiting => t!("api-refused-not-waiting"),
        Reason::AttendVirtuallyNeedsLine => t!("api-refused-attend-virtually-needs-line"),
        Reason::VirtualNotOpen => t!("api-refused-virtual-not-open"),
        Reason::DeadlinePast => t!("api-refused-deadline-past"),
        Reason::ReconfirmNeedsSeat => t!("api-refused-reconfirm-needs-seat"),
        Reason::NothingToReconfirm => t!("api-refused-nothing-to-reconfirm"),
        Reason::PromoteNeedsLine => t!("api-refused-promote-needs-line"),
        Reason::NoDeadline => t!("api-refused-no-deadline"),
        Reason::PriorityNeedsLine => t!("api-refused-priority-needs-line"),
        Reason::Lapsed => t!("api-refused-lapsed"),
        Reason::EmailNotConfirmed => t!("api-refused-email-not-confirmed"),
        Reason::Ended => t!("api-refused-ended"),
        Reason::CheckInNeedsSeat(status) => {
            t!("api-refused-check-in-needs-seat", status = status.as_str())
        }
        Reason::NothingToSendAgain => t!("api-refused-nothing-to-send-again"),
    }
}

/// A field's problem, as the domain or the body's parser words it in English, in the
/// request's language.
pub fn problem(problem: &str) -> String {
    match problem {
        "is required" => t!("api-problem-required"),
        "is not a field of this request" => t!("api-problem-unknown-field"),
        "is not a valid email address" => t!("api-problem-email"),
        "must be at a domain name, not an IP address" => t!("api-problem-email-domain"),
        "must not contain control characters" => t!("api-problem-control-characters"),
        "must not contain characters that reorder the text around them" => {
            t!("api-problem-reorder")
        }
        "must hold at least one visible character" => t!("api-problem-visible"),
        "you must agree to the privacy notice to join" => t!("api-problem-consent-join"),
        "you must agree to the privacy notice to sign up" => t!("api-problem-consent-sign-up"),
        "may hold only lowercase letters, digits and inner dashes" => t!("api-problem-slug"),
        "is a word the site's own addresses use; choose another" => {
            t!("api-problem-slug-reserved")
        }
        "is not an IANA time zone name such as Europe/Amsterdam" => t!("api-problem-time-zone"),
        "must be in the future" => t!("api-problem-future"),
        "choose whom to write to" => t!("api-problem-group"),
        "is not a question of this event" => t!("api-problem-not-a-question"),
        "must be a single text, not a list" => t!("api-problem-single-text"),
        "must be a list of options" => t!("api-problem-list-of-options"),
        "must list 1 to 5000 people" => t!("api-problem-invitees"),
        other => with_values(other).unwrap_or_else(|| other.to_owned()),
    }
}

/// The problems that carry a value: a limit, the options, the value given twice, or what
/// serde found where it expected something else.
fn with_values(problem: &str) -> Option<String> {
    let between = |text: &str, before: &str, after: &str| -> Option<String> {
        text.strip_prefix(before)?
            .strip_suffix(after)
            .map(str::to_owned)
    };
    let number = |text: String| text.parse::<i64>().is_ok().then_some(text);
    if let Some(options) = problem.strip_prefix("must be one of: ") {
        return Some(t!("api-problem-one-of", options = options));
    }
    if let Some(max) = between(problem, "must be at most ", " characters").and_then(number) {
        return Some(t!("api-problem-at-most", max = max));
    }
    if let Some(max) = between(problem, "must be 1 to ", " characters on one line").and_then(number)
    {
        return Some(t!("api-problem-one-line", max = max));
    }
    if let Some(max) = between(problem, "must be one line of 1 to ", " characters").and_then(number)
    {
        return Some(t!("api-problem-one-line-of", max = max));
    }
    if let Some((min, max)) = between(problem, "must be ", " characters").and_then(|range| {
        let (min, max) = range.split_once(" to ")?;
        Some((number(min.to_owned())?, number(max.to_owned())?))
    }) {
        return Some(t!("api-problem-length", min = min, max = max));
    }
    if let Some((min, max)) = between(problem, "must be between ", "").and_then(|range| {
        let (min, max) = range.split_once(" and ")?;
        Some((number(min.to_owned())?, number(max.to_owned())?))
    }) {
        return Some(t!("api-problem-between", min = min, max = max));
    }
    if let Some(value) = problem.strip_suffix(" appears more than once") {
        return Some(t!("api-problem-twice", value = value));
    }
    if let Some((value, expected)) = between(problem, "unknown variant `", "").and_then(|rest| {
        rest.split_once("`, expected ")
            .map(|(v, e)| (v.to_owned(), e.to_owned()))
    }) {
        return Some(t!(
            "api-problem-unknown-variant",
            value = value,
            expected = expected
        ));
    }
    let found_expected = |prefix: &str| -> Option<(String, String)> {
        let (found, expected) = problem.strip_prefix(prefix)?.rsplit_once(", expected ")?;
        Some((found.to_owned(), expected.to_owned()))
    };
    if let Some((found, expected)) = found_expected("invalid type: ") {
        return Some(t!(
            "api-problem-invalid-type",
            found = found,
            expected = expected
        ));
    }
    if let Some((found, expected)) = found_expected("invalid value: ") {
        return Some(t!(
            "api-problem-invalid-value",
            found = found,
            expected = expected
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Language, Mode, Status};
    use crate::i18n::in_language;

    fn spanish() -> Language {
        Language::from_tag("es").unwrap()
    }

    /// Every reason, so that a new one cannot be left out of the words below.
    fn every_refusal() -> Vec<Refusal> {
        let mut all = vec![
            Refusal::NotActive,
            Refusal::Started,
            Refusal::NotOpen,
            Refusal::Closed,
        ];
        for &mode in Mode::ALL {
            all.push(Refusal::NoSeat(mode));
            all.push(Refusal::TooFewSeats {
                mode,
                free: 1,
                wanted: 3,
            });
            for reason in [
                Reason::OfferIsFor(mode),
                Reason::GivenByOrganizers(mode),
                Reason::OthersWaiting(mode),
                Reason::AlreadyIn(mode),
            ] {
                all.push(Refusal::NotAllowed(reason));
            }
        }
        for reason in [
            Reason::AlreadyConfirmed,
            Reason::NothingOffered,
            Reason::NothingToDecline,
            Reason::SwitchNeedsSeat,
            Reason::WaitNeedsSeat,
            Reason::AlreadyWaiting,
            Reason::NotWaiting,
            Reason::AttendVirtuallyNeedsLine,
            Reason::VirtualNotOpen,
            Reason::DeadlinePast,
            Reason::ReconfirmNeedsSeat,
            Reason::NothingToReconfirm,
            Reason::PromoteNeedsLine,
            Reason::NoDeadline,
            Reason::PriorityNeedsLine,
            Reason::Lapsed,
            Reason::EmailNotConfirmed,
            Reason::Ended,
            Reason::CheckInNeedsSeat(Status::Waitlisted),
            Reason::NothingToSendAgain,
        ] {
            all.push(Refusal::NotAllowed(reason));
        }
        all
    }

    #[test]
    fn a_refusal_reads_in_english_as_the_domain_words_it() {
        for refusal in every_refusal() {
            assert_eq!(
                in_language(Language::default(), || super::refusal(&refusal)),
                refusal.to_string()
            );
        }
    }

    #[test]
    fn every_refusal_has_spanish_words_of_its_own() {
        let mut seen = std::collections::BTreeSet::new();
        for refusal in every_refusal() {
            let words = in_language(spanish(), || super::refusal(&refusal));
            assert_ne!(words, refusal.to_string(), "{refusal:?}");
            assert!(seen.insert(words.clone()), "{words} is said twice");
        }
    }

    #[test]
    fn field_problems_read_in_english_as_given_and_in_spanish_in_spanish() {
        for (given, in_spanish) in [
            ("is required", "es obligatorio"),
            (
                "is not a valid email address",
                "no es una dirección de correo válida",
            ),
            (
                "must be at most 200 characters",
                "debe tener como máximo 200 caracteres",
            ),
            (
                "must be 1 to 80 characters",
                "debe tener entre 1 y 80 caracteres",
            ),
            (
                "must be one of: PhD, Postdoc",
                "debe ser uno de estos valores: PhD, Postdoc",
            ),
            (
                "a@example.org appears more than once",
                "a@example.org aparece más de una vez",
            ),
            (
                "unknown variant `bus`, expected one of `in_person`, `virtual`, `either`",
                "valor desconocido `bus`; se esperaba one of `in_person`, `virtual`, `either`",
            ),
        ] {
            assert_eq!(in_language(Language::default(), || problem(given)), given);
            assert_eq!(in_language(spanish(), || problem(given)), in_spanish);
        }
        assert_eq!(
            in_language(spanish(), || problem("something else entirely")),
            "something else entirely"
        );
    }

    /// What a participant's bad join or bad answers can say, straight from the domain: a
    /// reworded domain message would otherwise fall back to English unnoticed.
    #[test]
    fn every_problem_of_a_participant_s_input_has_spanish_words() {
        use crate::domain::{
            join_of, Answers, GivenAnswer, Preference, Question, QuestionKind, Questions,
        };
        use std::collections::BTreeMap;

        let mut problems = Vec::new();
        let long = "x".repeat(400);
        for (email, name, affiliation) in [
            ("", "", None),
            ("not an address", "\u{7}Ada", Some(long.as_str())),
            ("ada@127.0.0.1", "\u{202e}Ada", Some("\u{7}")),
            ("ada@example.org", long.as_str(), None),
            ("ada@example.org", "\u{200b}", None),
        ] {
            let refused = join_of(
                email,
                name,
                affiliation,
                Preference::InPerson,
                false,
                Language::default(),
            )
            .expect_err("a bad join");
            problems.extend(refused.into_values().flatten());
        }
        let question = |key: &str, kind, options: &[&str], required| Question {
            key: key.into(),
            label: key.into(),
            kind,
            options: options.iter().map(|o| o.to_string()).collect(),
            required,
            summarize: false,
        };
        let questions = Questions::parse(vec![
            question("stage", QuestionKind::Choice, &["PhD", "Postdoc"], true),
            question("topics", QuestionKind::Choices, &["Skin", "Eyes"], false),
            question("diet", QuestionKind::Text, &[], false),
        ])
        .expect("good questions");
        for given in [
            BTreeMap::new(),
            BTreeMap::from([
                ("stage".to_owned(), GivenAnswer::One("Professor".into())),
                ("topics".to_owned(), GivenAnswer::One("Skin".into())),
                ("diet".to_owned(), GivenAnswer::Many(vec!["none".into()])),
                ("shoe_size".to_owned(), GivenAnswer::One("44".into())),
            ]),
            BTreeMap::from([
                ("stage".to_owned(), GivenAnswer::Many(vec!["PhD".into()])),
                (
                    "topics".to_owned(),
                    GivenAnswer::Many(vec!["Skin".into(), "Skin".into(), "Feet".into()]),
                ),
                ("diet".to_owned(), GivenAnswer::One(long.clone())),
            ]),
        ] {
            let refused = Answers::parse(&questions, given).expect_err("bad answers");
            problems.extend(refused.into_values().flatten());
        }
        assert!(problems.len() > 12, "{problems:?}");
        for given in problems {
            let worded = in_language(spanish(), || problem(&given));
            assert_ne!(worded, given, "no Spanish words for the problem {given:?}");
        }
    }
}
