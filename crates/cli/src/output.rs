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
/// Asian locales read as formula signs), also after leading whitespace
/// (` =1+1`: LibreOffice evaluates it with "trim spaces" on), gets a
/// leading `'`, so spreadsheets show it as text instead of evaluating it.
/// A cell that already begins with `'` gets one too, so that
/// [`unneutralise`] is an exact inverse: it removes the first `'` of every
/// cell that begins with `'` followed by whitespace and one of those
/// characters, or by another `'`.
///
/// ```
/// use quotecheck::output::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise("-5% in May"), "'-5% in May");
/// assert_eq!(neutralise("＝1+1"), "'＝1+1");
/// assert_eq!(neutralise(" =1+1"), "' =1+1");
/// assert_eq!(neutralise("'@CNN is fake news,'"), "''@CNN is fake news,'");
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
    let formula = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| DANGEROUS_LEADING.contains(&c))
    };
    formula(cell) || formula(cell.trim_start()) || cell.starts_with('\'')
}

/// Undo [`neutralise`] (for tools reading quotecheck's CSV back): drop the
/// first `'` of a cell when what follows is a cell [`neutralise`] would
/// have changed (a formula sign, possibly after whitespace, or another
/// `'`).
///
/// ```
/// use quotecheck::output::{neutralise, unneutralise};
/// for s in ["=1+1", "'quoted'", "'=x", "''", " =1", "-x", "plain", "＠x"] {
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
            inner: csv_writer(w),
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

/// The CSV writer behind [`CsvOut`] (its dialect), for writers that build
/// rows a field at a time; cells must be neutralised by the caller.
pub fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().from_writer(w)
}

/// A [`csv::Error`] as an I/O error.
pub fn csv_to_io(e: csv::Error) -> io::Error {
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
        write_html_safe(&mut self.0, buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Write JSON text `buf` to `w` as [`HtmlSafe`] does. Runs between the few
/// bytes to escape are written whole; memchr finds those bytes a word (or
/// vector) at a time, so a whole serialised row costs one scan.
pub fn write_html_safe(w: &mut (impl Write + ?Sized), buf: &[u8]) -> io::Result<()> {
    let mut start = 0;
    for i in memchr::memchr3_iter(b'<', b'>', b'&', buf) {
        w.write_all(&buf[start..i])?;
        w.write_all(match buf[i] {
            b'<' => b"\\u003c",
            b'>' => b"\\u003e",
            _ => b"\\u0026",
        })?;
        start = i + 1;
    }
    w.write_all(&buf[start..])
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
    /// not an error. On a terminal, control characters and bidirectional
    /// overrides from the inputs (terminal escape sequences in an article)
    /// are written escaped (`\u{1b}`), see [`crate::error::printable`];
    /// redirected output is written as is.
    pub fn write(
        &self,
        f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), FatalError> {
        match self {
            Destination::Stdout => {
                use std::io::IsTerminal;
                let stdout = io::stdout();
                let terminal = stdout.is_terminal();
                let mut w = BufWriter::new(stdout.lock());
                let written = if terminal {
                    let mut buf = Vec::new();
                    f(&mut buf).and_then(|()| {
                        let text = String::from_utf8_lossy(&buf);
                        w.write_all(crate::error::escape_for_terminal(&text, true).as_bytes())
                    })
                } else {
                    f(&mut w)
                };
                match written.and_then(|()| w.flush()) {
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
/// [`write_mode`]). The content is what `f` writes, whatever the file's
/// extension (the format is the caller's, e.g. `--format`).
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
        // The mode of the file replaced, or what the umask gives a new file
        // (never wider than the file replaced, not even while writing).
        let existing = std::fs::metadata(&path).ok().filter(|m| m.is_file());
        let mut builder = tempfile::Builder::new();
        builder.prefix(TMP_PREFIX).suffix(TMP_SUFFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = existing
                .as_ref()
                .map_or(0o666, |m| m.permissions().mode() & 0o777);
            builder.permissions(std::fs::Permissions::from_mode(mode));
        }
        let tmp = builder.tempfile_in(&dir).map_err(|e| err(&e))?;
        if let Some(m) = existing {
            std::fs::set_permissions(tmp.path(), m.permissions()).map_err(|e| err(&e))?;
        }
        let tmp_path = tmp.path().to_path_buf();
        interrupt::register(&tmp_path);
        let written = (|| {
            let mut w = BufWriter::new(tmp);
            f(&mut w).map_err(|e| err(&e))?;
            let tmp = w.into_inner().map_err(|e| err(e.error()))?;
            tmp.as_file().sync_all().map_err(|e| err(&e))?;
            Ok(tmp)
        })();
        match written {
            Ok(tmp) => {
                self.files.push((tmp, path));
                Ok(())
            }
            Err(e) => {
                // (The temporary file removed itself when dropped.)
                interrupt::unregister(&tmp_path);
                Err(e)
            }
        }
    }

    /// Rename every staged file over its destination, in staging order.
    pub fn commit(mut self) -> Result<(), FatalError> {
        for (tmp, path) in std::mem::take(&mut self.files) {
            let tmp_path = tmp.path().to_path_buf();
            let result = tmp.persist(&path);
            interrupt::unregister(&tmp_path);
            result.map_err(|e| FatalError::Output {
                path: path.display().to_string(),
                message: io_message(&e.error),
            })?;
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // The temporary files delete themselves when dropped.
        for (tmp, _) in &self.files {
            interrupt::unregister(tmp.path());
        }
    }
}

/// How quotecheck's hidden temporary files are named:
/// `.quotecheck-XXXXXX.tmp`.
pub const TMP_PREFIX: &str = ".quotecheck-";
/// See [`TMP_PREFIX`].
pub const TMP_SUFFIX: &str = ".tmp";

/// Cleaning up after SIGINT and SIGTERM: the temporary files being written
/// are listed here, and the handler ([`interrupt::install`]) removes them
/// before the process exits (exit code 130).
pub mod interrupt {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    static FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    /// Remember a temporary file to remove on interruption.
    pub fn register(path: &Path) {
        if let Ok(mut files) = FILES.lock() {
            files.push(path.to_path_buf());
        }
    }

    /// Forget a temporary file (renamed into place or removed).
    pub fn unregister(path: &Path) {
        if let Ok(mut files) = FILES.lock() {
            files.retain(|p| p != path);
        }
    }

    /// Whether `path` is registered.
    pub fn is_registered(path: &Path) -> bool {
        FILES
            .lock()
            .is_ok_and(|files| files.iter().any(|p| p == path))
    }

    /// Remove the registered temporary files (what the handler does).
    pub fn remove_all() {
        if let Ok(mut files) = FILES.lock() {
            for p in files.drain(..) {
                let _ = std::fs::remove_file(p);
            }
        }
    }

    /// [`remove_all`] unless the list is in use (on this thread too: for a
    /// path, such as running out of memory, that may interrupt a change of
    /// the list; the files are then left for [`super::remove_stale_tmp`]).
    pub fn try_remove_all() {
        if let Ok(mut files) = FILES.try_lock() {
            for p in files.drain(..) {
                let _ = std::fs::remove_file(p);
            }
        }
    }

    /// Install the SIGINT/SIGTERM handler: remove the temporary files, say
    /// so, exit with 130. (Called once by the binary.)
    pub fn install() {
        let _ = ctrlc::set_handler(|| {
            remove_all();
            eprintln!("interrupted: temporary files removed, nothing written");
            std::process::exit(130);
        });
    }
}

/// Remove the hidden temporary files that a killed run (SIGKILL, power
/// loss) left in `dir`. Only call it while holding [`lock_dir`] on `dir`:
/// no other run can be writing there then. Returns how many were removed.
pub fn remove_stale_tmp(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TMP_PREFIX)
            && name.ends_with(TMP_SUFFIX)
            && e.file_type().is_ok_and(|t| t.is_file())
            && std::fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Lock the output directory `dir` (an exclusive `flock` on the directory
/// itself, released when the returned handle is dropped or the process
/// ends), so that two runs writing into one directory cannot leave a mixed
/// set: the second waits for the first, saying so on stderr. (No lock file:
/// the directory holds only the report.)
pub fn lock_dir(dir: &Path) -> Result<std::fs::File, FatalError> {
    let err = |e: &io::Error| FatalError::Output {
        path: dir.display().to_string(),
        message: io_message(e),
    };
    let handle = std::fs::File::open(dir).map_err(|e| err(&e))?;
    match handle.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!(
                "note: waiting for another quotecheck run writing into {}",
                crate::error::printable(&dir.display().to_string())
            );
            handle.lock().map_err(|e| err(&e))?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(err(&e)),
    }
    Ok(handle)
}

/// Whether `dir` is an output directory of quotecheck's own: it holds a
/// `summary.json` written by `report` (with its `quotecheck_version`
/// field), or the three files of `dedup --out`. Directory walks skip such
/// directories, so that a report written inside an input directory is not
/// read back as input.
pub fn is_own_output_dir(dir: &Path) -> bool {
    let summary = std::fs::File::open(dir.join("summary.json")).is_ok_and(|f| {
        let mut head = Vec::new();
        let _ = io::Read::read_to_end(&mut io::Read::take(f, 4096), &mut head);
        String::from_utf8_lossy(&head).contains("\"quotecheck_version\"")
    });
    summary
        || ["claims.csv", "duplicates.csv", "misquotes.csv"]
            .iter()
            .all(|f| dir.join(f).is_file())
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
        for s in ["", "1", "a=b", "x =y", "“quoted”"] {
            assert_eq!(neutralise(s), s);
        }
        for s in [" =x", "  +1", "\u{a0}@x", "'x", "'=x", "''"] {
            assert_eq!(neutralise(s), format!("'{s}"));
        }
    }

    proptest::proptest! {
        /// The read-back is exact for every cell, and a neutralised cell
        /// never starts with a formula sign, even after whitespace.
        #[test]
        fn neutralise_round_trips(s in "['=+@ \t\r-]{0,3}[a-z'=]{0,3}") {
            let n = neutralise(&s);
            proptest::prop_assert_eq!(unneutralise(&n), s.as_str());
            let first = n.trim_start().chars().next();
            proptest::prop_assert!(first.is_none_or(|c| !DANGEROUS_LEADING.contains(&c) || n.starts_with('\'')));
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
    #[cfg(unix)]
    fn replaced_files_keep_their_mode() -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("private.csv");
        std::fs::write(&path, "old")?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        write_atomic(&path, |w| w.write_all(b"new"))?;
        assert_eq!(
            std::fs::metadata(&path)?.permissions().mode() & 0o777,
            0o600
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664))?;
        write_atomic(&path, |w| w.write_all(b"newer"))?;
        assert_eq!(
            std::fs::metadata(&path)?.permissions().mode() & 0o777,
            0o664
        );
        // A new file: at most 0666 less the umask, never wider than 0644
        // under the usual 022 and never world-writable.
        let fresh = dir.path().join("fresh.csv");
        write_atomic(&fresh, |w| w.write_all(b"x"))?;
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "")?;
        assert_eq!(
            std::fs::metadata(&fresh)?.permissions().mode() & 0o777,
            std::fs::metadata(&probe)?.permissions().mode() & 0o777,
            "a new report file has the mode any new file gets (umask)"
        );
        Ok(())
    }

    #[test]
    fn stale_tmp_files_are_removed_and_the_lock_excludes() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join(".quotecheck-abc123.tmp"), "stale")?;
        std::fs::write(dir.path().join("quotes.csv"), "keep")?;
        let lock = lock_dir(dir.path())?;
        assert_eq!(remove_stale_tmp(dir.path()), 1);
        assert!(dir.path().join("quotes.csv").exists());
        let other = std::fs::File::open(dir.path())?;
        assert!(other.try_lock().is_err(), "a second run must wait");
        drop(lock);
        assert!(other.try_lock().is_ok());
        Ok(())
    }

    #[test]
    fn tmp_files_are_registered_for_interruption_until_renamed(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.csv");
        let mut staged = Staged::default();
        staged.stage(&path, |w| w.write_all(b"x"))?;
        let tmp = staged.files[0].0.path().to_path_buf();
        assert!(interrupt::is_registered(&tmp));
        staged.commit()?;
        assert!(!interrupt::is_registered(&tmp));
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
