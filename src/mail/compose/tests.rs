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
