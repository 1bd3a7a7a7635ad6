// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { ScaleDto } from "./ScaleDto";
import type { ErrorDto } from "./ErrorDto";
import type { SettingsDto } from "./SettingsDto";

export type AppInfoDto = { 
/**
 * Today's local date, YYYY-MM-DD.
 */
today: string, version: string, 
/**
 * The journal folder, or null when none could be resolved.
 */
journal_dir: string | null, 
/**
 * The error that kept the journal closed, if any (`locked`: encrypted, not unlocked yet).
 */
journal_error: ErrorDto | null, 
/**
 * Whether the journal is encrypted (a locked journal is).
 */
encrypted: boolean, scales: Array<ScaleDto>, 
/**
 * The end-of-work time, HH:MM.
 */
end_of_work: string, settings: SettingsDto, };
