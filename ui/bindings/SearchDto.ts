// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { HitDto } from "./HitDto";

export type SearchDto = { hits: Array<HitDto>, 
/**
 * The query's words and phrase words, folded (lower case, no accents).
 */
terms: Array<string>, };
