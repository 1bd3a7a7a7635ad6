// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { AnswerDto } from "./AnswerDto";

export type WeekContentDto = { answers: Array<AnswerDto>, role_gave: Array<string>, role_cost: Array<string>, next_boundary: string, kept_last_boundary: boolean | null, };
