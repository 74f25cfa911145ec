//! Quote rows rendered to their output bytes on the worker threads, with a
//! slot left for the corpus speaker key.
//!
//! Everything in a `quotes` row but the speaker key is known once its
//! document is analysed (whether a speaker is no speaker depends on the
//! record alone: [`crate::speakers::linking`]); the key depends on the
//! whole corpus. So each worker writes its document's rows in the output
//! format (JSON Lines, the elements of the JSON array, or CSV rows: the
//! bytes [`crate::report::write_quotes`] writes for them, HTML-safe and
//! neutralised alike) and notes, per row, where the key goes and whose key
//! it is ([`RenderedDoc`]). After linking, [`RowWriter`] writes the
//! documents in input order, putting each key in its slot: a copy, no
//! serialisation, no clone of a record.

use std::collections::HashMap;
use std::io::{self, Write};

use quotecheck_core::{QuoteRecord, SpeakerRecord};

use crate::output::{
    csv_to_io, csv_writer, neutralise, write_html_safe, CsvOptions, CsvOut, Format, HtmlSafe,
};
use crate::report::{quote_cells, QUOTE_COLUMNS};
use crate::speakers::Linking;

/// Index of the `speaker_key` column in [`QUOTE_COLUMNS`].
pub const KEY_COLUMN: usize = 12;

/// [`RowSlot::speaker`] of a row whose key is empty (no speaker, or one
/// that is no speaker).
pub const NO_SPEAKER: usize = usize::MAX;

/// One row of a [`RenderedDoc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSlot {
    /// Where the row ends in [`RenderedDoc::bytes`].
    pub end: usize,
    /// Where its speaker key goes in [`RenderedDoc::bytes`].
    pub key_at: usize,
    /// Its speaker in [`RenderedDoc::speakers`], or [`NO_SPEAKER`].
    pub speaker: usize,
}

/// The quote rows of one document in an output format, without their
/// speaker keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderedDoc {
    /// The document id.
    pub doc_id: String,
    /// The distinct speakers (canonical name, role) the rows need a key
    /// for: the engine tells two people of one name apart by their roles
    /// (`Mayor van der Berg`, `Councillor van der Berg`).
    pub speakers: Vec<(String, String)>,
    /// The rows, one after the other.
    pub bytes: Vec<u8>,
    /// The rows, in order.
    pub rows: Vec<RowSlot>,
}

impl RenderedDoc {
    /// Render the rows of `records` (one document's quotes, in text order)
    /// in `format`. `speakers` are the document's speaker records with
    /// what linking makes of them ([`crate::speakers::linking`]): a quote whose
    /// speaker is no speaker gets an empty speaker and role, and its reason
    /// says why (`direct:cue-after; no speaker: number`), as in
    /// [`crate::report::quote_row`]. `date` and `url` are the document's.
    pub fn render(
        format: Format,
        doc_id: &str,
        records: &mut [QuoteRecord],
        speakers: &[(&SpeakerRecord, Linking)],
        date: Option<&str>,
        url: Option<&str>,
    ) -> io::Result<RenderedDoc> {
        let dropped: HashMap<(&str, &str), &'static str> = speakers
            .iter()
            .filter_map(|(s, l)| match l {
                Linking::Dropped(why) => Some(((s.speaker.as_str(), s.role.as_str()), *why)),
                Linking::Keyed | Linking::Nameless => None,
            })
            .collect();
        let mut doc = RenderedDoc {
            doc_id: doc_id.to_string(),
            ..RenderedDoc::default()
        };
        let mut names: HashMap<(String, String), usize> = HashMap::new();
        let (mut scratch, mut raw) = (Vec::new(), Vec::new());
        for r in records.iter_mut() {
            let why = dropped
                .get(&(r.speaker.as_str(), r.speaker_role.as_str()))
                .copied();
            let speaker = match why {
                Some(why) => {
                    r.speaker.clear();
                    r.speaker_role.clear();
                    r.reason = format!("{}; no speaker: {why}", r.reason);
                    NO_SPEAKER
                }
                None if r.speaker.is_empty() => NO_SPEAKER,
                None => *names
                    .entry((r.speaker.clone(), r.speaker_role.clone()))
                    .or_insert_with(|| {
                        doc.speakers
                            .push((r.speaker.clone(), r.speaker_role.clone()));
                        doc.speakers.len() - 1
                    }),
            };
            let key_at = match format {
                Format::Jsonl => json_row(&mut doc.bytes, &mut raw, r, date, url, false)?,
                Format::Json => {
                    scratch.clear();
                    let key_at = json_row(&mut scratch, &mut raw, r, date, url, true)?;
                    indent_into(&mut doc.bytes, &scratch, key_at)
                }
                Format::Csv => csv_row(&mut doc.bytes, r, date, url)?,
            };
            doc.rows.push(RowSlot {
                end: doc.bytes.len(),
                key_at,
                speaker,
            });
        }
        Ok(doc)
    }
}

/// Append the JSON object of one row (compact and ending in a newline, or
/// pretty at the top level) to `out`, its `speaker_key` empty; returns
/// where the key goes. The fields are those of
/// [`crate::report::QuoteRow`]: the record's, then `speaker_key`, then
/// `date` and `url` when known.
fn json_row(
    out: &mut Vec<u8>,
    raw: &mut Vec<u8>,
    r: &QuoteRecord,
    date: Option<&str>,
    url: Option<&str>,
    pretty: bool,
) -> io::Result<usize> {
    let (close, sep, colon): (&[u8], &[u8], &[u8]) = if pretty {
        (b"\n}", b",\n  ", b": ")
    } else {
        (b"}", b",", b":")
    };
    // Serialised plainly, then made HTML-safe in one scan.
    raw.clear();
    if pretty {
        serde_json::to_writer_pretty(&mut *raw, r)?;
    } else {
        serde_json::to_writer(&mut *raw, r)?;
    }
    write_html_safe(out, raw)?;
    // The record is an object with fields: it ends with `close`.
    debug_assert!(out.ends_with(close));
    out.truncate(out.len() - close.len());
    let field = |out: &mut Vec<u8>, name: &str| {
        out.extend_from_slice(sep);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(colon);
    };
    field(out, "\"speaker_key\"");
    out.push(b'"');
    let key_at = out.len();
    out.push(b'"');
    for (name, value) in [("\"date\"", date), ("\"url\"", url)] {
        if let Some(v) = value {
            field(out, name);
            serde_json::to_writer(HtmlSafe(&mut *out), v)?;
        }
    }
    out.extend_from_slice(close);
    if !pretty {
        out.push(b'\n');
    }
    Ok(key_at)
}

/// Append pretty JSON `value` to `out` one level deeper (as an element of
/// the top-level array: two spaces after every newline, all of which are
/// outside strings); returns where `key_at` of `value` lands.
fn indent_into(out: &mut Vec<u8>, value: &[u8], key_at: usize) -> usize {
    let mut moved = out.len() + key_at;
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', value) {
        out.extend_from_slice(&value[start..=i]);
        out.extend_from_slice(b"  ");
        if i < key_at {
            moved += 2;
        }
        start = i + 1;
    }
    out.extend_from_slice(&value[start..]);
    moved
}

/// Append one CSV row to `out` (cells neutralised), its `speaker_key` cell
/// empty; returns where the key goes.
fn csv_row(
    out: &mut Vec<u8>,
    r: &QuoteRecord,
    date: Option<&str>,
    url: Option<&str>,
) -> io::Result<usize> {
    let cells = quote_cells(r, "", date, url);
    let mut w = csv_writer(out);
    for cell in &cells[..=KEY_COLUMN] {
        w.write_field(neutralise(cell).as_bytes())
            .map_err(csv_to_io)?;
    }
    w.flush()?;
    let key_at = w.get_ref().len();
    for cell in &cells[KEY_COLUMN + 1..] {
        w.write_field(neutralise(cell).as_bytes())
            .map_err(csv_to_io)?;
    }
    w.write_record(std::iter::empty::<&[u8]>())
        .map_err(csv_to_io)?;
    w.flush()?;
    Ok(key_at)
}

/// A speaker key as it goes into its slot: JSON string content (HTML-safe)
/// or a neutralised CSV cell (quoted when it must be).
fn encode_key(format: Format, key: &str) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    if key.is_empty() {
        return Ok(out);
    }
    match format {
        Format::Json | Format::Jsonl => {
            serde_json::to_writer(HtmlSafe(&mut out), key)?;
            // Without the quotes, which are in the row.
            out.pop();
            out.remove(0);
        }
        Format::Csv => {
            // A whole record (the writer closes a quoted field only when
            // the record or field ends), less its terminator.
            let mut w = csv_writer(&mut out);
            w.write_record([neutralise(key).as_bytes()])
                .map_err(csv_to_io)?;
            w.flush()?;
            drop(w);
            while out.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                out.pop();
            }
        }
    }
    Ok(out)
}

/// Writes rendered documents in order, with their speaker keys, as one
/// output: the same bytes as [`crate::report::write_quotes`] on the
/// documents' rows.
pub struct RowWriter<'w> {
    w: &'w mut dyn Write,
    format: Format,
    rows: usize,
}

impl<'w> RowWriter<'w> {
    /// Start an output of `format` (the CSV header, the JSON array).
    pub fn start(w: &'w mut dyn Write, format: Format, csv: CsvOptions) -> io::Result<Self> {
        match format {
            Format::Csv => {
                CsvOut::new(&mut *w, csv, QUOTE_COLUMNS)?.finish()?;
            }
            Format::Json => w.write_all(b"[")?,
            Format::Jsonl => {}
        }
        Ok(RowWriter { w, format, rows: 0 })
    }

    /// Write the rows of `doc`; `key` gives the corpus key of a speaker of
    /// the document (`key(doc_id, name, role)`, empty when it has none).
    pub fn write<K: AsRef<str>>(
        &mut self,
        doc: &RenderedDoc,
        key: impl Fn(&str, &str, &str) -> K,
    ) -> io::Result<()> {
        let keys: Vec<Vec<u8>> = doc
            .speakers
            .iter()
            .map(|(name, role)| encode_key(self.format, key(&doc.doc_id, name, role).as_ref()))
            .collect::<io::Result<_>>()?;
        let mut start = 0;
        for row in &doc.rows {
            if self.format == Format::Json {
                self.w
                    .write_all(if self.rows == 0 { b"\n  " } else { b",\n  " })?;
            }
            self.w.write_all(&doc.bytes[start..row.key_at])?;
            if let Some(k) = keys.get(row.speaker) {
                self.w.write_all(k)?;
            }
            self.w.write_all(&doc.bytes[row.key_at..row.end])?;
            start = row.end;
            self.rows += 1;
        }
        Ok(())
    }

    /// End the output (the JSON array's end) and flush.
    pub fn finish(self) -> io::Result<()> {
        if self.format == Format::Json {
            self.w
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{quote_row, write_quotes, QuoteRow};
    use crate::speakers;
    use quotecheck_core::{analyze, quote_records, speaker_records, Document};

    #[test]
    fn the_key_column_is_speaker_key() {
        assert_eq!(QUOTE_COLUMNS[KEY_COLUMN], "speaker_key");
    }

    /// Documents with a speaker that is no speaker, HTML, a formula, CSV
    /// quoting, a date on one document and none on the other.
    fn corpus() -> Vec<(Document, Option<&'static str>, Option<&'static str>)> {
        let texts = [
            "“We will win <now> & later,” Mayor Elena Marsh said. “=1+1,” she added, \
             “maybe, \"later\".” Sixty-six percent said it made no difference to them.",
            "“Not now,” Marsh said. The governor said: “0.1 is 10% of 1.”\nShe wrote “tabs\there”.",
            "No quotes here.",
        ];
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (date, url) = if i == 0 {
                    (Some("2024-05-01"), Some("https://x.test/a?b=<c>&d"))
                } else {
                    (None, None)
                };
                (Document::new(format!("=d{i}, \"x\""), *t), date, url)
            })
            .collect()
    }

    /// The rows of the corpus as `write_quotes` writes them, and as the
    /// rendered documents replayed with the same keys.
    fn both(format: Format, csv: CsvOptions) -> io::Result<(Vec<u8>, Vec<u8>)> {
        let docs = corpus();
        let mut all_speakers = Vec::new();
        let mut rendered = Vec::new();
        let mut records = Vec::new();
        for (doc, date, url) in &docs {
            let analysis = analyze(doc);
            let mut quotes = quote_records(doc, &analysis);
            let speakers = speaker_records(doc, &analysis);
            records.push((quotes.clone(), *date, *url));
            let read: Vec<_> = speakers.iter().map(|s| (s, speakers::linking(s))).collect();
            rendered.push(RenderedDoc::render(
                format,
                &doc.id,
                &mut quotes,
                &read,
                *date,
                *url,
            )?);
            all_speakers.extend(speakers);
        }
        let index = speakers::link(&all_speakers);
        assert!(
            index.records.iter().any(|r| r.speaker_key.contains(',')),
            "a key that CSV must quote: {:?}",
            index.records
        );
        let rows: Vec<QuoteRow> = records
            .into_iter()
            .flat_map(|(qs, date, url)| {
                let index = &index;
                qs.into_iter().map(move |q| {
                    let mut row = quote_row(q, index);
                    row.date = date.map(String::from);
                    row.url = url.map(String::from);
                    row
                })
            })
            .collect();
        assert!(rows.iter().any(|r| r.record.reason.contains("no speaker")));
        let mut want = Vec::new();
        write_quotes(&mut want, &rows, format, csv)?;
        let mut got = Vec::new();
        let mut w = RowWriter::start(&mut got, format, csv)?;
        for doc in &rendered {
            w.write(doc, |d, n, r| index.key(d, n, r).to_string())?;
        }
        w.finish()?;
        Ok((want, got))
    }

    #[test]
    fn replayed_rows_are_the_bytes_of_write_quotes() -> io::Result<()> {
        for format in [Format::Jsonl, Format::Json, Format::Csv] {
            for bom in [false, true] {
                let (want, got) = both(format, CsvOptions { bom })?;
                let at = want.iter().zip(&got).take_while(|(a, b)| a == b).count();
                let near = |b: &[u8]| {
                    String::from_utf8_lossy(&b[at.saturating_sub(80)..b.len().min(at + 80)])
                        .into_owned()
                };
                assert!(
                    got == want,
                    "{format:?}: first difference at byte {at}:\n{}\n{}",
                    near(&want),
                    near(&got)
                );
            }
        }
        Ok(())
    }

    #[test]
    fn no_rows_is_an_empty_output() -> io::Result<()> {
        for format in [Format::Jsonl, Format::Json, Format::Csv] {
            let mut want = Vec::new();
            write_quotes(&mut want, &[], format, CsvOptions::default())?;
            let mut got = Vec::new();
            let mut w = RowWriter::start(&mut got, format, CsvOptions::default())?;
            w.write(&RenderedDoc::default(), |_, _, _| String::new())?;
            w.finish()?;
            assert_eq!(got, want, "{format:?}");
        }
        Ok(())
    }
}
