//! Vouchers: batches of codes no one can forge, issued all at once, redeemed
//! at the counter at most once, voided, and reported on.

pub(crate) mod batch;
mod events;
mod message;
mod model;
pub(crate) mod redeem;

// The code format and the shop's key sit below vouchers and gifts (a stock
// move shows the code it was redeemed with); here under their old names.
pub use crate::voucher_code as code;
pub use crate::voucher_code::key;
pub use batch::{
    codes, csv, first_code, get, issue, list, printable_codes, void, vouchers, zhe, COUNT_MAX,
    HOLDER_NAME_MAX, HOLDER_PHONE_MAX, NAME_MAX, PERCENT_OFF_MAX, REASON_MAX,
};
pub use events::{events, EVENTS_SHOWN};
pub use message::{benefit as describe_benefit, card_words, say, CardWords};
pub use model::{
    Batch, BatchInput, BatchStats, Benefit, BenefitInput, EventAction, Redemption, Undone, VoucherEvent,
    VoucherInfo, VoucherRow,
};
pub use redeem::{lookup, redeem, undo_redemption, void_voucher, RedeemInput, UNDO_MINUTES};

#[cfg(test)]
mod tests;
