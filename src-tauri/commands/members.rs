//! The shop's members: the list (phones masked), one member's page, adding
//! one with their consent, and marketing consent given or withdrawn.

use shopcircle_app::Error as AppError;
use shopcircle_core::export_log::{self, ExportKind, ExportRecord, Phones};
use shopcircle_core::member::{
    self, ConsentMethod, DuplicatePair, JoinInput, Member, MemberFilter, MemberInput, MemberMerge, MemberPage,
};
use shopcircle_core::purchase::{self, PurchaseFilter};
use shopcircle_core::Lang;
use tauri::{AppHandle, Runtime, State};

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_members(state: State<'_, AppState>, filter: MemberFilter) -> CmdResult<MemberPage> {
    let now = state.now();
    state.run(move |conn| member::list(conn, &filter, now)).await
}

#[tauri::command]
pub async fn get_member(state: State<'_, AppState>, id: i64) -> CmdResult<Member> {
    state.run(move |conn| member::get(conn, id)).await
}

#[tauri::command]
pub async fn create_member(state: State<'_, AppState>, input: MemberInput) -> CmdResult<Member> {
    let now = state.now();
    state.run(move |conn| member::create(conn, &input, now)).await
}

/// `method` given: marketing consent recorded (how, and by `recorded_by`);
/// none: withdrawn.
#[tauri::command]
pub async fn set_member_marketing(
    state: State<'_, AppState>,
    id: i64,
    method: Option<ConsentMethod>,
    recorded_by: Option<String>,
) -> CmdResult<Member> {
    let now = state.now();
    state
        .run(move |conn| {
            let by = recorded_by.unwrap_or_default();
            member::set_marketing(conn, id, method.map(|m| (m, by.as_str())), now)
        })
        .await
}

#[tauri::command]
pub async fn join_member_community(
    state: State<'_, AppState>,
    id: i64,
    join: JoinInput,
) -> CmdResult<Member> {
    let now = state.now();
    state.run(move |conn| member::join(conn, id, &join, now)).await
}

#[tauri::command]
pub async fn leave_member_community(state: State<'_, AppState>, membership_id: i64) -> CmdResult<Member> {
    let now = state.now();
    state.run(move |conn| member::leave(conn, membership_id, now)).await
}

#[tauri::command]
pub async fn list_member_duplicates(state: State<'_, AppState>) -> CmdResult<Vec<DuplicatePair>> {
    state.run(move |conn| member::duplicates(conn)).await
}

#[tauri::command]
pub async fn list_member_merges(state: State<'_, AppState>) -> CmdResult<Vec<MemberMerge>> {
    state.run(move |conn| member::merges(conn)).await
}

/// Merges `merged_id` into `kept_id`; the kept member.
#[tauri::command]
pub async fn merge_members(
    state: State<'_, AppState>,
    kept_id: i64,
    merged_id: i64,
    staff: Option<String>,
) -> CmdResult<Member> {
    let now = state.now();
    state.run(move |conn| member::merge(conn, kept_id, merged_id, staff.as_deref().unwrap_or(""), now)).await
}

/// Undoes a merge; the member it brings back.
#[tauri::command]
pub async fn undo_member_merge(state: State<'_, AppState>, merge_id: i64) -> CmdResult<Member> {
    let now = state.now();
    state.run(move |conn| member::undo_merge(conn, merge_id, now)).await
}

/// Erases the member on request; the erasure is also written beside the
/// database, flushed, so an older copy of the file erases them again.
#[tauri::command]
pub async fn erase_member(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let now = state.now();
    let file = member::erasures_file(&state.db_path);
    state
        .run(move |conn| {
            let hash = member::erase(conn, id, now)?;
            member::record_outside(&file, &hash).map_err(|e| AppError::io(&file, e))
        })
        .await
}

/// Writes everything kept about the member to a JSON file the owner picks;
/// its path, or none when the dialog was cancelled.
#[tauri::command]
pub async fn export_member<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let now = state.now();
    let m = state.run(move |conn| member::get(conn, id)).await?;
    let lang = files::language(&state).await;
    let what = SaveAs {
        title_en: "Export this member's data",
        title_zh: "导出该会员的资料",
        file_name: shopcircle_app::vouchers::suggested_name(&m.display_name, id, "json"),
        extension: "json",
    };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let shown = path.display().to_string();
    state
        .run(move |conn| {
            let doc = shopcircle_core::member_export::export(conn, id, now)?;
            let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
            shopcircle_app::files::write_output(&path, text.as_bytes())?;
            export_log::record(conn, ExportKind::MemberData, 1, Phones::Full, &file_name(&path), now)?;
            Ok::<_, AppError>(())
        })
        .await?;
    Ok(Some(shown))
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The members that match the list's filters as CSV where the owner picks,
/// phones masked unless `mask_phones` is false; logged. The path, or none.
#[tauri::command]
pub async fn export_members_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: MemberFilter,
    mask_phones: bool,
) -> CmdResult<Option<String>> {
    let now = state.now();
    let lang = files::language(&state).await;
    let what = SaveAs {
        title_en: "Export the members as CSV",
        title_zh: "导出会员（CSV）",
        file_name: match lang {
            Lang::En => format!("members-{}.csv", now.format("%Y%m%d")),
            Lang::ZhCn => format!("会员-{}.csv", now.format("%Y%m%d")),
        },
        extension: "csv",
    };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let shown = path.display().to_string();
    state
        .run(move |conn| {
            let (text, rows) = member::csv(conn, &filter, mask_phones, lang, now)?;
            shopcircle_app::files::write_output(&path, text.as_bytes())?;
            let phones = if mask_phones { Phones::Masked } else { Phones::Full };
            export_log::record(conn, ExportKind::Members, rows, phones, &file_name(&path), now)?;
            Ok::<_, AppError>(())
        })
        .await?;
    Ok(Some(shown))
}

/// The sales between two days as CSV; as the members' export.
#[tauri::command]
pub async fn export_purchases_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: PurchaseFilter,
    mask_phones: bool,
) -> CmdResult<Option<String>> {
    let now = state.now();
    let lang = files::language(&state).await;
    let what = SaveAs {
        title_en: "Export the purchases as CSV",
        title_zh: "导出消费记录（CSV）",
        file_name: match lang {
            Lang::En => format!("purchases-{}.csv", now.format("%Y%m%d")),
            Lang::ZhCn => format!("消费记录-{}.csv", now.format("%Y%m%d")),
        },
        extension: "csv",
    };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let shown = path.display().to_string();
    state
        .run(move |conn| {
            let (text, rows) = purchase::csv(conn, &filter, mask_phones, lang)?;
            shopcircle_app::files::write_output(&path, text.as_bytes())?;
            let phones = if mask_phones { Phones::Masked } else { Phones::Full };
            export_log::record(conn, ExportKind::Purchases, rows, phones, &file_name(&path), now)?;
            Ok::<_, AppError>(())
        })
        .await?;
    Ok(Some(shown))
}

#[tauri::command]
pub async fn list_exports(state: State<'_, AppState>) -> CmdResult<Vec<ExportRecord>> {
    state.run(move |conn| export_log::list(conn)).await
}

/// The members' privacy notice (both languages) in the print folder, opened
/// in the system's viewer to print.
#[tauri::command]
pub async fn print_member_notice<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> CmdResult<()> {
    let path = files::print_path(&app, &state, shopcircle_app::notice::FILE_NAME).await?;
    let target = path.clone();
    state
        .run_with_fonts(move |conn, fonts| {
            let bytes = shopcircle_app::notice::pdf(conn, fonts)?;
            shopcircle_app::files::write_output(&target, &bytes)
        })
        .await?;
    files::open_in_viewer(&app, &state, &path).await
}
