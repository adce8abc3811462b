//! The CLI's errors: the core's and the print crate's, spoken in the shop's language.

use shopcircle_core::Lang;

#[derive(Debug)]
pub enum CliError {
    Core(shopcircle_core::Error),
    Print(shopcircle_print::Error),
    /// A file could not be read or written; the path and the system's reason.
    File(String, std::io::Error),
}

pub type CliResult<T> = Result<T, CliError>;

impl From<shopcircle_core::Error> for CliError {
    fn from(e: shopcircle_core::Error) -> Self {
        CliError::Core(e)
    }
}

impl From<shopcircle_print::Error> for CliError {
    fn from(e: shopcircle_print::Error) -> Self {
        CliError::Print(e)
    }
}

impl CliError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CliError::Core(e), _) => e.message(lang),
            (CliError::Print(e), Lang::En) => e.to_string(),
            (CliError::Print(e), Lang::ZhCn) => e.message_zh(),
            (CliError::File(path, e), Lang::En) => format!("{path}: {e}"),
            (CliError::File(path, e), Lang::ZhCn) => format!("{path}：{e}"),
        }
    }
}

pub fn read_file(path: &std::path::Path) -> CliResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| CliError::File(path.display().to_string(), e))
}

pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> CliResult<()> {
    shopcircle_core::files::write_atomically(path, bytes)
        .map_err(|e| CliError::File(path.display().to_string(), e))
}
