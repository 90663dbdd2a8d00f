//! The programme editor: the form's groups read into parts, a move or a removal applied,
//! and the whole programme saved as a change of the event (checked by the domain against
//! the event's times, one transaction with its audit row).

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use maud::Markup;

use super::events::parse_local_input;
use super::notices::{self, Asked};
use super::numbered::{apply_button, placed, Groups};
use super::session::{Posted, SignedIn};
use super::{event_state, viewer, Flash};
use crate::domain::{EventPatch, Part};
use crate::engine::EngineError;
use crate::reads::EventState;
use crate::views::organizer::programme::{self as views, PartErrors, PartValues, ProgrammeForm};
use crate::views::organizer::when;
use crate::web::error::DashboardError;
use crate::web::respond::{html_status, see_other};
use crate::web::AppState;

/// A time as a `datetime-local` field shows it, in the event's zone.
fn local_input(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

fn values_of(state: &EventState) -> Vec<PartValues> {
    let tz = state.event.timezone.0;
    state
        .programme
        .iter()
        .map(|p| PartValues {
            title: p.title.clone(),
            starts_at: local_input(p.starts_at, tz),
            ends_at: local_input(p.ends_at, tz),
            streamed: p.streamed,
            description: p.description.clone(),
        })
        .chain([PartValues::default()])
        .collect()
}

fn render(
    signed: &SignedIn,
    state: &EventState,
    parts: &[PartValues],
    errors: &PartErrors,
    done: Option<&str>,
) -> Markup {
    views::page(
        &viewer(signed),
        &ProgrammeForm {
            slug: &state.event.slug,
            title: &state.event.title,
            timezone: state.event.timezone.0.name(),
            when: when(state),
            parts,
            errors,
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
    let parts = values_of(&event);
    let errors = (vec![Vec::new(); parts.len()], Vec::new());
    Ok(render(
        &signed,
        &event,
        &parts,
        &errors,
        flash.words().as_deref(),
    ))
}

/// The parts as the form sent them, a blank last one (for a new part) left out.
fn groups_of(form: &BTreeMap<String, String>) -> Vec<PartValues> {
    let groups = Groups::of(form, "part", crate::domain::programme::PARTS_MAX);
    groups.read(
        |i| PartValues {
            title: groups.field(i, "title"),
            starts_at: groups.field(i, "starts_at"),
            ends_at: groups.field(i, "ends_at"),
            streamed: groups.ticked(i, "streamed"),
            description: groups.field(i, "description"),
        },
        PartValues::is_blank,
    )
}

/// The groups read into parts; a time that cannot be read is named at its part.
fn parts_of(groups: &[PartValues], tz: Tz) -> Result<Vec<Part>, Vec<Vec<String>>> {
    let mut errors = vec![Vec::new(); groups.len()];
    let mut parts = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let starts = parse_local_input(&group.starts_at, tz)
            .map_err(|e| errors[i].push(t!("dash-programme-start-problem", problem = e)));
        let ends = parse_local_input(&group.ends_at, tz)
            .map_err(|e| errors[i].push(t!("dash-programme-end-problem", problem = e)));
        if let (Ok(starts_at), Ok(ends_at)) = (starts, ends) {
            parts.push(Part {
                title: group.title.clone(),
                starts_at,
                ends_at,
                streamed: group.streamed,
                description: group.description.clone(),
            });
        }
    }
    if errors.iter().all(Vec::is_empty) {
        Ok(parts)
    } else {
        Err(errors)
    }
}

pub async fn save(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<BTreeMap<String, String>>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, mut form) = posted;
    let asked = notices::asked(&mut form);
    let event = event_state(&state, slug.into_inner()).await?;
    let tz = event.event.timezone.0;
    let mut groups = groups_of(&form);
    apply_button(
        form.get("action").map_or("save", String::as_str),
        &mut groups,
    );
    let refused = |groups: &mut Vec<PartValues>, errors: PartErrors| {
        groups.push(PartValues::default());
        let (mut by_part, whole) = errors;
        by_part.resize(groups.len(), Vec::new());
        html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&signed, &event, groups, &(by_part, whole), None),
        )
    };
    let parts = match parts_of(&groups, tz) {
        Ok(parts) => parts,
        Err(by_part) => return Ok(refused(&mut groups, (by_part, Vec::new()))),
    };
    if asked == Asked::BackToForm {
        groups.push(PartValues::default());
        let errors = (vec![Vec::new(); groups.len()], Vec::new());
        return Ok(html_status(
            StatusCode::OK,
            render(&signed, &event, &groups, &errors, None),
        ));
    }
    let patch = EventPatch {
        programme: Some(parts),
        ..EventPatch::default()
    };
    if asked == Asked::Save {
        // Refused parts are the engine's to name, below.
        if let Ok(after) = event.draft().patched(&patch) {
            let action = format!("/organizer/events/{}/programme", event.event.slug);
            let at = ("/programme", action.as_str());
            if let Some(page) =
                notices::preview(&signed, &state.public_url, &event, &after, at, &form)
            {
                return Ok(html_status(StatusCode::OK, page));
            }
        }
    }
    match state
        .engine
        .update_event(event.event.slug.clone(), patch, signed.actor())
        .await
    {
        Ok(row) => Ok(see_other(&format!(
            "/organizer/events/{}/programme?done={}",
            row.slug,
            if asked == Asked::SaveAndTell {
                "told"
            } else {
                "saved"
            }
        ))),
        Err(EngineError::Invalid(mut errors)) => {
            let messages = errors.remove("programme").unwrap_or_default();
            let mut placed = placed(messages, groups.len(), "part");
            // A rule of another field (none is changed here) is shown whole.
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
