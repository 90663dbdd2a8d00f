//! Signing in, and setting a password from a one-time link.

use maud::{html, Markup};

use super::bare;

pub fn sign_in(token: &str, email: &str, problem: Option<&str>) -> Markup {
    bare(
        &t!("dash-sign-in-title"),
        html! {
            h1 { (t!("dash-sign-in-title")) }
            p { (t!("dash-sign-in-intro")) " " code { "registrar organizer add EMAIL" } "." }
            @if let Some(problem) = problem { p.notice.bad role="alert" { (problem) } }
            form.stack method="post" action="/organizer/login" {
                input type="hidden" name="csrf" value=(token);
                div {
                    label for="field-email" { (t!("dash-col-email")) }
                    input type="email" id="field-email" name="email" value=(email) autocomplete="username" required;
                }
                div {
                    label for="field-password" { (t!("dash-sign-in-password")) }
                    input type="password" id="field-password" name="password" autocomplete="current-password" required;
                }
                div { button type="submit" { (t!("dash-sign-in-title")) } }
            }
        },
    )
}

pub fn set_password(token: &str, email: &str, problem: Option<&str>) -> Markup {
    bare(
        &t!("dash-set-password-title"),
        html! {
            h1 { (t!("dash-set-password-title")) }
            p { (t!("dash-set-password-for")) " " strong { (email) } ". " (t!("dash-set-password-once")) }
            @if let Some(problem) = problem { p.notice.bad role="alert" { (problem) } }
            form.stack method="post" action={"/organizer/welcome/" (token)} {
                div {
                    label for="field-password" { (t!("dash-set-password-new")) }
                    input type="password" id="field-password" name="password" autocomplete="new-password" minlength="10" required
                        aria-invalid=[problem.map(|_| "true")];
                }
                div {
                    label for="field-repeat" { (t!("dash-set-password-repeat")) }
                    input type="password" id="field-repeat" name="repeat" autocomplete="new-password" required;
                }
                div { button type="submit" { (t!("dash-set-password-submit")) } }
            }
        },
    )
}
