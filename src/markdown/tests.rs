//! Tests of the Markdown renderer: ordinary rendering, tags, and the hostile-input list.

use proptest::prelude::*;

use super::*;

/// Every tag the sanitized output may contain, and the attributes each may carry.
fn allowed_attributes(tag: &str) -> Option<&'static [&'static str]> {
    Some(match tag {
        "a" => &["href", "title", "rel"],
        "span" => &["class"],
        "ol" => &["start"],
        "p" | "br" | "hr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "em" | "strong" | "del"
        | "code" | "pre" | "blockquote" | "ul" | "li" | "table" | "thead" | "tbody" | "tr"
        | "th" | "td" => &[],
        _ => return None,
    })
}

/// Scans `html` tag by tag and fails the test on any tag, attribute or URL outside the
/// allow-list. Because all raw HTML is escaped, every `<` in the output starts a real tag.
fn assert_safe(input: &str, html: &str) {
    // Escaped text may say "javascript:" harmlessly; what must never appear is markup.
    let lower = html.to_ascii_lowercase();
    for needle in [
        "<script", "<img", "<svg", "<iframe", "<style", "<math", "<object", "<embed",
    ] {
        assert!(
            !lower.contains(needle),
            "{needle:?} survived in {html:?} (input {input:?})"
        );
    }
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset + 1;
        let mut end = start;
        let mut quote: Option<u8> = None;
        while end < bytes.len() {
            match (quote, bytes[end]) {
                (None, b'>') => break,
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            end += 1;
        }
        let inside = &html[start..end];
        i = end.min(html.len());
        let inside = inside.trim_start_matches('/').trim_end_matches('/');
        let mut parts = inside.splitn(2, char::is_whitespace);
        let name = parts.next().unwrap_or("").to_ascii_lowercase();
        let allowed = allowed_attributes(&name)
            .unwrap_or_else(|| panic!("tag <{name}> in {html:?} (input {input:?})"));
        let attrs = parts.next().unwrap_or("");
        for (attr, value) in parse_attributes(attrs) {
            assert!(
                allowed.contains(&attr.as_str()),
                "attribute {attr} on <{name}> in {html:?} (input {input:?})"
            );
            if attr == "href" {
                let v = value.to_ascii_lowercase();
                assert!(
                    v.starts_with("http://")
                        || v.starts_with("https://")
                        || v.starts_with("mailto:"),
                    "href {value:?} in {html:?} (input {input:?})"
                );
            }
            if attr == "class" {
                for class in value.split_whitespace() {
                    assert!(
                        ["tag", "task", "done", "image-link"].contains(&class),
                        "class {class}"
                    );
                }
            }
        }
    }
}

fn parse_attributes(attrs: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = attrs.trim();
    while !rest.is_empty() {
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let close = after[1..].find(q).map(|p| p + 1).unwrap_or(after.len() - 1);
                value = after[1..close].to_owned();
                rest = after[(close + 1).min(after.len())..].trim_start();
            } else {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                value = after[..end].to_owned();
                rest = after[end..].trim_start();
            }
        }
        out.push((name, value));
    }
    out
}

/// At least thirty hostile inputs: script tags, event handlers, script-bearing URL schemes in
/// every Markdown spelling, SVG, MathML, iframes, styles, forms and remote images.
const HOSTILE: &[&str] = &[
    "<script>window.pwned = 1</script>",
    "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=\"window.pwned=1\">",
    "<svg onload=\"window.pwned=1\"><circle r=10 /></svg>",
    "<svg><script>window.pwned=1</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<iframe srcdoc=\"<script>parent.pwned=1</script>\"></iframe>",
    "<style>body { background: url(https://evil.example/track.png) }</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<a href=\"javascript:alert(1)\">raw html link</a>",
    "<body onload=alert(1)>",
    "<object data=\"https://evil.example/x.swf\"></object>",
    "<embed src=\"https://evil.example/x.swf\">",
    "<form action=\"https://evil.example\"><input name=q><button>go</button></form>",
    "<details open ontoggle=alert(1)>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<base href=\"https://evil.example/\">",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;avascript&#x3A;alert(1))",
    "[click](java\\script:alert(1))",
    "[click](<javascript:alert(1)>)",
    "<javascript:alert(1)>",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "[click](vbscript:msgbox(1))",
    "[click](VBScript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](data:text/html,<script>alert(1)</script>)",
    "![x](javascript:alert(1))",
    "![tracking pixel](https://evil.example/pixel.png)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[![img](https://evil.example/a.png)](https://evil.example)",
    "[click](file:///etc/passwd)",
    "[click](//evil.example/protocol-relative)",
    "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
    "`<script>alert(1)</script>` and ```\n<script>alert(1)</script>\n```",
    "<!-- <script>alert(1)</script> -->",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "\"><script>alert(1)</script>",
    "<x onmouseover=alert(1)>hover</x>",
    "[a](https://ok.example)<img src=x onerror=alert(1)>",
    "- [ ] <img src=x onerror=alert(1)>\n- [x] done",
    "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
    "<textarea><script>alert(1)</script></textarea>",
    "<video><source onerror=\"alert(1)\"></video>",
    "<audio src=x onerror=alert(1)>",
    "[link](ja&#9;vascript:alert(1))",
    "<https://ok.example/\"onmouseover=\"alert(1)>",
];

#[test]
fn hostile_inputs_never_survive() {
    assert!(HOSTILE.len() >= 30);
    for input in HOSTILE {
        let html = render(input);
        assert_safe(input, &html);
    }
}

#[test]
fn raw_html_is_shown_as_text() {
    let html = render("<script>window.pwned = 1</script>");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[test]
fn refused_links_keep_their_words() {
    assert_eq!(
        render("[click me](javascript:alert(1))"),
        "<p>click me</p>\n"
    );
    assert_eq!(render("[notes](notes.md)"), "<p>notes</p>\n");
}

#[test]
fn allowed_links_get_rel_noopener() {
    let html = render("[docs](https://example.org/a?b=1)");
    assert_eq!(
        html,
        "<p><a href=\"https://example.org/a?b=1\" rel=\"noopener noreferrer\">docs</a></p>\n"
    );
}

#[test]
fn remote_images_are_links_never_loaded() {
    let html = render("![chart](https://example.org/q3.png)");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("href=\"https://example.org/q3.png\""),
        "{html}"
    );
    assert!(html.contains("image: chart"), "{html}");
}

#[test]
fn ordinary_markdown_renders() {
    let html =
        render("# Week\n\n**bold** and *soft* ~~gone~~\n\n- one\n- two\n\n> quote\n\n`code`");
    for part in [
        "<h1>Week</h1>",
        "<strong>bold</strong>",
        "<em>soft</em>",
        "<del>gone</del>",
        "<li>one</li>",
        "<blockquote>",
        "<code>code</code>",
    ] {
        assert!(html.contains(part), "{part} missing from {html}");
    }
}

#[test]
fn task_lists_render_as_glyphs() {
    let html = render("- [x] sent the deck\n- [ ] left at six");
    assert!(
        html.contains("<span class=\"task done\">☑</span>"),
        "{html}"
    );
    assert!(html.contains("<span class=\"task\">☐</span>"), "{html}");
}

#[test]
fn tags_are_highlighted_outside_code() {
    let html = render("A #hard_day at the #WBR.\n\n`#notatag` \n\n```\n#alsonot\n```");
    assert!(
        html.contains("<span class=\"tag\">#hard_day</span>"),
        "{html}"
    );
    assert!(html.contains("<span class=\"tag\">#WBR</span>"), "{html}");
    assert!(!html.contains("<span class=\"tag\">#notatag"), "{html}");
    assert!(!html.contains("<span class=\"tag\">#alsonot"), "{html}");
}

#[test]
fn tag_extraction_rules() {
    assert_eq!(
        extract_tags("#Family dinner, #family again; #focus-"),
        vec!["family", "focus"]
    );
    assert_eq!(
        extract_tags("issue #123, a#b, https://x.example/#frag"),
        Vec::<String>::new()
    );
    assert_eq!(extract_tags("# Heading\n\n##double"), Vec::<String>::new());
    assert_eq!(
        extract_tags("(#paren) and #dash-ed_tag"),
        vec!["paren", "dash-ed_tag"]
    );
    assert_eq!(extract_tags("#Ärger im #büro"), vec!["ärger", "büro"]);
    assert_eq!(
        extract_tags("`#code`\n\n```\n#block\n```\n\n    #indented"),
        Vec::<String>::new()
    );
    assert_eq!(
        extract_tags("#tag_with_underscores_split"),
        vec!["tag_with_underscores_split"]
    );
    let long = format!("#{}", "a".repeat(65));
    assert!(extract_tags(&long).is_empty());
}

/// The first way tags were found, a character at a time: the oracle `find_tags` must agree with.
fn find_tags_by_char(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let boundary_before =
            prev.is_none_or(|p| !(p.is_alphanumeric() || matches!(p, '_' | '&' | '/' | '#')));
        if c == '#' && boundary_before {
            if let Some(&(_, first)) = iter.peek() {
                if first.is_alphabetic() {
                    let mut end = i + 1;
                    let mut n_chars = 0;
                    let mut last_char = c;
                    while let Some(&(j, ch)) = iter.peek() {
                        if ch.is_alphanumeric() || ch == '_' || ch == '-' {
                            end = j + ch.len_utf8();
                            n_chars += 1;
                            last_char = ch;
                            iter.next();
                        } else {
                            break;
                        }
                    }
                    let mut tag_end = end;
                    // Trailing hyphens read as punctuation ("#focus-- then…").
                    while text[i..tag_end].ends_with('-') {
                        tag_end -= 1;
                    }
                    if n_chars <= super::MAX_TAG_CHARS {
                        spans.push(i..tag_end);
                    }
                    prev = Some(last_char);
                    continue;
                }
            }
        }
        prev = Some(c);
    }
    spans
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]
    /// Text dense in `#`, tag characters, accents, hyphens and the characters that end one.
    #[test]
    fn tags_are_found_as_a_character_at_a_time_finds_them(text in "[#a-zé_&/\\- 1\n.]{0,40}") {
        prop_assert_eq!(super::find_tags(&text), find_tags_by_char(&text));
    }

    /// Tags near and past the longest kept (64 characters).
    #[test]
    fn long_tags_are_found_as_a_character_at_a_time_finds_them(text in "([a-z]{0,3}#[a-z-]{55,70}[ #]){1,3}") {
        prop_assert_eq!(super::find_tags(&text), find_tags_by_char(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Arbitrary text made of Markdown's and HTML's special characters never yields unsafe HTML.
    #[test]
    fn random_markup_is_always_safe(input in r#"([<>"'=/:\[\]()!#`*_&;a-z0-9 \n-]|javascript:|<script>|<img |onerror=|data:|https://x\.example){0,60}"#) {
        let html = render(&input);
        assert_safe(&input, &html);
    }

    /// Arbitrary Unicode never panics either renderer or extractor.
    #[test]
    fn arbitrary_text_never_panics(input in any::<String>()) {
        let _ = render(&input);
        for tag in extract_tags(&input) {
            prop_assert!(!tag.is_empty());
        }
    }
}

/// A marked page: the words a search found are marked where they stand, accents and case
/// folded as the index folds them, and nowhere else (not in code blocks, tags' markup or link
/// addresses).
#[test]
fn render_marked_marks_the_found_words_and_only_them() {
    let terms = vec!["cafe".to_owned(), "review".to_owned()];
    let marked = render_marked(
        "The **Café** review, then [the review](https://example.org/review) #review\n\n```\nreview\n```",
        &terms,
    )
    .unwrap();
    assert_eq!(marked.marks, 4, "{}", marked.html);
    assert!(
        marked
            .html
            .contains("<strong><mark class=\"hit\">Café</mark></strong>"),
        "{}",
        marked.html
    );
    assert!(marked.html.contains("href=\"https://example.org/review\""));
    assert!(
        marked.html.contains("<pre><code>review\n</code></pre>"),
        "{}",
        marked.html
    );
    let plain = render_marked("nothing here", &terms).unwrap();
    assert_eq!((plain.marks, plain.html), (0, render("nothing here")));
}

/// Marking adds no markup but `<mark class="hit">`: every hostile input stays as safe as in
/// `render`, and a term that is itself markup marks nothing.
#[test]
fn render_marked_keeps_hostile_inputs_safe() {
    let terms: Vec<String> = [
        "script",
        "alert",
        "javascript",
        "img",
        "onerror",
        "mark",
        "hit",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for input in HOSTILE {
        let marked = render_marked(input, &terms).unwrap();
        let without_marks = marked
            .html
            .replace("<mark class=\"hit\">", "")
            .replace("</mark>", "");
        assert_safe(input, &without_marks);
        assert_eq!(
            marked.html.matches("<mark").count(),
            marked.marks,
            "{input:?}: {}",
            marked.html
        );
    }
    assert!(render_marked(&"x".repeat(MAX_RENDER_BYTES + 1), &terms).is_err());
}
