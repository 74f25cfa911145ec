//! Errors of the core crate.

use thiserror::Error;

/// Errors reported by quotecheck-core.
#[derive(Debug, Error)]
pub enum Error {
    /// A gold or prediction file could not be parsed.
    #[error("{path}: line {line}: {message}")]
    Parse {
        /// File that failed.
        path: String,
        /// 1-based line number (1 for single-object files).
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// A gold annotation's offsets do not slice back to its text.
    #[error("{path}: document {doc_id}: {message}")]
    Gold {
        /// File that failed.
        path: String,
        /// Document whose annotation is inconsistent.
        doc_id: String,
        /// What was wrong.
        message: String,
    },
    /// Reading a file failed.
    #[error("{path}: {source}")]
    Io {
        /// File that failed.
        path: String,
        /// Underlying error.
        #[source]
        source: std::io::Error,
    },
}
