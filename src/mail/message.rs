//! The email of an organizer's message to a group of participants: their words, kept as
//! typed (escaped in HTML), followed by the person's own link.

use maud::{html, DOCTYPE};

use super::Composed;

pub const KIND: &str = "organizer_message";

/// The message as its recipients will read it, with stand-ins for each one's name and
/// personal link: what the dashboard and the API show before it is sent.
pub fn organizer_message_sample(
    event_title: &str,
    subject: &str,
    body: &str,
    public_url: &str,
) -> Composed {
    organizer_message(
        event_title,
        &t!("mail-message-name-sample"),
        subject,
        body,
        &format!("{public_url}/r/{}", t!("mail-message-link-sample")),
    )
}

pub fn organizer_message(
    event_title: &str,
    name: &str,
    subject: &str,
    body: &str,
    link: &str,
) -> Composed {
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let greeting = t!("mail-greeting-name", name = name);
    let registration = t!("mail-message-registration", title = event_title);
    let personal = t!("mail-message-personal");
    let mut text = format!("{greeting}\n\n");
    for paragraph in &paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text.push_str(&format!("{registration} {link}\n\n{personal}\n"));
    let html = html! {
        (DOCTYPE)
        html lang=(crate::i18n::language().tag()) {
            head { meta charset="utf-8"; title { (subject) } }
            body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem;" {
                p { (greeting) }
                @for paragraph in &paragraphs {
                    p { @for (i, line) in paragraph.lines().enumerate() { @if i > 0 { br; } (line) } }
                }
                p style="font-size: 0.9em; color: #444;" {
                    (registration) " " a href=(link) { (link) } br;
                    (personal)
                }
            }
        }
    }
    .into_string();
    Composed {
        kind: KIND,
        subject: subject.to_owned(),
        text,
        html,
        calendar: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_keeps_its_paragraphs_escapes_html_and_carries_the_link() {
        let mail = organizer_message(
            "In the Picture",
            "Ada",
            "Room change",
            "We moved to <b>room 2</b>.\n\nSee you there.",
            "http://x/r/tok",
        );
        assert!(mail
            .text
            .contains("We moved to <b>room 2</b>.\n\nSee you there."));
        assert!(mail.html.contains("We moved to &lt;b&gt;room 2&lt;/b&gt;."));
        assert!(mail.text.contains("http://x/r/tok") && mail.html.contains("http://x/r/tok"));
        assert_eq!(mail.subject, "Room change");
    }

    #[test]
    fn a_message_frames_the_organizers_words_in_the_language_it_is_written_in() {
        let spanish = crate::i18n::Language::from_tag("es").unwrap();
        let mail = crate::i18n::in_language(spanish, || {
            organizer_message(
                "In the Picture",
                "Ada",
                "Sala",
                "Nos vemos.",
                "http://x/r/tok",
            )
        });
        assert!(
            mail.text.starts_with("Hola, Ada:\n\nNos vemos.\n\n"),
            "{}",
            mail.text
        );
        assert!(mail
            .text
            .contains("Su inscripción en In the Picture: http://x/r/tok"));
        assert!(mail
            .html
            .contains("Este enlace es personal: por favor, no lo reenvíe."));
    }
}
