//! `keel values` and `keel event`, as other checks use them.

use super::*;

#[test]
fn values_are_set_listed_and_replaced_keeping_ids() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path();
    let out = keel(j, &["values"]);
    assert_ok(&out);
    assert!(
        stdout(&out).contains("No values named yet"),
        "{}",
        stdout(&out)
    );

    let out = keel(
        j,
        &[
            "values",
            "set",
            "present with my family",
            "honest even when the numbers are bad",
            "rested",
        ],
    );
    assert_ok(&out);
    assert!(
        stdout(&out).contains("  1  present with my family\n"),
        "{}",
        stdout(&out)
    );

    let out = keel(
        j,
        &[
            "values",
            "set",
            "Present with my family",
            "brave",
            "curious",
        ],
    );
    assert_ok(&out);
    let out = keel(j, &["values", "--json"]);
    assert_ok(&out);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let list: Vec<(u64, &str, bool)> = v["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["id"].as_u64().unwrap(),
                v["name"].as_str().unwrap(),
                v["active"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        list,
        vec![
            (1, "Present with my family", true),
            (4, "brave", true),
            (5, "curious", true),
            (2, "honest even when the numbers are bad", false),
            (3, "rested", false),
        ]
    );
    // Two values are too few: refused, nothing written.
    let out = keel(j, &["values", "set", "a", "b"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("name 3 to 7 values"),
        "{}",
        stderr(&out)
    );
    let again: Value = serde_json::from_slice(&keel(j, &["values", "--json"]).stdout).unwrap();
    assert_eq!(again, v);
}

#[test]
fn events_are_added_listed_filtered_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path();
    let out = keel(
        j,
        &[
            "event",
            "add",
            "--date",
            "2026-03-10",
            "--kind",
            "review",
            "--note",
            "H1 calibration",
        ],
    );
    assert_ok(&out);
    assert!(
        stdout(&out).starts_with("Added event 1.\n"),
        "{}",
        stdout(&out)
    );
    assert_ok(&keel(
        j,
        &[
            "event",
            "add",
            "--date",
            "2026-08-03",
            "--until",
            "2026-08-14",
            "--kind",
            "time-off",
        ],
    ));
    assert_ok(&keel(
        j,
        &[
            "event",
            "add",
            "--date",
            "2026-05-01",
            "--kind",
            "board meeting",
        ],
    ));

    let out = keel(j, &["event", "list", "--json"]);
    assert_ok(&out);
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["review", "board meeting", "time-off"]);
    assert_eq!(list[2]["start"], "2026-08-03");
    assert_eq!(list[2]["end"], "2026-08-14");
    assert_eq!(list[0]["note"], "H1 calibration");

    // --from keeps events that reach it; --to those that start by it.
    let out = keel(
        j,
        &[
            "event",
            "list",
            "--from",
            "2026-08-10",
            "--to",
            "2026-12-31",
        ],
    );
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        text.contains("2026-08-03 to 2026-08-14") && text.contains("Time off"),
        "{text}"
    );
    assert!(!text.contains("review"), "{text}");

    // The day's page shows what it is part of.
    assert_ok(&keel(j, &["add", "--date", "2026-08-05", "--self", "Sea."]));
    assert!(stdout(&keel(j, &["show", "2026-08-05"])).contains("◆ Time off\n"));

    let out = keel(j, &["event", "remove", "1"]);
    assert_ok(&out);
    assert!(
        stdout(&out).contains("Performance review"),
        "{}",
        stdout(&out)
    );
    let out = keel(j, &["event", "remove", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("There is no event with the id 1."),
        "{}",
        stderr(&out)
    );
    let out = keel(j, &["event", "remove", "first"]);
    assert_eq!(out.status.code(), Some(2));
    let out = keel(
        j,
        &[
            "event",
            "add",
            "--date",
            "2026-03-10",
            "--until",
            "2026-03-01",
            "--kind",
            "launch",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("before it starts"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&keel(j, &["event", "list", "--json"]).stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn stats_json_includes_the_event_comparisons() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path();
    // Stress 8 in the 14 days before a review on 2026-03-15, 3 on the 20 days after it.
    let mut d = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    while d <= chrono::NaiveDate::from_ymd_opt(2026, 4, 3).unwrap() {
        let stress = if d < chrono::NaiveDate::from_ymd_opt(2026, 3, 15).unwrap() {
            "8"
        } else {
            "3"
        };
        assert_ok(&keel(
            j,
            &["add", "--date", &d.to_string(), "--stress", stress],
        ));
        d = d.succ_opt().unwrap();
    }
    assert_ok(&keel(
        j,
        &["event", "add", "--date", "2026-03-15", "--kind", "review"],
    ));
    let out = keel(j, &["stats", "--range", "all", "--json"]);
    assert_ok(&out);
    let t: Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = t["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "stress_before_review")
        .expect("the review comparison");
    assert_eq!(c["a"]["n"], 14);
    assert_eq!(c["b"]["n"], 20);
    assert_eq!(c["a"]["mean"], 8.0);
    assert_eq!(c["b"]["mean"], 3.0);
    assert_eq!(c["enough"], true);
    assert_eq!(t["events"][0]["kind"], "review");
    let text = stdout(&keel(j, &["stats", "--range", "all"]));
    assert!(
        text.contains("Stress averaged 8.0 in the 14 days before a performance review (14 days) and 3.0 on the other days (20 days)."),
        "{text}"
    );
}
