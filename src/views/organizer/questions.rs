//! The questions editor, with a preview of the questions as people see them on the join
//! form, and the confirmed participants grouped by their answer to a question of choice
//! (to form the project groups).

use maud::{html, Markup};

use super::{csrf_field, event_tabs, flash, layout, Viewer};
use crate::domain::{FieldErrors, Question, QuestionKind};
use crate::views::questions::{question_fields, AnswerValues};

/// A question as the form holds it, kept when the form is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionValues {
    pub key: String,
    pub label: String,
    pub kind: String,
    /// One option a line.
    pub options: String,
    pub required: bool,
    pub summarize: bool,
}

impl QuestionValues {
    pub fn is_blank(&self) -> bool {
        self.key.trim().is_empty() && self.label.trim().is_empty() && self.options.trim().is_empty()
    }
}

pub struct QuestionsForm<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    /// The questions, the last one the empty group for a new question.
    pub questions: &'a [QuestionValues],
    /// The problems of each question (by index), and those of the list as a whole.
    pub errors: &'a (Vec<Vec<String>>, Vec<String>),
    /// The saved questions, previewed as the join form shows them.
    pub saved: &'a [Question],
    pub done: Option<&'a str>,
}

fn group(i: usize, count: usize, q: &QuestionValues, errors: &[String]) -> Markup {
    let new = i + 1 == count;
    let id = |field: &str| format!("question-{i}-{field}");
    let error_id = id("error");
    let legend_id = id("legend");
    html! {
        fieldset.part-editor.invalid[!errors.is_empty()] id=(id("group")) aria-labelledby=(legend_id) aria-describedby=[(!errors.is_empty()).then_some(error_id.as_str())] {
            legend id=(legend_id) { @if new { (t!("dash-questions-add")) } @else { (t!("dash-questions-number", n = i + 1)) ": " (q.label) } }
            @if !errors.is_empty() { p.field-error id=(error_id) { (errors.join("; ")) } }
            div.two {
                div {
                    label for=(id("label")) { (t!("dash-questions-question")) @if new { " " (t!("dash-questions-leave-empty")) } }
                    input type="text" id=(id("label")) name=(id("label")) value=(q.label);
                }
                div {
                    label for=(id("key")) { (t!("dash-questions-key")) }
                    input type="text" id=(id("key")) name=(id("key")) value=(q.key);
                }
            }
            div {
                label for=(id("kind")) { (t!("dash-questions-kind")) }
                select id=(id("kind")) name=(id("kind")) {
                    @for (kind, words) in [(QuestionKind::Text, t!("dash-questions-kind-text")), (QuestionKind::Choice, t!("dash-questions-kind-choice")), (QuestionKind::Choices, t!("dash-questions-kind-choices"))] {
                        option value=(kind.as_str()) selected[q.kind == kind.as_str()] { (words) }
                    }
                }
            }
            div {
                label for=(id("options")) { (t!("dash-questions-options")) }
                textarea id=(id("options")) name=(id("options")) rows="4" { (q.options) }
            }
            div.choice {
                input type="checkbox" id=(id("required")) name=(id("required")) value="yes" checked[q.required];
                label for=(id("required")) { (t!("dash-questions-required")) }
            }
            div.choice {
                input type="checkbox" id=(id("summarize")) name=(id("summarize")) value="yes" checked[q.summarize];
                label for=(id("summarize")) { (t!("dash-questions-summarize")) }
            }
            @if !new {
                div.actions {
                    @if i > 0 { button.secondary type="submit" name="action" value={"up-" (i)} { (t!("dash-line-move-up")) span.visually-hidden { ": " (q.label) } } }
                    @if i + 2 < count { button.secondary type="submit" name="action" value={"down-" (i)} { (t!("dash-line-move-down")) span.visually-hidden { ": " (q.label) } } }
                    button.danger type="submit" name="action" value={"remove-" (i)} { (t!("dash-line-remove")) span.visually-hidden { ": " (q.label) } }
                }
            }
        }
    }
}

pub fn page(viewer: &Viewer<'_>, form: &QuestionsForm<'_>) -> Markup {
    let (by_question, whole) = form.errors;
    let refused = !whole.is_empty() || by_question.iter().any(|e| !e.is_empty());
    let heading = t!("dash-questions-heading", title = form.title);
    let title = if refused {
        t!("dash-error-title", title = heading.as_str())
    } else {
        heading.clone()
    };
    let count = form.questions.len();
    layout(
        &title,
        viewer,
        html! {
            h1 { (heading) }
            (event_tabs(form.slug, "/questions"))
            (flash(form.done, None))
            @if refused {
                div.notice.bad role="alert" {
                    p { (t!("dash-questions-not-saved")) }
                    @if !whole.is_empty() { p { (whole.join("; ")) } }
                    ul {
                        @for (i, errors) in by_question.iter().enumerate().filter(|(_, e)| !e.is_empty()) {
                            li { a href={"#question-" (i) "-label"} { (t!("dash-questions-number", n = i + 1)) ": " (errors.join("; ")) } }
                        }
                    }
                }
            }
            p { (t!("dash-questions-hint")) }
            form.stack method="post" action={"/organizer/events/" (form.slug) "/questions"} novalidate {
                (csrf_field(viewer.csrf))
                input type="hidden" name="count" value=(count);
                @for (i, q) in form.questions.iter().enumerate() {
                    (group(i, count, q, by_question.get(i).map_or(&[][..], Vec::as_slice)))
                }
                div { button type="submit" name="action" value="save" { (t!("dash-questions-save")) } }
            }
            section.preview aria-labelledby="preview-title" {
                h2 #preview-title { (t!("dash-questions-preview")) }
                @if form.saved.is_empty() {
                    p { (t!("dash-questions-none")) }
                } @else {
                    // Inert: a preview to look at, not a form to send.
                    div.stack inert {
                        (question_fields(form.saved, &AnswerValues::new(), &FieldErrors::new(), None))
                    }
                }
            }
        },
    )
}

/// The confirmed participants grouped by their answer to a question of choice, with
/// the number in each group, to form the project groups.
pub fn groups(
    viewer: &Viewer<'_>,
    slug: &str,
    title: &str,
    choices: &[Question],
    question: Option<&Question>,
    grouped: &[(String, Vec<(String, String)>)],
) -> Markup {
    let heading = t!("dash-groups-heading", title = title);
    layout(
        &heading,
        viewer,
        html! {
            h1 { (heading) }
            (event_tabs(slug, "/groups"))
            @if choices.is_empty() {
                p.notice { (t!("dash-groups-no-choice")) " " a href={"/organizer/events/" (slug) "/questions"} { (t!("dash-groups-questions-page")) } "." }
            } @else {
                form.inline method="get" action={"/organizer/events/" (slug) "/groups"} {
                    label for="field-question" { (t!("dash-groups-by")) " " }
                    select #field-question name="question" {
                        @for q in choices {
                            option value=(q.key) selected[question.is_some_and(|c| c.key == q.key)] { (q.label) }
                        }
                    }
                    " "
                    button.secondary type="submit" { (t!("dash-registrations-show")) }
                }
            }
            @if let Some(q) = question {
                h2 { (q.label) }
                @for (answer, people) in grouped {
                    section.group {
                        h3 { (answer) " (" (people.len()) ")" }
                        @if people.is_empty() { p.muted { (t!("dash-groups-nobody")) } }
                        @else {
                            ul { @for (name, affiliation) in people { li { (name) @if !affiliation.is_empty() { " · " (affiliation) } } } }
                        }
                    }
                }
            }
        },
    )
}
