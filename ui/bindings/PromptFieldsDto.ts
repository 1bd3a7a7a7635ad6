// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { SideDto } from "./SideDto";
import type { CadenceDto } from "./CadenceDto";
import type { ThemeDto } from "./ThemeDto";

export type PromptFieldsDto = { side: SideDto, cadence: CadenceDto, theme: ThemeDto, text: string, };
