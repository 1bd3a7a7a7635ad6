// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type TagCountDto = { tag: string, days: number, };
