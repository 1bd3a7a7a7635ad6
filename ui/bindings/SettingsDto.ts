// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { WeekdayDto } from "./WeekdayDto";
import type { AppearanceDto } from "./AppearanceDto";

export type SettingsDto = { 
/**
 * HH:MM, 24-hour clock.
 */
end_of_work: string, review_days: Array<WeekdayDto>, week_start: WeekdayDto, reflection_day: WeekdayDto, theme: AppearanceDto, 
/**
 * Minutes without use before an encrypted journal locks itself; 0: never. Absent: kept.
 */
auto_lock_minutes: number | null, };
