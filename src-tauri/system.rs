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

/// The system in a line: "Debian GNU/Linux 12 (bookworm), x86_64".
pub fn description() -> String {
    let name = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_owned()))
        })
        .unwrap_or_else(|| std::env::consts::OS.to_owned());
    format!("{name}, {}", std::env::consts::ARCH)
}

/// The last `n` error lines of the logs in `folder`, with any run of seven or
/// more digits masked (a phone number never leaves in a diagnostics report).
pub fn last_errors(folder: &std::path::Path, n: usize) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut logs: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    logs.sort();
    let mut lines: Vec<String> = logs
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|text| text.lines().filter(|l| l.contains("[ERROR]")).map(mask_digits).collect::<Vec<_>>())
        .collect();
    let skip = lines.len().saturating_sub(n);
    lines.drain(..skip);
    lines
}

fn mask_digits(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut run = String::new();
    for c in line.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_digit() {
            run.push(c);
            continue;
        }
        if run.len() >= 7 {
            out.push_str(&"*".repeat(run.len()));
        } else {
            out.push_str(&run);
        }
        run.clear();
        if c != '\n' {
            out.push(c);
        }
    }
    out
}
