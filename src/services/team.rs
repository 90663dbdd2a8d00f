//! The organizer team: invitations by email (a one-time link to set a password, as the
//! command line makes for the first organizer), and who holds which role.

use chrono::{Duration, Utc};

use super::accounts::{Organizer, LINK_DAYS};
use crate::domain::{Email, Language, Role};
use crate::mail::team::team_invitation;
use crate::store::audit;
pub use crate::store::audit::TeamChangeRow as TeamChangeEntry;
use crate::store::outbox::NewOutboxRow;
use crate::store::{self, organizers, outbox, DbConnection, DbTime};

/// What an invitation came to.
pub enum Invited {
    /// The email with the link is in the outbox.
    Sent,
    /// The address is on the team already: nothing was sent.
    AlreadyMember,
}

/// Adds someone to the team with a role and emails them a one-time link to set their
/// password, in one transaction with its outbox row and its row in the team's log, which
/// names `actor`.
pub fn invite(
    conn: &mut DbConnection,
    email: &Email,
    role: Role,
    inviter: &str,
    actor: &str,
    site_name: &str,
    public_url: &str,
) -> store::QueryResult<Invited> {
    store::in_transaction(conn, |conn| {
        if organizers::by_email(conn, email.as_str())?.is_some() {
            return Ok(Invited::AlreadyMember);
        }
        let now = Utc::now().naive_utc();
        let id = organizers::ensure(conn, email.as_str(), role, now)?;
        audit::team_change(
            conn,
            now,
            actor,
            email.as_str(),
            &format!("invited as {role}"),
        )?;
        let token = organizers::mint_link(conn, id, now + Duration::days(LINK_DAYS))?;
        let link = format!("{public_url}/organizer/welcome/{token}");
        let mail = team_invitation(site_name, inviter, role, &link, LINK_DAYS);
        outbox::insert(
            conn,
            &[NewOutboxRow {
                event_id: None,
                registration_id: None,
                kind: mail.kind.to_owned(),
                recipient: email.as_str().to_owned(),
                subject: mail.subject,
                body_text: Some(mail.text),
                body_html: Some(mail.html),
                calendar: None,
                status: "pending".into(),
                next_attempt_at: DbTime(now),
                created_at: DbTime(now),
                details: None,
                link: None,
                send_id: None,
                // The dashboard, where the team works, is in English.
                language: Language::default(),
            }],
        )?;
        Ok(Invited::Sent)
    })
}

/// How many of the team's latest changes its page shows.
pub const RECENT_CHANGES: i64 = 20;

/// The team and its latest changes, newest first: who did what to whom.
pub fn members_and_changes(
    conn: &mut DbConnection,
) -> store::QueryResult<(Vec<Organizer>, Vec<TeamChangeEntry>)> {
    Ok((
        organizers::all(conn)?,
        audit::team_changes(conn, RECENT_CHANGES)?,
    ))
}
