//! The quote and speaker tables: rows, column order, and writers for CSV,
//! JSON and JSON Lines. `docs/reports.md` documents every column.

use std::borrow::{Borrow, Cow};
use std::io::{self, Write};

use quotecheck_core::{PartRecord, QuoteRecord};
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;

use crate::claims::DocMeta;
use crate::output::{write_json, CsvOptions, CsvOut, Format, HtmlSafe};
use crate::run::Analyzed;
use crate::speakers::{SpeakerIndex, SpeakerKeyRecord};

/// One quote as written by `quotecheck quotes` and into `quotes.csv`: the
/// engine's [`QuoteRecord`] plus the run's speaker key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    /// The engine's record (all of its fields, flattened in JSON).
    #[serde(flatten)]
    pub record: QuoteRecord,
    /// The speaker key across the documents of the run (`speakers.csv`);
    /// empty when the speaker is unknown.
    pub speaker_key: String,
    /// The date of the quote's document, when known (`--date-field`,
    /// HTML metadata); left out of JSON when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The URL of the quote's document, when known; left out of JSON when
    /// unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Columns of `quotes.csv`, in order. The first twelve are the editors'
/// columns of the issue; the rest were added after them and are never
/// reordered.
pub const QUOTE_COLUMNS: &[&str] = &[
    "doc_id",
    "quote_id",
    "kind",
    "speaker",
    "speaker_role",
    "mention",
    "cue",
    "quote",
    "sentence",
    "char_start",
    "char_end",
    "confidence",
    "speaker_key",
    "reason",
    "mention_start",
    "mention_end",
    "cue_start",
    "cue_end",
    "fragment",
    "fragment_start",
    "fragment_end",
    "byte_start",
    "byte_end",
    "parts",
    "type",
    "speaker_confidence",
    "date",
    "url",
];

/// Columns of `speakers.csv`, in order.
pub const SPEAKER_COLUMNS: &[&str] = &[
    "speaker_key",
    "speaker",
    "roles",
    "doc_ids",
    "mentions",
    "quote_count",
    "speaker_type",
    "gender",
    "matched_aliases",
    "first_date",
    "last_date",
];

/// Separator of list cells (`roles`, `doc_ids`, `mentions`) in CSV.
pub const LIST_SEPARATOR: &str = "; ";

/// The quote rows of a run, in input order then text order. A speaker the
/// index finds to be no speaker (`63 percent`, `when`, an unresolved `him`)
/// is left empty, and `reason` says why: `direct:cue-after; no speaker:
/// number`.
pub fn quote_rows(docs: &[&Analyzed], speakers: &SpeakerIndex) -> Vec<QuoteRow> {
    docs.iter()
        .flat_map(|d| d.quotes.iter().map(move |q| (d, q)))
        .map(|(d, q)| {
            let mut row = quote_row(q.clone(), speakers);
            row.date.clone_from(&d.date);
            row.url.clone_from(&d.url);
            row
        })
        .collect()
}

/// [`quote_rows`] that moves the quote records out of `docs` instead of
/// copying them (their `quotes` are left empty): the same rows.
pub fn take_quote_rows<'a>(
    docs: impl Iterator<Item = &'a mut Analyzed>,
    speakers: &SpeakerIndex,
) -> Vec<QuoteRow> {
    let mut rows = Vec::new();
    for d in docs {
        for q in std::mem::take(&mut d.quotes) {
            let mut row = quote_row(q, speakers);
            row.date.clone_from(&d.date);
            row.url.clone_from(&d.url);
            rows.push(row);
        }
    }
    rows
}

/// The row of one quote record (see [`quote_rows`]), its document's date
/// and URL unknown.
pub fn quote_row(mut record: QuoteRecord, speakers: &SpeakerIndex) -> QuoteRow {
    let (doc, name, role) = (&record.doc_id, &record.speaker, &record.speaker_role);
    let speaker_key = speakers.key(doc, name, role).to_string();
    if let Some(why) = speakers.dropped(doc, name, role) {
        record.speaker.clear();
        record.speaker_role.clear();
        record.reason = format!("{}; no speaker: {why}", record.reason);
    }
    QuoteRow {
        speaker_key,
        record,
        date: None,
        url: None,
    }
}

fn opt(v: Option<usize>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The character ranges of an interrupted quotation's pieces, `1-13; 40-78`
/// (empty for a quote in one piece).
fn parts_cell(parts: &[PartRecord]) -> String {
    parts
        .iter()
        .map(|p| format!("{}-{}", p.char_start, p.char_end))
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// The cells of one quote row in [`QUOTE_COLUMNS`] order (not yet
/// neutralised: the CSV writer does that).
pub fn quote_cells<'a>(
    r: &'a QuoteRecord,
    speaker_key: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
) -> [Cow<'a, str>; QUOTE_COLUMNS.len()] {
    let num = |v: usize| Cow::Owned(v.to_string());
    let opt = |v: Option<usize>| Cow::Owned(opt(v));
    [
        Cow::Borrowed(r.doc_id.as_str()),
        Cow::Borrowed(&r.quote_id),
        Cow::Borrowed(r.kind.as_str()),
        Cow::Borrowed(&r.speaker),
        Cow::Borrowed(&r.speaker_role),
        Cow::Borrowed(&r.mention),
        Cow::Borrowed(&r.cue),
        Cow::Borrowed(&r.quote),
        Cow::Borrowed(&r.sentence),
        num(r.char_start),
        num(r.char_end),
        Cow::Owned(r.confidence.to_string()),
        Cow::Borrowed(speaker_key),
        Cow::Borrowed(&r.reason),
        opt(r.mention_start),
        opt(r.mention_end),
        opt(r.cue_start),
        opt(r.cue_end),
        Cow::Borrowed(&r.fragment),
        opt(r.fragment_start),
        opt(r.fragment_end),
        num(r.byte_start),
        num(r.byte_end),
        Cow::Owned(parts_cell(&r.parts)),
        Cow::Borrowed(r.quote_type.as_str()),
        Cow::Owned(r.speaker_confidence.to_string()),
        Cow::Borrowed(date.unwrap_or_default()),
        Cow::Borrowed(url.unwrap_or_default()),
    ]
}

/// Write quote rows in `format`.
pub fn write_quotes(
    w: &mut dyn Write,
    rows: &[QuoteRow],
    format: Format,
    csv: CsvOptions,
) -> io::Result<()> {
    write_quote_stream(w, rows.len(), rows.iter().map(Ok), format, csv)
}

/// Write `count` quote rows in `format` as `rows` yields them (the first
/// error ends the write), without holding them: the same bytes as
/// [`write_quotes`] on the collected rows.
pub fn write_quote_stream<R: Borrow<QuoteRow>>(
    w: &mut dyn Write,
    count: usize,
    rows: impl Iterator<Item = io::Result<R>>,
    format: Format,
    csv: CsvOptions,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let mut ser = serde_json::Serializer::pretty(HtmlSafe(w));
            let mut seq = (&mut ser).serialize_seq(Some(count))?;
            for row in rows {
                seq.serialize_element(row?.borrow())?;
            }
            seq.end()?;
            let mut w = ser.into_inner();
            w.write_all(b"\n")?;
            w.flush()
        }
        Format::Jsonl => {
            let mut w = HtmlSafe(w);
            for row in rows {
                serde_json::to_writer(&mut w, row?.borrow())?;
                w.write_all(b"\n")?;
            }
            w.flush()
        }
        Format::Csv => {
            let mut out = CsvOut::new(w, csv, QUOTE_COLUMNS)?;
            for row in rows {
                let row = row?;
                let row = row.borrow();
                let cells = quote_cells(
                    &row.record,
                    &row.speaker_key,
                    row.date.as_deref(),
                    row.url.as_deref(),
                );
                out.row(cells.iter().map(AsRef::as_ref))?;
            }
            out.finish()?.flush()
        }
    }
}

/// The most characters (UTF-16 code units) a spreadsheet cell holds in
/// Excel; longer cells are cut or split by Excel on import.
pub const EXCEL_CELL_LIMIT: usize = 32_767;

/// A list as one CSV cell, items joined with `; `. A list that would pass
/// [`EXCEL_CELL_LIMIT`] (with room for the `'` of neutralisation) keeps the
/// items that fit and ends with `; … (N more)`; the JSON output always
/// has the whole list.
///
/// ```
/// use quotecheck::report::list_cell;
/// assert_eq!(list_cell(&["a".into(), "b".into()]), "a; b");
/// let many: Vec<String> = (0..10_000).map(|i| format!("doc-{i:05}")).collect();
/// let cell = list_cell(&many);
/// assert!(cell.encode_utf16().count() < 32_767);
/// assert!(cell.ends_with(" more)") && cell.starts_with("doc-00000; doc-00001"));
/// ```
pub fn list_cell(items: &[String]) -> String {
    let units = |s: &str| s.encode_utf16().count();
    // Room for the `'` of neutralisation and the marker.
    let budget = EXCEL_CELL_LIMIT - 1 - units("; … (000000000 more)");
    let mut out = String::new();
    let mut used = 0;
    for (i, item) in items.iter().enumerate() {
        let sep = if i == 0 { 0 } else { units(LIST_SEPARATOR) };
        let n = units(item);
        if used + sep + n > budget {
            out.push_str(&format!("{LIST_SEPARATOR}… ({} more)", items.len() - i));
            return out;
        }
        if i > 0 {
            out.push_str(LIST_SEPARATOR);
        }
        out.push_str(item);
        used += sep + n;
    }
    out
}

/// The earliest and latest of the known dates of `doc_ids` (dates as
/// given, compared as text: ISO 8601 sorts correctly); empty when none is
/// known.
fn date_range(doc_ids: &[String], meta: Option<&DocMeta>) -> (String, String) {
    let mut dates = doc_ids
        .iter()
        .filter_map(|d| meta?.get(d)?.0.as_deref())
        .filter(|d| !d.is_empty());
    let Some(first) = dates.next() else {
        return Default::default();
    };
    let (lo, hi) = dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
    (lo.to_string(), hi.to_string())
}

/// Write speaker-key records in `format` (lists joined with `; ` in CSV,
/// cut at Excel's cell limit by [`list_cell`]; `first_date` and
/// `last_date` from the dates of `meta`, empty without).
pub fn write_speakers(
    w: &mut dyn Write,
    rows: &[SpeakerKeyRecord],
    meta: Option<&DocMeta>,
    format: Format,
    csv: CsvOptions,
) -> io::Result<()> {
    match format {
        Format::Json => write_json(w, rows, false),
        Format::Jsonl => write_json(w, rows, true),
        Format::Csv => {
            let mut out = CsvOut::new(w, csv, SPEAKER_COLUMNS)?;
            for r in rows {
                let (first, last) = date_range(&r.doc_ids, meta);
                let cells = [
                    r.speaker_key.clone(),
                    r.speaker.clone(),
                    list_cell(&r.roles),
                    list_cell(&r.doc_ids),
                    list_cell(&r.mentions),
                    r.quote_count.to_string(),
                    r.speaker_type.clone(),
                    r.gender.clone(),
                    r.matched_aliases.join(LIST_SEPARATOR),
                    first,
                    last,
                ];
                debug_assert_eq!(cells.len(), SPEAKER_COLUMNS.len());
                out.row(cells.iter().map(String::as_str))?;
            }
            out.finish()?.flush()
        }
    }
}
