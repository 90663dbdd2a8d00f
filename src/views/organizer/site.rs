//! The site's identity: its name, who is responsible for the data, the processors, the
//! footer; with what the privacy notice will say.

use maud::{html, Markup};

use super::{csrf_field, flash, layout, Viewer};
use crate::domain::{FieldErrors, SiteDraft};
use crate::views::text_field;

pub fn page(
    viewer: &Viewer<'_>,
    values: &SiteDraft,
    errors: &FieldErrors,
    done: Option<&str>,
) -> Markup {
    let processors_error = errors.get("processors");
    layout(
        &t!("dash-site-title"),
        viewer,
        html! {
            h1 { (t!("dash-site-title")) }
            (flash(done, None))
            @if !errors.is_empty() {
                p.notice.bad role="alert" { (t!("dash-site-correct-fields")) }
            }
            p { (t!("dash-site-intro")) " " a href="/privacy" { (t!("dash-site-privacy-notice")) } " " (t!("dash-site-intro-end")) }
            form.stack method="post" action="/organizer/site" {
                (csrf_field(viewer.csrf))
                (text_field("name", &t!("dash-site-name"), "text", &values.name, errors.get("name"), true))
                (text_field("controller", &t!("dash-site-controller"), "text", &values.controller, errors.get("controller"), false))
                (text_field("contact", &t!("dash-site-contact"), "text", &values.contact, errors.get("contact"), false))
                div {
                    label for="field-processors" { (t!("dash-site-processors")) }
                    p.hint id="field-processors-hint" { (t!("dash-site-processors-hint")) }
                    textarea id="field-processors" name="processors" rows="4"
                        aria-describedby=(if processors_error.is_some() { "field-processors-hint field-processors-error" } else { "field-processors-hint" })
                        aria-invalid=[processors_error.map(|_| "true")] { (values.processors) }
                    @if let Some(e) = processors_error { p.field-error id="field-processors-error" { (e.join("; ")) } }
                }
                (text_field("footer", &t!("dash-site-footer"), "text", &values.footer, errors.get("footer"), false))
                div { button type="submit" { (t!("dash-save")) } }
            }
        },
    )
}
