//! Campaigns: the wizard's review (the plan, writing nothing), creating what
//! the plan shows in one step, the list, and cancelling with a reason.

use shopcircle_app::posters::PosterPreview;
use shopcircle_core::campaign::ladder::{self, LadderApplied, LadderInput, LadderPlan, Settlement};
use shopcircle_core::campaign::spike::{self, Applied, BuyerInput, Console, Recorded, SpikeInput, SpikePlan};
use shopcircle_core::campaign::{self, Campaign, Cancelled, Report, Status};
use shopcircle_core::cost_policy::{self, CostPolicy};
use tauri::{AppHandle, Runtime, State};

use super::files::{self, SaveAs};

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_spike(state: State<'_, AppState>, input: SpikeInput) -> CmdResult<SpikePlan> {
    let now = state.now();
    state.run(move |conn| spike::preview(conn, &input, now)).await
}

/// Saves the wizard's choices (a new draft, or over `id`); the draft's id.
#[tauri::command]
pub async fn save_spike_draft(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: SpikeInput,
) -> CmdResult<i64> {
    let now = state.now();
    state.run(move |conn| spike::save_draft(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn spike_draft(state: State<'_, AppState>, id: i64) -> CmdResult<SpikeInput> {
    state.run(move |conn| spike::draft(conn, id)).await
}

#[tauri::command]
pub async fn discard_campaign_draft(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.run(move |conn| campaign::discard_draft(conn, id)).await
}

/// Creates everything the plan shows, publishing draft `draftId` when given.
#[tauri::command]
pub async fn create_spike(
    state: State<'_, AppState>,
    input: SpikeInput,
    draft_id: Option<i64>,
) -> CmdResult<Applied> {
    let now = state.now();
    let made = state.run(move |conn| spike::apply(conn, &input, draft_id, now)).await?;
    // Its schedules and posts bring new reminders.
    state.reminders_changed();
    Ok(made)
}

#[tauri::command]
pub async fn list_campaigns(state: State<'_, AppState>, status: Option<String>) -> CmdResult<Vec<Campaign>> {
    let now = state.now();
    state
        .run(move |conn| {
            let status = status.as_deref().map(Status::parse).transpose()?;
            campaign::list(conn, status, now)
        })
        .await
}

#[tauri::command]
pub async fn cancel_campaign(state: State<'_, AppState>, id: i64, reason: String) -> CmdResult<Cancelled> {
    let now = state.now();
    let done = state.run(move |conn| campaign::cancel(conn, id, &reason, now)).await?;
    state.reminders_changed();
    Ok(done)
}

/// The flash-sale console on session `sessionId`, or the one running (else the next).
#[tauri::command]
pub async fn spike_console(
    state: State<'_, AppState>,
    id: i64,
    session_id: Option<i64>,
) -> CmdResult<Console> {
    let now = state.now();
    state.run(move |conn| spike::console(conn, id, session_id, now)).await
}

/// Records buyers typed one by one, in order.
#[tauri::command]
pub async fn record_spike_buyers(
    state: State<'_, AppState>,
    session_id: i64,
    buyers: Vec<BuyerInput>,
) -> CmdResult<Recorded> {
    let now = state.now();
    state.run(move |conn| spike::record(conn, session_id, &buyers, now)).await
}

/// Records the buyers of the group's pasted 接龙.
#[tauri::command]
pub async fn record_spike_paste(
    state: State<'_, AppState>,
    session_id: i64,
    text: String,
) -> CmdResult<Recorded> {
    let now = state.now();
    state.run(move |conn| spike::record_pasted(conn, session_id, &text, now)).await
}

#[tauri::command]
pub async fn undo_spike_buyer(state: State<'_, AppState>, session_id: i64) -> CmdResult<Console> {
    let now = state.now();
    state.run(move |conn| spike::undo_last(conn, session_id, now)).await
}

#[tauri::command]
pub async fn preview_ladder(state: State<'_, AppState>, input: LadderInput) -> CmdResult<LadderPlan> {
    let now = state.now();
    state.run(move |conn| ladder::preview(conn, &input, now)).await
}

#[tauri::command]
pub async fn save_ladder_draft(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: LadderInput,
) -> CmdResult<i64> {
    let now = state.now();
    state.run(move |conn| ladder::save_draft(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn ladder_draft(state: State<'_, AppState>, id: i64) -> CmdResult<LadderInput> {
    state.run(move |conn| ladder::draft(conn, id)).await
}

#[tauri::command]
pub async fn create_ladder(
    state: State<'_, AppState>,
    input: LadderInput,
    draft_id: Option<i64>,
) -> CmdResult<LadderApplied> {
    let now = state.now();
    let made = state.run(move |conn| ladder::apply(conn, &input, draft_id, now)).await?;
    state.reminders_changed();
    Ok(made)
}

/// The session's stored settlement (the last that started, or `day`).
#[tauri::command]
pub async fn ladder_settlement(
    state: State<'_, AppState>,
    id: i64,
    day: Option<String>,
) -> CmdResult<Settlement> {
    let now = state.now();
    state.run(move |conn| ladder::settled(conn, id, day.as_deref(), now)).await
}

/// Settles the session from the pasted 接龙, replacing an earlier settlement.
#[tauri::command]
pub async fn settle_ladder(
    state: State<'_, AppState>,
    id: i64,
    day: Option<String>,
    text: String,
) -> CmdResult<Settlement> {
    let now = state.now();
    state.run(move |conn| ladder::settle(conn, id, day.as_deref(), &text, now)).await
}

#[tauri::command]
pub async fn get_cost_policy(state: State<'_, AppState>) -> CmdResult<CostPolicy> {
    state.run(|conn| cost_policy::get(conn)).await
}

#[tauri::command]
pub async fn set_cost_policy(state: State<'_, AppState>, policy: CostPolicy) -> CmdResult<CostPolicy> {
    let now = state.now();
    state.run(move |conn| cost_policy::set(conn, policy, now)).await
}

#[tauri::command]
pub async fn campaign_report(state: State<'_, AppState>, id: i64) -> CmdResult<Report> {
    let now = state.now();
    state.run(move |conn| campaign::report(conn, id, now)).await
}

/// Saves the report as CSV where the owner chooses; the path, or `None` when cancelled.
#[tauri::command]
pub async fn export_campaign_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let now = state.now();
    let c = state.run(move |conn| campaign::get(conn, id, now)).await?;
    let lang = files::language(&state).await;
    let what = SaveAs {
        title_en: "Export the campaign report as CSV",
        title_zh: "导出活动报表（CSV）",
        file_name: shopcircle_app::vouchers::suggested_name(&c.name, id, "csv"),
        extension: "csv",
    };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    state
        .run(move |conn| {
            let text = campaign::report_csv(conn, id, lang, now)?;
            shopcircle_app::files::write_output(&path, text.as_bytes())
        })
        .await?;
    Ok(Some(shown))
}

/// A new draft with the campaign's choices; its id.
#[tauri::command]
pub async fn copy_campaign(state: State<'_, AppState>, id: i64) -> CmdResult<i64> {
    let now = state.now();
    state.run(move |conn| campaign::copy(conn, id, now)).await
}

/// The flash sale's poster as it will print, for the wizard: nothing is saved.
#[tauri::command]
pub async fn preview_spike_poster(state: State<'_, AppState>, input: SpikeInput) -> CmdResult<PosterPreview> {
    let now = state.now();
    state
        .run_with_fonts(move |conn, fonts| {
            let printable = spike::poster::preview(conn, &input, now)?;
            shopcircle_app::posters::preview(&printable, fonts)
        })
        .await
}

/// The gift-package day's poster as it will print, for the wizard: nothing is saved.
#[tauri::command]
pub async fn preview_ladder_poster(
    state: State<'_, AppState>,
    input: LadderInput,
) -> CmdResult<PosterPreview> {
    let now = state.now();
    state
        .run_with_fonts(move |conn, fonts| {
            let printable = ladder::poster::preview(conn, &input, now)?;
            shopcircle_app::posters::preview(&printable, fonts)
        })
        .await
}

/// A published flash sale's choices, for the wizard to reopen on before it starts.
#[tauri::command]
pub async fn spike_for_edit(state: State<'_, AppState>, id: i64) -> CmdResult<SpikeInput> {
    let now = state.now();
    state.run(move |conn| spike::for_edit(conn, id, now)).await
}

#[tauri::command]
pub async fn preview_spike_edit(
    state: State<'_, AppState>,
    id: i64,
    input: SpikeInput,
) -> CmdResult<SpikePlan> {
    let now = state.now();
    state.run(move |conn| spike::preview_edit(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn edit_spike(state: State<'_, AppState>, id: i64, input: SpikeInput) -> CmdResult<Applied> {
    let now = state.now();
    let made = state.run(move |conn| spike::edit(conn, id, &input, now)).await?;
    state.reminders_changed();
    Ok(made)
}

/// A published gift-package day's choices, for the wizard to reopen on before it starts.
#[tauri::command]
pub async fn ladder_for_edit(state: State<'_, AppState>, id: i64) -> CmdResult<LadderInput> {
    let now = state.now();
    state.run(move |conn| ladder::for_edit(conn, id, now)).await
}

#[tauri::command]
pub async fn preview_ladder_edit(
    state: State<'_, AppState>,
    id: i64,
    input: LadderInput,
) -> CmdResult<LadderPlan> {
    let now = state.now();
    state.run(move |conn| ladder::preview_edit(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn edit_ladder(
    state: State<'_, AppState>,
    id: i64,
    input: LadderInput,
) -> CmdResult<LadderApplied> {
    let now = state.now();
    let made = state.run(move |conn| ladder::edit(conn, id, &input, now)).await?;
    state.reminders_changed();
    Ok(made)
}
