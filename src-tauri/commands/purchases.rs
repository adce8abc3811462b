//! Sales: recorded at the counter (with the voucher just redeemed, say),
//! refunded, and listed by member.

use shopcircle_core::purchase::{self, Purchase, PurchaseFilter, PurchaseInput};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn record_purchase(state: State<'_, AppState>, input: PurchaseInput) -> CmdResult<Purchase> {
    let now = state.now();
    state.run(move |conn| purchase::record(conn, &input, now)).await
}

#[tauri::command]
pub async fn refund_purchase(
    state: State<'_, AppState>,
    id: i64,
    amount_cents: i64,
    reason: String,
    staff: Option<String>,
) -> CmdResult<Purchase> {
    let now = state.now();
    state
        .run(move |conn| purchase::refund(conn, id, amount_cents, &reason, &staff.unwrap_or_default(), now))
        .await
}

#[tauri::command]
pub async fn list_purchases(state: State<'_, AppState>, filter: PurchaseFilter) -> CmdResult<Vec<Purchase>> {
    state.run(move |conn| purchase::list(conn, &filter)).await
}
