//! The product catalogue: add and edit products (their price history kept),
//! archive them, and read their prices and photo.

use shopcircle_app::products as app_products;
use shopcircle_core::product::{self, PriceChange, Product, ProductInput};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_products(state: State<'_, AppState>, include_archived: bool) -> CmdResult<Vec<Product>> {
    let now = state.now();
    state.run(move |conn| product::list(conn, include_archived, now)).await
}

/// `photo` is a PNG or JPEG file's bytes as base64, saved with the product.
#[tauri::command]
pub async fn create_product(
    state: State<'_, AppState>,
    input: ProductInput,
    photo: Option<String>,
) -> CmdResult<Product> {
    let now = state.now();
    state.run(move |conn| app_products::create(conn, &input, photo.as_deref(), now)).await
}

/// `photo` replaces the photo; `remove_photo` drops it; neither keeps it.
#[tauri::command]
pub async fn update_product(
    state: State<'_, AppState>,
    id: i64,
    input: ProductInput,
    photo: Option<String>,
    remove_photo: Option<bool>,
) -> CmdResult<Product> {
    let now = state.now();
    let remove = remove_photo.unwrap_or(false);
    state.run(move |conn| app_products::update(conn, id, &input, photo.as_deref(), remove, now)).await
}

#[tauri::command]
pub async fn set_product_archived(state: State<'_, AppState>, id: i64, archived: bool) -> CmdResult<Product> {
    let now = state.now();
    state.run(move |conn| product::set_archived(conn, id, archived, now)).await
}

#[tauri::command]
pub async fn product_prices(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<PriceChange>> {
    let now = state.now();
    state.run(move |conn| product::prices(conn, id, now)).await
}

/// The product's photo as a `data:` URL the window can show, or `None`.
#[tauri::command]
pub async fn product_photo(state: State<'_, AppState>, id: i64) -> CmdResult<Option<String>> {
    state.run(move |conn| app_products::photo_url(conn, id)).await
}
