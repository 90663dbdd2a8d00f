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
        &t!("dash-nav-tokens"),
        viewer,
        html! {
            h1 { (t!("dash-nav-tokens")) }
            (flash(done, problem))
            @if let Some((name, token)) = created {
                div.notice.ok role="status" {
                    p { (t!("dash-tokens-the-token")) " " strong { (name) } " " (t!("dash-tokens-created")) }
                    p { code.token { (token) } }
                    p { (t!("dash-tokens-use-as")) " " code { "Authorization: Bearer <token>" } " " (t!("dash-tokens-with-api")) }
                }
            }
            form.stack method="post" action="/organizer/tokens" {
                (csrf_field(viewer.csrf))
                div {
                    label for="field-name" { (t!("dash-tokens-name")) }
                    input type="text" id="field-name" name="name" maxlength="100" required;
                }
                div {
                    label for="field-role" { (t!("dash-tokens-role")) }
                    select id="field-role" name="role" {
                        option value="organizer" selected { (t!("dash-tokens-role-organizer")) }
                        option value="check_in" { (t!("dash-tokens-role-check-in")) }
                        option value="owner" { (t!("dash-tokens-role-owner")) }
                    }
                }
                div { button type="submit" { (t!("dash-tokens-create")) } }
            }
            div.table-scroll role="region" aria-label=(t!("dash-nav-tokens")) tabindex="0" { table.data {
                thead { tr { th scope="col" { (t!("dash-col-name")) } th scope="col" { (t!("dash-team-role")) } th scope="col" { (t!("dash-outbox-col-created")) } th scope="col" { (t!("dash-invitations-col-state")) } th scope="col" { (t!("dash-col-actions")) } } }
                tbody {
                    @for t in tokens {
                        tr {
                            td { (t.name) }
                            td { (t.role.as_str()) }
                            td { (local(t.created_at.utc(), chrono_tz::UTC)) }
                            td { @match t.revoked_at { Some(at) => { (t!("dash-tokens-revoked-at", at = local(at.utc(), chrono_tz::UTC))) } None => { (t!("dash-tokens-live")) } } }
                            td.actions { @if t.revoked_at.is_none() {
                                (button_form(viewer, &format!("/organizer/tokens/{}/revoke", t.id), &t!("dash-registrations-revoke"), "danger"))
                            } }
                        }
                    }
                }
            } }
        },
    )
}
