// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type ErrorDto = { kind: string, message: string, };
