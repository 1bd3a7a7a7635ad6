//! Declares the app's own commands so that capabilities can grant them one by one
//! (a command not granted to a window cannot be called from it), and rebuilds when ui/ changes.

fn main() {
    println!("cargo:rerun-if-changed=../ui");
    let manifest = tauri_build::AppManifest::new().commands(&[
        "get_app_info",
        "get_day",
        "save_day",
        "render_markdown",
        "render_marked",
        "get_today",
        "close_window",
        "get_day_prompts",
        "another_prompt",
        "hide_prompt",
        "list_prompts",
        "set_prompt_hidden",
        "add_prompt",
        "edit_prompt",
        "delete_prompt",
        "get_week",
        "save_week",
        "week_of",
        "get_settings",
        "save_settings",
        "preview_import",
        "apply_import",
        "export_journal",
        "get_trends",
        "save_chart",
        "search",
        "tag_counts",
        "calendar",
        "on_this_day",
        "list_backups",
        "restore_backup",
        "page_shown",
        "unlock",
        "lock",
        "set_passphrase",
        "change_passphrase",
        "remove_passphrase",
        "get_values",
        "set_values",
        "list_events",
        "add_event",
        "remove_event",
        "finish_welcome",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build step");
}
