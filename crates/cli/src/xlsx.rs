//! `report.xlsx`: the report as one workbook an editor opens first, written
//! with `rust_xlsxwriter`.
//!
//! Every sheet is a table of rows of any `Serialize` type: the header is the
//! row type's field names ([`crate::rowcells`]), and a small per-sheet
//! [`SheetSpec`] says which columns an editor reads first (with their width
//! and whether long text wraps), which cells link where, and what to show
//! when there are no rows. Columns the spec does not list follow in declared
//! order, and offsets (`char_*`, `byte_*`, `*_start`, `*_end`) come last.
//!
//! Every sheet has a frozen header row and an autofilter; text cells are
//! neutralised against formulas exactly as in the CSV files
//! ([`crate::output::neutralise`]) and cut at Excel's limit of 32,767
//! characters with a marker ([`cap`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Seek, Write};

use rust_xlsxwriter::{
    utility::row_col_to_cell, Color, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Url, Workbook, Worksheet, XlsxError,
};
use serde::Serialize;

use crate::findings::FINDING_COLUMNS;
use crate::output::neutralise;
use crate::rowcells::{fields, Cell, RowError};

/// One of the columns an editor reads first.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Field name.
    pub name: &'static str,
    /// Width in characters.
    pub width: f64,
    /// Wrap long text in this column.
    pub wrap: bool,
}

/// Shorthand for a [`Column`].
pub const fn col(name: &'static str, width: f64, wrap: bool) -> Column {
    Column { name, width, wrap }
}

/// Where a column's cells link to.
#[derive(Debug, Clone, Copy)]
pub enum LinkTo {
    /// The cell is a web address (`http://…`, `https://…`): link to it.
    Url,
    /// The cell is a key of another sheet: link to the row of that sheet
    /// whose `key` column has the same value.
    Row {
        /// The other sheet's name.
        sheet: &'static str,
        /// The key column of the other sheet.
        key: &'static str,
    },
}

/// How one sheet is laid out.
#[derive(Debug, Clone, Copy)]
pub struct SheetSpec {
    /// Sheet name.
    pub name: &'static str,
    /// The editor's columns, first and in this order (those the rows have).
    pub first: &'static [Column],
    /// Further columns to put at the end, with the offsets.
    pub last: &'static [&'static str],
    /// Links: `(column, target)`.
    pub links: &'static [(&'static str, LinkTo)],
    /// The header of a sheet without rows (the row type's fields cannot be
    /// known without a row): usually the CSV file's column list.
    pub empty_header: &'static [&'static str],
}

/// Excel's limit on the characters of a cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Excel's limit on the hyperlinks of a worksheet.
pub const MAX_LINKS: usize = 65_530;
/// Excel's limit on the rows of a worksheet (header included).
pub const MAX_ROWS: usize = 1_048_576;
/// A sheet with more rows than this is written in `rust_xlsxwriter`'s low
/// memory mode (rows streamed to a temporary file, strings shared), so that
/// a large report does not hold every cell of the workbook in memory.
pub const LOW_MEMORY_ROWS: usize = 20_000;
/// Rows read for the width of a column the spec does not list.
const AUTO_WIDTH_ROWS: usize = 500;
/// Width of a column the spec does not list, at most.
const AUTO_WIDTH_MAX: f64 = 50.0;
/// Lines a wrapped row shows at most (the rest is in the cell).
const MAX_ROW_LINES: f64 = 8.0;

/// The cells of row `i` of a sheet, in sheet order.
type RowFn<'a> = Box<dyn Fn(usize) -> Result<Vec<Cell>, RowError> + 'a>;

/// A table ready to be written as a sheet: columns in sheet order. Rows
/// are turned into cells one at a time as they are written, so a sheet of
/// half a million rows never holds more than one row of cells.
pub struct Sheet<'a> {
    spec: &'static SheetSpec,
    header: Vec<String>,
    len: usize,
    row: RowFn<'a>,
}

impl std::fmt::Debug for Sheet<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sheet")
            .field("name", &self.spec.name)
            .field("header", &self.header)
            .field("len", &self.len)
            .finish()
    }
}

/// True for a column of offsets, which goes to the end of a sheet.
pub fn is_offset(name: &str) -> bool {
    name.starts_with("char_")
        || name.starts_with("byte_")
        || name.ends_with("_start")
        || name.ends_with("_end")
}

impl<'a> Sheet<'a> {
    /// The rows of a sheet, laid out by `spec` (the columns from the first
    /// row; each row's cells made when it is written).
    pub fn new<T: Serialize>(
        spec: &'static SheetSpec,
        rows: &'a [T],
    ) -> Result<Sheet<'a>, RowError> {
        Sheet::from_fn(spec, rows.len(), move |i| &rows[i])
    }

    /// A sheet of `len` rows laid out by `spec`, row `i` made by `row(i)`
    /// when it is written (rows that are not held anywhere).
    pub fn from_fn<T: Serialize>(
        spec: &'static SheetSpec,
        len: usize,
        row: impl Fn(usize) -> T + 'a,
    ) -> Result<Sheet<'a>, RowError> {
        let names: Vec<String> = if len > 0 {
            fields(&row(0))?.into_iter().map(|(n, _)| n).collect()
        } else {
            spec.empty_header.iter().map(|n| n.to_string()).collect()
        };
        let order = column_order(spec, &names);
        let header: Vec<String> = order.iter().map(|&i| names[i].clone()).collect();
        let cells_of = move |i: usize| -> Result<Vec<Cell>, RowError> {
            let r = fields(&row(i))?;
            // Rows of one type have the same fields in the same order,
            // unless some are skipped when empty: then match by name.
            let same = r.len() == names.len() && r.iter().zip(&names).all(|(c, n)| c.0 == *n);
            let mut cells: Vec<(String, Option<Cell>)> =
                r.into_iter().map(|(n, c)| (n, Some(c))).collect();
            let mut take = |i: usize, name: &str| {
                let at = if same {
                    Some(i)
                } else {
                    cells.iter().position(|(n, _)| n == name)
                };
                at.and_then(|i| cells[i].1.take()).unwrap_or(Cell::Empty)
            };
            Ok(order.iter().map(|&i| take(i, &names[i])).collect())
        };
        Ok(Sheet {
            spec,
            header,
            len,
            row: Box::new(cells_of),
        })
    }

    /// The column names, in sheet order.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for a sheet without rows.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The cells of row `i` (from 0), in sheet order.
    pub fn row(&self, i: usize) -> Result<Vec<Cell>, RowError> {
        (self.row)(i)
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// Sheet order of the fields `names`: the spec's first columns, the rest in
/// declared order, then the offsets and the spec's last columns.
fn column_order(spec: &SheetSpec, names: &[String]) -> Vec<usize> {
    let pos = |n: &str| names.iter().position(|m| m == n);
    let mut order: Vec<usize> = spec.first.iter().filter_map(|c| pos(c.name)).collect();
    let at_end = |n: &str| is_offset(n) || spec.last.contains(&n);
    for (i, n) in names.iter().enumerate() {
        if !order.contains(&i) && !at_end(n.as_str()) {
            order.push(i);
        }
    }
    for i in 0..names.len() {
        if !order.contains(&i) {
            order.push(i);
        }
    }
    order
}

/// Cut `text` to Excel's cell limit (counted in UTF-16 units, which is
/// what Excel counts and never less than the characters), ending with a
/// marker that says how long the full text is.
///
/// ```
/// use quotecheck::xlsx::{cap, MAX_CELL_CHARS};
/// let long = "é".repeat(40_000);
/// let cut = cap(&long);
/// assert!(cut.encode_utf16().count() <= MAX_CELL_CHARS);
/// assert!(cut.ends_with("[cut: 40000 characters in all; see the CSV file]"));
/// assert_eq!(cap("short"), "short");
/// ```
pub fn cap(text: &str) -> Cow<'_, str> {
    if text.len() <= MAX_CELL_CHARS || text.encode_utf16().count() <= MAX_CELL_CHARS {
        return Cow::Borrowed(text);
    }
    let marker = format!(
        " … [cut: {} characters in all; see the CSV file]",
        text.chars().count()
    );
    let budget = MAX_CELL_CHARS - marker.encode_utf16().count();
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            used += c.len_utf16();
            used > budget
        })
        .map_or(text.len(), |(i, _)| i);
    Cow::Owned(format!("{}{marker}", &text[..end]))
}

/// The text a cell shows: neutralised, then capped.
fn shown(text: &str) -> String {
    cap(&neutralise(text)).into_owned()
}

struct Formats {
    header: Format,
    top: Format,
    wrap: Format,
    link: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE8EEF4))
                .set_border_bottom(FormatBorder::Thin),
            wrap: top.clone().set_text_wrap(),
            link: top.clone().set_hyperlink(),
            top,
        }
    }
}

/// For every `(sheet, key column)` a link points to: the key's column and
/// the row of each key value.
type Targets<'a> = HashMap<(&'a str, &'a str), (u16, HashMap<String, u32>)>;

fn link_targets<'s>(sheets: &'s [Sheet<'_>]) -> Result<Targets<'s>, RowError> {
    let mut targets: Targets = HashMap::new();
    for (sheet, key) in sheets
        .iter()
        .flat_map(|s| s.spec.links)
        .filter_map(|l| match l.1 {
            LinkTo::Row { sheet, key } => Some((sheet, key)),
            LinkTo::Url => None,
        })
    {
        let Some(target) = sheets.iter().find(|s| s.spec.name == sheet) else {
            continue;
        };
        let Some(col) = target.column(key) else {
            continue;
        };
        let mut rows = HashMap::new();
        for i in 0..target.len.min(MAX_ROWS - 2) {
            let mut r = target.row(i)?;
            let key = std::mem::replace(&mut r[col], Cell::Empty).text();
            rows.entry(key).or_insert(i as u32 + 1);
        }
        targets.insert((sheet, key), (col as u16, rows));
    }
    Ok(targets)
}

fn row_error(e: RowError) -> XlsxError {
    XlsxError::ParameterError(e.to_string())
}

/// The workbook of `sheets`, in order, as the bytes of an xlsx file.
pub fn workbook(sheets: &[Sheet<'_>]) -> Result<Vec<u8>, XlsxError> {
    build(sheets)?.save_to_buffer()
}

/// The workbook of `sheets`, in order, ready to be saved.
fn build(sheets: &[Sheet<'_>]) -> Result<Workbook, XlsxError> {
    let formats = Formats::new();
    let targets = link_targets(sheets).map_err(row_error)?;
    let mut book = Workbook::new();
    // Fast deflate (level 1, not the default 6): a large run's workbook is
    // mostly text; at this level deflate is 2% of the CPU of the report
    // benchmark's profile (docs/performance.md, "Report at scale").
    book.set_zip_compression_level(1);
    // A fixed creation date (the zip epoch), so that two runs on the same
    // inputs write byte-identical files, as for every report file.
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("quotecheck report")
            .set_creation_datetime(&created),
    );
    for sheet in sheets {
        let ws = if sheet.len > LOW_MEMORY_ROWS {
            book.add_worksheet_with_low_memory()?
        } else {
            book.add_worksheet()
        };
        write_sheet(ws, sheet, &formats, &targets)?;
    }
    Ok(book)
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet<'_>,
    f: &Formats,
    targets: &Targets,
) -> Result<(), XlsxError> {
    ws.set_name(sheet.spec.name)?;
    let ncols = sheet.header.len();
    let mut widths = Vec::with_capacity(ncols);
    let mut wraps = Vec::with_capacity(ncols);
    let sample = (0..sheet.len.min(AUTO_WIDTH_ROWS))
        .map(|i| sheet.row(i))
        .collect::<Result<Vec<_>, _>>()
        .map_err(row_error)?;
    for (c, name) in sheet.header.iter().enumerate() {
        let (width, wrap) = match sheet.spec.first.iter().find(|x| x.name == name) {
            Some(x) => (x.width, x.wrap),
            None => auto_width(name, sample.iter().map(|r| &r[c])),
        };
        ws.set_column_width(c as u16, width)?;
        ws.write_string_with_format(0, c as u16, name, &f.header)?;
        widths.push(width);
        wraps.push(wrap);
    }
    let links: Vec<Option<LinkTo>> = sheet
        .header
        .iter()
        .map(|h| sheet.spec.links.iter().find(|l| l.0 == h).map(|l| l.1))
        .collect();
    let mut linked = 0usize;
    let mut last_row = 0u32;
    drop(sample);
    for i in 0..sheet.len {
        let r = i as u32 + 1;
        if r as usize >= MAX_ROWS - 1 {
            let more = sheet.len - i;
            let note = format!("… {more} more rows: see the CSV file");
            ws.write_string_with_format(r, 0, note, &f.top)?;
            last_row = r;
            break;
        }
        last_row = r;
        let row = sheet.row(i).map_err(row_error)?;
        let mut lines: f64 = 1.0;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Number(n) => {
                    ws.write_number_with_format(r, col, *n, &f.top)?;
                }
                Cell::Bool(b) => {
                    ws.write_boolean_with_format(r, col, *b, &f.top)?;
                }
                Cell::Text(t) => {
                    let text = shown(t);
                    let url = links[c].and_then(|l| link(l, t, targets));
                    let done = match url {
                        Some(url) if linked < MAX_LINKS => {
                            let url = Url::new(url).set_text(&text);
                            let ok = ws.write_url_with_format(r, col, url, &f.link).is_ok();
                            linked += usize::from(ok);
                            ok
                        }
                        _ => false,
                    };
                    if !done {
                        let format = if wraps[c] { &f.wrap } else { &f.top };
                        ws.write_string_with_format(r, col, &text, format)?;
                    }
                    if wraps[c] {
                        lines = lines.max(text_lines(&text, widths[c]));
                    }
                }
            }
        }
        if lines > 1.0 {
            ws.set_row_height(r, 15.0 * lines.min(MAX_ROW_LINES))?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if ncols > 0 {
        ws.autofilter(0, 0, last_row, ncols as u16 - 1)?;
    }
    Ok(())
}

/// The address a text cell links to, if any.
fn link(to: LinkTo, value: &str, targets: &Targets) -> Option<String> {
    match to {
        LinkTo::Url => {
            let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
            (lower.starts_with("http://") || lower.starts_with("https://"))
                .then(|| value.to_string())
        }
        LinkTo::Row { sheet, key } => {
            let (col, rows) = targets.get(&(sheet, key))?;
            let row = rows.get(value)?;
            Some(format!(
                "internal:'{sheet}'!{}",
                row_col_to_cell(*row, *col)
            ))
        }
    }
}

/// The width of a column the spec does not list: its longest value in the
/// first rows, within bounds; wrapped when that is too long.
fn auto_width<'a>(name: &str, cells: impl Iterator<Item = &'a Cell>) -> (f64, bool) {
    let longest = cells
        .take(AUTO_WIDTH_ROWS)
        .map(|c| c.text().chars().count())
        .max()
        .unwrap_or(0)
        .max(name.chars().count() + 3);
    let width = (longest as f64 + 1.0).clamp(8.0, AUTO_WIDTH_MAX);
    (width, longest as f64 > AUTO_WIDTH_MAX)
}

/// Lines a wrapped text takes in a column of `width` characters (about).
fn text_lines(text: &str, width: f64) -> f64 {
    text.split('\n')
        .map(|l| (l.chars().count() as f64 / (width * 0.9)).ceil().max(1.0))
        .sum()
}

/// Write the workbook of `sheets` to `w` (for [`crate::output::Staged`]).
pub fn write(w: &mut dyn Write, sheets: &[Sheet<'_>]) -> io::Result<()> {
    // Zipped into a temporary file, then copied: the file of a large report
    // (58 MB at 10k documents) is never held in memory, nor are the copies
    // of a growing buffer.
    let mut book = build(sheets).map_err(io::Error::other)?;
    let mut file = tempfile::tempfile()?;
    book.save_to_writer(&mut file).map_err(io::Error::other)?;
    drop(book);
    file.seek(io::SeekFrom::Start(0))?;
    io::copy(&mut file, w)?;
    Ok(())
}

// ---- the sheets of report.xlsx ------------------------------------------

const TO_DOC: LinkTo = LinkTo::Row {
    sheet: "Documents",
    key: "doc_id",
};
const TO_QUOTE: LinkTo = LinkTo::Row {
    sheet: "Quotes",
    key: "quote_id",
};
const TO_SPEAKER: LinkTo = LinkTo::Row {
    sheet: "Speakers",
    key: "speaker_key",
};

/// Findings: one row per finding, ranked (`findings.csv`).
pub const FINDINGS: SheetSpec = SheetSpec {
    name: "Findings",
    first: &[
        col("rank", 6.0, false),
        col("severity", 9.0, false),
        col("kind", 14.0, false),
        col("change", 9.0, false),
        col("speaker_a", 18.0, true),
        col("text_a", 45.0, true),
        col("speaker_b", 18.0, true),
        col("text_b", 45.0, true),
        col("diff", 30.0, true),
        col("explanation", 40.0, true),
        col("similarity", 10.0, false),
        col("doc_a", 16.0, false),
        col("date_a", 11.0, false),
        col("doc_b", 16.0, false),
        col("date_b", 11.0, false),
    ],
    last: &[],
    links: &[
        ("doc_a", TO_DOC),
        ("doc_b", TO_DOC),
        ("quote_id_a", TO_QUOTE),
        ("quote_id_b", TO_QUOTE),
        ("speaker_key_a", TO_SPEAKER),
        ("speaker_key_b", TO_SPEAKER),
        ("url_a", LinkTo::Url),
        ("url_b", LinkTo::Url),
    ],
    empty_header: FINDING_COLUMNS,
};

/// Quotes: one row per quote (`quotes.csv`).
pub const QUOTES: SheetSpec = SheetSpec {
    name: "Quotes",
    first: &[
        col("speaker", 20.0, true),
        col("quote", 60.0, true),
        col("kind", 9.0, false),
        col("type", 9.0, false),
        col("confidence", 11.0, false),
        col("speaker_confidence", 11.0, false),
        col("doc_id", 16.0, false),
        col("date", 11.0, false),
        col("cue", 12.0, false),
        col("mention", 20.0, true),
        col("speaker_role", 16.0, true),
        col("sentence", 50.0, true),
        col("quote_id", 14.0, false),
        col("speaker_key", 18.0, false),
        col("reason", 18.0, false),
    ],
    last: &["parts"],
    links: &[
        ("doc_id", TO_DOC),
        ("speaker_key", TO_SPEAKER),
        ("url", LinkTo::Url),
    ],
    empty_header: crate::report::QUOTE_COLUMNS,
};

/// Speakers: one row per speaker key (`speakers.csv`).
pub const SPEAKERS: SheetSpec = SheetSpec {
    name: "Speakers",
    first: &[
        col("speaker", 24.0, true),
        col("quote_count", 12.0, false),
        col("roles", 24.0, true),
        col("doc_ids", 30.0, true),
        col("mentions", 30.0, true),
        col("speaker_key", 20.0, false),
    ],
    last: &[],
    links: &[],
    empty_header: crate::report::SPEAKER_COLUMNS,
};

/// Duplicates: one row per member of a cluster of duplicate claims
/// (`duplicates.csv`).
pub const DUPLICATES: SheetSpec = SheetSpec {
    name: "Duplicates",
    first: &[
        col("cluster_id", 10.0, false),
        col("speaker", 18.0, true),
        col("claim", 60.0, true),
        col("kind", 9.0, false),
        col("similarity", 10.0, false),
        col("doc_id", 16.0, false),
        col("date", 11.0, false),
        col("doc_count", 10.0, false),
        col("canonical", 40.0, true),
        col("canonical_doc_id", 16.0, false),
        col("reason", 12.0, false),
    ],
    last: &[],
    links: &[
        ("doc_id", TO_DOC),
        ("canonical_doc_id", TO_DOC),
        ("url", LinkTo::Url),
    ],
    empty_header: crate::claims::DUPLICATE_COLUMNS,
};

/// Documents: one row per document or failed input (`summary.json`'s
/// `documents`).
pub const DOCUMENTS: SheetSpec = SheetSpec {
    name: "Documents",
    first: &[
        col("doc_id", 20.0, false),
        col("date", 11.0, false),
        col("url", 30.0, false),
        col("status", 8.0, false),
        col("quotes", 8.0, false),
        col("speakers", 9.0, false),
        col("source", 30.0, false),
    ],
    last: &[],
    links: &[("url", LinkTo::Url)],
    empty_header: &["doc_id", "source", "status"],
};

/// The rows of each sheet of `report.xlsx`.
#[derive(Clone, Copy)]
pub struct ReportRows<'a, F, Q, S, D, M> {
    /// Findings, ranked.
    pub findings: &'a [F],
    /// Quotes.
    pub quotes: &'a [Q],
    /// Speakers.
    pub speakers: &'a [S],
    /// Members of duplicate clusters: how many, and member `i` (made when
    /// its row is written: there can be hundreds of thousands).
    pub duplicates: (usize, &'a dyn Fn(usize) -> D),
    /// Documents.
    pub documents: &'a [M],
}

/// Write `report.xlsx`: Findings, Quotes, Speakers, Duplicates, Documents.
pub fn write_report<F, Q, S, D, M>(
    w: &mut dyn Write,
    rows: &ReportRows<'_, F, Q, S, D, M>,
) -> io::Result<()>
where
    F: Serialize,
    Q: Serialize,
    S: Serialize,
    D: Serialize,
    M: Serialize,
{
    let sheets = [
        Sheet::new(&FINDINGS, rows.findings),
        Sheet::new(&QUOTES, rows.quotes),
        Sheet::new(&SPEAKERS, rows.speakers),
        Sheet::from_fn(&DUPLICATES, rows.duplicates.0, rows.duplicates.1),
        Sheet::new(&DOCUMENTS, rows.documents),
    ]
    .into_iter()
    .collect::<Result<Vec<_>, _>>()
    .map_err(io::Error::other)?;
    write(w, &sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        id: String,
        char_start: usize,
        text: String,
        url: String,
        score: f32,
    }

    const SPEC: SheetSpec = SheetSpec {
        name: "Rows",
        first: &[col("text", 40.0, true)],
        last: &["id"],
        links: &[
            ("url", LinkTo::Url),
            (
                "id",
                LinkTo::Row {
                    sheet: "Rows",
                    key: "id",
                },
            ),
        ],
        empty_header: &["id", "text"],
    };

    #[test]
    fn columns_editor_first_offsets_last() -> Result<(), RowError> {
        let rows = [Row {
            id: "a".into(),
            char_start: 3,
            text: "=1+1".into(),
            url: "https://example.org/a".into(),
            score: 0.5,
        }];
        let sheet = Sheet::new(&SPEC, &rows)?;
        assert_eq!(sheet.header(), ["text", "url", "score", "id", "char_start"]);
        assert_eq!(sheet.row(0)?[0], Cell::Text("=1+1".into()));
        let empty = Sheet::new::<Row>(&SPEC, &[])?;
        assert_eq!(empty.header(), ["text", "id"]);
        Ok(())
    }

    #[derive(Serialize)]
    struct Sparse {
        a: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        b: Option<u32>,
        c: u32,
    }

    #[test]
    fn rows_with_skipped_fields_stay_aligned() -> Result<(), RowError> {
        const PLAIN: SheetSpec = SheetSpec {
            name: "Plain",
            first: &[],
            last: &[],
            links: &[],
            empty_header: &[],
        };
        let rows = [
            Sparse {
                a: 1,
                b: Some(2),
                c: 3,
            },
            Sparse {
                a: 4,
                b: None,
                c: 6,
            },
        ];
        let sheet = Sheet::new(&PLAIN, &rows)?;
        assert_eq!(sheet.header(), ["a", "b", "c"]);
        let n = |x: f64| Cell::Number(x);
        assert_eq!(sheet.row(1)?, [n(4.0), Cell::Empty, n(6.0)]);
        Ok(())
    }

    #[test]
    fn links_only_to_web_addresses_and_known_rows() -> Result<(), RowError> {
        let rows = [Row {
            id: "a".into(),
            char_start: 0,
            text: String::new(),
            url: String::new(),
            score: 0.0,
        }];
        let sheets = [Sheet::new(&SPEC, &rows)?];
        let t = link_targets(&sheets)?;
        assert_eq!(
            link(LinkTo::Url, "HTTPS://x.org", &t).as_deref(),
            Some("HTTPS://x.org")
        );
        assert_eq!(link(LinkTo::Url, "javascript:alert(1)", &t), None);
        let to_row = LinkTo::Row {
            sheet: "Rows",
            key: "id",
        };
        assert_eq!(link(to_row, "a", &t).as_deref(), Some("internal:'Rows'!D2"));
        assert_eq!(link(to_row, "b", &t), None);
        Ok(())
    }

    #[test]
    fn cap_keeps_short_text_and_cuts_on_a_char_boundary() {
        let long = "😀".repeat(20_000); // 40,000 UTF-16 units
        let cut = cap(&long);
        assert!(cut.encode_utf16().count() <= MAX_CELL_CHARS);
        assert!(cut.starts_with("😀😀"));
        let exact = "a".repeat(MAX_CELL_CHARS);
        assert_eq!(cap(&exact), exact);
        assert_ne!(cap(&format!("{exact}a")), format!("{exact}a"));
    }
}
