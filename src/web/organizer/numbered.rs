//! The dashboard's forms of numbered groups of fields, such as a programme's parts and an
//! event's questions: a group's fields are named `{prefix}-{i}-{name}` and `count` says how
//! many were sent; the last group (kept blank for a new entry) is dropped while blank;
//! buttons named `up-i`, `down-i` and `remove-i` move or remove a group; the domain's
//! messages about "{noun} i: ..." are shown at their group.

use std::collections::BTreeMap;

/// Messages at each group, and those about the list as a whole.
pub type GroupErrors = (Vec<Vec<String>>, Vec<String>);

/// The groups of fields of one posted form.
pub struct Groups<'a> {
    form: &'a BTreeMap<String, String>,
    prefix: &'static str,
    /// How many groups the form sent, at most one more than `max`.
    pub count: usize,
}

impl<'a> Groups<'a> {
    pub fn of(form: &'a BTreeMap<String, String>, prefix: &'static str, max: usize) -> Self {
        let count = form
            .get("count")
            .and_then(|c| c.trim().parse::<usize>().ok())
            .unwrap_or(0)
            .min(max + 1);
        Groups {
            form,
            prefix,
            count,
        }
    }

    /// The text of field `name` of group `i`; empty when not sent.
    pub fn field(&self, i: usize, name: &str) -> String {
        self.form
            .get(&format!("{}-{i}-{name}", self.prefix))
            .cloned()
            .unwrap_or_default()
    }

    /// Whether checkbox `name` of group `i` is ticked.
    pub fn ticked(&self, i: usize, name: &str) -> bool {
        crate::web::input::ticked(
            self.form
                .get(&format!("{}-{i}-{name}", self.prefix))
                .map(String::as_str),
        )
    }

    /// Every group read by `read`, the last one left out while it is blank.
    pub fn read<T>(&self, read: impl Fn(usize) -> T, is_blank: impl Fn(&T) -> bool) -> Vec<T> {
        (0..self.count)
            .map(read)
            .enumerate()
            .filter(|(i, group)| i + 1 < self.count || !is_blank(group))
            .map(|(_, group)| group)
            .collect()
    }
}

/// The button pressed: a group moved up or down, or removed; anything else leaves the
/// list as it is (saving it as it stands).
pub fn apply_button<T>(action: &str, list: &mut Vec<T>) {
    let Some((what, index)) = action.split_once('-') else {
        return;
    };
    let Ok(i) = index.parse::<usize>() else {
        return;
    };
    match what {
        "up" if i > 0 && i < list.len() => list.swap(i - 1, i),
        "down" if i + 1 < list.len() => list.swap(i, i + 1),
        "remove" if i < list.len() => {
            list.remove(i);
        }
        _ => {}
    }
}

/// The domain's messages ("part 2: must end after it starts") placed at their groups;
/// the others are about the whole list.
pub fn placed(messages: Vec<String>, count: usize, noun: &str) -> GroupErrors {
    let mut at_group = vec![Vec::new(); count];
    let mut whole = Vec::new();
    for message in messages {
        let at = message
            .strip_prefix(noun)
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|rest| rest.split_once(": "))
            .and_then(|(n, text)| Some((n.parse::<usize>().ok()?.checked_sub(1)?, text)));
        match at {
            Some((i, text)) if i < count => at_group[i].push(text.to_owned()),
            _ => whole.push(message),
        }
    }
    (at_group, whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buttons_move_and_remove_groups() {
        let mut list = vec!["a", "b", "c"];
        apply_button("up-2", &mut list);
        apply_button("remove-0", &mut list);
        apply_button("down-5", &mut list);
        apply_button("save", &mut list);
        assert_eq!(list, ["c", "b"]);
    }

    #[test]
    fn the_domains_messages_go_to_their_groups() {
        let (at_group, whole) = placed(
            vec![
                "part 2: must end after it starts".into(),
                "part 9: out of range".into(),
                "must have at most 100 parts".into(),
            ],
            3,
            "part",
        );
        assert_eq!(at_group[1], ["must end after it starts"]);
        assert_eq!(
            whole,
            ["part 9: out of range", "must have at most 100 parts"]
        );
    }

    #[test]
    fn a_blank_last_group_is_left_out() {
        let form = BTreeMap::from([
            ("count".to_owned(), "2".to_owned()),
            ("part-0-title".to_owned(), "Opening".to_owned()),
        ]);
        let groups = Groups::of(&form, "part", 100);
        let titles = groups.read(|i| groups.field(i, "title"), String::is_empty);
        assert_eq!(titles, ["Opening"]);
    }
}
