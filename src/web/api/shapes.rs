//! What the API answers: the JSON shapes of events, registrations, a person's own view,
//! the audit log, messages, the outbox and API tokens, and how they are built from what
//! the reads give.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::{
    Answers, Mode, Phase, Preference, Question, QuestionKind, RegistrationId, Role, Seats, Status,
};
use crate::reads::{ApiToken, EventState, OutboxEmail, RegistrationState};
use crate::store::convert::reconfirmation_of;

#[derive(Serialize, ToSchema)]
pub struct SeatCount {
    /// null when unlimited
    pub capacity: Option<u32>,
    pub held: u32,
    /// null when unlimited
    pub free: Option<u32>,
    pub waiting: u32,
    /// The phase that governs these seats: the event's, or for virtual seats the
    /// event's `virtual_phase` when it has one.
    pub phase: Phase,
}

impl SeatCount {
    fn of(s: Seats, phase: Phase) -> Self {
        SeatCount {
            capacity: s.capacity,
            held: s.held,
            free: s.free,
            waiting: s.waiting,
            phase,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SeatsByMode {
    pub in_person: SeatCount,
    #[serde(rename = "virtual")]
    pub virtual_: SeatCount,
}

#[derive(Serialize, ToSchema)]
pub struct EventOut {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// In the event's time zone.
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub timezone: String,
    pub venue: String,
    /// Shown to organizers only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub meeting_url: Option<Option<String>>,
    pub in_person_capacity: u32,
    /// null means unlimited
    pub virtual_capacity: Option<u32>,
    /// Governs the in-person seats, and the virtual ones while `virtual_phase` is null.
    pub phase: Phase,
    #[schema(schema_with = super::bodies::virtual_phase_schema)]
    pub virtual_phase: Option<Phase>,
    pub offer_window_hours: u32,
    pub invitation_window_days: u32,
    pub auto_confirm: bool,
    pub seats: SeatsByMode,

    // The workshop's own shape.
    pub programme: Vec<PartOut>,
    pub questions: Vec<QuestionOut>,

    // After the seat.
    #[schema(schema_with = super::bodies::reminder_hours_schema)]
    pub reminder_hours_before: Vec<u32>,
    /// null: nobody is asked to reconfirm.
    pub reconfirm: Option<ReconfirmOut>,
    // The episode of a series.
    pub series: Option<String>,
    pub code: Option<String>,
    pub speakers: Vec<SpeakerOut>,
    pub recording_url: Option<String>,
    /// The language of the event's own content, by its tag; null when none is named.
    #[schema(schema_with = super::bodies::event_language_schema)]
    pub language: Option<String>,
}

/// When confirmed in-person participants are asked whether they are still coming.
#[derive(Serialize, ToSchema)]
pub struct ReconfirmOut {
    pub days_before: u32,
    pub window_hours: u32,
}

/// One part of the programme, its times in the event's time zone.
#[derive(Serialize, ToSchema)]
pub struct PartOut {
    pub title: String,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub streamed: bool,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionOut {
    pub key: String,
    pub label: String,
    pub kind: QuestionKind,
    /// The choices, for the kinds `choice` and `choices`.
    pub options: Vec<String>,
    pub required: bool,
    pub summarize: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SpeakerOut {
    pub name: String,
    pub affiliation: Option<String>,
    pub url: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EventList {
    pub events: Vec<EventOut>,
}

/// A time as the event's own clock shows it, with its offset.
pub fn in_event_zone(at: DateTime<Utc>, tz: Tz) -> DateTime<FixedOffset> {
    at.with_timezone(&tz).fixed_offset()
}

pub fn event_out(state: &EventState, for_organizer: bool) -> EventOut {
    let e = &state.event;
    EventOut {
        slug: e.slug.clone(),
        title: e.title.clone(),
        description: e.description.clone(),
        starts_at: in_event_zone(e.starts_at.utc(), e.timezone.0),
        ends_at: in_event_zone(e.ends_at.utc(), e.timezone.0),
        timezone: e.timezone.0.name().to_owned(),
        venue: e.venue.clone(),
        meeting_url: for_organizer.then(|| e.meeting_url.clone()),
        in_person_capacity: e.in_person_capacity.max(0) as u32,
        virtual_capacity: e.virtual_capacity.map(|c| c.max(0) as u32),
        phase: e.phase,
        virtual_phase: e.virtual_phase,
        offer_window_hours: e.offer_window_hours as u32,
        invitation_window_days: e.invitation_window_days as u32,
        auto_confirm: e.auto_confirm,
        seats: SeatsByMode {
            in_person: seat_count(state, Mode::InPerson),
            virtual_: seat_count(state, Mode::Virtual),
        },
        programme: state
            .programme
            .iter()
            .map(|p| PartOut {
                title: p.title.clone(),
                starts_at: in_event_zone(p.starts_at, e.timezone.0),
                ends_at: in_event_zone(p.ends_at, e.timezone.0),
                streamed: p.streamed,
                description: p.description.clone(),
            })
            .collect(),
        questions: state
            .questions
            .iter()
            .map(|q| QuestionOut {
                key: q.key.clone(),
                label: q.label.clone(),
                kind: q.kind,
                options: q.options.clone(),
                required: q.required,
                summarize: q.summarize,
            })
            .collect(),
        reminder_hours_before: e.reminder_hours_before.hours(),
        reconfirm: reconfirmation_of(e).map(|r| ReconfirmOut {
            days_before: r.days_before(),
            window_hours: r.window_hours(),
        }),
        series: e.series.clone(),
        code: e.code.clone(),
        speakers: e
            .speakers
            .0
            .iter()
            .map(|s| SpeakerOut {
                name: s.name.clone(),
                affiliation: s.affiliation.clone(),
                url: s.url.clone(),
            })
            .collect(),
        recording_url: e.recording_url.clone(),
        language: e.language.map(|l| l.tag().to_owned()),
    }
}

fn seat_count(state: &EventState, mode: Mode) -> SeatCount {
    SeatCount::of(
        state.ledger.seats(mode),
        state.ledger.rules().phase_of(mode),
    )
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationOut {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub affiliation: Option<String>,
    pub status: Status,
    /// null while waiting
    pub mode: Option<Mode>,
    pub preference: Preference,
    /// 1-based place in line while waitlisted
    pub position: Option<u32>,
    pub hold_until: Option<DateTime<Utc>>,
    pub waiting_for: Option<WaitingFor>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the participant arrived at the door; null until checked in.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// The deadline of a pending reconfirmation ("are you still coming?"); null unless
    /// one is pending.
    pub reconfirm_by: Option<DateTime<Utc>>,
    /// Question key -> the text or option given (a list for `choices`).
    #[schema(value_type = Object)]
    pub answers: BTreeMap<String, serde_json::Value>,
    /// The language their emails are written in, by its tag.
    #[schema(schema_with = super::bodies::language_schema)]
    pub language: String,
}

/// Answers as the API shows them: a text or an option, a list for a question of several
/// choices (and for an answer of several values to a question since removed).
pub fn answers_json(
    answers: Option<&Answers>,
    questions: &[Question],
) -> BTreeMap<String, serde_json::Value> {
    let Some(answers) = answers else {
        return BTreeMap::new();
    };
    answers
        .iter()
        .map(|(key, values)| {
            let kind = questions.iter().find(|q| q.key == key).map(|q| q.kind);
            let value = match (kind, values) {
                (Some(QuestionKind::Choices), _) => serde_json::json!(values),
                (_, [one]) => serde_json::json!(one),
                _ => serde_json::json!(values),
            };
            (key.to_owned(), value)
        })
        .collect()
}

/// Registrations with their answers.
pub fn registrations_out(
    list: Vec<RegistrationState>,
    answers: &HashMap<RegistrationId, Answers>,
    questions: &[Question],
) -> Vec<RegistrationOut> {
    list.into_iter()
        .map(|r| {
            let given = answers_json(answers.get(&r.row.id), questions);
            RegistrationOut {
                answers: given,
                ..registration_out(r)
            }
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationList {
    pub registrations: Vec<RegistrationOut>,
}

/// A confirmed participant waiting for a seat of the other mode.
#[derive(Serialize, ToSchema)]
pub struct WaitingFor {
    pub mode: Mode,
    /// Place among those waiting for that mode; null while a seat of it is offered.
    pub position: Option<u32>,
    /// Deadline of the offered seat of that mode, if one is offered.
    pub offered_until: Option<DateTime<Utc>>,
}

fn waiting_for(r: &RegistrationState) -> Option<WaitingFor> {
    r.wait_for.map(|mode| WaitingFor {
        mode,
        position: r.wait_position,
        offered_until: r.wait_offered_until,
    })
}

/// Takes the registration, so its strings move into the answer instead of being copied:
/// a list of thousands would otherwise be held twice while it is written out.
pub fn registration_out(r: RegistrationState) -> RegistrationOut {
    let preference = r.row.preference;
    let mode = r.shown_mode();
    let waiting_for = waiting_for(&r);
    RegistrationOut {
        id: r.row.id.0,
        email: r.row.email,
        name: r.row.name,
        affiliation: r.row.affiliation,
        status: r.status,
        mode,
        preference,
        position: r.position,
        hold_until: r.hold_until,
        waiting_for,
        created_at: r.row.created_at.utc(),
        updated_at: r.row.updated_at.utc(),
        checked_in_at: r.row.checked_in_at.map(|at| at.utc()),
        reconfirm_by: r.reconfirm_by,
        answers: BTreeMap::new(),
        language: r.row.language.tag().to_owned(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    /// The event's slug.
    pub event: String,
    pub status: Status,
    pub mode: Option<Mode>,
    pub preference: Preference,
    pub position: Option<u32>,
    pub hold_until: Option<DateTime<Utc>>,
    pub name: String,
    pub email: String,
    pub waiting_for: Option<WaitingFor>,
    /// When the participant arrived at the door; null until checked in.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// The deadline of a pending reconfirmation ("are you still coming?"); null unless
    /// one is pending.
    pub reconfirm_by: Option<DateTime<Utc>>,
    /// Question key -> the text or option given (a list for `choices`).
    #[schema(value_type = Object)]
    pub answers: BTreeMap<String, serde_json::Value>,
}

pub fn me_out(state: &EventState, r: RegistrationState) -> Me {
    me_of(&state.event.slug, r)
}

pub fn me_of(event_slug: &str, r: RegistrationState) -> Me {
    let out = registration_out(r);
    Me {
        event: event_slug.to_owned(),
        status: out.status,
        mode: out.mode,
        preference: out.preference,
        position: out.position,
        hold_until: out.hold_until,
        name: out.name,
        email: out.email,
        waiting_for: out.waiting_for,
        checked_in_at: out.checked_in_at,
        reconfirm_by: out.reconfirm_by,
        answers: out.answers,
    }
}

#[derive(Serialize, ToSchema)]
pub struct Message {
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// organizer, participant or system
    pub actor: String,
    pub registration_id: Option<i64>,
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct AuditLog {
    pub entries: Vec<AuditEntry>,
}

/// A message as its recipients will read it, before it is sent: their name and personal
/// link are shown as stand-ins.
#[derive(Serialize, ToSchema)]
pub struct MessagePreview {
    #[schema(schema_with = super::bodies::group_schema)]
    pub group: String,
    /// How many people the group holds now.
    pub recipients: usize,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A message queued in the outbox, one email per recipient.
#[derive(Serialize, ToSchema)]
pub struct MessageSent {
    #[schema(schema_with = super::bodies::group_schema)]
    pub group: String,
    pub recipients: usize,
}

/// Where an email of the outbox stands.
#[derive(Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EmailStatus {
    /// Waiting for the mail worker (also after a failure that may pass).
    Pending,
    /// Delivered to the mail server.
    Sent,
    /// Refused for good; not sent again.
    Failed,
}

#[derive(Serialize, ToSchema)]
pub struct OutboxEmailOut {
    pub id: i64,
    /// The registration it is about, if any.
    pub registration_id: Option<i64>,
    /// What the email is, e.g. invitation, seat_offer, organizer_message.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub status: EmailStatus,
    pub attempts: u32,
    /// When the next attempt is due; null unless pending.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub fn email_out(row: OutboxEmail) -> OutboxEmailOut {
    let status = match row.status.as_str() {
        "sent" => EmailStatus::Sent,
        "failed" => EmailStatus::Failed,
        _ => EmailStatus::Pending,
    };
    OutboxEmailOut {
        id: row.id,
        registration_id: row.registration_id,
        kind: row.kind,
        recipient: row.recipient,
        subject: row.subject,
        status,
        attempts: row.attempts.max(0) as u32,
        next_attempt_at: (status == EmailStatus::Pending).then(|| row.next_attempt_at.and_utc()),
        sent_at: row.sent_at.map(|at| at.and_utc()),
        last_error: row.last_error,
        created_at: row.created_at.and_utc(),
    }
}

/// A page of the outbox, newest first.
#[derive(Serialize, ToSchema)]
pub struct OutboxPage {
    pub emails: Vec<OutboxEmailOut>,
    /// Emails that match, on every page.
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// An organizer API token (never its value, which is shown once, when it is made).
#[derive(Serialize, ToSchema)]
pub struct TokenOut {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// null while the token works.
    pub revoked_at: Option<DateTime<Utc>>,
    pub role: Role,
}

pub fn token_out(row: ApiToken) -> TokenOut {
    TokenOut {
        id: row.id,
        name: row.name,
        created_at: row.created_at.utc(),
        revoked_at: row.revoked_at.map(|at| at.utc()),
        role: row.role,
    }
}

#[derive(Serialize, ToSchema)]
pub struct TokenList {
    pub tokens: Vec<TokenOut>,
}

/// A token just made, with its value: copy it now, it is not shown again.
#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub role: Role,
    /// Use it as `Authorization: Bearer <token>`.
    pub token: String,
}
