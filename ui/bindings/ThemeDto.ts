// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type ThemeDto = "boundaries" | "pressure" | "recovery" | "values" | "change" | "relationships" | "identity" | "perspective";
