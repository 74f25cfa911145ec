//! Stray `"` in CSV input: what gives away a quoted field that a stray
//! quote opened. Either nothing closes it (it runs to the end of the file,
//! [`unclosed`]), or a later `"` does, and the rows in between are merged
//! into one field of one row ([`merged`]). The CSV parser accepts both
//! silently; the reader fails the row instead (`crates/cli/src/input/csv_file.rs`).

/// Whether the raw bytes of a CSV row end inside a quoted field (what the
/// parser does at the end of the file when a `"` is never closed): the row
/// spans several lines, and the last quoted field has no closing `"`.
/// (`""` inside a field is an escaped quote; a `"` that does not open a
/// field is literal.)
pub fn unclosed(row: &[u8]) -> bool {
    let body = row.trim_ascii_end();
    if !body.iter().any(|&b| b == b'\n' || b == b'\r') {
        return false;
    }
    let (mut quoted, mut field_start, mut i) = (false, true, 0);
    while i < body.len() {
        let b = body[i];
        if quoted {
            if b == b'"' {
                if body.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if field_start && b == b'"' {
            quoted = true;
            field_start = false;
        } else {
            field_start = matches!(b, b',' | b'\n' | b'\r');
        }
        i += 1;
    }
    quoted
}

/// The columns of the header, as the reader found them.
#[derive(Debug, Clone, Copy)]
pub struct Columns<'a> {
    /// How many columns the header has.
    pub count: usize,
    /// The id column, if any.
    pub id: Option<usize>,
    /// The text column.
    pub text: usize,
    /// This row's own id (trimmed; empty when there is no id column).
    pub own_id: &'a [u8],
}

/// Evidence that a quoted field spanning several lines swallowed rows.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Lines (counted from the row's first line, 0) inside the field that
    /// read as complete rows of the header's shape.
    pub row_like: Vec<usize>,
    /// The line (from the row's first, 0) where text follows the closing
    /// `"` of a multi-line field (a well-formed field ends at a comma or
    /// the end of the line).
    pub text_after_close: Option<usize>,
    /// Line breaks inside the row's quoted fields.
    pub lines: usize,
}

impl Merged {
    /// Whether the evidence is strong enough to fail the row: text after
    /// the closing quote of a multi-line field, or two lines inside it
    /// that read as rows. (One row-like line alone is not enough: a
    /// paragraph starting `3,000 people…` reads as a row of `id,text`.)
    pub fn is_merged(&self) -> bool {
        self.text_after_close.is_some() || self.row_like.len() >= 2
    }

    /// What the reader says about the row that starts at `line` of the file.
    pub fn message(&self, line: usize) -> String {
        let mut evidence = Vec::new();
        if let Some(&first) = self.row_like.first() {
            evidence.push(format!(
                "{} line(s) inside it read as rows of their own (the first at line {})",
                self.row_like.len(),
                line + first
            ));
        }
        if let Some(l) = self.text_after_close {
            evidence.push(format!(
                "text follows its closing `\"` at line {}",
                line + l
            ));
        }
        format!(
            "a quoted field opened in this row runs over {} lines (to line {}) and looks like \
             several rows merged by a stray `\"`: {}; the row is skipped",
            self.lines + 1,
            line + self.lines,
            evidence.join(", ")
        )
    }
}

/// Scan the raw bytes of one CSV row (comma-separated, as the reader
/// parses them) for rows merged into a quoted field. Returns `None` when
/// no quoted field spans lines.
pub fn merged(row: &[u8], cols: Columns<'_>) -> Option<Merged> {
    let row = row.trim_ascii_end();
    let mut m = Merged::default();
    let mut multi = false;
    let mut i = 0;
    let mut field_start = true;
    while i < row.len() {
        if !(field_start && row[i] == b'"') {
            field_start = row[i] == b',';
            i += 1;
            continue;
        }
        // A quoted field: segments after each line break are checked for
        // the shape of a row, up to the next break or the closing quote.
        i += 1;
        let mut segment: Option<usize> = None;
        let mut spans = false;
        while i < row.len() {
            match row[i] {
                b'"' if row.get(i + 1) == Some(&b'"') => i += 2,
                b'"' => {
                    if let Some(s) = segment {
                        if row_like(&row[s..i], cols) {
                            m.row_like.push(m.lines);
                        }
                    }
                    i += 1;
                    if spans && !matches!(row.get(i), None | Some(b',' | b'\r' | b'\n')) {
                        m.text_after_close.get_or_insert(m.lines);
                    }
                    break;
                }
                b'\r' | b'\n' => {
                    if let Some(s) = segment {
                        if row_like(&row[s..i], cols) {
                            m.row_like.push(m.lines);
                        }
                    }
                    if row[i] == b'\r' && row.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    i += 1;
                    m.lines += 1;
                    spans = true;
                    segment = Some(i);
                }
                _ => i += 1,
            }
        }
        multi |= spans;
        field_start = false;
    }
    multi.then_some(m)
}

/// Whether one line inside a quoted field reads as a complete row: split
/// at commas it has the header's number of fields (at least two), and its
/// id looks like the row's own (the same shape once digit runs are set
/// aside: `17` like `3`, `doc-9` like `doc-12`) or, without an id column,
/// every field but the text is a short token without spaces.
fn row_like(line: &[u8], cols: Columns<'_>) -> bool {
    if cols.count < 2 {
        return false;
    }
    let fields: Vec<&[u8]> = line.split(|&b| b == b',').collect();
    if fields.len() != cols.count {
        return false;
    }
    let token = |f: &[u8]| {
        let f = f.trim_ascii();
        !f.is_empty() && f.len() <= 64 && !f.iter().any(u8::is_ascii_whitespace)
    };
    match cols.id {
        Some(id) => {
            let f = fields[id].trim_ascii();
            token(f)
                && if cols.own_id.is_empty() {
                    f.iter().any(u8::is_ascii_digit)
                } else {
                    shape(f) == shape(cols.own_id)
                }
        }
        None => fields
            .iter()
            .enumerate()
            .all(|(i, f)| i == cols.text || token(f)),
    }
}

/// An id with each run of ASCII digits replaced by one `#`.
fn shape(id: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(id.len());
    for &b in id {
        if !b.is_ascii_digit() {
            out.push(b);
        } else if out.last() != Some(&b'#') {
            out.push(b'#');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(own_id: &[u8]) -> Columns<'_> {
        Columns {
            count: 2,
            id: Some(0),
            text: 1,
            own_id,
        }
    }

    #[test]
    fn rows_merged_by_a_stray_quote_are_seen() {
        // Rows 2 and 3 swallowed; row 4's opening quote closes the field.
        let row = b"1,\"He said hello\n2,Plain text\n3,More text\n4,\"Quoted\" text\n";
        let m = merged(row, cols(b"1")).expect("multi-line");
        assert_eq!(m.row_like, vec![1, 2, 3]);
        assert_eq!(m.text_after_close, Some(3));
        assert!(m.is_merged());
        assert!(m.message(2).contains("runs over 4 lines (to line 5)"));
        // CRLF and CR count one line each.
        let crlf = merged(b"1,\"a\r\n2,b\r\n3,c\"\r\n", cols(b"1")).expect("multi");
        let cr = merged(b"1,\"a\r2,b\r3,c\"\r", cols(b"1")).expect("multi");
        assert_eq!((crlf.row_like.clone(), crlf.lines), (vec![1, 2], 2));
        assert_eq!(crlf, cr);
        assert!(cr.is_merged());
    }

    #[test]
    fn well_formed_multi_line_fields_are_not_flagged() {
        let row =
            b"7,\"First paragraph, with a comma.\n\n3,000 people came.\nThey said \"\"no\"\".\"\n";
        let m = merged(row, cols(b"7")).expect("multi-line");
        assert_eq!(m.row_like, vec![2]);
        assert_eq!(m.text_after_close, None);
        assert!(!m.is_merged());
        assert_eq!(merged(b"1,\"one line\"\n", cols(b"1")), None);
        // Ids of another shape do not read as rows.
        let m = merged(b"doc-1,\"a\nYesterday, b\nToday, c\"\n", cols(b"doc-1")).expect("multi");
        assert!(m.row_like.is_empty());
        assert!(!m.is_merged());
        // Without an id column, the other fields must be short tokens.
        let no_id = Columns {
            count: 2,
            id: None,
            text: 0,
            own_id: b"",
        };
        let m = merged(b"\"a\nYesterday, the mayor\nThen, he\"\n", no_id).expect("multi");
        assert!(!m.is_merged());
        let m = merged(b"\"a\nb,2024-01-01\nc,2024-01-02\"\n", no_id).expect("multi");
        assert!(m.is_merged());
    }

    #[test]
    fn unclosed_fields() {
        assert!(unclosed(b"\"a\nb\nc\n"));
        assert!(!unclosed(b"\"a\nb\"\n"));
        assert!(!unclosed(b"a \"b\n"));
        // Closed by a later row's opening quote; the last `"` is literal.
        assert!(!unclosed(b"1,\"a\n2,b\n4,\"c\"\n"));
    }
}
