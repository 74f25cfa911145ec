//! Span matching: trimming quote marks and punctuation, overlap and IoU,
//! the union IoU that decides whether a gold quote is found.

/// True for the characters [`trim_chars`] removes: whitespace, quote marks
/// (`“ ” " ‘ ’ ' « » „ ‹ ›`) and final punctuation (`. , ; : ! ? …`).
///
/// ```
/// use quotecheck_eval::score::is_trimmed;
/// assert!(is_trimmed('„') && is_trimmed('…') && is_trimmed('\u{a0}'));
/// assert!(!is_trimmed('a') && !is_trimmed('-'));
/// ```
pub fn is_trimmed(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '“' | '”'
                | '"'
                | '‘'
                | '’'
                | '\''
                | '«'
                | '»'
                | '„'
                | '‹'
                | '›'
                | '.'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '…'
        )
}

/// Shrink the code-point span `start..end` of `chars` while its first or last
/// character [`is_trimmed`]. Offsets are clamped to the text first. When
/// nothing would be left, the (clamped) span is returned unchanged so that a
/// span of only punctuation can still be compared.
///
/// ```
/// use quotecheck_eval::score::trim_chars;
/// let chars: Vec<char> = "He said: “Yes, we can.” ".chars().collect();
/// assert_eq!(trim_chars(&chars, 8, 24), (10, 21)); // `Yes, we can`
/// assert_eq!(trim_chars(&chars, 22, 23), (22, 23)); // only `”`: unchanged
/// ```
pub fn trim_chars(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let end = end.min(chars.len());
    let start = start.min(end);
    let (mut s, mut e) = (start, end);
    while s < e && is_trimmed(chars[s]) {
        s += 1;
    }
    while e > s && is_trimmed(chars[e - 1]) {
        e -= 1;
    }
    if s == e {
        (start, end)
    } else {
        (s, e)
    }
}

/// Number of positions shared by two half-open spans.
///
/// ```
/// use quotecheck_eval::score::overlap;
/// assert_eq!(overlap((0, 10), (5, 20)), 5);
/// assert_eq!(overlap((0, 5), (5, 9)), 0);
/// ```
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Intersection over union of two half-open spans (0 when both are empty).
///
/// ```
/// use quotecheck_eval::score::iou;
/// assert_eq!(iou((0, 10), (0, 10)), 1.0);
/// assert_eq!(iou((0, 10), (5, 15)), 5.0 / 15.0);
/// assert_eq!(iou((0, 4), (6, 9)), 0.0);
/// ```
pub fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    union_iou(&[a], b)
}

/// IoU of the union of `spans` with `gold`: the characters of `gold` covered
/// by any span, over the characters covered by `gold` or any span.
///
/// ```
/// use quotecheck_eval::score::union_iou;
/// // A quote split around its attribution: `“A B,” she said, “C D.”`
/// assert_eq!(union_iou(&[(0, 10), (20, 30)], (0, 30)), 20.0 / 30.0);
/// assert_eq!(union_iou(&[(0, 10), (5, 12)], (0, 12)), 1.0);
/// ```
pub fn union_iou(spans: &[(usize, usize)], gold: (usize, usize)) -> f64 {
    let mut sorted: Vec<(usize, usize)> = spans.iter().copied().filter(|s| s.1 > s.0).collect();
    sorted.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for s in sorted {
        match merged.last_mut() {
            Some(last) if s.0 <= last.1 => last.1 = last.1.max(s.1),
            _ => merged.push(s),
        }
    }
    let covered: usize = merged.iter().map(|m| m.1 - m.0).sum();
    let inter: usize = merged.iter().map(|&m| overlap(m, gold)).sum();
    let union = covered + gold.1.saturating_sub(gold.0) - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}
