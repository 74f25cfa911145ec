//! `findings.csv` and `findings.jsonl`, the files an editor opens first:
//! the report pipeline's documents, claims and quotes handed to
//! [`quotecheck_dedup::findings`], written one row per [`Finding`], and the
//! short summary printed on stderr after a report.

use std::io::{self, Write};

use quotecheck_dedup::findings::{self as build, Corpus, DocInfo, Findings};
pub use quotecheck_dedup::findings::{Finding, FINDING_COLUMNS, KINDS};

use crate::claims::DedupTables;
use crate::output::{neutralise, CsvOptions};
use crate::report::QuoteRow;
use crate::run::Analyzed;

/// The findings of a report run: documents (dates, URLs), their sentence
/// claims (contexts) and quotes (ids, speaker keys) with the dedup report.
pub fn of_run(docs: &[&Analyzed], quotes: &[QuoteRow], tables: &DedupTables) -> Findings {
    let mut corpus = Corpus::with_capacity(docs.len());
    for d in docs {
        corpus.insert(
            d.doc_id.clone(),
            DocInfo {
                date: d.date.clone(),
                url: d.url.clone(),
                ..DocInfo::default()
            },
        );
    }
    for c in tables.claims.iter().filter(|c| c.kind == "sentence") {
        if let Some(d) = corpus.get_mut(&c.doc_id) {
            d.sentences
                .push((c.byte_start, c.byte_end, c.char_start, c.claim.clone()));
        }
    }
    for q in quotes {
        let r = &q.record;
        if let Some(d) = corpus.get_mut(&r.doc_id) {
            d.quotes.push((
                r.byte_start,
                r.byte_end,
                r.quote_id.clone(),
                q.speaker_key.clone(),
            ));
        }
    }
    build::findings(&tables.report, &corpus)
}

/// A copy of a finding with every text cell neutralised for spreadsheets.
fn neutralised(f: &Finding) -> Finding {
    let n = |s: &str| neutralise(s).into_owned();
    let o = |s: &Option<String>| s.as_deref().map(n);
    Finding {
        finding_id: n(&f.finding_id),
        severity: n(&f.severity),
        kind: n(&f.kind),
        change: n(&f.change),
        doc_a: n(&f.doc_a),
        doc_b: n(&f.doc_b),
        date_a: o(&f.date_a),
        date_b: o(&f.date_b),
        speaker_a: n(&f.speaker_a),
        speaker_b: n(&f.speaker_b),
        speaker_key_a: n(&f.speaker_key_a),
        speaker_key_b: n(&f.speaker_key_b),
        text_a: n(&f.text_a),
        text_b: n(&f.text_b),
        diff: n(&f.diff),
        context_a: n(&f.context_a),
        context_b: n(&f.context_b),
        explanation: n(&f.explanation),
        quote_id_a: o(&f.quote_id_a),
        quote_id_b: o(&f.quote_id_b),
        url_a: o(&f.url_a),
        url_b: o(&f.url_b),
        ..f.clone()
    }
}

/// Write `findings.csv`: a header, then one row per finding (rank order),
/// formula-like cells neutralised.
pub fn write_csv(w: &mut dyn Write, findings: &[Finding], opts: CsvOptions) -> io::Result<()> {
    if opts.bom {
        w.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut csv = csv::Writer::from_writer(w);
    if findings.is_empty() {
        csv.write_record(FINDING_COLUMNS)?;
    }
    for f in findings {
        csv.serialize(neutralised(f))?;
    }
    csv.flush()
}

/// Write `findings.jsonl`: one JSON object per finding, as found (not
/// neutralised).
pub fn write_jsonl(w: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        serde_json::to_writer(&mut *w, f)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// The lines printed on stderr after a successful report: the files
/// written, findings by kind, and the first three findings.
pub fn stderr_summary(dir: &str, files: &[String], findings: &Findings) -> String {
    let mut s = format!("quotecheck: wrote {} to {dir}\n", files.join(", "));
    let by_kind: Vec<String> = KINDS
        .iter()
        .map(|k| (k, findings.count(k)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    if by_kind.is_empty() {
        s.push_str("findings: none\n");
    } else {
        s.push_str(&format!(
            "findings: {} ({})\n",
            findings.findings.len(),
            by_kind.join(", ")
        ));
    }
    if !findings.furniture.is_empty() {
        s.push_str(&format!(
            "left out as page furniture: {} repeated sentences\n",
            findings.furniture.len()
        ));
    }
    for f in findings.findings.iter().take(3) {
        let change = if f.change.is_empty() {
            String::new()
        } else {
            format!(" ({})", f.change)
        };
        s.push_str(&format!(
            "  {}. [{}] {}{}: {}\n",
            f.rank, f.severity, f.kind, change, f.explanation
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV header is the struct's fields in order (serde), and the
    /// issue's column list.
    #[test]
    fn columns_are_the_struct_fields_in_order() -> io::Result<()> {
        let mut out = Vec::new();
        write_csv(&mut out, &[Finding::default()], CsvOptions::default())?;
        let text = String::from_utf8_lossy(&out);
        let header = text.lines().next().unwrap_or_default();
        assert_eq!(header, FINDING_COLUMNS.join(","));
        let mut empty = Vec::new();
        write_csv(&mut empty, &[], CsvOptions::default())?;
        assert_eq!(String::from_utf8_lossy(&empty).trim(), header);
        Ok(())
    }

    #[test]
    fn cells_are_neutralised() -> io::Result<()> {
        let f = Finding {
            text_a: "=HYPERLINK(\"x\")".into(),
            ..Finding::default()
        };
        let mut out = Vec::new();
        write_csv(&mut out, &[f], CsvOptions::default())?;
        assert!(String::from_utf8_lossy(&out).contains("'=HYPERLINK"));
        Ok(())
    }
}
