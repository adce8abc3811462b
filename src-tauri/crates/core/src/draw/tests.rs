//! The test vectors of docs/draw.md, kept in tests/draw/vectors/ as the files
//! a draw publishes: the core reproduces each exactly, and so does a second
//! program written from the specification alone (tests/draw/verify.py,
//! Python's hashlib and nothing else). `SHOPCIRCLE_WRITE_VECTORS=1` rewrites
//! them after a deliberate change to the method (which breaks every draw
//! already published, so it should never happen).

use std::path::PathBuf;
use std::process::Command;

use super::*;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/draw/vectors")
}

fn vector(
    title: &str,
    labels: &[&str],
    seed_byte: u8,
    public_value: &str,
    prizes: &[(&str, u32, i64)],
) -> Published {
    let entrants: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
    let seed = [seed_byte; 32];
    let quantities: Vec<u32> = prizes.iter().map(|p| p.1).collect();
    Published {
        format: FORMAT.into(),
        title: title.into(),
        organiser: "茶香茶馆".into(),
        list_sha256: fair::hex(&fair::list_hash(&entrants)),
        seed_sha256: fair::hex(&fair::sha256(&seed)),
        shop_seed: fair::hex(&seed),
        public_value: public_value.into(),
        public_value_source: "12月16日上证指数收盘价".into(),
        prizes: prizes
            .iter()
            .map(|(name, quantity, value_cents)| PublishedPrize {
                name: (*name).into(),
                quantity: *quantity,
                value_cents: *value_cents,
            })
            .collect(),
        consolation: "¥5 代金券（满¥30可用）".into(),
        result: fair::draw(&entrants, &seed, public_value, &quantities),
        entrants,
    }
}

fn vectors() -> Vec<(&'static str, Published)> {
    let thirty: Vec<String> = (1..=30).map(|i| format!("会员{i}* ({:04})", 1000 + i * 37)).collect();
    let thirty: Vec<&str> = thirty.iter().map(|s| s.as_str()).collect();
    vec![
        (
            "three-entrants.json",
            vector(
                "三人一奖",
                &["张* (1234)", "李* (5678)", "王*"],
                1,
                "3456.78",
                &[("茶具一套", 1, 29_900)],
            ),
        ),
        (
            "thirty-entrants.json",
            vector(
                "12月会员抽奖",
                &thirty,
                0xa5,
                "3391.45",
                &[("茶具一套", 1, 29_900), ("¥30 代金券", 5, 3_000), ("¥10 代金券", 8, 1_000)],
            ),
        ),
        (
            "more-prizes-than-entrants.json",
            vector(
                "Four friends",
                &["Amy* (0001)", "Bo*", "Cai*", "Dee* (9999)"],
                7,
                "Shanghai Composite 3402.10",
                &[("Tea set", 1, 29_900), ("¥30 off", 5, 3_000)],
            ),
        ),
    ]
}

#[test]
fn the_published_vectors_are_what_the_core_computes() {
    let write = std::env::var("SHOPCIRCLE_WRITE_VECTORS").is_ok();
    for (file, v) in vectors() {
        let path = vectors_dir().join(file);
        let text = serde_json::to_string_pretty(&v).unwrap() + "\n";
        if write {
            std::fs::create_dir_all(vectors_dir()).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let stored =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
        assert_eq!(stored, text, "{file} differs from what the core computes");
        assert_eq!(verify_text(&stored), DrawVerdict::Matches, "{file}");
    }
    // More prizes than entrants: the top ones are drawn, the lowest stay undrawn.
    let (_, four) = &vectors()[2];
    let mut won = four.result.clone();
    won.sort_unstable();
    assert_eq!(won, [1, 2, 2, 2]);
}

#[test]
fn a_second_program_reproduces_every_vector_and_catches_a_changed_one() {
    let script = vectors_dir().join("../verify.py");
    let dir = tempfile::tempdir().unwrap();
    for (file, v) in vectors() {
        let out = Command::new("python3")
            .arg(&script)
            .arg(vectors_dir().join(file))
            .output()
            .expect("python3 runs");
        assert!(out.status.success(), "{file}: {}", String::from_utf8_lossy(&out.stdout));
        // The same file with one winner moved: both checks name that entrant.
        let mut changed = v.clone();
        let i = changed.result.iter().position(|&r| r != 0).unwrap();
        let j = changed.result.iter().position(|&r| r != changed.result[i]).unwrap();
        changed.result.swap(i, j);
        let first = i.min(j) + 1;
        let path = dir.path().join(file);
        std::fs::write(&path, serde_json::to_string(&changed).unwrap()).unwrap();
        let out = Command::new("python3").arg(&script).arg(&path).output().unwrap();
        assert!(!out.status.success(), "{file}: the changed result passed");
        assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("entrant {first}:")), "{file}");
        assert!(matches!(verify(&changed), DrawVerdict::Entrant { number, .. } if number == first));
    }
}

#[test]
fn a_changed_list_or_seed_is_caught_before_the_result() {
    let (_, v) = vectors().remove(0);
    let mut list = v.clone();
    list.entrants[0] = "赵* (1234)".into();
    assert_eq!(verify(&list), DrawVerdict::ListHash);
    let mut seed = v.clone();
    seed.shop_seed = fair::hex(&[2; 32]);
    assert_eq!(verify(&seed), DrawVerdict::SeedCommitment);
    assert_eq!(verify_text("not json"), DrawVerdict::NotADrawFile);
    assert_eq!(verify_text("{}"), DrawVerdict::NotADrawFile);
}

#[test]
fn the_verifier_page_carries_the_file_safely() {
    let (_, mut v) = vectors().remove(0);
    v.title = "</script><b>抽奖</b>".into();
    v.entrants[0] = "<!--<script>".into();
    let page = verifier_page(&v);
    assert_eq!(page.matches("</script>").count(), 2, "only the page's own two script ends");
    assert_eq!(page.matches("<script").count(), 2, "and no other script starts");
    assert!(!page.contains("<!--"));
    assert!(page.contains("&lt;/script&gt;&lt;b&gt;"));
    // The file inside still reads back exactly.
    let inside = page
        .split("<script type=\"application/json\" id=\"draw\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    assert_eq!(serde_json::from_str::<Published>(inside).unwrap(), v);
}

/// The window shows the verifier page in a sandboxed frame, which inherits
/// the app's content security policy: its one script runs only because the
/// policy names the script's hash. Editing the page means updating the hash.
#[test]
fn the_app_policy_allows_exactly_the_verifier_script() {
    let script = PAGE.split("<script>").nth(1).and_then(|s| s.split("</script>").next()).unwrap();
    let digest = fair::sha256(script.as_bytes());
    let hash = format!("'sha256-{}'", base64(&digest));
    let conf =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tauri.conf.json"))
            .unwrap();
    assert!(conf.contains(&hash), "tauri.conf.json's script-src must list {hash}");
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn a_public_number_has_one_written_form() {
    for (typed, canonical) in [
        ("3391.45", "3391.45"),
        (" 03391.450 ", "3391.45"),
        ("３３９１．４５", "3391.45"),
        ("3391.", ""),
        ("3391", "3391"),
        ("3391.000", "3391"),
        ("0.50", "0.5"),
        ("-0.0", "0"),
        ("-12.30", "-12.3"),
    ] {
        assert_eq!(canonical_number(typed).unwrap_or_default(), canonical, "{typed}");
    }
    for bad in ["3,391.45", "3391.45 points", "", ".5", "1e3", "--1", "3391..45"] {
        assert_eq!(canonical_number(bad), None, "{bad}");
    }
}
