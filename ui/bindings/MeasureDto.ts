// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type MeasureDto = { n: number, mean: number | null, min: number | null, max: number | null, };
