//! Merging two edits of one text made from the same version, line by line (diffy's three-way
//! merge): edits of different lines both stand; where both changed the same lines, both
//! versions are kept, one after the other, in a conflict block naming their writers, for the
//! person to resolve. Sync merges concurrent versions with it (`sync::history`) and a save
//! made over a page that changed since the editor loaded it merges with it too
//! (`model::DayPatch::rebased`), so no line anyone typed is dropped by either.

/// The marker lines of a conflict block: an HTML comment the Markdown renderer drops, so the
/// page shows only the devices' names and their texts, while Keel can count the blocks.
pub const CONFLICT_START: &str = "<!-- keel: two versions -->";
pub const CONFLICT_END: &str = "<!-- keel: end of the two versions -->";

/// How many conflict blocks `text` holds (waiting for the person to choose).
pub fn conflicts_in(text: &str) -> usize {
    text.lines().filter(|l| *l == CONFLICT_START).count()
}

/// `ours` and `theirs`, both changed from `base`, merged line by line (diffy's three-way merge);
/// where both changed the same lines, both versions stay, in a conflict block naming the
/// writers. Returns the text and whether it holds a new conflict.
pub fn three_way(
    base: &str,
    ours: &str,
    theirs: &str,
    our_name: &str,
    their_name: &str,
) -> (String, bool) {
    if ours == theirs || base == theirs {
        return (ours.to_owned(), false);
    }
    if base == ours {
        return (theirs.to_owned(), false);
    }
    // diffy merges lines; a text without a final line break gets one for the merge and loses
    // it after, so the last lines compare as lines.
    let plain = !ours.ends_with('\n') && !theirs.ends_with('\n');
    let line = |t: &str| {
        if t.is_empty() || t.ends_with('\n') {
            t.to_owned()
        } else {
            format!("{t}\n")
        }
    };
    let (base, ours_n, theirs_n) = (line(base), line(ours), line(theirs));
    let mut options = diffy::MergeOptions::new();
    options
        .set_conflict_style(diffy::ConflictStyle::Merge)
        .set_conflict_marker_length(MARKER);
    let (mut text, clashed) = match options.merge(&base, &ours_n, &theirs_n) {
        Ok(merged) => (merged, false),
        Err(marked) => (conflict_block(&marked, our_name, their_name), true),
    };
    if plain && text.ends_with('\n') {
        text.pop();
    }
    (text, clashed)
}

/// `ours` and `theirs` as lists (one item per line), both changed from `base`: merged as
/// `three_way` does where their edits are apart; where they touch the same lines, as sets:
/// every line of ours except those theirs removed, then every line theirs added that ours
/// does not hold. No block: an item added on either side stays, an item removed on either
/// side (and not added again) goes.
pub fn union_of_lines(base: &str, ours: &str, theirs: &str) -> String {
    let (text, clashed) = three_way(base, ours, theirs, "", "");
    if !clashed {
        return text;
    }
    let items = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (base, ours, theirs) = (items(base), items(ours), items(theirs));
    let mut out: Vec<&str> = ours
        .iter()
        .filter(|l| !base.contains(l) || theirs.contains(l))
        .map(String::as_str)
        .collect();
    for line in &theirs {
        if !ours.contains(line) && !base.contains(line) && !out.contains(&line.as_str()) {
            out.push(line);
        }
    }
    out.join("\n")
}

/// A value that is not merged but taken whole (a rating, a check): `typed` when it was changed
/// from `loaded`, else what is stored `now`.
pub fn register<'a, T: PartialEq>(loaded: &'a T, typed: &'a T, now: &'a T) -> &'a T {
    if typed != loaded {
        typed
    } else {
        now
    }
}

/// Long enough that no line a person writes is taken for one of diffy's markers.
const MARKER: usize = 33;

/// diffy's `<<<… ours` / `===…` / `>>>… theirs` lines turned into Keel's block: the start
/// marker, each writer's name in bold above their lines, the end marker.
fn conflict_block(marked: &str, our_name: &str, their_name: &str) -> String {
    let start = format!("{} ours", "<".repeat(MARKER));
    let middle = "=".repeat(MARKER);
    let end = format!("{} theirs", ">".repeat(MARKER));
    let mut out = String::with_capacity(marked.len() + 200);
    for line in marked.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        if bare == start {
            out.push_str(&format!("{CONFLICT_START}\n**{our_name}:**\n\n"));
        } else if bare == middle {
            out.push_str(&format!("\n**{their_name}:**\n\n"));
        } else if bare == end {
            out.push_str(&format!("{CONFLICT_END}\n"));
        } else {
            out.push_str(line);
        }
    }
    out
}
