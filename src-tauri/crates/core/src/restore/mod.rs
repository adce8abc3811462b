//! Putting a backup in place of the shop's data (itself undoable), the hold
//! that makes a restore wait for the app, and the whole shop in one
//! passphrase-sealed file for moving to a new laptop. Above `backup` (which
//! makes and checks copies) and `member` (erasures are applied again).

mod in_place;
mod shop_file;

pub use in_place::{hold, restore, Restored, ShopHold};
pub use shop_file::{
    export_shop, import_shop, read_shop_file, KdfCost, ShopFile, PASSPHRASE_MAX, PASSPHRASE_MIN,
};
