//! Issuers: the body named after "của" in a citation ("của UBND tỉnh Bắc Ninh"), the
//! issuing body of the document read from its header block, and an upper-case body name
//! put in its normal spelling. Word lists in `corpus/patterns.toml`, issuer names in
//! `corpus/registry/issuers.toml`.

use super::*;

impl Extractor<'_> {
    /// The issuer named after "của": the longest known name (with a place name after a
    /// local body: "UBND tỉnh Bắc Ninh"), else the words up to a stop.
    pub(super) fn issuer_phrase(&self, ctx: &Ctx, s: usize) -> Option<(String, usize)> {
        let fb = ctx.fb;
        let (words, offs) = words_after(&ctx.f.text, s, 14);
        if words.is_empty() {
            return None;
        }
        let stop = &self.t.words.issuer_stop;
        let pairs = &self.t.words.issuer_pairs;
        // The words in lower case, in one buffer ("uy ban nhan dan tinh"), and as slices of it.
        let mut lower_buf = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(words.len());
        for w in &words {
            if !lower_buf.is_empty() {
                lower_buf.push(' ');
            }
            let at = lower_buf.len();
            lower_buf.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            bounds.push((at, lower_buf.len()));
        }
        let lower: Vec<&str> = bounds.iter().map(|&(a, b)| &lower_buf[a..b]).collect();
        let cap = |i: usize| words[i].chars().next().is_some_and(|c| c.is_uppercase());
        let mut n = 0;
        for (i, w) in lower.iter().enumerate() {
            if i > 0 {
                let gap = &fb[offs[i - 1].1..offs[i].0];
                let dash = gap.trim_ascii() == b"-";
                // "Bộ Lao động - Thương binh và Xã hội": a dash between capitalised words.
                if gap.iter().any(|c| !c.is_ascii_whitespace()) && !(dash && cap(i)) {
                    break;
                }
                // Words that are stop words elsewhere but belong to names after these:
                // "Ủy ban", "Đầu tư", "Phát triển", "vận tải".
                if pairs.iter().any(|(a, b)| a == lower[i - 1] && b == w) {
                    n = i + 1;
                    continue;
                }
                // Stop words stop only in lower case ("tu" is "từ", but "TƯ" is a body).
                if stop.iter().any(|x| x == w) && !cap(i) {
                    // "và" joins two capitalised bodies ("Bộ Tài nguyên và Môi trường"),
                    // not a body and the next citation ("Quốc hội và Luật ...").
                    let next_is_type = lower.get(i + 1).is_some_and(|&a| {
                        a == "luat"
                            || lower
                                .get(i + 2)
                                .is_some_and(|b| self.t.type_word(&format!("{a} {b}")).is_some())
                    });
                    if *w == "va" && i + 1 < words.len() && cap(i + 1) && !next_is_type {
                        n = i + 1;
                        continue;
                    }
                    break;
                }
            } else if lower[0] == "ban" && !cap(0) {
                return None;
            }
            n = i + 1;
            if n >= 12 {
                break;
            }
        }
        if n == 0 {
            return None;
        }
        // An office holder before the body: "Bộ trưởng Bộ Tài chính", "Chủ tịch UBND tỉnh".
        let title_words = self
            .t
            .words
            .office_holders
            .iter()
            .find(|t| lower.len() > t.len() && t.iter().zip(&lower).all(|(a, b)| a == b))
            .map(|t| t.len())
            .filter(|&k| k < n)
            .unwrap_or(0);
        // The words joined by one space: a slice of the buffer.
        let body: &str = &lower_buf[bounds[title_words].0..bounds[n - 1].1];
        let orig = |i: usize| ctx.f.span(offs[i].0, offs[i].1);
        let prefix = if title_words > 0 {
            format!("{} ", clean(&ctx.text[orig(0).0..orig(title_words - 1).1]))
        } else {
            String::new()
        };
        let (name, last) = match self.t.issuer_prefix(body) {
            Some((canon, klen, local)) => {
                let matched = title_words + body[..klen].split(' ').count();
                // A local body takes the place name after it, on the same line.
                let mut last = matched;
                if local {
                    while last < n
                        && cap(last)
                        && !fb[offs[last - 1].1..offs[last].0].contains(&b'\n')
                    {
                        last += 1;
                    }
                }
                let name = if last > matched {
                    format!(
                        "{prefix}{canon} {}",
                        clean(&ctx.text[orig(matched).0..orig(last - 1).1])
                    )
                } else {
                    format!("{prefix}{canon}")
                };
                (name, last)
            }
            None => (clean(&ctx.text[orig(0).0..orig(n - 1).1]), n),
        };
        Some((name, offs[last - 1].1))
    }

    /// The issuing body from the header block ("ỦY BAN NHÂN DÂN / XÃ TÂN HÒA" → "UBND xã Tân
    /// Hòa"): the upper-case lines of the left column before the national motto (or the
    /// "Số:" line), a place line ("TỈNH BẮC NINH") joined to the body above it, the lowest
    /// body being the issuer (the one above it is its parent).
    pub(super) fn header_issuer(&self, ctx: &Ctx, body_start: usize) -> Option<String> {
        let head = ctx.text.get(..ctx.f.orig(body_start.min(ctx.fb.len())))?;
        let w = &self.t.words;
        // The national motto (or the Party's name) anchors the header block; web-page chrome
        // above it is not the issuer. Found on the folded view (no allocation per line).
        let head_f = &ctx.fb[..body_start.min(ctx.fb.len())];
        let at = w
            .motto_anchors
            .iter()
            .find_map(|m| find_ci(head_f, m.as_bytes()))?;
        let motto_orig = ctx.f.orig(at);
        let motto = head[..motto_orig.min(head.len())].matches('\n').count();
        let lines: Vec<&str> = head.lines().take(motto + 3).collect();
        let mut bodies: Vec<String> = Vec::new();
        let last = (motto + 2).min(lines.len().saturating_sub(1));
        for raw in &lines[motto.saturating_sub(6)..=last] {
            // The left column of a two-column header, without Markdown.
            let line = raw.replace(['*', '|', '#', '_'], " ");
            let left = line.trim().split("   ").next().unwrap_or("").trim();
            let key = fold_key(left);
            if w.number_labels.iter().any(|l| {
                key.strip_prefix(l.as_str())
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            }) {
                break;
            }
            if w.motto_lines.iter().any(|m| key.starts_with(m.as_str())) {
                continue;
            }
            let letters: Vec<char> = left.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() < 2
                || letters.iter().any(|c| c.is_lowercase())
                || self.t.type_word(&key).is_some()
            {
                continue;
            }
            let clean_line = clean(left);
            // A name broken over two lines ("HỘI ĐỒNG NHÂN" / "DÂN THÀNH PHỐ HUẾ", "BỘ KHOA
            // HỌC VÀ" / "CÔNG NGHỆ") or a place under its body ("TỈNH BẮC NINH") continues
            // the body above; any other line is a new body (the lowest is the issuer).
            let continues = |prev: &str| {
                let pk = fold_key(prev);
                w.levels.iter().any(|p| key.starts_with(p.as_str()))
                    || w.continues_with.iter().any(|c| {
                        key.strip_prefix(c.as_str())
                            .is_some_and(|r| r.starts_with(' '))
                    })
                    || w.continued_after.iter().any(|c| {
                        pk.strip_suffix(c.as_str())
                            .is_some_and(|r| r.ends_with(' '))
                    })
            };
            match bodies.last_mut() {
                Some(prev) if continues(prev) => {
                    prev.push(' ');
                    prev.push_str(&clean_line);
                }
                _ => bodies.push(clean_line),
            }
        }
        let body = bodies.pop()?;
        Some(issuer_spelling(self.t, &body))
    }
}

/// An upper-case body name in its normal spelling: a known issuer from the table, else
/// "UBND"/"HĐND" for the councils and committees, level words in lower case and the place
/// name in title case ("ỦY BAN NHÂN DÂN XÃ TÂN HÒA" → "UBND xã Tân Hòa").
pub(super) fn issuer_spelling(t: &Tables, upper: &str) -> String {
    let key = tables::word_key(upper);
    if let Some((canon, klen, _)) = t.issuer_prefix(&key) {
        if klen == key.len() {
            return canon.to_string();
        }
    }
    let mut words: Vec<String> = upper.split_whitespace().map(|w| w.to_lowercase()).collect();
    let mut out: Vec<String> = Vec::new();
    let lower_key: Vec<String> = words.iter().map(|w| fold_key(w)).collect();
    let mut i = 0;
    let starts = |i: usize, seq: &[&str]| {
        seq.iter()
            .enumerate()
            .all(|(k, w)| lower_key.get(i + k).map(|x| x.as_str()) == Some(*w))
    };
    for (long, short) in &t.words.councils {
        let seq: Vec<&str> = long.split(' ').collect();
        if starts(0, &seq) {
            out.push(short.clone());
            i = seq.len();
            break;
        }
    }
    // Level words right after the body: "tỉnh", "xã", "thành phố", "thị xã" ...
    let levels = &t.words.levels;
    let level = |w: &str| levels.iter().any(|l| l == w);
    let level2 = |a: &str, b: &str| levels.iter().any(|l| l.split_once(' ') == Some((a, b)));
    let mut in_level = true;
    let mut take_next = false;
    for (k, w) in words.drain(..).enumerate().skip(i) {
        let wk = lower_key[k].as_str();
        let pair_start = lower_key.get(k + 1).is_some_and(|n| level2(wk, n.as_str()));
        if in_level && (take_next || level(wk) || pair_start) {
            take_next = pair_start;
            out.push(w);
            continue;
        }
        in_level = false;
        let mut c = w.chars();
        let cap: String = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
        out.push(cap);
    }
    out.join(" ")
}

#[cfg(test)]
mod issuer_spelling_tests {
    use super::*;

    #[test]
    fn header_bodies_in_their_normal_spelling() {
        let t = Tables::builtin();
        let rows = [
            ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "UBND tỉnh Thanh Hóa"),
            ("ỦY BAN NHÂN DÂN XÃ TÂN HÒA", "UBND xã Tân Hòa"),
            (
                "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI",
                "HĐND thành phố Hà Nội",
            ),
            ("ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY", "UBND thị xã Sơn Tây"),
            ("CỤC THUẾ", "Cục Thuế"),
            ("BỘ QUỐC PHÒNG", "Bộ Quốc phòng"),
        ];
        for (upper, want) in rows {
            assert_eq!(issuer_spelling(t, upper), want, "{upper}");
        }
    }

    #[test]
    fn header_issuer_table() {
        let rows = [
            // Two columns in plain text, the parent body above the issuer.
            (
                "UBND HUYỆN LẠNG GIANG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN XÃ TÂN HÒA        Độc lập - Tự do - Hạnh phúc\n\nSố: 18/KH-UBND\n\nKẾ HOẠCH\nHuấn luyện\n\nCăn cứ Luật Dân quân tự vệ;",
                Some("UBND xã Tân Hòa"),
            ),
            // Markdown: the body over two lines, web-page chrome above it ignored.
            (
                "CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI\n|\n**UỶ BAN NHÂN DÂN**\nTỈNH BẮC NINH\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n|\nSố: 141/KH-UBND\n\nCăn cứ Luật Đất đai;",
                Some("UBND tỉnh Bắc Ninh"),
            ),
            (
                "**HỘI ĐỒNG NHÂN\nDÂN THÀNH PHỐ HUẾ**\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nSố: 12/2025/NQ-HĐND\n\nCăn cứ Luật Tổ chức chính quyền địa phương;",
                Some("HĐND thành phố Huế"),
            ),
            // No header block (the seed plan): no issuer, nothing guessed.
            (" KẾ HOẠCH \nThực hiện nhiệm vụ quốc phòng địa phương năm 2024\n\n Căn cứ Luật quốc phòng 2018;", None),
        ];
        for (text, want) in rows {
            assert_eq!(extract(text).header.issuer.as_deref(), want, "{text}");
        }
    }
}
