//! The fair draw anyone can check (docs/draw.md): the pure algorithm, the
//! file a draw publishes, its verification, and the self-contained page that
//! verifies it in a browser with no network.

pub mod fair;
mod published;

pub use published::{verify, verify_text, DrawVerdict, Published, PublishedPrize, FORMAT};

const PAGE: &str = include_str!("verifier.html");

/// The verifier page with the published file inside it: open it in any
/// browser, offline, and it recomputes the draw and says whether it matches.
pub fn verifier_page(p: &Published) -> String {
    let json = serde_json::to_string(p).unwrap_or_default();
    // Inside a <script> element "</" would end it and "<!--" change how the
    // rest is read: every "<" (in JSON, only ever inside a string) as \u003c.
    PAGE.replace("{{DRAW_JSON}}", &json.replace('<', "\\u003c")).replace("{{TITLE}}", &html_escape(&p.title))
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
