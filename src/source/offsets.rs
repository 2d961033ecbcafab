//! Offset maps: from a byte offset in the text the extractor reads back to a byte offset in
//! the ORIGINAL file, across every decoding step (BOM, UTF-16, legacy 8-bit encodings,
//! VNI letter sequences, NFC composition, HTML tags and entities).
//!
//! Each step is a [`Layer`]: sorted checkpoints `(new, old)` written only where the distance
//! between the two offsets changes, so a step that copies bytes unchanged costs nothing and
//! the worst case (every character changes width) costs 8 bytes per character. Knows nothing
//! of encodings or formats.

/// One decoding step: checkpoints where `old - new` changes. Offsets are u32: files are
/// limited far below 4 GiB by the size limit.
#[derive(Debug, Clone, Default)]
pub struct Layer {
    points: Vec<(u32, u32)>,
    /// Length of the step's output and of its input, for offsets at the very end.
    new_len: usize,
    old_len: usize,
}

impl Layer {
    /// Map an offset in this step's output back to its input.
    pub fn back(&self, new: usize) -> usize {
        if new >= self.new_len {
            return self.old_len;
        }
        let i = self.points.partition_point(|&(n, _)| n as usize <= new);
        if i == 0 {
            return new.min(self.old_len);
        }
        let (n, o) = self.points[i - 1];
        (o as usize + (new - n as usize)).min(self.old_len)
    }

    /// How many checkpoints the step keeps.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

/// Writes a step's output while recording where each piece came from.
#[derive(Debug, Default)]
pub struct Builder {
    pub text: String,
    points: Vec<(u32, u32)>,
    delta: i64,
}

impl Builder {
    pub fn with_capacity(n: usize) -> Builder {
        Builder {
            text: String::with_capacity(n),
            points: Vec::new(),
            delta: 0,
        }
    }

    /// Append `s`, which came from input offset `old`.
    pub fn push_str(&mut self, s: &str, old: usize) {
        self.mark(old);
        self.text.push_str(s);
    }

    /// Append `c`, which came from input offset `old`.
    pub fn push(&mut self, c: char, old: usize) {
        self.mark(old);
        self.text.push(c);
    }

    fn mark(&mut self, old: usize) {
        let new = self.text.len();
        let d = old as i64 - new as i64;
        if d != self.delta || (self.points.is_empty() && d != 0) {
            self.points.push((new as u32, old as u32));
            self.delta = d;
        }
    }

    /// Finish the step; `old_len` is the length of its input.
    pub fn finish(self, old_len: usize) -> (String, Layer) {
        let new_len = self.text.len();
        (
            self.text,
            Layer {
                points: self.points,
                new_len,
                old_len,
            },
        )
    }
}

/// Every step from the original bytes to the text, oldest first.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    layers: Vec<Layer>,
}

impl OffsetMap {
    /// Add the next step (its output is the newest text).
    pub fn push(&mut self, layer: Layer) {
        if !layer.is_empty() || layer.new_len != layer.old_len {
            self.layers.push(layer);
        }
    }

    /// The original byte offset of text offset `t`.
    pub fn original(&self, t: usize) -> usize {
        self.layers.iter().rev().fold(t, |o, l| l.back(o))
    }

    /// True when the text is the original bytes unchanged (offsets are identical).
    pub fn is_identity(&self) -> bool {
        self.layers.is_empty()
    }

    /// Checkpoints kept over all steps (memory is 8 bytes each).
    pub fn checkpoints(&self) -> usize {
        self.layers.iter().map(Layer::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(pieces: &[(&str, usize)], old_len: usize, probes: &[(usize, usize)]) {
        let mut b = Builder::default();
        for (s, o) in pieces {
            b.push_str(s, *o);
        }
        let (_, layer) = b.finish(old_len);
        let mut m = OffsetMap::default();
        m.push(layer);
        for &(t, want) in probes {
            assert_eq!(m.original(t), want, "text offset {t} in {pieces:?}");
        }
    }

    #[test]
    fn maps_back() {
        // identity
        check(&[("abc", 0)], 3, &[(0, 0), (2, 2), (3, 3)]);
        // a 3-byte BOM dropped
        check(&[("ab", 3)], 5, &[(0, 3), (1, 4), (2, 5)]);
        // UTF-16LE "aà": a at 0, à (2 bytes in UTF-8) at 2
        check(
            &[("a", 0), ("à", 2), ("b", 4)],
            6,
            &[(0, 0), (1, 2), (3, 4), (4, 6)],
        );
        // one legacy byte becoming a 3-byte letter
        check(
            &[("x", 0), ("ỷ", 1), ("y", 2)],
            3,
            &[(1, 1), (4, 2), (5, 3)],
        );
    }
}
