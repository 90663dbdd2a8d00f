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

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Owner => "Owner: everything, the team too",
        Role::Organizer => "Organizer: everything on events",
        Role::CheckIn => "Check-in: the door and the participant lists",
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
        "Team",
        viewer,
        html! {
            h1 { "Team" }
            (flash(done, None))
            h2 { "Invite someone" }
            form.stack method="post" action="/organizer/team/invite" {
                (csrf_field(viewer.csrf))
                div {
                    label for="field-email" { "Email address" }
                    input type="email" id="field-email" name="email" value=(values.email) required
                        aria-describedby=[problem.map(|_| "invite-problem")] aria-invalid=[problem.map(|_| "true")];
                    @if let Some(problem) = problem { p.field-error #invite-problem role="alert" { (problem) } }
                }
                div {
                    label for="field-role" { "Role" }
                    select id="field-role" name="role" { (role_options(chosen)) }
                }
                p.hint { "They get an email with a one-time link to set their password." }
                div { button type="submit" { "Send the invitation" } }
            }
            h2 { "Members" }
            div.table-scroll role="region" aria-label="Members" tabindex="0" { table.data {
                thead { tr { th scope="col" { "Email" } th scope="col" { "Role" } th scope="col" { "Since (UTC)" } th scope="col" { "Actions" } } }
                tbody {
                    @for m in members {
                        tr {
                            td { (m.email) @if m.password_hash.is_none() { " " span.badge { "invited" } } }
                            td {
                                form.inline method="post" action={"/organizer/team/" (m.id) "/role"} {
                                    (csrf_field(viewer.csrf))
                                    label.visually-hidden for={"role-" (m.id)} { "Role of " (m.email) }
                                    select id={"role-" (m.id)} name="role" { (role_options(m.role.as_str())) }
                                    " " button.secondary type="submit" { "Change" }
                                }
                            }
                            td { (local(m.created_at.and_utc(), chrono_tz::UTC)) }
                            td.actions { (button_form(viewer, &format!("/organizer/team/{}/remove", m.id), &format!("Remove {}", m.email), "danger")) }
                        }
                    }
                }
            } }
            h2 #recent-changes { "Recent changes" }
            @if changes.is_empty() {
                p { "No change to the team yet." }
            } @else {
                div.table-scroll role="region" aria-labelledby="recent-changes" tabindex="0" { table.data {
                    thead { tr { th scope="col" { "When (UTC)" } th scope="col" { "Who" } th scope="col" { "Member" } th scope="col" { "Change" } } }
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
