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
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let is_word = c.is_alphanumeric() || is_combining_mark(c);
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), fold(&text[s..])));
    }
    out
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
    fn ranges_point_into_the_original_text() {
        let text = "Café — “quiet”";
        for (range, word) in words(text) {
            assert_eq!(fold(&text[range]), word);
        }
    }
}
