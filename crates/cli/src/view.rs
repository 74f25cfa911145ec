//! The analysis view of a text: what the engine reads, byte for byte as long
//! as the original, so that every span it finds slices the original text at
//! the same offsets (and on the same character boundaries).
//!
//! The view differs from the original only in ASCII bytes replaced by ASCII
//! bytes:
//!
//! - NUL → space (a NUL separates words, as a space does);
//! - the `\r` of a CRLF → space, a lone `\r` (old Mac line ends) → `\n`, so
//!   CR, CRLF and LF texts give the same paragraphs;
//! - in a hard-wrapped text (wire feeds, e-mail, PDF exports: lines of at
//!   most 60–100 columns), a line break inside a paragraph → space.
//!
//! # Telling a wrapped line from a paragraph
//!
//! A text is hard-wrapped when it has at least [`MIN_LINES`] non-blank lines,
//! 95% of them are at most `W` characters long, `W` between [`MIN_WIDTH`]
//! and [`MAX_WIDTH`], and at least half
//! of them are "full" (at least three quarters of the wrap width `W`, the
//! 95th percentile of line lengths). In such a text a line break is kept as
//! a paragraph break when
//!
//! - a blank line is next to it;
//! - the next line is indented more than the text's usual indentation, or
//!   starts a list item (`* `, `• `, `· `);
//! - the next line's first word would have fitted on the line (`len + 1 +
//!   word <= W`): a wrapping editor would have put it there, so the break
//!   was the author's.
//!
//! Every other line break of a wrapped text joins two lines of a paragraph.
//! Texts with one paragraph per line (scraped news) have long lines and are
//! never unwrapped.

use std::borrow::Cow;

use quotecheck_core::{analyze as engine, Analysis, Document};

/// Fewer non-blank lines than this are never treated as hard-wrapped.
pub const MIN_LINES: usize = 6;
/// Wrap widths above this many characters are not hard wrapping.
pub const MAX_WIDTH: usize = 132;
/// Wrap widths below this many characters are not hard wrapping (lists of
/// short lines: headline, byline, dateline).
pub const MIN_WIDTH: usize = 30;

/// Analyse a document through its analysis view. Spans point into
/// `doc.text` as they do into the view: build records from `doc`.
pub fn analyze(doc: &Document) -> Analysis {
    match analysis_view(&doc.text) {
        Cow::Borrowed(_) => engine(doc),
        Cow::Owned(text) => engine(&Document {
            id: doc.id.clone(),
            text,
        }),
    }
}

/// The analysis view of `text` (borrowed when it is the text itself).
///
/// ```
/// use quotecheck::view::analysis_view;
/// assert_eq!(analysis_view("a\r\nb\rc\0d"), "a \nb\nc d");
/// let wrapped = "The mayor said the bridge over the river would reopen on\n\
///                Monday after three weeks of repairs and inspections by the\n\
///                city. Residents were relieved, she told reporters at a news\n\
///                conference on Friday afternoon in the hall, adding that the\n\
///                detour signs would come down as soon as the last crews had\n\
///                cleared the site.\n\
///                \n\
///                Short paragraph.\n";
/// let view = analysis_view(wrapped);
/// assert_eq!(view.len(), wrapped.len());
/// assert_eq!(view.lines().filter(|l| !l.is_empty()).count(), 2);
/// ```
pub fn analysis_view(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let odd = bytes.iter().any(|&b| b == b'\r' || b == 0);
    let mut view: Option<Vec<u8>> = None;
    if odd {
        let mut v = bytes.to_vec();
        for i in 0..v.len() {
            match v[i] {
                0 => v[i] = b' ',
                b'\r' if v.get(i + 1) == Some(&b'\n') => v[i] = b' ',
                b'\r' => v[i] = b'\n',
                _ => {}
            }
        }
        view = Some(v);
    }
    let joins = wrapped_breaks(view.as_deref().unwrap_or(bytes));
    if !joins.is_empty() {
        let v = view.get_or_insert_with(|| bytes.to_vec());
        for at in joins {
            v[at] = b' ';
        }
    }
    match view {
        // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
        Some(v) => Cow::Owned(String::from_utf8(v).unwrap_or_else(|_| text.to_string())),
        None => Cow::Borrowed(text),
    }
}

/// One line of the text (without its `\n`).
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Byte offset of the `\n` that ends it (the text length for the last).
    end: usize,
    /// Length in characters, trailing whitespace excluded.
    chars: usize,
    /// Leading spaces and tabs, in characters.
    indent: usize,
    /// Characters of its first word (0 for a blank line).
    first_word: usize,
    /// Starts a list item.
    bullet: bool,
}

impl Line {
    fn blank(&self) -> bool {
        self.chars == 0
    }
}

fn lines(bytes: &[u8]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0usize;
    while start <= bytes.len() {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        out.push(line(&bytes[start..end], end));
        start = end + 1;
    }
    out
}

fn line(raw: &[u8], end: usize) -> Line {
    let s = String::from_utf8_lossy(raw);
    let trimmed = s.trim_end();
    let chars = trimmed.chars().count();
    let body = trimmed.trim_start_matches([' ', '\t']);
    let indent = chars - body.chars().count();
    // Wrapping breaks at spaces and tabs, never at a no-break space.
    let first_word = body
        .split([' ', '\t'])
        .find(|w| !w.is_empty())
        .map_or(0, |w| w.chars().count());
    // Not `- `: a dash wrapped to the start of a line looks the same.
    let bullet = ["* ", "• ", "· "].iter().any(|b| body.starts_with(b));
    Line {
        end,
        chars,
        indent,
        first_word,
        bullet,
    }
}

/// Byte offsets of the `\n`s that wrap a paragraph (none when the text is
/// not hard-wrapped).
fn wrapped_breaks(bytes: &[u8]) -> Vec<usize> {
    // A cheap first look: texts whose lines are long are not wrapped.
    let mut long = 0usize;
    let mut count = 0usize;
    let mut last = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            count += 1;
            if i - last > MAX_WIDTH * 4 {
                long += 1;
            }
            last = i + 1;
        }
    }
    if count + 1 < MIN_LINES || long * 20 > count + 1 {
        return Vec::new();
    }
    let lines = lines(bytes);
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| !l.blank())
        .map(|l| l.chars)
        .collect();
    if lens.len() < MIN_LINES {
        return Vec::new();
    }
    lens.sort_unstable();
    let width = lens[(lens.len() - 1) * 95 / 100];
    let full = lens.iter().filter(|&&l| l * 4 >= width * 3).count();
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&width) || full * 2 < lens.len() {
        return Vec::new();
    }
    let base_indent = usual_indent(&lines);
    lines
        .windows(2)
        .filter(|w| {
            let (this, next) = (w[0], w[1]);
            !(this.blank()
                || next.blank()
                || next.indent > base_indent
                || next.bullet
                || this.chars + 1 + next.first_word <= width)
        })
        .map(|w| w[0].end)
        .collect()
}

/// The most common indentation of non-blank lines.
fn usual_indent(lines: &[Line]) -> usize {
    let mut counts = [0usize; 9];
    for l in lines.iter().filter(|l| !l.blank()) {
        counts[l.indent.min(8)] += 1;
    }
    (0..counts.len())
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "Mayor Ana Ruiz said the bridge over the river would reopen on Monday after three weeks of repairs. \u{201C}It is safe, and we have checked every bolt twice,\u{201D} Ruiz told reporters at city hall on Friday.";

    /// `text` wrapped greedily at `width` by turning spaces into `\n`.
    fn wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut col = 0usize;
        for (i, word) in text.split(' ').enumerate() {
            let w = word.chars().count();
            if i > 0 {
                if col + 1 + w > width {
                    out.push('\n');
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(word);
            col += w;
        }
        out
    }

    #[test]
    fn line_endings_and_nul() {
        assert_eq!(analysis_view("a\r\nb\rc\0d\r"), "a \nb\nc d\n");
        assert!(matches!(analysis_view("plain\ntext"), Cow::Borrowed(_)));
    }

    #[test]
    fn wrapped_paragraphs_are_joined() {
        for width in [35, 60, 72, 80] {
            let text = format!("{}\n\n{}\n", wrap(PARA, width), wrap(PARA, width));
            let view = analysis_view(&text);
            let expected = format!("{PARA}\n\n{PARA}\n");
            assert_eq!(view, expected, "width {width}");
            // CRLF: a joined line break becomes two spaces.
            let crlf = text.replace('\n', "\r\n");
            let view = analysis_view(&crlf);
            assert_eq!(view.len(), crlf.len());
            let paras: Vec<String> = view
                .split(" \n")
                .map(|p| {
                    p.split(' ')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            assert_eq!(paras, [PARA, "", PARA, ""], "CRLF width {width}");
        }
    }

    #[test]
    fn paragraphs_without_blank_lines() {
        // Paragraph ends are short lines; indented first lines also count.
        let text = format!("{}\nShort last line.\n{}\n", wrap(PARA, 60), wrap(PARA, 60));
        let view = analysis_view(&text);
        assert_eq!(
            view.lines().collect::<Vec<_>>(),
            [PARA, "Short last line.", PARA]
        );
        let indented = format!("  {}\n  {}\n", wrap(PARA, 60), wrap(PARA, 60));
        let view = analysis_view(&indented);
        assert_eq!(view.lines().count(), 2, "{view}");
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        let text = [PARA; 6].join("\n");
        assert!(matches!(analysis_view(&text), Cow::Borrowed(_)));
        let short = "Headline\nBy Staff\nMonday\nFirst line.\nSecond one.";
        assert!(matches!(analysis_view(short), Cow::Borrowed(_)));
        let list = "- one item here\n- another item\n- and a third one\n- fourth";
        assert!(matches!(analysis_view(list), Cow::Borrowed(_)));
    }
}
