//! The questions editor and the participants grouped by answer: the form's groups read
//! into questions, a move or a removal applied, and the whole list saved as a change of
//! the event (checked by the domain, one transaction with its audit row).

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::numbered::{apply_button, placed, Groups};
use super::session::{Posted, SignedIn};
use super::{event_state, viewer, Flash};
use crate::domain::{EventPatch, Question, QuestionKind, Status};
use crate::engine::EngineError;
use crate::reads::{self, EventState};
use crate::views::organizer::questions::{self as views, QuestionValues, QuestionsForm};
use crate::web::error::DashboardError;
use crate::web::respond::{html_status, see_other};
use crate::web::AppState;

use super::numbered::GroupErrors as Problems;

fn values_of(state: &EventState) -> Vec<QuestionValues> {
    state
        .questions
        .iter()
        .map(|q| QuestionValues {
            key: q.key.clone(),
            label: q.label.clone(),
            kind: q.kind.as_str().to_owned(),
            options: q.options.join("\n"),
            required: q.required,
            summarize: q.summarize,
        })
        .chain([QuestionValues {
            kind: QuestionKind::Text.as_str().to_owned(),
            ..QuestionValues::default()
        }])
        .collect()
}

fn render(
    signed: &SignedIn,
    state: &EventState,
    questions: &[QuestionValues],
    errors: &Problems,
    done: Option<&str>,
) -> Markup {
    views::page(
        &viewer(signed),
        &QuestionsForm {
            slug: &state.event.slug,
            title: &state.event.title,
            questions,
            errors,
            saved: &state.questions,
            done,
        },
    )
}

pub async fn page(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let questions = values_of(&event);
    let errors = (vec![Vec::new(); questions.len()], Vec::new());
    Ok(render(
        &signed,
        &event,
        &questions,
        &errors,
        flash.words().as_deref(),
    ))
}

/// The questions as the form sent them, a blank last one (for a new question) left out.
fn groups_of(form: &BTreeMap<String, String>) -> Vec<QuestionValues> {
    let groups = Groups::of(form, "question", crate::domain::questions::QUESTIONS_MAX);
    groups.read(
        |i| QuestionValues {
            key: groups.field(i, "key"),
            label: groups.field(i, "label"),
            kind: groups.field(i, "kind"),
            options: groups.field(i, "options"),
            required: groups.ticked(i, "required"),
            summarize: groups.ticked(i, "summarize"),
        },
        QuestionValues::is_blank,
    )
}

fn questions_of(groups: &[QuestionValues]) -> Result<Vec<Question>, Vec<Vec<String>>> {
    let mut errors = vec![Vec::new(); groups.len()];
    let mut questions = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        match g.kind.parse::<QuestionKind>() {
            Ok(kind) => questions.push(Question {
                key: g.key.clone(),
                label: g.label.clone(),
                kind,
                options: g.options.lines().map(str::to_owned).collect(),
                required: g.required,
                summarize: g.summarize,
            }),
            Err(e) => errors[i].push(t!("dash-questions-kind-problem", problem = e.0)),
        }
    }
    if errors.iter().all(Vec::is_empty) {
        Ok(questions)
    } else {
        Err(errors)
    }
}

pub async fn save(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<BTreeMap<String, String>>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let event = event_state(&state, slug.into_inner()).await?;
    let mut groups = groups_of(&form);
    apply_button(
        form.get("action").map_or("save", String::as_str),
        &mut groups,
    );
    let refused = |groups: &mut Vec<QuestionValues>, errors: Problems| {
        groups.push(QuestionValues {
            kind: QuestionKind::Text.as_str().to_owned(),
            ..QuestionValues::default()
        });
        let (mut by_question, whole) = errors;
        by_question.resize(groups.len(), Vec::new());
        html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&signed, &event, groups, &(by_question, whole), None),
        )
    };
    let questions = match questions_of(&groups) {
        Ok(questions) => questions,
        Err(by_question) => return Ok(refused(&mut groups, (by_question, Vec::new()))),
    };
    let patch = EventPatch {
        questions: Some(questions),
        ..EventPatch::default()
    };
    match state
        .engine
        .update_event(event.event.slug.clone(), patch, signed.actor())
        .await
    {
        Ok(row) => Ok(see_other(&format!(
            "/organizer/events/{}/questions?done=saved",
            row.slug
        ))),
        Err(EngineError::Invalid(mut errors)) => {
            let messages = errors.remove("questions").unwrap_or_default();
            let mut placed = placed(messages, groups.len(), "question");
            placed.1.extend(
                errors
                    .into_iter()
                    .flat_map(|(f, m)| m.into_iter().map(move |m| format!("{f} {m}"))),
            );
            Ok(refused(&mut groups, placed))
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
pub struct GroupsQuery {
    question: Option<String>,
}

/// The confirmed participants grouped by their answer to a question of choice.
pub async fn groups(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<GroupsQuery>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let choices: Vec<Question> = event
        .questions
        .iter()
        .filter(|q| q.kind.has_options())
        .cloned()
        .collect();
    let chosen = match &query.question {
        Some(key) => choices.iter().find(|q| &q.key == key).cloned(),
        None => choices.first().cloned(),
    };
    let (slug, title) = (event.event.slug.clone(), event.event.title.clone());
    let (people, answers) = state
        .database
        .run(move |conn| {
            let people = reads::registrations_of(conn, &event, Some(Status::Confirmed), None)?;
            Ok::<_, diesel::result::Error>((people, reads::answers_of_event(conn, event.event.id)?))
        })
        .await?;
    let mut grouped: Vec<(String, Vec<(String, String)>)> = Vec::new();
    if let Some(q) = &chosen {
        grouped = q.options.iter().map(|o| (o.clone(), Vec::new())).collect();
        let mut none = Vec::new();
        for r in &people {
            let person = (
                r.row.name.clone(),
                r.row.affiliation.clone().unwrap_or_default(),
            );
            match answers.get(&r.row.id).and_then(|a| a.get(&q.key)) {
                Some(values) if !values.is_empty() => {
                    for value in values {
                        match grouped.iter_mut().find(|(o, _)| o == value) {
                            Some((_, list)) => list.push(person.clone()),
                            None => grouped.push((value.clone(), vec![person.clone()])),
                        }
                    }
                }
                _ => none.push(person),
            }
        }
        grouped.push((t!("dash-representation-no-answer"), none));
        for (_, list) in &mut grouped {
            list.sort_by_key(|(name, _)| name.to_lowercase());
        }
    }
    Ok(views::groups(
        &viewer(&signed),
        &slug,
        &title,
        &choices,
        chosen.as_ref(),
        &grouped,
    ))
}
