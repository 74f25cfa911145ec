//! Quote marks: classify each quote character as opening or closing from its
//! glyph and its neighbours, and pair them into quoted spans.
//!
//! Double marks (`“ ” " „ « » ‟`) are paired first, across paragraphs when the
//! news convention applies (a paragraph ending inside a quote and the next
//! paragraph re-opening it continues the same quote). Single marks (`‘ ’ ' ‚ ‹ ›`)
//! are then paired outside double quotes, skipping apostrophes (`We’re`,
//! `Russia’s`, `rock 'n' roll`, `the '90s`). A mark that never closes ends its
//! quote at the end of its paragraph, flagged as unclosed, so that one stray
//! mark never swallows the rest of the document. Nothing in the text is
//! rewritten: every span points at the original bytes.

use crate::scan;
use crate::span::Span;

/// Which family of marks a quote uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkStyle {
    /// `“…”`, `"…"`, `«…»`, `„…“`.
    Double,
    /// `‘…’`, `'…'`.
    Single,
    /// `«…»`, `»…«`, `‹…›`: paired on their own, so that `«… “…” …»` nests.
    Guillemet,
}

/// A stretch of text between quote marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quote is never closed in its paragraph.
    pub close: Option<Span>,
    /// The text between the marks (bytes), trimmed of whitespace.
    pub content: Span,
    /// Double or single marks.
    pub style: MarkStyle,
    /// True when the quote runs over more than one paragraph.
    pub multi_paragraph: bool,
}

impl Quoted {
    /// The span from the opening mark to the closing mark (or content end).
    pub fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.content.end, |c| c.end),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

fn is_double(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '„' | '«' | '»' | '‟' | '〝' | '〞' | '＂'
    )
}

fn is_single(c: char) -> bool {
    matches!(c, '‘' | '’' | '\'' | '‚' | '‹' | '›' | '‛')
}

/// True for any quote mark quotecheck recognises.
pub fn is_quote_mark(c: char) -> bool {
    is_double(c) || is_single(c)
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '\u{2026}'
    ) || is_quote_mark(c)
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/'
    ) || is_quote_mark(c)
}

/// Decide the role of the mark `c` given its neighbours.
fn role(prev: Option<char>, c: char, next: Option<char>) -> Role {
    let left_flank = next.is_some_and(|n| !n.is_whitespace())
        && prev.is_none_or(|p| p.is_whitespace() || is_open_punct(p));
    let right_flank = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || is_close_punct(n));
    let glyph = match c {
        '“' | '„' | '«' | '‟' | '〝' | '‘' | '‚' | '‹' | '‛' => Role::Open,
        '”' | '»' | '〞' | '’' | '›' => Role::Close,
        _ => Role::Either,
    };
    match (left_flank, right_flank) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => glyph,
    }
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    role: Role,
}

fn is_guillemet(c: char) -> bool {
    matches!(c, '«' | '»' | '‹' | '›')
}

/// Byte offsets (within the paragraph) and characters of every quote mark
/// candidate in `p`, found in one pass over the bytes: only `"`, `'` and
/// characters whose UTF-8 starts with 0xC2, 0xE2, 0xE3 or 0xEF can be marks.
fn mark_candidates(p: &str, out: &mut Vec<(usize, char)>) {
    let bytes = p.as_bytes();
    let mut i = 0usize;
    // Eight bytes at a time while none is `"`, `'` or non-ASCII.
    let maybe = |x: u64| (x & scan::HIGH) | scan::has_byte(x, b'"') | scan::has_byte(x, b'\'');
    while let Some(k) = scan::position_from(bytes, i, &MARK_LEAD, maybe) {
        i = k;
        let b = bytes[i];
        if b == b'"' || b == b'\'' {
            out.push((i, b as char));
        } else if let Some(c) = p.get(i..).and_then(|r| r.chars().next()) {
            if is_quote_mark(c) {
                out.push((i, c));
            }
        }
        i += 1;
    }
}

/// The mark candidates of every paragraph, in one buffer.
struct Candidates {
    marks: Vec<(usize, char)>,
    /// Paragraph `i` owns `marks[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
}

impl Candidates {
    fn new(text: &str, paragraphs: &[Span]) -> Candidates {
        let mut marks = Vec::new();
        let mut starts = Vec::with_capacity(paragraphs.len() + 1);
        for p in paragraphs {
            starts.push(marks.len());
            if let Some(s) = p.slice(text) {
                mark_candidates(s, &mut marks);
            }
        }
        starts.push(marks.len());
        Candidates { marks, starts }
    }

    fn of(&self, paragraph: usize) -> &[(usize, char)] {
        match (self.starts.get(paragraph), self.starts.get(paragraph + 1)) {
            (Some(&a), Some(&b)) => &self.marks[a..b],
            _ => &[],
        }
    }
}

/// Bytes that can start a quote mark: `"`, `'`, and the UTF-8 lead bytes
/// 0xC2, 0xE2, 0xE3 and 0xEF.
static MARK_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// Collect the marks of one family inside `para` from its candidates,
/// skipping positions covered by `skip` (sorted, disjoint spans).
fn collect(
    text: &str,
    para: Span,
    cands: &[(usize, char)],
    style: MarkStyle,
    skip: &[Span],
    out: &mut Vec<Mark>,
) {
    out.clear();
    let single = style == MarkStyle::Single;
    let Some(p) = para.slice(text) else {
        return;
    };
    // (The first skipped span that may cover this paragraph, by binary
    // search: starting from 0 for every paragraph made long documents
    // quadratic.)
    let mut k = skip.partition_point(|s| s.end <= para.start);
    let mut ci = 0usize;
    while ci < cands.len() {
        let (i, c) = cands[ci];
        ci += 1;
        let len = c.len_utf8();
        let is_candidate = match style {
            MarkStyle::Single => is_single(c) && !is_guillemet(c),
            MarkStyle::Double => is_double(c) && !is_guillemet(c) || c == '\'',
            MarkStyle::Guillemet => is_guillemet(c),
        };
        if !is_candidate {
            continue;
        }
        let prev = p[..i].chars().next_back();
        let next = p[i + len..].chars().next();
        // `''` (two apostrophes) is a double mark in some newspaper archives.
        if c == '\'' && (next == Some('\'') || prev == Some('\'')) {
            if style == MarkStyle::Double && next == Some('\'') {
                let at = para.start + i;
                let after = p[i + 2..].chars().next();
                out.push(Mark {
                    span: Span::new(at, at + 2),
                    role: role(prev, '"', after),
                });
                ci += 1; // the second apostrophe
            }
            continue;
        }
        if style != MarkStyle::Single && c == '\'' {
            continue;
        }
        // `he’s like 6’2”`: an inch mark after feet, not a quote mark.
        if style == MarkStyle::Double && matches!(c, '”' | '"') && inch_mark(&p[..i]) {
            continue;
        }
        let at = para.start + i;
        while k < skip.len() && skip[k].end <= at {
            k += 1;
        }
        let skipped = k < skip.len() && skip[k].start <= at;
        if !skipped {
            let r = if single {
                single_role(prev, c, next, &p[i..])
            } else {
                Some(role(prev, c, next))
            };
            if let Some(r) = r {
                out.push(Mark {
                    span: Span::new(at, at + len),
                    role: r,
                });
            }
        }
    }
}

/// Does `before` end in a height in feet and inches (`6’2`, `5'11`), so
/// that a double mark right after it is an inch mark?
fn inch_mark(before: &str) -> bool {
    // Inches (one or two digits), the feet mark, the feet, what precedes.
    let rev: Vec<char> = before.chars().rev().take(5).collect();
    let inches = rev.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&inches)
        && rev
            .get(inches)
            .is_some_and(|&c| matches!(c, '’' | '\'' | '′'))
        && rev.get(inches + 1).is_some_and(char::is_ascii_digit)
        && rev.get(inches + 2).is_none_or(|c| !c.is_alphanumeric())
}

/// Role of a single mark, or `None` when it is an apostrophe.
fn single_role(prev: Option<char>, c: char, next: Option<char>, rest: &str) -> Option<Role> {
    let p_alnum = prev.is_some_and(char::is_alphanumeric);
    let n_alnum = next.is_some_and(char::is_alphanumeric);
    if p_alnum && n_alnum {
        return None; // We’re, Russia’s, O'Brien
    }
    if matches!(c, '’' | '\'') && !p_alnum && next.is_some_and(|n| n.is_ascii_digit()) {
        return None; // the '90s
    }
    if matches!(c, '’' | '\'') && !p_alnum {
        // Elisions: 'em, 'til, 'cause, 'n'.
        let tail = &rest[c.len_utf8()..];
        let word: String = tail.chars().take_while(|ch| ch.is_alphabetic()).collect();
        let lower = word.to_lowercase();
        let after = tail[word.len()..].chars().next();
        if matches!(
            lower.as_str(),
            "em" | "til" | "cause" | "tis" | "twas" | "bout" | "n"
        ) && after.is_none_or(|a| a.is_whitespace() || a == '\'' || a == '’')
        {
            return None;
        }
    }
    match role(prev, c, next) {
        Role::Open => Some(Role::Open),
        Role::Close => {
            // `players’ union`: a closer after `s` followed by a lowercase word is
            // probably a plural possessive; keep it but as Either so a better
            // closer later wins.
            Some(Role::Close)
        }
        Role::Either => Some(Role::Either),
    }
}

/// Pair marks of one family across the given paragraphs.
fn pair(
    text: &str,
    paragraphs: &[Span],
    cands: &Candidates,
    style: MarkStyle,
    skip: &[Span],
    out: &mut Vec<Quoted>,
) {
    let single = style == MarkStyle::Single;
    // An open quote carried over from the previous paragraph: (open mark, first paragraph index).
    let mut carried: Option<Mark> = None;
    let mut marks = Vec::new();
    for (pi, &para) in paragraphs.iter().enumerate() {
        collect(text, para, cands.of(pi), style, skip, &mut marks);
        let mut open: Option<Mark> = None;
        let mut multi = false;
        let mut idx = 0;
        if let Some(c) = carried.take() {
            // The paragraph re-opens the carried quote with its first mark.
            if let Some(first) = marks.first() {
                if first.span.start == para.start && first.role != Role::Close {
                    open = Some(c);
                    multi = true;
                    idx = 1;
                }
            }
        }
        while idx < marks.len() {
            let m = marks[idx];
            idx += 1;
            match (open, m.role) {
                (None, Role::Open) | (None, Role::Either) => open = Some(m),
                (None, Role::Close) => {} // stray closer
                (Some(o), Role::Close) | (Some(o), Role::Either) => {
                    if single && m.role == Role::Either && !closes_single(text, m) {
                        continue;
                    }
                    push(text, o, Some(m), style, multi, out);
                    open = None;
                    multi = false;
                }
                (Some(o), Role::Open) => {
                    if single {
                        continue; // nested opener inside a single quote: ignore
                    }
                    // The previous quote never closed: end it before this opener.
                    push_unclosed(text, o, m.span.start, style, multi, out);
                    open = Some(m);
                    multi = false;
                }
            }
        }
        if let Some(o) = open {
            // Carry over when the next paragraph re-opens with a mark.
            let next_reopens = paragraphs.get(pi + 1).is_some_and(|np| {
                np.slice(text)
                    .and_then(|s| s.chars().next())
                    .is_some_and(|c| match style {
                        MarkStyle::Single => matches!(c, '‘' | '\'' | '‚'),
                        MarkStyle::Double => matches!(c, '“' | '"' | '„'),
                        MarkStyle::Guillemet => matches!(c, '«' | '»' | '‹'),
                    })
            });
            if next_reopens && o.span.start < para.end {
                // Emit nothing yet; the quote continues.
                carried = Some(o);
                // remember that content so far ends here
            } else {
                push_unclosed(text, o, para.end, style, multi, out);
            }
        }
    }
    if let Some(o) = carried {
        push_unclosed(text, o, text.len(), style, true, out);
    }
}

/// A straight `'` of ambiguous role closes a single quote only when it is not
/// followed by a letter.
fn closes_single(text: &str, m: Mark) -> bool {
    text[m.span.end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn push(
    text: &str,
    open: Mark,
    close: Option<Mark>,
    style: MarkStyle,
    multi: bool,
    out: &mut Vec<Quoted>,
) {
    let end = close.map_or(open.span.end, |c| c.span.start);
    let content = Span::new(open.span.end, end).trim(text);
    if content.is_empty() {
        return;
    }
    out.push(Quoted {
        open: open.span,
        close: close.map(|c| c.span),
        content,
        style,
        multi_paragraph: multi,
    });
}

fn push_unclosed(
    text: &str,
    open: Mark,
    end: usize,
    style: MarkStyle,
    multi: bool,
    out: &mut Vec<Quoted>,
) {
    let content = Span::new(open.span.end, end).trim(text);
    if content.is_empty() {
        return;
    }
    out.push(Quoted {
        open: open.span,
        close: None,
        content,
        style,
        multi_paragraph: multi,
    });
}

/// Find quoted spans in the given paragraphs of `text`.
///
/// Returns spans sorted by start; nested quotes are removed (only the
/// outermost quote of a nest is kept).
pub fn find_quoted(text: &str, paragraphs: &[Span]) -> Vec<Quoted> {
    let cands = Candidates::new(text, paragraphs);
    let mut doubles = Vec::new();
    pair(
        text,
        paragraphs,
        &cands,
        MarkStyle::Double,
        &[],
        &mut doubles,
    );
    pair(
        text,
        paragraphs,
        &cands,
        MarkStyle::Guillemet,
        &[],
        &mut doubles,
    );
    doubles.sort_by_key(|q| q.open.start);
    let skip: Vec<Span> = doubles
        .iter()
        .filter(|q| q.close.is_some())
        .map(Quoted::outer)
        .collect();
    let mut singles = Vec::new();
    pair(
        text,
        paragraphs,
        &cands,
        MarkStyle::Single,
        &merge(skip),
        &mut singles,
    );
    // Singles whose content is a single character are elisions (`'n'`).
    singles.retain(|q| {
        q.close.is_some()
            && q.content.slice(text).is_some_and(|s| s.chars().count() > 1)
            && !is_nickname(text, q)
    });
    // Nicknames inside a name (`Harold "Hal" Bishop`) are not quotes.
    doubles.retain(|q| !is_nickname(text, q));
    let mut all = doubles;
    all.extend(singles);
    all.sort_by(|a, b| {
        a.open
            .start
            .cmp(&b.open.start)
            .then(b.outer().end.cmp(&a.outer().end))
    });
    // Drop quotes nested inside (or overlapping) an earlier kept quote.
    let mut kept: Vec<Quoted> = Vec::with_capacity(all.len());
    for q in all {
        if let Some(last) = kept.last() {
            if q.open.start < last.outer().end {
                continue;
            }
        }
        kept.push(q);
    }
    kept
}

fn is_nickname(text: &str, q: &Quoted) -> bool {
    let Some(close) = q.close else { return false };
    let content = q.content.slice(text).unwrap_or_default();
    if !content.chars().next().is_some_and(char::is_uppercase)
        || content.split_whitespace().nth(2).is_some()
    {
        return false;
    }
    let before = text[..q.open.start].trim_end_matches(' ');
    let after = text[close.end..].trim_start_matches(' ');
    let prev_word_cap = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let next_cap = after.chars().next().is_some_and(char::is_uppercase);
    before.len() < q.open.start && after.len() < text.len() - close.end && prev_word_cap && next_cap
}

fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    fn quoted(text: &str) -> Vec<(String, bool)> {
        find_quoted(text, &paragraphs(text))
            .iter()
            .map(|q| {
                (
                    q.content.slice(text).unwrap_or("<bad>").to_string(),
                    q.close.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            quoted("He said \"yes\" and “no”."),
            [("yes".into(), true), ("no".into(), true)]
        );
    }

    #[test]
    fn guillemets_and_german() {
        assert_eq!(
            quoted("«Oui», dit-il. „Ja“, sagte er."),
            [("Oui".into(), true), ("Ja".into(), true)]
        );
    }

    #[test]
    fn multi_paragraph_news_convention() {
        let text = "“First part.\n“Second part.\n“Third,” she said.";
        let q = find_quoted(text, &paragraphs(text));
        assert_eq!(q.len(), 1);
        assert!(q[0].multi_paragraph);
        assert_eq!(
            q[0].content.slice(text),
            Some("First part.\n“Second part.\n“Third,")
        );
    }

    #[test]
    fn unbalanced_stays_in_paragraph() {
        let text = "He said “this never closes.\nNext paragraph is plain. So is “this one”.";
        assert_eq!(
            quoted(text),
            [
                ("this never closes.".into(), false),
                ("this one".into(), true)
            ]
        );
    }

    #[test]
    fn guillemets_around_curly_quotes_nest() {
        assert_eq!(
            quoted("«When he told me “take it or leave it”, I left,» said Aebischer."),
            [(
                "When he told me “take it or leave it”, I left,".into(),
                true
            )]
        );
    }

    #[test]
    fn nested_keeps_outer() {
        assert_eq!(
            quoted("“He told me, ‘Leave now,’ and I did,” she said."),
            [("He told me, ‘Leave now,’ and I did,".into(), true)]
        );
        assert_eq!(
            quoted("‘He told me “go”,’ she said."),
            [("He told me “go”,".into(), true)]
        );
    }

    #[test]
    fn an_inch_mark_is_no_quote_mark() {
        let q = quoted(
            "“I admit, he’s taller than me; he’s like 6’2”,” Rubio said. “He is 5'11\" at most.”",
        );
        assert_eq!(
            q,
            [
                (
                    "I admit, he’s taller than me; he’s like 6’2”,".to_string(),
                    true
                ),
                ("He is 5'11\" at most.".to_string(), true)
            ]
        );
        // A quote that ends after a year or a score still closes.
        let q = quoted("He said “it was 2016” and left. “We won 3-2” she said.");
        assert_eq!(q.len(), 2, "{q:?}");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("We’re in Russia’s '90s with rock 'n' roll and O'Brien's dog.").is_empty());
    }
}

/// The examples that documented this module's items when it was public.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod examples {
    #[test]
    fn is_quote_mark() {
        use crate::marks::is_quote_mark;
        assert!(is_quote_mark('«') && is_quote_mark('\'') && !is_quote_mark('a'));
    }

    #[test]
    fn find_quoted() {
        use crate::{marks::find_quoted, segment::paragraphs};
        let text = "“We’re ready,” she said. He called it ‘a disgrace’ and rock 'n' roll.";
        let q: Vec<&str> = find_quoted(text, &paragraphs(text))
            .iter()
            .map(|q| q.content.slice(text).unwrap())
            .collect();
        assert_eq!(q, ["We’re ready,", "a disgrace"]);
    }
}
