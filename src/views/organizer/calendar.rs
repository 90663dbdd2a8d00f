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
        &t!("dash-nav-calendar"),
        viewer,
        html! {
            h1 { (t!("dash-nav-calendar")) }
            (flash(done, None))
            p { (t!("dash-calendar-every-event")) " "
                a href="/organizer/calendar.ics" { (t!("dash-calendar-download")) }
                " " (t!("dash-calendar-signed-in")) }
            h2 { (t!("dash-calendar-subscribe")) }
            p { (t!("dash-calendar-subscribe-hint")) }
            @if let Some(url) = created {
                div.notice.ok role="status" {
                    p { (t!("dash-calendar-new-link")) }
                    p { code.token { (url) } }
                }
            }
            @match live {
                Some(feed) => {
                    p { (t!("dash-calendar-live", at = local(feed.created_at.utc(), chrono_tz::UTC))) }
                    div.actions {
                        (button_form(viewer, "/organizer/calendar/link", &t!("dash-calendar-make-new"), "secondary"))
                        (button_form(viewer, "/organizer/calendar/link/revoke", &t!("dash-calendar-revoke"), "danger"))
                    }
                }
                None => {
                    p { (t!("dash-calendar-no-link")) }
                    (button_form(viewer, "/organizer/calendar/link", &t!("dash-calendar-make"), ""))
                }
            }
        },
    )
}
