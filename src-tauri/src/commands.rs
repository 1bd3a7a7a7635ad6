//! The IPC commands: thin adapters. Each converts its input, makes one core call and maps the
//! result; validation and rules live in the core. Async, so a durable save (an fsync) runs on
//! the async runtime's threads instead of blocking the window's event loop.

use keel::interchange::ExportFormat;
use keel::model::{parse_date, parse_week, OVERLAP, RESILIENCE, STRESS};
use keel::{analytics, interchange, ErrorKind};
use tauri::ipc::{Channel, InvokeBody, Request};
use tauri::State;

use keel::analytics::trends::{Range, Trends};
use keel::analytics::EarlierPage;
use keel::cycle::{CycleEvent, EventDraft, EventKind, ValueBook, ValueDraft};
use keel::i18n::CatalogueDto;
use keel::markdown::Marked;
use keel::model::{Prompt, PromptFields, Side, WeekContent};

use crate::dto::{
    AppInfoDto, DayDto, DayPromptsDto, PageDto, SettingsDto, StillWorkingDto, SyncDto, WeekDto,
};
use crate::dto::{
    BackupDto, CalendarDayDto, ExportDoneDto, ExportProgressDto, ImportPlanDto, TagCountDto,
};
use crate::error::ErrorDto;
use crate::state::AppState;
use crate::sync::Nudge;
use keel::sync::journal::{Attached, Exchange};

/// Unlocks the encrypted journal with its passphrase (wrong ones make the next try wait).
#[tauri::command]
pub async fn unlock<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<(), ErrorDto> {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    state.unlock(&passphrase)?;
    state.sync.nudge(Nudge::Now);
    crate::spawn_daily_backup(app);
    Ok(())
}

/// Locks an encrypted journal now (Ctrl+L, the idle timer); whether it was locked (a plain
/// journal has nothing to lock it with).
#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> Result<bool, ErrorDto> {
    Ok(state.lock())
}

/// Encrypts the journal under a new passphrase; the plain backups taken before are removed
/// when the person chose so, and encrypted in place otherwise.
#[tauri::command]
pub async fn set_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
    remove_old_backups: bool,
) -> Result<(), ErrorDto> {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    let what = if remove_old_backups {
        keel::backup::OldBackups::Remove
    } else {
        keel::backup::OldBackups::Encrypt
    };
    keel::backup::encrypt(&*state.journal()?, &passphrase, what)?;
    Ok(())
}

/// Changes the passphrase (the old one is asked again).
#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    old: String,
    new: String,
) -> Result<(), ErrorDto> {
    let (old, new) = (zeroize::Zeroizing::new(old), zeroize::Zeroizing::new(new));
    Ok(state.journal()?.change_passphrase(&old, &new)?)
}

/// Turns encryption off, once the passphrase is given again.
#[tauri::command]
pub async fn remove_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<(), ErrorDto> {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    Ok(state.journal()?.decrypt(&passphrase)?)
}

/// The page says its first page is on screen (painted: it asks at the second animation frame
/// after drawing it). With `KEEL_REPORT_STARTUP` set in the environment the shell prints
/// `keel-desktop: page shown after N ms` on standard output (the start-up benchmark reads it);
/// otherwise, and after the first time, it does nothing.
#[tauri::command]
pub fn page_shown() {
    crate::report_page_shown();
}

/// What the page needs at start: today, the scales' words, the journal's place or its error.
#[tauri::command]
pub async fn get_app_info(state: State<'_, AppState>) -> Result<AppInfoDto, ErrorDto> {
    // One look at the journal, so the answer cannot mix two states (a lock in between).
    let journal = state.journal();
    let (settings, encrypted, welcome) = match &journal {
        Ok(journal) => (
            journal.settings()?,
            journal.is_encrypted(),
            journal.needs_welcome()?,
        ),
        Err(e) => (
            keel::Settings::default(),
            e.kind == ErrorKind::Locked,
            false,
        ),
    };
    Ok(AppInfoDto {
        today: state.clock.today().to_string(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        journal_dir: state.journal_dir().map(|d| d.display().to_string()),
        journal_error: journal.err(),
        encrypted,
        scales: vec![STRESS, RESILIENCE, OVERLAP],
        end_of_work: settings.end_of_work.format("%H:%M").to_string(),
        settings: settings.into(),
        welcome,
        open: state.take_open_route(),
    })
}

/// The person's values, active and retired.
#[tauri::command]
pub async fn get_values(state: State<'_, AppState>) -> Result<ValueBook, ErrorDto> {
    Ok(state.journal()?.values()?)
}

/// Replaces the list of values (3 to 7, or none); a value named again keeps its id.
#[tauri::command]
pub async fn set_values(
    state: State<'_, AppState>,
    values: Vec<ValueDraft>,
) -> Result<ValueBook, ErrorDto> {
    let book = state.journal()?.set_values(&values)?;
    state.sync.nudge(Nudge::Saved);
    Ok(book)
}

/// The events that share a day with `from`..=`to` (YYYY-MM-DD), by start date.
#[tauri::command]
pub async fn list_events(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<CycleEvent>, ErrorDto> {
    let (from, to) = (parse_date(&from)?, parse_date(&to)?);
    Ok(state.journal()?.events_between(from, to)?)
}

/// Adds an event: `start` (and `end`, for several days) YYYY-MM-DD, a built-in kind's name or
/// the person's own word, and a note.
#[tauri::command]
pub async fn add_event(
    state: State<'_, AppState>,
    start: String,
    end: Option<String>,
    kind: String,
    note: String,
) -> Result<CycleEvent, ErrorDto> {
    let draft = EventDraft {
        start: parse_date(&start)?,
        end: end.as_deref().map(parse_date).transpose()?,
        kind: kind.parse::<EventKind>()?,
        note,
    };
    Ok(state.journal()?.add_event(draft)?)
}

/// Removes the event `id`; what it was.
#[tauri::command]
pub async fn remove_event(state: State<'_, AppState>, id: u64) -> Result<CycleEvent, ErrorDto> {
    Ok(state.journal()?.remove_event(id)?)
}

/// Turns reminders while Keel is closed on (writing the systemd user timer that runs the
/// `keel` command installed beside the app) or off (removing it); returns the settings.
#[tauri::command]
pub async fn set_background_reminders(
    state: State<'_, AppState>,
    on: bool,
) -> Result<SettingsDto, ErrorDto> {
    let keel = std::env::current_exe()
        .map_err(|e| keel::KeelError::Background {
            reason: keel::Reason::new(
                "reason-background-no-exe",
                vec![("detail", e.to_string().into())],
            ),
        })
        .and_then(|exe| keel::location::keel_beside(&exe))?;
    let config = keel::location::config_home()?;
    let journal = state.journal()?;
    Ok(journal
        .set_background_reminders(on, &config, &keel, state.clock.today())?
        .into())
}

/// Answers the end-of-work question for `date` ("Done for today" or "Still working"), as the
/// reminder's buttons do; returns the day as saved.
#[tauri::command]
pub async fn answer_end_of_work(
    state: State<'_, AppState>,
    date: String,
    answer: keel::remind::Answer,
) -> Result<DayDto, ErrorDto> {
    let date = parse_date(&date)?;
    let entry = state
        .journal()?
        .answer_end_of_work(date, answer, state.clock.now())?;
    Ok(DayDto::new(date, Some(entry)))
}

/// The "Still working" that `date` waits on to be done, if any.
#[tauri::command]
pub async fn still_working(
    state: State<'_, AppState>,
    date: String,
) -> Result<Option<StillWorkingDto>, ErrorDto> {
    let date = parse_date(&date)?;
    Ok(state
        .journal()?
        .still_working(date)?
        .map(|(answer, end_of_work)| StillWorkingDto {
            date: date.to_string(),
            since: answer.at.format("%H:%M").to_string(),
            end_of_work: end_of_work.format("%H:%M").to_string(),
        }))
}

/// The welcome was finished or skipped: it is not offered again.
#[tauri::command]
pub async fn finish_welcome(state: State<'_, AppState>) -> Result<(), ErrorDto> {
    Ok(state.journal()?.mark_welcomed()?)
}

/// The page for `date` (YYYY-MM-DD), or an empty unsaved one.
#[tauri::command]
pub async fn get_day(state: State<'_, AppState>, date: String) -> Result<DayDto, ErrorDto> {
    let date = parse_date(&date)?;
    let entry = state.journal()?.day(date)?;
    Ok(DayDto::new(date, entry))
}

/// Saves the whole page for `date`; returns only after the save is durable. `base` is the
/// page as the editor loaded it (or last saved it): when the page was saved again since (sync
/// brought another computer's edit, `keel add` wrote), the two are merged and the merged
/// page comes back, so nothing typed on either side is written over.
#[tauri::command]
pub async fn save_day(
    state: State<'_, AppState>,
    date: String,
    page: PageDto,
    base: Option<PageDto>,
) -> Result<DayDto, ErrorDto> {
    let date = parse_date(&date)?;
    let journal = state.journal()?;
    let now = state.clock.now();
    let saved = match base {
        Some(base) => journal.save_day_over(date, &page.into_patch(), &base.into_patch(), now)?,
        None => journal.save_day(date, &page.into_patch(), now)?,
    };
    state.sync.nudge(Nudge::Saved);
    Ok(DayDto::new(date, Some(saved)))
}

/// The day's prompts (chosen and stored the first time).
#[tauri::command]
pub async fn get_day_prompts(
    state: State<'_, AppState>,
    date: String,
) -> Result<DayPromptsDto, ErrorDto> {
    let date = parse_date(&date)?;
    Ok(state
        .journal()?
        .day_prompts(date, state.clock.now())?
        .into())
}

/// Another prompt for one column of the day.
#[tauri::command]
pub async fn another_prompt(
    state: State<'_, AppState>,
    date: String,
    side: Side,
) -> Result<DayPromptsDto, ErrorDto> {
    let date = parse_date(&date)?;
    Ok(state
        .journal()?
        .another_prompt(date, side, state.clock.now())?
        .into())
}

/// Hides a prompt for good (reversible) and returns the day's prompts without it.
#[tauri::command]
pub async fn hide_prompt(
    state: State<'_, AppState>,
    date: String,
    id: String,
) -> Result<DayPromptsDto, ErrorDto> {
    let date = parse_date(&date)?;
    Ok(state
        .journal()?
        .hide_prompt(date, &id, state.clock.now())?
        .into())
}

/// Every prompt, shipped and the user's own.
#[tauri::command]
pub async fn list_prompts(state: State<'_, AppState>) -> Result<Vec<Prompt>, ErrorDto> {
    Ok(state.journal()?.prompts()?)
}

/// Hides or shows a prompt.
#[tauri::command]
pub async fn set_prompt_hidden(
    state: State<'_, AppState>,
    id: String,
    hidden: bool,
) -> Result<Prompt, ErrorDto> {
    Ok(state.journal()?.set_prompt_hidden(&id, hidden)?)
}

/// Adds a prompt of the user's own.
#[tauri::command]
pub async fn add_prompt(
    state: State<'_, AppState>,
    fields: PromptFields,
) -> Result<Prompt, ErrorDto> {
    Ok(state.journal()?.add_prompt(fields)?)
}

/// Changes a prompt's side, cadence, theme or text.
#[tauri::command]
pub async fn edit_prompt(
    state: State<'_, AppState>,
    id: String,
    fields: PromptFields,
) -> Result<Prompt, ErrorDto> {
    Ok(state.journal()?.edit_prompt(&id, fields)?)
}

/// Deletes one of the user's own prompts.
#[tauri::command]
pub async fn delete_prompt(state: State<'_, AppState>, id: String) -> Result<(), ErrorDto> {
    Ok(state.journal()?.delete_prompt(&id)?)
}

/// A week's page: its summary, prompts, what was written, and last week's boundary.
#[tauri::command]
pub async fn get_week(state: State<'_, AppState>, week: String) -> Result<WeekDto, ErrorDto> {
    let week = parse_week(&week)?;
    Ok(WeekDto::new(analytics::week_page(
        &*state.journal()?,
        week,
    )?))
}

/// Saves a week's page whole; returns only after the save is durable. `base` is the page as
/// the editor loaded it (or last saved it): a page saved again since (sync) is merged with
/// what was typed, not written over, and the merged page comes back (null when the page was
/// stored as typed).
#[tauri::command]
pub async fn save_week(
    state: State<'_, AppState>,
    week: String,
    content: WeekContent,
    base: Option<WeekContent>,
) -> Result<Option<WeekContent>, ErrorDto> {
    let week = parse_week(&week)?;
    let journal = state.journal()?;
    let now = state.clock.now();
    let merged = match base {
        Some(base) => {
            let (saved, merged) = journal.save_week_over(week, content, base, now)?;
            merged.then(|| saved.into_content())
        }
        None => {
            journal.save_week(week, content, now)?;
            None
        }
    };
    state.sync.nudge(Nudge::Saved);
    Ok(merged)
}

/// The ISO week holding `date`, in the user's week (which may start on another day).
#[tauri::command]
pub async fn week_of(state: State<'_, AppState>, date: String) -> Result<String, ErrorDto> {
    let date = parse_date(&date)?;
    Ok(state.journal()?.week_containing(date)?.to_string())
}

/// The page's words: the catalogue in the language the settings name (a locked journal's
/// lock screen speaks the system's).
#[tauri::command]
pub async fn get_catalogue(state: State<'_, AppState>) -> Result<CatalogueDto, ErrorDto> {
    let setting = match state.journal() {
        Ok(journal) => journal.settings()?.language,
        Err(_) => keel::i18n::Language::System,
    };
    let catalogue = keel::i18n::page_catalogue(setting, keel::i18n::system());
    // The window speaks this language now: its errors too.
    keel::i18n::speak(catalogue.lang);
    Ok(catalogue)
}

/// The settings.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<SettingsDto, ErrorDto> {
    Ok(state.journal()?.settings()?.into())
}

/// Saves the settings; returns them as stored.
#[tauri::command]
pub async fn save_settings(
    state: State<'_, AppState>,
    settings: SettingsDto,
) -> Result<SettingsDto, ErrorDto> {
    let journal = state.journal()?;
    let next = settings.into_settings(journal.settings()?)?;
    journal.put_settings(&next)?;
    state.sync.nudge(Nudge::Saved);
    Ok(journal.settings()?.into())
}

/// The file's bytes (sent raw, not as JSON) and how to import them (`x-keel-source`,
/// `x-keel-side`, `x-keel-skip-bad` headers, read by the core).
fn import_request<'a>(
    request: &'a Request<'_>,
) -> Result<(interchange::Source, interchange::ImportOptions, &'a [u8]), ErrorDto> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(keel::KeelError::InvalidImportRequest {
            reason: keel::Reason::new("reason-import-raw", vec![]),
        }
        .into());
    };
    let header = |name: &str| {
        let value = request.headers().get(name);
        value.and_then(|v| v.to_str().ok()).unwrap_or("")
    };
    let (source, options) = interchange::ImportOptions::from_request(
        header("x-keel-source"),
        header("x-keel-side"),
        header("x-keel-skip-bad"),
    )?;
    Ok((source, options, bytes))
}

/// Plans an import from the request's bytes and, when `write`, applies it after a backup.
fn run_import(
    state: &AppState,
    request: &Request<'_>,
    write: bool,
) -> Result<ImportPlanDto, ErrorDto> {
    let (source, options, bytes) = import_request(request)?;
    let journal = state.journal()?;
    let now = state.clock.now();
    let mut plan = interchange::plan(&journal, source, bytes, options, now)?;
    if write {
        keel::backup::apply_import(&journal, &mut plan, now)?;
    }
    Ok(ImportPlanDto::new(&plan, write))
}

/// Reads an import file (sent as raw bytes) and says what importing it would do; writes nothing.
#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<ImportPlanDto, ErrorDto> {
    run_import(&state, &request, false)
}

/// Imports a file (sent as raw bytes), atomically and durably.
#[tauri::command]
pub async fn apply_import(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<ImportPlanDto, ErrorDto> {
    let plan = run_import(&state, &request, true)?;
    state.sync.nudge(Nudge::Saved);
    Ok(plan)
}

/// Asks where to export (a native dialog, in the shell: the page never names a path), then
/// writes the export there, reporting progress. `None` when the person cancelled.
#[tauri::command]
pub async fn export_journal<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
    on_progress: Channel<ExportProgressDto>,
) -> Result<Option<ExportDoneDto>, ErrorDto> {
    use tauri_plugin_dialog::DialogExt;
    let journal = state.journal()?;
    let today = state.clock.today();
    let mut dialog = app.dialog().file().set_title("Export the journal");
    if let Some(start) = keel::location::export_start_dir() {
        dialog = dialog.set_directory(start);
    }
    let chosen = match format {
        ExportFormat::Json => dialog
            .add_filter("Keel JSON", &["json"])
            .set_file_name(format!("keel-{today}.json"))
            .blocking_save_file(),
        ExportFormat::Csv => dialog
            .add_filter("CSV", &["csv"])
            .set_file_name(format!("keel-checkins-{today}.csv"))
            .blocking_save_file(),
        ExportFormat::Markdown => dialog.blocking_pick_folder(),
    };
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let n_files = interchange::export(&journal, format, &path, &mut |done, total| {
        let _ = on_progress.send(ExportProgressDto {
            done: done as u32,
            total: total as u32,
        });
    })?;
    Ok(Some(ExportDoneDto {
        path: path.display().to_string(),
        n_files: n_files as u32,
    }))
}

/// The trends for a range (30d, 90d, 1y, all) ending today.
#[tauri::command]
pub async fn get_trends(state: State<'_, AppState>, range: String) -> Result<Trends, ErrorDto> {
    let range = Range::named(&range)?;
    Ok(analytics::trends::trends(
        &*state.journal()?,
        range,
        state.clock.today(),
    )?)
}

/// Saves a chart the page drew (SVG text) where the person picks in a native save dialog. The
/// page supplies the picture, never the place. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn save_chart<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    svg: String,
    name: String,
) -> Result<Option<String>, ErrorDto> {
    use tauri_plugin_dialog::DialogExt;
    interchange::check_chart(&svg)?;
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Save the chart")
        .add_filter("SVG picture", &["svg"])
        .set_file_name(interchange::chart_file_name(&name));
    if let Some(start) = keel::location::export_start_dir() {
        dialog = dialog.set_directory(start);
    }
    let Some(path) = dialog.blocking_save_file().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    interchange::write_chart(&svg, &path)?;
    Ok(Some(path.display().to_string()))
}

/// The most results one search returns.
const MAX_RESULTS: usize = 200;

/// Searches both sides of every day and the weekly reflections, newest first.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
) -> Result<keel::search::Found, ErrorDto> {
    Ok(keel::search::find(&*state.journal()?, &query, MAX_RESULTS)?)
}

/// Every tag with the number of days that have it.
#[tauri::command]
pub async fn tag_counts(state: State<'_, AppState>) -> Result<Vec<TagCountDto>, ErrorDto> {
    let counts = state.journal()?.tag_counts()?;
    Ok(counts
        .into_iter()
        .map(|(tag, days)| TagCountDto {
            tag,
            days: days as u32,
        })
        .collect())
}

/// The days from `from` to `to` (at most about a year) that have a page.
#[tauri::command]
pub async fn calendar(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<CalendarDayDto>, ErrorDto> {
    let (from, to) = (parse_date(&from)?, parse_date(&to)?);
    let days = analytics::calendar(&*state.journal()?, from, to)?;
    Ok(days
        .into_iter()
        .map(|d| CalendarDayDto {
            date: d.date.to_string(),
            stress: d.stress,
        })
        .collect())
}

/// The pages of the same date in earlier years.
#[tauri::command]
pub async fn on_this_day(
    state: State<'_, AppState>,
    date: String,
) -> Result<Vec<EarlierPage>, ErrorDto> {
    let date = parse_date(&date)?;
    Ok(analytics::on_this_day(&*state.journal()?, date)?)
}

fn journal_dir(state: &AppState) -> Result<&std::path::PathBuf, ErrorDto> {
    state
        .journal_dir()
        .ok_or_else(|| keel::KeelError::NoJournalLocation.into())
}

/// The journal's backups, newest first (also when the journal itself could not be opened).
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupDto>, ErrorDto> {
    Ok(keel::backup::list(journal_dir(&state)?)?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Restores a backup (named as `list_backups` names it): the app restarts, and the restore
/// happens before the journal opens, moving the current store aside.
#[tauri::command]
pub async fn restore_backup<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    name: String,
) -> Result<(), ErrorDto> {
    keel::backup::request_restore(journal_dir(&state)?, &name)?;
    app.request_restart();
    Ok(())
}

/// Today's date as the app's clock has it: the page never reads a clock of its own, so the
/// day it opens on is the shell's (and a test's fixed clock reaches the page).
#[tauri::command]
pub async fn get_today(state: State<'_, AppState>) -> Result<String, ErrorDto> {
    Ok(state.clock.today().to_string())
}

/// Markdown to sanitized HTML with the words a search found marked (`terms`, folded as the
/// index folds them), and how many were marked.
#[tauri::command]
pub async fn render_marked(text: String, terms: Vec<String>) -> Result<Marked, ErrorDto> {
    Ok(keel::markdown::render_marked(&text, &terms)?)
}

/// Markdown to the sanitized HTML the preview inserts.
#[tauri::command]
pub async fn render_markdown(text: String) -> Result<String, ErrorDto> {
    Ok(keel::markdown::render_checked(&text)?)
}

/// Closes the calling window (the page calls it once its last save is durable), after renewing
/// the journal's write mark (the process exits without dropping the journal).
#[tauri::command]
pub async fn close_window<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Result<(), ErrorDto> {
    if let Ok(journal) = state.journal() {
        journal.checkpoint();
    }
    Ok(window.destroy()?)
}

#[cfg(test)]
mod tests;

/// Where sync stands (`status: null` when the journal is not attached), with why the last
/// exchange in the background failed, if it did.
#[tauri::command]
pub async fn get_sync(state: State<'_, AppState>) -> Result<SyncDto, ErrorDto> {
    Ok(SyncDto {
        status: keel::sync::journal::status(&*state.journal()?)?,
        last_error: state.sync.last_error(),
        host_name: keel::sync::journal::host_name(),
    })
}

/// Attaches the journal to the sync folder `folder` as the computer `name`: starts one there
/// or joins the one there with `passphrase` (a wrong one changes nothing and says so).
#[tauri::command]
pub async fn attach_sync(
    state: State<'_, AppState>,
    folder: String,
    name: String,
    passphrase: String,
) -> Result<Attached, ErrorDto> {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    let now = state.clock.now();
    let attached = {
        let _gate = state.sync.gate();
        keel::sync::journal::attach(
            &*state.journal()?,
            std::path::Path::new(&folder),
            &name,
            &passphrase,
            now.timestamp_millis().max(0) as u64,
            now,
        )?
    };
    state.sync.nudge(Nudge::Now);
    Ok(attached)
}

/// One exchange with the sync folder now.
#[tauri::command]
pub async fn sync_now(state: State<'_, AppState>) -> Result<Exchange, ErrorDto> {
    let now = state.clock.now();
    let _gate = state.sync.gate();
    Ok(keel::sync::journal::exchange(
        &*state.journal()?,
        now.timestamp_millis().max(0) as u64,
        now,
    )?)
}

/// Detaches the journal from its sync folder (the folder and the pages stay); the folder it
/// was attached to, if any.
#[tauri::command]
pub async fn detach_sync(state: State<'_, AppState>) -> Result<Option<String>, ErrorDto> {
    let detached = {
        let _gate = state.sync.gate();
        keel::sync::journal::detach(&*state.journal()?)?
    };
    state.sync.nudge(Nudge::Now);
    Ok(detached.map(|p| p.display().to_string()))
}
