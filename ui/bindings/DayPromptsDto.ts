// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { PromptDto } from "./PromptDto";

export type DayPromptsDto = { date: string, role: PromptDto | null, self: PromptDto | null, bridge: PromptDto | null, weekly: Array<PromptDto>, };
