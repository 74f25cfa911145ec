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
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use quotecheck_core::Document;

use crate::decode::{self, DecodeOptions};
use crate::error::InputError;
use crate::html;
use crate::lang::Language;

mod csv_file;
mod jsonl_file;

use csv_file::read_csv;
use jsonl_file::read_jsonl;

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
    /// The language, when detected with confidence ([`crate::lang`]); the runner
    /// detects it on a worker thread ([`crate::run::stream`]), not the
    /// reader.
    pub language: Option<Language>,
}

impl InputDoc {
    /// A UTF-8 document without metadata (its language not yet detected).
    pub fn new(doc: Document, source: String, line: Option<usize>) -> InputDoc {
        InputDoc {
            language: None,
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
    read_source_counted(source, opts, None, emit);
}

/// [`read_source`], adding the bytes read from the source to `read` as
/// they are read (for progress).
pub fn read_source_counted(
    source: &Source,
    opts: &InputOptions,
    read: Option<Arc<AtomicU64>>,
    emit: &mut dyn FnMut(Result<InputDoc, InputError>) -> bool,
) {
    let counted = |r: Box<dyn Read>| -> Box<dyn Read> {
        match &read {
            Some(n) => Box::new(Counting {
                inner: r,
                read: Arc::clone(n),
            }),
            None => r,
        }
    };
    let reader: Box<dyn Read> = match &source.path {
        None => counted(Box::new(std::io::stdin().lock())),
        Some(p) => match File::open(p) {
            Ok(f) => counted(Box::new(f)),
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

/// A reader that adds the bytes it reads to a shared count.
struct Counting {
    inner: Box<dyn Read>,
    read: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The bytes to read for progress: the sum of the sizes of the sources,
/// when every one is a JSONL or CSV file (a text or HTML file is one
/// document, counted as such); `None` otherwise (standard input, a file
/// whose size is unknown).
pub fn byte_total(sources: &[Discovered]) -> Option<u64> {
    let mut total = 0u64;
    for d in sources {
        let Discovered::Source(s) = d else { continue };
        if !matches!(s.kind, InputKind::Jsonl | InputKind::Csv) {
            return None;
        }
        total += std::fs::metadata(s.path.as_ref()?).ok()?.len();
    }
    Some(total).filter(|t| *t > 0)
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
