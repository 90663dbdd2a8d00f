//! Who is in the room: the counts per answer of the event's summarized questions, with
//! every count from 1 to `min_count - 1` (and any that would give one away) as null.

use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use super::event_state;
use crate::domain::representation::{Shown, MIN_COUNT};
use crate::domain::Question;
use crate::reads;
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::AppState;

/// Counts of one answer; null where withheld.
#[derive(Serialize, ToSchema)]
pub struct Counts {
    pub invited: Option<u32>,
    pub waitlisted: Option<u32>,
    pub confirmed: Option<u32>,
}

impl Counts {
    fn of(counts: [Option<u32>; 3]) -> Counts {
        let [invited, waitlisted, confirmed] = counts;
        Counts {
            invited,
            waitlisted,
            confirmed,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AnswerCounts {
    pub value: String,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionCounts {
    pub key: String,
    pub label: String,
    pub answers: Vec<AnswerCounts>,
    /// Those counted who gave no answer.
    pub unanswered: Counts,
    /// Everyone counted (invited, waiting, confirmed).
    pub total: Counts,
}

#[derive(Serialize, ToSchema)]
pub struct Representation {
    /// The smallest count shown: every count from 1 to `min_count - 1` is null, and so
    /// is a second count of a column where one null could be worked out from the total.
    pub min_count: u32,
    pub questions: Vec<QuestionCounts>,
}

pub fn representation_out(found: Vec<(Question, Shown)>) -> Representation {
    Representation {
        min_count: MIN_COUNT,
        questions: found
            .into_iter()
            .map(|(q, shown)| QuestionCounts {
                key: q.key,
                label: q.label,
                answers: shown
                    .rows
                    .into_iter()
                    .map(|(value, counts)| AnswerCounts {
                        value,
                        counts: Counts::of(counts),
                    })
                    .collect(),
                unanswered: Counts::of(shown.unanswered),
                total: Counts::of(shown.total),
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/events/{slug}/representation", tag = "organizer",
    description = "For each question with summarize: true, how many of those invited, waiting and confirmed gave each answer. Counts from 1 to min_count - 1 are null, and so is a second count in a column where a single null could be worked out from the total.",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Representation), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn representation(
    state: web::Data<AppState>,
    _organizer: Organizer,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let event = event_state(&state, slug.into_inner(), true).await?;
    let found = state
        .database
        .run(move |conn| reads::representation(conn, &event))
        .await?;
    Ok(HttpResponse::Ok().json(representation_out(found)))
}
