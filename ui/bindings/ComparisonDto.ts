// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { GroupDto } from "./GroupDto";

export type ComparisonDto = { key: string, a: GroupDto, b: GroupDto, enough: boolean, sentence: string, };
