use super::*;

fn day(s: &str) -> NaiveDate {
    crate::model::parse_date(s).unwrap()
}

fn drafts(names: &[&str]) -> Vec<ValueDraft> {
    names
        .iter()
        .map(|n| ValueDraft {
            name: (*n).to_owned(),
            practice: None,
        })
        .collect()
}

#[test]
fn replacing_the_list_keeps_ids_of_values_named_again_and_retires_the_rest() {
    let first = ValueBook::default()
        .replaced(&[
            ValueDraft {
                name: "Present with my family".into(),
                practice: Some("  phone away at dinner ".into()),
            },
            ValueDraft {
                name: "honest even when the numbers are bad".into(),
                practice: None,
            },
            ValueDraft {
                name: "Curious".into(),
                practice: None,
            },
        ])
        .unwrap();
    assert_eq!(
        first.active().map(|v| v.id).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    assert_eq!(first.get(1).unwrap().practice, "phone away at dinner");

    // "present  with my FAMILY" is the same value: its id and practice line stay.
    let second = first
        .replaced(&drafts(&[
            "Kind",
            "present  with my FAMILY",
            "curious",
            "Brave",
        ]))
        .unwrap();
    let active: Vec<(u32, &str)> = second.active().map(|v| (v.id, v.name.as_str())).collect();
    assert_eq!(
        active,
        vec![
            (4, "Kind"),
            (1, "present with my FAMILY"),
            (3, "curious"),
            (5, "Brave")
        ]
    );
    assert_eq!(second.get(1).unwrap().practice, "phone away at dinner");
    let retired = second.get(2).unwrap();
    assert!(!retired.active);
    assert_eq!(retired.name, "honest even when the numbers are bad");

    // Naming a retired value again brings it back under its old id; ids are never reused.
    let third = second
        .replaced(&drafts(&[
            "Honest even when the numbers are bad",
            "Kind",
            "Brave",
        ]))
        .unwrap();
    assert_eq!(
        third.active().map(|v| v.id).collect::<Vec<_>>(),
        vec![2, 4, 5]
    );
    assert_eq!(third.values.len(), 5);
    let fourth = third.replaced(&drafts(&["a", "b", "c"])).unwrap();
    assert_eq!(
        fourth.active().map(|v| v.id).collect::<Vec<_>>(),
        vec![6, 7, 8]
    );
}

#[test]
fn a_list_is_three_to_seven_distinct_values_or_none() {
    let book = ValueBook::default();
    for bad in [
        drafts(&["one", "two"]),
        drafts(&["1", "2", "3", "4", "5", "6", "7", "8"]),
        drafts(&["Kind", "kind ", "Brave"]),
        drafts(&["Kind", "  ", "Brave"]),
        drafts(&["Kind", "—", "Brave"]),
        drafts(&["Kind", &"x".repeat(81), "Brave"]),
    ] {
        let err = book.replaced(&bad).unwrap_err();
        assert!(matches!(err, KeelError::InvalidValues { .. }), "{err}");
    }
    assert_eq!(book.replaced(&[]).unwrap(), ValueBook::default());
    let some = book.replaced(&drafts(&["a", "b", "c"])).unwrap();
    let none = some.replaced(&[]).unwrap();
    assert_eq!(none.active().count(), 0);
    assert_eq!(none.values.len(), 3, "retired, not forgotten");
}

#[test]
fn absorbing_another_book_matches_by_name_and_adds_the_rest_retired() {
    let theirs = ValueBook::default()
        .replaced(&drafts(&["Kind", "Brave", "Rested"]))
        .unwrap();
    let mut empty = ValueBook::default();
    let map = empty.absorb(&theirs);
    assert_eq!(empty, theirs);
    assert_eq!(map[&2], 2);

    let mut mine = ValueBook::default()
        .replaced(&drafts(&["brave", "Patient", "Funny"]))
        .unwrap();
    let map = mine.absorb(&theirs);
    assert_eq!(map[&2], 1, "their Brave is my brave");
    assert_eq!(map[&1], 4);
    assert_eq!(map[&3], 5);
    assert!(!mine.get(4).unwrap().active);
    assert_eq!(mine.active().count(), 3);
}

#[test]
fn kinds_are_built_in_names_or_the_persons_own_words() {
    assert_eq!(
        "Review".parse::<EventKind>().unwrap(),
        EventKind::Cycle(CycleKind::Review)
    );
    assert_eq!(
        "new-role".parse::<EventKind>().unwrap(),
        EventKind::Cycle(CycleKind::NewRole)
    );
    assert_eq!(
        " board   meeting ".parse::<EventKind>().unwrap(),
        EventKind::Own("board meeting".into())
    );
    assert!("".parse::<EventKind>().is_err());
    assert!("x".repeat(41).parse::<EventKind>().is_err());
    let json = serde_json::to_string(&EventKind::Cycle(CycleKind::ShortStaffed)).unwrap();
    assert_eq!(json, "\"short-staffed\"");
    assert_eq!(
        serde_json::from_str::<EventKind>("\"hackathon\"").unwrap(),
        EventKind::Own("hackathon".into())
    );
}

#[test]
fn an_event_ends_on_or_after_its_start_and_lasts_at_most_a_year() {
    let draft = |start: &str, end: Option<&str>| EventDraft {
        start: day(start),
        end: end.map(day),
        kind: EventKind::Cycle(CycleKind::TimeOff),
        note: "  Lisbon ".into(),
    };
    let e = draft("2026-08-03", Some("2026-08-14"))
        .into_event(7)
        .unwrap();
    assert_eq!((e.id, e.note.as_str()), (7, "Lisbon"));
    assert!(e.covers(day("2026-08-14")) && !e.covers(day("2026-08-15")));
    assert!(e.overlaps(day("2026-08-14"), day("2026-09-01")));
    assert!(!e.overlaps(day("2026-07-01"), day("2026-08-02")));
    let single = draft("2026-08-03", None).into_event(1).unwrap();
    assert_eq!(single.end, single.start);
    for bad in [
        draft("2026-08-03", Some("2026-08-02")),
        draft("2026-01-01", Some("2027-01-02")),
    ] {
        assert!(matches!(
            bad.into_event(1),
            Err(KeelError::InvalidEvent { .. })
        ));
    }
    let long_note = EventDraft {
        note: "x".repeat(MAX_NOTE_CHARS + 1),
        ..draft("2026-08-03", None)
    };
    assert!(long_note.into_event(1).is_err());
    assert!(draft("2026-01-01", Some("2027-01-01"))
        .into_event(1)
        .is_ok());
}

#[test]
fn prompts_lean_to_change_for_four_weeks_after_a_reorg_and_to_recovery_two_after_a_launch() {
    let event = |kind: CycleKind, start: &str, end: &str| CycleEvent {
        id: 1,
        start: day(start),
        end: day(end),
        kind: EventKind::Cycle(kind),
        note: String::new(),
    };
    let reorg = [event(CycleKind::Reorg, "2026-03-02", "2026-03-02")];
    assert!(!Lean::of(day("2026-03-01"), &reorg).change);
    assert!(Lean::of(day("2026-03-02"), &reorg).change);
    assert!(Lean::of(day("2026-03-29"), &reorg).change, "day 28");
    assert!(!Lean::of(day("2026-03-30"), &reorg).change, "day 29");
    let launch = [event(CycleKind::Launch, "2026-05-10", "2026-05-12")];
    assert!(
        !Lean::of(day("2026-05-12"), &launch).recovery,
        "not on the launch"
    );
    assert!(Lean::of(day("2026-05-13"), &launch).recovery);
    assert!(
        Lean::of(day("2026-05-26"), &launch).recovery,
        "14 days after"
    );
    assert!(!Lean::of(day("2026-05-27"), &launch).recovery);
    assert_eq!(Lean::of(day("2026-05-13"), &reorg), Lean::default());
    let off = [event(CycleKind::TimeOff, "2026-08-03", "2026-08-07")];
    assert!(is_time_off(day("2026-08-05"), &off));
    assert!(!is_time_off(day("2026-08-08"), &off));
    assert!(!is_time_off(day("2026-03-02"), &reorg));
}
