//! `keel settings` (the settings, the reminders' among them) and `keel remind` (the reminders
//! due now, sent as desktop notifications, from the file for reminders while Keel is closed).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{Local, NaiveTime, Weekday};
use clap::{Args, Subcommand};
use keel::model::{parse_time, Appearance, Settings};
use keel::remind::{self, deliver, notice, outside, Reply, WorkAnswer};
use keel::{location, Journal};

use crate::journal::open_journal;
use crate::output::{say, write_stdout, Failure};
use crate::Context;

#[derive(Args)]
pub struct SettingsArgs {
    #[command(subcommand)]
    command: Option<SettingsCommand>,
    /// Print the settings as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum SettingsCommand {
    /// Change settings: only those given change.
    Set(SetArgs),
}

#[derive(Args, Default)]
struct SetArgs {
    /// When work should stop, HH:MM (the boundary check-in and the end-of-work reminder).
    #[arg(long, value_name = "HH:MM")]
    end_of_work: Option<String>,
    /// Weekdays that are not working days ("sat,sun"; "none"): no end-of-work or check-in
    /// reminder on them.
    #[arg(long, value_name = "DAYS")]
    days_off: Option<String>,
    /// Days of the weekly business review ("mon,tue"; "none").
    #[arg(long, value_name = "DAYS")]
    review_days: Option<String>,
    /// The first day of the week.
    #[arg(long, value_name = "DAY")]
    week_start: Option<String>,
    /// The day the weekly reflection is offered.
    #[arg(long, value_name = "DAY")]
    reflection_day: Option<String>,
    /// system, light or dark.
    #[arg(long, value_name = "THEME")]
    theme: Option<String>,
    /// The language of the app and the command line: system (the locale's), en, de or es.
    #[arg(long, value_name = "LANGUAGE")]
    language: Option<String>,
    /// The end-of-work reminder: on or off.
    #[arg(long, value_name = "on|off")]
    remind_end_of_work: Option<String>,
    /// The daily check-in reminder: a time (HH:MM), or off.
    #[arg(long, value_name = "HH:MM|off")]
    remind_check_in: Option<String>,
    /// The weekly reflection reminder on the reflection day: a time (HH:MM), or off.
    #[arg(long, value_name = "HH:MM|off")]
    remind_weekly: Option<String>,
    /// Reminders while Keel is closed (a systemd user timer running `keel remind`, which keeps
    /// the reminder settings and which days have a check-in in a plain file beside the
    /// journal): on or off.
    #[arg(long, value_name = "on|off")]
    background: Option<String>,
}

#[derive(Args)]
pub struct RemindArgs {
    /// Print what is due now (and what comes next today) without sending or recording it.
    #[arg(long)]
    dry_run: bool,
}

fn on_off(flag: &str, value: &str) -> Result<bool, Failure> {
    match value.trim().to_ascii_lowercase().as_str() {
        "on" | "yes" | "true" => Ok(true),
        "off" | "no" | "false" => Ok(false),
        _ => Err(Failure::Usage(say(
            "usage-on-off",
            &[("flag", flag.into()), ("value", value.into())],
        ))),
    }
}

fn time_or_off(value: &str) -> Result<Option<NaiveTime>, Failure> {
    if value.trim().eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    Ok(Some(parse_time(value)?))
}

fn weekday(value: &str) -> Result<Weekday, Failure> {
    value
        .trim()
        .parse::<Weekday>()
        .map_err(|_| Failure::Usage(say("usage-weekday", &[("value", value.into())])))
}

fn weekdays(value: &str) -> Result<Vec<Weekday>, Failure> {
    if value.trim().eq_ignore_ascii_case("none") || value.trim().is_empty() {
        return Ok(Vec::new());
    }
    value.split(',').map(weekday).collect()
}

fn day_names(days: &[Weekday]) -> String {
    if days.is_empty() {
        return say("settings-no-days", &[]);
    }
    days.iter()
        .map(|d| day_name(*d))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A day of the week's short name in the spoken language.
fn day_name(day: Weekday) -> String {
    keel::i18n::tr(keel::i18n::spoken()).weekday(day)
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn print_settings(s: &Settings) -> String {
    let r = &s.reminders;
    let working: Vec<Weekday> = (0..7)
        .filter_map(|n| Weekday::try_from(n).ok())
        .filter(|d| !s.days_off.contains(d))
        .collect();
    let lock = match s.auto_lock_minutes {
        0 => say("settings-lock-never", &[]),
        n => say("settings-lock-after", &[("n", n.into())]),
    };
    // A row: its label (with its colon) padded to the values' column, as in English.
    let row = |id: &str, value: String| format!("{:<19} {value}\n", say(id, &[]));
    let sub = |id: &str, value: String| format!("  {:<17} {value}\n", say(id, &[]));
    let off = || say("settings-off", &[]);
    let mut out = String::new();
    out.push_str(&row("settings-end-of-work", hm(s.end_of_work)));
    out.push_str(&row(
        "settings-working-days",
        say(
            "settings-working-days-value",
            &[
                ("days", day_names(&working).into()),
                ("off", day_names(&s.days_off).into()),
            ],
        ),
    ));
    out.push_str(&row("settings-review-days", day_names(&s.review_days)));
    out.push_str(&row("settings-week-start", day_name(s.week_start)));
    out.push_str(&row("settings-reflection-day", day_name(s.reflection_day)));
    out.push_str(&row("settings-theme", s.theme.to_string()));
    out.push_str(&row("settings-language", s.language.to_string()));
    out.push_str(&row("settings-lock", lock));
    out.push_str(&say("settings-reminders", &[]));
    out.push('\n');
    out.push_str(&sub(
        "settings-remind-end-of-work",
        if r.end_of_work {
            say(
                "settings-remind-end-of-work-on",
                &[("time", hm(s.end_of_work).into())],
            )
        } else {
            off()
        },
    ));
    out.push_str(&sub(
        "settings-remind-check-in",
        r.check_in.map_or_else(off, |t| {
            say("settings-remind-check-in-on", &[("time", hm(t).into())])
        }),
    ));
    out.push_str(&sub(
        "settings-remind-weekly",
        r.weekly.map_or_else(off, |t| {
            say(
                "settings-remind-weekly-on",
                &[
                    ("time", hm(t).into()),
                    ("day", day_name(s.reflection_day).into()),
                ],
            )
        }),
    ));
    out.push_str(&sub(
        "settings-remind-background",
        if r.background {
            say("settings-on", &[])
        } else {
            off()
        },
    ));
    out
}

fn settings_json(s: &Settings) -> serde_json::Value {
    let names = |days: &[Weekday]| days.iter().map(|d| d.to_string()).collect::<Vec<_>>();
    serde_json::json!({
        "end_of_work": hm(s.end_of_work),
        "days_off": names(&s.days_off),
        "review_days": names(&s.review_days),
        "week_start": s.week_start.to_string(),
        "reflection_day": s.reflection_day.to_string(),
        "theme": s.theme.as_str(),
        "language": s.language.as_str(),
        "auto_lock_minutes": s.auto_lock_minutes,
        "reminders": {
            "end_of_work": s.reminders.end_of_work,
            "check_in": s.reminders.check_in.map(hm),
            "weekly": s.reminders.weekly.map(hm),
            "background": s.reminders.background,
        },
    })
}

pub fn settings(ctx: &Context, args: SettingsArgs) -> Result<(), Failure> {
    let journal = open_journal(ctx.journal.clone(), ctx.now)?;
    let stored = match args.command {
        None => journal.settings()?,
        Some(SettingsCommand::Set(set)) => {
            let stored = apply(&journal, ctx, set)?;
            // What was just stored is said in the language it names.
            keel::i18n::speak(keel::i18n::resolved(stored.language));
            stored
        }
    };
    if args.json {
        write_stdout(&format!("{:#}\n", settings_json(&stored)))
    } else {
        write_stdout(&print_settings(&stored))
    }
}

/// Every value is checked before anything is written; the background timer last.
fn apply(journal: &Journal, ctx: &Context, set: SetArgs) -> Result<Settings, Failure> {
    let mut s = journal.settings()?;
    if let Some(v) = &set.end_of_work {
        s.end_of_work = parse_time(v)?;
    }
    if let Some(v) = &set.days_off {
        s.days_off = weekdays(v)?;
    }
    if let Some(v) = &set.review_days {
        s.review_days = weekdays(v)?;
    }
    if let Some(v) = &set.week_start {
        s.week_start = weekday(v)?;
    }
    if let Some(v) = &set.reflection_day {
        s.reflection_day = weekday(v)?;
    }
    if let Some(v) = &set.theme {
        s.theme = v
            .trim()
            .parse::<Appearance>()
            .map_err(|_| Failure::Usage(say("usage-theme", &[("value", v.as_str().into())])))?;
    }
    if let Some(v) = &set.language {
        s.language = v
            .trim()
            .parse::<keel::i18n::Language>()
            .map_err(|_| Failure::Usage(say("usage-language", &[("value", v.as_str().into())])))?;
    }
    if let Some(v) = &set.remind_end_of_work {
        s.reminders.end_of_work = on_off("remind-end-of-work", v)?;
    }
    if let Some(v) = &set.remind_check_in {
        s.reminders.check_in = time_or_off(v)?;
    }
    if let Some(v) = &set.remind_weekly {
        s.reminders.weekly = time_or_off(v)?;
    }
    let background = set
        .background
        .as_deref()
        .map(|v| on_off("background", v))
        .transpose()?;
    journal.put_settings(&s)?;
    match background {
        // Given again, the timer is written again (as `systemctl enable` would), so a unit
        // removed by hand comes back.
        Some(on) => {
            let keel = std::env::current_exe().map_err(|e| {
                Failure::Error(say("keel-not-found", &[("reason", e.to_string().into())]))
            })?;
            Ok(journal.set_background_reminders(
                on,
                &location::config_home()?,
                &keel,
                ctx.now.date_naive(),
            )?)
        }
        _ => Ok(journal.settings()?),
    }
}

/// How long `keel remind` waits for an answer before it leaves the notification be.
const ANSWER_WAIT: Duration = Duration::from_secs(55 * 60);

fn describe(n: &notice::Notice) -> String {
    let labels: Vec<&str> = n.actions.iter().skip(1).map(|a| a.1.as_str()).collect();
    format!(
        "{} ({}): {} [{}]\n",
        n.summary,
        n.date,
        n.body,
        labels.join(" | ")
    )
}

pub fn run(ctx: &Context, args: RemindArgs) -> Result<(), Failure> {
    let dir = location::resolve_journal_dir(
        ctx.journal.clone(),
        std::env::var_os(location::JOURNAL_ENV),
    )?;
    let Some(file) = outside::read(&dir)? else {
        return write_stdout(&format!("{}\n", say("remind-off", &[])));
    };
    let facts = &file.facts;
    let today = ctx.now.date_naive();
    let end_of_work = |d: &remind::Due| facts.plan.end_of_work.unwrap_or(d.at.time());
    let week_start = facts.week_start.unwrap_or(Weekday::Mon);
    let tr = facts.tr();
    // The journal's language, which the reminder file carries: its messages speak it too.
    keel::i18n::speak(tr.lang());
    let app_open = outside::app_is_open(&dir)?;
    if args.dry_run {
        let due = remind::due(
            ctx.now,
            &facts.plan,
            facts.day(today),
            &file.ledger.fired,
            &file.ledger.snoozed,
        );
        let mut out = String::new();
        if app_open {
            out.push_str(&format!("{}\n", say("remind-app-open", &[])));
        }
        if due.is_empty() {
            out.push_str(&format!("{}\n", say("remind-nothing-due", &[])));
        }
        for d in &due {
            out.push_str(&say("remind-due-now", &[]));
            out.push_str(&describe(&notice::notice(
                d,
                end_of_work(d),
                week_start,
                tr,
            )));
        }
        if let Some(next) = remind::next_check(ctx.now, &facts.plan, &file.ledger.snoozed) {
            out.push_str(&format!(
                "{}\n",
                say(
                    "remind-next-look",
                    &[("time", next.format("%H:%M").to_string().into())]
                )
            ));
        }
        return write_stdout(&out);
    }
    if app_open {
        return write_stdout(&format!("{}\n", say("remind-app-open", &[])));
    }
    // Record each as fired under the file's lock before it is shown: two `keel remind`s at
    // once (a timer and a person) send it once.
    let mut due = Vec::new();
    outside::update(&dir, |f| {
        Ok(f.map(|mut f| {
            due = remind::due(
                ctx.now,
                &f.facts.plan,
                f.facts.day(today),
                &f.ledger.fired,
                &f.ledger.snoozed,
            );
            for d in &due {
                f.ledger.fire(d.kind, d.date);
            }
            f.ledger.prune(today);
            f
        }))
    })?;
    if due.is_empty() {
        return write_stdout(&format!("{}\n", say("remind-nothing-due", &[])));
    }
    let mut shown = Vec::new();
    let mut failure = None;
    for d in &due {
        let n = notice::notice(d, end_of_work(d), week_start, tr);
        match deliver::show(&n) {
            Ok(s) => {
                write_stdout(&format!("{}{}", say("remind-sent", &[]), describe(&n)))?;
                shown.push((n, s));
            }
            Err(e) => {
                // Not shown: it may come at the next look, within its hour.
                outside::update_ledger(&dir, |l| {
                    l.fired.retain(|x| !(x.kind == d.kind && x.date == d.date))
                })?;
                failure = Some(e);
            }
        }
    }
    let deadline = Instant::now() + ANSWER_WAIT;
    for (n, s) in shown {
        let reply = s.wait(deadline.saturating_duration_since(Instant::now()));
        // The answer's own time: one reading of the clock for this action.
        let at = Local::now().fixed_offset();
        match reply {
            Reply::Answer(answer) => {
                outside::update_ledger(&dir, |l| {
                    l.answers.push(WorkAnswer {
                        date: n.date,
                        answer,
                        at,
                    })
                })?;
                write_stdout(&format!(
                    "{}\n",
                    say(
                        "remind-answered",
                        &[
                            ("date", n.date.to_string().into()),
                            (
                                "answer",
                                match answer {
                                    remind::Answer::Done => "done",
                                    remind::Answer::StillWorking => "still-working",
                                }
                                .into()
                            ),
                        ],
                    )
                ))?;
            }
            Reply::Snooze(length) => {
                let until = at.naive_local() + length;
                outside::update_ledger(&dir, |l| l.snooze(n.kind, n.date, until))?;
                write_stdout(&format!(
                    "{}\n",
                    say(
                        "remind-snoozed",
                        &[("time", until.format("%H:%M").to_string().into())]
                    )
                ))?;
            }
            Reply::Open => open_app(&dir, &n.route)?,
            Reply::Dismissed => {}
        }
    }
    match failure {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

/// Starts the app on `route` (it is closed: `keel remind` only sends while it is).
fn open_app(dir: &std::path::Path, route: &str) -> Result<(), Failure> {
    let beside = std::env::current_exe()
        .ok()
        .map(|exe| exe.with_file_name("keel-desktop"))
        .filter(|p| p.is_file());
    let program = beside.unwrap_or_else(|| PathBuf::from("keel-desktop"));
    std::process::Command::new(&program)
        .arg("--open")
        .arg(route)
        .env(location::JOURNAL_ENV, dir)
        .stdin(std::process::Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|e| {
            Failure::Error(say(
                "keel-not-started",
                &[
                    ("program", program.display().to_string().into()),
                    ("reason", e.to_string().into()),
                ],
            ))
        })
}
