//! Use cases of an event as a whole: creating one, and changing its settings (a capacity
//! raise or a phase that opens hands freed seats on in the same transaction).

use super::batch::{Batch, CommandResult};
use super::notices::schedule_of;
use super::{EngineError, Outcome};
use crate::domain::{EventPatch, EventSettings};
use crate::store::convert::{draft_of, new_event_row, row_with, rules_of};
use crate::store::events::EventRow;
use crate::store::{events, programme, DbTime};

impl Batch<'_> {
    pub(super) fn create_event(
        &mut self,
        settings: &EventSettings,
        actor: &str,
    ) -> diesel::QueryResult<CommandResult> {
        if events::by_slug(self.conn, settings.slug.as_str())?.is_some() {
            return Ok(Err(EngineError::field(
                "slug",
                "is already used by another event",
            )));
        }
        let at = DbTime::of(self.now);
        let row = events::insert(self.conn, &new_event_row(settings, at))?;
        programme::save(self.conn, row.id, &settings.programme, &settings.questions)?;
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
    ) -> diesel::QueryResult<CommandResult> {
        let Some(current) = events::by_slug(self.conn, slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        self.lock_and_settle(current.id)?;
        let before = self.committed(current.id).event.clone();
        // Checked against the event as it stands now, inside the transaction.
        let parts_before = programme::parts(self.conn, current.id)?;
        let questions_before = programme::questions(self.conn, current.id)?;
        let shape_changed = [
            patch
                .programme
                .as_ref()
                .is_some_and(|p| *p != parts_before)
                .then_some("programme"),
            patch
                .questions
                .as_ref()
                .is_some_and(|q| *q != questions_before)
                .then_some("questions"),
        ];
        let kept_parts = parts_before.clone();
        let settings = match draft_of(&before, parts_before, questions_before).patched(patch) {
            Ok(settings) => settings,
            Err(errors) => return Ok(Err(EngineError::Invalid(errors))),
        };
        if settings.slug.as_str() != slug
            && events::by_slug(self.conn, settings.slug.as_str())?.is_some()
        {
            return Ok(Err(EngineError::field(
                "slug",
                "is already used by another event",
            )));
        }
        let after = row_with(&before, &settings, DbTime::of(self.now));
        let told = self.who_is_told(
            current.id,
            (&before, &kept_parts),
            schedule_of(&after, settings.programme.parts()),
        );
        events::update(self.conn, &after)?;
        programme::save(
            self.conn,
            current.id,
            &settings.programme,
            &settings.questions,
        )?;
        let note = describe_changes(&before, &after, shape_changed.into_iter().flatten());
        let now = self.now;
        let cached = self.committed(current.id);
        cached.event = after.clone();
        cached.ledger_mut().set_rules(rules_of(&after), now);
        self.audit_note(current.id, None, actor, None, None, &note)?;
        self.tell(current.id, &told, actor)?;
        self.record_decisions(current.id, actor)?;
        self.dirty.insert(current.id);
        Ok(Ok(Outcome::Event(Box::new(after))))
    }
}

fn describe_changes<'a>(
    before: &EventRow,
    after: &EventRow,
    also: impl Iterator<Item = &'a str>,
) -> String {
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
    changed.extend(also.map(str::to_owned));
    if changed.is_empty() {
        "event saved without changes".into()
    } else {
        format!("event updated: {}", changed.join(", "))
    }
}
