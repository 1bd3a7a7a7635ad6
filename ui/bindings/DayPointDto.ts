// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { BoundaryDto } from "./BoundaryDto";

export type DayPointDto = { date: string, review_day: boolean, has_page: boolean, stress: number | null, resilience: number | null, overlap: number | null, boundary: BoundaryDto | null, after_hours_minutes: number | null, };
