//! Organizer API tokens: create one (shown once) and revoke.

use maud::{html, Markup};

use super::{button_form, csrf_field, flash, layout, local, Viewer};
use crate::reads::ApiToken;

pub fn page(
    viewer: &Viewer<'_>,
    tokens: &[ApiToken],
    created: Option<(&str, &str)>,
    done: Option<&str>,
    problem: Option<&str>,
) -> Markup {
    layout(
        "API tokens",
        viewer,
        html! {
            h1 { "API tokens" }
            (flash(done, problem))
            @if let Some((name, token)) = created {
                div.notice.ok role="status" {
                    p { "The token " strong { (name) } " was created. Copy it now: it is shown only this once." }
                    p { code.token { (token) } }
                    p { "Use it as " code { "Authorization: Bearer <token>" } " with the JSON API." }
                }
            }
            form.stack method="post" action="/organizer/tokens" {
                (csrf_field(viewer.csrf))
                div {
                    label for="field-name" { "Name (what the token is for)" }
                    input type="text" id="field-name" name="name" maxlength="100" required;
                }
                div {
                    label for="field-role" { "Role (what the token may do)" }
                    select id="field-role" name="role" {
                        option value="organizer" selected { "organizer: everything on events" }
                        option value="check_in" { "check_in: the door and the participant lists" }
                        option value="owner" { "owner: everything, the team too" }
                    }
                }
                div { button type="submit" { "Create a token" } }
            }
            div.table-scroll role="region" aria-label="API tokens" tabindex="0" { table.data {
                thead { tr { th scope="col" { "Name" } th scope="col" { "Role" } th scope="col" { "Created (UTC)" } th scope="col" { "State" } th scope="col" { "Actions" } } }
                tbody {
                    @for t in tokens {
                        tr {
                            td { (t.name) }
                            td { (t.role.as_str()) }
                            td { (local(t.created_at.utc(), chrono_tz::UTC)) }
                            td { @match t.revoked_at { Some(at) => { "revoked " (local(at.utc(), chrono_tz::UTC)) } None => { "live" } } }
                            td.actions { @if t.revoked_at.is_none() {
                                (button_form(viewer, &format!("/organizer/tokens/{}/revoke", t.id), "Revoke", "danger"))
                            } }
                        }
                    }
                }
            } }
        },
    )
}
