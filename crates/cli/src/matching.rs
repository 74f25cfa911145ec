//! Matching claims against fact-checks: the `quotecheck match` command and
//! the `factchecks.csv` file of `quotecheck report --factchecks`.
//!
//! Queries. A JSONL or CSV row whose text is at most [`SHORT_QUERY`]
//! characters (a post, a headline, a claim typed by an editor) is one
//! query, its id the row's document id. Every other document (text, HTML,
//! longer rows) is split into sentence claims as `report` does
//! (`claims.csv`, kind `sentence`), each a query with the id
//! `<doc_id>@<char_start>-<char_end>` — the `claim_id` of `claims.csv`.
//!
//! Each query gets the `--top` best fact-checks by BM25
//! ([`quotecheck_claims::FactIndex`]), or with `--semantic` by the learned
//! re-ranker over BM25 and the built-in model's candidates
//! ([`quotecheck_claims::rerank`]), or with a sentence-transformer
//! (`--model DIR` or `QUOTECHECK_MODEL`, [`crate::semantic`]) by z-score
//! fusion of BM25 and the model's cosine ([`quotecheck_claims::fusion`]);
//! `same_claim` says whether a hit
//! passes the same-claim rule (numbers and negation agree, enough of the
//! fact-check's words present; docs/claims.md). `report --factchecks`
//! keeps, for each claim of the report, the best hit that passes the rule,
//! once per document and fact-check.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use quotecheck_claims::embedder::Embedder;
use quotecheck_claims::factcheck::FactCheck;
use quotecheck_claims::fusion::{FusedIndex, Ranking, MODEL_WEIGHT};
use quotecheck_claims::model::ALL_MINILM_L6_V2;
use quotecheck_claims::rerank::Reranker;
use quotecheck_claims::{read_factchecks, FactHit, FactIndex, MatchConfig};
use quotecheck_core::analyze;
use quotecheck_dedup::{claims_from, ClaimKind};
use serde::Serialize;

use crate::claims::ClaimRow;
use crate::commands::{exit_code, OutputOptions};
use crate::error::FatalError;
use crate::input::InputDoc;
use crate::output::{neutralise, write_json, CsvOptions, Format, Staged};
use crate::run::{run, thread_pool, RunOptions};
use crate::semantic::Semantic;

/// JSONL/CSV rows with at most this many characters are one query each.
pub const SHORT_QUERY: usize = 400;

/// One query: a short row or a sentence claim of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The query id (see the module documentation).
    pub id: String,
    /// The document it comes from.
    pub doc_id: String,
    /// Code-point offsets of the query in the document's text.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// The text searched.
    pub text: String,
}

/// The queries of one document (see the module documentation).
pub fn queries_of(d: &InputDoc) -> Vec<Query> {
    let doc = &d.doc;
    let chars = doc.text.chars().count();
    if d.line.is_some() && chars <= SHORT_QUERY {
        if doc.text.trim().is_empty() {
            return Vec::new();
        }
        return vec![Query {
            id: doc.id.clone(),
            doc_id: doc.id.clone(),
            char_start: 0,
            char_end: chars,
            text: doc.text.clone(),
        }];
    }
    let analysis = analyze(doc);
    claims_from(doc, &analysis)
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Sentence)
        .map(|c| Query {
            id: format!("{}@{}-{}", c.doc_id, c.char_start, c.char_end),
            doc_id: c.doc_id,
            char_start: c.char_start,
            char_end: c.char_end,
            text: c.text,
        })
        .collect()
}

/// One row of `quotecheck match`: a fact-check found for a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchRow {
    /// The query's id.
    pub query_id: String,
    /// 1-based rank of the fact-check for this query.
    pub rank: u32,
    /// The fact-check's id.
    pub claim_id: String,
    /// Ranking score, comparable within one query only: BM25, or with
    /// `--semantic` the re-ranker's log-odds, or with a model the fused
    /// z-score (higher is closer).
    pub score: f32,
    /// The fact-check's verdict.
    pub verdict: String,
    /// The fact-check's address.
    pub url: String,
    /// When the fact-check was published.
    pub date: String,
    /// Whether the hit passes the same-claim rule.
    pub same_claim: bool,
    /// Share of the fact-check's content words found in the query.
    pub coverage: f32,
    /// The query's document.
    pub doc_id: String,
    /// Code-point offset of the query in its document.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// The query's text.
    pub query: String,
    /// The checked claim.
    pub claim: String,
}

/// One row of `factchecks.csv`: a claim of the report that was already
/// checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactCheckedRow {
    /// Always `fact_checked`.
    pub finding: &'static str,
    /// The claim's document.
    pub doc_id: String,
    /// The claim (`claim_id` of `claims.csv`).
    pub claim_id: String,
    /// `sentence` or `quote`.
    pub kind: String,
    /// Speaker of a quote (empty for sentences).
    pub speaker: String,
    /// The claim as written.
    pub claim: String,
    /// The fact-check's id.
    pub fact_check_id: String,
    /// The checked claim.
    pub fact_check: String,
    /// The verdict.
    pub verdict: String,
    /// The fact-check's address.
    pub url: String,
    /// When the fact-check was published.
    pub date: String,
    /// BM25 score.
    pub score: f32,
    /// Share of the fact-check's content words found in the claim.
    pub coverage: f32,
    /// Code-point offset of the claim.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
}

/// Read and index a fact-check file; the error names the file and position.
pub fn load_factchecks(path: &Path, config: MatchConfig) -> Result<FactIndex, FatalError> {
    let checks = read_factchecks(path)
        .map_err(|e| FatalError::Usage(format!("cannot read fact-checks: {e}")))?;
    Ok(FactIndex::new(checks, config))
}

/// Read and index a fact-check file for `match` and `report --factchecks`
/// alike: BM25 candidates ranked by the lexical re-ranker
/// ([`Reranker::LEXICAL`]); with the built-in model, the learned re-ranker
/// ([`Reranker::BUILTIN`]); with a sentence-transformer, BM25 fused with
/// its cosine ([`FusedIndex`], weight [`MODEL_WEIGHT`]). The fact-checks
/// are embedded on the current rayon pool.
pub fn fact_index(path: &Path, semantic: &Semantic) -> Result<Ranking, FatalError> {
    let index = load_factchecks(path, MatchConfig::default())?;
    Ok(match semantic {
        Semantic::Off => Ranking::Lexical(index.with_lexical_reranker(Reranker::LEXICAL)),
        Semantic::Builtin => Ranking::Lexical(index.with_reranker(Reranker::BUILTIN)),
        Semantic::Model(m) => {
            let model: Arc<dyn Embedder> = m.clone();
            let fused = FusedIndex::new(index, model, MODEL_WEIGHT).map_err(embed_error)?;
            // The learned re-ranker's weights are fitted for all-MiniLM-L6-v2;
            // another model keeps the z-score fusion.
            if m.id() == ALL_MINILM_L6_V2.id {
                Ranking::Fused(fused.with_reranker(Reranker::MODEL))
            } else {
                Ranking::Fused(fused)
            }
        }
    })
}

/// A model that failed while embedding (not expected once it has loaded).
fn embed_error(e: quotecheck_claims::embedder::EmbedError) -> FatalError {
    FatalError::Usage(e.to_string())
}

/// Hits that pass the same-claim rule searched among the best this many.
const FACT_CHECKED_TOP: usize = 3;

/// The claims of a report that were already checked: for each claim the
/// best hit passing the same-claim rule, once per (document, fact-check).
pub fn fact_checked(
    index: &Ranking,
    claims: &[ClaimRow],
) -> Result<Vec<FactCheckedRow>, FatalError> {
    let texts: Vec<&str> = claims.iter().map(|c| &*c.claim).collect();
    let hits = index
        .search_all(&texts, FACT_CHECKED_TOP)
        .map_err(embed_error)?;
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for (c, hits) in claims.iter().zip(hits) {
        let Some(h) = hits.iter().find(|h| h.same_claim) else {
            continue;
        };
        if !seen.insert((c.doc_id.as_str(), h.check)) {
            continue;
        }
        let f = &index.checks()[h.check as usize];
        rows.push(FactCheckedRow {
            finding: "fact_checked",
            doc_id: c.doc_id.clone(),
            claim_id: c.claim_id.clone(),
            kind: c.kind.to_string(),
            speaker: c.speaker.clone(),
            claim: c.claim.to_string(),
            fact_check_id: f.id.clone(),
            fact_check: f.claim.clone(),
            verdict: f.verdict.clone(),
            url: f.url.clone(),
            date: f.date.clone(),
            score: h.score,
            coverage: h.coverage,
            char_start: c.char_start,
            char_end: c.char_end,
        });
    }
    Ok(rows)
}

/// Rows whose text cells can be neutralised for CSV.
pub trait Neutralise {
    /// The row with every text cell neutralised ([`neutralise`]).
    fn neutralised(&self) -> Self;
}

fn n(s: &str) -> String {
    neutralise(s).into_owned()
}

impl Neutralise for MatchRow {
    fn neutralised(&self) -> Self {
        MatchRow {
            query_id: n(&self.query_id),
            claim_id: n(&self.claim_id),
            verdict: n(&self.verdict),
            url: n(&self.url),
            date: n(&self.date),
            doc_id: n(&self.doc_id),
            query: n(&self.query),
            claim: n(&self.claim),
            ..self.clone()
        }
    }
}

impl Neutralise for FactCheckedRow {
    fn neutralised(&self) -> Self {
        FactCheckedRow {
            doc_id: n(&self.doc_id),
            claim_id: n(&self.claim_id),
            speaker: n(&self.speaker),
            claim: n(&self.claim),
            fact_check_id: n(&self.fact_check_id),
            fact_check: n(&self.fact_check),
            verdict: n(&self.verdict),
            url: n(&self.url),
            date: n(&self.date),
            ..self.clone()
        }
    }
}

/// Write rows serialised from their struct: CSV (header from the field
/// names, cells neutralised, optional BOM), JSON or JSON Lines.
pub fn write_rows<T: Serialize + Neutralise>(
    w: &mut dyn Write,
    rows: &[T],
    format: Format,
    csv: CsvOptions,
    columns: &[&str],
) -> io::Result<()> {
    match format {
        Format::Json => write_json(w, rows, false),
        Format::Jsonl => write_json(w, rows, true),
        Format::Csv => {
            if csv.bom {
                w.write_all(b"\xEF\xBB\xBF")?;
            }
            let mut out = csv::WriterBuilder::new().has_headers(false).from_writer(w);
            out.write_record(columns).map_err(io::Error::other)?;
            for r in rows {
                out.serialize(r.neutralised()).map_err(io::Error::other)?;
            }
            out.flush()
        }
    }
}

/// Columns of `quotecheck match` CSV: the fields of [`MatchRow`] in order.
pub const MATCH_COLUMNS: &[&str] = &[
    "query_id",
    "rank",
    "claim_id",
    "score",
    "verdict",
    "url",
    "date",
    "same_claim",
    "coverage",
    "doc_id",
    "char_start",
    "char_end",
    "query",
    "claim",
];

/// Columns of `factchecks.csv`: the fields of [`FactCheckedRow`] in order.
pub const FACT_CHECKED_COLUMNS: &[&str] = &[
    "finding",
    "doc_id",
    "claim_id",
    "kind",
    "speaker",
    "claim",
    "fact_check_id",
    "fact_check",
    "verdict",
    "url",
    "date",
    "score",
    "coverage",
    "char_start",
    "char_end",
];

/// Stage `factchecks.csv` of a report (rows of [`fact_checked`]) into
/// `dir`; returns its name.
pub fn stage_factchecks(
    staged: &mut Staged,
    dir: &Path,
    rows: &[FactCheckedRow],
    csv: CsvOptions,
) -> Result<String, FatalError> {
    staged.stage(&dir.join("factchecks.csv"), |w| {
        write_rows(w, rows, Format::Csv, csv, FACT_CHECKED_COLUMNS)
    })?;
    Ok("factchecks.csv".to_string())
}

/// Options of `quotecheck match`.
#[derive(Debug, Clone)]
pub struct MatchOptions {
    /// Fact-checks per query (`--top`).
    pub top: usize,
    /// The semantic tier (`--semantic`, `--model`): the built-in model and
    /// the re-ranker, or a sentence-transformer fused with BM25.
    pub semantic: Semantic,
}

/// `quotecheck match`: the best fact-checks for each query of the inputs.
pub fn match_claims(
    inputs: &[String],
    opts: &RunOptions,
    against: &Path,
    options: MatchOptions,
    out: &OutputOptions,
) -> Result<u8, FatalError> {
    crate::commands::check_destination(&out.destination)?;
    let top = options.top;
    let index = thread_pool(opts.threads)?.install(|| fact_index(against, &options.semantic))?;
    let run = run(inputs, opts, |d| queries_of(&d))?;
    let queries: Vec<&Query> = run.ok().flatten().collect();
    let texts: Vec<&str> = queries.iter().map(|q| q.text.as_str()).collect();
    let hits = thread_pool(opts.threads)?
        .install(|| index.search_all(&texts, top))
        .map_err(embed_error)?;
    let rows: Vec<MatchRow> = queries
        .iter()
        .zip(&hits)
        .flat_map(|(q, hits)| hits.iter().map(|h| match_row(index.checks(), q, h)))
        .collect();
    out.destination
        .write(|w| write_rows(w, &rows, out.format, out.csv, MATCH_COLUMNS))?;
    Ok(exit_code(&run))
}

fn match_row(checks: &[FactCheck], q: &Query, h: &FactHit) -> MatchRow {
    let f = &checks[h.check as usize];
    MatchRow {
        query_id: q.id.clone(),
        rank: h.rank,
        claim_id: f.id.clone(),
        score: h.score,
        verdict: f.verdict.clone(),
        url: f.url.clone(),
        date: f.date.clone(),
        same_claim: h.same_claim,
        coverage: h.coverage,
        doc_id: q.doc_id.clone(),
        char_start: q.char_start,
        char_end: q.char_end,
        query: q.text.clone(),
        claim: f.claim.clone(),
    }
}

/// Checks that the column lists follow the structs (used by the tests).
#[cfg(test)]
mod tests {
    use super::*;

    fn header_of<T: Serialize>(row: &T) -> Vec<String> {
        let v = serde_json::to_value(row).expect("json");
        let mut out = Vec::new();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(row).expect("csv");
        let bytes = w.into_inner().expect("bytes");
        let text = String::from_utf8(bytes).expect("utf8");
        if let Some(first) = text.lines().next() {
            out = first.split(',').map(str::to_string).collect();
        }
        assert!(v.is_object());
        out
    }

    #[test]
    fn columns_are_the_struct_fields() {
        let m = MatchRow {
            query_id: "q".into(),
            rank: 1,
            claim_id: "c".into(),
            score: 1.0,
            verdict: "False".into(),
            url: String::new(),
            date: String::new(),
            same_claim: true,
            coverage: 1.0,
            doc_id: "d".into(),
            char_start: 0,
            char_end: 1,
            query: "=1+1".into(),
            claim: "x".into(),
        };
        assert_eq!(header_of(&m), MATCH_COLUMNS);
        let mut buf = Vec::new();
        write_rows(
            &mut buf,
            &[m],
            Format::Csv,
            CsvOptions::default(),
            MATCH_COLUMNS,
        )
        .expect("write");
        let text = String::from_utf8(buf).expect("utf8");
        assert!(text.contains(",'=1+1,"), "{text}");
        let f = FactCheckedRow {
            finding: "fact_checked",
            doc_id: "d".into(),
            claim_id: "c".into(),
            kind: "sentence".into(),
            speaker: String::new(),
            claim: "x".into(),
            fact_check_id: "1".into(),
            fact_check: "y".into(),
            verdict: String::new(),
            url: String::new(),
            date: String::new(),
            score: 1.0,
            coverage: 1.0,
            char_start: 0,
            char_end: 1,
        };
        assert_eq!(header_of(&f), FACT_CHECKED_COLUMNS);
    }
}
