// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { WeekdayDto } from "./WeekdayDto";
import type { AppearanceDto } from "./AppearanceDto";

export type SettingsDto = { 
/**
 * HH:MM, 24-hour clock.
 */
end_of_work: string, review_days: Array<WeekdayDto>, week_start: WeekdayDto, reflection_day: WeekdayDto, theme: AppearanceDto, };
