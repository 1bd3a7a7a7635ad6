//! The IPC commands: thin adapters. Each converts its input, makes one core call and maps the
//! result; validation and rules live in the core. Async, so a durable save (an fsync) runs on
//! the async runtime's threads instead of blocking the window's event loop.

use keel::model::{parse_date, OVERLAP, RESILIENCE, STRESS};
use tauri::State;

use crate::dto::{AppInfoDto, DayDto, PageDto};
use crate::error::ErrorDto;
use crate::state::AppState;

/// What the page needs at start: today, the scales' words, the journal's place or its error.
#[tauri::command]
pub async fn get_app_info(state: State<'_, AppState>) -> Result<AppInfoDto, ErrorDto> {
    let settings = match state.journal() {
        Ok(journal) => journal.settings()?,
        Err(_) => keel::Settings::default(),
    };
    Ok(AppInfoDto {
        today: state.clock.today().to_string(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        journal_dir: state.journal_dir().map(|d| d.display().to_string()),
        journal_error: state.journal().err(),
        scales: [STRESS, RESILIENCE, OVERLAP]
            .into_iter()
            .map(Into::into)
            .collect(),
        end_of_work: settings.end_of_work.format("%H:%M").to_string(),
    })
}

/// The page for `date` (YYYY-MM-DD), or an empty unsaved one.
#[tauri::command]
pub async fn get_day(state: State<'_, AppState>, date: String) -> Result<DayDto, ErrorDto> {
    let date = parse_date(&date)?;
    let entry = state.journal()?.day(date)?;
    Ok(DayDto::new(date, entry))
}

/// Saves the whole page for `date`; returns only after the save is durable.
#[tauri::command]
pub async fn save_day(
    state: State<'_, AppState>,
    date: String,
    page: PageDto,
) -> Result<DayDto, ErrorDto> {
    let date = parse_date(&date)?;
    let saved = state
        .journal()?
        .save_day(date, &page.into_patch(), state.clock.now())?;
    Ok(DayDto::new(date, Some(saved)))
}

/// Markdown to the sanitized HTML the preview inserts.
#[tauri::command]
pub async fn render_markdown(text: String) -> Result<String, ErrorDto> {
    Ok(keel::markdown::render_checked(&text)?)
}

/// Closes the calling window (the page calls it once its last save is durable).
#[tauri::command]
pub async fn close_window<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
) -> Result<(), ErrorDto> {
    Ok(window.destroy()?)
}

#[cfg(test)]
mod tests;
