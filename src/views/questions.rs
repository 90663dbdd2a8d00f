//! The questions of an event as form fields: on the join form and when accepting, each
//! with its error next to it and what was given kept.

use std::collections::BTreeMap;

use maud::{html, Markup};

use crate::domain::{FieldErrors, Question, QuestionKind};

/// What a person gave to each question (by key), kept when the form is refused.
pub type AnswerValues = BTreeMap<String, Vec<String>>;

/// The name of a question's field; a checkbox of several choices adds its option's place.
pub fn answer_field(key: &str) -> String {
    format!("answer-{key}")
}

/// The element an error summary links to for a question.
pub fn answer_target(question: &Question) -> String {
    match question.kind {
        QuestionKind::Text => format!("field-{}", answer_field(&question.key)),
        _ => format!("{}-0", answer_field(&question.key)),
    }
}

/// `lang` is the language the questions are written in, when the event names one.
pub fn question_fields(
    questions: &[Question],
    values: &AnswerValues,
    errors: &FieldErrors,
    lang: Option<&str>,
) -> Markup {
    html! {
        @for q in questions {
            (question_field(q, values.get(&q.key).map_or(&[][..], Vec::as_slice), errors.get(&format!("answers.{}", q.key)), lang))
        }
    }
}

fn question_field(
    q: &Question,
    given: &[String],
    errors: Option<&Vec<String>>,
    lang: Option<&str>,
) -> Markup {
    let name = answer_field(&q.key);
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let error = errors.map(|e| html! {
        p.field-error id=(error_id) { span.visually-hidden { (t!("error-prefix")) " " } (super::field_message(&q.label, e)) }
    });
    let optional = html! { @if !q.required { span.optional { " " (t!("field-optional")) } } };
    html! {
        @match q.kind {
            QuestionKind::Text => {
                div.field.invalid[errors.is_some()] {
                    label for=(id) { span lang=[lang] { (q.label) } (optional) }
                    @if let Some(error) = &error { (error) }
                    textarea id=(id) name=(name) rows="2" required[q.required]
                        aria-invalid=[errors.map(|_| "true")] aria-describedby=[errors.map(|_| error_id.as_str())] {
                        (given.first().map_or("", String::as_str))
                    }
                }
            }
            kind => {
                fieldset.invalid[errors.is_some()] id=(id) aria-describedby=[errors.map(|_| error_id.as_str())] {
                    legend { span lang=[lang] { (q.label) } (optional) }
                    @if let Some(error) = &error { (error) }
                    @for (i, option) in q.options.iter().enumerate() {
                        @let option_id = format!("{name}-{i}");
                        div.choice {
                            @if kind == QuestionKind::Choice {
                                input type="radio" id=(option_id) name=(name) value=(option) checked[given.contains(option)];
                            } @else {
                                input type="checkbox" id=(option_id) name=(option_id) value=(option) checked[given.contains(option)];
                            }
                            label for=(option_id) lang=[lang] { (option) }
                        }
                    }
                }
            }
        }
    }
}
