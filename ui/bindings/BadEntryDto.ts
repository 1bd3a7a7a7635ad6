// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type BadEntryDto = { entry: number, field: string, reason: string, };
