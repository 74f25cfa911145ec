//! Spans: byte ranges into a document's original text, and conversion to
//! Unicode code-point (character) offsets for editors.
//!
//! Every span in quotecheck is a half-open byte range `[start, end)` into the
//! *original* text of a [`crate::Document`]. Byte offsets are what Rust slices
//! with; character offsets are what editors and most annotation tools count.
//! [`CharIndex`] converts between the two in `O(log n)` per lookup while
//! storing only one entry per non-ASCII character.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
///
/// ```
/// use quotecheck_core::Span;
/// let text = "He said “yes”.";
/// let span = Span::new(11, 14);
/// assert_eq!(span.slice(text), Some("yes"));
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers, or `None` when it is out of bounds or not on
    /// character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Number of bytes shared by the two spans.
    pub fn overlap(&self, other: Span) -> usize {
        let s = self.start.max(other.start);
        let e = self.end.min(other.end);
        e.saturating_sub(s)
    }

    /// The smallest span covering both.
    pub fn hull(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrink the span so that it starts and ends on non-whitespace.
    ///
    /// ```
    /// use quotecheck_core::Span;
    /// let text = "  hi  ";
    /// assert_eq!(Span::new(0, 6).trim(text).slice(text), Some("hi"));
    /// ```
    pub fn trim(&self, text: &str) -> Span {
        self.trim_matches(text, char::is_whitespace)
    }

    /// Shrink the span while its first or last character satisfies `pred`.
    pub fn trim_matches(&self, text: &str, pred: impl Fn(char) -> bool) -> Span {
        let Some(s) = self.slice(text) else {
            return *self;
        };
        let left = s.len() - s.trim_start_matches(&pred).len();
        let inner = &s[left..];
        let right = inner.trim_end_matches(&pred).len();
        Span::new(self.start + left, self.start + left + right)
    }
}

/// Converts byte offsets into character (Unicode scalar value) offsets.
///
/// ```
/// use quotecheck_core::CharIndex;
/// let text = "Žal “ok”";
/// let idx = CharIndex::new(text);
/// assert_eq!(idx.char_offset(0), 0);
/// assert_eq!(idx.char_offset(2), 1); // 'Ž' is two bytes
/// assert_eq!(idx.char_offset(text.len()), 8);
/// assert_eq!(idx.byte_offset(1), Some(2));
/// ```
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// For each non-ASCII character: (byte offset just past it, cumulative
    /// number of extra bytes up to and including it).
    marks: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    /// Index `text`. Costs one pass over the bytes.
    pub fn new(text: &str) -> CharIndex {
        let mut marks = Vec::new();
        let mut extra = 0usize;
        if !text.is_ascii() {
            for (i, c) in text.char_indices() {
                let l = c.len_utf8();
                if l > 1 {
                    extra += l - 1;
                    marks.push((i + l, extra));
                }
            }
        }
        CharIndex {
            marks,
            len_bytes: text.len(),
        }
    }

    /// Character offset of byte offset `byte` (which should be a char boundary;
    /// offsets inside a character map to that character's end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // number of marks with end <= byte
        let n = self.marks.partition_point(|&(end, _)| end <= byte);
        let extra = if n == 0 { 0 } else { self.marks[n - 1].1 };
        byte - extra
    }

    /// Character offsets `(start, end)` of a byte span.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }

    /// Byte offset of character offset `ch`, or `None` past the end.
    pub fn byte_offset(&self, ch: usize) -> Option<usize> {
        // Find the smallest byte b with char_offset(b) == ch on a boundary.
        // Marks are monotone in char offset too: char_after(mark) = end - extra.
        let n = self
            .marks
            .partition_point(|&(end, extra)| end - extra <= ch);
        let extra = if n == 0 { 0 } else { self.marks[n - 1].1 };
        let b = ch + extra;
        (b <= self.len_bytes).then_some(b)
    }

    /// Total number of characters.
    pub fn char_len(&self) -> usize {
        self.char_offset(self.len_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_roundtrip() {
        let text = "a“b”c — Ž😀x";
        let idx = CharIndex::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(bi), ci);
            assert_eq!(idx.byte_offset(ci), Some(bi));
        }
        assert_eq!(idx.char_len(), text.chars().count());
        assert_eq!(idx.byte_offset(text.chars().count()), Some(text.len()));
        assert_eq!(idx.byte_offset(text.chars().count() + 1), None);
    }

    #[test]
    fn trim_handles_unicode() {
        let text = "\u{a0} “x” \u{2003}";
        let s = Span::new(0, text.len()).trim(text);
        assert_eq!(s.slice(text), Some("“x”"));
    }
}
