//! Every kind of email: its link in both parts, names escaped, times in the event's zone.

use super::*;
use chrono::TimeZone;

fn facts() -> EventFacts<'static> {
    EventFacts {
        title: "In the Picture",
        description: "",
        starts_at: Utc.with_ymd_and_hms(2027, 3, 15, 8, 0, 0).unwrap(),
        ends_at: Utc.with_ymd_and_hms(2027, 3, 15, 16, 0, 0).unwrap(),
        timezone: chrono_tz::Europe::Amsterdam,
        venue: "Science Park",
        meeting_url: Some("https://meet.example.org/x"),
        programme: &[],
    }
}

fn stamp(sequence: u32, had_seat: bool) -> CalendarStamp<'static> {
    CalendarStamp {
        uid: "registration-7@example.org".into(),
        sequence,
        had_seat,
        organizer: (Some("registrar"), "registrar@example.org"),
    }
}

#[test]
fn every_kind_has_the_link_in_both_parts() {
    let until = Utc.with_ymd_and_hms(2027, 3, 1, 11, 0, 0).unwrap();
    for kind in [
        MailKind::ConfirmAddress,
        MailKind::LinkAgain,
        MailKind::Invitation {
            mode: Mode::InPerson,
            until,
        },
        MailKind::Confirmation {
            mode: Mode::Virtual,
        },
        MailKind::WaitingListPlace { position: Some(3) },
        MailKind::SeatOffer {
            mode: Mode::InPerson,
            until,
        },
        MailKind::Lapsed {
            mode: Mode::InPerson,
        },
        MailKind::Cancellation,
        MailKind::ModeChanged {
            mode: Mode::Virtual,
        },
    ] {
        let mail = compose(
            &kind,
            &facts(),
            "Ada <b>",
            "http://x/r/tok",
            &stamp(1, true),
        );
        assert!(mail.text.contains("http://x/r/tok"), "{kind:?}");
        assert!(mail.html.contains("http://x/r/tok"), "{kind:?}");
        if kind == MailKind::ConfirmAddress {
            assert!(!mail.text.contains("Ada"), "a stranger's name is not sent");
        } else {
            assert!(
                mail.html.contains("Ada &lt;b&gt;"),
                "names are escaped in HTML"
            );
        }
        assert!(
            mail.text
                .contains("Monday 15 March 2027, 09:00 to 17:00 (Europe/Amsterdam)"),
            "{kind:?} says when, in the event's time zone"
        );
        assert!(
            mail.html
                .contains("Kind regards,<br>The organizers of In the Picture"),
            "{kind:?} signs off on two lines"
        );
    }
}

#[test]
fn invitations_and_offers_state_the_deadline_in_subject_and_body() {
    let until = Utc.with_ymd_and_hms(2027, 3, 1, 11, 0, 0).unwrap();
    for kind in [
        MailKind::Invitation {
            mode: Mode::InPerson,
            until,
        },
        MailKind::SeatOffer {
            mode: Mode::Virtual,
            until,
        },
    ] {
        let mail = compose(&kind, &facts(), "Ada", "l", &stamp(1, false));
        assert!(
            mail.subject.contains("Monday 1 March 2027, 12:00"),
            "{}",
            mail.subject
        );
        assert!(mail
            .text
            .contains("Answer by: Monday 1 March 2027, 12:00 (Europe/Amsterdam)"));
    }
}

#[test]
fn newsletter_issues_carry_their_unsubscribe_link_and_confirmations_do_not() {
    let issue = compose_newsletter(
        &NewsletterMail::Issue {
            subject: "Next webinar",
            body: "On <data>.",
        },
        "http://x/newsletter/unsubscribe/tok",
    );
    assert_eq!(
        unsubscribe_link_of(&issue.text),
        Some("http://x/newsletter/unsubscribe/tok")
    );
    // The body is Markdown: raw HTML in it never passes.
    assert!(issue.html.contains("On ."), "{}", issue.html);
    assert!(!issue.html.contains("<data>"));
    let confirm = compose_newsletter(
        &NewsletterMail::Confirm {
            unconfirmed_days: 30,
        },
        "http://x/newsletter/confirm/t",
    );
    assert_eq!(confirm.kind, "newsletter_confirm");
    assert!(confirm.text.contains("http://x/newsletter/confirm/t"));
    assert_eq!(unsubscribe_link_of(&confirm.text), None);
}

#[test]
fn dates_are_shown_in_the_event_time_zone() {
    let until = Utc.with_ymd_and_hms(2027, 3, 1, 11, 0, 0).unwrap();
    let mail = compose(
        &MailKind::SeatOffer {
            mode: Mode::InPerson,
            until,
        },
        &facts(),
        "Ada",
        "l",
        &stamp(1, false),
    );
    assert!(
        mail.subject
            .contains("Monday 1 March 2027, 12:00 (Europe/Amsterdam)"),
        "{}",
        mail.subject
    );
}

#[test]
fn a_confirmation_carries_a_calendar_file_and_the_meeting_link_when_virtual() {
    let mail = compose(
        &MailKind::Confirmation {
            mode: Mode::Virtual,
        },
        &facts(),
        "Ada",
        "l",
        &stamp(2, true),
    );
    let calendar = mail.calendar.unwrap();
    assert!(calendar.contains("BEGIN:VCALENDAR"));
    assert!(calendar.contains("METHOD:PUBLISH\r\n"), "{calendar}");
    assert!(
        calendar.contains("LOCATION:https://meet.example.org/x"),
        "{calendar}"
    );
    assert!(mail.text.contains("https://meet.example.org/x"));
    let lapsed = compose(
        &MailKind::Lapsed {
            mode: Mode::InPerson,
        },
        &facts(),
        "Ada",
        "l",
        &stamp(2, true),
    );
    assert!(lapsed.calendar.is_none());
}

#[test]
fn a_cancellation_takes_back_the_entry_of_a_seat_it_had() {
    let mail = compose(
        &MailKind::Cancellation,
        &facts(),
        "Ada",
        "l",
        &stamp(5, true),
    );
    let calendar = mail.calendar.expect("a cancellation of a seat");
    for line in [
        "METHOD:CANCEL\r\n",
        "STATUS:CANCELLED\r\n",
        "UID:registration-7@example.org\r\n",
        "SEQUENCE:5\r\n",
    ] {
        assert!(calendar.contains(line), "{line:?} in {calendar}");
    }
    // Someone who only waited in line has no entry to take back.
    let mail = compose(
        &MailKind::Cancellation,
        &facts(),
        "Ada",
        "l",
        &stamp(5, false),
    );
    assert!(mail.calendar.is_none());
}

#[test]
fn the_confirmation_says_which_parts_are_streamed_and_its_file_holds_the_parts_attended() {
    let at = |h| Utc.with_ymd_and_hms(2027, 3, 15, h, 0, 0).unwrap();
    let parts = [
        Part {
            title: "Keynote".into(),
            starts_at: at(8),
            ends_at: at(9),
            streamed: true,
            description: String::new(),
        },
        Part {
            title: "Project groups".into(),
            starts_at: at(9),
            ends_at: at(12),
            streamed: false,
            description: String::new(),
        },
    ];
    let event = facts().with_programme(&parts);
    let online = compose(
        &MailKind::Confirmation {
            mode: Mode::Virtual,
        },
        &event,
        "Ada",
        "http://localhost/r/x",
        &stamp(1, true),
    );
    assert!(online
        .text
        .contains("Monday 15 March, 09:00 to 10:00: Keynote (streamed)"));
    assert!(!online.text.contains("Project groups"), "{}", online.text);
    let ics = online.calendar.expect("a calendar file");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.contains("https://meet.example.org/x"));
    let in_person = compose(
        &MailKind::Confirmation {
            mode: Mode::InPerson,
        },
        &event,
        "Ada",
        "http://localhost/r/x",
        &stamp(1, true),
    );
    assert!(in_person.text.contains("Project groups"));
    assert!(in_person.text.contains("Keynote (streamed)"));
    assert_eq!(
        in_person
            .calendar
            .expect("a calendar file")
            .matches("BEGIN:VEVENT")
            .count(),
        2
    );
}

#[test]
fn a_change_notice_says_old_and_new_and_updates_the_calendar_of_a_seat() {
    use crate::domain::notices::Change;
    let changes = vec![
        Change::StartsAt {
            from: Utc.with_ymd_and_hms(2027, 3, 15, 7, 0, 0).unwrap(),
            to: Utc.with_ymd_and_hms(2027, 3, 15, 8, 0, 0).unwrap(),
        },
        Change::Venue {
            from: "Old hall".into(),
            to: "Science Park".into(),
        },
    ];
    let seat = MailKind::EventChanged {
        mode: Mode::InPerson,
        confirmed: true,
        changes: changes.clone(),
    };
    let mail = compose(&seat, &facts(), "Ada", "http://x/r/tok", &stamp(4, true));
    assert_eq!(mail.subject, "In the Picture has changed: time and venue");
    assert!(
        mail.text.contains(
            "- Starts: Monday 15 March 2027, 08:00 (Europe/Amsterdam) → Monday 15 March 2027, 09:00 (Europe/Amsterdam)"
        ),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("- Venue: Old hall → Science Park"));
    let calendar = mail.calendar.expect("the updated calendar file");
    assert!(calendar.contains("METHOD:PUBLISH") && calendar.contains("SEQUENCE:4"));
    assert!(seat.carries_calendar());

    let invitee = MailKind::EventChanged {
        mode: Mode::InPerson,
        confirmed: false,
        changes,
    };
    let mail = compose(
        &invitee,
        &facts(),
        "Ada",
        "http://x/r/tok",
        &stamp(4, false),
    );
    assert_eq!(mail.calendar, None, "no calendar holds an invitation yet");
    assert!(mail.text.contains("accept or decline"), "{}", mail.text);
    // The kind survives the outbox's JSON.
    let stored = serde_json::to_string(&invitee).unwrap();
    assert_eq!(serde_json::from_str::<MailKind>(&stored).unwrap(), invitee);
}

fn in_spanish<R>(work: impl FnOnce() -> R) -> R {
    crate::i18n::in_language(crate::i18n::Language::from_tag("es").unwrap(), work)
}

/// Words of the English emails that a Spanish one must not contain (the event's own
/// title, "In the Picture", avoids them).
const ENGLISH_WORDS: [&str; 14] = [
    "Dear",
    "Hello",
    "Kind regards",
    "Monday",
    "March",
    "When:",
    "Where:",
    "Answer",
    "seat",
    "lease",
    "your ",
    "Your ",
    "This link",
    "streamed",
];

fn every_kind() -> Vec<MailKind> {
    let until = Utc.with_ymd_and_hms(2027, 3, 1, 11, 0, 0).unwrap();
    vec![
        MailKind::ConfirmAddress,
        MailKind::LinkAgain,
        MailKind::Invitation {
            mode: Mode::InPerson,
            until,
        },
        MailKind::Confirmation {
            mode: Mode::Virtual,
        },
        MailKind::WaitingListPlace { position: Some(3) },
        MailKind::WaitingListPlace { position: None },
        MailKind::SeatOffer {
            mode: Mode::InPerson,
            until,
        },
        MailKind::Lapsed {
            mode: Mode::InPerson,
        },
        MailKind::Cancellation,
        MailKind::ModeChanged {
            mode: Mode::Virtual,
        },
        MailKind::Reminder {
            mode: Mode::InPerson,
        },
        MailKind::AnswerReminder {
            mode: Mode::Virtual,
            until,
        },
        MailKind::ReconfirmationRequest { until },
        MailKind::ReconfirmationLapsed {
            mode: Mode::InPerson,
        },
        MailKind::EventChanged {
            mode: Mode::InPerson,
            confirmed: true,
            changes: vec![crate::domain::notices::Change::Venue {
                from: "Old hall".into(),
                to: "Science Park".into(),
            }],
        },
    ]
}

#[test]
fn every_kind_composed_in_spanish_is_in_spanish_from_subject_to_footer() {
    for kind in every_kind() {
        let english = compose(&kind, &facts(), "Ada", "http://x/r/tok", &stamp(1, true));
        let mail =
            in_spanish(|| compose(&kind, &facts(), "Ada", "http://x/r/tok", &stamp(1, true)));
        assert_ne!(mail.subject, english.subject, "{kind:?}");
        for (part, text) in [
            ("subject", &mail.subject),
            ("text", &mail.text),
            ("html", &mail.html),
        ] {
            for word in ENGLISH_WORDS {
                assert!(
                    !text.contains(word),
                    "{kind:?}: {word:?} in the {part}: {text}"
                );
            }
        }
        assert!(
            mail.text
                .contains("Cuándo: lunes 15 de marzo de 2027, 09:00 a 17:00 (Europe/Amsterdam)"),
            "{kind:?}: {}",
            mail.text
        );
        assert!(mail
            .text
            .contains("Atentamente,\nLos organizadores de In the Picture"));
        assert!(mail.html.contains("<html lang=\"es\">"), "{kind:?}");
        assert!(mail
            .html
            .contains("Si el botón no funciona, abra esta dirección:"));
        assert!(mail.text.contains("http://x/r/tok") && mail.html.contains("http://x/r/tok"));
        if kind != MailKind::ConfirmAddress {
            assert!(mail.text.starts_with("Hola, Ada:\n"), "{}", mail.text);
        }
    }
}

#[test]
fn spanish_emails_say_what_their_kind_is_about() {
    let until = Utc.with_ymd_and_hms(2027, 3, 1, 11, 0, 0).unwrap();
    let spanish = |kind: MailKind| {
        in_spanish(|| compose(&kind, &facts(), "Ada", "http://x/r/tok", &stamp(1, true)))
    };
    let invitation = spanish(MailKind::Invitation {
        mode: Mode::InPerson,
        until,
    });
    assert_eq!(
        invitation.subject,
        "Está invitado a In the Picture: por favor, responda antes del lunes 1 de marzo de 2027, 12:00 (Europe/Amsterdam)"
    );
    assert!(invitation.text.contains(
        "Le reservamos una plaza en la sala hasta el lunes 1 de marzo de 2027, 12:00 (Europe/Amsterdam)."
    ));
    assert!(invitation
        .text
        .contains("Plazo para responder: lunes 1 de marzo de 2027, 12:00 (Europe/Amsterdam)"));
    assert!(invitation.text.contains("Dónde: Science Park"));
    assert!(invitation
        .text
        .contains("Responder a la invitación: http://x/r/tok"));

    let confirmation = spanish(MailKind::Confirmation {
        mode: Mode::Virtual,
    });
    assert_eq!(confirmation.subject, "Tiene una plaza en In the Picture");
    assert!(confirmation
        .text
        .contains("tiene una plaza en línea para In the Picture."));
    assert!(confirmation
        .text
        .contains("En línea: https://meet.example.org/x"));

    let moved = spanish(MailKind::ModeChanged {
        mode: Mode::Virtual,
    });
    assert_eq!(moved.subject, "Ahora asiste a In the Picture en línea");
    let reminder = spanish(MailKind::Reminder {
        mode: Mode::InPerson,
    });
    assert_eq!(
        reminder.subject,
        "Recordatorio: In the Picture empieza el lunes 15 de marzo de 2027, 09:00 (Europe/Amsterdam)"
    );
    let reconfirmation = spanish(MailKind::ReconfirmationRequest { until });
    assert!(reconfirmation
        .subject
        .starts_with("¿Sigue pensando venir a In the Picture?"));
    assert!(reconfirmation
        .text
        .contains("«Sí, voy a ir» conserva su plaza"));
}

#[test]
fn a_place_in_line_reads_by_the_plural_rules_of_spanish() {
    let place = |position| {
        in_spanish(|| {
            compose(
                &MailKind::WaitingListPlace {
                    position: Some(position),
                },
                &facts(),
                "Ada",
                "l",
                &stamp(1, false),
            )
        })
        .text
    };
    assert!(
        place(1).contains("Ocupa el primer lugar de la fila."),
        "{}",
        place(1)
    );
    assert!(
        place(3).contains("Ocupa el lugar 3 de la fila."),
        "{}",
        place(3)
    );
    let english = compose(
        &MailKind::WaitingListPlace { position: Some(1) },
        &facts(),
        "Ada",
        "l",
        &stamp(1, false),
    );
    assert!(english.text.contains("Your place in line is 1."));
}

#[test]
fn a_spanish_change_notice_names_topics_and_parts_in_spanish() {
    use crate::domain::notices::{Change, PartFacts};
    let at = |h| Utc.with_ymd_and_hms(2027, 3, 15, h, 0, 0).unwrap();
    let part = |title: &str, streamed| PartFacts {
        title: title.into(),
        starts_at: at(8),
        ends_at: at(9),
        streamed,
    };
    let changes = vec![
        Change::StartsAt {
            from: at(7),
            to: at(8),
        },
        Change::MeetingUrl {
            from: None,
            to: Some("https://meet.example.org/x".into()),
        },
        Change::PartAdded {
            part: part("Keynote", true),
        },
    ];
    let kind = MailKind::EventChanged {
        mode: Mode::Virtual,
        confirmed: false,
        changes,
    };
    let mail = in_spanish(|| compose(&kind, &facts(), "Ada", "l", &stamp(1, false)));
    assert_eq!(
        mail.subject,
        "In the Picture ha cambiado: horario, enlace de la reunión y programa"
    );
    for line in [
        "- Empieza: lunes 15 de marzo de 2027, 08:00 (Europe/Amsterdam) → lunes 15 de marzo de 2027, 09:00 (Europe/Amsterdam)",
        "- Enlace de la reunión: (ninguno) → https://meet.example.org/x",
        "- Añadido al programa: Keynote, lunes 15 de marzo, 09:00 a 10:00 (transmitida)",
        "Seguimos reservándole una plaza en línea: por favor, acéptela o rechácela en su página personal.",
    ] {
        assert!(mail.text.contains(line), "{line:?} in {}", mail.text);
    }
    for word in ENGLISH_WORDS {
        assert!(!mail.text.contains(word), "{word:?} in {}", mail.text);
    }
}

#[test]
fn a_spanish_confirmation_lists_the_programme_in_spanish() {
    let at = |h| Utc.with_ymd_and_hms(2027, 3, 15, h, 0, 0).unwrap();
    let parts = [Part {
        title: "Keynote".into(),
        starts_at: at(8),
        ends_at: at(9),
        streamed: true,
        description: String::new(),
    }];
    let event = facts().with_programme(&parts);
    let mail = in_spanish(|| {
        compose(
            &MailKind::Confirmation {
                mode: Mode::InPerson,
            },
            &event,
            "Ada",
            "l",
            &stamp(1, true),
        )
    });
    assert!(mail.text.contains(
        "El programa (Europe/Amsterdam); las partes marcadas como transmitidas también se pueden seguir en línea:\n\n- lunes 15 de marzo, 09:00 a 10:00: Keynote (transmitida)"
    ), "{}", mail.text);
}

#[test]
fn spanish_newsletter_emails_count_days_and_keep_the_unsubscribe_link_readable() {
    let confirm = |days| {
        in_spanish(|| {
            compose_newsletter(
                &NewsletterMail::Confirm {
                    unconfirmed_days: days,
                },
                "http://x/newsletter/confirm/t",
            )
        })
    };
    let thirty = confirm(30);
    assert_eq!(
        thirty.subject,
        "Por favor, confirme su suscripción a las noticias de nuestros eventos"
    );
    assert!(thirty
        .text
        .contains("que no se confirma en 30 días se borra."));
    assert!(confirm(1)
        .text
        .contains("que no se confirma en 1 día se borra."));
    assert_eq!(unsubscribe_link_of(&thirty.text), None);

    let issue = in_spanish(|| {
        compose_newsletter(
            &NewsletterMail::Issue {
                subject: "Próximo seminario web",
                // A line of the body that looks like the footer does not take its place.
                body: "Unsubscribe: http://elsewhere.example/\n\nNos vemos.",
            },
            "http://x/newsletter/unsubscribe/tok",
        )
    });
    assert!(issue
        .text
        .ends_with("-- \nDarse de baja: http://x/newsletter/unsubscribe/tok\n"));
    assert_eq!(
        unsubscribe_link_of(&issue.text),
        Some("http://x/newsletter/unsubscribe/tok")
    );
    assert!(issue.html.contains("<html lang=\"es\">"));
    let goodbye =
        in_spanish(|| compose_newsletter(&NewsletterMail::Unsubscribed, "http://x/newsletter"));
    assert_eq!(
        goodbye.subject,
        "Se ha dado de baja de las noticias de nuestros eventos"
    );
    assert!(goodbye
        .text
        .contains("Volver a suscribirme: http://x/newsletter"));
}
