use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// A catalogue file's messages: id → (attribute names, variables used anywhere in it).
type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn variables_in_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            variables_in_expression(expression, out);
        }
    }
}

fn variables_in_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            variables_in_inline(selector, out);
            for v in variants {
                variables_in_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => variables_in_inline(inline, out),
    }
}

fn variables_in_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_in_inline(a, out);
            }
            for a in &arguments.named {
                variables_in_inline(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => variables_in_expression(expression, out),
        _ => {}
    }
}

/// Parses `source` strictly: any syntax error fails the test, naming the file.
fn shape(what: &str, source: &str) -> Shape {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{what}: FTL syntax errors: {errors:?}"));
    let mut shape = Shape::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables_in_pattern(p, &mut vars);
                }
                let mut attrs = BTreeSet::new();
                for a in &m.attributes {
                    attrs.insert(a.id.name.to_owned());
                    variables_in_pattern(&a.value, &mut vars);
                }
                let previous = shape.insert(m.id.name.to_owned(), (attrs, vars));
                assert!(previous.is_none(), "{what}: {} is defined twice", m.id.name);
            }
            ast::Entry::Junk { content } => panic!("{what}: unparsable: {content}"),
            _ => {}
        }
    }
    shape
}

/// The check issue 19 asks for: every language has exactly the messages English has, with the
/// same attributes and the same variables, in every file, and each file parses cleanly.
#[test]
fn every_language_has_every_message_and_no_other() {
    let mut english: BTreeMap<&str, Shape> = BTreeMap::new();
    let files: Vec<_> = shipped_files().collect();
    for (lang, name, source) in &files {
        if *lang == Lang::En {
            english.insert(name, shape(&format!("en/{name}"), source));
        }
    }
    let mut problems = Vec::new();
    for (lang, name, source) in &files {
        if *lang == Lang::En {
            continue;
        }
        let theirs = shape(&format!("{lang}/{name}"), source);
        let ours = &english[name];
        for id in ours.keys().filter(|id| !theirs.contains_key(*id)) {
            problems.push(format!("{lang}/{name}: {id} is missing"));
        }
        for id in theirs.keys().filter(|id| !ours.contains_key(*id)) {
            problems.push(format!("{lang}/{name}: {id} is not in English"));
        }
        for (id, (attrs, vars)) in ours {
            if let Some((their_attrs, their_vars)) = theirs.get(id) {
                if attrs != their_attrs {
                    problems.push(format!(
                        "{lang}/{name}: {id} has attributes {their_attrs:?}, English {attrs:?}"
                    ));
                }
                if vars != their_vars {
                    problems.push(format!(
                        "{lang}/{name}: {id} uses {their_vars:?}, English {vars:?}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "catalogues differ:\n{}",
        problems.join("\n")
    );
}

/// The check's own test: a missing key, an extra key and a changed variable are each caught.
#[test]
fn the_parity_check_sees_a_missing_an_extra_and_a_changed_message() {
    let en = shape("en", "a = A\nb = B { $n }\n");
    let de = shape("de", "a = A\nb = B { $m }\nc = C\n");
    assert!(!de.contains_key("d") && en.keys().ne(de.keys()));
    assert_ne!(en["b"].1, de["b"].1);
    let broken = std::panic::catch_unwind(|| shape("x", "a = { $n\n"));
    assert!(broken.is_err(), "a syntax error must fail");
}

fn ui_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.display().to_string();
            if path.is_dir() {
                if !name.ends_with("vendor")
                    && !name.ends_with("bindings")
                    && !name.ends_with("tests")
                {
                    walk(&path, out);
                }
            } else if name.ends_with(".js") || name.ends_with(".html") {
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("ui"), &mut out);
    out
}

/// Every id the page asks for (`t('id'` in a script, `data-l10n-…="id"` in the HTML) is in
/// the English catalogue, and every message of ui.ftl is asked for somewhere: no word the
/// page shows is left untranslated, and no catalogue entry rots unused.
#[test]
fn the_page_asks_only_for_messages_that_exist_and_uses_them_all() {
    let page_ids: BTreeSet<String> = shipped_files()
        .filter(|(lang, name, _)| *lang == Lang::En && *name == "ui.ftl")
        .flat_map(|(_, _, source)| shape("en/ui.ftl", source).into_keys())
        .collect();
    let core_ids: BTreeSet<String> = shipped_files()
        .filter(|(lang, name, _)| *lang == Lang::En && *name == "core.ftl")
        .flat_map(|(_, _, source)| shape("en/core.ftl", source).into_keys())
        .collect();
    let id = |s: &str| -> Option<String> {
        let end = s.find(['\'', '"'])?;
        let candidate = &s[..end];
        (!candidate.is_empty()
            && candidate
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        .then(|| candidate.to_owned())
    };
    let mut asked = BTreeSet::new();
    let mut quoted = BTreeSet::new();
    let mut problems = Vec::new();
    for (file, text) in ui_sources() {
        for (i, _) in text.match_indices("t('") {
            // `t(` itself, not the end of `select(` or `createElement(`.
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '$') {
                continue;
            }
            match id(&text[i + 3..]) {
                Some(found) => {
                    asked.insert(found);
                }
                None => problems.push(format!("{file}: t( at byte {i} without a literal id")),
            }
        }
        for marker in [
            "data-l10n-id=\"",
            "data-l10n-title=\"",
            "data-l10n-label=\"",
        ] {
            for (i, _) in text.match_indices(marker) {
                if let Some(found) = id(&text[i + marker.len()..]) {
                    asked.insert(found);
                }
            }
        }
        for (i, _) in text.match_indices('\'') {
            if let Some(found) = id(&text[i + 1..]) {
                quoted.insert(found);
            }
        }
    }
    for missing in asked
        .iter()
        .filter(|id| !page_ids.contains(*id) && !core_ids.contains(*id))
    {
        problems.push(format!(
            "the page asks for {missing}, which no catalogue has"
        ));
    }
    for unused in page_ids
        .iter()
        .filter(|id| !asked.contains(*id) && !quoted.contains(*id))
    {
        problems.push(format!(
            "ui.ftl has {unused}, which the page never asks for"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn locale_names_resolve_to_a_language_keel_speaks() {
    assert_eq!(Lang::from_locale("de_DE.UTF-8"), Some(Lang::De));
    assert_eq!(Lang::from_locale("es_MX@euro"), Some(Lang::Es));
    assert_eq!(Lang::from_locale("de-AT"), Some(Lang::De));
    assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_locale("C.UTF-8"), None);
    assert_eq!(Lang::from_locale("fr_FR.UTF-8"), None);
    let system = ["fr_FR.UTF-8", "es_ES.UTF-8"];
    assert_eq!(Lang::resolve(Language::System, system), Lang::Es);
    assert_eq!(Lang::resolve(Language::De, system), Lang::De);
    assert_eq!(Lang::resolve(Language::System, ["C"]), Lang::En);
}

#[test]
fn the_system_locales_are_read_as_gettext_reads_them() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(
        system_locales(env(&[("LANG", "de_DE.UTF-8")])),
        vec!["de_DE.UTF-8"]
    );
    assert_eq!(
        system_locales(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "es_ES.UTF-8")])),
        vec!["es_ES.UTF-8"]
    );
    assert_eq!(
        system_locales(env(&[("LANG", "en_US.UTF-8"), ("LANGUAGE", "fr:de")])),
        vec!["fr", "de", "en_US.UTF-8"]
    );
    // LANGUAGE is ignored under the C locale, as gettext does.
    assert_eq!(
        system_locales(env(&[("LANG", "C"), ("LANGUAGE", "de")])),
        vec!["C"]
    );
    assert!(system_locales(env(&[])).is_empty());
}

#[test]
fn the_page_gets_its_language_with_the_regional_form_of_the_system() {
    let system = vec!["de_AT.UTF-8".to_owned()];
    let page = page_catalogue(Language::System, &system);
    assert_eq!((page.lang, page.locale.as_str()), (Lang::De, "de-AT"));
    assert!(
        page.source.contains("nav-today = Heute"),
        "{}",
        &page.source[..200]
    );
    let chosen = page_catalogue(Language::Es, &system);
    assert_eq!((chosen.lang, chosen.locale.as_str()), (Lang::Es, "es"));
    assert!(chosen.source.contains("nav-today = Hoy"));
    assert_eq!(page_catalogue(Language::System, &[]).lang, Lang::En);
}

#[test]
fn messages_use_each_languages_plural_rules_and_decimal_sign() {
    let de = Tr::new(Lang::De);
    assert_eq!(de.decimal(3.45, 1), "3,5");
    assert_eq!(Tr::new(Lang::En).decimal(3.45, 1), "3.5");
    assert_eq!(Tr::new(Lang::Es).decimal(2.0, 1), "2,0");
    // A message the catalogue lacks shows its id rather than failing.
    assert_eq!(de.get("no-such-message", &[]), "no-such-message");
}

/// Every message of core.ftl and cli.ftl is used by the Rust code (named as a string literal
/// under src/ or src-tauri/src/), so the core's catalogue does not rot either.
#[test]
fn the_core_and_the_cli_use_every_message_of_their_files() {
    let code = crate::rust_sources();
    let mut unused = Vec::new();
    for (lang, name, source) in shipped_files() {
        // help.ftl's ids are the commands' and arguments' paths, checked against the command
        // line's definition by src/bin/keel/help.rs.
        if lang != Lang::En || name == "ui.ftl" || name == "help.ftl" {
            continue;
        }
        for id in shape(name, source).into_keys() {
            if !code.contains(&format!("\"{id}\"")) {
                unused.push(format!("{name}: {id}"));
            }
        }
    }
    assert!(unused.is_empty(), "never used: {unused:?}");
}

#[test]
fn the_core_speaks_german_with_its_plurals_and_dates() {
    let de = Tr::new(Lang::De);
    assert_eq!(
        de.get(
            "show-boundary-minutes",
            &[("boundary", "broken".into()), ("minutes", 5u32.into())]
        ),
        "Grenze überschritten (5 Min. nach Feierabend)"
    );
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(de.date_long(date), "Dienstag, 1. Dezember 2026");
    assert_eq!(
        Tr::new(Lang::Es).date_long(date),
        "martes, 1 de diciembre de 2026"
    );
    assert_eq!(Tr::new(Lang::En).date_long(date), "Tuesday 1 December 2026");
    assert_eq!(
        de.get("notice-end-of-work-body", &[("time", "18:00".into())]),
        "Es ist 18:00, der Feierabend, den du dir gesetzt hast. Möchtest du noch etwas auf die Seite der Rolle schreiben, bevor du sie schließt?"
    );
}
