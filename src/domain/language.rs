//! The languages pages and emails are written in. A tag from outside (a header, a cookie,
//! a stored value) becomes a `Language` here or not at all; anything not translated reads
//! in English.

use std::fmt;
use std::str::FromStr;

/// A language the site is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    English,
    Spanish,
}

impl Language {
    /// Every language with a translation, in the order the footer offers them.
    pub const ALL: [Language; 2] = [Language::English, Language::Spanish];

    /// Its BCP 47 tag, as `<html lang>`, `Content-Language` and the `locales/` folders
    /// name it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
        }
    }

    /// Its name in itself, as the language choice shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Español",
        }
    }

    /// The locale whose month and day names dates are written with.
    pub fn chrono_locale(self) -> chrono::Locale {
        match self {
            Language::English => chrono::Locale::en_GB,
            Language::Spanish => chrono::Locale::es_ES,
        }
    }

    /// The language of a BCP 47 tag by its primary subtag (`es-MX` is Spanish), or none
    /// when it is not one the site speaks.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Language::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The first language of an `Accept-Language` header, by its weights, that the site
    /// speaks; English when none is.
    pub fn negotiate(accept_language: &str) -> Language {
        accept_language::parse(accept_language)
            .iter()
            .find_map(|tag| Language::from_tag(tag))
            .unwrap_or_default()
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("must be one of: en, es")]
pub struct UnknownLanguage;

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::from_tag(s).ok_or(UnknownLanguage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        assert_eq!(Language::from_tag("es"), Some(Language::Spanish));
        assert_eq!(Language::from_tag("es-MX"), Some(Language::Spanish));
        assert_eq!(Language::from_tag("EN-gb"), Some(Language::English));
        assert_eq!(Language::from_tag("fr"), None);
        assert_eq!(Language::from_tag(""), None);
        assert_eq!("de".parse::<Language>(), Err(UnknownLanguage));
    }

    #[test]
    fn the_header_is_read_by_its_weights_with_english_last() {
        assert_eq!(
            Language::negotiate("fr-CH, fr;q=0.9, es;q=0.8, en;q=0.7"),
            Language::Spanish
        );
        assert_eq!(
            Language::negotiate("en;q=0.5, es-AR;q=0.9"),
            Language::Spanish
        );
        assert_eq!(Language::negotiate("de, fr"), Language::English);
        assert_eq!(Language::negotiate("not a header"), Language::English);
        assert_eq!(Language::negotiate(""), Language::English);
    }
}
