//! What the API takes: request bodies with the rules the published description states,
//! and their conversion into the domain's request types (every bad field named at once).

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, FixedOffset, Utc};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::domain::event_settings::{
    deadline, CAPACITY_MAX, DEFAULT_INVITATION_WINDOW_DAYS, DEFAULT_OFFER_WINDOW_HOURS,
    DESCRIPTION_MAX, INVITATION_WINDOW_DAYS_MAX, INVITATION_WINDOW_DAYS_MIN,
    OFFER_WINDOW_HOURS_MAX, OFFER_WINDOW_HOURS_MIN, TITLE_MAX, URL_MAX, VENUE_MAX,
};
use crate::domain::{
    parse_field, parse_language, Affiliation, Email, EpisodeDraft, EpisodePatch, EventDraft,
    EventPatch, EventSettings, FieldErrors, GivenAnswer, Group, Invitee, Mode, PersonName, Phase,
    Preference, Role, Speaker, AFFILIATION_MAX, MESSAGE_MAX, SUBJECT_MAX,
};
use crate::services::accounts::TOKEN_NAME_MAX;
use crate::web::error::ApiError;
use crate::web::input::{double_option, not_null};

mod event_parts;
pub use event_parts::*;

fn default_phase() -> Phase {
    Phase::Draft
}
fn default_offer_window() -> u32 {
    DEFAULT_OFFER_WINDOW_HOURS
}
fn default_invitation_window() -> u32 {
    DEFAULT_INVITATION_WINDOW_DAYS
}

/// A new event. The limits are the domain's ([`crate::domain::event_settings`]).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEvent {
    #[schema(schema_with = slug_schema)]
    pub slug: String,
    #[schema(schema_with = title_schema)]
    pub title: String,
    #[serde(default)]
    #[schema(schema_with = description_schema)]
    pub description: String,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    #[schema(schema_with = time_zone_schema)]
    pub timezone: String,
    #[serde(default)]
    #[schema(schema_with = venue_schema)]
    pub venue: String,
    #[serde(default)]
    #[schema(schema_with = meeting_url_schema)]
    pub meeting_url: Option<String>,
    #[schema(schema_with = capacity_schema)]
    pub in_person_capacity: u32,
    /// Left out for no virtual seats; null for unlimited.
    #[serde(default = "zero_capacity")]
    #[schema(schema_with = unlimited_capacity_schema)]
    pub virtual_capacity: Option<u32>,
    #[serde(default = "default_phase")]
    pub phase: Phase,
    /// Left out or null: `phase` governs the virtual seats too.
    #[serde(default)]
    #[schema(schema_with = virtual_phase_schema)]
    pub virtual_phase: Option<Phase>,
    #[serde(default = "default_offer_window")]
    #[schema(schema_with = offer_window_schema)]
    pub offer_window_hours: u32,
    #[serde(default = "default_invitation_window")]
    #[schema(schema_with = invitation_window_schema)]
    pub invitation_window_days: u32,
    #[serde(default)]
    pub auto_confirm: bool,
    /// Saves an event that ended longer ago than the retention period (refused with 422
    /// on `ends_at` otherwise, since that is usually a mistyped year).
    #[serde(default)]
    pub confirm_past_retention: bool,

    // The workshop's own shape.
    /// The parts of the event, in order, each within `starts_at`..`ends_at`.
    #[serde(default)]
    pub programme: Vec<PartIn>,
    /// Registration questions, in order.
    #[serde(default)]
    pub questions: Vec<QuestionIn>,

    // After the seat.
    /// Hours before the start at which confirmed participants are reminded; `[]`: none.
    #[serde(default = "default_reminder_hours")]
    #[schema(schema_with = reminder_hours_schema)]
    pub reminder_hours_before: Vec<i64>,
    /// Asks confirmed in-person participants to reconfirm; null: never.
    #[serde(default)]
    pub reconfirm: Option<ReconfirmIn>,
    // The episode of a series.
    /// The series' slug; null for none.
    #[serde(default)]
    #[schema(schema_with = series_schema)]
    pub series: Option<String>,
    /// The episode's label, e.g. S07E02.
    #[serde(default)]
    #[schema(schema_with = code_schema)]
    pub code: Option<String>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub speakers: Vec<SpeakerIn>,
    #[serde(default)]
    #[schema(schema_with = meeting_url_schema)]
    pub recording_url: Option<String>,
    /// The language the event's content is written in, declared on its pages; also the
    /// language of invitations that name none. Null: none named.
    #[serde(default)]
    #[schema(schema_with = event_language_schema)]
    pub language: Option<String>,
}

/// The site's languages, by tag, for the published description.
pub fn language_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some("A language the site speaks, by its tag."))
        .enum_values(Some(crate::domain::Language::ALL.iter().map(|l| l.tag())))
        .build()
}

/// [`language_schema`], or null.
pub fn event_language_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::Array(vec![
            utoipa::openapi::schema::Type::String,
            utoipa::openapi::schema::Type::Null,
        ]))
        .description(Some(
            "The language of the event's content, by its tag; null when none is named.",
        ))
        .enum_values(Some(
            crate::domain::Language::ALL
                .iter()
                .map(|l| serde_json::Value::from(l.tag()))
                .chain([serde_json::Value::Null]),
        ))
        .build()
}

/// The rules of [`Slug`], for the published description.
fn slug_schema() -> utoipa::openapi::Object {
    text_schema(
        "Lowercase letters, digits and inner dashes; not `new`.",
        80,
        r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
    )
}

/// The rules of [`PersonName`], for the published description.
fn person_name_schema() -> utoipa::openapi::Object {
    text_schema(
        "At least one visible character; no control characters, no bidirectional \
         embeddings, overrides or isolates.",
        200,
        concat!(
            r"^[^\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*",
            r"[^\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069",
            r"\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064",
            r"\u3164\ufe00-\ufe0f\ufeff\uffa0]",
            r"[^\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$"
        ),
    )
}

/// The rules of [`Affiliation`], for the published description.
fn affiliation_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{SchemaType, Type};
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(SchemaType::Array(vec![Type::String, Type::Null]))
        .description(Some(
            "The person's institution, shown in the registrations and the exports; \
             left out, null or blank for none. No control characters, no bidirectional \
             embeddings, overrides or isolates.",
        ))
        .max_length(Some(AFFILIATION_MAX))
        .pattern(Some(r"^[^\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$"))
        .build()
}

/// A required string of at most `max_length` characters matching `pattern`.
fn text_schema(description: &str, max_length: usize, pattern: &str) -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(description))
        .min_length(Some(1))
        .max_length(Some(max_length))
        .pattern(Some(pattern))
        .build()
}

/// A string of at most `max` characters (at least one, and not only spaces, when
/// `required`); the limits quoted are the domain's.
fn limited_text(max: usize, required: bool) -> utoipa::openapi::Object {
    let builder = utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .max_length(Some(max));
    if required {
        builder.min_length(Some(1)).pattern(Some(r"\S")).build()
    } else {
        builder.build()
    }
}

fn title_schema() -> utoipa::openapi::Object {
    limited_text(TITLE_MAX, true)
}

fn description_schema() -> utoipa::openapi::Object {
    limited_text(DESCRIPTION_MAX, false)
}

fn venue_schema() -> utoipa::openapi::Object {
    limited_text(VENUE_MAX, false)
}

/// An http(s) address, or null for none.
fn meeting_url_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{SchemaFormat, SchemaType, Type};
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(SchemaType::Array(vec![Type::String, Type::Null]))
        .format(Some(SchemaFormat::Custom("uri".into())))
        .max_length(Some(URL_MAX))
        .pattern(Some("^https?://"))
        .build()
}

fn whole_number(min: u32, max: u32, nullable: bool) -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{SchemaType, Type};
    let kind = if nullable {
        SchemaType::Array(vec![Type::Integer, Type::Null])
    } else {
        SchemaType::Type(Type::Integer)
    };
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(kind)
        .minimum(Some(min))
        .maximum(Some(max))
        .build()
}

fn capacity_schema() -> utoipa::openapi::Object {
    whole_number(0, CAPACITY_MAX, false)
}

/// A capacity, or null for unlimited.
fn unlimited_capacity_schema() -> utoipa::openapi::Object {
    whole_number(0, CAPACITY_MAX, true)
}

fn offer_window_schema() -> utoipa::openapi::Object {
    whole_number(OFFER_WINDOW_HOURS_MIN, OFFER_WINDOW_HOURS_MAX, false)
}

fn invitation_window_schema() -> utoipa::openapi::Object {
    whole_number(
        INVITATION_WINDOW_DAYS_MIN,
        INVITATION_WINDOW_DAYS_MAX,
        false,
    )
}

/// The time zones accepted: IANA names such as Europe/Amsterdam.
fn time_zone_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some("IANA name, e.g. Europe/Amsterdam"))
        .enum_values(Some(chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())))
        .build()
}

/// The phase of the virtual seats: any phase but draft (which hides the whole event), or
/// null to follow `phase`.
pub fn virtual_phase_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{SchemaType, Type};
    let phases = [Phase::InviteOnly, Phase::Open, Phase::Closed];
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(SchemaType::Array(vec![Type::String, Type::Null]))
        .description(Some(
            "The phase of the virtual seats; null: the same as `phase`, which then governs \
             both modes. `phase: draft` hides the event whatever this says.",
        ))
        .enum_values(Some(
            phases
                .iter()
                .map(|p| serde_json::Value::from(p.as_str()))
                .chain([serde_json::Value::Null]),
        ))
        .build()
}

fn consent_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::Boolean)
        .enum_values(Some([true]))
        .build()
}

fn zero_capacity() -> Option<u32> {
    Some(0)
}

/// A change to some settings of an event; a field left out stays as it is.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct EventChanges {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(schema_with = slug_schema)]
    pub slug: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(schema_with = title_schema)]
    pub title: Option<String>,
    #[schema(schema_with = description_schema)]
    #[serde(default, deserialize_with = "not_null")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    pub starts_at: Option<DateTime<FixedOffset>>,
    #[serde(default, deserialize_with = "not_null")]
    pub ends_at: Option<DateTime<FixedOffset>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(schema_with = time_zone_schema)]
    pub timezone: Option<String>,
    #[schema(schema_with = venue_schema)]
    #[serde(default, deserialize_with = "not_null")]
    pub venue: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = meeting_url_schema)]
    pub meeting_url: Option<Option<String>>,
    #[schema(schema_with = capacity_schema)]
    #[serde(default, deserialize_with = "not_null")]
    pub in_person_capacity: Option<u32>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = unlimited_capacity_schema)]
    pub virtual_capacity: Option<Option<u32>>,
    #[serde(default, deserialize_with = "not_null")]
    pub phase: Option<Phase>,
    /// null: the virtual seats follow `phase` again.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = virtual_phase_schema)]
    pub virtual_phase: Option<Option<Phase>>,
    #[schema(schema_with = offer_window_schema)]
    #[serde(default, deserialize_with = "not_null")]
    pub offer_window_hours: Option<u32>,
    #[schema(schema_with = invitation_window_schema)]
    #[serde(default, deserialize_with = "not_null")]
    pub invitation_window_days: Option<u32>,
    #[serde(default, deserialize_with = "not_null")]
    pub auto_confirm: Option<bool>,
    /// Saves a new end longer ago than the retention period (see `NewEvent`).
    #[serde(default)]
    pub confirm_past_retention: bool,

    // The workshop's own shape.
    /// Replaces the whole programme.
    #[serde(default, deserialize_with = "not_null")]
    pub programme: Option<Vec<PartIn>>,
    /// Replaces every question; answers already given are kept.
    #[serde(default, deserialize_with = "not_null")]
    pub questions: Option<Vec<QuestionIn>>,

    // After the seat.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(schema_with = reminder_hours_schema)]
    pub reminder_hours_before: Option<Vec<i64>>,
    /// Null turns reconfirmation off.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<ReconfirmIn>)]
    pub reconfirm: Option<Option<ReconfirmIn>>,
    // The episode of a series; null takes a field away.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = series_schema)]
    pub series: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = code_schema)]
    pub code: Option<Option<String>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(max_items = 20)]
    pub speakers: Option<Vec<SpeakerIn>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = meeting_url_schema)]
    pub recording_url: Option<Option<String>>,
    /// Null: the event names no language.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = event_language_schema)]
    pub language: Option<Option<String>>,
}

#[derive(Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteeIn {
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[schema(schema_with = person_name_schema)]
    pub name: String,
    #[serde(default)]
    #[schema(schema_with = affiliation_schema)]
    pub affiliation: Option<String>,
    /// The mode of the seat held; default in person when the event has in-person seats.
    pub mode: Option<Mode>,
    /// The language of their emails; default the event's `language`, else English.
    #[serde(default)]
    #[schema(schema_with = language_schema)]
    pub language: Option<String>,
}

#[derive(Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Invitations {
    #[schema(min_items = 1, max_items = 5000)]
    pub invitees: Vec<InviteeIn>,
    /// Deadline to answer; default now + the event's invitation window.
    pub hold_until: Option<DateTime<FixedOffset>>,
}

#[derive(Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Hold {
    pub hold_until: DateTime<FixedOffset>,
}

#[derive(Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinBody {
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[schema(schema_with = person_name_schema)]
    pub name: String,
    #[serde(default)]
    #[schema(schema_with = affiliation_schema)]
    pub affiliation: Option<String>,
    pub preference: Preference,
    /// Consent to the privacy notice; only true is accepted.
    #[schema(schema_with = consent_schema)]
    pub consent: bool,

    // The workshop's own shape.
    /// Question key -> a text or an option, a list of options for `choices`.
    #[serde(default)]
    pub answers: BTreeMap<String, GivenAnswer>,
}

#[derive(Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModeChoice {
    pub mode: Mode,
}

#[derive(Deserialize, Validate, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct AcceptChoice {
    /// Required for an invitation to take the other mode; an offer is for its own mode.
    #[serde(default)]
    pub mode: Option<Mode>,

    // The workshop's own shape.
    /// Question key -> a text or an option, a list of options for `choices`; a required
    /// question answered when joining needs no answer again.
    #[serde(default)]
    pub answers: BTreeMap<String, GivenAnswer>,
}

/// Which way a waiting entry moves in its line: up is ahead of those it shared a
/// priority with, down behind them.
#[derive(Deserialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

#[derive(Deserialize, ToSchema)]
pub struct Move {
    pub direction: Direction,
}

/// A message to a group of an event's participants.
#[derive(Deserialize, ToSchema)]
pub struct GroupMessageBody {
    #[schema(schema_with = group_schema)]
    pub group: String,
    /// One line.
    #[schema(schema_with = subject_schema)]
    pub subject: String,
    /// Plain text; a blank line starts a new paragraph. Each email ends with the
    /// recipient's own link.
    #[schema(schema_with = message_body_schema)]
    pub body: String,
}

/// The groups a message can go to, as the domain names them.
pub fn group_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(
            "confirmed_in_person, confirmed_virtual, waiting (the line), or everyone \
             invited, offered, confirmed or waiting",
        ))
        .enum_values(Some(Group::ALL.iter().map(|g| g.as_str())))
        .build()
}

fn subject_schema() -> utoipa::openapi::Object {
    limited_text(SUBJECT_MAX, true)
}

fn message_body_schema() -> utoipa::openapi::Object {
    limited_text(MESSAGE_MAX, true)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What the token is for.
    #[schema(schema_with = token_name_schema)]
    pub name: String,
    /// What it may do (default `organizer`); never more than the token that makes it.
    pub role: Option<Role>,
}

fn token_name_schema() -> utoipa::openapi::Object {
    limited_text(TOKEN_NAME_MAX, true)
}

#[derive(Deserialize, IntoParams)]
pub struct OutboxFilter {
    /// `pending`, `sent` or `failed`; all when left out.
    pub status: Option<String>,
    /// 1-based page of 100 emails, newest first.
    pub page: Option<String>,
}

#[derive(Deserialize, IntoParams)]
pub struct RegistrationFilter {
    pub status: Option<String>,
    pub mode: Option<String>,
}

/// The settings of a new event, and whether an end past retention was confirmed.
pub fn settings_of(input: NewEvent) -> Result<(EventSettings, bool), ApiError> {
    let confirmed = input.confirm_past_retention;
    let settings = EventSettings::parse(EventDraft {
        slug: input.slug,
        title: input.title,
        description: input.description,
        starts_at: input.starts_at.with_timezone(&Utc),
        ends_at: input.ends_at.with_timezone(&Utc),
        timezone: input.timezone,
        venue: input.venue,
        meeting_url: input.meeting_url,
        in_person_capacity: input.in_person_capacity,
        virtual_capacity: input.virtual_capacity,
        phase: input.phase,
        virtual_phase: input.virtual_phase,
        offer_window_hours: input.offer_window_hours,
        invitation_window_days: input.invitation_window_days,
        auto_confirm: input.auto_confirm,
        programme: parts_of(input.programme),
        questions: questions_of(input.questions),
        reminder_hours_before: input.reminder_hours_before,
        reconfirm: input.reconfirm.map(Into::into),
        episode: EpisodeDraft {
            series: input.series,
            code: input.code,
            speakers: input.speakers.into_iter().map(Speaker::from).collect(),
            recording_url: input.recording_url,
        },
        language: input.language,
    })
    .map_err(ApiError::invalid)?;
    Ok((settings, confirmed))
}

/// The patch as given (the engine checks it against the event as it stands), and
/// whether an end past retention was confirmed.
pub fn patch_of(input: EventChanges) -> (EventPatch, bool) {
    let confirmed = input.confirm_past_retention;
    let patch = EventPatch {
        slug: input.slug,
        title: input.title,
        description: input.description,
        starts_at: input.starts_at.map(|t| t.with_timezone(&Utc)),
        ends_at: input.ends_at.map(|t| t.with_timezone(&Utc)),
        timezone: input.timezone,
        venue: input.venue,
        meeting_url: input.meeting_url,
        in_person_capacity: input.in_person_capacity,
        virtual_capacity: input.virtual_capacity,
        phase: input.phase,
        virtual_phase: input.virtual_phase,
        offer_window_hours: input.offer_window_hours,
        invitation_window_days: input.invitation_window_days,
        auto_confirm: input.auto_confirm,
        programme: input.programme.map(parts_of),
        questions: input.questions.map(questions_of),
        reminder_hours_before: input.reminder_hours_before,
        reconfirm: input.reconfirm.map(|r| r.map(Into::into)),
        episode: EpisodePatch {
            series: input.series,
            code: input.code,
            speakers: input
                .speakers
                .map(|list| list.into_iter().map(Speaker::from).collect()),
            recording_url: input.recording_url,
        },
        language: input.language,
    };
    (patch, confirmed)
}

/// The invitees and the deadline of an invitation, every bad field named at once.
pub fn invitation_of(
    input: &Invitations,
    now: DateTime<Utc>,
) -> Result<(Vec<Invitee>, Option<DateTime<Utc>>), ApiError> {
    let mut errors = FieldErrors::new();
    let invitees = if input.invitees.is_empty() || input.invitees.len() > 5000 {
        errors.insert("invitees".into(), vec!["must list 1 to 5000 people".into()]);
        Vec::new()
    } else {
        invitees_of(&input.invitees, &mut errors)
    };
    let hold_until = input.hold_until.map(|t| t.with_timezone(&Utc));
    if let Some(Err(message)) = hold_until.map(|t| deadline(t, now)) {
        errors.insert("hold_until".into(), vec![message]);
    }
    if errors.is_empty() {
        Ok((invitees, hold_until))
    } else {
        Err(ApiError::invalid(errors))
    }
}

fn invitees_of(input: &[InviteeIn], errors: &mut FieldErrors) -> Vec<Invitee> {
    let mut seen = HashSet::new();
    let mut invitees = Vec::with_capacity(input.len());
    for (i, invitee) in input.iter().enumerate() {
        let email = parse_field(
            errors,
            &format!("invitees[{i}].email"),
            Email::parse(&invitee.email),
        );
        let name = parse_field(
            errors,
            &format!("invitees[{i}].name"),
            PersonName::parse(&invitee.name),
        );
        let affiliation = parse_field(
            errors,
            &format!("invitees[{i}].affiliation"),
            Affiliation::parse(invitee.affiliation.as_deref()),
        );
        if let Some(email) = &email {
            if !seen.insert(email.clone()) {
                errors
                    .entry(format!("invitees[{i}].email"))
                    .or_default()
                    .push(format!("{} appears more than once", email.as_str()));
            }
        }
        let language = match invitee.language.as_deref() {
            None => Some(None),
            Some(tag) => parse_field(
                errors,
                &format!("invitees[{i}].language"),
                parse_language(tag),
            )
            .map(Some),
        };
        if let (Some(email), Some(name), Some(affiliation), Some(language)) =
            (email, name, affiliation, language)
        {
            invitees.push(Invitee {
                email,
                name,
                affiliation: affiliation.into_inner(),
                mode: invitee.mode,
                language,
            });
        }
    }
    invitees
}
