// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type AnswerDto = { prompt_id: string, text: string, };
