//! Words the reader sees, in the reader's language: every sentence is a Fluent message in
//! `locales/<tag>.ftl`, looked up with [`t!`]. A message missing from a translation
//! reads in English. The language of the request being answered is set once (see
//! [`with_language`]) rather than passed through every page function.

use std::borrow::Cow;
use std::collections::HashMap;
use std::future::Future;
use std::sync::LazyLock;

pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

pub use crate::domain::Language;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // The marks Fluent puts around a placeable guard right-to-left text; the site's
        // languages are left-to-right, and the marks would sit inside every attribute
        // and email subject.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDENTIFIERS: LazyLock<Vec<(Language, LanguageIdentifier)>> = LazyLock::new(|| {
    Language::ALL
        .into_iter()
        .map(|l| (l, l.tag().parse().expect("a language's tag is BCP 47")))
        .collect()
});

fn identifier(language: Language) -> &'static LanguageIdentifier {
    IDENTIFIERS
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, id)| id)
        .expect("every language has an identifier")
}

impl Language {
    /// Its name in itself, as the language choice shows it.
    pub fn own_name(self) -> String {
        text(self, "language-own-name", &[])
    }

    /// The locale whose month and day names dates are written with; English's when the
    /// language's file names none that exists (a test checks every file does).
    pub fn chrono_locale(self) -> chrono::Locale {
        text(self, "language-date-locale", &[])
            .parse()
            .unwrap_or(chrono::Locale::en_GB)
    }
}

tokio::task_local! {
    static LANGUAGE: Language;
}

/// Runs a request's work with `language` as the one its pages speak.
pub async fn with_language<F: Future>(language: Language, work: F) -> F::Output {
    LANGUAGE.scope(language, work).await
}

/// Runs `work` with `language` as the one its messages are in, outside a request's task
/// (a test, a job composing an email).
pub fn in_language<R>(language: Language, work: impl FnOnce() -> R) -> R {
    LANGUAGE.sync_scope(language, work)
}

/// The language of the page being drawn; English outside a request.
pub fn language() -> Language {
    LANGUAGE.try_with(|l| *l).unwrap_or_default()
}

/// The message `key` in `language`, with `args` put in its placeables.
pub fn text(language: Language, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let id = identifier(language);
    if args.is_empty() {
        return LOCALES.lookup(id, key);
    }
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone().into_owned()))
        .collect();
    LOCALES.lookup_with_args(id, key, &args)
}

/// A message of `locales/`: `t!("key")` or `t!("key", name = value, ...)` in the page's
/// language, `t!(in language; "key", ...)` in another (an email's).
#[macro_export]
macro_rules! t {
    (in $language:expr; $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::text(
            $language,
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),*],
        )
    };
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::t!(in $crate::i18n::language(); $key $(, $name = $value)*)
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn locales() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
    }

    /// The message and term names a language's file defines.
    fn keys_of(tag: &str) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        let path = locales().join(format!("{tag}.ftl"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        {
            for line in text.lines() {
                // An entry starts in the first column; its attributes and the lines of a
                // longer value are indented.
                if let Some((name, _)) = line.split_once('=') {
                    let name = name.trim_end();
                    let ident = name.strip_prefix('-').unwrap_or(name);
                    if !ident.is_empty()
                        && ident.starts_with(|c: char| c.is_ascii_alphabetic())
                        && ident
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    {
                        keys.insert(name.to_owned());
                    }
                }
            }
        }
        keys
    }

    /// Every key the code looks up: the first string after each `t!(`.
    fn keys_used() -> BTreeSet<String> {
        fn walk(dir: &Path, found: &mut BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    // This file names the macro in its documentation.
                    if path.ends_with("src/i18n.rs") {
                        continue;
                    }
                    let source = std::fs::read_to_string(&path).unwrap();
                    for (at, _) in source.match_indices("t!(") {
                        // `format!(`, `assert!(`... are not lookups.
                        let before = source[..at].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let mut rest = source[at + 3..].trim_start();
                        if let Some(after) = rest.strip_prefix("in ") {
                            rest = after[after.find(';').unwrap() + 1..].trim_start();
                        }
                        let key = rest
                            .strip_prefix('"')
                            .and_then(|r| r.split_once('"'))
                            .map(|(key, _)| key)
                            .unwrap_or_else(|| panic!("{path:?}: a key that is not a literal"));
                        found.insert(key.to_owned());
                    }
                }
            }
        }
        let mut found = BTreeSet::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        found
    }

    #[test]
    fn every_file_of_locales_is_a_language_and_every_language_has_one() {
        let files: BTreeSet<String> = std::fs::read_dir(locales())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let languages: BTreeSet<String> = Language::ALL
            .iter()
            .map(|l| format!("{}.ftl", l.tag()))
            .collect();
        assert_eq!(files, languages);
    }

    #[test]
    fn every_language_names_itself_and_a_locale_its_dates_are_written_in() {
        for language in Language::ALL {
            let locale = text(language, "language-date-locale", &[]);
            assert!(
                locale.parse::<chrono::Locale>().is_ok(),
                "{language}: {locale:?} is not a chrono::Locale"
            );
            assert!(!language.own_name().is_empty());
        }
        let spanish = Language::from_tag("es").unwrap();
        assert_eq!(spanish.own_name(), "Español");
        assert_eq!(spanish.chrono_locale(), chrono::Locale::es_ES);
    }

    #[test]
    fn every_english_key_is_in_every_other_language() {
        let english = keys_of("en");
        assert!(!english.is_empty());
        for language in Language::ALL {
            let theirs = keys_of(language.tag());
            let missing: Vec<_> = english.difference(&theirs).collect();
            assert!(missing.is_empty(), "{language} lacks {missing:?}");
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(
                extra.is_empty(),
                "{language} has keys English has not: {extra:?}"
            );
        }
    }

    #[test]
    fn every_key_the_code_uses_is_in_english() {
        let english = keys_of("en");
        let used = keys_used();
        assert!(used.len() > 5, "{used:?}");
        let missing: Vec<_> = used.difference(&english).collect();
        assert!(missing.is_empty(), "not in locales/en: {missing:?}");
    }

    #[test]
    fn every_file_parses_and_every_message_reads_in_every_language() {
        // Every placeable any message names, given a value that suits both a number
        // and a word.
        let mut args: HashMap<Cow<'static, str>, FluentValue<'static>> = HashMap::new();
        {
            let text = std::fs::read_to_string(locales().join("en.ftl")).unwrap();
            for (at, _) in text.match_indices('$') {
                let name: String = text[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                args.insert(Cow::Owned(name), FluentValue::from(2));
            }
        }
        for language in Language::ALL {
            for key in keys_of("en").iter().filter(|k| !k.starts_with('-')) {
                let id = identifier(language);
                let text = LOCALES.lookup_with_args(id, key, &args);
                assert!(
                    !text.starts_with("Unknown localization key"),
                    "{language} {key}"
                );
            }
        }
    }

    #[test]
    fn messages_follow_the_language() {
        let spanish = Language::from_tag("es").unwrap();
        assert_eq!(t!(in Language::ENGLISH; "footer-privacy"), "Privacy notice");
        assert_eq!(t!(in spanish; "footer-privacy"), "Aviso de privacidad");
        assert_eq!(t!(in spanish; "language-choice-label"), "Idioma");
    }
}
