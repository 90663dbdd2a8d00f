//! Pages as functions returning `Markup`: one layout and small components. maud escapes
//! everything it prints; nothing here marks user input as pre-escaped.

pub mod organizer;
pub mod pages;

use maud::{html, Markup, Render, DOCTYPE};

pub const STYLESHEET: &str = include_str!("../../static/style.css");

pub fn layout(title: &str, content: impl Render) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · registrar" }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                header.site { a href="/" { "Events" } }
                main { (content) }
                footer.site { a href="/privacy" { "Privacy notice" } }
            }
        }
    }
}

/// A text input with its label and any error, keeping what was typed.
pub fn text_field(
    name: &str,
    label: &str,
    kind: &str,
    value: &str,
    errors: Option<&Vec<String>>,
    required: bool,
) -> Markup {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    html! {
        div {
            label for=(id) { (label) @if !required { " (optional)" } }
            input type=(kind) id=(id) name=(name) value=(value) required[required]
                aria-invalid=[errors.map(|_| "true")] aria-describedby=[errors.map(|_| error_id.as_str())];
            @if let Some(errors) = errors {
                p.field-error id=(error_id) { (errors.join("; ")) }
            }
        }
    }
}
