//! The settings of an event and their rules, in one place for every edge: the JSON API
//! and the dashboard's form each read their input into an [`EventDraft`] (values of the
//! right kind, not yet checked), and [`EventSettings::parse`] checks all of it at once,
//! naming every bad field. A change to an event is a patch on the draft of its current
//! settings, checked the same way, so no edge can let through what another refuses.

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use super::episode::{Episode, EpisodeDraft, EpisodePatch};
use super::programme::{Part, Programme};
use super::questions::{Question, Questions};
use super::reconfirmation::{Reconfirmation, ReconfirmationDraft};
use super::reminders::ReminderHours;
use super::requests::parse_language;
use super::{FieldErrors, Language, Phase, Slug, TimeZoneName};

pub const TITLE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 20_000;
pub const VENUE_MAX: usize = 500;
pub const URL_MAX: usize = 2000;
pub const CAPACITY_MAX: u32 = 1_000_000;
pub const OFFER_WINDOW_HOURS_MIN: u32 = 1;
pub const OFFER_WINDOW_HOURS_MAX: u32 = 8760;
pub const INVITATION_WINDOW_DAYS_MIN: u32 = 1;
pub const INVITATION_WINDOW_DAYS_MAX: u32 = 365;
pub const DEFAULT_OFFER_WINDOW_HOURS: u32 = 48;
pub const DEFAULT_INVITATION_WINDOW_DAYS: u32 = 14;
/// Event times outside these years are typing mistakes, and some would not write as RFC
/// 3339.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2999;

/// Every setting of an event, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSettings {
    pub slug: Slug,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: Tz,
    pub venue: String,
    pub meeting_url: Option<String>,
    pub in_person_capacity: u32,
    pub virtual_capacity: Option<u32>,
    pub phase: Phase,
    /// The phase of the virtual seats, never `draft`; `None` follows `phase`.
    pub virtual_phase: Option<Phase>,
    pub offer_window_hours: u32,
    pub invitation_window_days: u32,
    pub auto_confirm: bool,

    // The workshop's own shape.
    pub programme: Programme,
    pub questions: Questions,

    // After the seat.
    pub reminder_hours_before: ReminderHours,
    /// `None`: nobody is asked to reconfirm.
    pub reconfirm: Option<Reconfirmation>,
    /// Series, code, speakers, recording.
    pub episode: Episode,
    /// The language the organizer wrote the event's content in, which its pages declare;
    /// also the language of invitations that name none.
    pub language: Option<Language>,
}

/// Every setting of an event as an edge read it: of the right kind, not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: String,
    pub venue: String,
    /// Empty or blank means none.
    pub meeting_url: Option<String>,
    pub in_person_capacity: u32,
    /// `None` means unlimited.
    pub virtual_capacity: Option<u32>,
    pub phase: Phase,
    /// `None` follows `phase`.
    pub virtual_phase: Option<Phase>,
    pub offer_window_hours: u32,
    pub invitation_window_days: u32,
    pub auto_confirm: bool,

    // The workshop's own shape.
    pub programme: Vec<Part>,
    pub questions: Vec<Question>,

    // After the seat.
    /// Hours before the start, as given.
    pub reminder_hours_before: Vec<i64>,
    pub reconfirm: Option<ReconfirmationDraft>,
    pub episode: EpisodeDraft,
    /// A language tag; `None` names none.
    pub language: Option<String>,
}

/// A change to some settings of an event; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventPatch {
    pub slug: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub timezone: Option<String>,
    pub venue: Option<String>,
    pub meeting_url: Option<Option<String>>,
    pub in_person_capacity: Option<u32>,
    pub virtual_capacity: Option<Option<u32>>,
    pub phase: Option<Phase>,
    /// `Some(None)`: the virtual seats follow `phase` again.
    pub virtual_phase: Option<Option<Phase>>,
    pub offer_window_hours: Option<u32>,
    pub invitation_window_days: Option<u32>,
    pub auto_confirm: Option<bool>,

    // The workshop's own shape.
    pub programme: Option<Vec<Part>>,
    pub questions: Option<Vec<Question>>,

    // After the seat.
    pub reminder_hours_before: Option<Vec<i64>>,
    /// `Some(None)`: reconfirmation off.
    pub reconfirm: Option<Option<ReconfirmationDraft>>,
    pub episode: EpisodePatch,
    /// `Some(None)`: the event names no language.
    pub language: Option<Option<String>>,
}

fn add(errors: &mut FieldErrors, field: &str, message: impl Into<String>) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(message.into());
}

/// Text of at most `max` characters without control characters (line breaks and tabs
/// allowed where `multiline`), trimmed.
fn text(errors: &mut FieldErrors, field: &str, raw: &str, max: usize, multiline: bool) -> String {
    let value = if multiline {
        raw.replace("\r\n", "\n").trim().to_owned()
    } else {
        raw.trim().to_owned()
    };
    if value.chars().count() > max {
        add(errors, field, format!("must be at most {max} characters"));
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        add(errors, field, "must not contain control characters");
    }
    value
}

fn within(errors: &mut FieldErrors, field: &str, value: u32, min: u32, max: u32) {
    if !(min..=max).contains(&value) {
        add(errors, field, format!("must be between {min} and {max}"));
    }
}

fn a_plausible_time(errors: &mut FieldErrors, field: &str, at: DateTime<Utc>) {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&at.year()) {
        add(
            errors,
            field,
            format!("must be in the years {FIRST_YEAR} to {LAST_YEAR}"),
        );
    }
}

/// A deadline an organizer sets (an invitation's or a held seat's): in the future, and
/// in the years every calendar and RFC 3339 reader takes.
pub fn deadline(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if at <= now {
        return Err("must be in the future".into());
    }
    if at.year() > LAST_YEAR {
        return Err(format!("must be in the years {FIRST_YEAR} to {LAST_YEAR}"));
    }
    Ok(at)
}

/// A link people follow: http or https, at most [`URL_MAX`] characters.
pub fn web_link(raw: &str) -> Result<String, String> {
    let link = raw.trim();
    let parsed = url::Url::parse(link);
    if link.chars().count() > URL_MAX {
        return Err(format!("must be at most {URL_MAX} characters"));
    }
    match parsed {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            Ok(link.to_owned())
        }
        _ => Err("must be a web address such as https://meet.example.org/room".to_owned()),
    }
}

/// The field that says an organizer means to save an event that ended longer ago than the
/// retention period.
pub const CONFIRM_PAST_RETENTION: &str = "confirm_past_retention";

/// An event that ends before `now - retention_days` is past the retention period: the
/// personal data of its people is erased once their own registrations are that old too.
/// Saving one is refused, naming `ends_at` and [`CONFIRM_PAST_RETENTION`], until the
/// organizer confirms it, because it is far more often a mistyped year than a record of
/// a past event.
pub fn check_retention(
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
    retention_days: u32,
    confirmed: bool,
) -> Result<(), FieldErrors> {
    let limit = now - chrono::Duration::days(i64::from(retention_days));
    if confirmed || ends_at >= limit {
        return Ok(());
    }
    let message = format!(
        "ends more than {retention_days} days ago, past the retention period: the personal \
         data of its registrations is erased once they are that old; confirm to save it anyway"
    );
    Err(FieldErrors::from([
        ("ends_at".to_owned(), vec![message.clone()]),
        (CONFIRM_PAST_RETENTION.to_owned(), vec![message]),
    ]))
}

impl EventSettings {
    /// The settings of a draft, or every field that breaks a rule.
    pub fn parse(draft: EventDraft) -> Result<EventSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let slug = Slug::parse(draft.slug.trim())
            .map_err(|e| add(&mut errors, "slug", e.0))
            .ok();
        let title = text(&mut errors, "title", &draft.title, TITLE_MAX, false);
        if title.is_empty() {
            add(&mut errors, "title", "is required");
        }
        let description = draft.description.replace("\r\n", "\n");
        text(
            &mut errors,
            "description",
            &description,
            DESCRIPTION_MAX,
            true,
        );
        let timezone = TimeZoneName::parse(&draft.timezone)
            .map_err(|e| add(&mut errors, "timezone", e.0))
            .ok();
        a_plausible_time(&mut errors, "starts_at", draft.starts_at);
        a_plausible_time(&mut errors, "ends_at", draft.ends_at);
        if draft.ends_at <= draft.starts_at {
            add(&mut errors, "ends_at", "must be after starts_at");
        }
        let venue = text(&mut errors, "venue", &draft.venue, VENUE_MAX, false);
        let meeting_url = match draft.meeting_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => web_link(raw)
                .map_err(|e| add(&mut errors, "meeting_url", e))
                .ok(),
        };
        within(
            &mut errors,
            "in_person_capacity",
            draft.in_person_capacity,
            0,
            CAPACITY_MAX,
        );
        if let Some(capacity) = draft.virtual_capacity {
            within(&mut errors, "virtual_capacity", capacity, 0, CAPACITY_MAX);
        }
        within(
            &mut errors,
            "offer_window_hours",
            draft.offer_window_hours,
            OFFER_WINDOW_HOURS_MIN,
            OFFER_WINDOW_HOURS_MAX,
        );
        within(
            &mut errors,
            "invitation_window_days",
            draft.invitation_window_days,
            INVITATION_WINDOW_DAYS_MIN,
            INVITATION_WINDOW_DAYS_MAX,
        );
        // Draft hides the whole event, so it is the event's phase, never one mode's.
        if draft.virtual_phase == Some(Phase::Draft) {
            add(
                &mut errors,
                "virtual_phase",
                "must be invite_only, open, closed or null (draft is set on phase, for the whole event)",
            );
        }
        let programme = Programme::parse(draft.programme, draft.starts_at, draft.ends_at)
            .map_err(|e| errors.insert("programme".to_owned(), e))
            .ok();
        let questions = Questions::parse(draft.questions)
            .map_err(|e| errors.insert("questions".to_owned(), e))
            .ok();
        let episode = Episode::parse(&draft.episode, &mut errors);
        let language = match draft.language.as_deref() {
            None => Some(None),
            Some(tag) => parse_language(tag)
                .map_err(|e| add(&mut errors, "language", e.0))
                .ok()
                .map(Some),
        };
        let reminder_hours_before = ReminderHours::parse(&draft.reminder_hours_before)
            .map_err(|e| add(&mut errors, "reminder_hours_before", e))
            .ok();
        let reconfirm = match draft.reconfirm {
            None => Some(None),
            Some(given) => Reconfirmation::parse(given)
                .map_err(|e| add(&mut errors, "reconfirm", e))
                .ok()
                .map(Some),
        };
        match (
            slug,
            timezone,
            programme,
            questions,
            reminder_hours_before,
            reconfirm,
            language,
        ) {
            (
                Some(slug),
                Some(timezone),
                Some(programme),
                Some(questions),
                Some(reminder_hours_before),
                Some(reconfirm),
                Some(language),
            ) if errors.is_empty() => Ok(EventSettings {
                slug,
                title,
                description,
                starts_at: draft.starts_at,
                ends_at: draft.ends_at,
                timezone: timezone.0,
                venue,
                meeting_url,
                in_person_capacity: draft.in_person_capacity,
                virtual_capacity: draft.virtual_capacity,
                phase: draft.phase,
                virtual_phase: draft.virtual_phase,
                offer_window_hours: draft.offer_window_hours,
                invitation_window_days: draft.invitation_window_days,
                auto_confirm: draft.auto_confirm,
                programme,
                questions,
                reminder_hours_before,
                reconfirm,
                episode,
                language,
            }),
            _ => Err(errors),
        }
    }

    /// These settings as a draft, to patch and check again.
    pub fn draft(&self) -> EventDraft {
        EventDraft {
            slug: self.slug.as_str().to_owned(),
            title: self.title.clone(),
            description: self.description.clone(),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            timezone: self.timezone.name().to_owned(),
            venue: self.venue.clone(),
            meeting_url: self.meeting_url.clone(),
            in_person_capacity: self.in_person_capacity,
            virtual_capacity: self.virtual_capacity,
            phase: self.phase,
            virtual_phase: self.virtual_phase,
            offer_window_hours: self.offer_window_hours,
            invitation_window_days: self.invitation_window_days,
            auto_confirm: self.auto_confirm,
            programme: self.programme.parts().to_vec(),
            questions: self.questions.all().to_vec(),
            reminder_hours_before: self
                .reminder_hours_before
                .hours()
                .into_iter()
                .map(i64::from)
                .collect(),
            reconfirm: self.reconfirm.map(Reconfirmation::draft),
            episode: self.episode.draft(),
            language: self.language.map(|l| l.tag().to_owned()),
        }
    }

    /// These settings with a patch applied, checked (see [`EventDraft::patched`]).
    pub fn patched(&self, patch: &EventPatch) -> Result<EventSettings, FieldErrors> {
        self.draft().patched(patch)
    }
}

impl EventDraft {
    /// A copy of these settings for a new event, as duplicating one starts it: a draft,
    /// with the slug and title marked as a copy (the organizer changes them to taste). An
    /// episode's copy is the next episode: its code counts on (S07E02 gives S07E03), the
    /// speakers stay to be changed, and it has no recording yet.
    pub fn copy(self) -> EventDraft {
        let episode = EpisodeDraft {
            code: self.episode.code.as_deref().map(next_code),
            recording_url: None,
            ..self.episode
        };
        EventDraft {
            slug: format!("{}-copy", self.slug),
            title: format!("{} (copy)", self.title),
            phase: Phase::Draft,
            episode,
            ..self
        }
    }

    /// This draft with a patch applied, checked; a rule broken across fields (the end
    /// before the start) is reported at the field the patch changed.
    pub fn patched(mut self, patch: &EventPatch) -> Result<EventSettings, FieldErrors> {
        patch.apply(&mut self);
        EventSettings::parse(self).map_err(|mut errors| {
            let end_before_start = errors
                .get("ends_at")
                .is_some_and(|m| m.iter().any(|m| m == "must be after starts_at"));
            if end_before_start && patch.ends_at.is_none() && patch.starts_at.is_some() {
                errors.remove("ends_at");
                add(&mut errors, "starts_at", "must be before ends_at");
            }
            errors
        })
    }
}

/// The code of the next episode: the last number of the code plus one, keeping its
/// width ("S07E09" gives "S07E10"); a code without a number stays as it is.
pub fn next_code(code: &str) -> String {
    let digits = code.chars().rev().take_while(char::is_ascii_digit).count();
    let (head, number) = code.split_at(code.len() - digits);
    match number.parse::<u64>() {
        Ok(n) => format!("{head}{:0width$}", n + 1, width = digits),
        Err(_) => code.to_owned(),
    }
}

impl EventPatch {
    pub fn apply(&self, draft: &mut EventDraft) {
        macro_rules! set {
            ($($field:ident),+) => {$(
                if let Some(value) = &self.$field {
                    draft.$field = value.clone();
                }
            )+};
        }
        set!(
            slug,
            title,
            description,
            starts_at,
            ends_at,
            timezone,
            venue,
            meeting_url,
            in_person_capacity,
            virtual_capacity,
            phase,
            virtual_phase,
            offer_window_hours,
            invitation_window_days,
            auto_confirm
        );
        set!(programme, questions);
        set!(reminder_hours_before, reconfirm, language);
        self.episode.apply(&mut draft.episode);
    }

    /// A patch that sets every field of a draft but the phases, the programme and the
    /// questions (the dashboard's settings form; those are changed apart).
    pub fn all_but_phase(draft: EventDraft) -> EventPatch {
        EventPatch {
            slug: Some(draft.slug),
            title: Some(draft.title),
            description: Some(draft.description),
            starts_at: Some(draft.starts_at),
            ends_at: Some(draft.ends_at),
            timezone: Some(draft.timezone),
            venue: Some(draft.venue),
            meeting_url: Some(draft.meeting_url),
            in_person_capacity: Some(draft.in_person_capacity),
            virtual_capacity: Some(draft.virtual_capacity),
            phase: None,
            virtual_phase: None,
            offer_window_hours: Some(draft.offer_window_hours),
            invitation_window_days: Some(draft.invitation_window_days),
            auto_confirm: Some(draft.auto_confirm),
            // Edited on pages of their own.
            programme: None,
            questions: None,
            reminder_hours_before: Some(draft.reminder_hours_before),
            reconfirm: Some(draft.reconfirm),
            episode: EpisodePatch::all(draft.episode),
            language: Some(draft.language),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn draft() -> EventDraft {
        let starts = Utc.with_ymd_and_hms(2027, 3, 15, 8, 30, 0).unwrap();
        EventDraft {
            slug: "in-the-picture".into(),
            title: "In the Picture".into(),
            description: "A workshop.\r\nSecond line.".into(),
            starts_at: starts,
            ends_at: starts + Duration::hours(8),
            timezone: "Europe/Copenhagen".into(),
            venue: "IT University of Copenhagen".into(),
            meeting_url: Some("https://meet.example.org/room".into()),
            in_person_capacity: 30,
            virtual_capacity: None,
            phase: Phase::InviteOnly,
            virtual_phase: None,
            offer_window_hours: DEFAULT_OFFER_WINDOW_HOURS,
            invitation_window_days: DEFAULT_INVITATION_WINDOW_DAYS,
            auto_confirm: false,
            programme: Vec::new(),
            questions: Vec::new(),
            reminder_hours_before: vec![24],
            reconfirm: None,
            episode: EpisodeDraft::default(),
            language: None,
        }
    }

    fn fields(result: Result<EventSettings, FieldErrors>) -> Vec<String> {
        result.expect_err("refused").into_keys().collect()
    }

    #[test]
    fn a_good_draft_is_settings_with_text_trimmed_and_line_breaks_unified() {
        let settings = EventSettings::parse(draft()).expect("valid");
        assert_eq!(settings.description, "A workshop.\nSecond line.");
        assert_eq!(settings.timezone, chrono_tz::Europe::Copenhagen);
        assert_eq!(settings.draft().description, "A workshop.\nSecond line.");
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let mut bad = draft();
        bad.slug = "Not A Slug".into();
        bad.title = "  ".into();
        bad.timezone = "Mars/Olympus".into();
        bad.ends_at = bad.starts_at;
        bad.meeting_url = Some("javascript:alert(1)".into());
        bad.in_person_capacity = CAPACITY_MAX + 1;
        bad.offer_window_hours = 0;
        bad.invitation_window_days = INVITATION_WINDOW_DAYS_MAX + 1;
        assert_eq!(
            fields(EventSettings::parse(bad)),
            [
                "ends_at",
                "in_person_capacity",
                "invitation_window_days",
                "meeting_url",
                "offer_window_hours",
                "slug",
                "timezone",
                "title"
            ]
        );
    }

    #[test]
    fn limits_hold_at_their_bounds() {
        let mut at_limit = draft();
        at_limit.title = "x".repeat(TITLE_MAX);
        at_limit.venue = "v".repeat(VENUE_MAX);
        at_limit.in_person_capacity = CAPACITY_MAX;
        at_limit.offer_window_hours = OFFER_WINDOW_HOURS_MAX;
        assert!(EventSettings::parse(at_limit.clone()).is_ok());
        at_limit.title.push('x');
        at_limit.venue.push('v');
        assert_eq!(fields(EventSettings::parse(at_limit)), ["title", "venue"]);
    }

    #[test]
    fn control_characters_and_other_links_are_refused() {
        let mut bad = draft();
        bad.title = "In the\u{0}Picture".into();
        bad.venue = "Room\r\n2".into();
        bad.description = "Fine\nand\ttabbed, but \u{7} rings".into();
        bad.meeting_url = Some("data:text/html,hi".into());
        assert_eq!(
            fields(EventSettings::parse(bad)),
            ["description", "meeting_url", "title", "venue"]
        );
    }

    #[test]
    fn years_outside_the_plausible_are_refused() {
        let mut bad = draft();
        bad.starts_at = Utc.with_ymd_and_hms(1899, 12, 31, 0, 0, 0).unwrap();
        bad.ends_at = Utc.with_ymd_and_hms(3000, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(fields(EventSettings::parse(bad)), ["ends_at", "starts_at"]);
    }

    #[test]
    fn the_virtual_phase_is_any_phase_but_draft() {
        for phase in [Phase::InviteOnly, Phase::Open, Phase::Closed] {
            let mut own = draft();
            own.virtual_phase = Some(phase);
            let settings = EventSettings::parse(own).expect("valid");
            assert_eq!(settings.virtual_phase, Some(phase));
        }
        let mut hidden = draft();
        hidden.virtual_phase = Some(Phase::Draft);
        assert_eq!(fields(EventSettings::parse(hidden)), ["virtual_phase"]);
        let settings = EventSettings::parse(draft()).unwrap();
        let follows = EventPatch {
            virtual_phase: Some(None),
            ..EventPatch::default()
        };
        assert_eq!(settings.patched(&follows).unwrap().virtual_phase, None);
    }

    #[test]
    fn the_language_is_none_or_one_the_site_speaks_and_a_copy_keeps_it() {
        let mut spanish = draft();
        spanish.language = Some("es".into());
        let settings = EventSettings::parse(spanish.clone()).expect("valid");
        assert_eq!(settings.language, Language::from_tag("es"));
        assert_eq!(spanish.copy().language.as_deref(), Some("es"));
        let none = EventPatch {
            language: Some(None),
            ..EventPatch::default()
        };
        assert_eq!(settings.patched(&none).unwrap().language, None);
        for tag in ["fr", "", "spanish"] {
            let mut unknown = draft();
            unknown.language = Some(tag.into());
            assert_eq!(fields(EventSettings::parse(unknown)), ["language"], "{tag}");
        }
    }

    #[test]
    fn a_copy_is_a_draft_whose_slug_and_title_say_copy() {
        let copy = draft().copy();
        assert_eq!(copy.slug, "in-the-picture-copy");
        assert_eq!(copy.title, "In the Picture (copy)");
        assert_eq!(copy.phase, Phase::Draft);
        assert_eq!(copy.starts_at, draft().starts_at);
        assert!(EventSettings::parse(copy).is_ok());
    }

    #[test]
    fn the_copy_of_an_episode_is_the_next_episode_without_a_recording() {
        let mut episode = draft();
        episode.episode.code = Some("S07E09".into());
        episode.episode.recording_url = Some("https://youtube.com/watch?v=x".into());
        let copy = episode.copy();
        assert_eq!(copy.episode.code.as_deref(), Some("S07E10"));
        assert_eq!(copy.episode.recording_url, None);
        assert_eq!(next_code("Special"), "Special");
        assert_eq!(next_code("E1"), "E2");
    }

    #[test]
    fn an_event_ended_longer_ago_than_retention_is_saved_only_when_confirmed() {
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let long_ago = now - Duration::days(400);
        let errors = check_retention(long_ago, now, 365, false).unwrap_err();
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            ["confirm_past_retention", "ends_at"]
        );
        assert!(check_retention(long_ago, now, 365, true).is_ok());
        assert!(check_retention(now - Duration::days(300), now, 365, false).is_ok());
    }

    #[test]
    fn a_patch_moving_the_start_past_the_end_names_the_start() {
        let settings = EventSettings::parse(draft()).unwrap();
        let late = EventPatch {
            starts_at: Some(settings.ends_at + Duration::hours(1)),
            ..EventPatch::default()
        };
        assert_eq!(fields(settings.patched(&late)), ["starts_at"]);
        let early_end = EventPatch {
            ends_at: Some(settings.starts_at),
            ..EventPatch::default()
        };
        assert_eq!(fields(settings.patched(&early_end)), ["ends_at"]);
        let capacity = EventPatch {
            in_person_capacity: Some(40),
            ..EventPatch::default()
        };
        assert_eq!(settings.patched(&capacity).unwrap().in_person_capacity, 40);
    }
}
