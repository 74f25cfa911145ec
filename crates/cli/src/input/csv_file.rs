//! CSV input: one document per row, its id and text columns, one
//! [`InputError`] per bad row (a stray quote that merged rows included).

use super::*;

pub(super) fn read_csv(
    source: &Source,
    reader: Box<dyn Read>,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Result<InputDoc, InputError>) -> bool,
) {
    let path = &source.display;
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    if let Err(e) = sniff_binary(source, &mut reader) {
        emit(Err(e));
        return;
    }
    // Skip a UTF-8 byte-order mark (Excel writes one).
    let mut bom = 0u64;
    if let Ok(head) = reader.fill_buf() {
        if head.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
            bom = 3;
        }
    }
    let raw = RawLog::default();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(Tee {
            inner: reader,
            log: raw.clone(),
        });
    let mut lines = LineCounter::default();
    let headers = match csv.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            emit(Err(csv_error(path, &e, 1)));
            return;
        }
    };
    raw.drain_to(csv.position().byte(), &mut lines);
    let names: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .collect();
    let available = names.join(", ");
    let find = |col: &str| names.iter().position(|n| n == col);
    let Some(text_idx) = find(&opts.text_column) else {
        emit(Err(InputError::UnknownColumn {
            path: path.clone(),
            column: opts.text_column.clone(),
            available,
            flag: "--text-column".into(),
        }));
        return;
    };
    let id_idx = match &opts.id_column {
        Some(col) => match find(col) {
            Some(i) => Some(i),
            None => {
                emit(Err(InputError::UnknownColumn {
                    path: path.clone(),
                    column: col.clone(),
                    available,
                    flag: "--id-column".into(),
                }));
                return;
            }
        },
        None => find("id"),
    };
    let mut meta_idx = [None, None];
    for (slot, (col, default, flag)) in meta_idx.iter_mut().zip([
        (&opts.date_column, "date", "--date-column"),
        (&opts.url_column, "url", "--url-column"),
    ]) {
        *slot = match col {
            Some(c) => match find(c) {
                Some(i) => Some(i),
                None => {
                    emit(Err(InputError::UnknownColumn {
                        path: path.clone(),
                        column: c.clone(),
                        available,
                        flag: flag.into(),
                    }));
                    return;
                }
            },
            None => find(default),
        };
    }
    let mut record = csv::ByteRecord::new();
    let mut rows = 0usize;
    loop {
        let read = csv.read_byte_record(&mut record);
        let end = csv.position().byte();
        match read {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                // The row's first line, counted by us (CR, LF and CRLF
                // alike).
                let start = e.position().map_or(end, csv::Position::byte);
                let breaks = raw
                    .bytes(start, end)
                    .iter()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .count();
                let line = raw.line_at(start + breaks as u64, &mut lines);
                raw.drain_to(end, &mut lines);
                let io = matches!(e.kind(), csv::ErrorKind::Io(_));
                if !emit(Err(csv_error(path, &e, line))) || io {
                    return;
                }
                continue;
            }
        }
        let start = record.position().map_or(end, csv::Position::byte);
        // (The parser's start of a row after a blank line or a CRLF is
        // the line break before it.)
        let row = raw.bytes(start, end);
        let breaks = row
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        let (start, row) = (start + breaks as u64, &row[breaks..]);
        let line = raw.line_at(start, &mut lines);
        let unclosed = crate::stray_quote::unclosed(row);
        let merged = if unclosed {
            None
        } else {
            let own_id = id_idx
                .and_then(|i| record.get(i))
                .map_or(&b""[..], <[u8]>::trim_ascii);
            crate::stray_quote::merged(
                row,
                crate::stray_quote::Columns {
                    count: names.len(),
                    id: id_idx,
                    text: text_idx,
                    own_id,
                },
            )
            .filter(crate::stray_quote::Merged::is_merged)
        };
        let invalid_at = std::str::from_utf8(row)
            .err()
            .map(|e| bom + start + e.valid_up_to() as u64);
        raw.drain_to(end, &mut lines);
        if record.len() == 1 && record.get(0).is_some_and(|f| f.is_empty()) {
            continue; // a blank line
        }
        rows += 1;
        if unclosed {
            // A stray `"` opened a field that the end of the file closed:
            // every later row is inside it.
            let last = raw.line_at(end, &mut lines);
            let r = Err(InputError::Csv {
                path: path.clone(),
                line,
                message: format!(
                    "a quoted field opened in this row is never closed: it runs to the end \
                     of the file (line {last}), swallowing the rows after it; check for a \
                     stray `\"` (row {rows} of the file)"
                ),
            });
            if !emit(r) {
                return;
            }
            continue;
        }
        if let Some(m) = merged {
            // A stray `"` opened a field that a later `"` closed: the rows
            // in between are one field of this row.
            let r = Err(InputError::Csv {
                path: path.clone(),
                line,
                message: m.message(line),
            });
            if !emit(r) {
                return;
            }
            continue;
        }
        let result = csv_row(
            source,
            &record,
            line,
            (text_idx, id_idx, meta_idx),
            opts,
            invalid_at,
        );
        if !emit(result) {
            return;
        }
    }
}

/// The raw bytes the CSV parser has read and not yet been drained, shared
/// between the [`Tee`] under the parser and the loop above it, so that each
/// row's own bytes are at hand (for its line number, the offset of an
/// invalid byte and an unclosed quote).
#[derive(Clone, Default)]
struct RawLog(std::rc::Rc<std::cell::RefCell<(u64, Vec<u8>)>>);

impl RawLog {
    /// The bytes from absolute offset `from` to `to` (those still held).
    fn bytes(&self, from: u64, to: u64) -> Vec<u8> {
        let log = self.0.borrow();
        let (base, buf) = (log.0, &log.1);
        let a = (from.saturating_sub(base) as usize).min(buf.len());
        let b = (to.saturating_sub(base) as usize).clamp(a, buf.len());
        buf[a..b].to_vec()
    }

    /// The 1-based line at absolute offset `at`.
    fn line_at(&self, at: u64, lines: &mut LineCounter) -> usize {
        let log = self.0.borrow();
        lines.advance(log.0, &log.1, at);
        lines.breaks + 1
    }

    /// Forget the bytes before `to`, counting their line breaks first.
    fn drain_to(&self, to: u64, lines: &mut LineCounter) {
        let mut log = self.0.borrow_mut();
        let (base, buf) = &mut *log;
        lines.advance(*base, buf, to);
        let n = (to.saturating_sub(*base) as usize).min(buf.len());
        buf.drain(..n);
        *base += n as u64;
    }
}

/// Line breaks (LF, CRLF or a lone CR, each one) before an offset.
#[derive(Default)]
struct LineCounter {
    /// Offset counted up to.
    at: u64,
    /// Line breaks before `at`.
    breaks: usize,
    /// The byte before `at` was a CR (a following LF is the same break).
    cr: bool,
}

impl LineCounter {
    fn advance(&mut self, base: u64, buf: &[u8], to: u64) {
        if to <= self.at {
            return;
        }
        let a = (self.at.saturating_sub(base) as usize).min(buf.len());
        let b = (to.saturating_sub(base) as usize).clamp(a, buf.len());
        for &c in &buf[a..b] {
            match c {
                b'\r' => self.breaks += 1,
                b'\n' if !self.cr => self.breaks += 1,
                _ => {}
            }
            self.cr = c == b'\r';
        }
        self.at = base + b as u64;
    }
}

/// A reader that logs what it reads into a [`RawLog`].
struct Tee<R> {
    inner: R,
    log: RawLog,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.log.0.borrow_mut().1.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

fn csv_row(
    source: &Source,
    record: &csv::ByteRecord,
    line: usize,
    (text_idx, id_idx, meta_idx): (usize, Option<usize>, [Option<usize>; 2]),
    opts: &InputOptions,
    invalid_at: Option<u64>,
) -> Result<InputDoc, InputError> {
    let path = &source.display;
    // `--encoding` names the 8-bit encoding of a CSV export (Excel writes
    // windows-1252): every cell is decoded with it. (UTF-16 CSV files are
    // not read: their NULs would split the fields.)
    let legacy = opts.encoding.filter(|e| {
        ![
            encoding_rs::UTF_8,
            encoding_rs::UTF_16LE,
            encoding_rs::UTF_16BE,
        ]
        .contains(e)
    });
    let cell = |i: usize| -> Result<String, InputError> {
        let bytes = record.get(i).unwrap_or_default();
        if let Some(enc) = legacy {
            return Ok(enc.decode_without_bom_handling(bytes).0.into_owned());
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(_) if opts.lossy => {
                note_lossy(path, Some(line), invalid_bytes(bytes));
                Ok(String::from_utf8_lossy(bytes).into_owned())
            }
            // The first invalid byte of the row, from the file's start.
            Err(e) => Err(InputError::InvalidUtf8 {
                path: path.clone(),
                line: Some(line),
                offset: invalid_at.unwrap_or_else(|| {
                    record.position().map_or(0, |p| p.byte()) + e.valid_up_to() as u64
                }),
            }),
        }
    };
    let text = cell(text_idx)?;
    let id = match id_idx {
        Some(i) => {
            let id = cell(i)?.trim().to_string();
            if id.is_empty() {
                format!("{}:{}", source.id_base, line)
            } else {
                id
            }
        }
        None => format!("{}:{}", source.id_base, line),
    };
    let meta = |i: Option<usize>| -> Result<Option<String>, InputError> {
        Ok(match i {
            Some(i) => Some(cell(i)?.trim().to_string()).filter(|s| !s.is_empty()),
            None => None,
        })
    };
    let (date, url) = (meta(meta_idx[0])?, meta(meta_idx[1])?);
    let mut doc = row_doc(path, line, id, text)?;
    doc.date = date;
    doc.url = url;
    if let Some(enc) = legacy {
        doc.encoding = enc.name();
    }
    Ok(doc)
}

/// The document of one JSONL line or CSV row; an empty text is an error
/// naming the file and line.
fn csv_error(path: &str, e: &csv::Error, line: usize) -> InputError {
    match e.kind() {
        csv::ErrorKind::Io(io) => io_error(path, io),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => InputError::Csv {
            path: path.to_string(),
            line,
            message: format!("{len} field(s) where the header has {expected_len}"),
        },
        _ => InputError::Csv {
            path: path.to_string(),
            line,
            message: e.to_string(),
        },
    }
}
