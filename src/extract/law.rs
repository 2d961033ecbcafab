//! Laws, codes, the constitution and ordinances cited by name ("Luật Dân quân tự vệ năm
//! 2019", "Bộ luật Lao động", "Luật sửa đổi, bổ sung một số điều của Luật …"): known names
//! from `corpus/registry/laws.toml` first, else the capitalised name up to a stop word
//! (word lists in `corpus/patterns.toml`).

use super::*;

impl Extractor<'_> {
    /// A law, code, constitution or ordinance cited by name.
    pub(super) fn named_law(
        &self,
        ctx: &Ctx,
        a: usize,
        b: usize,
        kind: Kind,
        next_anchor: usize,
        anchors: &[(usize, usize)],
    ) -> Option<(Citation, Vec<Citation>)> {
        let fb = ctx.fb;
        let (oa, ob) = ctx.f.span(a, b);
        // "pháp luật", "Thư viện Pháp luật": not a law cited by name.
        if self.t.words.law_not_after.iter().any(|w| {
            let n = w.len() + 1;
            a >= n
                && fb[a - n..a - 1].eq_ignore_ascii_case(w.as_bytes())
                && fb[a - 1] == b' '
                && (a == n || !fb[a - n - 1].is_ascii_alphabetic())
        }) {
            return None;
        }
        let tw = &ctx.text[oa..ob];
        let all_caps = tw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && tw.chars().filter(|c| c.is_alphabetic()).count() > 1;
        // Capitalised ("Luật"), not shouting ("LUẬT" in a title line).
        let capital = !all_caps && tw.chars().next().is_some_and(|c| c.is_uppercase());
        let start = skip_ws(fb, b);
        if start == b || !fb.get(start).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        // Known names first (longest alias wins); a name may end in a parenthesis
        // ("… ở người (HIV/AIDS)").
        let (mut words, mut offs, _) = words_across_heads(
            &ctx.f.text,
            start,
            self.t.max_law_words.max(24),
            &self.t.words.gazette,
        );
        let before_paren = words.len();
        let paren_end = match offs.last() {
            Some(&(_, e)) => parenthesis_words(&ctx.f.text, e, &mut words, &mut offs),
            None => None,
        };
        let mut name: Option<String> = None;
        let mut end = b;
        if kind == Kind::Constitution {
            if !capital {
                return None;
            }
            let joined = words.join(" ").to_ascii_lowercase();
            name = Some("Hiến pháp".to_string());
            // "nước Cộng hòa xã hội chủ nghĩa Việt Nam"
            let tail = &self.t.words.constitution_tail;
            if !tail.is_empty()
                && joined.starts_with(tail.as_str())
                && joined[tail.len()..].chars().next().is_none_or(|c| c == ' ')
            {
                end = offs[tail.split(' ').count() - 1].1;
            }
        } else if let Some((law, nwords)) = self
            .known_law(ctx, &words, &offs, Some(kind))
            // A known amending law's name that the list goes on after ("… của Luật Thuế thu
            // nhập cá nhân, Luật Thuế giá trị gia tăng …") is the start of a longer name.
            .filter(|(law, n)| !(list_goes_on(fb, offs[n - 1].1) && self.is_amending(law)))
        {
            end = match paren_end {
                // The name takes the parenthesis: it ends after ")".
                Some(pe) if nwords > before_paren => pe,
                _ => offs[nwords.min(before_paren).max(1) - 1].1,
            };
            name = Some(law);
        } else if capital {
            // Heuristic: the capitalised name up to a stop word or punctuation.
            let (n, e) = self.heuristic_law_name(ctx, start, next_anchor, anchors, 0, kind)?;
            name = Some(n);
            end = e;
        }
        let name = name?;
        let mut parts = Parts {
            type_word: Some(piece(ctx.text, (oa, ob))),
            ..Parts::default()
        };
        // Year, date, number after the name.
        let mut year = None;
        let mut date = None;
        let mut invalid_date = None;
        let mut q = skip_ws(fb, end);
        if let Some((y, e)) = law_year(fb, q) {
            year = Some(y);
            end = e;
            q = skip_ws(fb, e);
        } else if let Some((d, e, ds)) = parse_date_after(fb, q) {
            match d {
                Ok(d) => {
                    year = Some(d.year);
                    date = Some(d);
                }
                Err(y) => {
                    year = y;
                    invalid_date = Some(String::from_utf8_lossy(ds).into_owned());
                }
            }
            parts.date = Some(piece(ctx.text, ctx.f.span(q, e)));
            end = e;
            q = skip_ws(fb, e);
        }
        let mut number = None;
        let mut symbol = None;
        let mut canonical = None;
        let mut defects = Vec::new();
        let name_end = end;
        if word_at(fb, q, b"so") {
            let p = skip_ws(fb, q + 2);
            let p = if fb.get(p) == Some(&b':') {
                skip_ws(fb, p + 1)
            } else {
                p
            };
            if let Some(ns) = parse_numsym(fb, p, false) {
                let r = self.read(ctx, &ns);
                if r.symbol.is_some() {
                    number = Some(r.number.clone());
                    year = r.year.or(year);
                    symbol = r.symbol.clone();
                    canonical = r.canonical.clone();
                    defects = r.defects.clone();
                    parts.number_symbol = Some(piece(ctx.text, ctx.f.span(ns.start, ns.end)));
                    end = ns.end;
                }
            }
        }
        // The laws an amending law names are cited by it too.
        let mut amended = if self.is_amending(&name) {
            self.amended_laws(ctx, b, end, anchors)
        } else {
            Vec::new()
        };
        // "… của Luật Thuế thu nhập cá nhân số 109/2025/QH15": a number the law table holds
        // as a version of the last law named is that law's, not the amending law's.
        if let (Some(id), Some(last)) = (canonical.clone(), amended.last_mut()) {
            let of_last = last
                .law
                .as_deref()
                .and_then(|l| self.t.work(l))
                .is_some_and(|w| w.version(&id).is_some());
            if of_last {
                last.number = number.take();
                last.symbol = symbol.take();
                last.canonical = canonical.take();
                last.year = year.take();
                last.defects = std::mem::take(&mut defects);
                last.parts.number_symbol = parts.number_symbol.take();
                last.end = ctx.f.orig(end);
                last.text = clean(&ctx.text[last.start..last.end]);
                end = name_end;
            }
        }
        let (s, e) = (oa, ctx.f.orig(end));
        // Line and column are filled by `assign_lines` in one pass at the end.
        let (line, column) = (0, 0);
        let c = Citation {
            kind,
            number,
            year,
            symbol,
            canonical,
            date,
            invalid_date,
            issuer: None,
            law: Some(name),
            title: None,
            provision: None,
            text: clean(&ctx.text[s..e]),
            start: s,
            end: e,
            line,
            column,
            section: None,
            parts,
            defects,
            instrument: None,
            unresolved: None,
            findings: Vec::new(),
        };
        Some((c, amended))
    }

    /// Is `name` the name of an amending law ("Luật sửa đổi, bổ sung …")?
    fn is_amending(&self, name: &str) -> bool {
        let am = &self.t.words.amending;
        !am.is_empty()
            && with_word_key(name, |key| {
                let mut it = key.split(' ').skip(1);
                am.iter().all(|w| it.next() == Some(w.as_str()))
            })
    }

    /// Does the stop word at `i` (its folded form is in the stop list) end the name? Not
    /// when the name is written with diacritics and this word's differ from every stop
    /// word's ("vi rút" is not "vì"); "số" only before a number ("Luật Đấu thầu số
    /// 22/2023/QH15", not "Luật Chuyển đổi số ngày …").
    fn stops_name(&self, ctx: &Ctx, words: &[&str], offs: &[(usize, usize)], i: usize) -> bool {
        let written = |k: usize| {
            let (s, e) = ctx.f.span(offs[k].0, offs[k].1);
            crate::normalize::clean(&ctx.text[s..e]).to_lowercase()
        };
        let this = written(i);
        let marked = (0..i).any(|k| !written(k).is_ascii());
        if marked && !self.t.words.law_stop_proper.contains(&this) {
            return false;
        }
        if words[i].eq_ignore_ascii_case("so") && this != "so" {
            // Part of the name before a word or the name's end (",", ";", ")", one "."); the
            // number's "số" before a number, "hiệu", ":" or a blank to fill ("số……").
            let fb = ctx.fb;
            let q = skip_ws(fb, offs[i].1);
            let name_goes_on = match fb.get(q) {
                None => true,
                Some(c) if c.is_ascii_alphabetic() => !words
                    .get(i + 1)
                    .is_some_and(|x| x.eq_ignore_ascii_case("hieu")),
                Some(b',' | b';' | b')') => true,
                Some(b'.') => fb.get(q + 1).is_none_or(|c| c.is_ascii_whitespace()),
                Some(_) => false,
            };
            return !name_goes_on;
        }
        true
    }

    /// "Luật Tổ chức chính quyền địa phương": words from `start` up to a stop word.
    pub(super) fn heuristic_law_name(
        &self,
        ctx: &Ctx,
        start: usize,
        next_anchor: usize,
        anchors: &[(usize, usize)],
        depth: u8,
        kind: Kind,
    ) -> Option<(String, usize)> {
        let fb = ctx.fb;
        let (words, offs, heads) =
            words_across_heads(&ctx.f.text, start, 32, &self.t.words.gazette);
        if words.is_empty() {
            return None;
        }
        let w = &self.t.words;
        let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        // "sửa đổi, bổ sung một số điều của Luật X, Luật Y và Luật Z": the amending law,
        // named after every law it amends.
        let amending = !w.amending.is_empty()
            && lower.len() > w.amending.len()
            && lower[..w.amending.len()] == w.amending[..];
        if amending && depth == 0 {
            if let Some(ci) = lower.iter().position(|x| x == "cua") {
                let (pre_s, _) = ctx.f.span(offs[0].0, offs[0].1);
                let (_, cua_end) = ctx.f.span(offs[ci].0, offs[ci].1);
                let name = format!("Luật {}", clean(&ctx.text[pre_s..cua_end]));
                let at = skip_ws(fb, offs[ci].1);
                if let Some((list, end)) = self.inner_law_list(ctx, at, anchors) {
                    return Some((format!("{name} {list}"), end));
                }
            }
        }
        // Any other name: its first word is capitalised in the original.
        let (o0, _) = ctx.f.span(offs[0].0, offs[0].1);
        if !ctx.text[o0..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
        {
            return None;
        }
        // A name written in capitals ("LUẬT TIÊU CHUẨN VÀ QUY CHUẨN KỸ THUẬT" in a title):
        // its words are all upper case, none shouts over it.
        let shouting = |x: &str| x.len() >= 2 && x.bytes().all(|c| !c.is_ascii_lowercase());
        let caps_name = shouting(words[0]) && words.get(1).is_some_and(|x| shouting(x));
        let mut n = 0;
        for (i, x) in lower.iter().enumerate() {
            if offs[i].0 >= next_anchor {
                break;
            }
            if i > 0 {
                let cap = words[i]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase());
                // "và" between two abbreviations of a name stays in it ("Luật Tổ chức HĐND
                // và UBND"); any other lower-case stop word ends the name.
                let abbr = |k: usize| {
                    lower
                        .get(k)
                        .is_some_and(|y| w.law_abbreviations.iter().any(|(s, _)| s == y))
                        && words[k].bytes().all(|c| !c.is_ascii_lowercase())
                };
                let joins_abbreviations = x == "va" && abbr(i - 1) && abbr(i + 1);
                if !cap
                    && w.law_stop.contains(x)
                    && !joins_abbreviations
                    && self.stops_name(ctx, &words, &offs, i)
                {
                    break;
                }
                // Digits (footnote marks, numbers) and shouting words (a gazette running
                // head "CÔNG BÁO" in the middle of a name) end the name; an abbreviation
                // that belongs in names ("QPPL", "HĐND") does not.
                let shout = !caps_name
                    && words[i].len() >= 3
                    && words[i].bytes().all(|c| !c.is_ascii_lowercase())
                    && !w.law_abbreviations.iter().any(|(short, _)| short == x);
                if shout || words[i].bytes().any(|c| c.is_ascii_digit()) {
                    break;
                }
                // Punctuation between words ends the name, except a comma followed by a
                // lower-case word ("Phòng, chống", "Thuế xuất khẩu, thuế nhập khẩu").
                let gap = &fb[offs[i - 1].1..offs[i].0];
                let across_head = heads.iter().any(|&(h, _)| h == offs[i - 1].1);
                let punct = !across_head && gap.iter().any(|c| !c.is_ascii_whitespace());
                if punct && (cap || gap.trim_ascii() != b",") {
                    break;
                }
                // A capitalised type word starts another citation.
                if cap && w.law_breaks.contains(x) {
                    break;
                }
            }
            n = i + 1;
            if n >= 10 {
                break;
            }
        }
        if n == 0 {
            return None;
        }
        let (s, _) = ctx.f.span(offs[0].0, offs[0].1);
        let (_, e) = ctx.f.span(offs[n - 1].0, offs[n - 1].1);
        // The name's text, without the running heads inside it.
        let mut written = String::new();
        let mut at = s;
        for &(hs, he) in heads.iter().filter(|&&(h, _)| h < offs[n - 1].0) {
            let (os, _) = ctx.f.span(hs, hs);
            let (oe, _) = ctx.f.span(he, he);
            written.push_str(&ctx.text[at..os]);
            written.push(' ');
            at = oe;
        }
        written.push_str(&ctx.text[at..e]);
        let written = clean(&written);
        if fold_key(&written) == "viet nam" {
            return None;
        }
        // An ordinance is named as one ("Pháp lệnh Xử lý vi phạm hành chính" is not the law
        // of that name); a law may be the code of its name ("Luật Lao động").
        let ordinance = kind == Kind::Ordinance;
        let full = if ordinance {
            format!("{} {written}", Kind::Ordinance.vietnamese())
        } else {
            format!("Luật {written}")
        };
        // Canonical spelling when the table knows the name, as written or with its
        // abbreviations spelled out.
        let name = self
            .known_law(ctx, &words[..n], &offs[..n], ordinance.then_some(kind))
            .filter(|&(_, k)| k == n)
            .map(|(l, _)| l)
            .unwrap_or(full);
        Some((name, offs[n - 1].1))
    }

    /// A law named by the table at the start of `words` (folded words after a type word):
    /// its canonical name and how many of `words` it takes. The name as written first
    /// (longest alias wins), then with its abbreviations spelled out ("văn bản QPPL").
    /// With `kind`, only names of that kind.
    pub(super) fn known_law(
        &self,
        ctx: &Ctx,
        words: &[&str],
        offs: &[(usize, usize)],
        kind: Option<Kind>,
    ) -> Option<(String, usize)> {
        if words.is_empty() {
            return None;
        }
        let prefix_of = |hay: &str, tail: &str| {
            !tail.is_empty()
                && hay.starts_with(tail)
                && hay[tail.len()..].chars().next().is_none_or(|c| c == ' ')
        };
        // The names as written are looked up by their first word (lower case): when no
        // name starts with it, the words are not joined.
        let first_starts_some = {
            let w0 = words[0].as_bytes();
            let mut buf = [0u8; 32];
            match buf.get_mut(..w0.len()) {
                Some(lower) => {
                    for (d, c) in lower.iter_mut().zip(w0) {
                        *d = c.to_ascii_lowercase();
                    }
                    std::str::from_utf8(lower).map_or(true, |f| {
                        self.t.has_laws_starting(f.split(' ').next().unwrap_or(""))
                    })
                }
                None => true,
            }
        };
        let mut joined = String::new();
        if first_starts_some {
            joined.reserve(words.iter().map(|w| w.len() + 1).sum());
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                let at = joined.len();
                joined.push_str(w);
                joined[at..].make_ascii_lowercase();
            }
        }
        if let Some(law) = self
            .t
            .laws_starting(&joined)
            .filter(|_| first_starts_some)
            .find(|l| {
                kind.is_none_or(|k| l.kind == k)
                    && prefix_of(&joined, &l.tail)
                    && (l.tail.bytes().any(|c| c == b' ') || {
                        // One-word names must match with their diacritics ("Giá" vs "gia"),
                        // unless written as an abbreviation ("DQTV").
                        let (ws, we) = ctx.f.span(offs[0].0, offs[0].1);
                        let w = &ctx.text[ws..we];
                        w.chars().all(|c| !c.is_lowercase())
                            || crate::normalize::clean(w).to_lowercase() == l.proper_tail
                    })
            })
        {
            return Some((law.name.clone(), law.tail.split(' ').count()));
        }
        // Spelled out: each expanded word remembers the written word it came from.
        let abbr = &self.t.words.law_abbreviations;
        // (`s == w.to_ascii_lowercase()`, without building it.)
        let is_lower_of = |s: &str, w: &str| {
            s.len() == w.len()
                && s.bytes()
                    .zip(w.bytes())
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        };
        if !words.iter().any(|x| {
            self.re.abbreviation_shapes.may_be(x) && abbr.iter().any(|(s, _)| is_lower_of(s, x))
        }) {
            return None;
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let mut expanded: Vec<String> = Vec::new();
        let mut owner: Vec<usize> = Vec::new();
        for (i, x) in lower.iter().enumerate() {
            match abbr.iter().find(|(s, _)| s == x) {
                Some((_, long)) => {
                    for part in tables::word_key(long).split(' ') {
                        expanded.push(part.to_string());
                        owner.push(i);
                    }
                }
                None => {
                    expanded.push(x.clone());
                    owner.push(i);
                }
            }
        }
        let joined = expanded.join(" ");
        self.t
            .laws_starting(&joined)
            .filter(|l| kind.is_none_or(|k| l.kind == k) && prefix_of(&joined, &l.tail))
            .find_map(|l| {
                let k = l.tail.split(' ').count();
                // The name must end where a written word ends.
                let whole = owner.get(k).is_none_or(|&o| o != owner[k - 1]);
                whole.then(|| (l.name.clone(), owner[k - 1] + 1))
            })
    }

    /// An elliptical list of laws after "của Luật:" / "các Luật:" ("… sửa đổi, bổ sung một
    /// số điều của Luật: Chứng khoán, Kế toán, Quản lý, sử dụng tài sản công, …"): each item
    /// a known law name without its type word, a citation of that law (span: the item). The
    /// list ends at the first item that is not a known name (an item written with its own
    /// "Luật" is cited by its own anchor). `a..b` is the folded "Luật" anchor.
    pub(super) fn elliptical_laws(&self, ctx: &Ctx, a: usize, b: usize) -> Vec<Citation> {
        let fb = ctx.fb;
        let colon = skip_ws(fb, b);
        if fb.get(colon) != Some(&b':') {
            return Vec::new();
        }
        // "của Luật:", "các Luật:", "của các Luật:" (Markdown emphasis and line breaks aside).
        let mut q = a;
        while q > 0 && (fb[q - 1].is_ascii_whitespace() || fb[q - 1] == b'*') {
            q -= 1;
        }
        // "của"/"các" as a word: after a space, a line break or any other non-letter.
        let word = &fb[q.saturating_sub(3)..q];
        let starts_word = q < 4 || !fb[q - 4].is_ascii_alphanumeric();
        if !(starts_word
            && (word.eq_ignore_ascii_case(b"cua") || word.eq_ignore_ascii_case(b"cac")))
        {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut p = skip_ws(fb, colon + 1);
        loop {
            let (words, offs) = words_after(&ctx.f.text, p, self.t.max_law_words.max(24));
            let Some((name, n)) = self.known_law(ctx, &words, &offs, Some(Kind::Law)) else {
                break;
            };
            let (fs, fe) = (offs[0].0, offs[n - 1].1);
            // An item of the list starts where the previous one ended (a comma, "và").
            let between = &fb[p..fs];
            if !between
                .iter()
                .all(|c| c.is_ascii_whitespace() || matches!(c, b',' | b'*'))
            {
                break;
            }
            let (s, e) = (ctx.f.orig(fs), ctx.f.orig(fe));
            out.push(Citation {
                kind: Kind::Law,
                number: None,
                year: None,
                symbol: None,
                canonical: None,
                date: None,
                invalid_date: None,
                issuer: None,
                law: Some(name),
                title: None,
                provision: None,
                text: clean(&ctx.text[s..e]),
                start: s,
                end: e,
                line: 0,
                column: 0,
                section: None,
                parts: Parts::default(),
                defects: Vec::new(),
                instrument: None,
                unresolved: None,
                findings: Vec::new(),
            });
            // Past the separator: ",", "và".
            let mut r = skip_ws(fb, fe);
            if fb.get(r) == Some(&b',') {
                r = skip_ws(fb, r + 1);
            }
            if word_at_ci(fb, r, b"va") {
                r = skip_ws(fb, r + 2);
            }
            if r == fe {
                break;
            }
            p = r;
        }
        out
    }

    /// The list of laws an amending law's name ends with, from the type word at folded
    /// offset `at` ("Luật Quy hoạch, Luật Đầu tư và Bộ luật Hình sự"): the names joined as
    /// written (", ", " và ") and the folded end of the last; None when no law starts there.
    pub(super) fn inner_law_list(
        &self,
        ctx: &Ctx,
        mut at: usize,
        anchors: &[(usize, usize)],
    ) -> Option<(String, usize)> {
        let fb = ctx.fb;
        let mut list = String::new();
        let mut end = None;
        let mut sep = "";
        while let Some((iname, iend)) = self.inner_law(ctx, at, anchors) {
            list.push_str(sep);
            list.push_str(&iname);
            end = Some(iend);
            // ", Luật Y", " và Luật Z", ", và Luật Z"
            let q0 = skip_ws(fb, iend);
            let mut q = q0;
            if fb.get(q) == Some(&b',') {
                q = skip_ws(fb, q + 1);
            }
            sep = ", ";
            if word_at_ci(fb, q, b"va") {
                q = skip_ws(fb, q + 2);
                sep = " và ";
            }
            if q == q0 {
                break;
            }
            at = q;
        }
        end.map(|e| (list, e))
    }

    /// The law named by the type word "Luật" at folded offset `at` (an anchor), inside an
    /// amending law's name: its name and folded end.
    fn inner_law(
        &self,
        ctx: &Ctx,
        at: usize,
        anchors: &[(usize, usize)],
    ) -> Option<(String, usize)> {
        let fb = ctx.fb;
        let i = anchors.binary_search_by_key(&at, |x| x.0).ok()?;
        let (ia, ib) = anchors[i];
        // "Luật X", and a code: "Bộ luật Tố tụng hình sự" (known names only).
        let kind = if fb[ia..ib].eq_ignore_ascii_case(b"luat") {
            Kind::Law
        } else if fb[ia..ib].len() > 6
            && fb[ia..ia + 2].eq_ignore_ascii_case(b"bo")
            && fb[ib - 4..ib].eq_ignore_ascii_case(b"luat")
        {
            Kind::Code
        } else {
            return None;
        };
        let after = skip_ws(fb, ib);
        let na = next_anchor_after(anchors, ib, fb.len());
        let (w2, offs2) = words_after(&ctx.f.text, after, self.t.max_law_words.max(24));
        let known = self
            .known_law(ctx, &w2, &offs2, Some(kind))
            .map(|(n, k)| (n, offs2[k - 1].1));
        if kind == Kind::Code {
            return known;
        }
        known.or_else(|| self.heuristic_law_name(ctx, after, na, anchors, 1, Kind::Law))
    }

    /// The laws named inside an amending law's name ("… của Luật Đất đai, Luật Nhà ở …"),
    /// each a citation of that law: the "Luật" anchors after "của" within folded `b..end`.
    pub(super) fn amended_laws(
        &self,
        ctx: &Ctx,
        b: usize,
        end: usize,
        anchors: &[(usize, usize)],
    ) -> Vec<Citation> {
        let fb = ctx.fb;
        let Some(cua) = find_ci(&fb[b..end], b"cua").map(|i| b + i) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let from = anchors.partition_point(|x| x.0 < cua);
        for &(ia, ib) in anchors[from..].iter().take_while(|x| x.0 < end) {
            let Some((name, iend)) = self.inner_law(ctx, ia, anchors) else {
                continue;
            };
            if iend > end {
                continue;
            }
            let (s, e) = (ctx.f.orig(ia), ctx.f.orig(iend));
            let (ts, te) = ctx.f.span(ia, ib);
            let kind = if fb[ia..ib].eq_ignore_ascii_case(b"luat") {
                Kind::Law
            } else {
                Kind::Code
            };
            out.push(Citation {
                kind,
                number: None,
                year: None,
                symbol: None,
                canonical: None,
                date: None,
                invalid_date: None,
                issuer: None,
                law: Some(name),
                title: None,
                provision: None,
                text: clean(&ctx.text[s..e]),
                start: s,
                end: e,
                line: 0,
                column: 0,
                section: None,
                parts: Parts {
                    type_word: Some(piece(ctx.text, (ts, te))),
                    ..Parts::default()
                },
                defects: Vec::new(),
                instrument: None,
                unresolved: None,
                findings: Vec::new(),
            });
        }
        out
    }
}

/// Does a list of laws go on at folded `p` (", Luật …", " và Bộ luật …")?
fn list_goes_on(fb: &[u8], p: usize) -> bool {
    let mut q = skip_ws(fb, p);
    if fb.get(q) == Some(&b',') {
        q = skip_ws(fb, q + 1);
    }
    if word_at_ci(fb, q, b"va") {
        q = skip_ws(fb, q + 2);
    }
    q > p
        && (word_at(fb, q, b"Luat")
            || (word_at(fb, q, b"Bo") && word_at_ci(fb, skip_ws(fb, q + 2), b"luat")))
}

thread_local! {
    /// The last law names [`with_word_key`] keyed on this thread, with their keys.
    static WORD_KEYS: std::cell::Cell<Option<Vec<(String, String)>>> =
        const { std::cell::Cell::new(None) };
}

/// How many names [`with_word_key`] keeps the keys of.
const WORD_KEYS_KEPT: usize = 4;

/// `f` of [`tables::word_key`] of `name`. A document cites the same laws again and again:
/// the keys of the last names (`word_key` is a pure function of the name) are kept, most
/// recent first, so a name seen again is not folded again.
fn with_word_key(name: &str, f: impl FnOnce(&str) -> bool) -> bool {
    let mut kept = WORD_KEYS.with(|k| k.take()).unwrap_or_default();
    match kept.iter().position(|(n, _)| n == name) {
        Some(i) => {
            let entry = kept.remove(i);
            kept.insert(0, entry);
        }
        None => {
            let (mut n, _) = if kept.len() >= WORD_KEYS_KEPT {
                kept.pop().unwrap_or_default()
            } else {
                Default::default()
            };
            n.clear();
            n.push_str(name);
            kept.insert(0, (n, tables::word_key(name)));
        }
    }
    let answer = kept.first().is_some_and(|(_, key)| f(key));
    WORD_KEYS.with(|k| k.set(Some(kept)));
    answer
}

/// "2018", "năm 2024" after a law's name (not "2018/..." followed by digits).
/// The end of a gazette running head ("12 CÔNG BÁO/Số 723 + 724/Ngày 31-5-2023 13", a page
/// break) starting after `from` (spaces and a page number before it, a page number after
/// it): where the text goes on; None when no running head starts there.
fn running_head_end(fb: &[u8], from: usize, gazette: &str) -> Option<usize> {
    if gazette.is_empty() {
        return None;
    }
    let skip_number = |mut q: usize| {
        q = skip_ws(fb, q);
        let d = q;
        while fb.get(q).is_some_and(|c| c.is_ascii_digit()) {
            q += 1;
        }
        if q > d {
            skip_ws(fb, q)
        } else {
            d
        }
    };
    let q = skip_number(from);
    let g = gazette.as_bytes();
    if !fb.get(q..q + g.len())?.eq_ignore_ascii_case(g) {
        return None;
    }
    // "… 723 + 724/Ngày 31-5-2023": digits, spaces, "+", "/", "Ngày", "-" up to the year.
    let mut r = q + g.len();
    let stop = (r + 40).min(fb.len());
    let mut ngay = false;
    while r < stop {
        if fb[r..].len() >= 4 && fb[r..r + 4].eq_ignore_ascii_case(b"ngay") {
            ngay = true;
            r += 4;
        } else if fb[r].is_ascii_digit() || matches!(fb[r], b' ' | b'+' | b'/' | b'-' | b'.') {
            r += 1;
        } else {
            break;
        }
    }
    ngay.then(|| skip_number(r))
}

/// Words, their folded offsets, and the running heads skipped between them.
type AcrossHeads<'a> = (Vec<&'a str>, Vec<(usize, usize)>, Vec<(usize, usize)>);

/// `words_after`, read across gazette running heads (a page break inside a name): the
/// words, their offsets and the running heads' (start, end) skipped.
fn words_across_heads<'a>(ft: &'a str, start: usize, max: usize, gazette: &str) -> AcrossHeads<'a> {
    let fb = ft.as_bytes();
    let (mut words, mut offs) = words_after(ft, start, max);
    let mut heads = Vec::new();
    let mut i = 0;
    while i < offs.len() && words.len() <= max {
        let from = offs[i].1;
        if let Some(next) = running_head_end(fb, from, gazette) {
            if next > from && fb.get(next).is_some_and(|c| is_word_byte(*c)) {
                words.truncate(i + 1);
                offs.truncate(i + 1);
                heads.push((from, next));
                let (w2, o2) = words_after(ft, next, max.saturating_sub(i + 1));
                words.extend(w2);
                offs.extend(o2);
            }
        }
        i += 1;
    }
    (words, offs, heads)
}

/// The words inside a parenthesis right after `after` ("… ở người (HIV/AIDS)"), appended to
/// `words`/`offs`; the folded offset after ")" when there is one (within 60 bytes).
fn parenthesis_words<'a>(
    ft: &'a str,
    after: usize,
    words: &mut Vec<&'a str>,
    offs: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    let fb = ft.as_bytes();
    let open = skip_ws(fb, after);
    if fb.get(open) != Some(&b'(') {
        return None;
    }
    let close = open
        + fb.get(open..(open + 60).min(fb.len()))?
            .iter()
            .position(|&c| c == b')')?;
    let mut i = open + 1;
    while i < close {
        if is_word_byte(fb[i]) {
            let s = i;
            while i < close && is_word_byte(fb[i]) {
                i += 1;
            }
            // ASCII letters: the slice starts and ends on char boundaries.
            words.push(ft.get(s..i).unwrap_or(""));
            offs.push((s, i));
        } else {
            i += 1;
        }
    }
    Some(close + 1)
}

pub(super) fn law_year(fb: &[u8], p: usize) -> Option<(i32, usize)> {
    let mut q = p;
    if word_at_ci(fb, q, b"nam") {
        q = skip_ws(fb, q + 3);
    }
    let (y, e) = year_at(fb, q)?;
    if fb.get(e) == Some(&b'/') && fb.get(e + 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((y, e))
}

#[cfg(test)]
mod tests {
    /// (text, [(law name or canonical, cited text)]) — regressions on real 2025 documents.
    #[test]
    fn amending_law_titles() {
        let rows: &[(&str, &[(&str, &str)])] = &[
            // The number after an amending law's title is the amending law's (it was given
            // to "Luật Quảng cáo").
            (
                "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quảng cáo số 75/2025/QH15;",
                &[
                    (
                        "75/2025/QH15",
                        "Luật sửa đổi, bổ sung một số điều của Luật Quảng cáo số 75/2025/QH15",
                    ),
                    ("Luật Quảng cáo", "Luật Quảng cáo"),
                ],
            ),
            // base_law_number_after_amending_title: a number the law table holds as a version
            // of the last law named is that law's (it was given to the amending law).
            (
                "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân số 109/2025/QH15;",
                &[
                    (
                        "Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân",
                        "Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân",
                    ),
                    ("109/2025/QH15", "Luật Thuế thu nhập cá nhân số 109/2025/QH15"),
                ],
            ),
            // amending_name_prefix: a known amending law's name ("… của Luật Thuế thu nhập cá
            // nhân") cut a longer one short; the number went to the last law of the list.
            (
                "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân, Luật Thuế giá trị gia tăng và Luật Thuế tiêu thụ đặc biệt số 09/2026/QH16;",
                &[
                    (
                        "09/2026/QH16",
                        "Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân, Luật Thuế giá trị gia tăng và Luật Thuế tiêu thụ đặc biệt số 09/2026/QH16",
                    ),
                    ("Luật Thuế thu nhập cá nhân", "Luật Thuế thu nhập cá nhân"),
                    ("Luật Thuế giá trị gia tăng", "Luật Thuế giá trị gia tăng"),
                    ("Luật Thuế tiêu thụ đặc biệt", "Luật Thuế tiêu thụ đặc biệt"),
                ],
            ),
            // Its date too ("Luật Dược ngày 21 tháng 11 năm 2024" was read as Luật Dược's).
            (
                "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Dược ngày 21 tháng 11 năm 2024;",
                &[
                    (
                        "Luật sửa đổi, bổ sung một số điều của Luật Dược",
                        "Luật sửa đổi, bổ sung một số điều của Luật Dược ngày 21 tháng 11 năm 2024",
                    ),
                    ("Luật Dược", "Luật Dược"),
                ],
            ),
            // "Luật Ban hành văn bản QPPL" was cut to "Luật Ban hành".
            (
                "Luật Ban hành văn bản QPPL và các văn bản hướng dẫn",
                &[(
                    "Luật Ban hành văn bản quy phạm pháp luật",
                    "Luật Ban hành văn bản QPPL",
                )],
            ),
            (
                "theo Luật Tổ chức HĐND và UBND năm 2003 và Luật Đất đai",
                &[
                    (
                        "Luật Tổ chức HĐND và UBND",
                        "Luật Tổ chức HĐND và UBND năm 2003",
                    ),
                    ("Luật Đất đai", "Luật Đất đai"),
                ],
            ),
            // An unknown name keeps an abbreviation that belongs in names.
            (
                "theo Luật Tổ chức HĐND xã năm 2003;",
                &[("Luật Tổ chức HĐND xã", "Luật Tổ chức HĐND xã năm 2003")],
            ),
            // elliptical_amending_list: "của Luật: Chứng khoán, Kế toán, …" cited no law; each
            // item is one (known names only), and the amending law cited number first is
            // named by its title spelled out.
            (
                "Căn cứ Luật số 56/2024/QH15 ngày 29 tháng 11 năm 2024 về sửa đổi, bổ sung một số điều của\nLuật: Chứng khoán, Kế toán, Quản lý, sử\ndụng tài sản công, Luật Dự trữ quốc gia;",
                &[
                    ("56/2024/QH15", "Luật số 56/2024/QH15 ngày 29 tháng 11 năm 2024"),
                    ("Luật Chứng khoán", "Chứng khoán"),
                    ("Luật Kế toán", "Kế toán"),
                    ("Luật Quản lý, sử dụng tài sản công", "Quản lý, sử dụng tài sản công"),
                    ("Luật Dự trữ quốc gia", "Luật Dự trữ quốc gia"),
                ],
            ),
            // elliptical_list_after_a_line_break: "của" opening a line was not read as the
            // word before the list.
            (
                "Căn cứ Luật số 56/2024/QH15 ngày 29 tháng 11 năm 2024 về sửa đổi, bổ sung một số điều\ncủa Luật: Chứng khoán, Kế toán;",
                &[
                    ("56/2024/QH15", "Luật số 56/2024/QH15 ngày 29 tháng 11 năm 2024"),
                    ("Luật Chứng khoán", "Chứng khoán"),
                    ("Luật Kế toán", "Kế toán"),
                ],
            ),
            // amending_title_of_a_code: "… của Bộ luật Tố tụng hình sự" was no amending law.
            (
                "Căn cứ Bộ luật Tố tụng hình sự ngày 27 tháng 11 năm 2015; Luật sửa đổi, bổ\nsung một số điều của Bộ luật Tố tụng hình sự ngày 12 tháng 11 năm 2021;",
                &[
                    ("Bộ luật Tố tụng hình sự", "Bộ luật Tố tụng hình sự ngày 27 tháng 11 năm 2015"),
                    (
                        "Luật sửa đổi, bổ sung một số điều của Bộ luật Tố tụng hình sự",
                        "Luật sửa đổi, bổ sung một số điều của Bộ luật Tố tụng hình sự ngày 12 tháng 11 năm 2021",
                    ),
                    ("Bộ luật Tố tụng hình sự", "Bộ luật Tố tụng hình sự"),
                ],
            ),
            // long_amending_title: more than 16 words before "của" ("… và Phụ lục Danh mục
            // chỉ tiêu thống kê quốc gia của Luật Thống kê") was no amending law.
            (
                "Căn cứ Luật sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống\nkê quốc gia của Luật Thống kê ngày 12/11/2021;",
                &[
                    (
                        "Luật sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của Luật Thống kê",
                        "Luật sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của Luật Thống kê ngày 12/11/2021",
                    ),
                    ("Luật Thống kê", "Luật Thống kê"),
                ],
            ),
            // Not after "của"/"các": no list ("Luật: …" as a label).
            ("Văn bản Luật: Chứng khoán", &[]),
        ];
        check(rows);
    }

    /// elliptical_amending_list: an amending law cited number first whose title lists bare
    /// names after "Luật:" is named with the names spelled out.
    #[test]
    fn elliptical_amending_list_names_the_amending_law() {
        let text = "Căn cứ Luật số 56/2024/QH15 ngày 29 tháng 11 năm 2024 về sửa đổi, bổ sung một số điều của\nLuật: Chứng khoán, Kế toán, Quản lý, sử\ndụng tài sản công, Luật Dự trữ quốc gia;";
        let e = crate::extract(text);
        assert_eq!(
            e.citations[0].law.as_deref(),
            Some("Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Quản lý, sử dụng tài sản công, Luật Dự trữ quốc gia")
        );
    }

    /// number_first_title_end: the title of an amending law cited number first ends with its
    /// list of laws, whatever follows ("và Nghị định …", ")", a gazette running head).
    #[test]
    fn number_first_title_ends_with_its_list() {
        let want = "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu";
        for text in [
            "theo khoản 8 Điều 2 của Luật số 57/2024/QH15 sửa đổi, bổ sung một số điều của Luật Quy hoạch,\nLuật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu và Nghị định số 19/2025/NĐ-CP ngày 10/02/2025 của Chính phủ",
            "(tại khoản 8 Điều 2 của Luật số 57/2024/QH15\nsửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo\nphương thức đối tác công tư và Luật Đấu thầu)\n1.3. Mục tiêu",
        ] {
            let e = crate::extract(text);
            let c = e
                .citations
                .iter()
                .find(|c| c.canonical.as_deref() == Some("57/2024/QH15"))
                .unwrap();
            assert_eq!(c.law.as_deref(), Some(want), "{text}");
        }
    }

    /// Names cut short: a known name ending in a parenthesis, "vi rút" read as the stop
    /// word "vì", "số" not followed by a number read as the number's "số".
    #[test]
    fn names_cut_short() {
        let rows: &[(&str, &[(&str, &str)])] = &[
            (
                "Căn cứ Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS) ngày 29 tháng 6 năm 2006;",
                &[(
                    "Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS)",
                    "Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS) ngày 29 tháng 6 năm 2006",
                )],
            ),
            (
                "Căn cứ Luật Chuyển đổi số ngày 14 tháng 6 năm 2025;",
                &[("Luật Chuyển đổi số", "Luật Chuyển đổi số ngày 14 tháng 6 năm 2025")],
            ),
            ("theo Luật Chuyển đổi số.", &[("Luật Chuyển đổi số", "Luật Chuyển đổi số")]),
            // A blank to fill after "số" is the number's.
            (
                "Căn cứ Luật Chính quyền địa phương số……………;",
                &[("Luật Chính quyền địa phương", "Luật Chính quyền địa phương")],
            ),
            // A known name ending in a parenthesis, cited without it.
            (
                "theo Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người năm 2006",
                &[(
                    "Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS)",
                    "Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người năm 2006",
                )],
            ),
            // "số" before a number is the number's, with or without ":".
            (
                "Căn cứ Luật Đấu thầu số 22/2023/QH15;",
                &[("22/2023/QH15", "Luật Đấu thầu số 22/2023/QH15")],
            ),
            // Written without diacritics, the folded stop words still end a name.
            (
                "theo Luat Dan quan tu ve nam 2019",
                &[("Luật Dân quân tự vệ", "Luat Dan quan tu ve nam 2019")],
            ),
            // A page break inside a name: the gazette's running head is skipped, a known
            // name read across it and an unknown one too.
            (
                "Căn cứ Luật Khoa\n\n \n12 \nCÔNG BÁO/Số 723 + 724/Ngày 31-5-2023 \n  \nhọc và công nghệ ngày 18 tháng 6 năm 2013;",
                &[(
                    "Luật Khoa học và công nghệ",
                    "Luật Khoa 12 CÔNG BÁO/Số 723 + 724/Ngày 31-5-2023 học và công nghệ ngày 18 tháng 6 năm 2013",
                )],
            ),
            (
                "theo Luật Thử\n \nCÔNG BÁO/Số 5/Ngày 02-01-2026 \n7 \nnghiệm mới năm 2026.",
                &[(
                    "Luật Thử nghiệm",
                    "Luật Thử CÔNG BÁO/Số 5/Ngày 02-01-2026 7 nghiệm",
                )],
            ),
            // An ordinance the table lacks is named as an ordinance, not as the law of
            // that name.
            (
                "theo Pháp lệnh Xử lý vi phạm hành chính năm 2002",
                &[(
                    "Pháp lệnh Xử lý vi phạm hành chính",
                    "Pháp lệnh Xử lý vi phạm hành chính năm 2002",
                )],
            ),
            // A parenthesis that is not part of a known name stays out of it.
            (
                "theo Luật Đất đai (sửa đổi) năm 2024",
                &[("Luật Đất đai", "Luật Đất đai")],
            ),
        ];
        check(rows);
    }

    /// Each row's text gives these citations: (canonical or law name, cited text).
    fn check(rows: &[(&str, &[(&str, &str)])]) {
        for (text, want) in rows {
            let got: Vec<(String, String)> = crate::extract(text)
                .citations
                .iter()
                .map(|c| {
                    (
                        c.canonical.clone().or(c.law.clone()).unwrap_or_default(),
                        c.text.clone(),
                    )
                })
                .collect();
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}

/// The title written after an amending law cited by number ("Luật số 90/2025/QH15 [ngày …]
/// [của Quốc hội] [về] sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Hải quan, …"): its
/// name, "Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, …", up to where the title ends
/// (";", ".", ":", "(", "có hiệu lực", "và điểm …"); `after` is the text right after the
/// number. None when no such title follows.
pub(super) fn amending_title_after(after: &str) -> Option<String> {
    // Every opening holds "bổ sung": none in the text read, no title (most laws cited by
    // number), known without normalising that text.
    if !holds_bo_sung(after) {
        return None;
    }
    // Most texts read here open no amending title: decided on their first chars when the
    // words before the opening and as much text as the opening's common start are there
    // (the squeezed start is the start of the squeezed text, and each step below only
    // compares a start shorter than what is left).
    let short = squeezed(after, 128);
    if let Some(rest) = opening_rest(&short) {
        if rest.len() >= OPENS.len() && !rest.starts_with(OPENS) {
            return None;
        }
    }
    amending_title_in(&squeezed(after, 600))
}

/// What every opening of an amending title starts with.
const OPENS: &str = "sửa đổi, bổ sung một số điều ";

/// The squeezed text after a law's number from where its title's opening should stand
/// (after its date, "của Quốc hội", "về (việc)", "ban hành Luật"); None when it goes on
/// with "ngày" but no date.
fn opening_rest(s: &str) -> Option<&str> {
    let mut rest = s.trim_start();
    // "ngày 25 tháng 6 năm 2025" / "ngày 25/6/2025".
    if let Some(r) = rest.strip_prefix("ngày ") {
        let toks: Vec<&str> = r.splitn(6, ' ').collect();
        let num = |w: &str| !w.is_empty() && w.chars().all(|ch| ch.is_ascii_digit() || ch == '/');
        let n = if toks.first().is_some_and(|w| num(w) && w.contains('/')) {
            1
        } else if toks.len() >= 5
            && num(toks[0])
            && toks[1] == "tháng"
            && num(toks[2])
            && toks[3] == "năm"
            && num(toks[4])
        {
            5
        } else {
            return None;
        };
        rest = r.splitn(n + 1, ' ').nth(n).unwrap_or("").trim_start();
    }
    for w in ["của Quốc hội", ","] {
        rest = rest.strip_prefix(w).unwrap_or(rest).trim_start();
    }
    for w in ["về việc ", "về ", "ban hành Luật "] {
        if let Some(r) = rest.strip_prefix(w) {
            rest = r;
            break;
        }
    }
    Some(rest)
}

/// [`amending_title_after`] on the squeezed text after the number.
fn amending_title_in(s: &str) -> Option<String> {
    let rest = opening_rest(s)?;
    const OPENINGS: &[&str] = &[
        "sửa đổi, bổ sung một số điều của Luật ",
        "sửa đổi, bổ sung một số điều của các Luật ",
        "sửa đổi, bổ sung một số điều của các luật ",
    ];
    // An elliptical list, "… của Luật: Chứng khoán, Kế toán, …": the colon opens it (the
    // caller spells its items out, `spell_out_elliptical`).
    let elliptical = ["của Luật:", "của các Luật:", "của các luật:"]
        .iter()
        .find_map(|h| {
            let o = format!("sửa đổi, bổ sung một số điều {h}");
            rest.starts_with(&o).then_some(o.len())
        });
    let (head, rest) = match elliptical {
        Some(n) => (&rest[..n], rest[n..].trim_start()),
        None => ("", rest),
    };
    if elliptical.is_none() && !OPENINGS.iter().any(|o| rest.starts_with(o)) {
        return None;
    }
    const ENDS: &[&str] = &[
        ";",
        ".",
        ":",
        "(",
        "”",
        "\"",
        " có hiệu lực",
        " được ",
        " và điểm ",
        " và khoản ",
        " và Điều ",
        " gồm",
        " thì ",
        " như sau",
        " quy định ",
        " có ",
    ];
    // The base law's own number ("… của Luật X số 64/2025/QH15") ends the title too.
    let number = rest.match_indices(" số ").find_map(|(i, m)| {
        rest[i + m.len()..]
            .starts_with(|ch: char| ch.is_ascii_digit())
            .then_some(i)
    });
    // The first place where any end starts (what the least of their first places is),
    // found in one walk that stops there.
    const STARTS_END: [bool; 256] = {
        let mut t = [false; 256];
        let mut k = 0;
        while k < ENDS.len() {
            t[ENDS[k].as_bytes()[0] as usize] = true;
            k += 1;
        }
        t
    };
    let first_end = (0..rest.len()).find(|&i| {
        STARTS_END[rest.as_bytes()[i] as usize]
            && ENDS
                .iter()
                .any(|e| rest.as_bytes()[i..].starts_with(e.as_bytes()))
    });
    let end = first_end
        .into_iter()
        .chain(number)
        .min()
        .unwrap_or(rest.len());
    let title = rest[..end].trim_end().trim_end_matches(',').trim_end();
    if elliptical.is_some() {
        return (title.len() > 2).then(|| format!("Luật {head} {title}"));
    }
    // The list of names must hold at least one law name after the opening.
    (title.len() > OPENINGS[0].len() + 2).then(|| format!("Luật {title}"))
}

/// Whether the text `amending_title_after` reads (the first 600 chars of `after`, "*" and
/// "_" dropped, white space runs made one space) may hold "bổ sung": false only when it
/// does not. Each "ổ" in the first 2,400 bytes (600 chars at most) is looked at as that
/// text has it: "b" before it, then white space and "sung", "*" and "_" anywhere between.
/// The first `max` chars of `after` with white space runs (line breaks included) made one
/// space and Markdown emphasis ("*", "_") dropped; ASCII read byte by byte.
fn squeezed(after: &str, max: usize) -> String {
    let mut s = String::with_capacity(after.len().min(max * 3));
    let mut space = false; // `s` ends with the space of a run
    let mut chars = 0;
    let mut rest = after;
    while chars < max {
        let Some(&c) = rest.as_bytes().first() else {
            break;
        };
        chars += 1;
        let ch = if c < 0x80 {
            rest = &rest[1..];
            c as char
        } else {
            let Some(ch) = rest.chars().next() else {
                break;
            };
            rest = &rest[ch.len_utf8()..];
            ch
        };
        if ch == '*' || ch == '_' {
            continue;
        }
        if ch.is_whitespace() {
            if !space {
                s.push(' ');
                space = true;
            }
        } else {
            s.push(ch);
            space = false;
        }
    }
    s
}

fn holds_bo_sung(after: &str) -> bool {
    let head = &after.as_bytes()[..after.len().min(600 * 4)];
    let dropped = |c: char| c == '*' || c == '_';
    memchr::memmem::find_iter(head, "ổ".as_bytes()).any(|i| {
        let before = after[..i].chars().rev().find(|&c| !dropped(c));
        let mut next = after[i + "ổ".len()..].chars().filter(|&c| !dropped(c));
        let mut spaced = false;
        let mut c = next.next();
        while c.is_some_and(char::is_whitespace) {
            spaced = true;
            c = next.next();
        }
        before == Some('b')
            && spaced
            && c == Some('s')
            && next.next() == Some('u')
            && next.next() == Some('n')
            && next.next() == Some('g')
    })
}

/// An amending law's name read with an elliptical list ("Luật sửa đổi, bổ sung một số điều
/// của Luật: Chứng khoán, Kế toán, Luật Dự trữ quốc gia") spelled out with the names its
/// items were read as (`items`: each law's full name and its text as written, in order):
/// "Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Dự trữ quốc
/// gia". Unchanged when it holds no such list or its items are not found in it.
pub(super) fn spell_out_elliptical(name: &str, items: &[(String, String)]) -> String {
    let Some(colon) = name.find(':') else {
        return name.to_string();
    };
    let Some(opening) = name[..colon]
        .rfind(" Luật")
        .or_else(|| name[..colon].rfind(" luật"))
    else {
        return name.to_string();
    };
    let opening = name[..opening].trim_end_matches(" các");
    // Where the last item ends in the list as written (white space folded to one space).
    let list = &name[colon + 1..];
    let mut at = 0;
    for (_, written) in items {
        let w = written.split_whitespace().collect::<Vec<_>>().join(" ");
        match list[at..].find(&w) {
            Some(i) => at += i + w.len(),
            None => return name.to_string(),
        }
    }
    if items.is_empty() {
        return name.to_string();
    }
    let names: Vec<&str> = items.iter().map(|(n, _)| n.as_str()).collect();
    format!("{opening} {}{}", names.join(", "), &list[at..])
}

#[cfg(test)]
mod amending_title_tests {
    use super::{amending_title_after, holds_bo_sung, tables, with_word_key};

    /// The kept keys answer as `word_key` does, whatever the order of the names (repeats,
    /// more names than are kept, names equal but for case or marks).
    #[test]
    fn with_word_key_is_word_key() {
        let names = [
            "Luật sửa đổi, bổ sung một số điều của Luật Đất đai",
            "Luật Đất đai",
            "LUẬT ĐẤT ĐAI",
            "Luật Dat dai",
            "Bộ luật Lao động",
            "Luật Phòng, chống tham nhũng",
            "",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            x = crate::testing::xorshift(x);
            let name = names[(x % names.len() as u64) as usize];
            let mut got = String::new();
            with_word_key(name, |k| {
                got = k.to_string();
                true
            });
            assert_eq!(got, tables::word_key(name), "{name:?}");
        }
    }

    /// The title decided on the first chars is the one read on the whole squeezed text:
    /// random texts after a law's number, of dates, "của Quốc hội", "về", openings (whole,
    /// cut, elliptical) and names, short and long, spaced every way.
    #[test]
    fn amending_title_on_first_chars_is_the_full_reading() {
        let pieces = [
            "ngày ",
            "ngày",
            "29",
            "tháng",
            "11",
            "năm",
            "2024",
            "25/6/2025",
            " ",
            " ",
            "\n",
            "*",
            "_",
            "của Quốc hội",
            ",",
            "về việc ",
            "về ",
            "ban hành Luật ",
            "sửa đổi, bổ sung một số điều của Luật ",
            "sửa đổi, bổ sung một số điều của Luật:",
            "sửa đổi, bổ sung một số",
            "sửa đổi, bổ sung",
            "bổ sung",
            " điều của các luật ",
            "Đất đai",
            "Đầu tư",
            ";",
            ".",
            "(",
            "x",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            " số 64/2025/QH15",
            " có hiệu lực",
        ];
        let mut x: u64 = 0x3C6E_F372_FE94_F82B;
        let mut titles = 0;
        for _ in 0..20_000 {
            x = crate::testing::xorshift(x);
            let mut t = String::new();
            for _ in 0..x % 40 {
                x = crate::testing::xorshift(x);
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            let want = if super::holds_bo_sung(&t) {
                super::amending_title_in(&super::squeezed(&t, 600))
            } else {
                None
            };
            titles += want.is_some() as usize;
            assert_eq!(amending_title_after(&t), want, "{t:?}");
        }
        assert!(titles > 100, "{titles}");
    }

    /// The char loop `squeezed` replaced: the first `max` chars of `after` without emphasis
    /// marks, each run of white space one space.
    fn squeezed_by_chars(after: &str, max: usize) -> String {
        let mut s = String::new();
        for ch in after.chars().take(max) {
            if ch == '*' || ch == '_' {
                continue;
            }
            if ch.is_whitespace() {
                if !s.ends_with(' ') {
                    s.push(' ');
                }
            } else {
                s.push(ch);
            }
        }
        s
    }

    /// The squeezed text read byte by byte is the char loop it replaced, on random texts
    /// of ASCII and Unicode white space, emphasis marks and letters, at every length.
    #[test]
    fn squeezed_is_the_char_loop() {
        let reference = squeezed_by_chars;
        let pieces = [
            "a", "Luật", " ", "  ", "\n", "\t", "\r", "\x0B", "\x0C", "\u{a0}", "\u{2028}",
            "\u{85}", "*", "_", "ổ", "đ", "\u{301}", "x", ",", "\u{3000}",
        ];
        let mut x: u64 = 0x7F4A_7C15_9E37_79B9;
        for _ in 0..3000 {
            x = crate::testing::xorshift(x);
            let mut t = String::new();
            for _ in 0..x % 50 {
                x = crate::testing::xorshift(x);
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            let max = (x >> 24) as usize % 60;
            assert_eq!(super::squeezed(&t, max), reference(&t, max), "{t:?} {max}");
            assert_eq!(super::squeezed(&t, 600), reference(&t, 600), "{t:?}");
        }
    }

    /// (text after "Luật số N/YYYY/QHxx", the amending law's name read from it)
    /// `holds_bo_sung` is false only where the normalised text holds no "bổ sung".
    #[test]
    fn holds_bo_sung_is_the_normalised_search() {
        let normalised = |after: &str| squeezed_by_chars(after, 600);
        let long = format!("{} bổ sung", "x".repeat(700));
        let rows = [
            "sửa đổi, bổ sung một số điều",
            "bổ\nsung",
            "b*ổ _ \u{a0} *s*u_ng",
            "bổsung",
            "bổ sun",
            "tổ sung",
            "bổ  sunG",
            "**bổ** **sung**",
            "ổ sung",
            "",
            long.as_str(),
        ];
        for after in rows {
            let has = normalised(after).contains("bổ sung");
            assert!(holds_bo_sung(after) || !has, "{after:?}");
            // Within 600 chars the check is exact; past them it may say yes in vain.
            if after.chars().count() <= 600 {
                assert_eq!(holds_bo_sung(after), has, "{after:?}");
            }
        }
    }

    #[test]
    fn amending_title_after_table() {
        let rows: [(&str, Option<&str>); 9] = [
            (
                " sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương thức\nđối tác công tư, Luật Hải quan;",
                Some("Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương thức đối tác công tư, Luật Hải quan"),
            ),
            (
                " ngày 29 tháng 11 năm 2024 của Quốc hội về sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu; Căn cứ",
                Some("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu"),
            ),
            (
                " sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân, \nLuật Thuế giá trị gia tăng có hiệu lực kể từ ngày 01 tháng 01 năm 2026.",
                Some("Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân, Luật Thuế giá trị gia tăng"),
            ),
            (
                " ngày 25/6/2025 ban hành Luật sửa đổi, bổ sung một số điều của Luật Đất đai và điểm c khoản 2",
                Some("Luật sửa đổi, bổ sung một số điều của Luật Đất đai"),
            ),
            (
                " sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19 tháng 2 năm 2025;",
                Some("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật"),
            ),
            (
                " sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế có căn cứ ban hành",
                Some("Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế"),
            ),
            // elliptical_amending_list: the colon opens the list, it does not end the title.
            (
                " ngày 29 tháng 11 năm 2024 về sửa đổi, bổ sung một số điều của\nLuật: Chứng khoán, Kế toán, Quản lý, sử\ndụng tài sản công, Luật Dự trữ quốc gia;",
                Some("Luật sửa đổi, bổ sung một số điều của Luật: Chứng khoán, Kế toán, Quản lý, sử dụng tài sản công, Luật Dự trữ quốc gia"),
            ),
            // No title: a citation by number alone.
            ("; Căn cứ Nghị định số 1/2025/NĐ-CP", None),
            // "Luật số 57/2024/QH15 ngày … và Luật số …": a list, not a title.
            (" ngày 29 tháng 11 năm 2024 và Luật số 90/2025/QH15", None),
        ];
        for (after, want) in rows {
            assert_eq!(amending_title_after(after).as_deref(), want, "{after:?}");
        }
    }

    /// (name with an elliptical list, its items (full name, as written), the name spelled out)
    #[test]
    fn elliptical_amending_list_spelled_out_table() {
        type Items = Vec<(String, String)>;
        let items = |v: &[(&str, &str)]| -> Items {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let rows: [(&str, Items, &str); 3] = [
            (
                "Luật sửa đổi, bổ sung một số điều của Luật: Chứng khoán, Quản lý, sử dụng tài sản công, Luật Dự trữ quốc gia",
                items(&[
                    ("Luật Chứng khoán", "Chứng khoán"),
                    ("Luật Quản lý, sử dụng tài sản công", "Quản lý, sử\ndụng tài sản công"),
                ]),
                "Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Quản lý, sử dụng tài sản công, Luật Dự trữ quốc gia",
            ),
            (
                "Luật sửa đổi, bổ sung một số điều của các Luật: Kế toán, Kiểm toán độc lập",
                items(&[
                    ("Luật Kế toán", "Kế toán"),
                    ("Luật Kiểm toán độc lập", "Kiểm toán độc lập"),
                ]),
                "Luật sửa đổi, bổ sung một số điều của Luật Kế toán, Luật Kiểm toán độc lập",
            ),
            // An item not in the name: unchanged.
            (
                "Luật sửa đổi, bổ sung một số điều của Luật: Kế toán",
                items(&[("Luật Chứng khoán", "Chứng khoán")]),
                "Luật sửa đổi, bổ sung một số điều của Luật: Kế toán",
            ),
        ];
        for (name, items, want) in rows {
            assert_eq!(super::spell_out_elliptical(name, &items), want, "{name:?}");
        }
    }
}
