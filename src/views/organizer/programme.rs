//! The programme editor: every part as a group of fields, with buttons to move a part up
//! or down or remove it, and an empty group at the end to add one. Each button saves the
//! whole form, so no script is needed.

use maud::{html, Markup};

use super::{csrf_field, event_tabs, flash, layout, Viewer};

/// A part as the form holds it: what was typed, kept when the form is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartValues {
    pub title: String,
    /// In the event's time zone, as `datetime-local` writes it.
    pub starts_at: String,
    pub ends_at: String,
    pub streamed: bool,
    pub description: String,
}

impl PartValues {
    /// Nothing typed: the group for a new part, left empty.
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && self.starts_at.trim().is_empty()
            && self.ends_at.trim().is_empty()
            && self.description.trim().is_empty()
    }
}

/// The problems of each part (by index), and those of the programme as a whole.
pub type PartErrors = (Vec<Vec<String>>, Vec<String>);

pub struct ProgrammeForm<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub timezone: &'a str,
    /// The event's own times, as the hint shows them.
    pub when: String,
    /// The parts, the last one the empty group for a new part.
    pub parts: &'a [PartValues],
    pub errors: &'a PartErrors,
    pub done: Option<&'a str>,
}

fn part_fields(i: usize, count: usize, part: &PartValues, errors: &[String]) -> Markup {
    let new = i + 1 == count;
    let id = |field: &str| format!("part-{i}-{field}");
    let error_id = id("error");
    let legend_id = id("legend");
    html! {
        fieldset.part-editor.invalid[!errors.is_empty()] id=(id("group")) aria-labelledby=(legend_id) aria-describedby=[(!errors.is_empty()).then_some(error_id.as_str())] {
            legend id=(legend_id) { @if new { (t!("dash-programme-add")) } @else { (t!("dash-programme-part", n = i + 1)) ": " (part.title) } }
            @if !errors.is_empty() {
                p.field-error id=(error_id) { (errors.join("; ")) }
            }
            div {
                label for=(id("title")) { (t!("dash-event-form-title")) @if new { " " (t!("dash-questions-leave-empty")) } }
                input type="text" id=(id("title")) name=(id("title")) value=(part.title);
            }
            div.two {
                div {
                    label for=(id("starts_at")) { (t!("dash-programme-starts")) }
                    input type="datetime-local" id=(id("starts_at")) name=(id("starts_at")) value=(part.starts_at);
                }
                div {
                    label for=(id("ends_at")) { (t!("dash-programme-ends")) }
                    input type="datetime-local" id=(id("ends_at")) name=(id("ends_at")) value=(part.ends_at);
                }
            }
            div.choice {
                input type="checkbox" id=(id("streamed")) name=(id("streamed")) value="yes" checked[part.streamed];
                label for=(id("streamed")) { (t!("dash-programme-streamed")) }
            }
            div {
                label for=(id("description")) { (t!("dash-event-form-description")) }
                textarea id=(id("description")) name=(id("description")) rows="3" { (part.description) }
            }
            @if !new {
                div.actions {
                    @if i > 0 { button.secondary type="submit" name="action" value={"up-" (i)} { (t!("dash-line-move-up")) span.visually-hidden { ": " (part.title) } } }
                    @if i + 2 < count { button.secondary type="submit" name="action" value={"down-" (i)} { (t!("dash-line-move-down")) span.visually-hidden { ": " (part.title) } } }
                    button.danger type="submit" name="action" value={"remove-" (i)} { (t!("dash-line-remove")) span.visually-hidden { ": " (part.title) } }
                }
            }
        }
    }
}

pub fn page(viewer: &Viewer<'_>, form: &ProgrammeForm<'_>) -> Markup {
    let (by_part, whole) = form.errors;
    let refused = !whole.is_empty() || by_part.iter().any(|e| !e.is_empty());
    let heading = t!("dash-programme-heading", title = form.title);
    let title = if refused {
        t!("dash-error-title", title = heading.as_str())
    } else {
        heading.clone()
    };
    let count = form.parts.len();
    html! {
        (layout(&title, viewer, html! {
            h1 { (heading) }
            (event_tabs(form.slug, "/programme"))
            (flash(form.done, None))
            @if refused {
                div.notice.bad role="alert" {
                    p { (t!("dash-programme-not-saved")) }
                    @if !whole.is_empty() { p { (whole.join("; ")) } }
                    ul {
                        @for (i, errors) in by_part.iter().enumerate().filter(|(_, e)| !e.is_empty()) {
                            li { a href={"#part-" (i) "-title"} { (t!("dash-programme-part", n = i + 1)) ": " (errors.join("; ")) } }
                        }
                    }
                }
            }
            p { (t!("dash-programme-hint", when = form.when.as_str(), zone = form.timezone)) }
            form.stack method="post" action={"/organizer/events/" (form.slug) "/programme"} novalidate {
                (csrf_field(viewer.csrf))
                input type="hidden" name="count" value=(count);
                @for (i, part) in form.parts.iter().enumerate() {
                    (part_fields(i, count, part, by_part.get(i).map_or(&[][..], Vec::as_slice)))
                }
                div { button type="submit" name="action" value="save" { (t!("dash-programme-save")) } }
            }
        }))
    }
}
