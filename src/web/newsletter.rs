//! The "stay updated" list: sign-up with double opt-in, the confirmation link, and the
//! one-click unsubscribe link (also posted to by mail programs, RFC 8058). Each change and
//! the email reporting it are written in one transaction; the mail worker delivers it.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::error::ApiError;
use super::pages::{failure, form_config, html};
use super::AppState;
use crate::domain::Email;
use crate::domain::FieldErrors;
use crate::mail::{compose_newsletter, NewsletterMail};
use crate::store::outbox::NewOutboxRow;
use crate::store::{self, newsletter, outbox, to_db_time, DbConnection, DbTime};
use crate::views::newsletter as views;

async fn sign_up_page() -> HttpResponse {
    html(views::sign_up(
        &views::SignUpValues::default(),
        &FieldErrors::new(),
    ))
}

#[derive(Deserialize)]
struct SignUpForm {
    #[serde(default)]
    email: String,
    consent: Option<String>,
    /// The honeypot: people leave it empty, form-filling bots do not.
    #[serde(default)]
    website: String,
}

async fn sign_up(state: web::Data<AppState>, form: web::Form<SignUpForm>) -> HttpResponse {
    let form = form.into_inner();
    if !form.website.is_empty() {
        // Answer a bot exactly as a person, and store nothing.
        return html(views::check_inbox());
    }
    let mut errors = FieldErrors::new();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.insert("email".into(), vec![e.0]))
        .ok();
    if form.consent.is_none() {
        errors.insert(
            "consent".into(),
            vec!["you must agree to the privacy notice to sign up".into()],
        );
    }
    let email = match email {
        Some(email) if errors.is_empty() => email,
        _ => {
            let values = views::SignUpValues {
                email: form.email,
                consent: form.consent.is_some(),
            };
            return HttpResponse::UnprocessableEntity()
                .content_type("text/html; charset=utf-8")
                .body(views::sign_up(&values, &errors).into_string());
        }
    };
    let public_url = state.public_url.clone();
    // A known address gets a confirmation link again, and the same answer as a new one,
    // so the form does not reveal who is on the list.
    let done = write(&state, move |conn| {
        let now = to_db_time(Utc::now());
        let subscriber = newsletter::find_or_add(conn, email.as_str(), now)?;
        let token = newsletter::mint_token(conn, subscriber.id, now)?;
        let link = format!("{public_url}/newsletter/confirm/{token}");
        enqueue(conn, &subscriber.email, &NewsletterMail::Confirm, &link)
    })
    .await;
    match done {
        Ok(()) => html(views::check_inbox()),
        Err(e) => failure(e),
    }
}

async fn confirm(state: web::Data<AppState>, token: web::Path<String>) -> HttpResponse {
    let token = token.into_inner();
    let done = write(&state, move |conn| {
        let Some(subscriber) = newsletter::by_token(conn, &token)? else {
            return Ok(false);
        };
        newsletter::confirm(conn, subscriber.id, to_db_time(Utc::now()))?;
        Ok(true)
    })
    .await;
    match done {
        Ok(true) => html(views::subscribed()),
        Ok(false) => unknown_link(),
        Err(e) => failure(e),
    }
}

/// One click, no questions: the link in the email and the mail program's button both land
/// here. Removing the address and writing the goodbye email share a transaction.
async fn unsubscribe(state: web::Data<AppState>, token: web::Path<String>) -> HttpResponse {
    let token = token.into_inner();
    let public_url = state.public_url.clone();
    let done = write(&state, move |conn| {
        let Some(subscriber) = newsletter::by_token(conn, &token)? else {
            return Ok(false);
        };
        newsletter::remove(conn, subscriber.id)?;
        if subscriber.confirmed_at.is_some() {
            let link = format!("{public_url}/newsletter");
            enqueue(
                conn,
                &subscriber.email,
                &NewsletterMail::Unsubscribed,
                &link,
            )?;
        }
        Ok(true)
    })
    .await;
    match done {
        Ok(true) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(views::unsubscribed().into_string()),
        Ok(false) => unknown_link(),
        Err(e) => failure(e),
    }
}

fn unknown_link() -> HttpResponse {
    HttpResponse::build(StatusCode::NOT_FOUND)
        .content_type("text/html; charset=utf-8")
        .body(views::unknown_link().into_string())
}

/// Writes a newsletter email to the outbox on the connection's open transaction.
fn enqueue(
    conn: &mut DbConnection,
    recipient: &str,
    mail: &NewsletterMail<'_>,
    link: &str,
) -> store::QueryResult<()> {
    let now = to_db_time(Utc::now());
    let composed = compose_newsletter(mail, link);
    outbox::insert(
        conn,
        &[NewOutboxRow {
            event_id: None,
            registration_id: None,
            kind: composed.kind.to_owned(),
            recipient: recipient.to_owned(),
            subject: composed.subject,
            body_text: Some(composed.text),
            body_html: Some(composed.html),
            calendar: None,
            status: "pending".into(),
            next_attempt_at: DbTime(now),
            created_at: DbTime(now),
            details: None,
            link: None,
        }],
    )
}

/// Puts one issue of the newsletter into the outbox for every confirmed subscriber, each
/// with its own one-click unsubscribe link (the mail worker also puts it in the
/// `List-Unsubscribe` header); for the organizers' pages. Returns how many were written.
pub fn send_issue(
    conn: &mut DbConnection,
    public_url: &str,
    subject: &str,
    body: &str,
) -> store::QueryResult<usize> {
    store::in_transaction(conn, |conn| {
        let now = to_db_time(Utc::now());
        let subscribers = newsletter::confirmed(conn)?;
        for subscriber in &subscribers {
            let token = newsletter::mint_token(conn, subscriber.id, now)?;
            let link = format!("{public_url}/newsletter/unsubscribe/{token}");
            enqueue(
                conn,
                &subscriber.email,
                &NewsletterMail::Issue { subject, body },
                &link,
            )?;
        }
        Ok(subscribers.len())
    })
}

/// Runs `work` in one write transaction on a pooled connection, off the async threads.
async fn write<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&mut DbConnection) -> store::QueryResult<T> + Send + 'static,
) -> Result<T, ApiError> {
    let pool = state.pool.clone();
    web::block(move || {
        let mut conn = pool.get()?;
        store::in_transaction(&mut conn, work).map_err(ApiError::from)
    })
    .await?
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/newsletter")
            .app_data(form_config())
            .route(web::get().to(sign_up_page))
            .route(web::post().to(sign_up)),
    )
    .route("/newsletter/confirm/{token}", web::get().to(confirm))
    .route(
        "/newsletter/unsubscribe/{token}",
        web::get().to(unsubscribe),
    )
    .route(
        "/newsletter/unsubscribe/{token}",
        web::post().to(unsubscribe),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::worker::build_message;

    #[test]
    fn an_issue_goes_to_confirmed_subscribers_only_with_a_list_unsubscribe_header() {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("news.db").display().to_string();
        let mut conn = store::ConnectionManager::new(&url).establish().unwrap();
        store::migrate(&mut conn).unwrap();
        let now = to_db_time(Utc::now());
        let confirmed = newsletter::find_or_add(&mut conn, "ada@example.org", now).unwrap();
        newsletter::confirm(&mut conn, confirmed.id, now).unwrap();
        newsletter::find_or_add(&mut conn, "unconfirmed@example.org", now).unwrap();

        let sent = send_issue(&mut conn, "http://x", "Next webinar", "On datasets.").unwrap();
        assert_eq!(sent, 1);
        let later = now + chrono::Duration::seconds(1);
        let claimed = outbox::claim_due(&mut conn, later, later, 10).unwrap();
        assert_eq!(claimed.len(), 1);
        let row = &claimed[0];
        assert_eq!(row.recipient, "ada@example.org");
        let from = "registrar <registrar@localhost>".parse().unwrap();
        let raw = String::from_utf8(build_message(row, &from, "x").unwrap().formatted()).unwrap();
        assert!(
            raw.contains("List-Unsubscribe: <http://x/newsletter/unsubscribe/"),
            "{raw}"
        );
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        let token = raw
            .split("/newsletter/unsubscribe/")
            .nth(1)
            .unwrap()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>();
        assert_eq!(
            newsletter::by_token(&mut conn, &token)
                .unwrap()
                .map(|s| s.id),
            Some(confirmed.id),
            "the link unsubscribes this very subscriber"
        );
    }
}
