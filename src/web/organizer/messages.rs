//! Writing to a group of participants: form, preview, send through the outbox.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::session::{Posted, SignedIn};
use super::{event_state, failure, html, html_status, refusal, see_other, viewer, Flash};
use crate::domain::{FieldErrors, Group};
use crate::engine::Command;
use crate::mail::message::organizer_message;
use crate::reads::EventState;
use crate::views::organizer::messages::{self as views, MessageValues};
use crate::web::AppState;

fn counts(state: &EventState) -> Vec<(Group, usize)> {
    Group::ALL
        .iter()
        .map(|g| (*g, state.ledger.entries().filter(|e| g.includes(e)).count()))
        .collect()
}

pub async fn form(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    flash: web::Query<Flash>,
) -> HttpResponse {
    match event_state(&state, slug.into_inner()).await {
        Ok(event) => html(views::form(
            &viewer(&signed),
            &event,
            &MessageValues::default(),
            &FieldErrors::new(),
            &counts(&event),
            flash.words(),
        )),
        Err(error) => failure(error),
    }
}

#[derive(Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    group: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
}

/// The message checked: its group, subject and body, or each bad field named.
fn checked(form: &MessageForm) -> Result<(Group, String, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let group = Group::parse(&form.group);
    if group.is_none() {
        errors.insert("group".into(), vec!["choose whom to write to".into()]);
    }
    let subject = form.subject.trim().to_owned();
    if subject.is_empty() || subject.chars().count() > 200 || subject.chars().any(char::is_control)
    {
        errors.insert(
            "subject".into(),
            vec!["must be 1 to 200 characters on one line".into()],
        );
    }
    let body = form.body.replace("\r\n", "\n").trim().to_owned();
    if body.is_empty() || body.chars().count() > 20000 {
        errors.insert("body".into(), vec!["must be 1 to 20000 characters".into()]);
    }
    match group {
        Some(group) if errors.is_empty() => Ok((group, subject, body)),
        _ => Err(errors),
    }
}

fn values_of(form: &MessageForm) -> MessageValues {
    MessageValues {
        group: form.group.clone(),
        subject: form.subject.clone(),
        body: form.body.clone(),
    }
}

pub async fn preview(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<MessageForm>,
) -> HttpResponse {
    let Posted(signed, form) = posted;
    let event = match event_state(&state, slug.into_inner()).await {
        Ok(event) => event,
        Err(error) => return failure(error),
    };
    let counts = counts(&event);
    match checked(&form) {
        Ok((group, subject, body)) => {
            let sample = organizer_message(
                &event.event.title,
                "(name of the participant)",
                &subject,
                &body,
                &format!("{}/r/(their personal link)", state.public_url),
            );
            html(views::preview(
                &viewer(&signed),
                &event,
                &values_of(&form),
                group,
                &counts,
                &sample,
            ))
        }
        Err(errors) => html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::form(
                &viewer(&signed),
                &event,
                &values_of(&form),
                &errors,
                &counts,
                None,
            ),
        ),
    }
}

pub async fn send(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<MessageForm>,
) -> HttpResponse {
    let Posted(signed, form) = posted;
    let slug = slug.into_inner();
    let (group, subject, body) = match checked(&form) {
        Ok(checked) => checked,
        Err(errors) => {
            let event = match event_state(&state, slug).await {
                Ok(event) => event,
                Err(error) => return failure(error),
            };
            return html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::form(
                    &viewer(&signed),
                    &event,
                    &values_of(&form),
                    &errors,
                    &counts(&event),
                    None,
                ),
            );
        }
    };
    let command = Command::Message {
        slug: slug.clone(),
        group,
        subject,
        body,
        actor: signed.actor(),
    };
    match state.engine.submit(command).await {
        Ok(_) => see_other(&format!("/organizer/events/{slug}/message?done=message")),
        Err(error) => match refusal(error) {
            Ok(message) => html_status(
                StatusCode::CONFLICT,
                crate::views::organizer::bare_message("Not sent", &message),
            ),
            Err(error) => failure(error),
        },
    }
}
