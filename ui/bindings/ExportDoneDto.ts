// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type ExportDoneDto = { path: string, 
/**
 * Files written (1 for JSON and CSV).
 */
n_files: number, };
