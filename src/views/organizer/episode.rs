//! The event form's episode fields: series, code, recording and the speakers, one row
//! each with its place in the order (rows are added by filling the blank ones, moved by
//! changing their number, removed by emptying their name), so it all works without script.

use std::collections::BTreeMap;

use maud::{html, Markup};
use serde::Deserialize;

use crate::domain::{EpisodeDraft, FieldErrors, Speaker};
use crate::reads::EventState;
use crate::views::text_field;

/// Blank speaker rows offered below the filled ones.
const BLANK_ROWS: usize = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerValues {
    pub order: String,
    pub name: String,
    pub affiliation: String,
    pub url: String,
}

/// The episode fields as typed. Read from the form's other fields
/// (`speaker-{i}-name` and so on), hence no derive of its own.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "BTreeMap<String, String>")]
pub struct EpisodeValues {
    pub series: String,
    pub code: String,
    pub recording_url: String,
    pub speakers: Vec<SpeakerValues>,
}

impl From<BTreeMap<String, String>> for EpisodeValues {
    fn from(mut fields: BTreeMap<String, String>) -> EpisodeValues {
        let mut take = |key: &str| fields.remove(key).unwrap_or_default();
        let series = take("series");
        let code = take("code");
        let recording_url = take("recording_url");
        let mut speakers = Vec::new();
        for i in 0.. {
            let name = format!("speaker-{i}-name");
            if !fields.contains_key(&name) {
                break;
            }
            let mut take = |part: &str| {
                fields
                    .remove(&format!("speaker-{i}-{part}"))
                    .unwrap_or_default()
            };
            speakers.push(SpeakerValues {
                name: take("name"),
                affiliation: take("affiliation"),
                url: take("url"),
                order: take("order"),
            });
        }
        EpisodeValues {
            series,
            code,
            recording_url,
            speakers,
        }
    }
}

impl EpisodeValues {
    pub fn of(state: &EventState) -> EpisodeValues {
        let e = &state.event;
        EpisodeValues {
            series: e.series.clone().unwrap_or_default(),
            code: e.code.clone().unwrap_or_default(),
            recording_url: e.recording_url.clone().unwrap_or_default(),
            speakers: e
                .speakers
                .0
                .iter()
                .enumerate()
                .map(|(i, s)| SpeakerValues {
                    order: (i + 1).to_string(),
                    name: s.name.clone(),
                    affiliation: s.affiliation.clone().unwrap_or_default(),
                    url: s.url.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// The draft: rows with a name, in the order of their numbers (a row without a
    /// number keeps its place), so `speakers[i]` in an error is the i-th kept row.
    pub fn draft(&self) -> EpisodeDraft {
        let mut rows: Vec<(f64, usize, &SpeakerValues)> = self
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                !s.name.trim().is_empty()
                    || !s.affiliation.trim().is_empty()
                    || !s.url.trim().is_empty()
            })
            .map(|(i, s)| {
                (
                    s.order.trim().parse::<f64>().unwrap_or(i as f64 + 1.0),
                    i,
                    s,
                )
            })
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        EpisodeDraft {
            series: Some(self.series.clone()),
            code: Some(self.code.clone()),
            speakers: rows
                .into_iter()
                .map(|(_, _, s)| Speaker {
                    name: s.name.clone(),
                    affiliation: Some(s.affiliation.clone()),
                    url: Some(s.url.clone()),
                })
                .collect(),
            recording_url: Some(self.recording_url.clone()),
        }
    }

    /// The rows as saved, numbered afresh, for the form shown again with errors.
    pub fn in_order(&self) -> EpisodeValues {
        let draft = self.draft();
        EpisodeValues {
            speakers: draft
                .speakers
                .into_iter()
                .enumerate()
                .map(|(i, s)| SpeakerValues {
                    order: (i + 1).to_string(),
                    name: s.name,
                    affiliation: s.affiliation.unwrap_or_default(),
                    url: s.url.unwrap_or_default(),
                })
                .collect(),
            ..self.clone()
        }
    }
}

/// The fieldset of the form.
pub fn fields(values: &EpisodeValues, errors: &FieldErrors) -> Markup {
    // In the order saved, so an error's `speakers[i]` is the i-th row shown.
    let values = &values.in_order();
    let field = |name: &str, label: &str, kind: &str, value: &str| {
        text_field(name, label, kind, value, errors.get(name), false)
    };
    let blank = SpeakerValues::default();
    let rows = values
        .speakers
        .iter()
        .chain(std::iter::repeat_n(&blank, BLANK_ROWS))
        .enumerate();
    html! {
        fieldset.episode {
            legend { (t!("dash-episode-series-legend")) }
            div.two {
                (field("series", &t!("dash-episode-series"), "text", &values.series))
                (field("code", &t!("dash-episode-code"), "text", &values.code))
            }
            (field("recording_url", &t!("dash-episode-recording"), "url", &values.recording_url))
            @if let Some(e) = errors.get("speakers") { p.field-error { (e.join("; ")) } }
            table.speakers {
                caption { (t!("dash-episode-speakers")) }
                thead { tr { th scope="col" { (t!("dash-episode-col-order")) } th scope="col" { (t!("dash-col-name")) } th scope="col" { (t!("dash-col-affiliation")) } th scope="col" { (t!("dash-episode-col-link")) } } }
                tbody {
                    @for (i, s) in rows {
                        @let id = |part: &str| format!("field-speaker-{i}-{part}");
                        @let name = |part: &str| format!("speaker-{i}-{part}");
                        @let error = |part: &str| errors.get(&format!("speakers[{i}].{part}"));
                        tr {
                            td { input.order type="number" id=(id("order")) name=(name("order")) value=(if s.order.is_empty() { (i + 1).to_string() } else { s.order.clone() }) aria-label=(t!("dash-episode-order-of", n = i + 1)); }
                            td {
                                input type="text" id=(id("name")) name=(name("name")) value=(s.name) aria-label=(t!("dash-episode-name-of", n = i + 1)) aria-invalid=[error("name").map(|_| "true")];
                                @if let Some(e) = error("name") { p.field-error { (e.join("; ")) } }
                            }
                            td {
                                input type="text" id=(id("affiliation")) name=(name("affiliation")) value=(s.affiliation) aria-label=(t!("dash-episode-affiliation-of", n = i + 1)) aria-invalid=[error("affiliation").map(|_| "true")];
                                @if let Some(e) = error("affiliation") { p.field-error { (e.join("; ")) } }
                            }
                            td {
                                input type="url" id=(id("url")) name=(name("url")) value=(s.url) aria-label=(t!("dash-episode-link-of", n = i + 1)) aria-invalid=[error("url").map(|_| "true")];
                                @if let Some(e) = error("url") { p.field-error { (e.join("; ")) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_read_from_their_rows_in_the_order_of_their_numbers() {
        let fields: BTreeMap<String, String> = [
            ("series", "looking-glass"),
            ("speaker-0-order", "2"),
            ("speaker-0-name", "Ada"),
            ("speaker-0-affiliation", "ITU"),
            ("speaker-0-url", ""),
            ("speaker-1-order", "1"),
            ("speaker-1-name", "Grace"),
            ("speaker-1-affiliation", ""),
            ("speaker-1-url", ""),
            ("speaker-2-order", "3"),
            ("speaker-2-name", ""),
            ("speaker-2-affiliation", ""),
            ("speaker-2-url", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let values = EpisodeValues::from(fields);
        let draft = values.draft();
        let names: Vec<&str> = draft.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Grace", "Ada"]);
        assert_eq!(draft.series.as_deref(), Some("looking-glass"));
    }
}
