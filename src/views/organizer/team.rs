//! The team page, for owners: the members and their roles, and the form to invite one.

use maud::{html, Markup};

use super::{button_form, csrf_field, flash, layout, local, Viewer};
use crate::domain::Role;
use crate::services::accounts::Organizer;
use crate::services::team::TeamChangeEntry;

/// The invitation form as typed, kept when it is refused.
#[derive(Debug, Clone, Default)]
pub struct InviteValues {
    pub email: String,
    pub role: String,
}

fn role_label(role: Role) -> String {
    match role {
        Role::Owner => t!("dash-team-role-owner"),
        Role::Organizer => t!("dash-team-role-organizer"),
        Role::CheckIn => t!("dash-team-role-check-in"),
    }
}

fn role_options(selected: &str) -> Markup {
    html! {
        @for role in Role::ALL {
            option value=(role.as_str()) selected[selected == role.as_str()] { (role_label(*role)) }
        }
    }
}

pub fn page(
    viewer: &Viewer<'_>,
    members: &[Organizer],
    changes: &[TeamChangeEntry],
    values: &InviteValues,
    done: Option<&str>,
    problem: Option<&str>,
) -> Markup {
    let chosen = if values.role.is_empty() {
        Role::Organizer.as_str()
    } else {
        values.role.as_str()
    };
    layout(
        &t!("dash-team-title"),
        viewer,
        html! {
            h1 { (t!("dash-team-title")) }
            (flash(done, None))
            h2 { (t!("dash-team-invite")) }
            form.stack method="post" action="/organizer/team/invite" {
                (csrf_field(viewer.csrf))
                div {
                    label for="field-email" { (t!("dash-team-email")) }
                    input type="email" id="field-email" name="email" value=(values.email) required
                        aria-describedby=[problem.map(|_| "invite-problem")] aria-invalid=[problem.map(|_| "true")];
                    @if let Some(problem) = problem { p.field-error #invite-problem role="alert" { (problem) } }
                }
                div {
                    label for="field-role" { (t!("dash-team-role")) }
                    select id="field-role" name="role" { (role_options(chosen)) }
                }
                p.hint { (t!("dash-team-invite-hint")) }
                div { button type="submit" { (t!("dash-team-send-invitation")) } }
            }
            h2 { (t!("dash-team-members")) }
            div.table-scroll role="region" aria-label=(t!("dash-team-members")) tabindex="0" { table.data {
                thead { tr { th scope="col" { (t!("dash-col-email")) } th scope="col" { (t!("dash-team-role")) } th scope="col" { (t!("dash-team-col-since")) } th scope="col" { (t!("dash-col-actions")) } } }
                tbody {
                    @for m in members {
                        tr {
                            td { (m.email) @if m.password_hash.is_none() { " " span.badge { (t!("dash-team-invited")) } } }
                            td {
                                form.inline method="post" action={"/organizer/team/" (m.id) "/role"} {
                                    (csrf_field(viewer.csrf))
                                    label.visually-hidden for={"role-" (m.id)} { (t!("dash-team-role-of", email = m.email.as_str())) }
                                    select id={"role-" (m.id)} name="role" { (role_options(m.role.as_str())) }
                                    " " button.secondary type="submit" { (t!("dash-team-change")) }
                                }
                            }
                            td { (local(m.created_at.and_utc(), chrono_tz::UTC)) }
                            td.actions { (button_form(viewer, &format!("/organizer/team/{}/remove", m.id), &t!("dash-team-remove", email = m.email.as_str()), "danger")) }
                        }
                    }
                }
            } }
            h2 #recent-changes { (t!("dash-team-recent")) }
            @if changes.is_empty() {
                p { (t!("dash-team-no-change")) }
            } @else {
                div.table-scroll role="region" aria-labelledby="recent-changes" tabindex="0" { table.data {
                    thead { tr { th scope="col" { (t!("dash-team-col-when")) } th scope="col" { (t!("dash-team-col-who")) } th scope="col" { (t!("dash-team-col-member")) } th scope="col" { (t!("dash-team-col-change")) } } }
                    tbody {
                        @for c in changes {
                            tr {
                                td { (local(c.at.and_utc(), chrono_tz::UTC)) }
                                td { (c.actor) }
                                td { (c.member) }
                                td { (c.note) }
                            }
                        }
                    }
                } }
            }
        },
    )
}
