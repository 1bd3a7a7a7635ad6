// Generated from src-tauri/src/dto.rs by ts-rs; do not edit.
import type { SideDto } from "./SideDto";
import type { CadenceDto } from "./CadenceDto";
import type { ThemeDto } from "./ThemeDto";
import type { OriginDto } from "./OriginDto";

export type PromptDto = { id: string, side: SideDto, cadence: CadenceDto, theme: ThemeDto, text: string, origin: OriginDto, edited: boolean, hidden: boolean, };
