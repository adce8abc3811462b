//! Starting at login through the shell's commands, with the autostart plugin
//! the app registers. A binary of its own: it points the home folder (where
//! Linux keeps login items, in ~/.config/autostart) at a temporary one for the
//! whole process, which must not leak into the other tests.

// The other IPC tests' helpers (tests/ipc/), of which this binary uses a few.
#[allow(dead_code)]
#[path = "ipc/common.rs"]
mod common;

use common::{invoke, Shell};
use serde_json::json;
use shopcircle_core::Lang;
use shopcircle_lib::{state::AppState, with_commands};
use tauri::test::mock_builder;
use tauri::WebviewWindowBuilder;

#[cfg(target_os = "linux")]
#[test]
fn the_login_item_is_written_and_removed_where_the_desktop_looks() {
    let dir = tempfile::tempdir().unwrap();
    // The login items live in ~/.config/autostart: a home of the test's own.
    let config = dir.path().join(".config");
    // SAFETY: this binary holds this one test; no other thread reads the environment.
    unsafe {
        std::env::set_var("HOME", dir.path());
        std::env::set_var("XDG_CONFIG_HOME", &config);
    }
    let builder = mock_builder().plugin(tauri_plugin_autostart::init(
        tauri_plugin_autostart::MacosLauncher::LaunchAgent,
        Some(vec!["--minimized"]),
    ));
    let app = with_commands(builder, AppState::open(dir.path().join("shop.db"), Lang::En))
        .build(tauri::generate_context!(test = true))
        .expect("the app builds");
    let main = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("a window");
    let s = Shell { app, main };

    assert_eq!(invoke(&s.main, "autostart_enabled", json!({})).unwrap(), false);
    assert_eq!(invoke(&s.main, "set_autostart", json!({ "enabled": true })).unwrap(), true);
    let entries: Vec<_> =
        std::fs::read_dir(config.join("autostart")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(entries.len(), 1, "one login item");
    let desktop = std::fs::read_to_string(&entries[0]).unwrap();
    assert!(desktop.contains("--minimized"), "started at login straight to the tray:\n{desktop}");
    assert_eq!(invoke(&s.main, "autostart_enabled", json!({})).unwrap(), true);
    assert_eq!(invoke(&s.main, "set_autostart", json!({ "enabled": false })).unwrap(), false);
    assert!(!entries[0].exists(), "the login item is gone");
}
