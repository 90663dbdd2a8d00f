//! An event as an episode of a webinar series: the series it belongs to, its code
//! ("S07E02"), its speakers and, once it has happened, the link to its recording. Read
//! and checked with the rest of an event's settings (see [`super::event_settings`]).

use serde::{Deserialize, Serialize};

use super::event_settings::web_link;
use super::{FieldErrors, Slug};

pub const CODE_MAX: usize = 20;
pub const SPEAKERS_MAX: usize = 20;
pub const SPEAKER_NAME_MAX: usize = 200;
pub const SPEAKER_AFFILIATION_MAX: usize = 300;

/// Someone who speaks at an episode, as the series page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Speaker {
    pub name: String,
    pub affiliation: Option<String>,
    pub url: Option<String>,
}

/// The episode settings of an event, checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Episode {
    pub series: Option<Slug>,
    pub code: Option<String>,
    pub speakers: Vec<Speaker>,
    pub recording_url: Option<String>,
}

/// The episode settings as an edge read them; blank texts mean none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EpisodeDraft {
    pub series: Option<String>,
    pub code: Option<String>,
    pub speakers: Vec<Speaker>,
    pub recording_url: Option<String>,
}

/// A change to the episode settings; `None` leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EpisodePatch {
    pub series: Option<Option<String>>,
    pub code: Option<Option<String>>,
    pub speakers: Option<Vec<Speaker>>,
    pub recording_url: Option<Option<String>>,
}

fn add(errors: &mut FieldErrors, field: &str, message: impl Into<String>) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(message.into());
}

fn blank_is_none(raw: &Option<String>) -> Option<&str> {
    raw.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// One line of at most `max` characters with no control characters, or an error.
fn one_line(raw: &str, max: usize) -> Result<String, String> {
    let value = raw.trim();
    if value.chars().count() > max {
        return Err(format!("must be at most {max} characters"));
    }
    if value.chars().any(char::is_control) {
        return Err("must not contain control characters".into());
    }
    Ok(value.to_owned())
}

impl Episode {
    /// The checked settings, every bad field added to `errors` (a speaker's as
    /// `speakers[i].name` and so on).
    pub fn parse(draft: &EpisodeDraft, errors: &mut FieldErrors) -> Episode {
        let series = blank_is_none(&draft.series).and_then(|raw| {
            Slug::parse(raw)
                .map_err(|e| add(errors, "series", e.0))
                .ok()
        });
        let code = blank_is_none(&draft.code).and_then(|raw| {
            one_line(raw, CODE_MAX)
                .map_err(|e| add(errors, "code", e))
                .ok()
        });
        let recording_url = blank_is_none(&draft.recording_url).and_then(|raw| {
            web_link(raw)
                .map_err(|e| add(errors, "recording_url", e))
                .ok()
        });
        if draft.speakers.len() > SPEAKERS_MAX {
            add(
                errors,
                "speakers",
                format!("must list at most {SPEAKERS_MAX} speakers"),
            );
        }
        let mut speakers = Vec::with_capacity(draft.speakers.len());
        for (i, speaker) in draft.speakers.iter().enumerate() {
            let field = |name: &str| format!("speakers[{i}].{name}");
            let name = match one_line(&speaker.name, SPEAKER_NAME_MAX) {
                Ok(name) if name.is_empty() => {
                    add(errors, &field("name"), "is required");
                    continue;
                }
                Ok(name) => name,
                Err(e) => {
                    add(errors, &field("name"), e);
                    continue;
                }
            };
            let affiliation = match blank_is_none(&speaker.affiliation) {
                None => None,
                Some(raw) => match one_line(raw, SPEAKER_AFFILIATION_MAX) {
                    Ok(a) => Some(a),
                    Err(e) => {
                        add(errors, &field("affiliation"), e);
                        continue;
                    }
                },
            };
            let url = match blank_is_none(&speaker.url) {
                None => None,
                Some(raw) => match web_link(raw) {
                    Ok(url) => Some(url),
                    Err(e) => {
                        add(errors, &field("url"), e);
                        continue;
                    }
                },
            };
            speakers.push(Speaker {
                name,
                affiliation,
                url,
            });
        }
        Episode {
            series,
            code,
            speakers,
            recording_url,
        }
    }

    pub fn draft(&self) -> EpisodeDraft {
        EpisodeDraft {
            series: self.series.as_ref().map(|s| s.as_str().to_owned()),
            code: self.code.clone(),
            speakers: self.speakers.clone(),
            recording_url: self.recording_url.clone(),
        }
    }
}

impl EpisodePatch {
    pub fn apply(&self, draft: &mut EpisodeDraft) {
        if let Some(series) = &self.series {
            draft.series = series.clone();
        }
        if let Some(code) = &self.code {
            draft.code = code.clone();
        }
        if let Some(speakers) = &self.speakers {
            draft.speakers = speakers.clone();
        }
        if let Some(url) = &self.recording_url {
            draft.recording_url = url.clone();
        }
    }

    /// A patch that sets every field of a draft (the dashboard's settings form).
    pub fn all(draft: EpisodeDraft) -> EpisodePatch {
        EpisodePatch {
            series: Some(draft.series),
            code: Some(draft.code),
            speakers: Some(draft.speakers),
            recording_url: Some(draft.recording_url),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_episode_names_its_series_code_speakers_and_recording() {
        let mut errors = FieldErrors::new();
        let episode = Episode::parse(
            &EpisodeDraft {
                series: Some(" looking-glass ".into()),
                code: Some("S07E02".into()),
                speakers: vec![Speaker {
                    name: " Ada Lovelace ".into(),
                    affiliation: Some("  ".into()),
                    url: Some("https://example.org/ada".into()),
                }],
                recording_url: Some("https://www.youtube.com/watch?v=x".into()),
            },
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(episode.series.unwrap().as_str(), "looking-glass");
        assert_eq!(episode.speakers[0].name, "Ada Lovelace");
        assert_eq!(episode.speakers[0].affiliation, None);
    }

    #[test]
    fn every_bad_episode_field_is_named() {
        let mut errors = FieldErrors::new();
        Episode::parse(
            &EpisodeDraft {
                series: Some("Not A Slug".into()),
                code: Some("x".repeat(CODE_MAX + 1)),
                speakers: vec![
                    Speaker::default(),
                    Speaker {
                        name: "B".into(),
                        affiliation: None,
                        url: Some("javascript:alert(1)".into()),
                    },
                ],
                recording_url: Some("ftp://example.org".into()),
            },
            &mut errors,
        );
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            [
                "code",
                "recording_url",
                "series",
                "speakers[0].name",
                "speakers[1].url"
            ]
        );
    }
}
