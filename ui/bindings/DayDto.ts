// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { BoundaryDto } from "./BoundaryDto";

export type DayDto = { date: string, saved: boolean, role: string, self: string, stress: number | null, resilience: number | null, overlap: number | null, boundary: BoundaryDto | null, after_hours_minutes: number | null, tags: Array<string>, prompt_ids: Array<string>, 
/**
 * RFC 3339 with the offset in force when saved; null until saved.
 */
updated_at: string | null, };
