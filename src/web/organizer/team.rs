//! The team, for owners: everyone who can sign in and their roles, invitations by email
//! (a one-time link), role changes and removals. The last owner can be neither demoted
//! nor removed. Each change is written to the team's log naming who made it, and the
//! page shows the latest.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::session::{NoFields, Posted, SignedIn};
use super::{viewer, Flash};
use crate::domain::{Email, Role};
use crate::services::accounts::{self, TeamChange};
use crate::services::team::{self, Invited};
use crate::views::organizer::team as views;
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::{html_status, see_other};
use crate::web::AppState;

pub async fn page(
    state: web::Data<AppState>,
    signed: SignedIn,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let (members, changes) = state.database.run(team::members_and_changes).await?;
    Ok(views::page(
        &viewer(&signed),
        &members,
        &changes,
        &views::InviteValues::default(),
        flash.words().as_deref(),
        None,
    ))
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

pub async fn invite(
    state: web::Data<AppState>,
    posted: Posted<InviteForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let values = views::InviteValues {
        email: form.email.clone(),
        role: form.role.clone(),
    };
    let parsed = match (Email::parse(&form.email), form.role.parse::<Role>()) {
        (Ok(email), Ok(role)) => Ok((email, role)),
        (Err(problem), _) => Err(t!(
            "dash-team-address-problem",
            problem = problem.to_string()
        )),
        (_, Err(problem)) => Err(t!("dash-role-problem", problem = problem.to_string())),
    };
    let (email, role) = match parsed {
        Ok(parsed) => parsed,
        Err(problem) => return refused(&state, &signed, &values, &problem).await,
    };
    let inviter = signed.organizer.email.clone();
    let actor = signed.actor();
    let site_name = crate::views::site().name.clone();
    let public_url = state.public_url.clone();
    let address = email.clone();
    let invited = state
        .database
        .run(move |conn| {
            team::invite(
                conn,
                &address,
                role,
                &inviter,
                &actor,
                &site_name,
                &public_url,
            )
        })
        .await?;
    match invited {
        Invited::Sent => {
            tracing::info!(actor = %signed.actor(), invited = email.as_str(), %role, "team invitation sent");
            Ok(see_other("/organizer/team?done=invited"))
        }
        Invited::AlreadyMember => {
            let problem = format!(
                "{} is on the team already: change their role below.",
                email.as_str()
            );
            refused(&state, &signed, &values, &problem).await
        }
    }
}

async fn refused(
    state: &AppState,
    signed: &SignedIn,
    values: &views::InviteValues,
    problem: &str,
) -> Result<HttpResponse, DashboardError> {
    let (members, changes) = state.database.run(team::members_and_changes).await?;
    Ok(html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::page(
            &viewer(signed),
            &members,
            &changes,
            values,
            None,
            Some(problem),
        ),
    ))
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn change_role(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    posted: Posted<RoleForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let role = match form.role.parse::<Role>() {
        Ok(role) => role,
        Err(problem) => {
            let values = views::InviteValues::default();
            let problem = t!("dash-role-problem", problem = problem.to_string());
            return refused(&state, &signed, &values, &problem).await;
        }
    };
    changed(&state, &signed, id.into_inner(), Some(role), "role").await
}

pub async fn remove(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    posted: Posted<NoFields>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, _) = posted;
    changed(&state, &signed, id.into_inner(), None, "removed").await
}

async fn changed(
    state: &AppState,
    signed: &SignedIn,
    id: i64,
    role: Option<Role>,
    done: &str,
) -> Result<HttpResponse, DashboardError> {
    let actor = signed.actor();
    let change = state
        .database
        .run(move |conn| accounts::change_member(conn, id, role, &actor))
        .await?;
    match change {
        TeamChange::Done => {
            tracing::info!(actor = %signed.actor(), member = id, role = ?role, "team changed");
            Ok(see_other(&format!("/organizer/team?done={done}")))
        }
        TeamChange::LastOwner => Err(DashboardError(PageError::refused(
            t!("dash-not-changed"),
            t!("dash-team-needs-owner"),
        ))),
        TeamChange::Unknown => Err(DashboardError(PageError::NotFound)),
    }
}
