//! Markdown to HTML that is safe to insert into the webview, and `#tag` extraction.
//!
//! Two walls, both always on (ENGINEERING-NOTES.md, "Markdown safety"):
//! 1. The event stream from pulldown-cmark is rewritten before any HTML exists: raw HTML becomes
//!    escaped text, links survive only with an `http`, `https` or `mailto` destination (others keep
//!    their text and lose the link), images are never loaded but shown as links, task-list
//!    checkboxes become glyphs, and `#tags` are wrapped in `<span class="tag">`.
//! 2. ammonia then cleans the HTML against an allow-list of tags, attributes, classes and URL
//!    schemes, so a mistake in (1) still cannot produce script.
//!
//! This module owns the parser options: the renderer and the tag extractor read text the same
//! way, so a tag inside a code block is neither highlighted nor counted.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, TextMergeStream};

/// The parser options the app uses, and the ones the safety tests run with.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Longest tag kept; longer runs are ordinary text.
const MAX_TAG_CHARS: usize = 64;

/// The most Markdown `render_checked` accepts: as much as a whole page can hold (the store
/// checks at compile time that its record limit is this same number).
pub const MAX_RENDER_BYTES: usize = 120 * 1024;

/// Renders Markdown that came from outside (the webview), refusing texts larger than any page
/// could be, so a huge paste is answered with an error instead of a long render.
pub fn render_checked(markdown: &str) -> crate::Result<String> {
    check_size(markdown)?;
    Ok(render(markdown))
}

fn check_size(markdown: &str) -> crate::Result<()> {
    if markdown.len() > MAX_RENDER_BYTES {
        return Err(crate::KeelError::TextTooLarge {
            bytes: markdown.len(),
            limit: MAX_RENDER_BYTES,
        });
    }
    Ok(())
}

/// Renders Markdown to sanitized HTML.
pub fn render(markdown: &str) -> String {
    render_with(markdown, None).0
}

/// `render`, marking the words in `wanted` when given; returns how many it marked too.
fn render_with(markdown: &str, wanted: Option<&HashSet<String>>) -> (String, usize) {
    let mut events: Vec<Event<'_>> = Vec::new();
    // One entry per open link: whether its Start was kept (so its End is kept too).
    let mut open_links: Vec<bool> = Vec::new();
    // One entry per open image: how it was rendered.
    let mut open_images: Vec<ImageAs> = Vec::new();
    let mut in_code_block = false;

    for event in TextMergeStream::new(Parser::new_ext(markdown, options())) {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code_block = true;
                events.push(Event::Start(Tag::CodeBlock(kind)));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                events.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = allowed_url(&dest_url);
                open_links.push(keep);
                if keep {
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if open_links.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                // An image becomes a link to itself, never an <img>: nothing is fetched. Inside a
                // link (or with a refused scheme) only its alt text remains.
                let inside_link = open_links.iter().any(|kept| *kept);
                if allowed_url(&dest_url) && !inside_link {
                    events.push(Event::Html(CowStr::Borrowed("<span class=\"image-link\">")));
                    events.push(Event::Start(Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url,
                        title,
                        id: CowStr::Borrowed(""),
                    }));
                    events.push(Event::Text(CowStr::Borrowed("image: ")));
                    open_images.push(ImageAs::Link);
                } else {
                    open_images.push(ImageAs::AltText);
                }
            }
            Event::End(TagEnd::Image) => {
                if open_images.pop() == Some(ImageAs::Link) {
                    events.push(Event::End(TagEnd::Link));
                    events.push(Event::Html(CowStr::Borrowed("</span>")));
                }
            }
            Event::TaskListMarker(done) => events.push(Event::Html(CowStr::Borrowed(if done {
                "<span class=\"task done\">☑</span> "
            } else {
                "<span class=\"task\">☐</span> "
            }))),
            Event::Text(text) if !in_code_block => push_text_with_tags(&mut events, text),
            other => events.push(other),
        }
    }

    let mut html = String::with_capacity(markdown.len() * 3 / 2 + 16);
    let mut marks = 0;
    match wanted {
        Some(wanted) => {
            let marked = mark_words(events, wanted, &mut marks);
            pulldown_cmark::html::push_html(&mut html, marked.into_iter());
        }
        None => pulldown_cmark::html::push_html(&mut html, events.into_iter()),
    }
    (sanitizer().clean(&html).to_string(), marks)
}

/// The HTML of a page with the words a search found marked, and how many it marked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Marked {
    pub html: String,
    pub marks: usize,
}

/// Renders like `render_checked`, with every word whose folded form is one of `terms` wrapped
/// in `<mark class="hit">`: what a search found, shown where it stands. Words are the search's
/// own (`text::words`, folded by `text::fold`), so the page marks exactly what the index
/// matched; text in code blocks, link addresses and the markup itself are never marked.
pub fn render_marked(markdown: &str, terms: &[String]) -> crate::Result<Marked> {
    check_size(markdown)?;
    let wanted: HashSet<String> = terms.iter().map(|t| crate::text::fold(t)).collect();
    let (html, marks) = render_with(markdown, Some(&wanted));
    Ok(Marked { html, marks })
}

/// `events` with each word of their text whose folded form is `wanted` between `<mark>` tags
/// (outside code blocks); counts them in `marks`.
fn mark_words<'a>(
    events: Vec<Event<'a>>,
    wanted: &HashSet<String>,
    marks: &mut usize,
) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_code_block = false;
    for event in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                out.push(event);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.push(event);
            }
            Event::Text(text) if !in_code_block => {
                let mut last = 0;
                for (range, folded) in crate::text::words(&text) {
                    if !wanted.contains(&folded) {
                        continue;
                    }
                    if range.start > last {
                        out.push(Event::Text(CowStr::from(
                            text[last..range.start].to_owned(),
                        )));
                    }
                    out.push(Event::Html(CowStr::Borrowed("<mark class=\"hit\">")));
                    out.push(Event::Text(CowStr::from(text[range.clone()].to_owned())));
                    out.push(Event::Html(CowStr::Borrowed("</mark>")));
                    last = range.end;
                    *marks += 1;
                }
                if last == 0 {
                    out.push(Event::Text(text));
                } else if last < text.len() {
                    out.push(Event::Text(CowStr::from(text[last..].to_owned())));
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ImageAs {
    Link,
    AltText,
}

/// The `#tags` in `markdown`, lower-cased, in order of first appearance, without duplicates.
/// Text in code spans and code blocks is not searched.
pub fn extract_tags(markdown: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut in_code_block = false;
    for event in TextMergeStream::new(Parser::new_ext(markdown, options())) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(text) if !in_code_block => {
                for span in find_tags(&text) {
                    let tag = text[span.start + 1..span.end].to_lowercase();
                    if !tags.contains(&tag) {
                        tags.push(tag);
                    }
                }
            }
            _ => {}
        }
    }
    tags
}

/// Splits a text event around its tags, wrapping each in a highlighted span.
fn push_text_with_tags<'a>(events: &mut Vec<Event<'a>>, text: CowStr<'a>) {
    let spans = find_tags(&text);
    if spans.is_empty() {
        events.push(Event::Text(text));
        return;
    }
    let mut last = 0;
    for span in spans {
        if span.start > last {
            events.push(Event::Text(CowStr::from(text[last..span.start].to_owned())));
        }
        events.push(Event::Html(CowStr::Borrowed("<span class=\"tag\">")));
        events.push(Event::Text(CowStr::from(text[span.clone()].to_owned())));
        events.push(Event::Html(CowStr::Borrowed("</span>")));
        last = span.end;
    }
    if last < text.len() {
        events.push(Event::Text(CowStr::from(text[last..].to_owned())));
    }
}

/// Byte ranges of `#tag`s in one run of text: a `#` not preceded by a word character, `&`, `/`
/// or another `#`, then a letter, then letters, digits, `_` or `-` (a trailing `-` is not part
/// of the tag). `#123` and `# heading` are not tags.
fn find_tags(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    // From one `#` to the next (memchr: most text has none), judging each by the character
    // before it; a tag's own characters never include a `#`, so none is skipped.
    let mut from = 0;
    while let Some(found) = text[from..].find('#') {
        let i = from + found;
        from = i + 1;
        let boundary_before = text[..i]
            .chars()
            .next_back()
            .is_none_or(|p| !(p.is_alphanumeric() || matches!(p, '_' | '&' | '/' | '#')));
        let mut rest = text[i + 1..].char_indices().peekable();
        if !boundary_before || !rest.peek().is_some_and(|&(_, first)| first.is_alphabetic()) {
            continue;
        }
        let mut end = i + 1;
        let mut n_chars = 0;
        for (j, ch) in rest {
            if ch.is_alphanumeric() || ch == '_' || ch == '-' {
                end = i + 1 + j + ch.len_utf8();
                n_chars += 1;
            } else {
                break;
            }
        }
        from = end;
        // Trailing hyphens read as punctuation ("#focus-- then…").
        let tag_end = i + text[i..end].trim_end_matches('-').len();
        if n_chars <= MAX_TAG_CHARS {
            spans.push(i..tag_end);
        }
    }
    spans
}

/// True for the link destinations the app may show: absolute http, https and mailto URLs.
/// Relative links, fragments and every other scheme (javascript:, data:, file:, …) are refused.
/// pulldown-cmark has already decoded entities and backslash escapes in `url`.
fn allowed_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// The ammonia allow-list: the second wall.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let tags: HashSet<&str> = [
            "p",
            "br",
            "hr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "em",
            "strong",
            "del",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "a",
            "span",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "mark",
        ]
        .into_iter()
        .collect();
        let tag_attributes: HashMap<&str, HashSet<&str>> = [
            ("a", ["href", "title"].into_iter().collect()),
            ("ol", ["start"].into_iter().collect()),
        ]
        .into_iter()
        .collect();
        let classes: HashMap<&str, HashSet<&str>> = [
            (
                "span",
                ["tag", "task", "done", "image-link"].into_iter().collect(),
            ),
            ("mark", ["hit"].into_iter().collect()),
        ]
        .into_iter()
        .collect();
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(tags)
            .tag_attributes(tag_attributes)
            .allowed_classes(classes)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .url_relative(ammonia::UrlRelative::Deny)
            .link_rel(Some("noopener noreferrer"))
            .clean_content_tags(["script", "style"].into_iter().collect())
            .strip_comments(true);
        builder
    })
}

#[cfg(test)]
mod tests;
