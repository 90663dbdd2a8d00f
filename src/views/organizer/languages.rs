//! The language choices of the dashboard: the language an event's content is written in,
//! and the language of the emails an invitation sends.

use maud::{html, Markup};

use crate::domain::Language;

/// A choice of the site's languages, by tag, with `none` (value "") first. `chosen` is
/// the value as the form last sent it.
pub fn language_choice(
    name: &str,
    label: &str,
    none: &str,
    chosen: &str,
    errors: Option<&Vec<String>>,
) -> Markup {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    html! {
        div {
            label for=(id) { (label) }
            select id=(id) name=(name) aria-invalid=[errors.map(|_| "true")] aria-describedby=[errors.map(|_| &error_id)] {
                option value="" selected[chosen.is_empty()] { (none) }
                @for language in Language::ALL {
                    option value=(language.tag()) lang=(language.tag()) selected[chosen == language.tag()] { (language.own_name()) }
                }
            }
            @if let Some(e) = errors { p.field-error id=(error_id) { (e.join("; ")) } }
        }
    }
}
