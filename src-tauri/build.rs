//! Tauri's build step. The app's commands are declared here too, so that the UI
//! may call only those its capability file grants (src-tauri/capabilities/).

/// Keep in step with `commands::handler()`; a command missing here cannot be called.
const COMMANDS: &[&str] = &[
    "app_info",
    "set_up_shop",
    "create_sample_shop",
    "update_shop",
    "list_communities",
    "get_community",
    "create_community",
    "update_community",
    "archive_community",
    "restore_community",
    "rule_templates",
    "list_staff",
    "create_staff",
    "update_staff",
    "set_staff_archived",
    "list_member_counts",
    "record_member_count",
    "community_health",
    "list_channels",
    "create_channel",
    "import_qr",
    "set_qr_link",
    "correct_qr_made_on",
    "expiring_qrs",
    "list_posters",
    "get_poster",
    "poster_history",
    "create_poster",
    "update_poster",
    "archive_poster",
    "preview_poster",
    "export_poster",
    "print_poster",
    "reveal_poster_file",
    "list_gifts",
    "low_stock_gifts",
    "create_gift",
    "update_gift",
    "change_gift_stock",
    "set_gift_archived",
    "gift_moves",
    "list_batches",
    "get_batch",
    "issue_batch",
    "batch_vouchers",
    "batch_events",
    "void_batch",
    "void_voucher",
    "redeem_voucher",
    "undo_redemption",
    "voucher_preview",
    "save_voucher_sheet",
    "print_voucher_sheet",
    "save_voucher_image",
    "export_batch_csv",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
