//! Keel's words in English, German and Spanish (issue 19).
//!
//! One catalogue format for the core, the command line and the page: Project Fluent. The
//! catalogues live in `assets/locales/<lang>/*.ftl` and are compiled into the binary; the page
//! receives its files as text (`catalogue`) and formats them with `@fluent/bundle`, the core and
//! the CLI format theirs with `fluent-bundle` (`Tr`). Plural rules and number formatting are the
//! library's (CLDR data), not string concatenation. Which language: the person's `Language`
//! setting, or, left at "system", the first of the system's locales Keel speaks, else English
//! (`Lang::resolve`). Reading the system's locale is the shell's and the CLI's job (like the
//! clock); this module only parses what they pass.
//!
//! Names of what a person wrote (their prompts, values, tags) are never translated.

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::wire::wire_enum;

wire_enum! {
    /// The language setting: one of Keel's languages, or whatever the system says.
    #[derive(Default)]
    pub enum Language ("the language") {
        #[default]
        System = "system",
        En = "en",
        De = "de",
        Es = "es",
    }
}

wire_enum! {
    /// A language Keel speaks.
    #[derive(Default)]
    pub enum Lang ("a language") {
        #[default]
        En = "en",
        De = "de",
        Es = "es",
    }
}

/// One catalogue file, in each language.
struct File {
    name: &'static str,
    en: &'static str,
    de: &'static str,
    es: &'static str,
}

macro_rules! catalogue_file {
    ($name:literal) => {
        File {
            name: $name,
            en: include_str!(concat!("../assets/locales/en/", $name)),
            de: include_str!(concat!("../assets/locales/de/", $name)),
            es: include_str!(concat!("../assets/locales/es/", $name)),
        }
    };
}

/// Every catalogue file: the page's words (`ui.ftl`), the words the core puts into what it
/// returns (`core.ftl`, which the page loads too), the command line's (`cli.ftl`) and its
/// `--help` (`help.ftl`, English generated from the doc comments: src/bin/keel/help.rs).
const FILES: [File; 4] = [
    catalogue_file!("ui.ftl"),
    catalogue_file!("core.ftl"),
    catalogue_file!("cli.ftl"),
    catalogue_file!("help.ftl"),
];
/// The page's files: ui.ftl and core.ftl.
const PAGE_FILES: &[File] = FILES.split_at(2).0;
/// The files the core and the command line format themselves: core.ftl, cli.ftl, help.ftl.
const CORE_FILES: &[File] = FILES.split_at(1).1;

impl File {
    fn source(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::De => self.de,
            Lang::Es => self.es,
        }
    }
}

impl Lang {
    /// The language a locale name names, if Keel speaks it: POSIX (`de_DE.UTF-8`, `es_MX@euro`)
    /// or BCP 47 (`de-AT`, `es`). `C`, `POSIX` and unknown languages: `None`.
    pub fn from_locale(name: &str) -> Option<Lang> {
        let language = name
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.as_str() == language)
    }

    /// The language to speak: the setting's, or with "system" the first of `system` (locale
    /// names, most preferred first) that Keel speaks, else English.
    pub fn resolve<'a>(setting: Language, system: impl IntoIterator<Item = &'a str>) -> Lang {
        match setting {
            Language::En => Lang::En,
            Language::De => Lang::De,
            Language::Es => Lang::Es,
            Language::System => system
                .into_iter()
                .find_map(Lang::from_locale)
                .unwrap_or_default(),
        }
    }

    fn langid(self) -> LanguageIdentifier {
        self.as_str().parse().unwrap_or_default()
    }
}

/// The system's preferred locale names from a process environment, most preferred first, the
/// way gettext reads them: `LANGUAGE` (a colon-separated list), then `LC_ALL`, `LC_MESSAGES`,
/// `LANG`. `get` reads one variable (the CLI passes `std::env::var`).
pub fn system_locales(get: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let mut names = Vec::new();
    let set = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    // gettext ignores LANGUAGE when the locale is C; so does Keel.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|k| set(get(k)));
    if locale.as_deref().is_some_and(|l| l != "C" && l != "POSIX") {
        if let Some(list) = set(get("LANGUAGE")) {
            names.extend(list.split(':').filter(|s| !s.is_empty()).map(str::to_owned));
        }
    }
    names.extend(locale);
    names
}

/// What the page needs to speak: the language, the locale for Intl's dates and numbers, and
/// the FTL text of the page's catalogue files.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogueDto {
    pub lang: Lang,
    /// BCP 47, e.g. "de-AT": the system's region where it speaks `lang`, else `lang` itself.
    pub locale: String,
    pub source: String,
}

/// The catalogue of `lang`, parsed once per process and shared: what every message of the
/// core and the command line is formatted with.
pub fn tr(lang: Lang) -> &'static Tr {
    static CATALOGUES: [std::sync::OnceLock<Tr>; Lang::ALL.len()] =
        [const { std::sync::OnceLock::new() }; Lang::ALL.len()];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CATALOGUES[i].get_or_init(|| Tr::new(lang))
}

/// The English catalogue: what `Display` of a catalogue message writes.
pub fn english() -> &'static Tr {
    tr(Lang::En)
}

/// The system's locale names, set once by the shell or the CLI at start (they read the
/// environment, as they read the clock); empty until then, which means English.
static SYSTEM_LOCALES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Records the system's locale names for this process (the first call wins).
pub fn use_system_locales(locales: Vec<String>) {
    let _ = SYSTEM_LOCALES.set(locales);
}

/// The system's locale names this process was given (`use_system_locales`).
pub fn system() -> &'static [String] {
    SYSTEM_LOCALES.get().map(Vec::as_slice).unwrap_or(&[])
}

/// The language `setting` names on this system (`Lang::resolve` over `system()`).
pub fn resolved(setting: Language) -> Lang {
    Lang::resolve(setting, system().iter().map(String::as_str))
}

/// The language this process speaks now, for what it words at its edges (error messages): set
/// by the shell when the page loads its catalogue and by the CLI once it knows the journal's.
static SPOKEN: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Speaks `lang` from now on (`spoken`).
pub fn speak(lang: Lang) {
    let n = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    SPOKEN.store(
        u8::try_from(n).unwrap_or(0),
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// The language set by `speak`; English until then.
pub fn spoken() -> Lang {
    let n = usize::from(SPOKEN.load(std::sync::atomic::Ordering::Relaxed));
    Lang::ALL.get(n).copied().unwrap_or_default()
}

/// The page's catalogue for the `setting`, given the system's locale names.
pub fn page_catalogue(setting: Language, system: &[String]) -> CatalogueDto {
    let lang = Lang::resolve(setting, system.iter().map(String::as_str));
    CatalogueDto {
        lang,
        locale: locale_tag(lang, system),
        source: PAGE_FILES
            .iter()
            .map(|f| f.source(lang))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The BCP 47 tag for dates and numbers in `lang`: the first system locale that speaks it, with
/// its region ("de_AT.UTF-8" gives "de-AT"), else the bare language.
pub fn locale_tag(lang: Lang, system: &[String]) -> String {
    system
        .iter()
        .filter(|name| Lang::from_locale(name) == Some(lang))
        .find_map(|name| {
            let base = name.split(['.', '@']).next().unwrap_or("");
            let tag = base.replace('_', "-");
            tag.parse::<LanguageIdentifier>()
                .ok()
                .map(|id| id.to_string())
        })
        .unwrap_or_else(|| lang.as_str().to_owned())
}

/// A value to put into a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    /// An integer (plural forms select on it).
    Int(i64),
    /// A decimal shown with exactly this many digits after the point.
    Decimal(f64, usize),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Int(n)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Int(n.into())
    }
}

/// The core's and the command line's words in one language.
pub struct Tr {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tr").field("lang", &self.lang).finish()
    }
}

impl Tr {
    /// The catalogue for `lang`. The shipped catalogues are checked by the tests (they parse,
    /// and every language has the same messages), so a fault here is a build's fault; it still
    /// never panics: a message that fails shows its id.
    pub fn new(lang: Lang) -> Tr {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
        // No Unicode isolation marks around placeables: all three languages run left to right,
        // and the marks would end up in the terminal and in copied text.
        bundle.set_use_isolating(false);
        for file in CORE_FILES {
            let resource = match FluentResource::try_new(file.source(lang).to_owned()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            let _ = bundle.add_resource(resource);
        }
        Tr { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Message `id` with `args`; the id itself when the catalogue lacks it.
    pub fn get(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.format(id, args)
    }

    /// Message `id`'s value, or its attribute `attribute`, without arguments; `None` when the
    /// catalogue lacks it (the help texts: an argument without words keeps clap's).
    pub fn message(&self, id: &str, attribute: Option<&str>) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attribute {
            None => message.value()?,
            Some(name) => message.get_attribute(name)?.value(),
        };
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }

    fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            let value: FluentValue = match arg {
                Arg::Text(s) => FluentValue::String(Cow::Owned(s.clone())),
                Arg::Int(n) => FluentValue::from(*n),
                // Written out here, in the language's form: fluent-bundle formats numbers
                // without the locale's separators.
                Arg::Decimal(x, digits) => {
                    FluentValue::String(Cow::Owned(self.decimal(*x, *digits)))
                }
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// A day's date in full in this language ("Tuesday 1 December 2026", "Dienstag, 1. Dezember
    /// 2026"): the pattern is the catalogue's `date-long`, the names chrono's locale data (glibc's).
    pub fn date_long(&self, date: chrono::NaiveDate) -> String {
        self.date(date, "date-long")
    }

    /// `date` through the catalogue's strftime pattern `pattern_id` (`date-long`,
    /// `date-short`, …), with this language's month and day names.
    pub fn date(&self, date: chrono::NaiveDate, pattern_id: &str) -> String {
        let pattern = self.get(pattern_id, &[]);
        let locale = match self.lang {
            Lang::En => chrono::Locale::en_US,
            Lang::De => chrono::Locale::de_DE,
            Lang::Es => chrono::Locale::es_ES,
        };
        date.format_localized(&pattern, locale).to_string()
    }

    /// A day of the week's short name in this language ("Mon", "Mo", "lun"): the catalogue's
    /// `date-weekday` pattern over a date that falls on it (1 January 2024 was a Monday).
    pub fn weekday(&self, day: chrono::Weekday) -> String {
        chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
            .map(|monday| monday + chrono::Days::new(u64::from(day.num_days_from_monday())))
            .map(|d| self.date(d, "date-weekday"))
            .unwrap_or_default()
    }

    /// A decimal in this language's form ("3.5", "3,5").
    pub fn decimal(&self, x: f64, digits: usize) -> String {
        let s = format!("{x:.digits$}");
        match self.lang {
            Lang::En => s,
            Lang::De | Lang::Es => s.replace('.', ","),
        }
    }
}

/// The shipped catalogue files, for the checks: (language, file name, FTL text).
pub fn shipped_files() -> impl Iterator<Item = (Lang, &'static str, &'static str)> {
    FILES
        .iter()
        .flat_map(|f| Lang::ALL.map(|lang| (lang, f.name, f.source(lang))))
}

#[cfg(test)]
mod tests;
