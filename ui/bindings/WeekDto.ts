// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { PromptDto } from "./PromptDto";
import type { WeekSummaryDto } from "./WeekSummaryDto";
import type { WeekContentDto } from "./WeekContentDto";

export type WeekDto = { week: string, previous_week: string, next_week: string, first_day: string, last_day: string, summary: WeekSummaryDto, prompts: Array<PromptDto>, content: WeekContentDto, saved: boolean, 
/**
 * The boundary last week's page set for this week, if any.
 */
last_week_boundary: string | null, };
