// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { BadEntryDto } from "./BadEntryDto";

export type ImportPlanDto = { source: string, n_entries: number, n_new: number, n_duplicates: number, n_days: number, first_date: string | null, last_date: string | null, conflicts: Array<string>, skipped: Array<BadEntryDto>, applied: boolean, };
