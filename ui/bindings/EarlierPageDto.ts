// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type EarlierPageDto = { years_ago: number, date: string, excerpt: string, };
