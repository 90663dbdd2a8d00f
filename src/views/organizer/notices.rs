//! The page shown before a change that people will be told of is saved: how many are
//! told, what changed, each email as it will read, and a button that saves and tells
//! them (the form's values carried along), or one back to the form. Nothing is saved
//! until the first is pressed.

use std::collections::BTreeMap;

use maud::{html, Markup};

use super::{csrf_field, event_tabs, layout, Viewer};

/// One email as it will be sent, to one kind of recipient.
pub struct SampleEmail {
    /// "Confirmed participants in person", ...
    pub to: String,
    pub count: usize,
    pub subject: String,
    pub text: String,
}

pub struct NoticePreview<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    /// The tab the form belongs to ("/edit", "/programme").
    pub tab: &'a str,
    /// Where the form posts: the same route, with `notice` set.
    pub action: &'a str,
    /// The form's fields as they were sent, to send again.
    pub fields: &'a BTreeMap<String, String>,
    pub confirmed: usize,
    pub invited: usize,
    /// Every change, one line each.
    pub changes: &'a [String],
    pub emails: &'a [SampleEmail],
}

pub fn page(viewer: &Viewer<'_>, preview: &NoticePreview<'_>) -> Markup {
    let p = preview;
    layout(
        &t!("dash-notice-page-title", title = p.title),
        viewer,
        html! {
            p.eyebrow { (p.title) }
            h1 { (t!("dash-notice-title")) }
            (event_tabs(p.slug, p.tab))
            p.notice role="status" {
                strong {
                    (t!("dash-notice-confirmed", n = p.confirmed))
                    " " (t!("dash-notice-and")) " "
                    (t!("dash-notice-invitees", n = p.invited))
                }
                " " (t!("dash-notice-will-be-told"))
            }
            h2 { (t!("dash-notice-what-changed")) }
            ul { @for line in p.changes { li { (line) } } }
            p.hint { (t!("dash-notice-hint")) }
            form method="post" action=(p.action) {
                (csrf_field(viewer.csrf))
                @for (name, value) in p.fields {
                    input type="hidden" name=(name) value=(value);
                }
                div.actions {
                    button type="submit" name="notice" value="send" { (t!("dash-notice-save-and-tell")) }
                    " "
                    button.secondary type="submit" name="notice" value="edit" { (t!("dash-notice-back")) }
                }
            }
            h2 { (t!("dash-notice-emails")) }
            @for email in p.emails {
                section.sample-email aria-label=(t!("dash-notice-email-to", to = email.to.as_str())) {
                    h3 { (email.to) " (" (email.count) ")" }
                    p { strong { (t!("dash-message-subject-label")) " " } (email.subject) }
                    pre.mail { (email.text) }
                }
            }
        },
    )
}
