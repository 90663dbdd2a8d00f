//! Writing to a group of participants: form, preview, send through the outbox.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::session::{Posted, SignedIn};
use super::{event_state, refusal, viewer, Flash};
use crate::domain::{FieldErrors, Group, GroupMessage};
use crate::mail::message::organizer_message_sample;
use crate::reads::EventState;
use crate::views::organizer::messages::{self as views, MessageValues};
use crate::web::error::DashboardError;
use crate::web::respond::{html, html_status, see_other};
use crate::web::AppState;

fn counts(state: &EventState) -> Vec<(Group, usize)> {
    Group::ALL
        .iter()
        .map(|g| (*g, g.recipients(&state.ledger)))
        .collect()
}

pub async fn form(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let sent = flash.sent(&state, event.event.id).await?;
    Ok(views::form(
        &viewer(&signed),
        &event,
        &MessageValues::default(),
        &FieldErrors::new(),
        &counts(&event),
        flash.words().as_deref(),
        sent.as_ref(),
    ))
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

fn checked(form: &MessageForm) -> Result<GroupMessage, FieldErrors> {
    GroupMessage::parse(&form.group, &form.subject, &form.body)
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
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let event = event_state(&state, slug.into_inner()).await?;
    let counts = counts(&event);
    Ok(match checked(&form) {
        Ok(message) => {
            let sample = organizer_message_sample(
                &event.event.title,
                &message.subject,
                &message.body,
                &state.public_url,
            );
            html(views::preview(
                &viewer(&signed),
                &event,
                &values_of(&form),
                message.group,
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
                None,
            ),
        ),
    })
}

pub async fn send(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<MessageForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let slug = slug.into_inner();
    let message = match checked(&form) {
        Ok(message) => message,
        Err(errors) => {
            let event = event_state(&state, slug).await?;
            return Ok(html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::form(
                    &viewer(&signed),
                    &event,
                    &values_of(&form),
                    &errors,
                    &counts(&event),
                    None,
                    None,
                ),
            ));
        }
    };
    match state
        .engine
        .message(slug.clone(), message, signed.actor())
        .await
    {
        Ok(sent) => Ok(see_other(&match sent.send {
            Some(send) => format!("/organizer/events/{slug}/message?send={send}"),
            None => format!("/organizer/events/{slug}/message?done=nobody"),
        })),
        Err(error) => Ok(html_status(
            StatusCode::CONFLICT,
            crate::views::organizer::bare_message(&t!("dash-not-sent"), &refusal(error)?),
        )),
    }
}
