use proptest::prelude::*;

use super::*;

fn key(seed: u8) -> VoucherKey {
    VoucherKey::from_bytes([seed; 32])
}

fn symbols(code: &str) -> Vec<char> {
    code.chars().filter(|c| *c != '-').collect()
}

fn from_symbols(s: &[char]) -> String {
    s.iter().collect()
}

#[test]
fn neighbouring_serials_get_unrelated_codes_that_hide_the_count() {
    let k = key(3);
    let codes: Vec<String> = (0..200).map(|s| encode(s, &k).unwrap()).collect();
    let prefixes: std::collections::HashSet<&str> = codes.iter().map(|c| &c[..4]).collect();
    // 200 codes over 32^4 prefixes: nearly all distinct, none telling "0000".
    assert!(prefixes.len() > 190, "{} distinct prefixes", prefixes.len());
    assert!(!codes[0].starts_with("0000") || !codes[1].starts_with("0000"), "{codes:?}");
    // Another shop's key shuffles differently.
    assert_ne!(encode(0, &key(4)).unwrap()[..7], codes[0][..7]);
}

#[test]
fn a_code_reads_back_as_its_serial_in_five_groups_of_four() {
    let k = key(1);
    for serial in [0, 1, 42, (1 << SERIAL_BITS) - 1] {
        let code = encode(serial, &k).unwrap();
        assert_eq!(code.len(), 24);
        let groups: Vec<&str> = code.split('-').collect();
        assert_eq!(groups.len(), 5);
        assert!(groups.iter().all(|g| g.len() == 4 && g.bytes().all(|b| ALPHABET.contains(&b))), "{code}");
        assert_eq!(parse(&code, &k), Ok(serial));
    }
    assert_eq!(encode(1 << SERIAL_BITS, &k), Err(CodeError::SerialTooLarge));
}

#[test]
fn case_separators_and_look_alike_letters_do_not_matter() {
    let k = key(2);
    let code = encode(123_456, &k).unwrap();
    let sloppy = code.to_lowercase().replace('-', " ").replace('1', "l").replace('0', "o");
    assert_eq!(parse(&sloppy, &k), Ok(123_456));
    assert_eq!(parse(&code.replace('-', ""), &k), Ok(123_456));
    let spread = format!("  {}\t{}\n", &code[..12], &code[12..]);
    assert_eq!(parse(&spread, &k), Ok(123_456));
    assert_eq!(normalise(&sloppy), code.replace('-', ""));
}

#[test]
fn wrong_lengths_and_foreign_characters_are_named() {
    let k = key(3);
    assert_eq!(parse("", &k), Err(CodeError::WrongLength { found: 0 }));
    assert_eq!(parse("K7QM-3XPA", &k), Err(CodeError::WrongLength { found: 8 }));
    // A foreign character in a code of the right length is a typo (the check
    // symbols fill its place); with a second one it is named as it is.
    let code = encode(9, &k).unwrap();
    let mut s = symbols(&code);
    s[4] = '*';
    s[10] = '茶';
    assert_eq!(parse(&from_symbols(&s), &k), Err(CodeError::BadCharacter { position: 5, ch: '*' }));
    s[4] = '茶';
    assert_eq!(parse(&from_symbols(&s), &k), Err(CodeError::BadCharacter { position: 5, ch: '茶' }));
    assert_eq!(parse("K7QM*3XPA", &k), Err(CodeError::WrongLength { found: 9 }));
}

#[test]
fn a_code_made_under_another_key_is_not_ours() {
    let code = encode(77, &key(4)).unwrap();
    assert_eq!(parse(&code, &key(5)), Err(CodeError::NotOurs));
}

#[test]
fn the_key_never_shows_in_debug_output() {
    let k = VoucherKey::from_bytes([0xAB; 32]);
    let shown = format!("{k:?}");
    assert!(!shown.contains("171") && !shown.to_lowercase().contains("ab"), "{shown}");
}

#[test]
fn messages_name_the_position_in_both_languages() {
    for e in [CodeError::Mistyped { position: 7 }, CodeError::Swapped { position: 7 }] {
        for lang in [Lang::En, Lang::ZhCn] {
            assert!(e.message(lang).contains('7'), "{}", e.message(lang));
        }
    }
    assert_eq!(CodeError::NotOurs.message(Lang::ZhCn), "这不是本店发出的券码");
    assert_eq!(CodeError::NotOurs.message(Lang::En), "This code was not issued by this shop");
    assert_eq!(CodeError::Swapped { position: 7 }.message(Lang::En), "Characters 7 and 8 look swapped");
    assert_eq!(CodeError::Swapped { position: 7 }.message(Lang::ZhCn), "第 7、8 位似乎颠倒了");
    let named = [
        (CodeError::WrongLength { found: 13 }, "13"),
        (CodeError::BadCharacter { position: 9, ch: 'U' }, "9"),
        (CodeError::Mistyped { position: 11 }, "11"),
        (CodeError::Swapped { position: 12 }, "12"),
        (CodeError::NotOurs, ""),
        (CodeError::SerialTooLarge, ""),
    ];
    for (e, shown) in named {
        for lang in [Lang::En, Lang::ZhCn] {
            let m = e.message(lang);
            assert!(!m.trim().is_empty() && m.contains(shown), "{e:?} {lang:?}: {m}");
        }
    }
}

/// The shape `^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$`, checked by hand.
fn well_formed(code: &str) -> bool {
    let groups: Vec<&str> = code.split('-').collect();
    groups.len() == 5
        && groups.iter().all(|g| {
            g.len() == 4
                && g.bytes().all(|b| b.is_ascii_digit() || (b.is_ascii_uppercase() && !b"ILOU".contains(&b)))
        })
}

#[test]
fn full_width_text_from_a_chinese_input_method_and_u_for_v_read_as_meant() {
    let k = key(5);
    let code = encode(777, &k).unwrap();
    let wide: String = code
        .chars()
        .map(|c| if c == '-' { '－' } else { char::from_u32(c as u32 + 0xFEE0).unwrap() })
        .collect();
    assert_eq!(parse(&format!("\u{3000}{wide}\u{3000}"), &k), Ok(777));
    if let Some(at) = code.find('V') {
        let typed = format!("{}U{}", &code[..at], &code[at + 1..]);
        assert_eq!(parse(&typed, &k), Ok(777));
    }
}

#[test]
fn a_character_no_code_holds_in_place_of_one_symbol_is_a_typo_at_its_position() {
    let k = key(6);
    let code = encode(4242, &k).unwrap();
    let s = symbols(&code);
    for (i, junk) in [(0, '*'), (7, '#'), (19, '?'), (12, '好')] {
        let mut typed = s.clone();
        typed[i] = junk;
        assert_eq!(
            parse(&from_symbols(&typed), &k),
            Err(CodeError::Mistyped { position: i + 1 }),
            "{junk} at {i}"
        );
    }
    // Two such characters: no telling which symbols were meant.
    let mut two = s.clone();
    two[3] = '*';
    two[9] = '*';
    assert_eq!(parse(&from_symbols(&two), &k), Err(CodeError::BadCharacter { position: 4, ch: '*' }));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_serial_reads_back_from_its_code(serial in 0u32..(1 << SERIAL_BITS), seed: [u8; 32]) {
        let k = VoucherKey::from_bytes(seed);
        let code = encode(serial, &k).unwrap();
        prop_assert!(well_formed(&code), "{}", code);
        prop_assert_eq!(parse(&code, &k), Ok(serial));
    }

    #[test]
    fn every_single_substitution_is_a_typo_at_its_position(serial in 0u32..(1 << SERIAL_BITS), seed: [u8; 32]) {
        let k = VoucherKey::from_bytes(seed);
        let s = symbols(&encode(serial, &k).unwrap());
        for i in 0..CODE_LEN {
            for &b in ALPHABET.iter() {
                let other = char::from(b);
                if other == s[i] {
                    continue;
                }
                let mut typo = s.clone();
                typo[i] = other;
                prop_assert_eq!(parse(&from_symbols(&typo), &k), Err(CodeError::Mistyped { position: i + 1 }));
            }
        }
    }

    #[test]
    fn every_swap_of_neighbours_is_a_typo_at_its_position(serial in 0u32..(1 << SERIAL_BITS), seed: [u8; 32]) {
        let k = VoucherKey::from_bytes(seed);
        let s = symbols(&encode(serial, &k).unwrap());
        for i in 0..CODE_LEN - 1 {
            if s[i] == s[i + 1] {
                continue; // swapping equal symbols changes nothing
            }
            let mut typo = s.clone();
            typo.swap(i, i + 1);
            prop_assert_eq!(parse(&from_symbols(&typo), &k), Err(CodeError::Swapped { position: i + 1 }));
        }
    }

    #[test]
    fn the_serial_shuffle_is_undone_exactly(serial in 0u32..(1 << SERIAL_BITS), seed: [u8; 32]) {
        let k = VoucherKey::from_bytes(seed);
        let shown = shuffle(&VOUCHER, serial, &k);
        prop_assert!(shown < 1 << SERIAL_BITS);
        prop_assert_eq!(unshuffle(&VOUCHER, shown, &k), serial);
    }

    #[test]
    fn random_codes_are_not_ours(picks in prop::collection::vec(0usize..32, CODE_LEN), seed: [u8; 32]) {
        let k = VoucherKey::from_bytes(seed);
        let text: String = picks.iter().map(|&p| char::from(ALPHABET[p])).collect();
        prop_assert_eq!(parse(&text, &k), Err(CodeError::NotOurs));
    }

    #[test]
    fn well_checked_codes_with_a_made_up_tag_are_not_ours(serial in 0u32..(1 << SERIAL_BITS), fake in 0u64..(1 << TAG_BITS), seed: [u8; 32]) {
        let k = VoucherKey::from_bytes(seed);
        prop_assume!(fake != tag(&VOUCHER, serial, &k));
        let c = assemble(&VOUCHER, shuffle(&VOUCHER, serial, &k), fake);
        prop_assert_eq!(syndromes(&c), (0, 0));
        prop_assert_eq!(parse(&group(&c), &k), Err(CodeError::NotOurs));
    }
}

// Referral codes: the same design at 12 symbols, under the same shop key.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_referral_code_reads_back_and_every_typo_is_named(serial in 0u32..(1 << REFERRAL.serial_bits()), seed: [u8; 32]) {
        let k = VoucherKey::from_bytes(seed);
        let code = encode_as(&REFERRAL, serial, &k).unwrap();
        prop_assert_eq!(code.len(), 14, "{}", code); // three groups of four
        prop_assert_eq!(parse_as(&REFERRAL, &code, &k), Ok(serial));
        let s = symbols(&code);
        for i in 0..REFERRAL.symbols() {
            let other = if s[i] == '0' { '1' } else { '0' };
            let mut typo = s.clone();
            typo[i] = other;
            prop_assert_eq!(parse_as(&REFERRAL, &from_symbols(&typo), &k), Err(CodeError::Mistyped { position: i + 1 }));
            if i + 1 < REFERRAL.symbols() && s[i] != s[i + 1] {
                let mut swapped = s.clone();
                swapped.swap(i, i + 1);
                prop_assert_eq!(parse_as(&REFERRAL, &from_symbols(&swapped), &k), Err(CodeError::Swapped { position: i + 1 }));
            }
        }
        let shown = shuffle(&REFERRAL, serial, &k);
        prop_assert!(shown < 1 << REFERRAL.serial_bits());
        prop_assert_eq!(unshuffle(&REFERRAL, shown, &k), serial);
    }

    #[test]
    fn a_voucher_code_is_no_referral_code_and_back(serial in 0u32..(1 << REFERRAL.serial_bits()), seed: [u8; 32]) {
        let k = VoucherKey::from_bytes(seed);
        let voucher = encode(serial, &k).unwrap();
        prop_assert_eq!(parse_as(&REFERRAL, &voucher, &k), Err(CodeError::WrongLength { found: 20 }));
        let referral = encode_as(&REFERRAL, serial, &k).unwrap();
        prop_assert_eq!(parse(&referral, &k), Err(CodeError::WrongLength { found: 12 }));
    }
}

#[test]
fn referral_messages_name_the_card_in_both_languages() {
    let e = CodeError::Mistyped { position: 5 };
    assert_eq!(
        e.message_as(&REFERRAL, Lang::En),
        "Character 5 looks mistyped — check it against the friend card"
    );
    assert_eq!(e.message_as(&REFERRAL, Lang::ZhCn), "第 5 位似乎输错了，请对照好友卡核对");
    assert_eq!(
        CodeError::WrongLength { found: 9 }.message_as(&REFERRAL, Lang::ZhCn),
        "推荐码应为 12 位，这里是 9 位"
    );
    assert_eq!(CodeError::NotOurs.message_as(&REFERRAL, Lang::En), "This code was not issued by this shop");
}
