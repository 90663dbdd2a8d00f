//! Before a change that people will be told of is saved, the dashboard shows who is told
//! and each email (see [`crate::views::organizer::notices`]). The engine decides the same
//! again when the change is saved, from the event as it stands then.

use std::collections::BTreeMap;

use chrono::Utc;
use maud::Markup;

use super::session::SignedIn;
use super::viewer;
use crate::domain::notices::{changes, recipients, worth_telling, Recipient, Schedule};
use crate::domain::{EventSettings, Mode};
use crate::mail::calendar::registration_uid;
use crate::mail::{change_lines, compose, CalendarStamp, EventFacts, MailKind};
use crate::reads::EventState;
use crate::views::organizer::notices::{self as views, NoticePreview, SampleEmail};

/// The field of the preview's buttons: `send` saves and tells, `edit` goes back.
pub const NOTICE_FIELD: &str = "notice";

/// What the organizer asked of a form that may tell people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The form itself: show who would be told first.
    Save,
    /// "Save and tell them" on the preview.
    SaveAndTell,
    /// "Back to the form" on the preview: nothing saved.
    BackToForm,
}

/// What the form asked, its `notice` field taken out of it.
pub fn asked(form: &mut BTreeMap<String, String>) -> Asked {
    match form.remove(NOTICE_FIELD).as_deref() {
        Some("send") => Asked::SaveAndTell,
        Some("edit") => Asked::BackToForm,
        _ => Asked::Save,
    }
}

fn facts(after: &EventSettings) -> EventFacts<'_> {
    EventFacts {
        title: &after.title,
        description: &after.description,
        starts_at: after.starts_at,
        ends_at: after.ends_at,
        timezone: after.timezone,
        venue: &after.venue,
        meeting_url: after.meeting_url.as_deref(),
        programme: after.programme.parts(),
    }
}

fn to_whom(mode: Mode, confirmed: bool) -> String {
    let mode = mode.as_str();
    if confirmed {
        t!("dash-notice-to-confirmed", mode = mode)
    } else {
        t!("dash-notice-to-invited", mode = mode)
    }
}

/// The preview page of the change from `current` to `after` posted by a form of `tab`
/// to `action`, or none when the change tells nobody (the form then saves at once).
pub fn preview(
    signed: &SignedIn,
    public_url: &str,
    current: &EventState,
    after: &EventSettings,
    (tab, action): (&str, &str),
    fields: &BTreeMap<String, String>,
) -> Option<Markup> {
    let e = &current.event;
    let now = Utc::now();
    if !worth_telling(e.phase, e.ends_at.utc(), now) {
        return None;
    }
    let before = Schedule {
        starts_at: e.starts_at.utc(),
        ends_at: e.ends_at.utc(),
        venue: &e.venue,
        meeting_url: e.meeting_url.as_deref(),
        parts: &current.programme,
    };
    let found = changes(&before, &Schedule::of(after));
    let told = recipients(current.ledger.entries(), &found, now);
    if told.is_empty() {
        return None;
    }
    let facts = facts(after);
    let link = format!("{public_url}/r/(their personal link)");
    let address = "(the sender)";
    let stamp = CalendarStamp {
        uid: registration_uid(0, "example.org"),
        sequence: 0,
        had_seat: true,
        organizer: (None, address),
    };
    // One email per kind of recipient: the changes each is told depend on it alone.
    let mut emails: Vec<SampleEmail> = Vec::new();
    let mut kinds: Vec<(Mode, bool)> = Vec::new();
    for Recipient {
        mode,
        confirmed,
        changes,
        ..
    } in &told
    {
        if let Some(i) = kinds.iter().position(|k| *k == (*mode, *confirmed)) {
            emails[i].count += 1;
            continue;
        }
        let kind = MailKind::EventChanged {
            mode: *mode,
            confirmed: *confirmed,
            changes: changes.clone(),
        };
        let mail = compose(&kind, &facts, "(their name)", &link, &stamp);
        kinds.push((*mode, *confirmed));
        emails.push(SampleEmail {
            to: to_whom(*mode, *confirmed),
            count: 1,
            subject: mail.subject,
            text: mail.text,
        });
    }
    let confirmed = told.iter().filter(|r| r.confirmed).count();
    let lines = change_lines(&facts, &found);
    Some(views::page(
        &viewer(signed),
        &NoticePreview {
            slug: &e.slug,
            title: &e.title,
            tab,
            action,
            fields,
            confirmed,
            invited: told.len() - confirmed,
            changes: &lines,
            emails: &emails,
        },
    ))
}
