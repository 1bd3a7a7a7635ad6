// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.

export type SegmentDto = { text: string, hit: boolean, };
