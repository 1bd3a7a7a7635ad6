// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type WeekdayDto = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
