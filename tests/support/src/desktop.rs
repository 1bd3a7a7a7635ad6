//! The app on Tauri's mock runtime, for the shell's tests (its IPC unit tests and its test
//! binaries): the app with its one window, and a call
//! through its IPC exactly as the page makes it.

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

/// A built app and its `main` window (the app must live as long as the window is used).
pub struct MockApp {
    pub app: tauri::App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
}

/// Builds `builder` (the app's `with_app` over `mock_builder()`) and opens its window.
pub fn mock_app(builder: tauri::Builder<MockRuntime>) -> MockApp {
    let app = builder.build(mock_context(noop_assets())).unwrap();
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    MockApp { app, window }
}

/// Calls `cmd` with `body` and `headers`; the answer, or the error as the page receives it.
pub fn invoke(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    body: InvokeBody,
    headers: tauri::http::HeaderMap,
) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body,
            headers,
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}
