//! Products with the photo the window sends (base64), saved with the product's
//! fields in one step, and the photo sent back as a `data:` URL.

use chrono::{DateTime, Utc};
use shopcircle_core::db::Connection;
use shopcircle_core::image_change::ImageChange;
use shopcircle_core::product::{self, Product, ProductInput};

use crate::{upload, Result};

/// A new product, with its photo when one is sent.
pub fn create(
    conn: &mut Connection,
    input: &ProductInput,
    photo: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Product> {
    let photo = ImageChange::from_parts(photo.map(upload::decode).transpose()?, false);
    Ok(product::create(conn, input, &photo, now)?)
}

/// A product's fields and photo (a new one, removed, or kept), together or not at all.
pub fn update(
    conn: &mut Connection,
    id: i64,
    input: &ProductInput,
    photo: Option<&str>,
    remove_photo: bool,
    now: DateTime<Utc>,
) -> Result<Product> {
    let photo = ImageChange::from_parts(photo.map(upload::decode).transpose()?, remove_photo);
    Ok(product::update(conn, id, input, &photo, now)?)
}

/// The product's photo as a `data:` URL the window can show, or `None`.
pub fn photo_url(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(product::photo(conn, id)?
        .map(|(kind, bytes)| format!("data:{kind};base64,{}", upload::encode(&bytes))))
}
