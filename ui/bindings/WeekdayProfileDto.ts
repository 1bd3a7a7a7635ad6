// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { MeasureDto } from "./MeasureDto";
import type { WeekdayDto } from "./WeekdayDto";

export type WeekdayProfileDto = { weekday: WeekdayDto, review_day: boolean, stress: MeasureDto, resilience: MeasureDto, };
