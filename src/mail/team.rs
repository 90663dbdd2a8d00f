//! The email that invites someone to the organizer team: who invited them, the role, and
//! the one-time link to set a password.

use maud::{html, DOCTYPE};

use super::Composed;
use crate::domain::Role;

pub const KIND: &str = "team_invitation";

fn role_words(role: Role) -> &'static str {
    match role {
        Role::Owner => "owner (everything, the team too)",
        Role::Organizer => "organizer (everything on events)",
        Role::CheckIn => "check-in helper (the check-in page and the participant lists)",
    }
}

pub fn team_invitation(
    site_name: &str,
    inviter: &str,
    role: Role,
    link: &str,
    days: i64,
) -> Composed {
    let subject = format!("You are invited to the organizers of {site_name}");
    let role = role_words(role);
    let text = format!(
        "Hello,\n\n{inviter} invited you to the organizer team of {site_name}, as {role}.\n\nSet your password with this link; it works once, for {days} days:\n{link}\n\nIf you did not expect this, ignore this email: nothing happens without the link.\n"
    );
    let html = html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { (subject) } }
            body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem;" {
                p { "Hello," }
                p { (inviter) " invited you to the organizer team of " (site_name) ", as " (role) "." }
                p { "Set your password with this link; it works once, for " (days) " days:" }
                p { a href=(link) { "Set my password" } br; (link) }
                p style="font-size: 0.9em; color: #444;" { "If you did not expect this, ignore this email: nothing happens without the link." }
            }
        }
    }
    .into_string();
    Composed {
        kind: KIND,
        subject,
        text,
        html,
        calendar: None,
    }
}
