// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type HardestDayDto = { date: string, stress: number, excerpt: string, };
