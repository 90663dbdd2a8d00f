//! The parts of an event's body that describe its shape, series and reminders: a
//! programme's parts, registration questions, an episode's speakers, and their schemas.

use chrono::{DateTime, FixedOffset, Utc};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{limited_text, meeting_url_schema, whole_number};
use crate::domain::episode::{CODE_MAX, SPEAKER_AFFILIATION_MAX, SPEAKER_NAME_MAX};
use crate::domain::programme::{PART_DESCRIPTION_MAX, PART_TITLE_MAX};
use crate::domain::questions::LABEL_MAX as QUESTION_LABEL_MAX;
use crate::domain::reminders::{DEFAULT_REMINDER_HOURS, REMINDERS_MAX, REMINDER_HOURS_MAX};
use crate::domain::{Part, Question, QuestionKind, ReconfirmationDraft, Speaker};

pub(super) fn default_reminder_hours() -> Vec<i64> {
    vec![i64::from(DEFAULT_REMINDER_HOURS)]
}

/// The hours before the start at which confirmed participants get a reminder.
pub fn reminder_hours_schema() -> utoipa::openapi::Array {
    utoipa::openapi::ArrayBuilder::new()
        .items(whole_number(1, REMINDER_HOURS_MAX, false))
        .max_items(Some(REMINDERS_MAX))
        .description(Some(
            "Hours before the start at which each confirmed participant gets a reminder \
             (default [24]; [] sends none). A reminder whose moment has passed goes out \
             at once, unless the event has started.",
        ))
        .build()
}

/// Someone who speaks at an episode.
#[derive(Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct SpeakerIn {
    #[schema(schema_with = speaker_name_schema)]
    pub name: String,
    #[serde(default)]
    #[schema(schema_with = speaker_affiliation_schema)]
    pub affiliation: Option<String>,
    #[serde(default)]
    #[schema(schema_with = meeting_url_schema)]
    pub url: Option<String>,
}

impl From<SpeakerIn> for Speaker {
    fn from(s: SpeakerIn) -> Speaker {
        Speaker {
            name: s.name,
            affiliation: s.affiliation,
            url: s.url,
        }
    }
}

pub(super) fn series_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{SchemaType, Type};
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(SchemaType::Array(vec![Type::String, Type::Null]))
        .description(Some(
            "A series' slug: lowercase letters, digits and inner dashes.",
        ))
        .max_length(Some(80))
        .pattern(Some(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"))
        .build()
}

pub(super) fn code_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{SchemaType, Type};
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(SchemaType::Array(vec![Type::String, Type::Null]))
        .max_length(Some(CODE_MAX))
        .pattern(Some(r"^[^\x00-\x1f\x7f-\x9f]*$"))
        .build()
}

fn speaker_name_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .min_length(Some(1))
        .max_length(Some(SPEAKER_NAME_MAX))
        .pattern(Some(r"^[^\x00-\x1f\x7f-\x9f]*\S[^\x00-\x1f\x7f-\x9f]*$"))
        .build()
}

fn speaker_affiliation_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{SchemaType, Type};
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(SchemaType::Array(vec![Type::String, Type::Null]))
        .max_length(Some(SPEAKER_AFFILIATION_MAX))
        .pattern(Some(r"^[^\x00-\x1f\x7f-\x9f]*$"))
        .build()
}

/// One part of a programme.
#[derive(Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct PartIn {
    #[schema(schema_with = part_title_schema)]
    pub title: String,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    /// Virtual participants can follow it.
    pub streamed: bool,
    #[serde(default)]
    #[schema(schema_with = part_description_schema)]
    pub description: String,
}

fn part_title_schema() -> utoipa::openapi::Object {
    limited_text(PART_TITLE_MAX, true)
}

fn part_description_schema() -> utoipa::openapi::Object {
    limited_text(PART_DESCRIPTION_MAX, false)
}

/// A registration question.
#[derive(Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct QuestionIn {
    /// Lowercase letters, digits and `_`; names the answer in `answers` and the exports.
    #[schema(pattern = r"^[a-z0-9_]{1,40}$")]
    pub key: String,
    #[schema(schema_with = question_label_schema)]
    pub label: String,
    pub kind: QuestionKind,
    /// Required for the kinds `choice` and `choices`; none for `text`.
    #[serde(default)]
    pub options: Vec<String>,
    pub required: bool,
    /// Counted per answer in the event's representation.
    pub summarize: bool,
}

fn question_label_schema() -> utoipa::openapi::Object {
    limited_text(QUESTION_LABEL_MAX, true)
}

pub(super) fn parts_of(parts: Vec<PartIn>) -> Vec<Part> {
    parts
        .into_iter()
        .map(|p| Part {
            title: p.title,
            starts_at: p.starts_at.with_timezone(&Utc),
            ends_at: p.ends_at.with_timezone(&Utc),
            streamed: p.streamed,
            description: p.description,
        })
        .collect()
}

pub(super) fn questions_of(questions: Vec<QuestionIn>) -> Vec<Question> {
    questions
        .into_iter()
        .map(|q| Question {
            key: q.key,
            label: q.label,
            kind: q.kind,
            options: q.options,
            required: q.required,
            summarize: q.summarize,
        })
        .collect()
}

/// When confirmed in-person participants are asked "are you still coming?" (null: never).
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct ReconfirmIn {
    /// Days before the start at which each is asked.
    #[schema(minimum = 1, maximum = 365)]
    pub days_before: i64,
    /// Hours each has to answer; fewer than `days_before` × 24, so that answers are due
    /// before the start.
    #[schema(minimum = 1, maximum = 8759)]
    pub window_hours: i64,
}

impl From<ReconfirmIn> for ReconfirmationDraft {
    fn from(r: ReconfirmIn) -> ReconfirmationDraft {
        ReconfirmationDraft {
            days_before: r.days_before,
            window_hours: r.window_hours,
        }
    }
}
