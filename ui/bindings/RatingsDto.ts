// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { MeasureDto } from "./MeasureDto";

export type RatingsDto = { stress: MeasureDto, resilience: MeasureDto, overlap: MeasureDto, };
