// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type ExportProgressDto = { done: number, total: number, };
