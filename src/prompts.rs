//! The prompt library and the choice of a day's prompts.
//!
//! The library is `assets/prompts.toml`, compiled into the binary and validated here. The
//! choice is a pure function of the date, the visible prompts, what was shown on nearby days
//! and the context (the day before's stress, review days, the reflection day):
//! - deterministic: a date seeds its own generator (SplitMix64), so the same inputs always give
//!   the same prompts, on any machine, after any restart;
//! - no repeats: a daily prompt shown within 29 days on either side is not chosen while other
//!   prompts of its side remain;
//! - context-aware: after a day with stress of 7 or more, recovery prompts weigh four times as
//!   much; on a review day, pressure and boundary prompts weigh three times as much; in the four
//!   weeks after a re-org or a new role began, change and identity prompts weigh three times as
//!   much, and recovery prompts in the two weeks after a launch;
//! - value prompts (texts with `{value}`) are offered only to a person who has named values; the
//!   value a day asks about is chosen per date and kept with the day (`value:ID` among its ids);
//! - the weekly set (3 to 5 weekly prompts, at least one per side) is chosen per ISO week.
//!
//! Nothing here reads or writes the journal: storing what was chosen is the store's
//! (`Journal::day_prompts` and friends, in `store/day_prompts.rs`): once a day has shown
//! prompts, it shows those same prompts forever.

use std::collections::{HashMap, HashSet};

use crate::i18n::Lang;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::cycle::{CycleEvent, Lean, PersonalValue, ValueBook};
use crate::error::{KeelError, Result};
use crate::model::{Cadence, Prompt, PromptOrigin, Settings, Side, Theme, WeekId};

/// The shipped library, as written.
pub const LIBRARY_TOML: &str = include_str!("../assets/prompts.toml");

/// Days on either side of a date whose prompts it will not repeat.
pub const NO_REPEAT_DAYS: u64 = 29;
/// Stress at or above which the next day leans to recovery.
pub const HIGH_STRESS: u8 = 7;
const RECOVERY_WEIGHT: f64 = 4.0;
const REVIEW_DAY_WEIGHT: f64 = 3.0;
/// After a re-org or a new role: change and identity; after a launch: recovery.
const LEAN_WEIGHT: f64 = 3.0;
/// What a value prompt's text holds where one of the person's values goes.
pub const VALUE_SLOT: &str = "{value}";
/// How a day's stored prompt ids name the value its value prompt asks about (`value:3`).
pub const VALUE_MARK: &str = "value:";

/// Whether a prompt asks about one of the person's values (its text holds `VALUE_SLOT`).
pub fn is_value_prompt(prompt: &Prompt) -> bool {
    prompt.text.contains(VALUE_SLOT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryFile {
    prompt: Vec<LibraryPrompt>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryPrompt {
    id: String,
    side: Side,
    cadence: Cadence,
    theme: Theme,
    text: String,
}

/// Parses and validates a library file: ids unique and well formed, texts non-empty and
/// unique, every side, cadence and theme populated.
pub fn parse_library(toml_text: &str) -> Result<Vec<Prompt>> {
    let bad = |reason: String| KeelError::PromptLibrary { reason };
    let file: LibraryFile = toml::from_str(toml_text).map_err(|e| bad(e.to_string()))?;
    let mut ids = HashSet::new();
    let mut texts = HashSet::new();
    let mut prompts = Vec::with_capacity(file.prompt.len());
    for (i, p) in file.prompt.into_iter().enumerate() {
        let text = p.text.trim().to_owned();
        let well_formed = !p.id.is_empty()
            && p.id.len() <= 16
            && p.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !p.id.starts_with("u-");
        if !well_formed {
            return Err(bad(format!(
                "prompt {} has a malformed id “{}”",
                i + 1,
                p.id
            )));
        }
        if !ids.insert(p.id.clone()) {
            return Err(bad(format!("the id {} is used twice", p.id)));
        }
        if text.is_empty() || text.chars().count() > crate::model::MAX_PROMPT_CHARS {
            return Err(bad(format!(
                "prompt {} has an empty or overlong text",
                p.id
            )));
        }
        if text.contains(VALUE_SLOT) && (p.cadence != Cadence::Daily || p.side == Side::Role) {
            return Err(bad(format!(
                "prompt {} asks about a value but is not a daily self or bridge prompt",
                p.id
            )));
        }
        if text.replace(VALUE_SLOT, "").contains(['{', '}']) {
            return Err(bad(format!(
                "prompt {} has a brace that is not {VALUE_SLOT}",
                p.id
            )));
        }
        if !texts.insert(text.to_lowercase()) {
            return Err(bad(format!(
                "prompt {} repeats another prompt's text",
                p.id
            )));
        }
        prompts.push(Prompt {
            id: p.id,
            side: p.side,
            cadence: p.cadence,
            theme: p.theme,
            text,
            origin: PromptOrigin::Shipped,
            edited: false,
            hidden: false,
        });
    }
    for side in Side::ALL {
        for cadence in [Cadence::Daily, Cadence::Weekly] {
            if !prompts
                .iter()
                .any(|p| p.side == side && p.cadence == cadence)
            {
                return Err(bad(format!(
                    "no {cadence:?} prompt for the {} side",
                    side.as_str()
                )));
            }
        }
    }
    for theme in Theme::ALL {
        if !prompts.iter().any(|p| p.theme == theme) {
            return Err(bad(format!("no prompt has the theme {}", theme.as_str())));
        }
    }
    Ok(prompts)
}

/// The shipped library.
pub fn shipped() -> Result<Vec<Prompt>> {
    parse_library(LIBRARY_TOML)
}

/// The shipped prompts' texts in German and Spanish (`assets/locales/<lang>/prompts.toml`, id →
/// text), compiled in. English is the library itself.
const TRANSLATIONS_DE: &str = include_str!("../assets/locales/de/prompts.toml");
const TRANSLATIONS_ES: &str = include_str!("../assets/locales/es/prompts.toml");

/// A language's translation file as id → text; a file that does not parse is empty (the tests
/// check the shipped ones parse and are complete, so this never happens in a build).
pub fn translations(lang: Lang) -> &'static HashMap<String, String> {
    use std::sync::OnceLock;
    static DE: OnceLock<HashMap<String, String>> = OnceLock::new();
    static ES: OnceLock<HashMap<String, String>> = OnceLock::new();
    static EN: OnceLock<HashMap<String, String>> = OnceLock::new();
    let (cell, source) = match lang {
        Lang::De => (&DE, TRANSLATIONS_DE),
        Lang::Es => (&ES, TRANSLATIONS_ES),
        Lang::En => (&EN, ""),
    };
    cell.get_or_init(|| toml::from_str(source).unwrap_or_default())
}

/// `prompt` in `lang`: a shipped prompt the person has not edited takes its translation; the
/// person's own prompts and their edits stay as they wrote them.
pub fn localized(mut prompt: Prompt, lang: Lang) -> Prompt {
    if prompt.origin == crate::model::PromptOrigin::Shipped && !prompt.edited {
        if let Some(text) = translations(lang).get(&prompt.id) {
            prompt.text = text.clone();
        }
    }
    prompt
}

/// A fingerprint of the shipped library (FNV-1a), stored in the journal to merge only when
/// the library changed.
pub fn library_fingerprint() -> u64 {
    LIBRARY_TOML.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What the choice depends on besides the date and the library.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Stress recorded on the day before, if any.
    pub previous_stress: Option<u8>,
    /// Whether the date is one of the user's review days.
    pub review_day: bool,
    /// Ids shown within `NO_REPEAT_DAYS` of the date (either side).
    pub recent: HashSet<String>,
    /// The person's active values: value prompts are offered only when there are some.
    pub values: Vec<PersonalValue>,
    /// Where the work cycle's events around the date lean (`cycle::Lean`).
    pub lean: Lean,
}

impl Context {
    /// The context of `date` from the settings, the day before's stress and nearby prompts.
    pub fn new(
        date: NaiveDate,
        settings: &Settings,
        previous_stress: Option<u8>,
        recent: HashSet<String>,
    ) -> Context {
        Context {
            previous_stress,
            review_day: settings.review_days.contains(&date.weekday()),
            recent,
            values: Vec::new(),
            lean: Lean::default(),
        }
    }

    /// The same context with the person's values and the events around the date.
    pub fn with_cycle(
        mut self,
        date: NaiveDate,
        values: &ValueBook,
        events: &[CycleEvent],
    ) -> Context {
        self.values = values.active().cloned().collect();
        self.lean = Lean::of(date, events);
        self
    }

    fn weight(&self, prompt: &Prompt) -> f64 {
        let mut w = 1.0;
        if self.previous_stress.is_some_and(|s| s >= HIGH_STRESS) && prompt.theme == Theme::Recovery
        {
            w *= RECOVERY_WEIGHT;
        }
        if self.review_day && matches!(prompt.theme, Theme::Pressure | Theme::Boundaries) {
            w *= REVIEW_DAY_WEIGHT;
        }
        if self.lean.change && matches!(prompt.theme, Theme::Change | Theme::Identity) {
            w *= LEAN_WEIGHT;
        }
        if self.lean.recovery && prompt.theme == Theme::Recovery {
            w *= LEAN_WEIGHT;
        }
        w
    }
}

/// SplitMix64: a small, fast, well-distributed generator; stable across platforms and
/// releases, which the per-date determinism depends on.
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(date: NaiveDate, salt: u64) -> SplitMix64 {
        SplitMix64((date.num_days_from_ce() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// FNV-1a, 64 bits: a stable hash of text (std's hasher is seeded per process).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Picks one visible daily prompt of `side` for `date`, avoiding `exclude` and the recent
/// ones while others remain. `salt` varies the draw ("another prompt" passes the current id).
pub fn pick(
    date: NaiveDate,
    side: Side,
    library: &[Prompt],
    context: &Context,
    exclude: &HashSet<String>,
    salt: &str,
) -> Option<Prompt> {
    let visible: Vec<&Prompt> = library
        .iter()
        .filter(|p| {
            p.side == side
                && p.cadence == Cadence::Daily
                && !p.hidden
                && !exclude.contains(&p.id)
                && (!context.values.is_empty() || !is_value_prompt(p))
        })
        .collect();
    let fresh: Vec<&Prompt> = visible
        .iter()
        .copied()
        .filter(|p| !context.recent.contains(&p.id))
        .collect();
    let pool = if fresh.is_empty() { visible } else { fresh };
    if pool.is_empty() {
        return None;
    }
    // Sorted by id so the draw does not depend on the order the library was read in.
    let mut pool = pool;
    pool.sort_by(|a, b| a.id.cmp(&b.id));
    let weights: Vec<f64> = pool.iter().map(|p| context.weight(p)).collect();
    let total: f64 = weights.iter().sum();
    let mut rng = SplitMix64::new(date, fnv1a(side.as_str()) ^ fnv1a(salt).rotate_left(17));
    let mut target = rng.unit() * total;
    for (prompt, w) in pool.iter().zip(&weights) {
        if target < *w {
            return Some((*prompt).clone());
        }
        target -= w;
    }
    pool.last().map(|p| (*p).clone())
}

/// The value a value prompt shown on `date` asks about, among the active ones: deterministic
/// per date and prompt.
pub fn value_for(date: NaiveDate, prompt_id: &str, values: &[PersonalValue]) -> Option<u32> {
    if values.is_empty() {
        return None;
    }
    let mut rng = SplitMix64::new(date, fnv1a("value") ^ fnv1a(prompt_id).rotate_left(7));
    Some(values[(rng.next() % values.len() as u64) as usize].id)
}

/// The value the stored ids say the day's value prompt asks about (the last `value:` mark).
pub fn stored_value(stored: &[String]) -> Option<u32> {
    stored
        .iter()
        .rev()
        .find_map(|id| id.strip_prefix(VALUE_MARK)?.parse().ok())
}

/// Fills the value prompts of a day's choice with the value's name; a value prompt whose value is
/// unknown is dropped (the caller chooses again).
pub fn fill_values(daily: &mut DailyChoice, value: Option<u32>, book: &ValueBook) {
    for slot in [&mut daily.role, &mut daily.myself, &mut daily.bridge] {
        let Some(prompt) = slot.as_mut() else {
            continue;
        };
        if !is_value_prompt(prompt) {
            continue;
        }
        match value.and_then(|id| book.get(id)) {
            Some(v) => prompt.text = prompt.text.replace(VALUE_SLOT, &v.name),
            None => *slot = None,
        }
    }
}

/// Whether `date` shows a bridge prompt (about one day in three).
pub fn has_bridge(date: NaiveDate) -> bool {
    SplitMix64::new(date, fnv1a("bridge?"))
        .next()
        .is_multiple_of(3)
}

/// A day's daily prompts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyChoice {
    pub role: Option<Prompt>,
    pub myself: Option<Prompt>,
    pub bridge: Option<Prompt>,
}

impl DailyChoice {
    /// The ids, in the order they are stored with the day.
    pub fn ids(&self) -> Vec<String> {
        [&self.role, &self.myself, &self.bridge]
            .into_iter()
            .flatten()
            .map(|p| p.id.clone())
            .collect()
    }

    fn slot(&mut self, side: Side) -> &mut Option<Prompt> {
        match side {
            Side::Role => &mut self.role,
            Side::Myself => &mut self.myself,
            Side::Bridge => &mut self.bridge,
        }
    }
}

/// Chooses `date`'s prompts from scratch.
pub fn choose(date: NaiveDate, library: &[Prompt], context: &Context) -> DailyChoice {
    let none = HashSet::new();
    DailyChoice {
        role: pick(date, Side::Role, library, context, &none, ""),
        myself: pick(date, Side::Myself, library, context, &none, ""),
        bridge: if has_bridge(date) {
            pick(date, Side::Bridge, library, context, &none, "")
        } else {
            None
        },
    }
}

/// The weekly set for `week`: 3 to 5 visible weekly prompts, at least one per side when the
/// library allows, deterministic per week.
pub fn weekly_set(week: WeekId, library: &[Prompt]) -> Vec<Prompt> {
    let monday = week.monday();
    let mut rng = SplitMix64::new(monday, fnv1a("weekly"));
    let n_wanted = 3 + (rng.next() % 3) as usize;
    let mut visible: Vec<&Prompt> = library
        .iter()
        .filter(|p| p.cadence == Cadence::Weekly && !p.hidden)
        .collect();
    visible.sort_by(|a, b| a.id.cmp(&b.id));
    // A seeded shuffle (Fisher–Yates), then one per side first, then the rest in order.
    for i in (1..visible.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        visible.swap(i, j);
    }
    let mut chosen: Vec<&Prompt> = Vec::new();
    for side in Side::ALL {
        if let Some(p) = visible.iter().find(|p| p.side == side) {
            chosen.push(p);
        }
    }
    for p in &visible {
        if chosen.len() >= n_wanted {
            break;
        }
        if !chosen.iter().any(|c| c.id == p.id) {
            chosen.push(p);
        }
    }
    chosen.truncate(n_wanted.max(1));
    chosen.into_iter().cloned().collect()
}

/// The prompts a day shows: its stored daily prompts, and the weekly set on the reflection day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPrompts {
    pub date: NaiveDate,
    pub daily: DailyChoice,
    /// Offered on the reflection day; empty on other days.
    pub weekly: Vec<Prompt>,
}

fn by_id(library: &[Prompt]) -> HashMap<&str, &Prompt> {
    library.iter().map(|p| (p.id.as_str(), p)).collect()
}

/// Resolves a day's stored ids (every prompt the day has shown, in order) to its current
/// prompts: the last visible one of each side.
pub fn resolve(stored: &[String], library: &[Prompt]) -> DailyChoice {
    let ids = by_id(library);
    let mut daily = DailyChoice {
        role: None,
        myself: None,
        bridge: None,
    };
    for id in stored {
        if let Some(p) = ids.get(id.as_str()) {
            if p.cadence == Cadence::Daily && !p.hidden {
                *daily.slot(p.side) = Some((*p).clone());
            }
        }
    }
    daily
}

#[cfg(test)]
mod tests;
