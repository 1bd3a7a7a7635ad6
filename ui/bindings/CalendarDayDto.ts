// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type CalendarDayDto = { date: string, stress: number | null, };
