//! Markdown of descriptions (events, parts, newsletter issues): one source renders the
//! pages' HTML and the text part of emails. Raw HTML in the source never passes: it is
//! dropped before rendering, and what is rendered is cleaned again (`ammonia`) so only
//! links, emphasis, lists, headings, quotes and code remain.

use std::collections::HashSet;

use maud::{Markup, PreEscaped, Render};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Markdown rendered as HTML and cleaned: safe to put in a page or an email as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Render for SafeHtml {
    fn render(&self) -> Markup {
        // The one place cleaned HTML enters a page: `to_html` built it with ammonia.
        PreEscaped(self.0.clone())
    }
}

fn parser(source: &str) -> impl Iterator<Item = Event<'_>> {
    Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH)
        .filter(|event| !matches!(event, Event::Html(_) | Event::InlineHtml(_)))
}

/// The HTML of a Markdown source. Links keep their target when it is http(s), mailto or
/// relative, and carry `rel="noopener"`.
pub fn to_html(source: &str) -> SafeHtml {
    let mut rendered = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut rendered, parser(source));
    let tags: HashSet<&str> = [
        "a",
        "p",
        "br",
        "em",
        "strong",
        "del",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
    ]
    .into_iter()
    .collect();
    let cleaned = ammonia::Builder::default()
        .tags(tags)
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        // Every link, so a page it opens in a new tab cannot reach back; harmless on the
        // site's own.
        .link_rel(Some("noopener"))
        .clean(&rendered)
        .to_string();
    SafeHtml(cleaned)
}

/// The plain text of a Markdown source, for the text part of emails: paragraphs apart,
/// list items with a dash or their number, a link as its text and address.
pub fn to_text(source: &str) -> String {
    let mut out = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut link_text_start: Vec<usize> = Vec::new();
    let block_break = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    for event in parser(source) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_))
                if lists.is_empty() =>
            {
                block_break(&mut out)
            }
            Event::Start(Tag::CodeBlock(_)) => block_break(&mut out),
            Event::Start(Tag::List(start)) => {
                if lists.is_empty() {
                    block_break(&mut out);
                }
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                // The list's own break stays; between items, one line break.
                if !out.is_empty() && !out.ends_with("\n\n") {
                    let trimmed = out.trim_end_matches([' ', '\n']).len();
                    out.truncate(trimmed);
                    out.push('\n');
                }
                let depth = lists.len().saturating_sub(1);
                out.push_str(&"  ".repeat(depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                links.push(dest_url.to_string());
                link_text_start.push(out.len());
            }
            Event::End(TagEnd::Link) => {
                let (Some(url), Some(start)) = (links.pop(), link_text_start.pop()) else {
                    continue;
                };
                if out[start..] != url {
                    out.push_str(&format!(" <{url}>"));
                }
            }
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => {
                block_break(&mut out);
                out.push_str("---");
            }
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_emphasis_and_lists_render() {
        let html = to_html("A *new* [episode](https://example.org/e).\n\n- one\n- two\n");
        let html = html.as_str();
        assert!(html.contains("<em>new</em>"), "{html}");
        assert!(
            html.contains(r#"<a href="https://example.org/e" rel="noopener">episode</a>"#),
            "{html}"
        );
        assert!(html.contains("<li>one</li>"), "{html}");
    }

    #[test]
    fn raw_html_never_passes() {
        for source in [
            "<script>alert(1)</script>",
            "Hello <script>alert(1)</script> there",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "<a href=\"https://x\" onclick=\"alert(1)\">x</a>",
        ] {
            let html = to_html(source);
            let lower = html.as_str().to_lowercase();
            for bad in ["<script", "onerror", "javascript:", "onclick", "<img"] {
                assert!(!lower.contains(bad), "{source:?} gave {lower}");
            }
            let text = to_text(source).to_lowercase();
            assert!(!text.contains("<script"), "{source:?} gave {text}");
        }
    }

    #[test]
    fn the_text_part_keeps_paragraphs_lists_and_link_addresses() {
        let text = to_text(
            "Our **next** webinar: [S07E03](https://example.org/s7).\n\n1. first\n2. second\n\n- a\n- b\n\nBye",
        );
        assert_eq!(
            text,
            "Our next webinar: S07E03 <https://example.org/s7>.\n\n1. first\n2. second\n\n- a\n- b\n\nBye"
        );
    }
}
