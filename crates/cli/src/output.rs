//! Writing outputs: CSV for editors (formula-injection neutralisation,
//! optional byte-order mark), JSON and JSON Lines, to stdout or atomically to
//! a file (temporary file in the same directory, then rename).

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::FatalError;
use crate::input::io_message;

/// Output format of a stage command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// One pretty-printed JSON array.
    Json,
    /// JSON Lines: one JSON object per line.
    Jsonl,
}

/// Options for CSV output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start the file with a UTF-8 byte-order mark, so that Excel detects
    /// the encoding.
    pub bom: bool,
}

/// Neutralise a CSV cell against formula injection: a cell that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (the OWASP list), or with
/// the full-width forms `＝`, `＋`, `－`, `＠` (which spreadsheets in East
/// Asian locales read as formula signs), gets a leading `'`, so
/// spreadsheets show it as text instead of evaluating it.
///
/// ```
/// use quotecheck::output::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise("-5% in May"), "'-5% in May");
/// assert_eq!(neutralise("＝1+1"), "'＝1+1");
/// assert_eq!(neutralise("It is safe"), "It is safe");
/// ```
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if is_dangerous(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The characters a spreadsheet may read as the start of a formula.
pub const DANGEROUS_LEADING: &[char] = &['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

fn is_dangerous(cell: &str) -> bool {
    cell.chars()
        .next()
        .is_some_and(|c| DANGEROUS_LEADING.contains(&c))
}

/// Undo [`neutralise`] (for tools reading quotecheck's CSV back).
///
/// ```
/// use quotecheck::output::{neutralise, unneutralise};
/// for s in ["=1+1", "'quoted'", "-x", "plain", "＠x"] {
///     assert_eq!(unneutralise(&neutralise(s)), s);
/// }
/// ```
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if is_dangerous(rest) => rest,
        _ => cell,
    }
}

/// A CSV writer that neutralises every cell.
pub struct CsvOut<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> CsvOut<W> {
    /// Start a CSV file: optional BOM, then the header.
    pub fn new(mut w: W, opts: CsvOptions, header: &[&str]) -> io::Result<Self> {
        if opts.bom {
            w.write_all(b"\xEF\xBB\xBF")?;
        }
        let mut out = CsvOut {
            inner: csv::WriterBuilder::new().from_writer(w),
        };
        out.row(header.iter().copied())?;
        Ok(out)
    }

    /// Write one row.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        self.inner
            .write_record(cells.into_iter().map(|c| neutralise(c).into_owned()))
            .map_err(csv_to_io)
    }

    /// Flush and return the writer.
    pub fn finish(self) -> io::Result<W> {
        self.inner
            .into_inner()
            .map_err(|e| io::Error::new(e.error().kind(), e.error().to_string()))
    }
}

fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Write items as a JSON array (pretty) or as JSON Lines, HTML-safe (see
/// [`HtmlSafe`]).
pub fn write_json<T: Serialize, W: Write>(w: W, items: &[T], lines: bool) -> io::Result<()> {
    let mut w = HtmlSafe(w);
    if lines {
        for item in items {
            serde_json::to_writer(&mut w, item)?;
            w.write_all(b"\n")?;
        }
    } else {
        serde_json::to_writer_pretty(&mut w, items)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// A writer of JSON text that escapes `<`, `>` and `&` as `\u003c`,
/// `\u003e` and `\u0026`, so that no HTML or JavaScript from an input
/// (`</script><script>…`) appears verbatim in a JSON output, even when the
/// JSON is pasted into a web page. The JSON value is unchanged: in JSON text
/// these three characters can only occur inside strings, where the escapes
/// mean the same characters.
///
/// ```
/// use std::io::Write;
/// use quotecheck::output::HtmlSafe;
/// let mut out = HtmlSafe(Vec::new());
/// serde_json::to_writer(&mut out, &"</script> & co").unwrap();
/// assert_eq!(String::from_utf8(out.0).unwrap(), r#""\u003c/script\u003e \u0026 co""#);
/// ```
#[derive(Debug)]
pub struct HtmlSafe<W: Write>(pub W);

impl<W: Write> Write for HtmlSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Runs between the few bytes to escape are written whole; memchr
        // finds those bytes a word (or vector) at a time.
        let mut start = 0;
        for i in memchr::memchr3_iter(b'<', b'>', b'&', buf) {
            self.0.write_all(&buf[start..i])?;
            self.0.write_all(match buf[i] {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                _ => b"\\u0026",
            })?;
            start = i + 1;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Where a stage command writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
}

impl Destination {
    /// `-` or no path is stdout.
    pub fn from_arg(arg: Option<&Path>) -> Destination {
        match arg {
            None => Destination::Stdout,
            Some(p) if p == Path::new("-") => Destination::Stdout,
            Some(p) => Destination::File(p.to_path_buf()),
        }
    }

    /// Write with `f`. A broken pipe on stdout (`quotecheck … | head`) is
    /// not an error.
    pub fn write(
        &self,
        f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), FatalError> {
        match self {
            Destination::Stdout => {
                let stdout = io::stdout();
                let mut w = BufWriter::new(stdout.lock());
                match f(&mut w).and_then(|()| w.flush()) {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    Err(e) => Err(FatalError::Output {
                        path: "standard output".into(),
                        message: io_message(&e),
                    }),
                    Ok(()) => Ok(()),
                }
            }
            Destination::File(path) => write_atomic(path, f),
        }
    }
}

/// True for `*.json` and `*.jsonl` paths.
fn is_json_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonl"))
}

/// How a file destination is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteMode {
    /// Temporary file in the same directory, renamed over this path.
    Atomic(PathBuf),
    /// Written in place: the path is a device, a pipe or a socket
    /// (`-o /dev/null`, `-o >(gzip)`), which a rename would replace.
    Direct,
}

/// Decide how to write `path`: atomically, to the file a symbolic link
/// points to (so the link stays), or directly for special files.
pub fn write_mode(path: &Path) -> WriteMode {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() && !m.is_dir() => WriteMode::Direct,
        Ok(_) if path.is_symlink() => {
            WriteMode::Atomic(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        }
        _ => WriteMode::Atomic(path.to_path_buf()),
    }
}

/// Write `path` atomically: into a temporary file in the same directory,
/// renamed over `path` only when complete. An interrupted or failed write
/// leaves no partial file (the temporary file is removed; a process killed
/// with SIGKILL can leave only a hidden `.quotecheck-*.tmp` file, never a
/// truncated `path`). Devices, pipes and sockets are written directly (see
/// [`write_mode`]). A `.json` or `.jsonl` file is written through
/// [`HtmlSafe`] (writing JSON there twice HTML-safe is harmless).
pub fn write_atomic(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), FatalError> {
    let mut staged = Staged::default();
    staged.stage(path, f)?;
    staged.commit()
}

/// A set of files written completely to temporary files first and renamed
/// into place together by [`Staged::commit`], so that a report set is
/// replaced in one quick burst of renames instead of file by file while the
/// later files are still being computed and written.
#[derive(Default)]
pub struct Staged {
    files: Vec<(tempfile::NamedTempFile, PathBuf)>,
}

impl Staged {
    /// Write `path`'s content into a hidden temporary file beside it (or, for
    /// a device, pipe or socket, write it directly now).
    pub fn stage(
        &mut self,
        path: &Path,
        f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), FatalError> {
        let err = |e: &io::Error| FatalError::Output {
            path: path.display().to_string(),
            message: io_message(e),
        };
        let path = match write_mode(path) {
            WriteMode::Atomic(p) => p,
            WriteMode::Direct => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| err(&e))?;
                let mut w = BufWriter::new(file);
                return f(&mut w).and_then(|()| w.flush()).map_err(|e| err(&e));
            }
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".quotecheck-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| err(&e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))
                .map_err(|e| err(&e))?;
        }
        let mut w = BufWriter::new(tmp);
        if is_json_path(&path) {
            f(&mut HtmlSafe(&mut w)).map_err(|e| err(&e))?;
        } else {
            f(&mut w).map_err(|e| err(&e))?;
        }
        let tmp = w.into_inner().map_err(|e| err(e.error()))?;
        tmp.as_file().sync_all().map_err(|e| err(&e))?;
        self.files.push((tmp, path));
        Ok(())
    }

    /// Rename every staged file over its destination, in staging order.
    pub fn commit(self) -> Result<(), FatalError> {
        for (tmp, path) in self.files {
            tmp.persist(&path).map_err(|e| FatalError::Output {
                path: path.display().to_string(),
                message: io_message(&e.error),
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_every_dangerous_start() {
        for s in [
            "=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1", "＋1", "－1", "＠x",
        ] {
            assert!(neutralise(s).starts_with('\''), "{s:?}");
        }
        for s in ["", "1", "a=b", " =x", "'x", "“quoted”"] {
            assert_eq!(neutralise(s), s);
        }
    }

    #[test]
    fn csv_with_bom_and_neutralised_cells() -> io::Result<()> {
        let mut buf = Vec::new();
        let mut w = CsvOut::new(&mut buf, CsvOptions { bom: true }, &["a", "b"])?;
        w.row(["=cmd|' /C calc'!A0", "line\nbreak, \"quoted\""])?;
        w.finish()?;
        assert_eq!(
            String::from_utf8_lossy(&buf),
            "\u{feff}a,b\n'=cmd|' /C calc'!A0,\"line\nbreak, \"\"quoted\"\"\"\n"
        );
        Ok(())
    }

    #[test]
    #[cfg(unix)]
    fn special_files_are_written_in_place_and_links_kept() -> Result<(), Box<dyn std::error::Error>>
    {
        assert_eq!(write_mode(Path::new("/dev/null")), WriteMode::Direct);
        write_atomic(Path::new("/dev/null"), |w| w.write_all(b"x"))?;
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata("/dev/null")?.file_type().is_char_device());

        let dir = tempfile::tempdir()?;
        let target = dir.path().join("target.csv");
        std::fs::write(&target, "old")?;
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&target, &link)?;
        write_atomic(&link, |w| w.write_all(b"new"))?;
        assert!(link.is_symlink());
        assert_eq!(std::fs::read_to_string(&target)?, "new");
        Ok(())
    }

    #[test]
    fn atomic_write_leaves_nothing_on_failure() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.csv");
        let r = write_atomic(&path, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("interrupted"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 0);
        write_atomic(&path, |w| w.write_all(b"done"))?;
        assert_eq!(std::fs::read_to_string(&path)?, "done");
        Ok(())
    }
}
