//! Reading JSON bodies so that every mistake names its field: a body that is not JSON is a
//! 400, a value of the wrong type or a broken rule is a 422 with the field's name, and a
//! body over the size limit is a 413.

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use validator::{Validate, ValidationErrors};

use super::error::ApiError;
use crate::domain::FieldErrors;

/// The most a JSON body may weigh (an invitation list of a few thousand people fits).
pub const JSON_LIMIT: usize = 1024 * 1024;

/// A JSON body parsed into `T` and checked by its `validator` rules.
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(req, payload);
        Box::pin(async move { parse_json(&body.await?).map(ValidJson) })
    }
}

/// A JSON body parsed into `T` whose `validator` rules the handler checks itself, together
/// with its own checks, so that one answer names every bad field (see [`rule_errors`]).
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(req, payload);
        Box::pin(async move { parse_shape(&body.await?).map(Json) })
    }
}

/// The body's bytes, up to the size limit (a 413 beyond it).
fn read_body(
    req: &HttpRequest,
    payload: &mut Payload,
) -> LocalBoxFuture<'static, Result<web::Bytes, ApiError>> {
    let body = web::Bytes::from_request(req, payload);
    Box::pin(async move {
        body.await.map_err(|error| {
            if error.as_response_error().status_code()
                == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE
            {
                ApiError::too_large()
            } else {
                ApiError::malformed(t!("api-malformed-unreadable", detail = error.to_string()))
            }
        })
    })
}

pub fn parse_json<T: DeserializeOwned + Validate>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: T = parse_shape(bytes)?;
    value
        .validate()
        .map_err(|e| ApiError::invalid(field_errors(&e)))?;
    Ok(value)
}

/// Parses a body without checking its `validator` rules: not JSON is a 400, a value of the
/// wrong type (or a required field left out) a 422 naming the field.
fn parse_shape<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // An empty body stands for an empty object, so optional bodies may be left out.
    let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        bytes
    };
    // First the syntax (a 400), then the shape from the parsed value (a 422 naming the
    // field): serde_json reports some wrong types, such as a number where a mode belongs, as
    // syntax errors when it deserializes straight from the text.
    let json: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::malformed(t!("api-malformed-json", detail = e.to_string())))?;
    serde_path_to_error::deserialize(json).map_err(|error| {
        let path = error.path().to_string();
        ApiError::invalid(data_error(&path, &error.into_inner()))
    })
}

/// The broken `validator` rules of a value, field by field (empty when none).
pub fn rule_errors<T: Validate>(value: &T) -> FieldErrors {
    value
        .validate()
        .err()
        .map(|e| field_errors(&e))
        .unwrap_or_default()
}

/// Names the field of a type error; serde reports a missing field at the parent's path.
fn data_error(path: &str, error: &serde_json::Error) -> FieldErrors {
    let text = error.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text).to_owned();
    let quoted = text.split('`').nth(1).map(str::to_owned);
    let (field, message) = if text.starts_with("unknown field") {
        // `{"capcity": 10}` names the field it does not know instead of doing nothing;
        // the path already ends in it.
        let field = if path == "." {
            quoted.unwrap_or_default()
        } else {
            path.to_owned()
        };
        (field, "is not a field of this request".to_owned())
    } else if text.starts_with("missing field") {
        let name = quoted.unwrap_or_default();
        let field = if path == "." {
            name
        } else {
            format!("{path}.{name}")
        };
        (field, "is required".to_owned())
    } else if path == "." {
        ("body".to_owned(), text)
    } else {
        (path.to_owned(), text)
    };
    FieldErrors::from([(field, vec![message])])
}

/// Flattens `validator` errors into field -> messages.
pub fn field_errors(errors: &ValidationErrors) -> FieldErrors {
    let mut fields = FieldErrors::new();
    for (field, list) in errors.field_errors() {
        let messages = list
            .iter()
            .map(|e| {
                e.message
                    .as_ref()
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| describe(e))
            })
            .collect();
        fields.insert(field.to_string(), messages);
    }
    fields
}

fn describe(error: &validator::ValidationError) -> String {
    let param = |name: &str| error.params.get(name).map(|v| v.to_string());
    match error.code.as_ref() {
        "length" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => t!("api-problem-length", min = min, max = max),
            (None, Some(max)) => t!("api-problem-at-most", max = max),
            (Some(min), None) => t!("api-problem-at-least", min = min),
            _ => t!("api-problem-wrong-length"),
        },
        "range" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => t!("api-problem-between", min = min, max = max),
            (Some(min), None) => t!("api-problem-at-least-number", min = min),
            (None, Some(max)) => t!("api-problem-at-most-number", max = max),
            _ => t!("api-problem-out-of-range"),
        },
        "url" => t!("api-problem-url"),
        "email" => t!("api-problem-email"),
        other => t!("api-problem-invalid", rule = other),
    }
}

/// For fields where `null` and "left out" mean different things (PATCH).
pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// For fields that may be left out but have no "none" to set (PATCH): `null` is a value of
/// the wrong type, named like any other, not a silent "leave as it is".
pub fn not_null<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Whether a form's checkbox was ticked: only the value its box sends (`yes`) counts, so a
/// hand-made `consent=no` is no consent.
pub fn ticked(value: Option<&str>) -> bool {
    value == Some("yes")
}

/// The answers of a submitted form to the event's questions: `answer-KEY` for a text or
/// one choice, `answer-KEY-N` for each option ticked of several choices (a question of
/// several choices is always given, perhaps with none ticked).
pub fn answers_of_form(
    questions: &[crate::domain::Question],
    fields: &std::collections::BTreeMap<String, String>,
) -> std::collections::BTreeMap<String, crate::domain::GivenAnswer> {
    use crate::domain::{GivenAnswer, QuestionKind};
    use crate::views::questions::answer_field;
    questions
        .iter()
        .filter_map(|q| {
            let name = answer_field(&q.key);
            let given = match q.kind {
                QuestionKind::Choices => GivenAnswer::Many(
                    (0..q.options.len())
                        .filter_map(|i| fields.get(&format!("{name}-{i}")).cloned())
                        .collect(),
                ),
                _ => GivenAnswer::One(fields.get(&name)?.clone()),
            };
            Some((q.key.clone(), given))
        })
        .collect()
}

/// What was given, to show again in a refused form.
pub fn answer_values(
    given: &std::collections::BTreeMap<String, crate::domain::GivenAnswer>,
) -> crate::views::questions::AnswerValues {
    use crate::domain::GivenAnswer;
    given
        .iter()
        .map(|(key, answer)| {
            let values = match answer {
                GivenAnswer::One(text) => vec![text.clone()],
                GivenAnswer::Many(list) => list.clone(),
            };
            (key.clone(), values)
        })
        .collect()
}
