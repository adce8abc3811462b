//! What the operating system says about the owner's defaults.

use shopcircle_core::Lang;

/// The system's IANA zone, or Asia/Shanghai (the shops this is made for) when
/// the system does not say.
pub fn time_zone() -> String {
    iana_time_zone::get_timezone().unwrap_or_else(|_| "Asia/Shanghai".to_owned())
}

pub fn language() -> Lang {
    Lang::from_locale(&sys_locale::get_locale().unwrap_or_default())
}
