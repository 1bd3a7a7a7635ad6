// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type GroupDto = { label: string, n: number, mean: number | null, sd: number | null, };
