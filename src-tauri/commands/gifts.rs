//! The gift catalogue: add and edit gifts, restock or count them, and read
//! why the stock moved.

use shopcircle_core::gift::{self, Gift, GiftInput, StockChange, StockMove};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_gifts(state: State<'_, AppState>, include_archived: bool) -> CmdResult<Vec<Gift>> {
    state.run(move |conn| gift::list(conn, include_archived)).await
}

/// Gifts at or below their warning level, for the home screen.
#[tauri::command]
pub async fn low_stock_gifts(state: State<'_, AppState>) -> CmdResult<Vec<Gift>> {
    state.run(|conn| gift::low_stock(conn)).await
}

#[tauri::command]
pub async fn create_gift(state: State<'_, AppState>, input: GiftInput, stock: i64) -> CmdResult<Gift> {
    let now = state.now();
    state.run(move |conn| gift::create(conn, &input, stock, now)).await
}

#[tauri::command]
pub async fn update_gift(state: State<'_, AppState>, id: i64, input: GiftInput) -> CmdResult<Gift> {
    let now = state.now();
    state.run(move |conn| gift::update(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn change_gift_stock(
    state: State<'_, AppState>,
    id: i64,
    change: StockChange,
    note: String,
) -> CmdResult<Gift> {
    let now = state.now();
    state.run(move |conn| gift::change_stock(conn, id, change, &note, now)).await
}

#[tauri::command]
pub async fn set_gift_archived(state: State<'_, AppState>, id: i64, archived: bool) -> CmdResult<Gift> {
    let now = state.now();
    state.run(move |conn| gift::set_archived(conn, id, archived, now)).await
}

#[tauri::command]
pub async fn gift_moves(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<StockMove>> {
    state.run(move |conn| gift::moves(conn, id)).await
}
