//! Use cases of an event as a whole: creating one, and changing its settings (a capacity
//! raise or a phase that opens hands freed seats on in the same transaction).

use chrono::{DateTime, Utc};

use super::batch::{Batch, Decided};
use super::{EngineError, Outcome};
use crate::domain::{EventPatch, EventSettings, FieldErrors, TimeZoneName};
use crate::store::convert::{new_event_row, rules_of};
use crate::store::events::EventRow;
use crate::store::{events, DbTime};

impl Batch<'_> {
    pub(super) fn create_event(
        &mut self,
        settings: &EventSettings,
        actor: &str,
    ) -> diesel::QueryResult<Decided> {
        if events::by_slug(self.conn, settings.slug.as_str())?.is_some() {
            return Ok(Err(EngineError::field(
                "slug",
                "is already used by another event",
            )));
        }
        let at = DbTime::of(self.now);
        let row = events::insert(self.conn, &new_event_row(settings, at))?;
        self.audit_note(
            row.id,
            None,
            actor,
            None,
            None,
            &format!("event created in phase {}", row.phase),
        )?;
        Ok(Ok(Outcome::Event(Box::new(row))))
    }

    pub(super) fn update_event(
        &mut self,
        slug: &str,
        patch: &EventPatch,
        actor: &str,
    ) -> diesel::QueryResult<Decided> {
        let Some(current) = events::by_slug(self.conn, slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        if let Some(new_slug) = &patch.slug {
            if new_slug.as_str() != slug && events::by_slug(self.conn, new_slug.as_str())?.is_some()
            {
                return Ok(Err(EngineError::field(
                    "slug",
                    "is already used by another event",
                )));
            }
        }
        self.load(current.id)?;
        let before = self.cached(current.id).event.clone();
        let after = match patched(&before, patch, self.now) {
            Ok(row) => row,
            Err(errors) => return Ok(Err(EngineError::Invalid(errors))),
        };
        events::update(self.conn, &after)?;
        let note = describe_changes(&before, &after);
        let now = self.now;
        let cached = self.cached(current.id);
        cached.event = after.clone();
        cached.ledger_mut().set_rules(rules_of(&after), now);
        self.audit_note(current.id, None, actor, None, None, &note)?;
        self.flush(current.id, actor)?;
        self.dirty.insert(current.id);
        Ok(Ok(Outcome::Event(Box::new(after))))
    }
}

/// The event with a patch applied, or the fields that make the result invalid.
fn patched(
    row: &EventRow,
    patch: &EventPatch,
    now: DateTime<Utc>,
) -> Result<EventRow, FieldErrors> {
    let mut next = row.clone();
    if let Some(v) = &patch.slug {
        next.slug = v.as_str().to_owned();
    }
    if let Some(v) = &patch.title {
        next.title = v.clone();
    }
    if let Some(v) = &patch.description {
        next.description = v.clone();
    }
    if let Some(v) = patch.starts_at {
        next.starts_at = DbTime::of(v);
    }
    if let Some(v) = patch.ends_at {
        next.ends_at = DbTime::of(v);
    }
    if let Some(v) = patch.timezone {
        next.timezone = TimeZoneName(v);
    }
    if let Some(v) = &patch.venue {
        next.venue = v.clone();
    }
    if let Some(v) = &patch.meeting_url {
        next.meeting_url = v.clone();
    }
    if let Some(v) = patch.in_person_capacity {
        next.in_person_capacity = v as i32;
    }
    if let Some(v) = patch.virtual_capacity {
        next.virtual_capacity = v.map(|c| c as i32);
    }
    if let Some(v) = patch.phase {
        next.phase = v;
    }
    if let Some(v) = patch.offer_window_hours {
        next.offer_window_hours = v as i32;
    }
    if let Some(v) = patch.invitation_window_days {
        next.invitation_window_days = v as i32;
    }
    if let Some(v) = patch.auto_confirm {
        next.auto_confirm = v;
    }
    next.updated_at = DbTime::of(now);
    if next.ends_at <= next.starts_at {
        let field = if patch.ends_at.is_some() {
            "ends_at"
        } else {
            "starts_at"
        };
        return Err(FieldErrors::from([(
            field.to_owned(),
            vec!["the event must end after it starts".to_owned()],
        )]));
    }
    Ok(next)
}

fn describe_changes(before: &EventRow, after: &EventRow) -> String {
    let mut changed = Vec::new();
    macro_rules! compare {
        ($($field:ident),+) => {$(
            if before.$field != after.$field {
                changed.push(format!("{} {:?} -> {:?}", stringify!($field), before.$field, after.$field));
            }
        )+};
    }
    compare!(
        slug,
        title,
        starts_at,
        ends_at,
        timezone,
        venue,
        meeting_url,
        in_person_capacity,
        virtual_capacity,
        phase,
        offer_window_hours,
        invitation_window_days,
        auto_confirm
    );
    if before.description != after.description {
        changed.push("description".into());
    }
    if changed.is_empty() {
        "event saved without changes".into()
    } else {
        format!("event updated: {}", changed.join(", "))
    }
}
