//! The email that invites someone to the organizer team: who invited them, the role, and
//! the one-time link to set a password.

use maud::{html, DOCTYPE};

use super::Composed;
use crate::domain::Role;

pub const KIND: &str = "team_invitation";

fn role_words(role: Role) -> String {
    match role {
        Role::Owner => t!("mail-team-role-owner"),
        Role::Organizer => t!("mail-team-role-organizer"),
        Role::CheckIn => t!("mail-team-role-check-in"),
    }
}

pub fn team_invitation(
    site_name: &str,
    inviter: &str,
    role: Role,
    link: &str,
    days: i64,
) -> Composed {
    let subject = t!("mail-team-subject", site = site_name);
    let greeting = t!("mail-greeting");
    let invited = t!(
        "mail-team-invited",
        inviter = inviter,
        site = site_name,
        role = role_words(role)
    );
    let how = t!("mail-team-link", days = days);
    let ignore = t!("mail-team-ignore");
    let text = format!("{greeting}\n\n{invited}\n\n{how}\n{link}\n\n{ignore}\n");
    let html = html! {
        (DOCTYPE)
        html lang=(crate::i18n::language().tag()) {
            head { meta charset="utf-8"; title { (subject) } }
            body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem;" {
                p { (greeting) }
                p { (invited) }
                p { (how) }
                p { a href=(link) { (t!("mail-team-action")) } br; (link) }
                p style="font-size: 0.9em; color: #444;" { (ignore) }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_invitation_counts_its_days_in_the_language_it_is_written_in() {
        let english = team_invitation("Workshops", "Ada", Role::CheckIn, "http://x/set/t", 7);
        assert_eq!(
            english.subject,
            "You are invited to the organizers of Workshops"
        );
        assert!(english
            .text
            .contains("it works once, for 7 days:\nhttp://x/set/t"));
        let spanish = crate::i18n::Language::from_tag("es").unwrap();
        let mail = crate::i18n::in_language(spanish, || {
            team_invitation("Workshops", "Ada", Role::Organizer, "http://x/set/t", 1)
        });
        assert_eq!(
            mail.subject,
            "Está invitado al equipo de organizadores de Workshops"
        );
        assert!(mail.text.contains(
            "Ada le ha invitado al equipo de organizadores de Workshops, como organizador (todo lo de los eventos)."
        ));
        assert!(
            mail.text.contains("funciona una sola vez, durante 1 día:"),
            "{}",
            mail.text
        );
        assert!(mail.html.contains("Establecer mi contraseña"));
        assert!(mail.html.contains("<html lang=\"es\">"));
    }
}
