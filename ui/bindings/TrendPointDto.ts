// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { BoundaryDto } from "./BoundaryDto";

export type TrendPointDto = { date: string, stress: number | null, resilience: number | null, overlap: number | null, boundary: BoundaryDto | null, stress_mean: number | null, stress_n: number, resilience_mean: number | null, resilience_n: number, };
