//! The calendar feed of every event: download it while signed in, or make a secret link a
//! calendar app subscribes to (shown once, revocable).

use maud::{html, Markup};

use super::{button_form, flash, layout, local, Viewer};
use crate::reads::CalendarFeed;

pub fn page(
    viewer: &Viewer<'_>,
    live: Option<&CalendarFeed>,
    created: Option<&str>,
    done: Option<&str>,
) -> Markup {
    layout(
        "Calendar feed",
        viewer,
        html! {
            h1 { "Calendar feed" }
            (flash(done, None))
            p { "Every event, drafts included, in one calendar: "
                a href="/organizer/calendar.ics" { "download the feed" }
                " while you are signed in." }
            h2 { "Subscribe from a calendar app" }
            p { "A calendar app cannot sign in, so it subscribes through a secret link of your own. Anyone who has the link sees your events (titles, times, venues; no participants), so keep it to yourself, and revoke it if it has been shared." }
            @if let Some(url) = created {
                div.notice.ok role="status" {
                    p { "Your new link is below. Copy it now into your calendar app (“subscribe to a calendar” or “add calendar from URL”): it is shown only this once." }
                    p { code.token { (url) } }
                }
            }
            @match live {
                Some(feed) => {
                    p { "Your link made on " (local(feed.created_at.utc(), chrono_tz::UTC)) " is live. A new link replaces it." }
                    div.actions {
                        (button_form(viewer, "/organizer/calendar/link", "Make a new link", "secondary"))
                        (button_form(viewer, "/organizer/calendar/link/revoke", "Revoke the link", "danger"))
                    }
                }
                None => {
                    p { "You have no live link." }
                    (button_form(viewer, "/organizer/calendar/link", "Make a link", ""))
                }
            }
        },
    )
}
