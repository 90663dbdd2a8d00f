//! Signing in, and setting a password from a one-time link.

use maud::{html, Markup};

use super::bare;

pub fn sign_in(token: &str, email: &str, problem: Option<&str>) -> Markup {
    bare(
        "Sign in",
        html! {
            h1 { "Sign in" }
            p { "For the organizers of an event. A new organizer gets a link to set a password from " code { "registrar organizer add EMAIL" } "." }
            @if let Some(problem) = problem { p.notice.bad role="alert" { (problem) } }
            form.stack method="post" action="/organizer/login" {
                input type="hidden" name="csrf" value=(token);
                div {
                    label for="field-email" { "Email" }
                    input type="email" id="field-email" name="email" value=(email) autocomplete="username" required;
                }
                div {
                    label for="field-password" { "Password" }
                    input type="password" id="field-password" name="password" autocomplete="current-password" required;
                }
                div { button type="submit" { "Sign in" } }
            }
        },
    )
}

pub fn set_password(token: &str, email: &str, problem: Option<&str>) -> Markup {
    bare(
        "Set your password",
        html! {
            h1 { "Set your password" }
            p { "For " strong { (email) } ". This link works once." }
            @if let Some(problem) = problem { p.notice.bad role="alert" { (problem) } }
            form.stack method="post" action={"/organizer/welcome/" (token)} {
                div {
                    label for="field-password" { "New password (at least 10 characters)" }
                    input type="password" id="field-password" name="password" autocomplete="new-password" minlength="10" required
                        aria-invalid=[problem.map(|_| "true")];
                }
                div {
                    label for="field-repeat" { "The same password again" }
                    input type="password" id="field-repeat" name="repeat" autocomplete="new-password" required;
                }
                div { button type="submit" { "Set password and sign in" } }
            }
        },
    )
}
