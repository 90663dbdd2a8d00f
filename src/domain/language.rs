//! The languages pages and emails are written in. A tag from outside (a header, a cookie,
//! a stored value) becomes a `Language` here or not at all; anything not translated reads
//! in English.

use std::fmt;
use std::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// A language the site is translated into: one of the files of `locales/` (the build
/// script lists them), English first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Language(u8);

impl Language {
    /// The default, the language every other one is checked against.
    pub const ENGLISH: Language = Language(0);

    /// Every language with a translation, in the order the footer offers them.
    pub const ALL: [Language; TAGS.len()] = {
        let mut all = [Language::ENGLISH; TAGS.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = Language(i as u8);
            i += 1;
        }
        all
    };

    /// Its BCP 47 tag, as `<html lang>`, `Content-Language` and the file of `locales/`
    /// name it.
    pub fn tag(self) -> &'static str {
        TAGS[usize::from(self.0)]
    }

    /// The language of a BCP 47 tag: the one of that exact tag (`pt-BR`), else the one of
    /// its primary subtag (`es-MX` is `es`), or none when the site does not speak it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim().replace('_', "-");
        let primary = tag.split('-').next()?;
        let find = |wanted: &str| {
            Language::ALL
                .into_iter()
                .find(|l| l.tag().eq_ignore_ascii_case(wanted))
        };
        find(&tag).or_else(|| find(primary))
    }

    /// The first language of an `Accept-Language` header, by its weights, that the site
    /// speaks; English when none is.
    pub fn negotiate(accept_language: &str) -> Language {
        accept_language::parse(accept_language)
            .iter()
            .find_map(|tag| Language::from_tag(tag))
            .unwrap_or_default()
    }

    /// The tags of every language, as an error message lists them.
    pub fn tags() -> String {
        TAGS.join(", ")
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("must be one of: {}", Language::tags())]
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
        let spanish = Language::from_tag("es").expect("locales/es.ftl");
        assert_eq!(spanish.tag(), "es");
        assert_eq!(Language::from_tag("es-MX"), Some(spanish));
        assert_eq!(Language::from_tag("es_AR"), Some(spanish));
        assert_eq!(Language::from_tag("EN-gb"), Some(Language::ENGLISH));
        assert_eq!(Language::from_tag("fr"), None);
        assert_eq!(Language::from_tag(""), None);
        assert_eq!("de".parse::<Language>(), Err(UnknownLanguage));
    }

    #[test]
    fn the_header_is_read_by_its_weights_with_english_last() {
        let spanish = Language::from_tag("es").expect("locales/es.ftl");
        assert_eq!(
            Language::negotiate("fr-CH, fr;q=0.9, es;q=0.8, en;q=0.7"),
            spanish
        );
        assert_eq!(Language::negotiate("en;q=0.5, es-AR;q=0.9"), spanish);
        assert_eq!(Language::negotiate("de, fr"), Language::ENGLISH);
        assert_eq!(Language::negotiate("not a header"), Language::ENGLISH);
        assert_eq!(Language::negotiate(""), Language::ENGLISH);
    }

    #[test]
    fn english_comes_first_and_is_the_default() {
        assert_eq!(Language::ALL[0], Language::ENGLISH);
        assert_eq!(Language::default().tag(), "en");
        assert!(Language::tags().starts_with("en, "));
    }
}
