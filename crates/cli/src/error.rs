//! Errors of the command-line tool.
//!
//! [`InputError`] is a problem with one input (a file, a JSONL line, a CSV
//! row): it names the file and, where it applies, the line and the byte
//! offset. In a batch such an error fails only that document; the run goes on
//! unless `--strict` is given. [`FatalError`] stops the whole run.

use serde::Serialize;
use thiserror::Error;

/// A problem with one input file, line or row.
///
/// Every message is a single line that starts with the location
/// (`path`, `path:line`) so that editors can jump to it.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum InputError {
    /// A path given on the command line does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The path as given.
        path: String,
    },
    /// Reading a file or directory failed.
    #[error("{path}: {message}")]
    Io {
        /// The file or directory.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// A directory holds no file quotecheck can read.
    #[error("{path}: no input files found (looked for .txt, .html, .htm, .jsonl and .csv files)")]
    NoInputFiles {
        /// The directory.
        path: String,
    },
    /// A file or line is not valid UTF-8.
    #[error("{}: invalid UTF-8 at byte {offset} (use --lossy to replace invalid bytes)", location(.path, *.line))]
    InvalidUtf8 {
        /// The file.
        path: String,
        /// 1-based line (JSONL) or row start line (CSV), when the file has lines.
        line: Option<usize>,
        /// Byte offset of the first invalid byte (of the file, or of the
        /// JSONL line or CSV row), from the start of the file.
        offset: u64,
    },
    /// A file declared, forced or marked (byte-order mark) as UTF-16 or
    /// another encoding has bytes that encoding cannot decode.
    #[error("{path}: invalid {encoding} at byte {offset} (use --lossy to replace invalid bytes)")]
    InvalidEncoding {
        /// The file.
        path: String,
        /// The encoding (`UTF-16LE`, …).
        encoding: String,
        /// Byte offset of the first invalid byte, from the start of the file.
        offset: u64,
    },
    /// A file looks like binary data (it contains a NUL byte).
    #[error("{path}: binary file, not text (NUL byte at byte {offset})")]
    Binary {
        /// The file.
        path: String,
        /// Byte offset of the first NUL byte.
        offset: u64,
    },
    /// A document has no text (or only whitespace).
    #[error("{}: empty document{}", location(.path, *.line), if *.html { " (no text left after HTML extraction)" } else { "" })]
    Empty {
        /// The file.
        path: String,
        /// 1-based line for JSONL/CSV documents.
        line: Option<usize>,
        /// True when the input was HTML and extraction found no text.
        html: bool,
    },
    /// A JSONL line is not a JSON object with the expected fields.
    #[error("{path}:{line}: malformed JSONL line: {message}")]
    Jsonl {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A CSV row could not be read.
    #[error("{path}:{line}: malformed CSV row: {message}")]
    Csv {
        /// The file.
        path: String,
        /// 1-based line where the row starts.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A requested CSV column is not in the header.
    #[error(
        "{path}: unknown column `{column}` (the header has: {available}); choose one with {flag}"
    )]
    UnknownColumn {
        /// The file.
        path: String,
        /// The requested column.
        column: String,
        /// The columns the header has, comma separated.
        available: String,
        /// The flag that selects the column.
        flag: String,
    },
    /// Two documents of one run have the same id.
    #[error("{}: duplicate document id `{id}` (first used by {first})", location(.path, *.line))]
    DuplicateId {
        /// The file of the second document.
        path: String,
        /// Its line, for JSONL/CSV.
        line: Option<usize>,
        /// The id.
        id: String,
        /// Where the id was first used.
        first: String,
    },
}

/// `path` or `path:line`.
pub fn location(path: &str, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{path}:{l}"),
        None => path.to_string(),
    }
}

impl InputError {
    /// A stable snake_case name of the error kind, as written in `summary.json`.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Missing { .. } => "missing_path",
            InputError::Io { .. } => "io",
            InputError::NoInputFiles { .. } => "no_input_files",
            InputError::InvalidUtf8 { .. } => "invalid_utf8",
            InputError::InvalidEncoding { .. } => "invalid_encoding",
            InputError::Binary { .. } => "binary_file",
            InputError::Empty { .. } => "empty_document",
            InputError::Jsonl { .. } => "malformed_jsonl",
            InputError::Csv { .. } => "malformed_csv",
            InputError::UnknownColumn { .. } => "unknown_column",
            InputError::DuplicateId { .. } => "duplicate_id",
        }
    }

    /// The file or directory the error is about.
    pub fn path(&self) -> &str {
        match self {
            InputError::Missing { path }
            | InputError::Io { path, .. }
            | InputError::NoInputFiles { path }
            | InputError::InvalidUtf8 { path, .. }
            | InputError::InvalidEncoding { path, .. }
            | InputError::Binary { path, .. }
            | InputError::Empty { path, .. }
            | InputError::Jsonl { path, .. }
            | InputError::Csv { path, .. }
            | InputError::UnknownColumn { path, .. }
            | InputError::DuplicateId { path, .. } => path,
        }
    }

    /// The 1-based line the error is about, when it is about one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            InputError::InvalidUtf8 { line, .. }
            | InputError::Empty { line, .. }
            | InputError::DuplicateId { line, .. } => *line,
            InputError::Jsonl { line, .. } | InputError::Csv { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The byte offset the error is about, when there is one.
    pub fn offset(&self) -> Option<u64> {
        match self {
            InputError::InvalidUtf8 { offset, .. }
            | InputError::InvalidEncoding { offset, .. }
            | InputError::Binary { offset, .. } => Some(*offset),
            _ => None,
        }
    }

    /// The error as written into `summary.json`.
    pub fn to_record(&self) -> ErrorRecord {
        ErrorRecord {
            source: self.path().to_string(),
            line: self.line(),
            byte_offset: self.offset(),
            kind: self.code().to_string(),
            message: self.to_string(),
        }
    }
}

/// A serialisable form of an [`InputError`] (an entry of `summary.json`'s
/// `errors`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    /// The file or directory.
    pub source: String,
    /// 1-based line, when the error is about one line.
    pub line: Option<usize>,
    /// Byte offset, for invalid UTF-8 and binary files.
    pub byte_offset: Option<u64>,
    /// Stable error kind, e.g. `invalid_utf8` (see `docs/reports.md`).
    pub kind: String,
    /// The one-line message printed on stderr.
    pub message: String,
}

/// An error that stops the whole run (exit code 2).
#[derive(Debug, Error)]
pub enum FatalError {
    /// No document could be read.
    #[error("{}", no_documents(*.failed))]
    NoDocuments {
        /// Number of input errors.
        failed: usize,
    },
    /// The only input failed.
    #[error("{0}")]
    Input(InputError),
    /// `--strict` was given and an input failed.
    #[error("{0} (stopping because of --strict)")]
    Strict(InputError),
    /// An output file or directory cannot be written.
    #[error("cannot write {path}: {message}")]
    Output {
        /// The file or directory.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A gold or prediction file could not be read (`quotecheck score`).
    #[error(transparent)]
    Core(#[from] quotecheck_eval::Error),
    /// A bad combination of options.
    #[error("{0}")]
    Usage(String),
}

/// The message of [`FatalError::NoDocuments`].
fn no_documents(failed: usize) -> String {
    if failed == 0 {
        "no documents in the inputs (they hold no rows or lines, e.g. a CSV file with only a \
         header row)"
            .into()
    } else {
        format!("no readable documents ({failed} inputs failed, see above)")
    }
}

/// Make a string safe to print on a terminal: control characters (which a
/// file name or a document id could carry, e.g. terminal escape sequences)
/// and the bidirectional formatting characters (U+202E RIGHT-TO-LEFT
/// OVERRIDE reverses what follows it on screen) are shown escaped.
///
/// ```
/// assert_eq!(quotecheck::error::printable("a\u{1b}[31mb"), "a\\u{1b}[31mb");
/// assert_eq!(quotecheck::error::printable("x\u{202e}fdp.exe"), "x\\u{202e}fdp.exe");
/// ```
pub fn printable(s: &str) -> String {
    escape_for_terminal(s, false)
}

/// True for the characters [`printable`] escapes (line breaks and tabs
/// aside).
pub fn is_unsafe_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// [`printable`], keeping line breaks (`\n`) when `keep_newlines` (for
/// whole outputs such as a CSV table written to a terminal).
pub fn escape_for_terminal(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let kept = c == '\t' || keep_newlines && c == '\n';
        if !kept && is_unsafe_on_terminal(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_output_keeps_lines_and_escapes_controls_and_bidi() {
        let csv = "id,quote\nd1,\"\u{1b}]0;pwned\u{7}x\u{202e}gnp.exe\r\"\n";
        assert_eq!(
            escape_for_terminal(csv, true),
            "id,quote\nd1,\"\\u{1b}]0;pwned\\u{7}x\\u{202e}gnp.exe\\u{d}\"\n"
        );
        assert_eq!(printable("a\nb\u{2066}"), "a\\u{a}b\\u{2066}");
        assert_eq!(printable("tab\tand “quotes”"), "tab\tand “quotes”");
    }
}
