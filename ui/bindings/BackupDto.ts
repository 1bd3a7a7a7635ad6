// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type BackupDto = { 
/**
 * The file's name in the backups folder (the only way the page can name a backup).
 */
name: string, 
/**
 * Local time, YYYY-MM-DD HH:MM.
 */
taken_at: string, bytes: number, };
