//! What an edit does to an attached image (a poster's logo, a content item's
//! picture): keep it, remove it, or set new bytes. Sent with the edit itself,
//! so the words and the image are saved in one step or not at all.

#[derive(Debug, Clone, PartialEq, Default)]
pub enum ImageChange {
    #[default]
    Keep,
    Remove,
    /// New image bytes (checked by whoever owns the image's rules).
    Set(Vec<u8>),
}

impl ImageChange {
    /// From what a form sends: a new image, or the "remove" switch.
    pub fn from_parts(new: Option<Vec<u8>>, remove: bool) -> ImageChange {
        match (new, remove) {
            (Some(bytes), _) => ImageChange::Set(bytes),
            (None, true) => ImageChange::Remove,
            (None, false) => ImageChange::Keep,
        }
    }
}
