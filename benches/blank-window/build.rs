//! The window's one command declared and granted as the app's are (src-tauri/build.rs).

fn main() {
    println!("cargo:rerun-if-changed=page");
    let manifest = tauri_build::AppManifest::new().commands(&["shown"]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the blank window's Tauri build step");
}
