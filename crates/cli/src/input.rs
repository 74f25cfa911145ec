//! Inputs: finding files, and reading plain text, HTML, JSONL and CSV into
//! [`Document`]s with ids, one [`InputError`] per bad file, line or row.
//!
//! # Document ids
//!
//! - A `.txt`/`.html`/`.htm` file named on the command line: its file name
//!   without extension (`articles/a1.txt` → `a1`).
//! - A file found by walking a directory: its path relative to that directory,
//!   with `/` separators, without extension (`fixtures/` → `articles/a1`).
//! - A JSONL line / CSV row: the value of the id field / column (`id` by
//!   default). When the default field is absent, `<base>:<line>` where `<base>`
//!   is the file's id as above and `<line>` the 1-based line where the
//!   document starts.
//! - Standard input (`-`): `stdin` (or `stdin:<line>` for JSONL/CSV rows).
//!
//! Two documents with the same id in one run are an error for the second.
//!
//! # Memory
//!
//! Files are read one at a time and JSONL/CSV files one document at a time,
//! so memory holds a few copies of the largest single document, not the
//! input.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use quotecheck_core::Document;

use crate::decode::{self, DecodeOptions};
use crate::error::InputError;
use crate::html;
use crate::lang::{self, Language};

/// The kinds of input quotecheck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// Plain text in any encoding ([`decode`]), one document per file.
    Text,
    /// An HTML page, one document per file (main text extracted).
    Html,
    /// JSON Lines, one document object per line.
    Jsonl,
    /// CSV with a header row, one document per row.
    Csv,
}

impl InputKind {
    /// The kind of a file from its extension (case-insensitive), if it is one
    /// quotecheck reads in a directory walk.
    pub fn from_path(path: &Path) -> Option<InputKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(InputKind::Text),
            "html" | "htm" => Some(InputKind::Html),
            "jsonl" => Some(InputKind::Jsonl),
            "csv" => Some(InputKind::Csv),
            _ => None,
        }
    }
}

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// How the source is named in messages and reports (`-` for stdin).
    pub display: String,
    /// The document id (text/HTML) or the id prefix (JSONL/CSV rows).
    pub id_base: String,
    /// How to read it.
    pub kind: InputKind,
}

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Replace invalid UTF-8 (or UTF-16) with U+FFFD instead of failing.
    pub lossy: bool,
    /// The encoding of text and HTML files (`--encoding`), instead of the
    /// detection of [`decode`]; an 8-bit encoding also decodes CSV cells.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// JSONL field holding the id; `None` means `id`, falling back to line ids.
    pub id_field: Option<String>,
    /// JSONL field holding the text (default `text`).
    pub text_field: String,
    /// CSV column holding the id; `None` means `id`, falling back to line ids.
    pub id_column: Option<String>,
    /// CSV column holding the text (default `text`).
    pub text_column: String,
    /// JSONL field holding the publication date; `None` means `date` when
    /// present.
    pub date_field: Option<String>,
    /// JSONL field holding the URL; `None` means `url` when present.
    pub url_field: Option<String>,
    /// CSV column holding the publication date; `None` means `date` when
    /// present.
    pub date_column: Option<String>,
    /// CSV column holding the URL; `None` means `url` when present.
    pub url_column: Option<String>,
    /// How to read standard input.
    pub stdin_kind: InputKind,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            lossy: false,
            encoding: None,
            id_field: None,
            text_field: "text".into(),
            id_column: None,
            text_column: "text".into(),
            date_field: None,
            url_field: None,
            date_column: None,
            url_column: None,
            stdin_kind: InputKind::Text,
        }
    }
}

/// The outcome of looking at the command-line inputs.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Sources to read, in order: arguments in the order given, files of a
    /// directory in path order.
    pub sources: Vec<Discovered>,
    /// Files seen in directory walks that are not inputs (wrong extension,
    /// hidden, symbolic links to directories), in walk order.
    pub skipped: Vec<String>,
}

/// A source, or an error in place of one (kept in input order).
#[derive(Debug)]
pub enum Discovered {
    /// A source to read.
    Source(Source),
    /// A path that cannot be read.
    Error(InputError),
}

/// Find the sources named by the command-line inputs (`-` is stdin).
pub fn discover(inputs: &[String], stdin_kind: InputKind) -> Discovery {
    let mut out = Discovery::default();
    for input in inputs {
        if input == "-" {
            out.sources.push(Discovered::Source(Source {
                path: None,
                display: "-".into(),
                id_base: "stdin".into(),
                kind: stdin_kind,
            }));
            continue;
        }
        let path = PathBuf::from(input);
        match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.sources.push(Discovered::Error(InputError::Missing {
                    path: input.clone(),
                }));
            }
            Err(e) => out.sources.push(Discovered::Error(io_error(input, &e))),
            Ok(meta) if meta.is_dir() => {
                let before = out.sources.len();
                let mut found = 0usize;
                walk(&path, &path, &mut out, &mut found);
                if found == 0 && out.sources.len() == before {
                    out.sources
                        .push(Discovered::Error(InputError::NoInputFiles {
                            path: input.clone(),
                        }));
                }
            }
            Ok(_) => {
                // A file named explicitly: unknown extensions are read as text.
                let kind = InputKind::from_path(&path).unwrap_or(InputKind::Text);
                let id_base = path.file_stem().map(os_id).unwrap_or_else(|| input.clone());
                out.sources.push(Discovered::Source(Source {
                    path: Some(path),
                    display: input.clone(),
                    id_base,
                    kind,
                }));
            }
        }
    }
    out
}

/// A file name as part of a document id: as is when it is UTF-8; otherwise
/// each byte that is not UTF-8 written `\xNN`, so that two names that
/// differ only in such bytes keep different ids (a lossy conversion would
/// give both `�`).
///
/// ```
/// # #[cfg(unix)] {
/// use std::os::unix::ffi::OsStrExt;
/// let name = std::ffi::OsStr::from_bytes(b"caf\xe9");
/// assert_eq!(quotecheck::input::os_id(name), "caf\\xE9");
/// # }
/// ```
pub fn os_id(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// The number of bytes that are not valid UTF-8 in `bytes` (each replaced
/// by one U+FFFD or part of one by `--lossy`).
pub fn invalid_bytes(bytes: &[u8]) -> usize {
    bytes.utf8_chunks().map(|c| c.invalid().len()).sum()
}

/// Say on stderr how many bytes `--lossy` replaced in one document.
fn note_lossy(path: &str, line: Option<usize>, replaced: usize) {
    if replaced > 0 {
        eprintln!(
            "note: {}: --lossy replaced {replaced} invalid byte(s) with U+FFFD",
            crate::error::printable(&crate::error::location(path, line))
        );
    }
}

fn io_error(path: &str, e: &std::io::Error) -> InputError {
    InputError::Io {
        path: path.to_string(),
        message: io_message(e),
    }
}

/// An I/O error's message without the "(os error N)" suffix.
pub fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(p) => s[..p].to_string(),
        None => s,
    }
}

/// Walk `dir` recursively in sorted path order.
fn walk(root: &Path, dir: &Path, out: &mut Discovery, found: &mut usize) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.sources
                .push(Discovered::Error(io_error(&dir.display().to_string(), &e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(e) => out
                .sources
                .push(Discovered::Error(io_error(&dir.display().to_string(), &e))),
        }
    }
    paths.sort();
    for path in paths {
        let display = path.display().to_string();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let Ok(link_meta) = std::fs::symlink_metadata(&path) else {
            out.skipped.push(display);
            continue;
        };
        if hidden {
            out.skipped.push(display);
            continue;
        }
        if link_meta.is_dir() {
            // A report directory of quotecheck's own is no input.
            if crate::output::is_own_output_dir(&path) {
                out.skipped.push(display);
                continue;
            }
            walk(root, &path, out, found);
            continue;
        }
        // Follow symbolic links to files, never to directories (no cycles).
        let is_file = std::fs::metadata(&path).is_ok_and(|m| m.is_file());
        let kind = InputKind::from_path(&path);
        match (is_file, kind) {
            (true, Some(kind)) => {
                *found += 1;
                let rel = path.strip_prefix(root).unwrap_or(&path).with_extension("");
                let id_base = rel
                    .components()
                    .map(|c| os_id(c.as_os_str()))
                    .collect::<Vec<_>>()
                    .join("/");
                out.sources.push(Discovered::Source(Source {
                    path: Some(path),
                    display,
                    id_base,
                    kind,
                }));
            }
            _ => out.skipped.push(display),
        }
    }
}

/// A document read from a source, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDoc {
    /// The document.
    pub doc: Document,
    /// The source as displayed (`path` or `-`).
    pub source: String,
    /// 1-based line for JSONL/CSV documents.
    pub line: Option<usize>,
    /// The encoding the file was decoded from (`UTF-8`, `windows-1252`,
    /// `UTF-16LE`, …).
    pub encoding: &'static str,
    /// Publication date given by the page or the row, as written there.
    pub date: Option<String>,
    /// Address of the page or the row's `url`.
    pub url: Option<String>,
    /// The language, when detected with confidence ([`lang`]).
    pub language: Option<Language>,
}

impl InputDoc {
    /// A UTF-8 document without metadata; its language is detected.
    pub fn new(doc: Document, source: String, line: Option<usize>) -> InputDoc {
        InputDoc {
            language: lang::detect(&doc.text),
            doc,
            source,
            line,
            encoding: "UTF-8",
            date: None,
            url: None,
        }
    }
}

/// The size of the prefix that is checked for NUL bytes in JSONL/CSV files.
const SNIFF: usize = 8192;
/// Line buffers larger than this are released after use.
const KEEP_BUFFER: usize = 16 << 20;

/// Read every document of `source`, calling `emit` for each document or
/// error in order. `emit` returns `false` to stop reading.
pub fn read_source(
    source: &Source,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Result<InputDoc, InputError>) -> bool,
) {
    let reader: Box<dyn Read> = match &source.path {
        None => Box::new(std::io::stdin().lock()),
        Some(p) => match File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                emit(Err(io_error(&source.display, &e)));
                return;
            }
        },
    };
    match source.kind {
        InputKind::Text | InputKind::Html => {
            let mut bytes = Vec::new();
            let mut reader = reader;
            if let Err(e) = reader.read_to_end(&mut bytes) {
                emit(Err(io_error(&source.display, &e)));
                return;
            }
            emit(whole_file(source, bytes, opts));
        }
        InputKind::Jsonl => read_jsonl(source, reader, opts, emit),
        InputKind::Csv => read_csv(source, reader, opts, emit),
    }
}

/// Turn the bytes of a text or HTML file into a document.
fn whole_file(
    source: &Source,
    bytes: Vec<u8>,
    opts: &InputOptions,
) -> Result<InputDoc, InputError> {
    let html = source.kind == InputKind::Html;
    let nul = bytes.iter().position(|&b| b == 0);
    // (Counted before decoding takes the bytes; reported for UTF-8 only.)
    let invalid = if opts.lossy { invalid_bytes(&bytes) } else { 0 };
    let decoded = decode::decode_vec(
        bytes,
        DecodeOptions {
            forced: opts.encoding,
            lossy: opts.lossy,
            html,
        },
    )
    .map_err(|m| match m.encoding {
        "UTF-8" => InputError::InvalidUtf8 {
            path: source.display.clone(),
            line: None,
            offset: m.offset,
        },
        other => InputError::InvalidEncoding {
            path: source.display.clone(),
            encoding: other.to_string(),
            offset: m.offset,
        },
    })?;
    // NUL bytes in an 8-bit text mean it is not text at all (the NULs of
    // UTF-16 are halves of its characters).
    if !decoded.encoding.starts_with("UTF-16") {
        if let Some(offset) = nul {
            return Err(InputError::Binary {
                path: source.display.clone(),
                offset: offset as u64,
            });
        }
    }
    if opts.lossy && decoded.encoding == "UTF-8" {
        note_lossy(&source.display, None, invalid);
    }
    let (text, date, url) = if html {
        let page = html::extract_page(&decoded.text);
        (page.text, page.date, page.url)
    } else {
        (decoded.text, None, None)
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            path: source.display.clone(),
            line: None,
            html,
        });
    }
    let doc = Document::new(source.id_base.clone(), text);
    Ok(InputDoc {
        encoding: decoded.encoding,
        date,
        url,
        ..InputDoc::new(doc, source.display.clone(), None)
    })
}

fn sniff_binary(source: &Source, reader: &mut BufReader<Box<dyn Read>>) -> Result<(), InputError> {
    // fill_buf returns at most the buffer's capacity and never consumes.
    let head = reader
        .fill_buf()
        .map_err(|e| io_error(&source.display, &e))?;
    match head.iter().take(SNIFF).position(|&b| b == 0) {
        Some(offset) => Err(InputError::Binary {
            path: source.display.clone(),
            offset: offset as u64,
        }),
        None => Ok(()),
    }
}

fn read_jsonl(
    source: &Source,
    reader: Box<dyn Read>,
    opts: &InputOptions,
    emit: &mut dyn FnMut(Result<InputDoc, InputError>) -> bool,
) {
    // (No sniffing for NUL bytes here: a NUL fails its line only, wherever
    // it is in the file.)
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let path = &source.display;
    let mut buf: Vec<u8> = Vec::new();
    let mut line_no = 0usize;
    let mut line_start = 0u64;
    loop {
        buf.clear();
        if buf.capacity() > KEEP_BUFFER {
            buf = Vec::new();
        }
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                emit(Err(io_error(path, &e)));
                return;
            }
        };
        line_no += 1;
        let mut start = line_start;
        line_start += n as u64;
        let mut body: &[u8] = &buf;
        if line_no == 1 && body.starts_with(b"\xEF\xBB\xBF") {
            body = &body[3..];
            start += 3;
        }
        while let Some((last, rest)) = body.split_last() {
            if *last == b'\n' || *last == b'\r' {
                body = rest;
            } else {
                break;
            }
        }
        if body.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = jsonl_line(source, body, line_no, start, opts);
        if !emit(result) {
            return;
        }
    }
}

fn jsonl_line(
    source: &Source,
    body: &[u8],
    line: usize,
    line_start: u64,
    opts: &InputOptions,
) -> Result<InputDoc, InputError> {
    let path = &source.display;
    if let Some(at) = body.iter().position(|&b| b == 0) {
        return Err(InputError::Jsonl {
            path: path.clone(),
            line,
            message: format!(
                "NUL byte at byte {} (binary data, not JSON text)",
                line_start + at as u64
            ),
        });
    }
    if body.starts_with(b"\xEF\xBB\xBF") {
        return Err(InputError::Jsonl {
            path: path.clone(),
            line,
            message: "the line starts with a byte-order mark (EF BB BF), as where files were \
                      concatenated; remove it"
                .into(),
        });
    }
    let text: std::borrow::Cow<'_, str> = match std::str::from_utf8(body) {
        Ok(s) => s.into(),
        Err(_) if opts.lossy => {
            note_lossy(path, Some(line), invalid_bytes(body));
            String::from_utf8_lossy(body)
        }
        Err(e) => {
            return Err(InputError::InvalidUtf8 {
                path: path.clone(),
                line: Some(line),
                offset: line_start + e.valid_up_to() as u64,
            });
        }
    };
    let bad = |message: String| InputError::Jsonl {
        path: path.clone(),
        line,
        message,
    };
    let value: Line = serde_json::from_str(&text).map_err(|e| bad(json_message(&e)))?;
    drop(text);
    let Line::Object(mut map) = value else {
        return Err(bad(
            "expected a JSON object like {\"id\": …, \"text\": …}".into()
        ));
    };
    let text = match map.remove(&opts.text_field) {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => return Err(bad(format!("field `{}` is not a string", opts.text_field))),
        None => {
            return Err(bad(format!(
                "no field `{}` (choose the text field with --text-field)",
                opts.text_field
            )))
        }
    };
    let id_field = opts.id_field.as_deref().unwrap_or("id");
    // An empty or blank id counts as no id.
    let blank =
        |v: &serde_json::Value| v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty());
    let id = match map.get(id_field) {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        v if v.is_none_or(blank) && opts.id_field.is_none() => {
            format!("{}:{}", source.id_base, line)
        }
        None => return Err(bad(format!("no field `{id_field}` (the --id-field)"))),
        Some(v) if blank(v) => {
            return Err(bad(format!("field `{id_field}` (the --id-field) is empty")))
        }
        Some(_) => {
            return Err(bad(format!(
                "field `{id_field}` must be a non-empty string or a number"
            )))
        }
    };
    let meta = |field: &Option<String>, default: &str, flag: &str| {
        let name = field.as_deref().unwrap_or(default);
        match map.get(name) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
                Ok(Some(s.trim().to_string()))
            }
            Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
            None | Some(serde_json::Value::Null) if field.is_some() => {
                Err(bad(format!("no field `{name}` (the {flag})")))
            }
            _ => Ok(None),
        }
    };
    let date = meta(&opts.date_field, "date", "--date-field")?;
    let url = meta(&opts.url_field, "url", "--url-field")?;
    let mut doc = row_doc(path, line, id, text)?;
    doc.date = date;
    doc.url = url;
    Ok(doc)
}

/// One JSONL line: an object whose keys are unique (a repeated key is an
/// error naming it, not a silent choice of the last value), or any other
/// JSON value.
enum Line {
    Object(serde_json::Map<String, serde_json::Value>),
    Other,
}

impl<'de> serde::Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Line;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Line, A::Error> {
                let mut map = serde_json::Map::new();
                while let Some(k) = a.next_key::<String>()? {
                    if map.contains_key(&k) {
                        return Err(serde::de::Error::custom(format!("duplicate field `{k}`")));
                    }
                    let v: serde_json::Value = a.next_value()?;
                    map.insert(k, v);
                }
                Ok(Line::Object(map))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Line, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Line::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Line, E> {
                Ok(Line::Other)
            }
            fn visit_unit<E>(self) -> Result<Line, E> {
                Ok(Line::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// serde_json's message without its " at line 1 column N" suffix, with the
/// column kept as a byte position in the line.
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let msg = match s.rfind(" at line ") {
        Some(p) => &s[..p],
        None => &s,
    };
    format!("{msg} (column {})", e.column())
}

fn read_csv(
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
fn row_doc(path: &str, line: usize, id: String, text: String) -> Result<InputDoc, InputError> {
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            path: path.to_string(),
            line: Some(line),
            html: false,
        });
    }
    Ok(InputDoc::new(
        Document::new(id, text),
        path.to_string(),
        Some(line),
    ))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn src(kind: InputKind) -> Source {
        Source {
            path: None,
            display: "in".into(),
            id_base: "in".into(),
            kind,
        }
    }

    fn read_bytes(
        kind: InputKind,
        bytes: &[u8],
        opts: &InputOptions,
    ) -> Vec<Result<InputDoc, InputError>> {
        let source = src(kind);
        let mut out = Vec::new();
        let reader: Box<dyn Read> = Box::new(std::io::Cursor::new(bytes.to_vec()));
        let mut emit = |r| {
            out.push(r);
            true
        };
        match kind {
            InputKind::Jsonl => read_jsonl(&source, reader, opts, &mut emit),
            InputKind::Csv => read_csv(&source, reader, opts, &mut emit),
            _ => {
                emit(whole_file(&source, bytes.to_vec(), opts));
            }
        }
        out
    }

    fn ids(results: &[Result<InputDoc, InputError>]) -> Vec<String> {
        results
            .iter()
            .map(|r| match r {
                Ok(d) => d.doc.id.clone(),
                Err(e) => format!("ERR {e}"),
            })
            .collect()
    }

    #[test]
    fn jsonl_lines_ids_and_errors() {
        let data = b"{\"id\":\"a\",\"text\":\"one\"}\n\n{\"text\":\"two\"}\r\n{\"id\":7,\"text\":\"x\"}\n{bad\n{\"id\":\"e\",\"text\":\"  \"}\n[1]\n{\"id\":\"n\",\"body\":\"x\"}";
        let r = read_bytes(InputKind::Jsonl, data, &InputOptions::default());
        assert_eq!(
            ids(&r),
            vec![
                "a",
                "in:3",
                "7",
                "ERR in:5: malformed JSONL line: key must be a string (column 2)",
                "ERR in:6: empty document",
                "ERR in:7: malformed JSONL line: expected a JSON object like {\"id\": …, \"text\": …}",
                "ERR in:8: malformed JSONL line: no field `text` (choose the text field with --text-field)",
            ]
        );
    }

    #[test]
    fn jsonl_custom_fields() {
        let opts = InputOptions {
            id_field: Some("slug".into()),
            text_field: "body".into(),
            ..InputOptions::default()
        };
        let data = b"{\"slug\":\"s1\",\"body\":\"hello\"}\n{\"body\":\"x\"}\n";
        let r = read_bytes(InputKind::Jsonl, data, &opts);
        assert_eq!(
            ids(&r),
            vec![
                "s1",
                "ERR in:2: malformed JSONL line: no field `slug` (the --id-field)"
            ]
        );
    }

    #[test]
    fn jsonl_invalid_utf8_offset_is_from_file_start() {
        let data = b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"\xff\"}\n";
        let r = read_bytes(InputKind::Jsonl, data, &InputOptions::default());
        assert_eq!(
            r[1].as_ref()
                .err()
                .map(ToString::to_string)
                .unwrap_or_default(),
            "in:2: invalid UTF-8 at byte 41 (use --lossy to replace invalid bytes)"
        );
        assert_eq!(data[41], 0xff);
        let lossy = InputOptions {
            lossy: true,
            ..InputOptions::default()
        };
        let r = read_bytes(InputKind::Jsonl, data, &lossy);
        assert_eq!(
            r[1].as_ref().map(|d| d.doc.text.clone()).ok(),
            Some("\u{FFFD}".to_string())
        );
    }

    #[test]
    fn text_errors() {
        let o = InputOptions::default();
        let r = read_bytes(InputKind::Text, b"abc\xe2\x80", &o);
        assert_eq!(
            ids(&r),
            vec!["ERR in: invalid UTF-8 at byte 3 (use --lossy to replace invalid bytes)"]
        );
        let r = read_bytes(InputKind::Text, b"\xEF\xBB\xBFab\xff", &o);
        assert_eq!(
            ids(&r),
            vec!["ERR in: invalid UTF-8 at byte 5 (use --lossy to replace invalid bytes)"]
        );
        let r = read_bytes(InputKind::Text, b"ab\0cd", &o);
        assert_eq!(
            ids(&r),
            vec!["ERR in: binary file, not text (NUL byte at byte 2)"]
        );
        let r = read_bytes(InputKind::Text, b" \n\t ", &o);
        assert_eq!(ids(&r), vec!["ERR in: empty document"]);
        let r = read_bytes(InputKind::Html, b"<script>x</script>", &o);
        assert_eq!(
            ids(&r),
            vec!["ERR in: empty document (no text left after HTML extraction)"]
        );
        let r = read_bytes(InputKind::Text, b"\xEF\xBB\xBFhi", &o);
        assert_eq!(
            r[0].as_ref().map(|d| d.doc.text.clone()).ok(),
            Some("hi".into())
        );
    }

    #[test]
    fn csv_rows() {
        let data =
            "\u{feff}id,headline,body\n1,H,\"Line one\nline two\"\n2,H2\n,H3,third\n3,H4,\"\"\n";
        let opts = InputOptions {
            text_column: "body".into(),
            ..InputOptions::default()
        };
        let r = read_bytes(InputKind::Csv, data.as_bytes(), &opts);
        assert_eq!(
            ids(&r),
            vec![
                "1",
                "ERR in:4: malformed CSV row: 2 field(s) where the header has 3",
                "in:5",
                "ERR in:6: empty document",
            ]
        );
        assert_eq!(
            r[0].as_ref().map(|d| d.doc.text.clone()).ok(),
            Some("Line one\nline two".into())
        );
    }

    #[test]
    fn csv_unknown_columns() {
        let data = b"id,body\n1,x\n";
        let r = read_bytes(InputKind::Csv, data, &InputOptions::default());
        assert_eq!(
            ids(&r),
            vec!["ERR in: unknown column `text` (the header has: id, body); choose one with --text-column"]
        );
        let opts = InputOptions {
            text_column: "body".into(),
            id_column: Some("slug".into()),
            ..InputOptions::default()
        };
        let r = read_bytes(InputKind::Csv, data, &opts);
        assert_eq!(
            ids(&r),
            vec!["ERR in: unknown column `slug` (the header has: id, body); choose one with --id-column"]
        );
    }

    #[test]
    fn csv_binary() {
        let r = read_bytes(InputKind::Csv, b"id,text\n\0\0", &InputOptions::default());
        assert_eq!(
            ids(&r),
            vec!["ERR in: binary file, not text (NUL byte at byte 8)"]
        );
    }

    #[test]
    fn kinds_from_extension() {
        assert_eq!(
            InputKind::from_path(Path::new("a.HTM")),
            Some(InputKind::Html)
        );
        assert_eq!(InputKind::from_path(Path::new("a.gold.json")), None);
        assert_eq!(InputKind::from_path(Path::new("README")), None);
    }
}
