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
        "Site and privacy notice",
        viewer,
        html! {
            h1 { "Site and privacy notice" }
            (flash(done, None))
            @if !errors.is_empty() {
                p.notice.bad role="alert" { "Nothing was saved: please correct the fields marked below." }
            }
            p { "What every public page and the " a href="/privacy" { "privacy notice" } " say about who runs this site. Page titles end in its name; the footer line shows under every public page." }
            form.stack method="post" action="/organizer/site" {
                (csrf_field(viewer.csrf))
                (text_field("name", "Site name", "text", &values.name, errors.get("name"), true))
                (text_field("controller", "Responsible for the data (controller), e.g. the organizers and their institution", "text", &values.controller, errors.get("controller"), false))
                (text_field("contact", "Contact for questions about data (an email address or a web page)", "text", &values.contact, errors.get("contact"), false))
                div {
                    label for="field-processors" { "Services that handle data for you, one per line (optional)" }
                    p.hint id="field-processors-hint" { "For example the mail provider, the hosting, the video meetings." }
                    textarea id="field-processors" name="processors" rows="4"
                        aria-describedby=(if processors_error.is_some() { "field-processors-hint field-processors-error" } else { "field-processors-hint" })
                        aria-invalid=[processors_error.map(|_| "true")] { (values.processors) }
                    @if let Some(e) = processors_error { p.field-error id="field-processors-error" { (e.join("; ")) } }
                }
                (text_field("footer", "Footer line (organizers, funders)", "text", &values.footer, errors.get("footer"), false))
                div { button type="submit" { "Save" } }
            }
        },
    )
}
