//! The rendered quote rows of a streamed `quotes` run, kept on disk until
//! the corpus speaker keys are known.
//!
//! A speaker key depends on the whole corpus (a bare surname joins the full
//! name most documents use; a key shared by a person and an organisation is
//! renamed), so no row can be written before the last document is
//! analysed. Rather than hold every document's rows in memory, each
//! document's rows, rendered in the output format by the worker that
//! analysed it ([`RenderedDoc`]), are appended to an anonymous temporary
//! file; only what speaker linking needs stays in memory. Once the corpus
//! is linked, [`RowSpill::replay`] reads the documents back in input order,
//! one at a time into one reused buffer.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use crate::rendered::{RenderedDoc, RowSlot};

/// Rendered documents on disk, in the order they were pushed.
pub struct RowSpill {
    file: BufWriter<File>,
    docs: usize,
    rows: usize,
}

impl RowSpill {
    /// An empty spill in a temporary file that is removed when dropped.
    pub fn new() -> io::Result<Self> {
        Ok(RowSpill {
            file: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            docs: 0,
            rows: 0,
        })
    }

    /// Append one document.
    pub fn push(&mut self, doc: &RenderedDoc) -> io::Result<()> {
        let w = &mut self.file;
        put_bytes(w, doc.doc_id.as_bytes())?;
        put_len(w, doc.speakers.len())?;
        for (name, role) in &doc.speakers {
            put_bytes(w, name.as_bytes())?;
            put_bytes(w, role.as_bytes())?;
        }
        put_len(w, doc.rows.len())?;
        for r in &doc.rows {
            put_len(w, r.end)?;
            put_len(w, r.key_at)?;
            put_len(w, r.speaker)?;
        }
        put_bytes(w, &doc.bytes)?;
        self.docs += 1;
        self.rows += doc.rows.len();
        Ok(())
    }

    /// Number of documents pushed.
    pub fn docs(&self) -> usize {
        self.docs
    }

    /// Number of rows pushed.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Give every document to `f`, in the order pushed (the same buffer
    /// each time).
    pub fn replay(self, mut f: impl FnMut(&RenderedDoc) -> io::Result<()>) -> io::Result<()> {
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        let mut r = BufReader::with_capacity(1 << 20, file);
        let mut doc = RenderedDoc::default();
        let mut text = Vec::new();
        for _ in 0..self.docs {
            get_bytes(&mut r, &mut text)?;
            doc.doc_id = into_string(&text)?;
            let speakers = get_len(&mut r)?;
            doc.speakers.clear();
            for _ in 0..speakers {
                get_bytes(&mut r, &mut text)?;
                let name = into_string(&text)?;
                get_bytes(&mut r, &mut text)?;
                doc.speakers.push((name, into_string(&text)?));
            }
            let rows = get_len(&mut r)?;
            doc.rows.clear();
            for _ in 0..rows {
                doc.rows.push(RowSlot {
                    end: get_len(&mut r)?,
                    key_at: get_len(&mut r)?,
                    speaker: get_len(&mut r)?,
                });
            }
            get_bytes(&mut r, &mut doc.bytes)?;
            f(&doc)?;
        }
        Ok(())
    }
}

fn put_len(w: &mut impl Write, n: usize) -> io::Result<()> {
    w.write_all(&(n as u64).to_le_bytes())
}

fn put_bytes(w: &mut impl Write, b: &[u8]) -> io::Result<()> {
    put_len(w, b.len())?;
    w.write_all(b)
}

fn get_len(r: &mut impl Read) -> io::Result<usize> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    usize::try_from(u64::from_le_bytes(b)).map_err(io::Error::other)
}

/// Read a length-prefixed run of bytes into `buf` (replacing its content;
/// its capacity is reused).
fn get_bytes(r: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<()> {
    let n = get_len(r)?;
    buf.clear();
    let got = r.by_ref().take(n as u64).read_to_end(buf)?;
    if got != n {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(())
}

fn into_string(b: &[u8]) -> io::Result<String> {
    String::from_utf8(b.to_vec()).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_come_back_unchanged_in_order() -> io::Result<()> {
        let docs = [
            RenderedDoc {
                doc_id: "d0".into(),
                speakers: vec![
                    ("Elena Marsh".into(), "Mayor".into()),
                    ("the mayor".into(), String::new()),
                ],
                bytes: b"{\"a\":\"\"}\n{\"b\":\"\"}\n".to_vec(),
                rows: vec![
                    RowSlot {
                        end: 9,
                        key_at: 6,
                        speaker: 1,
                    },
                    RowSlot {
                        end: 18,
                        key_at: 15,
                        speaker: crate::rendered::NO_SPEAKER,
                    },
                ],
            },
            RenderedDoc::default(),
            RenderedDoc {
                doc_id: "d2 “x”".into(),
                speakers: Vec::new(),
                bytes: Vec::new(),
                rows: Vec::new(),
            },
        ];
        let mut spill = RowSpill::new()?;
        for d in &docs {
            spill.push(d)?;
        }
        assert_eq!(spill.rows(), 2);
        let mut back = Vec::new();
        spill.replay(|d| {
            back.push(d.clone());
            Ok(())
        })?;
        assert_eq!(back, docs);
        Ok(())
    }
}
