//! The legacy Vietnamese 8-bit encodings, TCVN3 ("ABC", TCVN 5712:1993) and VNI, read from
//! their tables in `corpus/encodings/` (data, never code), and the Vietnamese syllable test
//! used to score how plausible a decoding is ("âm tiết tiếng Việt").
//!
//! Knows letters and bytes only: not files, formats or citations.

use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

const TCVN3_TSV: &str = include_str!("../../corpus/encodings/tcvn3.tsv");
const VNI_TSV: &str = include_str!("../../corpus/encodings/vni.tsv");

/// The decoding tables.
pub struct Tables {
    /// TCVN3 byte → character (ASCII where the table has no row).
    pub tcvn3: [char; 256],
    /// VNI: one or two Windows-1252 characters → the Vietnamese letter.
    pub vni_pairs: HashMap<(char, char), char>,
    pub vni_single: HashMap<char, char>,
    /// Windows-1252 byte → character, and back.
    pub cp1252: [char; 256],
    pub cp1252_back: HashMap<char, u8>,
    /// Windows-1258 byte → character (combining tone marks kept as marks).
    pub cp1258: [char; 256],
}

fn single_byte(enc: &'static encoding_rs::Encoding) -> [char; 256] {
    let mut t = ['\u{FFFD}'; 256];
    for (b, slot) in t.iter_mut().enumerate() {
        let one = [b as u8];
        let (s, _) = enc.decode_without_bom_handling(&one);
        *slot = s.chars().next().unwrap_or('\u{FFFD}');
    }
    t
}

fn hex(s: &str) -> Option<u8> {
    u8::from_str_radix(s.trim(), 16).ok()
}

fn code_point(s: &str) -> Option<char> {
    u32::from_str_radix(s.trim().trim_start_matches("U+"), 16)
        .ok()
        .and_then(char::from_u32)
}

pub fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let cp1252 = single_byte(encoding_rs::WINDOWS_1252);
        let mut cp1252_back = HashMap::new();
        for (b, &c) in cp1252.iter().enumerate() {
            cp1252_back.insert(c, b as u8);
        }
        // Latin-1 readings of 0x80-0x9F (C1 controls) reach the same bytes.
        for b in 0x80u32..0xA0 {
            if let Some(c) = char::from_u32(b) {
                cp1252_back.entry(c).or_insert(b as u8);
            }
        }
        let mut tcvn3 = ['\0'; 256];
        for (b, slot) in tcvn3.iter_mut().enumerate() {
            *slot = if b < 0x80 { b as u8 as char } else { cp1252[b] };
        }
        for line in TCVN3_TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            if let (Some(b), Some(c)) = (f.next().and_then(hex), f.next().and_then(code_point)) {
                tcvn3[b as usize] = c;
            }
        }
        let mut vni_pairs = HashMap::new();
        let mut vni_single = HashMap::new();
        for line in VNI_TSV.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            let bytes: Vec<u8> = f[0].split(' ').filter_map(hex).collect();
            let Some(letter) = f[2].chars().next() else {
                continue;
            };
            let chars: Vec<char> = bytes.iter().map(|&b| cp1252[b as usize]).collect();
            match chars.as_slice() {
                [a] => {
                    vni_single.insert(*a, letter);
                }
                [a, b] => {
                    vni_pairs.insert((*a, *b), letter);
                }
                _ => {}
            }
        }
        Tables {
            tcvn3,
            vni_pairs,
            vni_single,
            cp1252,
            cp1252_back,
            cp1258: single_byte(encoding_rs::WINDOWS_1258),
        }
    })
}

/// The tables turned round, for writing a fix back in a file's own encoding: a character
/// to the bytes that spell it.
pub struct Encoders {
    /// TCVN3: a character to its byte (bytes outside the C0/C1 control ranges preferred).
    pub tcvn3: HashMap<char, u8>,
    /// VNI: a Vietnamese letter to its one or two bytes.
    pub vni: HashMap<char, Vec<u8>>,
    /// Windows-1258: a character to its byte.
    pub cp1258: HashMap<char, u8>,
}

pub fn encoders() -> &'static Encoders {
    static E: OnceLock<Encoders> = OnceLock::new();
    E.get_or_init(|| {
        let t = tables();
        let control = |b: usize| b < 0x20 || (0x80..0xA0).contains(&b);
        let mut tcvn3 = HashMap::new();
        // Ordinary bytes first, so they win over the control-range capitals.
        for pass in [false, true] {
            for (b, &c) in t.tcvn3.iter().enumerate() {
                if control(b) == pass && c != '\u{FFFD}' {
                    tcvn3.entry(c).or_insert(b as u8);
                }
            }
        }
        for b in [b'\t', b'\n', b'\r'] {
            tcvn3.insert(b as char, b);
        }
        let mut vni: HashMap<char, Vec<u8>> = HashMap::new();
        for (&a, &l) in &t.vni_single {
            if let Some(&x) = t.cp1252_back.get(&a) {
                vni.insert(l, vec![x]);
            }
        }
        for (&(a, b), &l) in &t.vni_pairs {
            if let (Some(&x), Some(&y)) = (t.cp1252_back.get(&a), t.cp1252_back.get(&b)) {
                vni.entry(l).or_insert_with(|| vec![x, y]);
            }
        }
        let mut cp1258 = HashMap::new();
        for (b, &c) in t.cp1258.iter().enumerate() {
            if c != '\u{FFFD}' {
                cp1258.entry(c).or_insert(b as u8);
            }
        }
        Encoders { tcvn3, vni, cp1258 }
    })
}

/// The Vietnamese letters with their vowel marks but no tone (a ă â e ê i o ô ơ u ư y đ).
fn strip_tone(c: char) -> (char, bool) {
    let mut base = String::new();
    let mut tone = false;
    for d in std::iter::once(c).nfd() {
        match d {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tone = true,
            _ => base.push(d),
        }
    }
    let b = base.nfc().next().unwrap_or(c);
    (b, tone)
}

fn syllable_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let nuclei = "iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yêu \
                      ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê \
                      a ă â e ê i o ô ơ u ư y";
        let alts: Vec<&str> = nuclei.split_whitespace().collect();
        Regex::new(&format!(
            "^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?(?:{})(?:ch|ng|nh|[cmnpt])?$",
            alts.join("|")
        ))
        .expect("syllable regex")
    })
}

/// Is `word` (letters only) a possible Vietnamese syllable: onset, vowel cluster, coda, at
/// most one tone mark? ASCII-only words count too (they read the same in every encoding).
pub fn is_syllable(word: &str) -> bool {
    if word.chars().count() > 8 {
        return false;
    }
    let mut base = String::with_capacity(word.len());
    let mut tones = 0;
    for c in word.nfc().flat_map(char::to_lowercase) {
        let (b, t) = strip_tone(c);
        tones += t as usize;
        base.push(b);
    }
    tones <= 1 && syllable_re().is_match(&base)
}

/// Is `c` a letter of the Vietnamese alphabet (any case, any tone, composed)?
fn is_vietnamese_letter(c: char) -> bool {
    if c.is_ascii_alphabetic() {
        return true;
    }
    let (b, _) = strip_tone(c.to_lowercase().next().unwrap_or(c));
    matches!(
        b,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y' | 'đ'
    )
}

/// Non-ASCII characters that are ordinary in Vietnamese documents but are not letters.
pub(crate) fn is_ordinary_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '–'
            | '—'
            | '…'
            | '•'
            | '°'
            | '«'
            | '»'
            | '\u{feff}'
            | '\u{200b}'
            | '→'
            | '−'
            | '×'
            | '≤'
            | '≥'
            | '±'
            | '§'
            | '·'
            | '●'
            | '■'
            | '□'
            | '✓'
    ) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// How Vietnamese a sample of decoded text looks: the share of words holding a non-ASCII
/// letter that are valid syllables, with stray symbols and replacement characters counted
/// against it. 1.0 is clean Vietnamese; text without any non-ASCII gives `None`.
pub fn score(text: &str) -> Option<f64> {
    let mut good = 0usize;
    let mut total = 0usize;
    let mut word = String::new();
    let flush = |word: &mut String, good: &mut usize, total: &mut usize| {
        if !word.is_ascii() {
            *total += 1;
            if word.chars().all(is_vietnamese_letter) && is_syllable(word) {
                *good += 1;
            }
        }
        word.clear();
    };
    for c in text.nfc() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut good, &mut total);
            if !c.is_ascii() && !c.is_whitespace() && !is_ordinary_symbol(c) {
                total += 1; // a symbol where letters were expected ("nh©n"), or U+FFFD
            }
        }
    }
    flush(&mut word, &mut good, &mut total);
    (total > 0).then(|| good as f64 / total as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let t = tables();
        assert_eq!(t.tcvn3[0xFB], 'ỷ');
        assert_eq!(t.tcvn3[0xA9], 'â');
        assert_eq!(t.tcvn3[0xAE], 'đ');
        assert_eq!(t.tcvn3[b'A' as usize], 'A');
        assert_eq!(t.vni_pairs.len() + t.vni_single.len(), 134);
        assert_eq!(t.vni_pairs.get(&('a', 'ø')), Some(&'à'));
        assert_eq!(t.vni_single.get(&'Ñ'), Some(&'Đ'));
        assert_eq!(t.vni_single.get(&'ô'), Some(&'ơ'));
    }

    #[test]
    fn syllables() {
        for (w, want) in [
            ("nhân", true),
            ("Ủy", true),
            ("Uỷ", true),
            ("nghiêng", true),
            ("KẾ", true),
            ("HOẠCH", true),
            ("quốc", true),
            ("gì", true),
            ("Uû", false),
            ("chaøo", false),
            ("chaứo", false),
            ("thươưng", false),
            ("hoặcà", false),
        ] {
            assert_eq!(is_syllable(w), want, "{w}");
        }
    }

    #[test]
    fn scores() {
        let good = score("Ủy ban nhân dân xã Xuân Lương").unwrap_or(0.0);
        let bad = score("Uû ban nh©n d©n x· Xu©n L\u{AD}¬ng").unwrap_or(1.0);
        assert!(good > 0.95, "{good}");
        assert!(bad < 0.3, "{bad}");
        assert_eq!(score("UBND 2024"), None);
    }
}
