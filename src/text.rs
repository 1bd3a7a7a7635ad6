//! Words as search sees them: split on anything that is not a letter or a digit, lower-cased,
//! accents folded away (NFD, combining marks dropped), so "Résumé", "resume" and "RESUMÉ" meet.
//! The index, the query parser, the brute-force check and the snippets all use these two
//! functions, so they cannot disagree about what a word is.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word folded for matching.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        // Nothing to decompose: the common case, and ten times faster.
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` with their byte ranges in `text`, in order.
pub fn words(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    word_ranges(text)
        .map(|r| {
            let folded = fold(&text[r.clone()]);
            (r, folded)
        })
        .collect()
}

/// The byte ranges of `text`'s words, in order, found as they are read (nothing folded, nothing
/// allocated): what search walks when it only needs to compare a few words.
pub fn word_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut chars = text.char_indices();
    let mut start: Option<usize> = None;
    std::iter::from_fn(move || loop {
        match chars.next() {
            Some((i, c)) => {
                let is_word = if c.is_ascii() {
                    c.is_ascii_alphanumeric()
                } else {
                    c.is_alphanumeric() || is_combining_mark(c)
                };
                match (is_word, start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        start = None;
                        return Some(s..i);
                    }
                    _ => {}
                }
            }
            None => return start.take().map(|s| s..text.len()),
        }
    })
}

/// Whether `word` (as written) folds to `folded`, without making the folded word when both
/// are plain ASCII.
pub fn folds_to(word: &str, folded: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(folded)
    } else {
        fold(word) == folded
    }
}

/// `word` folded into `buf` (cleared first): `fold` without an allocation per word.
pub fn fold_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&fold(word));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_and_accents() {
        let w: Vec<String> = words("Résumé of the WBR: naïve, Ärger; 日本語 x2")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            w,
            [
                "resume",
                "of",
                "the",
                "wbr",
                "naive",
                "arger",
                "日本語",
                "x2"
            ]
        );
        assert_eq!(fold("ÉMILE"), "emile");
    }

    #[test]
    fn the_lazy_forms_agree_with_words() {
        for text in [
            "",
            "  ",
            "Résumé of the WBR: naïve",
            "x2 — end",
            "e\u{301}tude ends",
        ] {
            let ranges: Vec<_> = word_ranges(text).collect();
            let listed: Vec<_> = words(text).into_iter().map(|(r, _)| r).collect();
            assert_eq!(ranges, listed);
            let mut buf = String::new();
            for (range, word) in words(text) {
                assert!(folds_to(&text[range.clone()], &word));
                fold_into(&text[range], &mut buf);
                assert_eq!(buf, word);
            }
        }
        assert!(!folds_to("River", "rive"));
        assert!(folds_to("RÉSUMÉ", "resume"));
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "Café — “quiet”";
        for (range, word) in words(text) {
            assert_eq!(fold(&text[range]), word);
        }
    }
}
