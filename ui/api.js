// @ts-check
/**
 * The only module that talks to the core. Every command the page uses is a typed function here;
 * the types come from `bindings/`, generated from the Rust DTOs. Errors arrive as
 * `{kind, message}` (ErrorDto): callers switch on `kind` and show `message`.
 */

import { t } from './i18n.js';

/** @typedef {import('./bindings/AppInfoDto').AppInfoDto} AppInfoDto */
/** @typedef {import('./bindings/DayDto').DayDto} DayDto */
/** @typedef {import('./bindings/PageDto').PageDto} PageDto */
/** @typedef {import('./bindings/ErrorDto').ErrorDto} ErrorDto */

/**
 * @template T
 * @param {string} cmd
 * @param {Record<string, unknown> | Uint8Array} [args] JSON arguments, or raw bytes
 * @param {Record<string, string>} [headers] sent beside raw bytes
 * @returns {Promise<T>}
 */
async function call(cmd, args, headers) {
  try {
    return await window.__TAURI_INTERNALS__.invoke(cmd, args, headers ? { headers } : undefined);
  } catch (error) {
    throw asErrorDto(error);
  }
}

/**
 * Whatever was thrown, as an ErrorDto.
 * @param {unknown} error
 * @returns {ErrorDto}
 */
export function asErrorDto(error) {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    return /** @type {ErrorDto} */ (error);
  }
  return { kind: 'ipc', message: typeof error === 'string' ? error : t('ipc-unreachable') };
}

/** @returns {Promise<AppInfoDto>} */
export function getAppInfo() {
  return call('get_app_info');
}

/**
 * @param {string} date YYYY-MM-DD
 * @returns {Promise<DayDto>}
 */
export function getDay(date) {
  return call('get_day', { date });
}

/**
 * Resolves only once the page is durable on disk, with the page as stored: when it was saved
 * again since the editor had `base` (sync, `keel add`), the core merged both edits.
 * @param {string} date
 * @param {PageDto} page
 * @param {PageDto | null} [base] the page as the editor loaded it, or as it last saved it
 * @returns {Promise<DayDto>}
 */
export function saveDay(date, page, base = null) {
  return call('save_day', { date, page, base });
}

/**
 * @param {string} text Markdown
 * @returns {Promise<string>} sanitized HTML
 */
export function renderMarkdown(text) {
  return call('render_markdown', { text });
}

/**
 * The sanitized HTML with the words a search found marked, and how many were.
 * @param {string} text
 * @param {string[]} terms folded words
 * @returns {Promise<import('./bindings/Marked').Marked>}
 */
export function renderMarked(text, terms) {
  return call('render_marked', { text, terms });
}

/**
 * Today's date as the app's clock has it (the page keeps no clock of its own).
 * @returns {Promise<string>}
 */
export function getToday() {
  return call('get_today');
}

/**
 * Tells the shell the first daily page is on screen (the start-up benchmark's mark).
 * @returns {Promise<void>}
 */
export function pageShown() {
  return call('page_shown');
}

/**
 * Opens the encrypted journal with its passphrase.
 * @param {string} passphrase
 * @returns {Promise<void>}
 */
export function unlock(passphrase) {
  return call('unlock', { passphrase });
}

/**
 * Locks an encrypted journal now.
 * @returns {Promise<boolean>} whether it was locked (a plain journal is not)
 */
export function lock() {
  return call('lock');
}

/**
 * Encrypts the journal under a new passphrase.
 * @param {string} passphrase
 * @param {boolean} removeOldBackups delete the backups taken before (they are not encrypted)
 * @returns {Promise<void>}
 */
export function setPassphrase(passphrase, removeOldBackups) {
  return call('set_passphrase', { passphrase, removeOldBackups });
}

/**
 * @param {string} old
 * @param {string} next
 * @returns {Promise<void>}
 */
export function changePassphrase(old, next) {
  return call('change_passphrase', { old, new: next });
}

/**
 * Turns encryption off.
 * @param {string} passphrase
 * @returns {Promise<void>}
 */
export function removePassphrase(passphrase) {
  return call('remove_passphrase', { passphrase });
}

/** @returns {Promise<void>} */
export function closeWindow() {
  return call('close_window');
}

/**
 * Calls `handler` when the window is asked to close (the shell waits for the page to save).
 * @param {() => void} handler
 * @returns {Promise<void>}
 */
export async function onCloseRequested(handler) {
  const internals = window.__TAURI_INTERNALS__;
  const id = internals.transformCallback(() => handler());
  await call('plugin:event|listen', {
    event: 'keel://close-requested',
    target: { kind: 'Any' },
    handler: id,
  });
}

/** @typedef {import('./bindings/DayPromptsDto').DayPromptsDto} DayPromptsDto */
/** @typedef {import('./bindings/Prompt').Prompt} Prompt */
/** @typedef {import('./bindings/PromptFields').PromptFields} PromptFields */
/** @typedef {import('./bindings/Side').Side} Side */

/**
 * The day's prompts; the first call for a day chooses and stores them.
 * @param {string} date
 * @returns {Promise<DayPromptsDto>}
 */
export function getDayPrompts(date) {
  return call('get_day_prompts', { date });
}

/**
 * @param {string} date
 * @param {Side} side
 * @returns {Promise<DayPromptsDto>}
 */
export function anotherPrompt(date, side) {
  return call('another_prompt', { date, side });
}

/**
 * @param {string} date
 * @param {string} id
 * @returns {Promise<DayPromptsDto>}
 */
export function hidePrompt(date, id) {
  return call('hide_prompt', { date, id });
}

/** @returns {Promise<Prompt[]>} */
export function listPrompts() {
  return call('list_prompts');
}

/**
 * @param {string} id
 * @param {boolean} hidden
 * @returns {Promise<Prompt>}
 */
export function setPromptHidden(id, hidden) {
  return call('set_prompt_hidden', { id, hidden });
}

/**
 * @param {PromptFields} fields
 * @returns {Promise<Prompt>}
 */
export function addPrompt(fields) {
  return call('add_prompt', { fields });
}

/**
 * @param {string} id
 * @param {PromptFields} fields
 * @returns {Promise<Prompt>}
 */
export function editPrompt(id, fields) {
  return call('edit_prompt', { id, fields });
}

/**
 * @param {string} id
 * @returns {Promise<void>}
 */
export function deletePrompt(id) {
  return call('delete_prompt', { id });
}

/** @typedef {import('./bindings/WeekDto').WeekDto} WeekDto */
/** @typedef {import('./bindings/WeekContent').WeekContent} WeekContent */

/**
 * @param {string} week YYYY-Www
 * @returns {Promise<WeekDto>}
 */
export function getWeek(week) {
  return call('get_week', { week });
}

/**
 * Resolves only once the week's page is durable on disk: with the merged page when it was
 * saved since the editor had `base` (sync), else null (stored as typed).
 * @param {string} week
 * @param {WeekContent} content
 * @param {WeekContent | null} [base]
 * @returns {Promise<WeekContent | null>}
 */
export function saveWeek(week, content, base = null) {
  return call('save_week', { week, content, base });
}

/**
 * The ISO week holding `date` in the user's week.
 * @param {string} date
 * @returns {Promise<string>}
 */
export function weekOf(date) {
  return call('week_of', { date });
}

/** @typedef {import('./bindings/SettingsDto').SettingsDto} SettingsDto */

/** @returns {Promise<SettingsDto>} */
export function getSettings() {
  return call('get_settings');
}

/**
 * @param {SettingsDto} settings
 * @returns {Promise<SettingsDto>} the settings as stored
 */
export function saveSettings(settings) {
  return call('save_settings', { settings });
}

/** @typedef {import('./bindings/ImportPlanDto').ImportPlanDto} ImportPlanDto */
/** @typedef {import('./bindings/ExportFormat').ExportFormat} ExportFormat */
/** @typedef {import('./bindings/ExportProgressDto').ExportProgressDto} ExportProgressDto */
/** @typedef {import('./bindings/ExportDoneDto').ExportDoneDto} ExportDoneDto */
/** @typedef {{ source: import('./bindings/Source').Source, side: Exclude<import('./bindings/Side').Side, 'bridge'>, skipBad: boolean }} ImportHow */

/** @param {ImportHow} how */
const importHeaders = (how) => ({ 'x-keel-source': how.source, 'x-keel-side': how.side, 'x-keel-skip-bad': String(how.skipBad) });

/**
 * What importing `bytes` would do; writes nothing.
 * @param {ImportHow} how
 * @param {Uint8Array} bytes the file, sent raw
 * @returns {Promise<ImportPlanDto>}
 */
export function previewImport(how, bytes) {
  return call('preview_import', bytes, importHeaders(how));
}

/**
 * Imports `bytes`, atomically and durably.
 * @param {ImportHow} how
 * @param {Uint8Array} bytes
 * @returns {Promise<ImportPlanDto>}
 */
export function applyImport(how, bytes) {
  return call('apply_import', bytes, importHeaders(how));
}

/**
 * Exports the journal to a place the person picks in a native dialog (opened by the shell).
 * @param {ExportFormat} format
 * @param {(progress: ExportProgressDto) => void} onProgress
 * @returns {Promise<ExportDoneDto | null>} null when the dialog was cancelled
 */
export function exportJournal(format, onProgress) {
  // A Tauri channel: the shell calls back with { message, index } for each progress report.
  const id = window.__TAURI_INTERNALS__.transformCallback((/** @type {{ message?: ExportProgressDto }} */ data) => {
    if (data && data.message) onProgress(data.message);
  });
  return call('export_journal', { format, onProgress: `__CHANNEL__:${id}` });
}

/** @typedef {import('./bindings/Trends').Trends} Trends */

/**
 * @param {import('./bindings/Range').Range} range
 * @returns {Promise<Trends>}
 */
export function getTrends(range) {
  return call('get_trends', { range });
}

/**
 * Saves an SVG chart where the person picks in a native dialog.
 * @param {string} svg
 * @param {string} name a suggested file name, without extension
 * @returns {Promise<string | null>} the path, or null when cancelled
 */
export function saveChart(svg, name) {
  return call('save_chart', { svg, name });
}

/** @typedef {import('./bindings/Found').Found} Found */
/** @typedef {import('./bindings/TagCountDto').TagCountDto} TagCountDto */
/** @typedef {import('./bindings/CalendarDayDto').CalendarDayDto} CalendarDayDto */
/** @typedef {import('./bindings/EarlierPage').EarlierPage} EarlierPage */

/**
 * @param {string} query words, "phrases", #tags, from:/to:, stress>=7 …
 * @returns {Promise<Found>}
 */
export function search(query) {
  return call('search', { query });
}

/** @returns {Promise<TagCountDto[]>} */
export function tagCounts() {
  return call('tag_counts');
}

/**
 * @param {string} from
 * @param {string} to
 * @returns {Promise<CalendarDayDto[]>}
 */
export function calendar(from, to) {
  return call('calendar', { from, to });
}

/**
 * @param {string} date
 * @returns {Promise<EarlierPage[]>}
 */
export function onThisDay(date) {
  return call('on_this_day', { date });
}

/** @typedef {import('./bindings/BackupDto').BackupDto} BackupDto */

/** @returns {Promise<BackupDto[]>} newest first */
export function listBackups() {
  return call('list_backups');
}

/**
 * Restores a backup: the app restarts and the restore happens before the journal opens.
 * @param {string} name as listBackups names it
 * @returns {Promise<void>}
 */
export function restoreBackup(name) {
  return call('restore_backup', { name });
}

/** @typedef {import('./bindings/ValueBook').ValueBook} ValueBook */
/** @typedef {import('./bindings/ValueDraft').ValueDraft} ValueDraft */
/** @typedef {import('./bindings/CycleEvent').CycleEvent} CycleEvent */

/** @returns {Promise<ValueBook>} every value named, active and retired */
export function getValues() {
  return call('get_values');
}

/**
 * Replaces the list (3 to 7 values, or none); a value named again keeps its id.
 * @param {ValueDraft[]} values
 * @returns {Promise<ValueBook>}
 */
export function setValues(values) {
  return call('set_values', { values });
}

/**
 * @param {string} from YYYY-MM-DD
 * @param {string} to YYYY-MM-DD
 * @returns {Promise<CycleEvent[]>} the events sharing a day with the span
 */
export function listEvents(from, to) {
  return call('list_events', { from, to });
}

/**
 * @param {{ start: string, end: string | null, kind: string, note: string }} event
 * @returns {Promise<CycleEvent>}
 */
export function addEvent(event) {
  return call('add_event', event);
}

/**
 * @param {number} id
 * @returns {Promise<CycleEvent>} what was removed
 */
export function removeEvent(id) {
  return call('remove_event', { id });
}

/** The welcome was finished or skipped. @returns {Promise<void>} */
export function finishWelcome() {
  return call('finish_welcome');
}

/**
 * Turns reminders while Keel is closed on (the systemd user timer) or off.
 * @param {boolean} on
 * @returns {Promise<SettingsDto>}
 */
export function setBackgroundReminders(on) {
  return call('set_background_reminders', { on });
}

/**
 * Answers the end-of-work question for `date`, as the reminder's buttons do.
 * @param {string} date
 * @param {import('./bindings/Answer').Answer} answer
 * @returns {Promise<DayDto>}
 */
export function answerEndOfWork(date, answer) {
  return call('answer_end_of_work', { date, answer });
}

/**
 * The "Still working" that `date` waits on, if any.
 * @param {string} date
 * @returns {Promise<import('./bindings/StillWorkingDto').StillWorkingDto | null>}
 */
export function stillWorking(date) {
  return call('still_working', { date });
}

/**
 * Where sync stands (`status` is null when the journal is not attached).
 * @returns {Promise<import('./bindings/SyncDto').SyncDto>}
 */
export function getSync() {
  return call('get_sync');
}

/**
 * Attaches the journal to a sync folder: starts one there, or joins the one there.
 * @param {string} folder
 * @param {string} name this computer's name
 * @param {string} passphrase the sync folder's passphrase
 * @returns {Promise<import('./bindings/Attached').Attached>}
 */
export function attachSync(folder, name, passphrase) {
  return call('attach_sync', { folder, name, passphrase });
}

/** @returns {Promise<import('./bindings/Exchange').Exchange>} one exchange now */
export function syncNow() {
  return call('sync_now');
}

/** @returns {Promise<string | null>} the folder the journal was attached to */
export function detachSync() {
  return call('detach_sync');
}

/**
 * Calls `handler` with the payload whenever the shell emits `event` (`keel://open`: a route a
 * reminder's click asks for; `keel://day-changed`: a date an answer to a reminder changed;
 * `keel://synced`: the records an exchange with the sync folder wrote here).
 * @template {'keel://open' | 'keel://day-changed' | 'keel://synced'} E
 * @param {E} event
 * @param {(payload: E extends 'keel://synced' ? string[] : string) => void} handler
 * @returns {Promise<void>}
 */
export async function onShellEvent(event, handler) {
  const internals = window.__TAURI_INTERNALS__;
  const id = internals.transformCallback((/** @type {{ payload: any }} */ e) => handler(e.payload));
  await call('plugin:event|listen', { event, target: { kind: 'Any' }, handler: id });
}

/**
 * The page's words in the person's language (the catalogue the core and the CLI share).
 * @returns {Promise<import('./bindings/CatalogueDto').CatalogueDto>}
 */
export function getCatalogue() {
  return call('get_catalogue');
}
