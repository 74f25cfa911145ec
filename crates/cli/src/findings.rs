//! `findings.csv` and `findings.jsonl`, the files an editor opens first:
//! the report pipeline's documents, claims and quotes handed to
//! [`quotecheck_dedup::findings`], written one row per [`Finding`], and the
//! short summary printed on stderr after a report. The matches of
//! `--factchecks` and `--index` join them as `fact_checked` and
//! `previously_seen` findings ([`add_matches`]).

use std::collections::HashMap;
use std::io::{self, Write};

use quotecheck_dedup::compare::compare;
use quotecheck_dedup::findings::{self as build, Corpus, DocInfo, Findings};
pub use quotecheck_dedup::findings::{Finding, FINDING_COLUMNS, KINDS};

use crate::claim_index::PreviouslySeenRow;
use crate::claims::{ClaimRow, DedupTables};
use crate::matching::FactCheckedRow;
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
                .push((c.byte_start, c.byte_end, c.char_start, &*c.claim));
        }
    }
    for q in quotes {
        let r = &q.record;
        if let Some(d) = corpus.get_mut(&r.doc_id) {
            d.quotes
                .push((r.byte_start, r.byte_end, &r.quote_id, &q.speaker_key));
        }
    }
    build::findings(&tables.report, &corpus)
}

/// What the run knows of the claims that matched: documents (dates, URLs),
/// claims by id (sentence contexts) and quotes (ids, speaker keys).
struct Known<'a> {
    docs: HashMap<&'a str, &'a Analyzed>,
    claims: HashMap<(&'a str, &'a str), &'a ClaimRow>,
    sentences: HashMap<&'a str, Vec<&'a ClaimRow>>,
    quotes: HashMap<&'a str, Vec<&'a QuoteRow>>,
}

impl<'a> Known<'a> {
    fn new(docs: &[&'a Analyzed], quotes: &'a [QuoteRow], claims: &'a [ClaimRow]) -> Self {
        let mut k = Known {
            docs: docs.iter().map(|d| (d.doc_id.as_str(), *d)).collect(),
            claims: HashMap::new(),
            sentences: HashMap::new(),
            quotes: HashMap::new(),
        };
        for c in claims {
            k.claims.insert((&c.doc_id, &c.claim_id), c);
            if c.kind == "sentence" {
                k.sentences.entry(&c.doc_id).or_default().push(c);
            }
        }
        for q in quotes {
            k.quotes.entry(&q.record.doc_id).or_default().push(q);
        }
        k
    }

    /// The side `a` of a finding: the run's claim `claim_id` of `doc`.
    fn side_a(&self, f: &mut Finding, doc: &str, claim_id: &str, text: &str, speaker: &str) {
        let d = self.docs.get(doc);
        f.doc_a = doc.to_string();
        f.date_a = d.and_then(|d| d.date.clone());
        f.url_a = d.and_then(|d| d.url.clone());
        f.text_a = text.to_string();
        f.speaker_a = speaker.to_string();
        f.context_a = text.to_string();
        let Some(c) = self.claims.get(&(doc, claim_id)) else {
            return;
        };
        f.char_start_a = Some(c.char_start);
        f.char_end_a = Some(c.char_end);
        if let Some(s) = self.sentences.get(doc).and_then(|v| {
            v.iter()
                .find(|s| s.byte_start <= c.byte_start && c.byte_end <= s.byte_end)
        }) {
            f.context_a = s.claim.to_string();
        }
        if c.kind == "quote" {
            let q = self.quotes.get(doc).and_then(|v| {
                v.iter()
                    .filter(|q| {
                        q.record.byte_start < c.byte_end && c.byte_start < q.record.byte_end
                    })
                    .max_by_key(|q| {
                        q.record.byte_end.min(c.byte_end) - q.record.byte_start.max(c.byte_start)
                    })
            });
            if let Some(q) = q {
                f.quote_id_a = Some(q.record.quote_id.clone());
                f.speaker_key_a = q.speaker_key.clone();
            }
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// `“text”`, cut after 14 words.
fn quoted(text: &str) -> String {
    let ws: Vec<&str> = text.split_whitespace().collect();
    if ws.len() <= 14 {
        format!("“{}”", ws.join(" "))
    } else {
        format!("“{} …”", ws[..14].join(" "))
    }
}

/// A `fact_checked` finding: `a` is the run's claim, `b` the fact-check.
fn fact_checked(known: &Known<'_>, r: &FactCheckedRow) -> Finding {
    let mut f = Finding {
        finding_id: build::finding_id(
            "fact_checked",
            &r.doc_id,
            &r.fact_check_id,
            &r.claim,
            &r.fact_check,
        ),
        severity: build::fact_checked_severity(&r.verdict).to_string(),
        kind: "fact_checked".to_string(),
        doc_b: r.fact_check_id.clone(),
        date_b: non_empty(&r.date),
        url_b: non_empty(&r.url),
        text_b: r.fact_check.clone(),
        context_b: r.fact_check.clone(),
        similarity: r.coverage,
        ..Finding::default()
    };
    known.side_a(&mut f, &r.doc_id, &r.claim_id, &r.claim, &r.speaker);
    let by = match (r.date.as_str(), r.url.as_str()) {
        ("", "") => r.fact_check_id.clone(),
        ("", url) => format!("{} ({url})", r.fact_check_id),
        (date, _) => format!("{} of {date}", r.fact_check_id),
    };
    f.explanation = if r.verdict.trim().is_empty() {
        format!(
            "This claim was already fact-checked (no verdict given) in {by}: {}.",
            quoted(&r.fact_check)
        )
    } else {
        format!(
            "This claim was already fact-checked and rated “{}” in {by}: {}.",
            r.verdict.trim(),
            quoted(&r.fact_check)
        )
    };
    f
}

/// A `previously_seen` finding: `a` is the run's claim, `b` the claim of
/// the index as first seen.
fn previously_seen(known: &Known<'_>, r: &PreviouslySeenRow) -> Finding {
    let c = compare(&r.claim, &r.seen_claim);
    let exact = r.r#match == "exact";
    let mut f = Finding {
        finding_id: build::finding_id(
            "previously_seen",
            &r.doc_id,
            &r.first_doc_id,
            &r.claim,
            &r.seen_claim,
        ),
        kind: "previously_seen".to_string(),
        change: if exact {
            String::new()
        } else {
            c.change.as_str().to_string()
        },
        doc_b: r.first_doc_id.clone(),
        date_b: non_empty(&r.first_date),
        url_b: non_empty(&r.first_url),
        speaker_b: r.first_speaker.clone(),
        text_b: r.seen_claim.clone(),
        context_b: r.seen_claim.clone(),
        diff: if exact { String::new() } else { c.diff },
        similarity: if exact { 1.0 } else { c.similarity },
        ..Finding::default()
    };
    known.side_a(&mut f, &r.doc_id, &r.claim_id, &r.claim, &r.speaker);
    let when = if r.first_date.is_empty() {
        String::new()
    } else {
        format!(" of {}", r.first_date)
    };
    let how = if exact {
        "This claim"
    } else {
        "A near-identical claim"
    };
    f.explanation = format!(
        "{how} was seen before: first in {}{when} (indexed {}), {} time{} in all.",
        r.first_doc_id,
        r.first_seen,
        r.occurrences,
        if r.occurrences == 1 { "" } else { "s" }
    );
    f
}

/// Add the matches of `--factchecks` (`factchecks.csv` rows) and `--index`
/// (`previously_seen.csv` rows) to the run's findings, ranked with them.
pub fn add_matches(
    found: &mut Findings,
    (docs, quotes, claims): (&[&Analyzed], &[QuoteRow], &[ClaimRow]),
    fact: &[FactCheckedRow],
    seen: &[PreviouslySeenRow],
) {
    if fact.is_empty() && seen.is_empty() {
        return;
    }
    let known = Known::new(docs, quotes, claims);
    let extra = fact
        .iter()
        .map(|r| fact_checked(&known, r))
        .chain(seen.iter().map(|r| previously_seen(&known, r)))
        .collect();
    build::add_found(found, extra);
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
