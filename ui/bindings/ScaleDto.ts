// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type ScaleDto = { field: string, min: number, max: number, low_words: string, middle_words: string, high_words: string, };
