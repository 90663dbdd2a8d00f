//! Who is in the room: for each summarized question, a table of how many of those
//! invited, waiting and confirmed gave each answer, and a bar chart of it. Withheld
//! counts (fewer than 5, or hidden with one) read "not shown" in both.

use maud::{html, Markup};

use super::{event_tabs, layout, Viewer};
use crate::domain::representation::{Shown, MIN_COUNT};
use crate::domain::Question;

/// The groups counted, in the order of the table's columns and the chart's bars.
fn columns() -> [String; 3] {
    [
        t!("dash-representation-invited"),
        t!("dash-gauge-waiting"),
        t!("dash-gauge-confirmed"),
    ]
}

fn not_shown() -> String {
    t!("dash-representation-not-shown")
}

fn cell(count: Option<u32>) -> Markup {
    html! {
        @match count {
            Some(n) => { (n) }
            None => { span.withheld { (not_shown()) } }
        }
    }
}

fn table(i: usize, q: &Question, shown: &Shown) -> Markup {
    html! {
        div.table-scroll role="region" aria-labelledby=(format!("question-{i}")) tabindex="0" {
            table.data id=(format!("counts-{i}")) {
                caption id=(format!("question-{i}")) { (q.label) }
                thead { tr { th scope="col" { (t!("dash-registrations-answer")) } @for c in columns() { th scope="col" { (c) } } } }
                tbody {
                    @for (value, counts) in &shown.rows {
                        tr { th scope="row" { (value) } @for c in counts { td { (cell(*c)) } } }
                    }
                    tr { th scope="row" { (t!("dash-representation-no-answer")) } @for c in &shown.unanswered { td { (cell(*c)) } } }
                }
                tfoot { tr { th scope="row" { (t!("dash-representation-everyone")) } @for c in &shown.total { td { (cell(*c)) } } } }
            }
        }
    }
}

/// Bars per answer, one per group, each labelled with its group and count, so the chart
/// reads without its colours; the table before it says the same in text.
fn chart(shown: &Shown) -> Markup {
    let no_answer = t!("dash-representation-no-answer");
    let columns = columns();
    let rows: Vec<(&str, [Option<u32>; 3])> = shown
        .rows
        .iter()
        .map(|(v, c)| (v.as_str(), *c))
        .chain([(no_answer.as_str(), shown.unanswered)])
        .collect();
    let top = rows
        .iter()
        .flat_map(|(_, c)| c.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, bar_w, bar_h, gap) = (170.0, 330.0, 14.0, 4.0);
    let row_h = 3.0 * (bar_h + gap) + 14.0;
    let height = row_h * rows.len() as f64 + 4.0;
    html! {
        svg.bars viewBox={"0 0 600 " (format!("{height:.0}"))} width="100%" role="img"
            aria-label=(t!("dash-representation-chart-label", n = shown.rows.len())) {
            @for (r, (value, counts)) in rows.iter().enumerate() {
                @let y0 = r as f64 * row_h + 12.0;
                text.answer x="0" y=(format!("{y0:.0}")) { (value) }
                @for (g, count) in counts.iter().enumerate() {
                    @let y = y0 + 4.0 + g as f64 * (bar_h + gap);
                    text x="0" y=(format!("{:.0}", y + bar_h - 3.0)) { (columns[g]) }
                    @match count {
                        Some(n) => {
                            @let w = bar_w * f64::from(*n) / f64::from(top);
                            rect class={"bar bar-" (g)} x=(label_w) y=(format!("{y:.1}")) width=(format!("{w:.1}")) height=(bar_h) {}
                            text x=(format!("{:.1}", label_w + w + 4.0)) y=(format!("{:.0}", y + bar_h - 3.0)) { (n) }
                        }
                        None => {
                            text.withheld x=(format!("{:.1}", label_w + 4.0)) y=(format!("{:.0}", y + bar_h - 3.0)) { (not_shown()) }
                        }
                    }
                }
            }
        }
    }
}

pub fn page(
    viewer: &Viewer<'_>,
    slug: &str,
    title: &str,
    questions: &[(Question, Shown)],
) -> Markup {
    let heading = t!("dash-representation-heading", title = title);
    layout(
        &heading,
        viewer,
        html! {
            h1 { (heading) }
            (event_tabs(slug, "/representation"))
            p { (t!("dash-representation-intro")) }
            p.hint { (t!("dash-representation-hint", not_shown = not_shown(), min = MIN_COUNT, below = MIN_COUNT - 1)) }
            @if questions.is_empty() {
                p.notice { (t!("dash-representation-none")) " " a href={"/organizer/events/" (slug) "/questions"} { (t!("dash-groups-questions-page")) } "." }
            }
            @for (i, (q, shown)) in questions.iter().enumerate() {
                section.representation aria-labelledby=(format!("heading-{i}")) {
                    h2 id=(format!("heading-{i}")) { (q.label) }
                    (table(i, q, shown))
                    (chart(shown))
                }
            }
        },
    )
}
