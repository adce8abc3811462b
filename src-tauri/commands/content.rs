//! The content calendar: topics to post per community and day, their images,
//! and starter ideas.

use shopcircle_core::content::{self, ContentInput, ContentItem, TopicIdea};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;
use shopcircle_app::content as app_content;

#[tauri::command]
pub async fn list_content(
    state: State<'_, AppState>,
    from: String,
    to: String,
    community_id: Option<i64>,
) -> CmdResult<Vec<ContentItem>> {
    state.run(move |conn| content::list(conn, &from, &to, community_id)).await
}

/// `image` is a PNG or JPEG file's bytes as base64, saved with the topic.
#[tauri::command]
pub async fn create_content(
    state: State<'_, AppState>,
    input: ContentInput,
    image: Option<String>,
) -> CmdResult<ContentItem> {
    let now = state.now();
    let made = state.run(move |conn| app_content::create(conn, &input, image.as_deref(), now)).await?;
    state.reminders_changed();
    Ok(made)
}

/// `image` replaces the picture; `remove_image` drops it; neither keeps it.
/// The words and the picture are saved together or not at all.
#[tauri::command]
pub async fn update_content(
    state: State<'_, AppState>,
    id: i64,
    input: ContentInput,
    image: Option<String>,
    remove_image: Option<bool>,
) -> CmdResult<ContentItem> {
    let now = state.now();
    let remove = remove_image.unwrap_or(false);
    let saved =
        state.run(move |conn| app_content::update(conn, id, &input, image.as_deref(), remove, now)).await?;
    state.reminders_changed();
    Ok(saved)
}

#[tauri::command]
pub async fn delete_content(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.run(move |conn| content::delete(conn, id)).await?;
    state.reminders_changed();
    Ok(())
}

#[tauri::command]
pub async fn set_content_posted(state: State<'_, AppState>, id: i64, posted: bool) -> CmdResult<ContentItem> {
    let now = state.now();
    let saved = state.run(move |conn| content::set_posted(conn, id, posted, now)).await?;
    state.reminders_changed();
    Ok(saved)
}

/// The item's image as a `data:` URL the window can show, or `None`.
#[tauri::command]
pub async fn content_image(state: State<'_, AppState>, id: i64) -> CmdResult<Option<String>> {
    state.run(move |conn| app_content::image_url(conn, id)).await
}

/// Starter topics for the community's kind and the shop's industry, in the shop's language.
#[tauri::command]
pub async fn topic_ideas(state: State<'_, AppState>, community_id: i64) -> CmdResult<Vec<TopicIdea>> {
    state.run_in_lang(move |conn, lang| content::ideas_for(conn, community_id, lang)).await
}
