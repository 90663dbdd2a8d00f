//! An event's registration questions and the answers people give: the questions are
//! checked once when an organizer saves them, the answers once when a person joins or
//! accepts, into values that cannot hold an unknown key or a choice outside the options.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{FieldErrors, ParseError};

pub const KEY_MAX: usize = 40;
pub const LABEL_MAX: usize = 300;
pub const OPTION_MAX: usize = 200;
pub const OPTIONS_MAX: usize = 50;
pub const QUESTIONS_MAX: usize = 30;
pub const ANSWER_MAX: usize = 2_000;

/// What kind of answer a question takes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Free text.
    Text,
    /// One of the options.
    Choice,
    /// Any of the options.
    Choices,
}

impl QuestionKind {
    pub const ALL: &'static [QuestionKind] = &[
        QuestionKind::Text,
        QuestionKind::Choice,
        QuestionKind::Choices,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Text => "text",
            QuestionKind::Choice => "choice",
            QuestionKind::Choices => "choices",
        }
    }

    pub fn has_options(self) -> bool {
        self != QuestionKind::Text
    }
}

impl FromStr for QuestionKind {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        QuestionKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| ParseError("must be one of: text, choice, choices".into()))
    }
}

impl fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A question as an edge read it, or as checked inside [`Questions`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Lowercase letters, digits and `_`; names the answer in the API and the exports.
    pub key: String,
    pub label: String,
    pub kind: QuestionKind,
    /// The choices, for the choice kinds; empty for text.
    pub options: Vec<String>,
    pub required: bool,
    /// Counted per answer in "who is in the room".
    pub summarize: bool,
}

/// An event's questions, each checked, keys unique. Only [`Questions::parse`] builds one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Questions(Vec<Question>);

fn a_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= KEY_MAX
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn one_line(text: &str) -> bool {
    !text.chars().any(char::is_control)
}

impl Questions {
    /// These questions, or what is wrong with them, each message naming the question by
    /// its place (1-based).
    pub fn parse(questions: Vec<Question>) -> Result<Questions, Vec<String>> {
        let mut errors = Vec::new();
        if questions.len() > QUESTIONS_MAX {
            errors.push(format!("must have at most {QUESTIONS_MAX} questions"));
        }
        let mut keys = BTreeSet::new();
        let mut checked = Vec::with_capacity(questions.len());
        for (i, q) in questions.into_iter().enumerate() {
            let n = i + 1;
            let key = q.key.trim().to_owned();
            if !a_key(&key) {
                errors.push(format!(
                    "question {n}: the key must be 1 to {KEY_MAX} lowercase letters, digits or _"
                ));
            } else if !keys.insert(key.clone()) {
                errors.push(format!("question {n}: the key {key} is used twice"));
            }
            let label = q.label.trim().to_owned();
            if label.is_empty() {
                errors.push(format!("question {n}: the label is required"));
            }
            if label.chars().count() > LABEL_MAX || !one_line(&label) {
                errors.push(format!(
                    "question {n}: the label must be one line of at most {LABEL_MAX} characters"
                ));
            }
            let mut options: Vec<String> = Vec::new();
            for option in &q.options {
                let option = option.trim();
                if option.is_empty() {
                    continue;
                }
                if option.chars().count() > OPTION_MAX || !one_line(option) {
                    errors.push(format!(
                        "question {n}: each option must be one line of at most {OPTION_MAX} characters"
                    ));
                } else if options.iter().any(|o| o == option) {
                    errors.push(format!("question {n}: the option {option} is given twice"));
                } else {
                    options.push(option.to_owned());
                }
            }
            if q.kind.has_options() && options.is_empty() {
                errors.push(format!(
                    "question {n}: a question of kind {} needs options",
                    q.kind
                ));
            }
            if !q.kind.has_options() && !options.is_empty() {
                errors.push(format!("question {n}: a text question takes no options"));
            }
            if options.len() > OPTIONS_MAX {
                errors.push(format!(
                    "question {n}: must have at most {OPTIONS_MAX} options"
                ));
            }
            checked.push(Question {
                key,
                label,
                options,
                ..q
            });
        }
        if errors.is_empty() {
            Ok(Questions(checked))
        } else {
            Err(errors)
        }
    }

    pub fn all(&self) -> &[Question] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&Question> {
        self.0.iter().find(|q| q.key == key)
    }
}

/// An answer as given: a text, or a list of options.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum GivenAnswer {
    One(String),
    Many(Vec<String>),
}

/// The answers of one person, checked against the event's questions: every key is a
/// question's, every choice one of its options, every required question answered. Kept
/// as the values given, one per option chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(BTreeMap<String, Vec<String>>);

impl Answers {
    /// The answers given to `questions`, or every bad one named `answers.KEY`.
    pub fn parse(
        questions: &Questions,
        given: BTreeMap<String, GivenAnswer>,
    ) -> Result<Answers, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut refuse = |key: &str, message: &str| {
            errors
                .entry(format!("answers.{key}"))
                .or_default()
                .push(message.to_owned());
        };
        // Keys given a bad answer, which need no "is required" as well.
        let mut refused = BTreeSet::new();
        let mut answers = BTreeMap::new();
        for (key, answer) in &given {
            let Some(question) = questions.get(key) else {
                refuse(key, "is not a question of this event");
                continue;
            };
            let values: Vec<String> = match (question.kind, answer) {
                (QuestionKind::Text, GivenAnswer::One(text)) => {
                    let text = text.replace("\r\n", "\n").trim().to_owned();
                    if text.chars().count() > ANSWER_MAX {
                        refuse(key, &format!("must be at most {ANSWER_MAX} characters"));
                    }
                    if text.chars().any(|c| c.is_control() && c != '\n') {
                        refuse(key, "must not contain control characters");
                    }
                    [text].into_iter().filter(|t| !t.is_empty()).collect()
                }
                (QuestionKind::Choice, GivenAnswer::One(choice)) => [choice.trim().to_owned()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect(),
                (QuestionKind::Choices, GivenAnswer::Many(choices)) => {
                    let mut unique: Vec<String> = Vec::new();
                    for choice in choices.iter().map(|c| c.trim()) {
                        if !choice.is_empty() && !unique.iter().any(|u| u == choice) {
                            unique.push(choice.to_owned());
                        }
                    }
                    unique
                }
                (QuestionKind::Text | QuestionKind::Choice, GivenAnswer::Many(_)) => {
                    refuse(key, "must be a single text, not a list");
                    refused.insert(key.as_str());
                    continue;
                }
                (QuestionKind::Choices, GivenAnswer::One(_)) => {
                    refuse(key, "must be a list of options");
                    refused.insert(key.as_str());
                    continue;
                }
            };
            if question.kind.has_options() && values.iter().any(|v| !question.options.contains(v)) {
                refuse(
                    key,
                    &format!("must be one of: {}", question.options.join(", ")),
                );
                refused.insert(key.as_str());
                continue;
            }
            if !values.is_empty() {
                answers.insert(key.clone(), values);
            }
        }
        for question in questions.all().iter().filter(|q| q.required) {
            if !answers.contains_key(&question.key) && !refused.contains(question.key.as_str()) {
                refuse(&question.key, "is required");
            }
        }
        if errors.is_empty() {
            Ok(Answers(answers))
        } else {
            Err(errors)
        }
    }

    /// The answers given when accepting an invitation or a seat, over those given before
    /// (on joining): a required question answered before needs no answer again. Answers
    /// to keys that are no longer questions are kept as they were.
    pub fn parse_over(
        questions: &Questions,
        mut given: BTreeMap<String, GivenAnswer>,
        earlier: &Answers,
    ) -> Result<Answers, FieldErrors> {
        let mut kept = BTreeMap::new();
        for (key, values) in &earlier.0 {
            match questions.get(key) {
                Some(q) if !given.contains_key(key) => {
                    let again = match q.kind {
                        QuestionKind::Choices => GivenAnswer::Many(values.clone()),
                        _ => GivenAnswer::One(values.join(", ")),
                    };
                    given.insert(key.clone(), again);
                }
                Some(_) => {}
                None => {
                    kept.insert(key.clone(), values.clone());
                }
            }
        }
        let mut answers = Answers::parse(questions, given)?;
        answers.0.extend(kept);
        Ok(answers)
    }

    /// Answers as stored: trusted, since they were checked when given.
    pub fn stored(values: BTreeMap<String, Vec<String>>) -> Answers {
        Answers(values)
    }

    /// Each key with its values (one for text and single choice), keys in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.0.get(key).map(Vec::as_slice)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(key: &str, kind: QuestionKind, options: &[&str], required: bool) -> Question {
        Question {
            key: key.into(),
            label: format!("About {key}"),
            kind,
            options: options.iter().map(|o| o.to_string()).collect(),
            required,
            summarize: false,
        }
    }

    fn questions() -> Questions {
        Questions::parse(vec![
            question("stage", QuestionKind::Choice, &["PhD", "Postdoc"], true),
            question("topics", QuestionKind::Choices, &["Skin", "Eyes"], false),
            question("diet", QuestionKind::Text, &[], false),
        ])
        .unwrap()
    }

    fn given(pairs: &[(&str, GivenAnswer)]) -> BTreeMap<String, GivenAnswer> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn a_choice_kind_without_options_a_bad_key_or_a_repeated_key_is_refused() {
        let errors = Questions::parse(vec![
            question("group", QuestionKind::Choice, &[" "], false),
            question("Bad Key", QuestionKind::Text, &[], false),
            question("diet", QuestionKind::Text, &[], false),
            question("diet", QuestionKind::Text, &[], false),
        ])
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "question 1: a question of kind choice needs options",
                "question 2: the key must be 1 to 40 lowercase letters, digits or _",
                "question 4: the key diet is used twice",
            ]
        );
    }

    #[test]
    fn answers_are_the_values_given_within_the_options() {
        let answers = Answers::parse(
            &questions(),
            given(&[
                ("stage", GivenAnswer::One("PhD".into())),
                (
                    "topics",
                    GivenAnswer::Many(vec!["Eyes".into(), "Skin".into(), "Eyes".into()]),
                ),
                ("diet", GivenAnswer::One("  ".into())),
            ]),
        )
        .unwrap();
        assert_eq!(answers.get("stage"), Some(&["PhD".to_owned()][..]));
        assert_eq!(answers.get("topics").unwrap(), ["Eyes", "Skin"]);
        assert_eq!(answers.get("diet"), None);
    }

    #[test]
    fn a_missing_required_answer_an_unknown_key_or_a_value_outside_the_options_names_the_key() {
        let errors = Answers::parse(
            &questions(),
            given(&[
                ("colour", GivenAnswer::One("blue".into())),
                ("topics", GivenAnswer::Many(vec!["Lungs".into()])),
            ]),
        )
        .unwrap_err();
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            ["answers.colour", "answers.stage", "answers.topics"]
        );
        let wrong_shape = Answers::parse(
            &questions(),
            given(&[("stage", GivenAnswer::Many(vec!["PhD".into()]))]),
        )
        .unwrap_err();
        assert_eq!(
            wrong_shape["answers.stage"],
            ["must be a single text, not a list"]
        );
    }
}
