//! The shell under Tauri's mock runtime with the real capability file, shared by
//! the IPC test modules.

use std::path::Path;

use serde_json::{json, Value};
use shopcircle_core::Lang;
use shopcircle_lib::{state::AppState, with_commands};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub struct Shell {
    pub app: App<MockRuntime>,
    pub main: WebviewWindow<MockRuntime>,
}

pub fn shell(db: &Path) -> Shell {
    shell_with_state(AppState::open(db.to_path_buf(), Lang::En))
}

/// The shell with a clock the test moves through `set_test_clock`, as the
/// end-to-end tests do.
pub fn shell_with_test_clock(db: &Path) -> Shell {
    let mut state = AppState::open(db.to_path_buf(), Lang::En);
    state.clock = std::sync::Arc::new(shopcircle_lib::clock::Clock::for_tests());
    shell_with_state(state)
}

/// The shell with the save dialog answered by `dir`: each file lands there
/// under the name the dialog would propose.
pub fn shell_saving_to(db: &Path, dir: &Path) -> Shell {
    let mut state = AppState::open(db.to_path_buf(), Lang::En);
    state.save_dialog_answers = Some(dir.to_path_buf());
    shell_with_state(state)
}

fn shell_with_state(state: AppState) -> Shell {
    let app = with_commands(mock_builder(), state)
        .build(tauri::generate_context!(test = true))
        .expect("the app builds");
    let main = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("a window");
    Shell { app, main }
}

pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("a url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().expect("JSON"))
}

/// Completes the welcome for 叶与杯茶馆 (Shanghai) in `language` ("zh-CN" or "en").
pub fn set_up_tea_shop(s: &Shell, language: &str) {
    let input = json!({ "name": "叶与杯茶馆", "industry": "茶馆", "time_zone": "Asia/Shanghai", "language": language });
    invoke(&s.main, "set_up_shop", json!({ "input": input })).expect("the welcome completes");
}

/// A high-frequency community called `name`; its id.
pub fn community(s: &Shell, name: &str) -> i64 {
    let c =
        invoke(&s.main, "create_community", json!({ "input": { "name": name, "kind": "high_frequency" } }))
            .expect("a community");
    c["id"].as_i64().expect("an id")
}
