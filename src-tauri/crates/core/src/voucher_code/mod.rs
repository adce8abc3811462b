//! Voucher codes: short enough to read aloud, impossible to make up, and kind
//! to typos.
//!
//! A code is 20 Crockford base32 symbols (100 bits), shown as five groups of
//! four: `K7QM-3XPA-9D2F-ABCD-EFGH`.
//! - symbols 1–6: the serial (30 bits), which row of the database it is,
//!   shuffled by a keyed permutation (a 4-round Feistel network) so that codes
//!   do not all begin `0000-0…` and do not tell how many the shop has issued;
//! - symbols 7–18: a tag, the first 60 bits of HMAC-SHA256 under the shop's
//!   secret key over the serial, so a made-up code is recognised as not ours
//!   without any list, and guessing one takes 2^59 tries on average;
//! - symbols 19–20: two Reed–Solomon check symbols over GF(32), chosen so the
//!   syndromes S0 = Σ c_i and S1 = Σ c_i·α^i are zero. A single wrong symbol
//!   at i gives S0 = e, S1 = e·α^i, which names i; a swap of two neighbours
//!   gives S0 = 0 and S1 ≠ 0, which no single error can. Every candidate fix is
//!   confirmed by the tag, so the position reported is the real one.

pub mod key;

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use crate::Lang;

pub const CODE_LEN: usize = VOUCHER.symbols();
pub const SERIAL_BITS: u32 = VOUCHER.serial_bits();
pub const TAG_BITS: u32 = VOUCHER.tag_bits();

/// A kind of code: how many symbols carry the serial and the tag (two check
/// symbols follow), and the domains that keep one kind's codes from ever
/// reading as another's under the same shop key.
#[derive(Debug, PartialEq, Eq)]
pub struct Shape {
    serial_symbols: usize,
    tag_symbols: usize,
    domain: &'static [u8],
    rounds_domain: &'static [u8],
    /// What the owner calls it, and what it is printed on, in English and Chinese.
    noun: (&'static str, &'static str),
    printed_on: (&'static str, &'static str),
}

impl Shape {
    pub const fn symbols(&self) -> usize {
        self.serial_symbols + self.tag_symbols + 2
    }

    pub const fn serial_bits(&self) -> u32 {
        5 * self.serial_symbols as u32
    }

    pub const fn tag_bits(&self) -> u32 {
        5 * self.tag_symbols as u32
    }

    const fn data(&self) -> usize {
        self.serial_symbols + self.tag_symbols
    }

    const fn half_bits(&self) -> u32 {
        self.serial_bits() / 2
    }
}

/// 20 symbols: a 30-bit serial, a 60-bit tag.
pub const VOUCHER: Shape = Shape {
    serial_symbols: 6,
    tag_symbols: 12,
    domain: b"shopcircle-voucher-v1",
    rounds_domain: b"shopcircle-serial-rounds-v1",
    noun: ("voucher code", "券码"),
    printed_on: ("the voucher", "券面"),
};

/// 12 symbols, short enough for a friend card read aloud: a 20-bit serial
/// (a member), a 30-bit tag (a made-up code passes one time in a billion).
pub const REFERRAL: Shape = Shape {
    serial_symbols: 4,
    tag_symbols: 6,
    domain: b"shopcircle-referral-v1",
    rounds_domain: b"shopcircle-referral-rounds-v1",
    noun: ("referral code", "推荐码"),
    printed_on: ("the friend card", "好友卡"),
};

/// Crockford's alphabet: no I, L, O or U, which are read as 1, 1, 0 or refused.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The shop's secret. Its bytes never appear in logs or debug output.
#[derive(Clone, PartialEq, Eq)]
pub struct VoucherKey {
    bytes: [u8; 32],
    /// The serial permutation's round keys, derived from the secret once.
    rounds: [u32; 4],
}

impl VoucherKey {
    pub fn generate() -> VoucherKey {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        VoucherKey::from_bytes(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> VoucherKey {
        VoucherKey { bytes, rounds: round_keys(&bytes, VOUCHER.rounds_domain) }
    }

    /// The serial permutation's round keys for codes of `shape`.
    fn rounds_for(&self, shape: &Shape) -> [u32; 4] {
        if shape.rounds_domain == VOUCHER.rounds_domain {
            self.rounds
        } else {
            round_keys(&self.bytes, shape.rounds_domain)
        }
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.bytes
    }
}

fn round_keys(bytes: &[u8; 32], domain: &[u8]) -> [u32; 4] {
    let digest = hmac(bytes, &[domain]);
    let mut rounds = [0u32; 4];
    for (r, chunk) in rounds.iter_mut().zip(digest.chunks_exact(4)) {
        *r = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    rounds
}

impl std::fmt::Debug for VoucherKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VoucherKey(…)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a voucher code has 20 characters; this has {found}")]
    WrongLength { found: usize },
    #[error("character {position} (“{ch}”) cannot be in a voucher code")]
    BadCharacter { position: usize, ch: char },
    #[error("character {position} looks mistyped — check it against the voucher")]
    Mistyped { position: usize },
    #[error("characters {position} and {} look swapped", position + 1)]
    Swapped { position: usize },
    #[error("this code was not issued by this shop")]
    NotOurs,
    #[error("no more voucher serials are left")]
    SerialTooLarge,
}

impl CodeError {
    /// About a voucher code.
    pub fn message(&self, lang: Lang) -> String {
        self.message_as(&VOUCHER, lang)
    }

    /// About a code of `shape`, in one language.
    pub fn message_as(&self, shape: &Shape, lang: Lang) -> String {
        let (noun_en, noun_zh) = shape.noun;
        let (on_en, on_zh) = shape.printed_on;
        let len = shape.symbols();
        match (self, lang) {
            (CodeError::WrongLength { found }, Lang::En) => {
                format!("A {noun_en} has {len} characters; this has {found}")
            }
            (CodeError::BadCharacter { position, ch }, Lang::En) => {
                format!("Character {position} (“{ch}”) cannot be in a {noun_en}")
            }
            (CodeError::Mistyped { position }, Lang::En) => {
                format!("Character {position} looks mistyped — check it against {on_en}")
            }
            (_, Lang::En) => {
                let s = self.to_string();
                let mut c = s.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or(s)
            }
            (CodeError::WrongLength { found }, Lang::ZhCn) => {
                format!("{noun_zh}应为 {len} 位，这里是 {found} 位")
            }
            (CodeError::BadCharacter { position, ch }, Lang::ZhCn) => {
                format!("第 {position} 位的“{ch}”不会出现在{noun_zh}里")
            }
            (CodeError::Mistyped { position }, Lang::ZhCn) => {
                format!("第 {position} 位似乎输错了，请对照{on_zh}核对")
            }
            (CodeError::Swapped { position }, Lang::ZhCn) => {
                format!("第 {position}、{} 位似乎颠倒了", position + 1)
            }
            (CodeError::NotOurs, Lang::ZhCn) => format!("这不是本店发出的{noun_zh}"),
            (CodeError::SerialTooLarge, Lang::ZhCn) => "编号已用完".into(),
        }
    }
}

/// The code of voucher `serial`, grouped for reading.
pub fn encode(serial: u32, key: &VoucherKey) -> Result<String, CodeError> {
    encode_as(&VOUCHER, serial, key)
}

/// The serial a typed or scanned voucher code stands for.
pub fn parse(text: &str, key: &VoucherKey) -> Result<u32, CodeError> {
    parse_as(&VOUCHER, text, key)
}

/// The code of `serial` in `shape`, grouped for reading.
pub fn encode_as(shape: &Shape, serial: u32, key: &VoucherKey) -> Result<String, CodeError> {
    if serial >= 1 << shape.serial_bits() {
        return Err(CodeError::SerialTooLarge);
    }
    Ok(group(&symbols_for(shape, serial, key)))
}

/// The serial a typed or scanned code of `shape` stands for.
pub fn parse_as(shape: &Shape, text: &str, key: &VoucherKey) -> Result<u32, CodeError> {
    let typed = normalise(text);
    let chars: Vec<char> = typed.chars().collect();
    if chars.len() != shape.symbols() {
        return Err(CodeError::WrongLength { found: chars.len() });
    }
    let mut c = vec![0u8; shape.symbols()];
    let mut bad = Vec::new();
    for (i, (slot, &ch)) in c.iter_mut().zip(&chars).enumerate() {
        match value_of(ch) {
            Some(v) => *slot = v,
            None => bad.push((i, ch)),
        }
    }
    if let [(i, ch)] = bad[..] {
        // One character no code holds, its place known: the check symbols
        // tell which symbol belongs there, if any does, so it is a typo.
        return Err(if erasure_fixed(shape, &c, i, key) {
            CodeError::Mistyped { position: i + 1 }
        } else {
            CodeError::BadCharacter { position: i + 1, ch }
        });
    }
    if let Some(&(i, ch)) = bad.first() {
        return Err(CodeError::BadCharacter { position: i + 1, ch });
    }
    let (s0, s1) = syndromes(&c);
    if s0 == 0 && s1 == 0 {
        return check_tag(shape, &c, key).ok_or(CodeError::NotOurs);
    }
    if s0 != 0 && s1 != 0 {
        // One wrong symbol at i: S1 / S0 = α^i.
        let i = (usize::from(LOG[s1 as usize]) + 31 - usize::from(LOG[s0 as usize])) % 31;
        if i < shape.symbols() {
            let mut fixed = c.clone();
            fixed[i] ^= s0;
            if check_tag(shape, &fixed, key).is_some() {
                return Err(CodeError::Mistyped { position: i + 1 });
            }
        }
        return Err(CodeError::NotOurs);
    }
    if s0 == 0 {
        for i in 0..shape.symbols() - 1 {
            if c[i] == c[i + 1] {
                continue;
            }
            let mut fixed = c.clone();
            fixed.swap(i, i + 1);
            if syndromes(&fixed) == (0, 0) && check_tag(shape, &fixed, key).is_some() {
                return Err(CodeError::Swapped { position: i + 1 });
            }
        }
    }
    Err(CodeError::NotOurs)
}

/// Whether some symbol at `i` makes `c` a code of ours.
fn erasure_fixed(shape: &Shape, c: &[u8], i: usize, key: &VoucherKey) -> bool {
    (0..32u8).any(|v| {
        let mut fixed = c.to_vec();
        fixed[i] = v;
        syndromes(&fixed) == (0, 0) && check_tag(shape, &fixed, key).is_some()
    })
}

/// A code as typed, made comparable: full-width characters (a Chinese input
/// method's) read as their ASCII twins, upper case, i/l read as 1, o as 0 and
/// u as v (Crockford's readings), hyphens, dashes and spaces dropped. Not validated.
pub fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            // Full-width forms of ASCII, and the ideographic space.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}'))
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            'U' => 'V',
            other => other,
        })
        .collect()
}

fn value_of(ch: char) -> Option<u8> {
    let b = u8::try_from(ch).ok()?;
    ALPHABET.iter().position(|&a| a == b).and_then(|p| u8::try_from(p).ok())
}

fn group(c: &[u8]) -> String {
    let mut out = String::with_capacity(c.len() + c.len() / 4);
    for (i, &v) in c.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(v & 31)]));
    }
    out
}

fn symbols_for(shape: &Shape, serial: u32, key: &VoucherKey) -> Vec<u8> {
    assemble(shape, shuffle(shape, serial, key), tag(shape, serial, key))
}

/// The serial as the code shows it: a keyed permutation of 0..2^30, so
/// neighbouring vouchers get unrelated-looking codes. Not what keeps codes
/// unforgeable (the tag does that); it only keeps counts and order private.
fn shuffle(shape: &Shape, serial: u32, key: &VoucherKey) -> u32 {
    let (half, mask) = (shape.half_bits(), (1 << shape.half_bits()) - 1);
    let (mut left, mut right) = (serial >> half, serial & mask);
    for k in key.rounds_for(shape) {
        (left, right) = (right, left ^ (round(right, k) & mask));
    }
    (left << half) | right
}

fn unshuffle(shape: &Shape, shown: u32, key: &VoucherKey) -> u32 {
    let (half, mask) = (shape.half_bits(), (1 << shape.half_bits()) - 1);
    let (mut left, mut right) = (shown >> half, shown & mask);
    for k in key.rounds_for(shape).iter().rev() {
        (left, right) = (right ^ (round(left, *k) & mask), left);
    }
    (left << half) | right
}

/// A Feistel round: a 32-bit integer hash (lowbias32) of the half and the
/// round key, cut to the half's width by the caller.
fn round(half: u32, k: u32) -> u32 {
    let mut x = half ^ k;
    x ^= x >> 16;
    x = x.wrapping_mul(0x7feb_352d);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846c_a68b);
    x ^= x >> 16;
    x
}

fn hmac(key: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    // new_from_slice accepts any key length, so this cannot fail for 32 bytes.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else { return [0; 32] };
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().into()
}

/// The shown serial, the tag and the check symbols over them.
fn assemble(shape: &Shape, shown: u32, tag: u64) -> Vec<u8> {
    let (serial, data) = (shape.serial_symbols, shape.data());
    let mut c = vec![0u8; shape.symbols()];
    for (i, slot) in c[..serial].iter_mut().enumerate() {
        *slot = ((shown >> (5 * (serial - 1 - i))) & 31) as u8;
    }
    for (i, slot) in c[serial..data].iter_mut().enumerate() {
        *slot = ((tag >> (5 * (shape.tag_symbols - 1 - i))) & 31) as u8;
    }
    let (first, second) = check_symbols(&c[..data]);
    c[data] = first;
    c[data + 1] = second;
    c
}

/// The first `tag_bits` bits of HMAC-SHA256(key, domain ‖ serial).
fn tag(shape: &Shape, serial: u32, key: &VoucherKey) -> u64 {
    let digest = hmac(key.as_bytes(), &[shape.domain, &serial.to_be_bytes()]);
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) >> (64 - shape.tag_bits())
}

/// The serial, when the code's tag is the one the key gives it (compared
/// without an early exit, so timing says nothing about how close a guess was).
fn check_tag(shape: &Shape, c: &[u8], key: &VoucherKey) -> Option<u32> {
    let (serial_end, data) = (shape.serial_symbols, shape.data());
    let shown = c[..serial_end].iter().fold(0u32, |acc, &v| (acc << 5) | u32::from(v));
    let serial = unshuffle(shape, shown, key);
    let typed = c[serial_end..data].iter().fold(0u64, |acc, &v| (acc << 5) | u64::from(v));
    (typed ^ tag(shape, serial, key) == 0).then_some(serial)
}

// GF(32) with the primitive polynomial x^5 + x^2 + 1; α = 2 has order 31, so
// the 20 positions have distinct powers α^0 … α^19.
const EXP: [u8; 62] = exp_table();
const LOG: [u8; 32] = log_table();

const fn exp_table() -> [u8; 62] {
    let mut t = [0u8; 62];
    let mut x: u8 = 1;
    let mut i = 0;
    while i < 62 {
        t[i] = x;
        x <<= 1;
        if x & 32 != 0 {
            x ^= 0b100101;
        }
        i += 1;
    }
    t
}

const fn log_table() -> [u8; 32] {
    let exp = exp_table();
    let mut t = [0u8; 32];
    let mut i = 0;
    while i < 31 {
        t[exp[i] as usize] = i as u8;
        i += 1;
    }
    t
}

fn mul(a: u8, b: u8) -> u8 {
    if a == 0 || b == 0 {
        return 0;
    }
    EXP[usize::from(LOG[usize::from(a)]) + usize::from(LOG[usize::from(b)])]
}

fn div(a: u8, b: u8) -> u8 {
    if a == 0 || b == 0 {
        return 0;
    }
    EXP[usize::from(LOG[usize::from(a)]) + 31 - usize::from(LOG[usize::from(b)])]
}

fn alpha(i: usize) -> u8 {
    EXP[i % 31]
}

fn syndromes(c: &[u8]) -> (u8, u8) {
    c.iter().enumerate().fold((0, 0), |(s0, s1), (i, &v)| (s0 ^ v, s1 ^ mul(v, alpha(i))))
}

/// The two symbols after the `d` data symbols that make both syndromes zero:
/// x + y = A and x·α^d + y·α^(d+1) = B, where A and B are the data symbols' sums
/// (for a voucher, d = 18).
fn check_symbols(data: &[u8]) -> (u8, u8) {
    let d = data.len();
    let (a, b) = data.iter().enumerate().fold((0u8, 0u8), |(a, b), (i, &v)| (a ^ v, b ^ mul(v, alpha(i))));
    let y = div(b ^ mul(a, alpha(d)), alpha(d) ^ alpha(d + 1));
    (a ^ y, y)
}

#[cfg(test)]
mod tests;
