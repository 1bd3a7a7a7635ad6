// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { TrendPointDto } from "./TrendPointDto";
import type { WeekdayProfileDto } from "./WeekdayProfileDto";
import type { ComparisonDto } from "./ComparisonDto";

export type TrendsDto = { range: string, from: string | null, to: string, points: Array<TrendPointDto>, weekdays: Array<WeekdayProfileDto>, comparisons: Array<ComparisonDto>, };
