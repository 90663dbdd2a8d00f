//! The JSON API of API.md. Handlers parse input into domain values, hand commands to the
//! engine or read through the pool, and shape the answer.

use std::collections::HashSet;

use actix_web::{web, HttpResponse};
use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};
use validator::Validate;

use super::auth::Organizer;
use super::error::{ApiError, ErrorBody};
use super::input::{double_option, not_null, rule_errors, Json, ValidJson};
use super::{read, AppState};
use crate::domain::{
    Affiliation, Email, Mode, PersonName, Phase, Preference, Seats, Slug, Status, TimeZoneName,
};
use crate::domain::{EventPatch, EventSettings, FieldErrors, Invitee, Join, PersonalAction};
use crate::engine::{Command, Outcome};
use crate::reads::{self, EventState, RegistrationState};
use crate::store::{audit, events, from_db_time};

// ----- shapes -------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct SeatCount {
    /// null when unlimited
    pub capacity: Option<u32>,
    pub held: u32,
    /// null when unlimited
    pub free: Option<u32>,
    pub waiting: u32,
}

impl From<Seats> for SeatCount {
    fn from(s: Seats) -> Self {
        SeatCount {
            capacity: s.capacity,
            held: s.held,
            free: s.free,
            waiting: s.waiting,
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
    pub phase: Phase,
    pub offer_window_hours: u32,
    pub invitation_window_days: u32,
    pub auto_confirm: bool,
    pub seats: SeatsByMode,
}

#[derive(Serialize, ToSchema)]
pub struct EventList {
    pub events: Vec<EventOut>,
}

pub fn local_time(at: chrono::NaiveDateTime, timezone: &str) -> DateTime<FixedOffset> {
    let tz: Tz = timezone.parse().unwrap_or(Tz::UTC);
    from_db_time(at).with_timezone(&tz).fixed_offset()
}

pub fn event_out(state: &EventState, for_organizer: bool) -> EventOut {
    let e = &state.event;
    EventOut {
        slug: e.slug.clone(),
        title: e.title.clone(),
        description: e.description.clone(),
        starts_at: local_time(e.starts_at, &e.timezone),
        ends_at: local_time(e.ends_at, &e.timezone),
        timezone: e.timezone.clone(),
        venue: e.venue.clone(),
        meeting_url: for_organizer.then(|| e.meeting_url.clone()),
        in_person_capacity: e.in_person_capacity.max(0) as u32,
        virtual_capacity: e.virtual_capacity.map(|c| c.max(0) as u32),
        phase: crate::store::convert::parse_phase(&e.phase),
        offer_window_hours: e.offer_window_hours as u32,
        invitation_window_days: e.invitation_window_days as u32,
        auto_confirm: e.auto_confirm,
        seats: SeatsByMode {
            in_person: state.ledger.seats(Mode::InPerson).into(),
            virtual_: state.ledger.seats(Mode::Virtual).into(),
        },
    }
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
    let preference = reads::preference_of(&r.row);
    let waiting_for = waiting_for(&r);
    RegistrationOut {
        id: r.row.id,
        email: r.row.email,
        name: r.row.name,
        affiliation: r.row.affiliation,
        status: r.status,
        mode: if r.status == Status::Waitlisted || r.status == Status::PendingEmail {
            None
        } else {
            r.mode
        },
        preference,
        position: r.position,
        hold_until: r.hold_until,
        waiting_for,
        created_at: from_db_time(r.row.created_at),
        updated_at: from_db_time(r.row.updated_at),
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
}

fn me_out(state: &EventState, r: RegistrationState) -> Me {
    me_of(&state.event.slug, r)
}

fn me_of(event_slug: &str, r: RegistrationState) -> Me {
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
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct AuditLog {
    pub entries: Vec<AuditEntry>,
}

// ----- input --------------------------------------------------------------------------

fn default_phase() -> Phase {
    Phase::Draft
}
fn default_offer_window() -> u32 {
    48
}
fn default_invitation_window() -> u32 {
    14
}

#[derive(Deserialize, Validate, ToSchema)]
pub struct NewEvent {
    #[schema(schema_with = slug_schema)]
    pub slug: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    #[serde(default)]
    #[validate(length(max = 20000))]
    #[schema(max_length = 20000)]
    pub description: String,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    #[schema(schema_with = time_zone_schema)]
    pub timezone: String,
    #[serde(default)]
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub venue: String,
    #[serde(default)]
    #[validate(url, length(max = 2000))]
    #[schema(format = "uri", max_length = 2000)]
    pub meeting_url: Option<String>,
    #[validate(range(max = 1_000_000))]
    #[schema(maximum = 1_000_000)]
    pub in_person_capacity: u32,
    /// Left out for no virtual seats; null for unlimited.
    #[serde(default = "zero_capacity")]
    #[validate(range(max = 1_000_000))]
    #[schema(maximum = 1_000_000)]
    pub virtual_capacity: Option<u32>,
    #[serde(default = "default_phase")]
    pub phase: Phase,
    #[serde(default = "default_offer_window")]
    #[validate(range(min = 1, max = 8760))]
    #[schema(minimum = 1, maximum = 8760)]
    pub offer_window_hours: u32,
    #[serde(default = "default_invitation_window")]
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    pub invitation_window_days: u32,
    #[serde(default)]
    pub auto_confirm: bool,
}

/// The rules of [`Slug`], for the published description.
fn slug_schema() -> utoipa::openapi::Object {
    text_schema(
        "Lowercase letters, digits and inner dashes.",
        80,
        r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
    )
}

/// The rules of [`PersonName`], for the published description.
fn person_name_schema() -> utoipa::openapi::Object {
    text_schema(
        "Not blank, no control characters.",
        200,
        r"^\s*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$",
    )
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

/// The time zones accepted: IANA names such as Europe/Amsterdam.
fn time_zone_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some("IANA name, e.g. Europe/Amsterdam"))
        .enum_values(Some(chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())))
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

#[derive(Deserialize, Validate, ToSchema, Default)]
pub struct EventChanges {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(schema_with = slug_schema)]
    pub slug: Option<String>,
    #[validate(length(min = 1, max = 200))]
    #[serde(default, deserialize_with = "not_null")]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: Option<String>,
    #[validate(length(max = 20000))]
    #[schema(max_length = 20000)]
    #[serde(default, deserialize_with = "not_null")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    pub starts_at: Option<DateTime<FixedOffset>>,
    #[serde(default, deserialize_with = "not_null")]
    pub ends_at: Option<DateTime<FixedOffset>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(schema_with = time_zone_schema)]
    pub timezone: Option<String>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    #[serde(default, deserialize_with = "not_null")]
    pub venue: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub meeting_url: Option<Option<String>>,
    #[validate(range(max = 1_000_000))]
    #[schema(maximum = 1_000_000)]
    #[serde(default, deserialize_with = "not_null")]
    pub in_person_capacity: Option<u32>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<u32>)]
    pub virtual_capacity: Option<Option<u32>>,
    #[serde(default, deserialize_with = "not_null")]
    pub phase: Option<Phase>,
    #[validate(range(min = 1, max = 8760))]
    #[schema(minimum = 1, maximum = 8760)]
    #[serde(default, deserialize_with = "not_null")]
    pub offer_window_hours: Option<u32>,
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    #[serde(default, deserialize_with = "not_null")]
    pub invitation_window_days: Option<u32>,
    #[serde(default, deserialize_with = "not_null")]
    pub auto_confirm: Option<bool>,
}

#[derive(Deserialize, Validate, ToSchema)]
pub struct InviteeIn {
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[schema(schema_with = person_name_schema)]
    pub name: String,
    /// The mode of the seat held; default in person when the event has in-person seats.
    pub mode: Option<Mode>,
}

#[derive(Deserialize, Validate, ToSchema)]
pub struct Invitations {
    #[schema(min_items = 1, max_items = 5000)]
    pub invitees: Vec<InviteeIn>,
    /// Deadline to answer; default now + the event's invitation window.
    pub hold_until: Option<DateTime<FixedOffset>>,
}

#[derive(Deserialize, Validate, ToSchema)]
pub struct Hold {
    pub hold_until: DateTime<FixedOffset>,
}

#[derive(Deserialize, Validate, ToSchema)]
pub struct Entry {
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[schema(schema_with = person_name_schema)]
    pub name: String,
    #[serde(default)]
    pub affiliation: Option<String>,
    pub preference: Preference,
    /// Consent to the privacy notice; only true is accepted.
    #[schema(schema_with = consent_schema)]
    pub consent: bool,
}

#[derive(Deserialize, Validate, ToSchema)]
pub struct ModeChoice {
    pub mode: Mode,
}

#[derive(Deserialize, Validate, ToSchema, Default)]
pub struct AcceptChoice {
    /// Required for an invitation to take the other mode; an offer is for its own mode.
    #[serde(default)]
    pub mode: Option<Mode>,
}

#[derive(Deserialize, IntoParams)]
pub struct RegistrationFilter {
    pub status: Option<String>,
    pub mode: Option<String>,
}

fn parse_field<T>(
    errors: &mut FieldErrors,
    field: &str,
    result: Result<T, crate::domain::ParseError>,
) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(e) => {
            errors.entry(field.to_owned()).or_default().push(e.0);
            None
        }
    }
}

fn settings_of(input: NewEvent) -> Result<EventSettings, ApiError> {
    let mut errors = rule_errors(&input);
    let slug = parse_field(&mut errors, "slug", Slug::parse(&input.slug));
    let timezone = parse_field(
        &mut errors,
        "timezone",
        TimeZoneName::parse(&input.timezone),
    );
    let title = input.title.trim().to_owned();
    // An empty title has broken its length rule already; one of spaces only is caught here.
    if title.is_empty() && !errors.contains_key("title") {
        errors
            .entry("title".into())
            .or_default()
            .push("is required".into());
    }
    if input.ends_at <= input.starts_at {
        errors
            .entry("ends_at".into())
            .or_default()
            .push("must be after starts_at".into());
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid(errors));
    }
    Ok(EventSettings {
        slug: slug.expect("checked"),
        title,
        description: input.description,
        starts_at: input.starts_at.with_timezone(&Utc),
        ends_at: input.ends_at.with_timezone(&Utc),
        timezone: timezone.expect("checked").0,
        venue: input.venue.trim().to_owned(),
        meeting_url: input.meeting_url.filter(|u| !u.trim().is_empty()),
        in_person_capacity: input.in_person_capacity,
        virtual_capacity: input.virtual_capacity,
        phase: input.phase,
        offer_window_hours: input.offer_window_hours,
        invitation_window_days: input.invitation_window_days,
        auto_confirm: input.auto_confirm,
    })
}

fn patch_of(input: EventChanges) -> Result<EventPatch, ApiError> {
    let mut errors = rule_errors(&input);
    let slug = input
        .slug
        .as_deref()
        .and_then(|s| parse_field(&mut errors, "slug", Slug::parse(s)));
    let timezone = input
        .timezone
        .as_deref()
        .and_then(|t| parse_field(&mut errors, "timezone", TimeZoneName::parse(t)));
    if let Some(Some(url)) = &input.meeting_url {
        if url::Url::parse(url).is_err() {
            errors
                .entry("meeting_url".into())
                .or_default()
                .push("must be a URL such as https://meet.example.org/room".into());
        }
    }
    if input.title.as_deref().is_some_and(|t| t.trim().is_empty()) && !errors.contains_key("title")
    {
        errors
            .entry("title".into())
            .or_default()
            .push("is required".into());
    }
    if let Some(Some(capacity)) = input.virtual_capacity {
        if capacity > 1_000_000 {
            errors
                .entry("virtual_capacity".into())
                .or_default()
                .push("must be at most 1000000".into());
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid(errors));
    }
    Ok(EventPatch {
        slug,
        title: input.title.map(|t| t.trim().to_owned()),
        description: input.description,
        starts_at: input.starts_at.map(|t| t.with_timezone(&Utc)),
        ends_at: input.ends_at.map(|t| t.with_timezone(&Utc)),
        timezone: timezone.map(|t| t.0),
        venue: input.venue.map(|v| v.trim().to_owned()),
        meeting_url: input
            .meeting_url
            .map(|u| u.filter(|u| !u.trim().is_empty())),
        in_person_capacity: input.in_person_capacity,
        virtual_capacity: input.virtual_capacity,
        phase: input.phase,
        offer_window_hours: input.offer_window_hours,
        invitation_window_days: input.invitation_window_days,
        auto_confirm: input.auto_confirm,
    })
}

/// The invitees and the deadline of an invitation, every bad field named at once.
fn invitation_of(
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
    if hold_until.is_some_and(|t| t <= now) {
        errors.insert("hold_until".into(), vec!["must be in the future".into()]);
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
        if let Some(email) = &email {
            if !seen.insert(email.clone()) {
                errors
                    .entry(format!("invitees[{i}].email"))
                    .or_default()
                    .push(format!("{} appears more than once", email.as_str()));
            }
        }
        if let (Some(email), Some(name)) = (email, name) {
            invitees.push(Invitee {
                email,
                name,
                mode: invitee.mode,
            });
        }
    }
    invitees
}

pub fn join_of(
    email: &str,
    name: &str,
    affiliation: Option<&str>,
    preference: Preference,
    consent: bool,
) -> Result<Join, FieldErrors> {
    let mut errors = FieldErrors::new();
    let email = parse_field(&mut errors, "email", Email::parse(email));
    let name = parse_field(&mut errors, "name", PersonName::parse(name));
    let affiliation = parse_field(&mut errors, "affiliation", Affiliation::parse(affiliation));
    if !consent {
        errors
            .entry("consent".into())
            .or_default()
            .push("you must agree to the privacy notice to join".into());
    }
    match (email, name, affiliation) {
        (Some(email), Some(name), Some(affiliation)) if errors.is_empty() => Ok(Join {
            email,
            name,
            affiliation: affiliation.into_inner(),
            preference,
        }),
        _ => Err(errors),
    }
}

// ----- handlers -----------------------------------------------------------------------

/// Reads an event (404 for a draft unless an organizer asks), nudging the engine when a
/// lapsed hold is still to be written down.
async fn event_state(
    state: &AppState,
    slug: String,
    organizer: bool,
) -> Result<EventState, ApiError> {
    let found = read(state, move |conn| {
        Ok(reads::event_by_slug(conn, &slug, Utc::now())?)
    })
    .await?;
    let event = found
        .filter(|s| organizer || s.event.phase != Phase::Draft.as_str())
        .ok_or_else(|| ApiError::not_found("event"))?;
    if event.needs_settling {
        state.engine.nudge(Command::Settle {
            event_id: event.event.id,
        });
    }
    Ok(event)
}

#[utoipa::path(get, path = "/api/v1/events", tag = "events",
    responses((status = 200, description = "Published events (phase not draft)", body = EventList)))]
pub async fn list_events(
    state: web::Data<AppState>,
    organizer: Option<Organizer>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let states = read(&state, move |conn| {
        let rows = events::published(conn)?;
        let mut states = Vec::with_capacity(rows.len());
        for row in rows {
            states.push(reads::event_state(conn, row, now)?);
        }
        Ok(states)
    })
    .await?;
    let events = states
        .iter()
        .map(|s| event_out(s, organizer.is_some()))
        .collect();
    Ok(HttpResponse::Ok().json(EventList { events }))
}

#[utoipa::path(post, path = "/api/v1/events", tag = "events", request_body = NewEvent,
    security(("bearer" = [])),
    responses((status = 201, body = EventOut), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_event(
    state: web::Data<AppState>,
    organizer: Organizer,
    body: Json<NewEvent>,
) -> Result<HttpResponse, ApiError> {
    let _ = organizer;
    let settings = settings_of(body.0)?;
    let Outcome::Event(row) = state.engine.submit(Command::CreateEvent(settings)).await? else {
        return Err(ApiError::internal());
    };
    let event = event_state(&state, row.slug.clone(), true).await?;
    Ok(HttpResponse::Created().json(event_out(&event, true)))
}

#[utoipa::path(get, path = "/api/v1/events/{slug}", tag = "events",
    params(("slug" = String, Path)),
    responses((status = 200, body = EventOut), (status = 404, body = ErrorBody)))]
pub async fn get_event(
    state: web::Data<AppState>,
    organizer: Option<Organizer>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let event = event_state(&state, slug.into_inner(), organizer.is_some()).await?;
    Ok(HttpResponse::Ok().json(event_out(&event, organizer.is_some())))
}

#[utoipa::path(patch, path = "/api/v1/events/{slug}", tag = "events", request_body = EventChanges,
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = EventOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_event(
    state: web::Data<AppState>,
    organizer: Organizer,
    slug: web::Path<String>,
    body: Json<EventChanges>,
) -> Result<HttpResponse, ApiError> {
    let patch = patch_of(body.0)?;
    let command = Command::UpdateEvent {
        slug: slug.into_inner(),
        patch,
        actor: organizer.actor(),
    };
    let Outcome::Event(row) = state.engine.submit(command).await? else {
        return Err(ApiError::internal());
    };
    let event = event_state(&state, row.slug.clone(), true).await?;
    Ok(HttpResponse::Ok().json(event_out(&event, true)))
}

#[utoipa::path(post, path = "/api/v1/events/{slug}/invitations", tag = "organizer", request_body = Invitations,
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 201, body = RegistrationList), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn invite(
    state: web::Data<AppState>,
    organizer: Organizer,
    slug: web::Path<String>,
    body: ValidJson<Invitations>,
) -> Result<HttpResponse, ApiError> {
    let (invitees, hold_until) = invitation_of(&body.0, Utc::now())?;
    let command = Command::Invite {
        slug: slug.clone(),
        invitees,
        hold_until,
        actor: organizer.actor(),
    };
    let Outcome::Registrations(ids) = state.engine.submit(command).await? else {
        return Err(ApiError::internal());
    };
    let list = registrations_by_id(&state, slug.into_inner(), ids).await?;
    Ok(HttpResponse::Created().json(list))
}

async fn registrations_by_id(
    state: &AppState,
    slug: String,
    ids: Vec<i64>,
) -> Result<RegistrationList, ApiError> {
    let event = event_state(state, slug, true).await?;
    let found = read(state, move |conn| {
        let mut list = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(row) = crate::store::registrations::by_id(conn, id)? {
                list.push(reads::registration_state(&event, row));
            }
        }
        Ok(list)
    })
    .await?;
    Ok(RegistrationList {
        registrations: found.into_iter().map(registration_out).collect(),
    })
}

#[utoipa::path(get, path = "/api/v1/events/{slug}/registrations", tag = "organizer",
    params(("slug" = String, Path), RegistrationFilter), security(("bearer" = [])),
    responses((status = 200, body = RegistrationList), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_registrations(
    state: web::Data<AppState>,
    _organizer: Organizer,
    slug: web::Path<String>,
    filter: web::Query<RegistrationFilter>,
) -> Result<HttpResponse, ApiError> {
    let (status, mode) = parse_filter(&filter)?;
    let event = event_state(&state, slug.into_inner(), true).await?;
    let list = read(&state, move |conn| {
        Ok(reads::registrations_of(conn, &event, status, mode)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(RegistrationList {
        registrations: list.into_iter().map(registration_out).collect(),
    }))
}

fn parse_filter(filter: &RegistrationFilter) -> Result<(Option<Status>, Option<Mode>), ApiError> {
    let mut errors = FieldErrors::new();
    let status = filter
        .status
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(|s| parse_field(&mut errors, "status", s.parse()));
    let mode = filter
        .mode
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(|m| parse_field(&mut errors, "mode", m.parse()));
    if errors.is_empty() {
        Ok((status, mode))
    } else {
        Err(ApiError::invalid(errors))
    }
}

async fn organizer_action(state: &AppState, command: Command) -> Result<HttpResponse, ApiError> {
    let Outcome::Registration(id) = state.engine.submit(command).await? else {
        return Err(ApiError::internal());
    };
    let found = read(state, move |conn| {
        let row = crate::store::registrations::by_id(conn, id)?
            .ok_or_else(|| ApiError::not_found("registration"))?;
        let event = events::by_id(conn, row.event_id)?;
        let event = reads::event_state(conn, event, Utc::now())?;
        Ok(reads::registration_state(&event, row))
    })
    .await?;
    Ok(HttpResponse::Ok().json(registration_out(found)))
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/revoke", tag = "organizer",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn revoke(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    organizer_action(
        &state,
        Command::Revoke {
            id: id.into_inner(),
            actor: organizer.actor(),
        },
    )
    .await
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/promote", tag = "organizer",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn promote(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    organizer_action(
        &state,
        Command::Promote {
            id: id.into_inner(),
            actor: organizer.actor(),
        },
    )
    .await
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/hold", tag = "organizer", request_body = Hold,
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_hold(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<i64>,
    body: ValidJson<Hold>,
) -> Result<HttpResponse, ApiError> {
    let until = body.0.hold_until.with_timezone(&Utc);
    if until <= Utc::now() {
        return Err(ApiError::field("hold_until", "must be in the future"));
    }
    organizer_action(
        &state,
        Command::SetHold {
            id: id.into_inner(),
            until,
            actor: organizer.actor(),
        },
    )
    .await
}

#[utoipa::path(get, path = "/api/v1/events/{slug}/audit", tag = "organizer",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = AuditLog), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn audit_log(
    state: web::Data<AppState>,
    _organizer: Organizer,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let rows = read(&state, move |conn| {
        let event = events::by_slug(conn, &slug)?.ok_or_else(|| ApiError::not_found("event"))?;
        Ok(audit::for_event(conn, event.id)?)
    })
    .await?;
    let entries = rows
        .into_iter()
        .map(|r| AuditEntry {
            at: from_db_time(r.at),
            actor: r.actor,
            registration_id: r.registration_id,
            from: r.from_status,
            to: r.to_status,
            note: r.note,
        })
        .collect();
    Ok(HttpResponse::Ok().json(AuditLog { entries }))
}

#[utoipa::path(get, path = "/api/v1/events/{slug}/export.csv", tag = "organizer",
    params(("slug" = String, Path), RegistrationFilter), security(("bearer" = [])),
    responses((status = 200, description = "Registrations as CSV", content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn export_csv(
    state: web::Data<AppState>,
    _organizer: Organizer,
    slug: web::Path<String>,
    filter: web::Query<RegistrationFilter>,
) -> Result<HttpResponse, ApiError> {
    let (status, mode) = parse_filter(&filter)?;
    let slug = slug.into_inner();
    let event = event_state(&state, slug.clone(), true).await?;
    let list = read(&state, move |conn| {
        Ok(reads::registrations_of(conn, &event, status, mode)?)
    })
    .await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let write = |writer: &mut csv::Writer<Vec<u8>>| -> Result<(), csv::Error> {
        writer.write_record([
            "id",
            "name",
            "email",
            "affiliation",
            "status",
            "mode",
            "preference",
            "position",
            "hold_until",
            "registered_at",
        ])?;
        for r in list.into_iter().map(registration_out) {
            writer.write_record([
                r.id.to_string(),
                r.name,
                r.email,
                r.affiliation.unwrap_or_default(),
                r.status.to_string(),
                r.mode.map(|m| m.to_string()).unwrap_or_default(),
                r.preference.to_string(),
                r.position.map(|p| p.to_string()).unwrap_or_default(),
                r.hold_until.map(|t| t.to_rfc3339()).unwrap_or_default(),
                r.created_at.to_rfc3339(),
            ])?;
        }
        Ok(())
    };
    write(&mut writer).map_err(|_| ApiError::internal())?;
    let body = writer.into_inner().map_err(|_| ApiError::internal())?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{slug}-registrations.csv\""),
        ))
        .body(body))
}

pub const JOIN_MESSAGE: &str =
    "Thank you. Please check your inbox: we have sent you a link to confirm your address.";

#[utoipa::path(post, path = "/api/v1/events/{slug}/entries", tag = "participants", request_body = Entry,
    params(("slug" = String, Path)),
    responses((status = 202, body = Message), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn join(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    body: ValidJson<Entry>,
) -> Result<HttpResponse, ApiError> {
    let entry = body.0;
    let join = join_of(
        &entry.email,
        &entry.name,
        entry.affiliation.as_deref(),
        entry.preference,
        entry.consent,
    )
    .map_err(ApiError::invalid)?;
    state
        .engine
        .submit(Command::Join {
            slug: slug.into_inner(),
            join,
        })
        .await?;
    Ok(HttpResponse::Accepted().json(Message {
        message: JOIN_MESSAGE.into(),
    }))
}

async fn personal(
    state: &AppState,
    token: String,
    action: PersonalAction,
) -> Result<HttpResponse, ApiError> {
    let Outcome::Personal(view) = state
        .engine
        .submit(Command::Personal { token, action })
        .await?
    else {
        return Err(ApiError::internal());
    };
    Ok(HttpResponse::Ok().json(me_of(&view.event_slug, view.registration)))
}

#[utoipa::path(get, path = "/api/v1/me/{token}", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody)))]
pub async fn me(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let (event, registration) = read(&state, move |conn| {
        reads::by_token(conn, &token, Utc::now())?
            .ok_or_else(|| ApiError::not_found("registration"))
    })
    .await?;
    if event.needs_settling {
        state.engine.nudge(Command::Settle {
            event_id: event.event.id,
        });
    }
    Ok(HttpResponse::Ok().json(me_out(&event, registration)))
}

#[utoipa::path(post, path = "/api/v1/me/{token}/confirm-email", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn confirm_email(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::ConfirmEmail).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/accept", tag = "participants", params(("token" = String, Path)), request_body = AcceptChoice,
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn accept(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: ValidJson<AcceptChoice>,
) -> Result<HttpResponse, ApiError> {
    personal(
        &state,
        token.into_inner(),
        PersonalAction::Accept(body.0.mode),
    )
    .await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/decline", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decline(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::Decline).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/cancel", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn cancel(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::Cancel).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/switch", tag = "participants", params(("token" = String, Path)), request_body = ModeChoice,
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn switch(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: ValidJson<ModeChoice>,
) -> Result<HttpResponse, ApiError> {
    personal(
        &state,
        token.into_inner(),
        PersonalAction::Switch(body.0.mode),
    )
    .await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/wait-for", tag = "participants", params(("token" = String, Path)), request_body = ModeChoice,
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn wait_for(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: ValidJson<ModeChoice>,
) -> Result<HttpResponse, ApiError> {
    personal(
        &state,
        token.into_inner(),
        PersonalAction::WaitFor(body.0.mode),
    )
    .await
}

#[utoipa::path(delete, path = "/api/v1/me/{token}/wait-for", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn leave_wait(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::LeaveWait).await
}

#[utoipa::path(delete, path = "/api/v1/me/{token}", tag = "participants", params(("token" = String, Path)),
    responses((status = 204, description = "Cancelled and erased"), (status = 404, body = ErrorBody)))]
pub async fn erase(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    state
        .engine
        .submit(Command::Personal {
            token: token.into_inner(),
            action: PersonalAction::Erase,
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(OpenApi)]
#[openapi(
    info(title = "registrar", description = "Registration for invitation-first workshops and webinars: invitations, waiting list, automatic promotion. Errors have the shape {\"error\": {\"code\", \"message\", \"fields\"}}."),
    paths(list_events, create_event, get_event, update_event, invite, list_registrations, revoke, promote, set_hold, audit_log, export_csv, join, me, confirm_email, accept, decline, cancel, switch, wait_for, leave_wait, erase),
    components(schemas(ErrorBody, super::error::ErrorDetail, EventOut, EventList, SeatsByMode, SeatCount, RegistrationOut, RegistrationList, WaitingFor, Me, Message, AuditEntry, AuditLog, NewEvent, EventChanges, Invitations, InviteeIn, Hold, Entry, ModeChoice, AcceptChoice, Mode, Preference, Phase, Status)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

/// A query string that does not fit its filter (a parameter given twice): a 422 naming it.
fn query_error(text: &str) -> ApiError {
    let field = text.split('`').nth(1).unwrap_or("query");
    let message = text.split(": ").last().unwrap_or(text);
    ApiError::field(field, message)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            // The only typed path segment is a registration id: one that is not a number is
            // an unknown registration, answered in the error shape like any other.
            .app_data(
                web::PathConfig::default()
                    .error_handler(|_, _| ApiError::not_found("registration").into()),
            )
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|error, _| query_error(&error.to_string()).into()),
            )
            .route("/openapi.json", web::get().to(openapi))
            .route("/events", web::get().to(list_events))
            .route("/events", web::post().to(create_event))
            // Routes that share a path parameter sit in a scope of their own: a request
            // then matches one pattern with a parameter instead of trying each route's in
            // turn, which took about a tenth of the HTTP workers' time in a rush.
            .service(
                api_scope("/events/{slug}")
                    .route("", web::get().to(get_event))
                    .route("", web::patch().to(update_event))
                    .route("/invitations", web::post().to(invite))
                    .route("/registrations", web::get().to(list_registrations))
                    .route("/audit", web::get().to(audit_log))
                    .route("/export.csv", web::get().to(export_csv))
                    .route("/entries", web::post().to(join)),
            )
            .service(
                api_scope("/registrations/{id}")
                    .route("/revoke", web::post().to(revoke))
                    .route("/promote", web::post().to(promote))
                    .route("/hold", web::post().to(set_hold)),
            )
            .service(
                api_scope("/me/{token}")
                    .route("", web::get().to(me))
                    .route("", web::delete().to(erase))
                    .route("/confirm-email", web::post().to(confirm_email))
                    .route("/accept", web::post().to(accept))
                    .route("/decline", web::post().to(decline))
                    .route("/cancel", web::post().to(cancel))
                    .route("/switch", web::post().to(switch))
                    .route("/wait-for", web::post().to(wait_for))
                    .route("/wait-for", web::delete().to(leave_wait)),
            )
            .default_service(web::to(unknown_route)),
    );
}

/// A scope of API routes below `/api/v1`. A nested scope falls back to the application's
/// default service (an HTML page), not its parent's, so each names the API's own.
fn api_scope(path: &str) -> actix_web::Scope {
    web::scope(path).default_service(web::to(unknown_route))
}

/// Any path or method under `/api/v1` that no route takes.
async fn unknown_route() -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found("route"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::string::string_regex;

    use super::*;
    use crate::domain::{PersonName, Slug, TimeZoneName};

    /// A property of an input type as the published description gives it.
    fn published(schema: &str, field: &str) -> serde_json::Value {
        let spec = serde_json::to_value(ApiDoc::openapi()).expect("the description is JSON");
        spec["components"]["schemas"][schema]["properties"][field].clone()
    }

    /// Strings that match a published pattern, which is anchored at both ends.
    fn matching(schema: &str, field: &str) -> impl Strategy<Value = String> {
        let pattern = published(schema, field)["pattern"]
            .as_str()
            .expect("a pattern")
            .to_owned();
        let inner = pattern.trim_start_matches('^').trim_end_matches('$');
        string_regex(inner).expect("a pattern proptest can generate from")
    }

    proptest! {
        #[test]
        fn every_slug_the_description_allows_is_accepted(slug in matching("NewEvent", "slug")) {
            prop_assume!(slug.len() <= 80);
            prop_assert!(Slug::parse(&slug).is_ok(), "{slug:?}");
        }

        #[test]
        fn every_name_the_description_allows_is_accepted(name in matching("Entry", "name")) {
            prop_assume!(name.chars().count() <= 200);
            prop_assert!(PersonName::parse(&name).is_ok(), "{name:?}");
        }
    }

    #[test]
    fn every_input_with_a_slug_or_a_name_publishes_the_same_rules() {
        let slug = published("NewEvent", "slug");
        assert!(slug["pattern"].is_string(), "{slug}");
        assert_eq!(published("EventChanges", "slug"), slug);
        let name = published("Entry", "name");
        assert!(name["pattern"].is_string(), "{name}");
        assert_eq!(published("InviteeIn", "name"), name);
    }

    #[test]
    fn the_time_zones_described_are_the_ones_accepted() {
        let zones = published("NewEvent", "timezone")["enum"].clone();
        let zones = zones.as_array().expect("a list of time zones");
        assert!(zones.contains(&"Europe/Amsterdam".into()));
        for zone in zones {
            assert!(
                TimeZoneName::parse(zone.as_str().unwrap()).is_ok(),
                "{zone}"
            );
        }
        assert_eq!(
            published("Entry", "consent")["enum"],
            serde_json::json!([true])
        );
    }
}
