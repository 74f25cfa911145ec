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

/// The words a content span may open with that the scorer ignores: a
/// leading complementiser (`that`, `whether`, `if`), which annotators
/// include about one time in seven and quotecheck never reports.
pub const COMPLEMENTISERS: [&str; 3] = ["that", "whether", "if"];

/// The span compared by the scorer: [`trim_chars`], then without a leading
/// complementiser ([`COMPLEMENTISERS`], any case, followed by white space)
/// and the white space after it. Applied alike to gold and predicted
/// spans, so that `that the plan works` and `the plan works` are the same
/// content (docs/scoring.md, "Complementisers").
///
/// ```
/// use quotecheck_eval::score::content_chars;
/// let chars: Vec<char> = "He said that the plan works.".chars().collect();
/// assert_eq!(content_chars(&chars, 8, 28), (13, 27)); // `the plan works`
/// assert_eq!(content_chars(&chars, 13, 28), (13, 27));
/// let chars: Vec<char> = "“That is it.”".chars().collect();
/// assert_eq!(content_chars(&chars, 0, 13), (6, 11)); // `is it`
/// let chars: Vec<char> = "thatcher".chars().collect();
/// assert_eq!(content_chars(&chars, 0, 8), (0, 8)); // a word, not `that`
/// ```
pub fn content_chars(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let (s, e) = trim_chars(chars, start, end);
    for w in COMPLEMENTISERS {
        let n = w.chars().count();
        let word = chars.get(s..s + n);
        let opens = word.is_some_and(|word| {
            word.iter()
                .zip(w.chars())
                .all(|(a, b)| a.to_lowercase().eq(std::iter::once(b)))
        });
        if opens && s + n < e && chars[s + n].is_whitespace() {
            let (s2, e2) = trim_chars(chars, s + n, e);
            if s2 < e2 {
                return (s2, e2);
            }
        }
    }
    (s, e)
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
