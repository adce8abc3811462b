//! The IPC commands: thin adapters from the UI's calls to the core. Each takes
//! the state, calls one core function with `now`, and returns its result.

mod app;
mod campaigns;
mod communities;
mod content;
mod drainage;
mod files;
mod gifts;
mod members;
mod posters;
mod products;
mod reminders;
mod schedules;
mod staff;
mod vouchers;

/// Every command the UI may call; keep in step with `COMMANDS` in build.rs.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::app_info,
        app::ui_painted,
        app::set_up_shop,
        app::create_sample_shop,
        app::update_shop,
        communities::list_communities,
        communities::get_community,
        communities::create_community,
        communities::update_community,
        communities::archive_community,
        communities::restore_community,
        communities::rule_templates,
        communities::community_health,
        staff::list_staff,
        staff::create_staff,
        staff::update_staff,
        staff::set_staff_archived,
        members::list_member_counts,
        members::record_member_count,
        drainage::list_channels,
        drainage::create_channel,
        drainage::import_qr,
        drainage::set_qr_link,
        drainage::correct_qr_made_on,
        drainage::expiring_qrs,
        posters::list_posters,
        posters::get_poster,
        posters::poster_history,
        posters::create_poster,
        posters::update_poster,
        posters::archive_poster,
        posters::preview_poster,
        posters::export_poster,
        posters::print_poster,
        posters::reveal_poster_file,
        gifts::list_gifts,
        gifts::low_stock_gifts,
        gifts::create_gift,
        gifts::update_gift,
        gifts::change_gift_stock,
        gifts::set_gift_archived,
        gifts::gift_moves,
        products::list_products,
        products::create_product,
        products::update_product,
        products::set_product_archived,
        products::product_prices,
        products::product_photo,
        campaigns::preview_spike,
        campaigns::create_spike,
        campaigns::save_spike_draft,
        campaigns::spike_draft,
        campaigns::discard_campaign_draft,
        campaigns::list_campaigns,
        campaigns::cancel_campaign,
        campaigns::spike_console,
        campaigns::record_spike_buyers,
        campaigns::record_spike_paste,
        campaigns::undo_spike_buyer,
        campaigns::preview_ladder,
        campaigns::save_ladder_draft,
        campaigns::ladder_draft,
        campaigns::create_ladder,
        campaigns::ladder_settlement,
        campaigns::settle_ladder,
        campaigns::get_cost_policy,
        campaigns::set_cost_policy,
        campaigns::campaign_report,
        campaigns::export_campaign_csv,
        vouchers::list_batches,
        vouchers::get_batch,
        vouchers::issue_batch,
        vouchers::batch_vouchers,
        vouchers::batch_events,
        vouchers::void_batch,
        vouchers::void_voucher,
        vouchers::redeem_voucher,
        vouchers::undo_redemption,
        vouchers::voucher_preview,
        vouchers::save_voucher_sheet,
        vouchers::print_voucher_sheet,
        vouchers::save_voucher_image,
        vouchers::export_batch_csv,
        schedules::list_schedules,
        schedules::create_schedule,
        schedules::update_schedule,
        schedules::set_schedule_paused,
        schedules::delete_schedule,
        schedules::list_occurrences,
        schedules::mark_occurrence,
        schedules::export_schedules_ics,
        content::list_content,
        content::create_content,
        content::update_content,
        content::delete_content,
        content::set_content_posted,
        content::content_image,
        content::topic_ideas,
        reminders::reminder_centre,
        reminders::dismiss_reminders,
        reminders::pause_reminders,
        reminders::autostart_enabled,
        reminders::set_autostart,
        reminders::set_test_clock,
    ]
}

pub(crate) type CmdResult<T> = Result<T, shopcircle_core::ErrorPayload>;
