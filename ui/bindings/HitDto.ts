// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { SegmentDto } from "./SegmentDto";

export type HitDto = { date: string, week: string | null, 
/**
 * "role", "self" or "week".
 */
side: string, snippet: Array<SegmentDto>, stress: number | null, };
