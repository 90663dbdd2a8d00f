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

fn people(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn page(viewer: &Viewer<'_>, preview: &NoticePreview<'_>) -> Markup {
    let p = preview;
    layout(
        &format!("Tell people what changed: {}", p.title),
        viewer,
        html! {
            p.eyebrow { (p.title) }
            h1 { "Tell people what changed?" }
            (event_tabs(p.slug, p.tab))
            p.notice role="status" {
                strong {
                    (people(p.confirmed, "confirmed participant", "confirmed participants"))
                    " and "
                    (people(p.invited, "invitee", "invitees"))
                }
                " (open invitations and offers) will be told: nothing is saved until you press the button below."
            }
            h2 { "What changed" }
            ul { @for line in p.changes { li { (line) } } }
            p.hint { "Each person is told only what concerns them: people in the room the venue and the programme, people online the meeting link and the streamed parts; everyone a new time. People waiting in line are not told." }
            form method="post" action=(p.action) {
                (csrf_field(viewer.csrf))
                @for (name, value) in p.fields {
                    input type="hidden" name=(name) value=(value);
                }
                div.actions {
                    button type="submit" name="notice" value="send" { "Save and tell them" }
                    " "
                    button.secondary type="submit" name="notice" value="edit" { "Back to the form" }
                }
            }
            h2 { "The emails" }
            @for email in p.emails {
                section.sample-email aria-label={"Email to " (email.to)} {
                    h3 { (email.to) " (" (email.count) ")" }
                    p { strong { "Subject: " } (email.subject) }
                    pre.mail { (email.text) }
                }
            }
        },
    )
}
