//! A webinar series' page: the next webinar (or "to be announced"), then the past
//! episodes newest first, each with its code, date, speakers, abstract and recording.

use maud::{html, Markup};

use super::layout;
use super::pages::when;
use crate::markdown::to_html;
use crate::reads::{EventState, SeriesPage};

/// The speakers of an episode: names with their affiliations (and links, if given).
pub fn speakers(state: &EventState) -> Markup {
    let list = &state.event.speakers.0;
    html! {
        @if !list.is_empty() {
            ul.speakers aria-label=(t!("series-speakers")) {
                @for s in list {
                    li {
                        @if let Some(url) = &s.url { a href=(url) rel="noopener" { (s.name) } }
                        @else { (s.name) }
                        @if let Some(affiliation) = &s.affiliation { span.affiliation { ", " (affiliation) } }
                    }
                }
            }
        }
    }
}

/// An episode's heading words: "S07E02: Title", or the title alone.
pub fn episode_title(state: &EventState) -> String {
    match &state.event.code {
        Some(code) => format!("{code}: {}", state.event.title),
        None => state.event.title.clone(),
    }
}

fn episode(state: &EventState, past: bool) -> Markup {
    let e = &state.event;
    let lang = super::content_lang(state);
    html! {
        article.episode {
            h3 lang=[lang] { a href={"/events/" (e.slug)} { (episode_title(state)) } }
            p.event-when { (when(state)) }
            (speakers(state))
            @if !e.description.is_empty() { div.description lang=[lang] { (to_html(&e.description)) } }
            @if past {
                @if let Some(url) = &e.recording_url {
                    p { a href=(url) rel="noopener" { (t!("series-watch-recording-of", episode = episode_title(state))) } }
                } @else {
                    p.muted { (t!("series-no-recording")) }
                }
            }
        }
    }
}

pub fn series_page(page: &SeriesPage) -> Markup {
    let feed = format!("/series/{}.ics", page.slug);
    layout(
        &page.title,
        html! {
            h1 { (page.title) }
            @if !page.description.is_empty() { div.description { (to_html(&page.description)) } }
            section aria-labelledby="next" {
                h2 #next { (t!("series-next")) }
                @match page.upcoming.first() {
                    Some(next) => {
                        (episode(next, false))
                        @if page.upcoming.len() > 1 {
                            h3 { (t!("series-later")) }
                            ul.events {
                                @for later in &page.upcoming[1..] {
                                    li { a href={"/events/" (later.event.slug)} lang=[super::content_lang(later)] { (episode_title(later)) } " — " (when(later)) }
                                }
                            }
                        }
                    }
                    None => { p.notice { (t!("series-next-tba")) " " a href="/newsletter" { (t!("nav-stay-updated")) } " " (t!("series-hear-when")) } }
                }
            }
            @if !page.past.is_empty() {
                section aria-labelledby="past" {
                    h2 #past { (t!("series-past")) }
                    @for past in &page.past { (episode(past, true)) }
                }
            }
            p { a href=(feed) { (t!("series-subscribe")) } }
        },
    )
}
