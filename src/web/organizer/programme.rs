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
    Ok(render(&signed, &event, &parts, &errors, flash.words()))
}

/// The groups of the form, the last (for a new part) left out when empty.
fn groups_of(form: &BTreeMap<String, String>) -> Vec<PartValues> {
    let count = form
        .get("count")
        .and_then(|c| c.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(crate::domain::programme::PARTS_MAX + 1);
    let field = |i: usize, name: &str| {
        form.get(&format!("part-{i}-{name}"))
            .cloned()
            .unwrap_or_default()
    };
    (0..count)
        .map(|i| PartValues {
            title: field(i, "title"),
            starts_at: field(i, "starts_at"),
            ends_at: field(i, "ends_at"),
            streamed: crate::web::input::ticked(
                form.get(&format!("part-{i}-streamed")).map(String::as_str),
            ),
            description: field(i, "description"),
        })
        .enumerate()
        .filter(|(i, part)| i + 1 < count || !part.is_blank())
        .map(|(_, part)| part)
        .collect()
}

/// The button pressed: a part moved up or down, or removed; `None` saves as it stands.
fn apply(action: &str, parts: &mut Vec<PartValues>) {
    let Some((what, index)) = action.split_once('-') else {
        return;
    };
    let Ok(i) = index.parse::<usize>() else {
        return;
    };
    match what {
        "up" if i > 0 && i < parts.len() => parts.swap(i - 1, i),
        "down" if i + 1 < parts.len() => parts.swap(i, i + 1),
        "remove" if i < parts.len() => {
            parts.remove(i);
        }
        _ => {}
    }
}

/// The groups read into parts; a time that cannot be read is named at its part.
fn parts_of(groups: &[PartValues], tz: Tz) -> Result<Vec<Part>, Vec<Vec<String>>> {
    let mut errors = vec![Vec::new(); groups.len()];
    let mut parts = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let starts = parse_local_input(&group.starts_at, tz)
            .map_err(|e| errors[i].push(format!("the start {e}")));
        let ends = parse_local_input(&group.ends_at, tz)
            .map_err(|e| errors[i].push(format!("the end {e}")));
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

/// The domain's messages ("part 2: must end after it starts") placed at their parts.
fn placed(messages: Vec<String>, count: usize) -> PartErrors {
    let mut by_part = vec![Vec::new(); count];
    let mut whole = Vec::new();
    for message in messages {
        let at = message
            .strip_prefix("part ")
            .and_then(|rest| rest.split_once(": "))
            .and_then(|(n, text)| Some((n.parse::<usize>().ok()?.checked_sub(1)?, text)));
        match at {
            Some((i, text)) if i < count => by_part[i].push(text.to_owned()),
            _ => whole.push(message),
        }
    }
    (by_part, whole)
}

pub async fn save(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<BTreeMap<String, String>>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let event = event_state(&state, slug.into_inner()).await?;
    let tz = event.event.timezone.0;
    let mut groups = groups_of(&form);
    apply(
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
    let patch = EventPatch {
        programme: Some(parts),
        ..EventPatch::default()
    };
    match state
        .engine
        .update_event(event.event.slug.clone(), patch, signed.actor())
        .await
    {
        Ok(row) => Ok(see_other(&format!(
            "/organizer/events/{}/programme?done=saved",
            row.slug
        ))),
        Err(EngineError::Invalid(mut errors)) => {
            let messages = errors.remove("programme").unwrap_or_default();
            let mut placed = placed(messages, groups.len());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn group(title: &str) -> PartValues {
        PartValues {
            title: title.into(),
            ..PartValues::default()
        }
    }

    #[test]
    fn the_buttons_move_and_remove_parts() {
        let mut parts = vec![group("a"), group("b"), group("c")];
        apply("up-2", &mut parts);
        apply("remove-0", &mut parts);
        apply("down-5", &mut parts);
        let titles: Vec<_> = parts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["c", "b"]);
    }

    #[test]
    fn the_domains_messages_go_to_their_parts() {
        let (by_part, whole) = placed(
            vec![
                "part 2: must end after it starts".into(),
                "must have at most 100 parts".into(),
            ],
            3,
        );
        assert_eq!(by_part[1], ["must end after it starts"]);
        assert_eq!(whole, ["must have at most 100 parts"]);
    }
}
