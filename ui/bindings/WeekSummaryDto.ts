// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { RatingsDto } from "./RatingsDto";
import type { DayPointDto } from "./DayPointDto";
import type { HardestDayDto } from "./HardestDayDto";

export type WeekSummaryDto = { days: Array<DayPointDto>, n_checked_in: number, this_week: RatingsDto, last_week: RatingsDto, four_weeks: RatingsDto, boundary_kept: number, boundary_broken: number, after_hours_minutes: number, hardest_day: HardestDayDto | null, review_days: RatingsDto, other_days: RatingsDto, };
