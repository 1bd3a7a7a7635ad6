//! Tests of the library and the choice: validity, determinism, no repeats, the leans measured
//! over many dates, hidden prompts, "another prompt", the weekly set, and the library merge.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, FixedOffset, Weekday};

use super::*;
use crate::model::{DayPatch, PromptFields};
use crate::store::Journal;
use keel_test_support::{date, dates};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T08:00:00+01:00").unwrap()
}

#[test]
fn the_shipped_library_is_valid_and_large_enough() {
    let library = shipped().unwrap();
    assert!(library.len() >= 120, "{} prompts", library.len());
    let weekly = library
        .iter()
        .filter(|p| p.cadence == Cadence::Weekly)
        .count();
    assert!(weekly >= 30, "{weekly} weekly prompts");
    for side in Side::ALL {
        let daily = library
            .iter()
            .filter(|p| p.side == side && p.cadence == Cadence::Daily)
            .count();
        assert!(daily >= 15, "{daily} daily prompts for {side:?}");
    }
    for theme in Theme::ALL {
        assert!(
            library.iter().filter(|p| p.theme == theme).count() >= 5,
            "{theme:?}"
        );
    }
    // Never clinical: the library does not diagnose.
    for word in [
        "depress",
        "anxiety disorder",
        "burnout syndrome",
        "diagnos",
        "symptom",
        "patient",
    ] {
        assert!(
            library
                .iter()
                .all(|p| !p.text.to_lowercase().contains(word)),
            "a prompt uses {word:?}"
        );
    }
}

#[test]
fn broken_libraries_are_refused_with_the_reason() {
    let one = |id: &str, side: &str, text: &str| {
        format!("[[prompt]]\nid = \"{id}\"\nside = \"{side}\"\ncadence = \"daily\"\ntheme = \"values\"\ntext = \"{text}\"\n")
    };
    let dup_id = one("r-1", "role", "a") + &one("r-1", "self", "b");
    assert!(parse_library(&dup_id)
        .unwrap_err()
        .to_string()
        .contains("used twice"));
    let dup_text = one("r-1", "role", "Same?") + &one("s-1", "self", "same?");
    assert!(parse_library(&dup_text)
        .unwrap_err()
        .to_string()
        .contains("repeats"));
    let bad_id = one("R 1", "role", "a");
    assert!(parse_library(&bad_id)
        .unwrap_err()
        .to_string()
        .contains("malformed id"));
    let user_id = one("u-1", "role", "a");
    assert!(parse_library(&user_id)
        .unwrap_err()
        .to_string()
        .contains("malformed id"));
    let missing = one("r-1", "role", "a");
    assert!(parse_library(&missing)
        .unwrap_err()
        .to_string()
        .contains("no "));
    let unknown_side = one("r-1", "boss", "a");
    assert!(parse_library(&unknown_side).is_err());
}

#[test]
fn the_same_date_gives_the_same_prompts() {
    let library = shipped().unwrap();
    for d in dates("2026-01-01", 50) {
        let context = Context::default();
        assert_eq!(choose(d, &library, &context), choose(d, &library, &context));
    }
    // And different dates do not all agree.
    let firsts: HashSet<String> = dates("2026-01-01", 20)
        .map(|d| choose(d, &library, &Context::default()).role.unwrap().id)
        .collect();
    assert!(firsts.len() > 10, "{firsts:?}");
}

#[test]
fn a_stored_day_shows_the_same_prompts_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let d = date("2026-11-23");
    let first = {
        let journal = Journal::open(dir.path()).unwrap();
        journal.day_prompts(d, now()).unwrap()
    };
    let journal = Journal::open(dir.path()).unwrap();
    // Other days chosen in between change the context, not the stored day.
    for other in dates("2026-11-10", 10) {
        journal.day_prompts(other, now()).unwrap();
    }
    assert_eq!(journal.day_prompts(d, now()).unwrap(), first);
    assert_eq!(
        journal.day(d).unwrap().unwrap().prompt_ids,
        first.daily.ids()
    );
}

#[test]
fn sixty_days_have_no_daily_repeat_in_any_thirty_day_window() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let shown: Vec<Vec<String>> = dates("2026-03-01", 60)
        .map(|d| journal.day_prompts(d, now()).unwrap().daily.ids())
        .collect();
    for start in 0..=30 {
        let mut seen = HashSet::new();
        for (offset, ids) in shown[start..start + 30].iter().enumerate() {
            for id in ids {
                assert!(
                    seen.insert(id.clone()),
                    "{id} repeats in the window starting at day {start} (day {offset})"
                );
            }
        }
    }
}

/// The share of picks for `side` over 1,500 dates whose theme is in `themes`.
fn share(side: Side, themes: &[Theme], context: &Context, weekday: Option<Weekday>) -> f64 {
    let library = shipped().unwrap();
    let none = HashSet::new();
    let mut hits = 0;
    let mut n = 0;
    for d in dates("2020-01-01", 3000) {
        if weekday.is_some_and(|w| d.weekday() != w) {
            continue;
        }
        let p = pick(d, side, &library, context, &none, "").unwrap();
        n += 1;
        if themes.contains(&p.theme) {
            hits += 1;
        }
    }
    hits as f64 / n as f64
}

#[test]
fn after_a_high_stress_day_recovery_prompts_come_far_more_often() {
    for side in [Side::Role, Side::Myself, Side::Bridge] {
        let calm = share(side, &[Theme::Recovery], &Context::default(), None);
        let stressed = Context {
            previous_stress: Some(8),
            ..Context::default()
        };
        let after_stress = share(side, &[Theme::Recovery], &stressed, None);
        assert!(
            after_stress > 2.0 * calm && after_stress > 0.3,
            "{side:?}: recovery share {calm:.3} normally, {after_stress:.3} after stress 8"
        );
        // Stress 6 is not high: no lean.
        let mild = Context {
            previous_stress: Some(6),
            ..Context::default()
        };
        assert_eq!(share(side, &[Theme::Recovery], &mild, None), calm);
    }
}

#[test]
fn review_days_lean_to_pressure_and_boundaries() {
    let themes = [Theme::Pressure, Theme::Boundaries];
    for side in [Side::Role, Side::Myself] {
        let plain = share(side, &themes, &Context::default(), Some(Weekday::Mon));
        let review = Context {
            review_day: true,
            ..Context::default()
        };
        let on_review = share(side, &themes, &review, Some(Weekday::Mon));
        assert!(
            on_review > 1.6 * plain,
            "{side:?}: pressure/boundaries share {plain:.3} normally, {on_review:.3} on review days"
        );
    }
    let settings = Settings::default();
    assert!(Context::new(date("2026-11-23"), &settings, None, HashSet::new()).review_day); // Monday
    assert!(Context::new(date("2026-11-24"), &settings, None, HashSet::new()).review_day); // Tuesday
    assert!(!Context::new(date("2026-11-25"), &settings, None, HashSet::new()).review_day);
}

#[test]
fn the_journal_leans_to_recovery_after_a_stressful_day() {
    // The same lean, through the stored check-ins: count over many day pairs.
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let library = journal.prompts().unwrap();
    let recovery = |id: &str| {
        library
            .iter()
            .any(|p| p.id == id && p.theme == Theme::Recovery)
    };
    let (mut after_high, mut after_low) = (0, 0);
    for (i, d) in dates("2024-01-01", 240).step_by(2).enumerate() {
        let stress = if i % 2 == 0 { 9 } else { 2 };
        let patch = DayPatch {
            stress: Some(Some(stress)),
            ..DayPatch::default()
        };
        journal.save_day(d, &patch, now()).unwrap();
        let next = journal.day_prompts(d.succ_opt().unwrap(), now()).unwrap();
        let n = next.daily.ids().iter().filter(|id| recovery(id)).count();
        if stress == 9 {
            after_high += n;
        } else {
            after_low += n;
        }
    }
    assert!(
        after_high > 2 * after_low,
        "recovery prompts: {after_high} after stress 9, {after_low} after stress 2"
    );
}

#[test]
fn hidden_prompts_are_never_chosen() {
    let mut library = shipped().unwrap();
    let hidden: HashSet<String> = library
        .iter()
        .filter(|p| p.cadence == Cadence::Daily)
        .step_by(3)
        .map(|p| p.id.clone())
        .collect();
    for p in &mut library {
        p.hidden = hidden.contains(&p.id);
    }
    let none = HashSet::new();
    for d in dates("2026-01-01", 500) {
        for side in Side::ALL {
            let p = pick(d, side, &library, &Context::default(), &none, "").unwrap();
            assert!(!hidden.contains(&p.id), "{} was hidden", p.id);
        }
    }
    // Even when every visible prompt was shown recently, a hidden one is not the fallback.
    let everything: HashSet<String> = library.iter().map(|p| p.id.clone()).collect();
    let context = Context {
        recent: everything,
        ..Context::default()
    };
    let p = pick(
        date("2026-05-05"),
        Side::Role,
        &library,
        &context,
        &none,
        "",
    )
    .unwrap();
    assert!(!p.hidden);
}

#[test]
fn another_prompt_is_deterministic_new_and_stored() {
    let run = || {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let d = date("2026-11-25");
        let first = journal.day_prompts(d, now()).unwrap();
        let mut seen = vec![first.daily.role.clone().unwrap().id];
        for _ in 0..5 {
            let next = journal.another_prompt(d, Side::Role, now()).unwrap();
            let id = next.daily.role.unwrap().id;
            assert!(!seen.contains(&id), "{id} came back");
            seen.push(id);
            assert_eq!(
                next.daily.myself, first.daily.myself,
                "the other side stays"
            );
        }
        drop(journal);
        let journal = Journal::open(dir.path()).unwrap();
        let reopened = journal.day_prompts(d, now()).unwrap();
        assert_eq!(reopened.daily.role.unwrap().id, *seen.last().unwrap());
        seen
    };
    assert_eq!(run(), run());
}

#[test]
fn hiding_a_shown_prompt_replaces_it_and_unhiding_makes_it_eligible() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let d = date("2026-11-26");
    let first = journal.day_prompts(d, now()).unwrap();
    let self_id = first.daily.myself.clone().unwrap().id;
    let after = journal.hide_prompt(d, &self_id, now()).unwrap();
    let replacement = after.daily.myself.unwrap();
    assert_ne!(replacement.id, self_id);
    assert!(journal.prompt(&self_id).unwrap().unwrap().hidden);
    for other in dates("2026-01-01", 200) {
        let shown = journal.day_prompts(other, now()).unwrap();
        assert!(!shown.daily.ids().contains(&self_id));
    }
    journal.set_prompt_hidden(&self_id, false).unwrap();
    assert!(!journal.prompt(&self_id).unwrap().unwrap().hidden);
    assert!(matches!(
        journal.hide_prompt(d, "no-such", now()),
        Err(KeelError::UnknownPrompt { .. })
    ));
}

#[test]
fn the_weekly_set_has_three_to_five_prompts_with_every_side() {
    let library = shipped().unwrap();
    for w in 1..=52 {
        let week = WeekId::new(2027, w).unwrap();
        let set = weekly_set(week, &library);
        assert!((3..=5).contains(&set.len()), "{week}: {}", set.len());
        for side in Side::ALL {
            assert!(set.iter().any(|p| p.side == side), "{week} lacks {side:?}");
        }
        assert!(set.iter().all(|p| p.cadence == Cadence::Weekly));
        assert_eq!(set, weekly_set(week, &library));
    }
}

#[test]
fn the_reflection_day_offers_the_weekly_set() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let friday = date("2026-11-27");
    let thursday = date("2026-11-26");
    assert_eq!(friday.weekday(), Weekday::Fri);
    let offered = journal.day_prompts(friday, now()).unwrap().weekly;
    assert!((3..=5).contains(&offered.len()));
    assert!(journal
        .day_prompts(thursday, now())
        .unwrap()
        .weekly
        .is_empty());
}

#[test]
fn user_prompts_are_added_edited_deleted_and_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let fields = |text: &str| PromptFields {
        side: Side::Myself,
        cadence: Cadence::Daily,
        theme: Theme::Values,
        text: text.into(),
    };
    let mine = journal
        .add_prompt(fields("  What did the garden need today?  "))
        .unwrap();
    assert!(mine.id.starts_with("u-"));
    assert_eq!(mine.text, "What did the garden need today?");
    let edited = journal
        .edit_prompt(&mine.id, fields("What did the garden give me today?"))
        .unwrap();
    assert_eq!(edited.text, "What did the garden give me today?");
    assert!(!edited.edited, "only shipped prompts are marked edited");
    assert!(matches!(
        journal.add_prompt(fields("   ")),
        Err(KeelError::InvalidPrompt { .. })
    ));
    assert!(matches!(
        journal.delete_prompt("s-001"),
        Err(KeelError::InvalidPrompt { .. })
    ));
    // Hide every shipped self prompt: the user's prompt is then the one chosen.
    for p in journal.prompts().unwrap() {
        if p.side == Side::Myself && p.origin == PromptOrigin::Shipped {
            journal.set_prompt_hidden(&p.id, true).unwrap();
        }
    }
    let shown = journal.day_prompts(date("2026-12-01"), now()).unwrap();
    assert_eq!(shown.daily.myself.unwrap().id, mine.id);
    journal.delete_prompt(&mine.id).unwrap();
    assert_eq!(journal.prompt(&mine.id).unwrap(), None);
}

#[test]
fn a_library_upgrade_keeps_user_prompts_edits_and_hidden_marks() {
    let dir = tempfile::tempdir().unwrap();
    let fields = PromptFields {
        side: Side::Role,
        cadence: Cadence::Daily,
        theme: Theme::Pressure,
        text: "My own words for r-001".into(),
    };
    let mine;
    {
        let journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.prompts().unwrap().len(), shipped().unwrap().len());
        journal.set_prompt_hidden("s-002", true).unwrap();
        journal.edit_prompt("r-001", fields.clone()).unwrap();
        mine = journal
            .add_prompt(PromptFields {
                text: "Mine".into(),
                ..fields.clone()
            })
            .unwrap();
        // An older wording of an untouched shipped prompt, and a forgotten fingerprint: the
        // next open merges as after an upgrade.
        let mut old = journal.prompt("r-002").unwrap().unwrap();
        old.text = "An older wording".into();
        journal.put_prompt_for_test(&old);
        journal.forget_library_fingerprint_for_test();
    }
    let journal = Journal::open(dir.path()).unwrap();
    assert!(journal.prompt("s-002").unwrap().unwrap().hidden);
    let r1 = journal.prompt("r-001").unwrap().unwrap();
    assert_eq!(r1.text, "My own words for r-001");
    assert!(r1.edited);
    assert_eq!(journal.prompt(&mine.id).unwrap().unwrap().text, "Mine");
    let shipped_r2 = shipped()
        .unwrap()
        .into_iter()
        .find(|p| p.id == "r-002")
        .unwrap();
    assert_eq!(
        journal.prompt("r-002").unwrap().unwrap().text,
        shipped_r2.text
    );
}

/// The prompts chosen for fixed dates, pinned: the same library and the same history give
/// these ids on any machine, after any restart (no clock, no random source, no hash order).
/// A change to the library or to the choice changes them, and then this list is updated on
/// purpose, in the same commit.
#[test]
fn golden_prompt_ids_for_fixed_dates() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let shown: Vec<String> = dates("2027-01-04", 14)
        .map(|d| {
            let p = journal.day_prompts(d, now()).unwrap();
            let id = |p: &Option<Prompt>| p.as_ref().map_or("-".to_owned(), |p| p.id.clone());
            let weekly: Vec<String> = p.weekly.iter().map(|w| w.id.clone()).collect();
            format!(
                "{d} {} {} {} [{}]",
                id(&p.daily.role),
                id(&p.daily.myself),
                id(&p.daily.bridge),
                weekly.join(" ")
            )
        })
        .collect();
    let golden: Vec<&str> = GOLDEN
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(shown, golden, "\n{}", shown.join("\n"));
}

/// date, role, self, bridge (- for none), [the weekly set on the reflection day, Friday].
const GOLDEN: &str = "
2027-01-04 r-017 s-016 - []
2027-01-05 r-031 s-006 - []
2027-01-06 r-028 s-030 b-001 []
2027-01-07 r-033 s-004 - []
2027-01-08 r-035 s-007 - [w-003 w-015 w-031 w-029 w-033]
2027-01-09 r-020 s-003 - []
2027-01-10 r-025 s-010 - []
2027-01-11 r-011 s-025 - []
2027-01-12 r-002 s-024 - []
2027-01-13 r-005 s-011 b-019 []
2027-01-14 r-015 s-036 - []
2027-01-15 r-006 s-032 b-006 [w-004 w-024 w-029]
2027-01-16 r-021 s-021 b-018 []
2027-01-17 r-016 s-019 - []
";

// ------------------------------------------------------------------ values and the work cycle

fn value_drafts(names: &[&str]) -> Vec<crate::cycle::ValueDraft> {
    names
        .iter()
        .map(|n| crate::cycle::ValueDraft {
            name: (*n).into(),
            practice: None,
        })
        .collect()
}

#[test]
fn value_prompts_come_only_to_a_person_with_values() {
    let library = shipped().unwrap();
    assert!(library.iter().filter(|p| is_value_prompt(p)).count() >= 6);
    let none = HashSet::new();
    for d in dates("2020-01-01", 2000) {
        let p = pick(d, Side::Myself, &library, &Context::default(), &none, "").unwrap();
        assert!(!is_value_prompt(&p), "{d}: {}", p.id);
    }
    let book = crate::cycle::ValueBook::default()
        .replaced(&value_drafts(&["Kind", "Brave", "Rested"]))
        .unwrap();
    let with_values = Context::default().with_cycle(date("2026-01-01"), &book, &[]);
    let n = dates("2020-01-01", 2000)
        .filter(|d| {
            is_value_prompt(&pick(*d, Side::Myself, &library, &with_values, &none, "").unwrap())
        })
        .count();
    // "Sometimes": six value prompts among the self prompts, so roughly one day in seven.
    assert!((100..600).contains(&n), "{n} of 2000 days");
}

#[test]
fn a_day_keeps_the_value_it_asked_about_even_when_the_list_changes() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    journal
        .set_values(&value_drafts(&[
            "Present with my family",
            "Brave",
            "Rested",
        ]))
        .unwrap();
    // The first day (in order) whose self prompt asks about a value.
    let (day, first) = dates("2026-01-01", 120)
        .map(|d| (d, journal.day_prompts(d, now()).unwrap()))
        .find(|(_, p)| {
            p.daily
                .myself
                .as_ref()
                .is_some_and(|p| p.theme == Theme::Values && p.id.starts_with("s-v"))
        })
        .expect("a value prompt within 120 days");
    let text = first.daily.myself.clone().unwrap().text;
    assert!(!text.contains(VALUE_SLOT), "{text}");
    let named: Vec<&str> = ["Present with my family", "Brave", "Rested"]
        .into_iter()
        .filter(|n| text.contains(&format!("“{n}”")))
        .collect();
    assert_eq!(named.len(), 1, "{text}");
    let stored = journal.day(day).unwrap().unwrap().prompt_ids;
    assert!(
        stored.iter().any(|id| id.starts_with(VALUE_MARK)),
        "{stored:?}"
    );
    // Renaming the other values (retiring them) leaves the day's question as it was.
    let keep = named[0];
    journal
        .set_values(&value_drafts(&[keep, "Curious", "Fair"]))
        .unwrap();
    assert_eq!(journal.day_prompts(day, now()).unwrap(), first);
    // Even with the value itself retired, the day still asks what it asked.
    journal
        .set_values(&value_drafts(&["Curious", "Fair", "Playful"]))
        .unwrap();
    assert_eq!(journal.day_prompts(day, now()).unwrap(), first);
    drop(journal);
    let journal = Journal::open(dir.path()).unwrap();
    assert_eq!(journal.day_prompts(day, now()).unwrap(), first);
}

#[test]
fn after_a_reorg_prompts_lean_to_change_and_identity_and_after_a_launch_to_recovery() {
    let event = |kind: &str, start: &str| crate::cycle::CycleEvent {
        id: 1,
        start: date(start),
        end: date(start),
        kind: kind.parse().unwrap(),
        note: String::new(),
    };
    let book = crate::cycle::ValueBook::default();
    let themes = [Theme::Change, Theme::Identity];
    for side in [Side::Role, Side::Myself] {
        let plain = share(side, &themes, &Context::default(), None);
        let lean = Context::default().with_cycle(
            date("2026-03-10"),
            &book,
            &[event("reorg", "2026-03-01")],
        );
        assert!(lean.lean.change);
        let after = share(side, &themes, &lean, None);
        assert!(
            after > 1.6 * plain,
            "{side:?}: change/identity {plain:.3} normally, {after:.3} after a re-org"
        );
        let launch = Context::default().with_cycle(
            date("2026-03-10"),
            &book,
            &[event("launch", "2026-03-05")],
        );
        assert!(launch.lean.recovery);
        let calm = share(side, &[Theme::Recovery], &Context::default(), None);
        let rested = share(side, &[Theme::Recovery], &launch, None);
        assert!(
            rested > 1.6 * calm,
            "{side:?}: recovery {calm:.3} normally, {rested:.3} after a launch"
        );
    }
}

/// Issue 19's check: every shipped prompt has a text in every language, no translation names a
/// prompt that does not exist, and each keeps exactly the English text's value slot.
#[test]
fn every_shipped_prompt_has_a_text_in_every_language() {
    use crate::i18n::Lang;
    let library = shipped().unwrap();
    let mut problems = Vec::new();
    for lang in [Lang::De, Lang::Es] {
        let texts = translations(lang);
        let mut seen = HashSet::new();
        for p in &library {
            let Some(text) = texts.get(&p.id) else {
                problems.push(format!("{lang}: {} has no text", p.id));
                continue;
            };
            if text.trim().is_empty() || text.chars().count() > crate::model::MAX_PROMPT_CHARS {
                problems.push(format!("{lang}: {} is empty or too long", p.id));
            }
            if text.contains(VALUE_SLOT) != p.text.contains(VALUE_SLOT) {
                problems.push(format!(
                    "{lang}: {} does not keep the value slot as English does",
                    p.id
                ));
            }
            if text.replace(VALUE_SLOT, "").contains(['{', '}']) {
                problems.push(format!(
                    "{lang}: {} has a brace other than the value slot",
                    p.id
                ));
            }
            if *text == p.text {
                problems.push(format!("{lang}: {} is the English text", p.id));
            }
            if !seen.insert(text.to_lowercase()) {
                problems.push(format!("{lang}: {} repeats another prompt's text", p.id));
            }
        }
        for id in texts
            .keys()
            .filter(|id| !library.iter().any(|p| &p.id == *id))
        {
            problems.push(format!("{lang}: {id} is not a shipped prompt"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A shipped prompt speaks the language; one the person edited, and their own, stay as written.
#[test]
fn localized_translates_only_the_shipped_prompts_nobody_edited() {
    use crate::i18n::Lang;
    let library = shipped().unwrap();
    let first = library[0].clone();
    let german = localized(first.clone(), Lang::De);
    assert_eq!(german.text, translations(Lang::De)[&first.id]);
    assert_eq!(localized(first.clone(), Lang::En), first);
    let edited = Prompt {
        edited: true,
        text: "My own words".into(),
        ..first.clone()
    };
    assert_eq!(localized(edited.clone(), Lang::De), edited);
    let own = Prompt {
        id: "u-1".into(),
        origin: crate::model::PromptOrigin::User,
        ..edited
    };
    assert_eq!(localized(own.clone(), Lang::Es), own);
}

/// The journal shows shipped prompts in its language, but never stores a translation: hiding a
/// prompt while German is spoken leaves English in the store, and English comes back with it.
#[test]
fn the_journal_speaks_its_language_and_stores_only_the_library_text() {
    use crate::i18n::{Lang, Language};
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path()).unwrap();
    let english = shipped().unwrap()[0].clone();
    let mut settings = journal.settings().unwrap();
    settings.language = Language::De;
    journal.put_settings(&settings).unwrap();
    assert_eq!(journal.lang().unwrap(), Lang::De);
    let hidden = journal.set_prompt_hidden(&english.id, true).unwrap();
    assert_eq!(
        hidden.text,
        translations(Lang::De)[&english.id],
        "answered in German"
    );
    assert!(journal
        .prompts()
        .unwrap()
        .iter()
        .any(|p| p.id == english.id && p.hidden && p.text == hidden.text));
    settings.language = Language::En;
    journal.put_settings(&settings).unwrap();
    let back = journal.prompt(&english.id).unwrap().unwrap();
    assert_eq!(
        (back.text.as_str(), back.hidden),
        (english.text.as_str(), true)
    );
}
