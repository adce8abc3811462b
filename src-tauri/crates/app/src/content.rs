//! Content items with the picture the window sends (base64), saved with the
//! topic's words in one step, and the picture sent back as a `data:` URL.

use chrono::{DateTime, Utc};
use shopcircle_core::content::{self, ContentInput, ContentItem};
use shopcircle_core::db::Connection;
use shopcircle_core::image_change::ImageChange;

use crate::{upload, Result};

/// A new topic, with its picture when one is sent.
pub fn create(
    conn: &Connection,
    input: &ContentInput,
    image: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ContentItem> {
    let image = ImageChange::from_parts(image.map(upload::decode).transpose()?, false);
    Ok(content::create(conn, input, &image, now)?)
}

/// A topic's words and picture (a new one, removed, or kept), together or not at all.
pub fn update(
    conn: &Connection,
    id: i64,
    input: &ContentInput,
    image: Option<&str>,
    remove_image: bool,
    now: DateTime<Utc>,
) -> Result<ContentItem> {
    let image = ImageChange::from_parts(image.map(upload::decode).transpose()?, remove_image);
    Ok(content::update(conn, id, input, &image, now)?)
}

/// The item's picture as a `data:` URL the window can show, or `None`.
pub fn image_url(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(content::image(conn, id)?
        .map(|(kind, bytes)| format!("data:{kind};base64,{}", upload::encode(&bytes))))
}
