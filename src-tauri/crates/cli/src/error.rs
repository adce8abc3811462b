//! The CLI's errors are the app layer's (the core's, the print crate's, a file
//! refused), spoken in the shop's language; usage errors are clap's.

pub type CliResult<T> = Result<T, shopcircle_app::Error>;
