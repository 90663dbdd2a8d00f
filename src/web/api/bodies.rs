//! What the API takes: request bodies with the rules the published description states,
//! and their conversion into the domain's request types (every bad field named at once).

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::domain::{
    parse_field, Email, EventPatch, EventSettings, FieldErrors, Invitee, Mode, PersonName, Phase,
    Preference, Slug, TimeZoneName,
};
use crate::web::error::ApiError;
use crate::web::input::{double_option, not_null, rule_errors};

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
pub struct JoinBody {
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

pub fn settings_of(input: NewEvent) -> Result<EventSettings, ApiError> {
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

pub fn patch_of(input: EventChanges) -> Result<EventPatch, ApiError> {
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
