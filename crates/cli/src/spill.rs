//! The quote records of a streamed `quotes` run, kept on disk until the
//! corpus speaker keys are known.
//!
//! A speaker key depends on the whole corpus (a bare surname joins the full
//! name most documents use; a key shared by a person and an organisation is
//! renamed), so no quote row can be written before the last document is
//! analysed. Rather than hold every document's records in memory, each
//! analysed document's quote records are appended to an anonymous
//! temporary file (JSON Lines, encoded by the worker that analysed it), and
//! only the speaker records, which linking needs, stay in memory. Once the
//! index is built, [`QuoteSpill::rows`] reads the records back in input
//! order and turns them into rows one at a time.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};

use quotecheck_core::QuoteRecord;

use crate::report::{quote_row, QuoteRow};
use crate::speakers::SpeakerIndex;

/// Quote records on disk, in the order they were pushed.
pub struct QuoteSpill {
    file: BufWriter<File>,
    count: usize,
}

/// The quote records of one document, encoded for [`QuoteSpill::push`].
#[derive(Debug, Default)]
pub struct EncodedQuotes {
    bytes: Vec<u8>,
    count: usize,
}

impl EncodedQuotes {
    /// Encode `quotes` (one JSON line each).
    pub fn new(quotes: &[QuoteRecord]) -> io::Result<Self> {
        let mut bytes = Vec::with_capacity(quotes.len() * 512);
        for q in quotes {
            serde_json::to_writer(&mut bytes, q)?;
            bytes.push(b'\n');
        }
        Ok(EncodedQuotes {
            bytes,
            count: quotes.len(),
        })
    }
}

impl QuoteSpill {
    /// An empty spill in a temporary file that is removed when dropped.
    pub fn new() -> io::Result<Self> {
        Ok(QuoteSpill {
            file: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            count: 0,
        })
    }

    /// Append one document's records.
    pub fn push(&mut self, quotes: &EncodedQuotes) -> io::Result<()> {
        self.count += quotes.count;
        self.file.write_all(&quotes.bytes)
    }

    /// Number of records pushed.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when no record was pushed.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The rows of the records, in the order pushed, keyed by `speakers`.
    pub fn rows(
        self,
        speakers: &SpeakerIndex,
    ) -> io::Result<impl Iterator<Item = io::Result<QuoteRow>> + '_> {
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        let lines = BufReader::with_capacity(1 << 20, file).split(b'\n');
        Ok(lines.map(move |line| {
            let record: QuoteRecord = serde_json::from_slice(&line?)?;
            Ok(quote_row(record, speakers))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quotecheck_core::{analyze, quote_records, Document};

    #[test]
    fn records_come_back_unchanged_in_order() -> io::Result<()> {
        let texts = [
            "“We will win,” she said. “Not now,” he added, “maybe < later & more.”",
            "The mayor said: “0.1 is 10% of 1.”\nShe wrote “tabs\there”.",
        ];
        let mut spill = QuoteSpill::new()?;
        let mut all = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let doc = Document::new(format!("d{i}"), *t);
            let records = quote_records(&doc, &analyze(&doc));
            spill.push(&EncodedQuotes::new(&records)?)?;
            all.extend(records);
        }
        assert!(all.len() >= 3, "{all:?}");
        assert_eq!(spill.len(), all.len());
        let index = SpeakerIndex::default();
        let back: Vec<QuoteRecord> = spill
            .rows(&index)?
            .map(|r| r.map(|r| r.record))
            .collect::<io::Result<_>>()?;
        assert_eq!(back, all);
        Ok(())
    }
}
