//! Findings: what an editor acts on, one ranked row per finding
//! (`findings.csv`, `docs/reports.md`), built from a [`DedupReport`] and
//! what the caller knows of the documents ([`Corpus`]: dates, URLs,
//! sentences for context, quote ids).
//!
//! Kinds, most severe first: a negation or number change (`misquote` or
//! `altered_claim`), a `conflicting_attribution`, a `misquote` with other
//! words changed, a shortened `misquote`, `republished` (one document
//! largely a copy of another, one row per document pair) and
//! `repeated_claim` (one row per cluster). Findings found outside the
//! dedup report join the ranking through [`add_found`]: `fact_checked` (a
//! claim already checked; its severity follows the verdict,
//! [`fact_checked_severity`]) and `previously_seen` (a claim of the claim
//! index, `info`).
//!
//! Noise is removed before ranking:
//!
//! - **furniture**: a cluster of sentences found in at least
//!   [`FURNITURE_MIN_SOURCES`] independent sources (documents not copies of
//!   each other, and different URL hosts when URLs are known) is site
//!   furniture (bylines, newsletter prompts, "did not immediately respond
//!   to a request for comment"), counted in [`Findings::furniture`], never a
//!   finding;
//! - **republished families**: documents linked by `republished` pairs form
//!   a family; quote- and claim-level findings inside a family fold into
//!   its `republished` rows (negation and number changes excepted), and a
//!   finding repeated across copies is reported once;
//! - **one finding per claim**: a claim that is the changed side of a
//!   finding is not reported again, and a cluster nested in another
//!   cluster's claims (a quote inside its sentence) is not a second
//!   `repeated_claim`.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::claim::ClaimKind;
use crate::cluster::UnionFind;
use crate::compare::{compare, compare_without_diff, starts_a_clause, words, Change};
use crate::engine::DedupReport;
use crate::record::{ClaimRef, MisquoteKind};
use crate::rules::is_furniture_phrase;

mod rank;
#[cfg(test)]
mod tests;

pub use rank::{add_found, fact_checked_severity, finding_id};
use rank::{change_phrase, level_of, severity};

/// One finding: the columns of `findings.csv`, in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable id: a hash of the kind, the documents and the normalised texts.
    pub finding_id: String,
    /// 1 for the finding to read first.
    pub rank: usize,
    /// `high`, `medium`, `low` or `info`.
    pub severity: String,
    /// `misquote`, `conflicting_attribution`, `altered_claim`,
    /// `republished`, `repeated_claim`, `fact_checked` or
    /// `previously_seen`.
    pub kind: String,
    /// `negation`, `number`, `words`, `shortened` or empty.
    pub change: String,
    /// The earlier document (by date when known).
    pub doc_a: String,
    /// The other document.
    pub doc_b: String,
    /// Date of `doc_a` as given.
    pub date_a: Option<String>,
    /// Date of `doc_b` as given.
    pub date_b: Option<String>,
    /// Speaker of quote a.
    pub speaker_a: String,
    /// Speaker of quote b.
    pub speaker_b: String,
    /// Speaker key of quote a (`speakers.csv`).
    pub speaker_key_a: String,
    /// Speaker key of quote b.
    pub speaker_key_b: String,
    /// Text a as written.
    pub text_a: String,
    /// Text b as written.
    pub text_b: String,
    /// Anchored diff from a to b (`… will «not → now» close …`).
    pub diff: String,
    /// The sentence around text a.
    pub context_a: String,
    /// The sentence around text b.
    pub context_b: String,
    /// One plain sentence saying what was found.
    pub explanation: String,
    /// Word similarity of the compared texts (for `republished`: the share
    /// of the smaller document's claims found in the other).
    pub similarity: f32,
    /// `quote_id` of quote a in `quotes.csv`.
    pub quote_id_a: Option<String>,
    /// `quote_id` of quote b.
    pub quote_id_b: Option<String>,
    /// Code-point offset of text a in doc a.
    pub char_start_a: Option<usize>,
    /// Code-point end of text a (exclusive).
    pub char_end_a: Option<usize>,
    /// Code-point offset of text b in doc b.
    pub char_start_b: Option<usize>,
    /// Code-point end of text b (exclusive).
    pub char_end_b: Option<usize>,
    /// URL of doc a.
    pub url_a: Option<String>,
    /// URL of doc b.
    pub url_b: Option<String>,
}

/// Columns of `findings.csv`, in order: the fields of [`Finding`].
pub const FINDING_COLUMNS: &[&str] = &[
    "finding_id",
    "rank",
    "severity",
    "kind",
    "change",
    "doc_a",
    "doc_b",
    "date_a",
    "date_b",
    "speaker_a",
    "speaker_b",
    "speaker_key_a",
    "speaker_key_b",
    "text_a",
    "text_b",
    "diff",
    "context_a",
    "context_b",
    "explanation",
    "similarity",
    "quote_id_a",
    "quote_id_b",
    "char_start_a",
    "char_end_a",
    "char_start_b",
    "char_end_b",
    "url_a",
    "url_b",
];

/// A sentence cluster in at least this many independent sources is
/// furniture.
pub const FURNITURE_MIN_SOURCES: usize = 4;
/// Two documents sharing at least this many sentence clusters …
pub const REPUBLISHED_MIN_SHARED: usize = 3;
/// … and at least this share of the smaller one's sentences are a
/// `republished` pair.
pub const REPUBLISHED_MIN_SHARE: f32 = 0.5;
/// Before furniture is known, only near-complete copies (this many shared
/// sentences and this share) make families, so that pages sharing only
/// their furniture are not taken for copies of each other.
const STRICT_MIN_SHARED: usize = 5;
/// See [`STRICT_MIN_SHARED`].
const STRICT_MIN_SHARE: f32 = 0.8;
/// Clusters in more documents than this are not counted for republished
/// pairs (they are furniture or wire copy already counted elsewhere).
const PAIR_COUNT_MAX_DOCS: usize = 64;
/// A repeated claim has at least this many words on both sides …
const REPEATED_MIN_WORDS: usize = 10;
/// … share at least this many content words that are not
/// [generic](crate::rules::is_generic) …
const REPEATED_MIN_SHARED: usize = 4;
/// … and at least this word similarity (aligned, see
/// [`crate::compare::compare`]): below it two sentences are a loose
/// paraphrase or say different things with the same words (`help` /
/// `hurt`).
const REPEATED_MIN_SIMILARITY: f32 = 0.85;
/// Altered claims linked to this many different forms are a template.
const TEMPLATE_MIN_VARIANTS: usize = 3;

/// What the caller knows about one document. The texts are borrowed from
/// the caller's claim and quote rows (a run's claim texts are not copied
/// once more for the findings).
#[derive(Debug, Clone, Default)]
pub struct DocInfo<'a> {
    /// Publication date as given (ISO 8601 sorts correctly).
    pub date: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Sentences: `(byte_start, byte_end, char_start, text)`, in text order.
    pub sentences: Vec<(usize, usize, usize, &'a str)>,
    /// Quotes: `(byte_start, byte_end, quote_id, speaker_key)`.
    pub quotes: Vec<(usize, usize, &'a str, &'a str)>,
}

/// The documents of a run, by id.
pub type Corpus<'a> = HashMap<String, DocInfo<'a>>;

/// A sentence repeated across independent sources and left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Furniture {
    /// The text (of the cluster's canonical claim).
    pub text: String,
    /// Documents it appears in.
    pub documents: usize,
}

/// The findings of a run and what was left out as furniture.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    /// Ranked findings (rank 1 first).
    pub findings: Vec<Finding>,
    /// Furniture sentences, most documents first.
    pub furniture: Vec<Furniture>,
    /// Severity level of each finding (1 = most severe), for [`add_found`].
    levels: Vec<u8>,
}

impl Findings {
    /// Number of findings of `kind`.
    pub fn count(&self, kind: &str) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }
}

/// The kinds, in the order of the severity levels of the module doc.
pub const KINDS: &[&str] = &[
    "misquote",
    "conflicting_attribution",
    "altered_claim",
    "republished",
    "repeated_claim",
    "fact_checked",
    "previously_seen",
];

type Key = (Arc<str>, usize, usize);

fn key(c: &ClaimRef) -> Key {
    (c.doc_id.clone(), c.byte_start, c.byte_end)
}

struct Builder<'a> {
    corpus: &'a Corpus<'a>,
    family: HashMap<String, String>,
    /// Severity level (1 = most severe) of each finding before ranking.
    level: Vec<u8>,
    reach: Vec<usize>,
    out: Vec<Finding>,
    seen: HashSet<String>,
    used: HashSet<Key>,
    /// Spans of both sides of every finding so far, by document.
    used_spans: HashMap<String, Vec<(usize, usize)>>,
}

fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |x| x.1);
    rest.split('/').next().unwrap_or(rest)
}

fn hash_id(parts: &[&str]) -> String {
    let joined = parts.join("\u{1f}");
    format!("f{:016x}", xxh3_64(joined.as_bytes()))
}

fn short(text: &str) -> String {
    let ws: Vec<&str> = text.split_whitespace().collect();
    if ws.len() <= 14 {
        ws.join(" ")
    } else {
        format!("{} …", ws[..14].join(" "))
    }
}

impl Builder<'_> {
    /// True when `c` overlaps a claim already in a finding (either side).
    fn overlaps_used(&self, c: &ClaimRef) -> bool {
        self.used_spans
            .get(&*c.doc_id)
            .is_some_and(|v| v.iter().any(|&(s, e)| s < c.byte_end && c.byte_start < e))
    }

    fn info(&self, doc: &str) -> Option<&DocInfo<'_>> {
        self.corpus.get(doc)
    }

    fn date(&self, doc: &str) -> Option<String> {
        self.info(doc).and_then(|d| d.date.clone())
    }

    fn fam<'b>(&'b self, doc: &'b str) -> &'b str {
        self.family.get(doc).map_or(doc, String::as_str)
    }

    /// True when `b` is dated before `a` (both dates known).
    fn later_first(&self, a: &str, b: &str) -> bool {
        matches!((self.date(a), self.date(b)), (Some(x), Some(y)) if y < x)
    }

    fn context(&self, c: &ClaimRef) -> String {
        self.info(&c.doc_id)
            .and_then(|d| {
                d.sentences
                    .iter()
                    .find(|s| s.0 <= c.byte_start && c.byte_end <= s.1)
            })
            .map_or_else(|| c.text.to_string(), |s| s.3.to_string())
    }

    fn quote(&self, c: &ClaimRef) -> (Option<String>, String) {
        if c.speaker.is_none() {
            return (None, String::new());
        }
        self.info(&c.doc_id)
            .and_then(|d| {
                d.quotes
                    .iter()
                    .filter(|q| q.0 < c.byte_end && c.byte_start < q.1)
                    .max_by_key(|q| q.1.min(c.byte_end) - q.0.max(c.byte_start))
            })
            .map_or((None, String::new()), |q| {
                (Some(q.2.to_string()), q.3.to_string())
            })
    }

    /// A finding between two claims; `a` and `b` are swapped when `b` is
    /// the earlier by date.
    #[allow(clippy::too_many_arguments)]
    fn pair<'c>(
        &mut self,
        kind: &str,
        level: u8,
        mut a: &'c ClaimRef,
        mut b: &'c ClaimRef,
        explain: impl Fn(&ClaimRef, &ClaimRef, &str) -> String,
    ) {
        if self.later_first(&a.doc_id, &b.doc_id) {
            std::mem::swap(&mut a, &mut b);
        }
        if self.used.contains(&key(b)) {
            return;
        }
        let c = compare(&a.text, &b.text);
        let (na, nb) = (words(&a.text).join(" "), words(&b.text).join(" "));
        // Once per pair of families and texts: copies report it once.
        let dedup = hash_id(&[kind, self.fam(&a.doc_id), self.fam(&b.doc_id), &na, &nb]);
        if !self.seen.insert(dedup) {
            return;
        }
        self.used.insert(key(b));
        for c in [a, b] {
            self.used_spans
                .entry(c.doc_id.to_string())
                .or_default()
                .push((c.byte_start, c.byte_end));
        }
        let (qa, ka) = self.quote(a);
        let (qb, kb) = self.quote(b);
        let change = c.change.as_str();
        let explanation = explain(a, b, change);
        let corpus = self.corpus;
        let (ia, ib) = (corpus.get(&*a.doc_id), corpus.get(&*b.doc_id));
        self.level.push(level);
        self.reach.push(2);
        self.out.push(Finding {
            finding_id: hash_id(&[kind, &a.doc_id, &b.doc_id, &na, &nb]),
            rank: 0,
            severity: String::new(),
            kind: kind.to_string(),
            change: change.to_string(),
            doc_a: a.doc_id.to_string(),
            doc_b: b.doc_id.to_string(),
            date_a: ia.as_ref().and_then(|d| d.date.clone()),
            date_b: ib.as_ref().and_then(|d| d.date.clone()),
            speaker_a: a.speaker.clone().unwrap_or_default(),
            speaker_b: b.speaker.clone().unwrap_or_default(),
            speaker_key_a: ka,
            speaker_key_b: kb,
            text_a: a.text.to_string(),
            text_b: b.text.to_string(),
            diff: c.diff,
            context_a: self.context(a),
            context_b: self.context(b),
            explanation,
            similarity: c.similarity,
            quote_id_a: qa,
            quote_id_b: qb,
            char_start_a: Some(a.char_start),
            char_end_a: Some(a.char_end),
            char_start_b: Some(b.char_start),
            char_end_b: Some(b.char_end),
            url_a: ia.and_then(|d| d.url.clone()),
            url_b: ib.and_then(|d| d.url.clone()),
        });
    }
}

/// Republished pairs `(doc_a, doc_b, shared, share)`, counting the
/// sentence clusters not in `skip`.
fn republished(
    report: &DedupReport,
    sentence_count: &HashMap<&str, usize>,
    skip: &[bool],
) -> Vec<(String, String, usize, f32)> {
    // Documents by index in id order, so that a pair is one packed u64
    // and the pairs are counted by sorting (no map of string pairs).
    let mut ids: Vec<&str> = report
        .clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|m| &*m.claim.doc_id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let index = |d: &str| ids.binary_search(&d).map_or(u32::MAX, |i| i as u32);
    let mut pairs: Vec<u64> = Vec::new();
    let mut docs: Vec<u32> = Vec::new();
    for (c, _) in report.clusters.iter().zip(skip).filter(|x| !x.1) {
        if c.doc_count > PAIR_COUNT_MAX_DOCS
            || c.canonical().is_none_or(|x| x.kind != ClaimKind::Sentence)
        {
            continue;
        }
        docs.clear();
        docs.extend(c.members.iter().map(|m| index(&m.claim.doc_id)));
        docs.sort_unstable();
        docs.dedup();
        for (i, &a) in docs.iter().enumerate() {
            pairs.extend(
                docs[i + 1..]
                    .iter()
                    .map(|&b| (u64::from(a) << 32) | u64::from(b)),
            );
        }
    }
    pairs.sort_unstable();
    let shared = pairs.chunk_by(|x, y| x == y).map(|run| {
        let (a, b) = ((run[0] >> 32) as usize, (run[0] & 0xffff_ffff) as usize);
        ((ids[a], ids[b]), run.len())
    });
    let mut out: Vec<(String, String, usize, f32)> = shared
        .filter_map(|((a, b), n)| {
            let smaller = sentence_count
                .get(a)
                .copied()
                .unwrap_or(n)
                .min(sentence_count.get(b).copied().unwrap_or(n))
                .max(1);
            let share = (n as f32 / smaller as f32).min(1.0);
            (n >= REPUBLISHED_MIN_SHARED && share >= REPUBLISHED_MIN_SHARE)
                .then(|| (a.to_string(), b.to_string(), n, share))
        })
        .collect();
    out.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
    out
}

/// Families of documents linked by republished pairs: each document's
/// family representative, the earliest by (date, id).
fn families(
    pairs: &[(String, String, usize, f32)],
    corpus: &Corpus<'_>,
) -> HashMap<String, String> {
    let mut ids: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.0.as_str(), p.1.as_str()])
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let index: HashMap<&str, u32> = ids
        .iter()
        .enumerate()
        .map(|(i, d)| (*d, i as u32))
        .collect();
    let mut uf = UnionFind::new(ids.len());
    for p in pairs {
        uf.union(index[p.0.as_str()], index[p.1.as_str()]);
    }
    let order = |d: &str| (corpus.get(d).and_then(|i| i.date.clone()), d.to_string());
    let mut rep: HashMap<u32, &str> = HashMap::new();
    for &d in &ids {
        let root = uf.find(index[d]);
        let e = rep.entry(root).or_insert(d);
        if order(d) < order(e) {
            *e = d;
        }
    }
    ids.iter()
        .map(|&d| (d.to_string(), rep[&uf.find(index[d])].to_string()))
        .collect()
}

/// Which clusters are furniture: sentences in at least
/// [`FURNITURE_MIN_SOURCES`] sources — the URL hosts of the members'
/// family representatives when every URL is known, else the families.
fn furniture<'a>(
    report: &'a DedupReport,
    corpus: &'a Corpus<'a>,
    family: &'a HashMap<String, String>,
) -> Vec<bool> {
    report
        .clusters
        .iter()
        .map(|c| {
            // Copies count once: each member stands for its family's
            // representative (and that document's URL host).
            let rep = |d: &'a str| family.get(d).map_or(d, String::as_str);
            let urls: Option<Vec<&str>> = c
                .members
                .iter()
                .map(|m| corpus.get(rep(&m.claim.doc_id))?.url.as_deref().map(host))
                .collect();
            let mut sources: Vec<&str> = match urls {
                Some(hosts) => hosts,
                None => c
                    .members
                    .iter()
                    .map(|m| {
                        let d = &*m.claim.doc_id;
                        family.get(d).map_or(d, String::as_str)
                    })
                    .collect(),
            };
            sources.sort_unstable();
            sources.dedup();
            sources.len() >= FURNITURE_MIN_SOURCES
                || c.canonical().is_some_and(|x| {
                    x.kind == ClaimKind::Sentence && is_furniture_phrase(&words(&x.text).join(" "))
                })
        })
        .collect()
}

/// True when two speakers may be two different people: both have a key
/// (`speakers.csv`), both are written as names (every word capitalised:
/// `King`, not `Republican candidate` or `central`), and their surnames
/// (last words of the keys, accents folded) differ — `calls-trump` and
/// `donald-trump`, `calderon` and `felipe-calderón` are one person named
/// twice.
fn different_people(a: (&str, &str), b: (&str, &str)) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let named = |(speaker, key): (&str, &str)| {
        !key.is_empty()
            && !speaker.is_empty()
            && speaker
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
    };
    let surname = |k: &str| -> String {
        let k = k.rsplit('/').next().unwrap_or(k);
        k.rsplit('-')
            .next()
            .unwrap_or(k)
            .nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect()
    };
    named(a) && named(b) && surname(a.1) != surname(b.1)
}

/// Altered claims that are one template filled in many ways (a poll's
/// margin of error for each group, a delegate count on each date): pairs
/// whose claims, linked by altered pairs, take at least
/// [`TEMPLATE_MIN_VARIANTS`] different forms. Returns one flag per pair.
fn template_pairs(altered: &[(ClaimRef, ClaimRef)]) -> Vec<bool> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut id = |t: &str| {
        let n = ids.len() as u32;
        *ids.entry(words(t).join(" ")).or_insert(n)
    };
    let links: Vec<(u32, u32)> = altered
        .iter()
        .map(|(a, b)| (id(&a.text), id(&b.text)))
        .collect();
    let mut uf = UnionFind::new(ids.len());
    for &(a, b) in &links {
        uf.union(a, b);
    }
    let mut size: HashMap<u32, usize> = HashMap::new();
    for i in 0..ids.len() as u32 {
        *size.entry(uf.find(i)).or_default() += 1;
    }
    links
        .iter()
        .map(|&(a, _)| size[&uf.find(a)] >= TEMPLATE_MIN_VARIANTS)
        .collect()
}

/// Build the ranked findings of a report.
pub fn findings(report: &DedupReport, corpus: &Corpus<'_>) -> Findings {
    let sentence_count: HashMap<&str, usize> = corpus
        .iter()
        .map(|(id, d)| (id.as_str(), d.sentences.len()))
        .collect();
    // Families from a first count of shared sentences; furniture judged
    // with them; then the families again without the furniture.
    let none = vec![false; report.clusters.len()];
    let pairs = republished(report, &sentence_count, &none);
    let strict: Vec<_> = pairs
        .into_iter()
        .filter(|p| p.2 >= STRICT_MIN_SHARED && p.3 >= STRICT_MIN_SHARE)
        .collect();
    let family = families(&strict, corpus);
    let furniture_of = furniture(report, corpus, &family);
    let pairs = republished(report, &sentence_count, &furniture_of);
    let family = families(&pairs, corpus);
    let order = |d: &str| (corpus.get(d).and_then(|i| i.date.clone()), d.to_string());
    let mut b = Builder {
        corpus,
        family,
        level: Vec::new(),
        reach: Vec::new(),
        out: Vec::new(),
        seen: HashSet::new(),
        used: HashSet::new(),
        used_spans: HashMap::new(),
    };
    let mut furniture = Vec::new();
    let mut furniture_keys: HashSet<Key> = HashSet::new();
    let mut skip_cluster = vec![false; report.clusters.len()];
    for (ci, c) in report.clusters.iter().enumerate() {
        if furniture_of[ci] {
            skip_cluster[ci] = true;
            furniture_keys.extend(c.members.iter().map(|m| key(&m.claim)));
            furniture.push(Furniture {
                text: c
                    .canonical()
                    .map(|x| x.text.to_string())
                    .unwrap_or_default(),
                documents: c.doc_count,
            });
            continue;
        }
        let mut fams: Vec<&str> = c.members.iter().map(|m| b.fam(&m.claim.doc_id)).collect();
        fams.sort_unstable();
        fams.dedup();
        if fams.len() < 2 {
            skip_cluster[ci] = true;
        }
    }
    furniture.sort_by(|x, y| y.documents.cmp(&x.documents).then(x.text.cmp(&y.text)));
    // 1. Claim pairs, most severe first: altered claims and misquotes with
    //    a negation or number change, conflicts, other misquotes.
    let mut candidates: Vec<(u8, &str, ClaimRef, ClaimRef)> = Vec::new();
    for m in &report.misquotes {
        let ca = ClaimRef {
            doc_id: m.doc_a.as_str().into(),
            kind: ClaimKind::Quote,
            text: m.quote_a.as_str().into(),
            byte_start: m.byte_start_a,
            byte_end: m.byte_end_a,
            char_start: m.char_start_a,
            char_end: m.char_end_a,
            speaker: Some(m.speaker_a.clone()),
        };
        let cb = ClaimRef {
            doc_id: m.doc_b.as_str().into(),
            kind: ClaimKind::Quote,
            text: m.quote_b.as_str().into(),
            byte_start: m.byte_start_b,
            byte_end: m.byte_end_b,
            char_start: m.char_start_b,
            char_end: m.char_end_b,
            speaker: Some(m.speaker_b.clone()),
        };
        let change = compare_without_diff(&ca.text, &cb.text).change;
        let kind = m.kind.as_str();
        let level = level_of(kind, change.as_str());
        if m.kind == MisquoteKind::Misquote && change == Change::None {
            continue;
        }
        candidates.push((level, kind, ca, cb));
    }
    let altered: Vec<(ClaimRef, ClaimRef)> = report
        .altered
        .iter()
        .filter(|a| {
            matches!(
                compare_without_diff(&a.a.text, &a.b.text).change,
                Change::Negation | Change::Number
            )
        })
        .map(|a| (a.a.clone(), a.b.clone()))
        .collect();
    let template = template_pairs(&altered);
    for ((a, b), t) in altered.into_iter().zip(template) {
        if !t {
            candidates.push((1, "altered_claim", a, b));
        }
    }
    candidates.sort_by_key(|c| c.0);
    for (level, kind, ca, cb) in candidates {
        if furniture_keys.contains(&key(&ca)) || furniture_keys.contains(&key(&cb)) {
            continue;
        }
        let same_family = b.fam(&ca.doc_id) == b.fam(&cb.doc_id);
        if same_family && level > 1 {
            continue;
        }
        if kind == "conflicting_attribution" {
            let (ka, kb) = (b.quote(&ca).1, b.quote(&cb).1);
            let speaker = |c: &ClaimRef| c.speaker.clone().unwrap_or_default();
            if !different_people((&speaker(&ca), &ka), (&speaker(&cb), &kb)) {
                continue;
            }
        }
        b.pair(kind, level, &ca, &cb, |a, x, change| match kind {
            "conflicting_attribution" => format!(
                "The same words are attributed to {} in {} and to {} in {}.",
                a.speaker.as_deref().unwrap_or("?"),
                a.doc_id,
                x.speaker.as_deref().unwrap_or("?"),
                x.doc_id
            ),
            "misquote" => format!(
                "{} quotes {} as saying \"{}\"; {} has \"{}\" ({}).",
                x.doc_id,
                x.speaker.as_deref().unwrap_or("?"),
                short(&x.text),
                a.doc_id,
                short(&a.text),
                change_phrase(change)
            ),
            _ => format!(
                "{} repeats a sentence of {} but {}: \"{}\".",
                x.doc_id,
                a.doc_id,
                change_phrase(change),
                short(&x.text)
            ),
        });
    }
    // 2. Republished pairs: one row per copy, against its family's
    //    earliest document (or, when that pair is not itself republished,
    //    the copy's closest relative).
    let mut best: HashMap<&str, (&str, &str, usize, f32)> = HashMap::new();
    for (da, db, n, share) in &pairs {
        for (x, y) in [(da, db), (db, da)] {
            let fam = b.fam(x);
            if x == fam {
                continue;
            }
            let cand = (y.as_str(), x.as_str(), *n, *share);
            let e = best.entry(x.as_str()).or_insert(cand);
            let better = (y == fam, *share, *n) > (e.0 == fam, e.3, e.2);
            if better {
                *e = cand;
            }
        }
    }
    let mut rows: Vec<_> = best.into_values().collect();
    rows.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    for (da, db, n, share) in rows {
        let (da, db) = if b.later_first(da, db) {
            (db, da)
        } else {
            (da, db)
        };
        let n = &n;
        let share = &share;
        let (ia, ib) = (corpus.get(da), corpus.get(db));
        b.level.push(5);
        b.reach.push(*n);
        b.out.push(Finding {
            finding_id: hash_id(&["republished", da, db]),
            rank: 0,
            severity: String::new(),
            kind: "republished".into(),
            change: String::new(),
            doc_a: da.to_string(),
            doc_b: db.to_string(),
            date_a: ia.and_then(|d| d.date.clone()),
            date_b: ib.and_then(|d| d.date.clone()),
            speaker_a: String::new(),
            speaker_b: String::new(),
            speaker_key_a: String::new(),
            speaker_key_b: String::new(),
            text_a: String::new(),
            text_b: String::new(),
            diff: String::new(),
            context_a: String::new(),
            context_b: String::new(),
            explanation: format!(
                "{db} is largely a copy of {da}: {n} sentences shared ({:.0}% of the shorter).",
                share * 100.0
            ),
            similarity: *share,
            quote_id_a: None,
            quote_id_b: None,
            char_start_a: None,
            char_end_a: None,
            char_start_b: None,
            char_end_b: None,
            url_a: ia.and_then(|d| d.url.clone()),
            url_b: ib.and_then(|d| d.url.clone()),
        });
    }
    // 3. Repeated claims: one row per cluster, not nested in another
    //    cluster's claims, not already in a finding.
    // A cluster inside one document (a page repeating its headline) is no
    // finding, so it holds no other cluster's claims either.
    let mut spans: HashMap<&str, Vec<(usize, usize, usize)>> = HashMap::new();
    for (ci, c) in report.clusters.iter().enumerate() {
        if c.doc_count < 2 {
            continue;
        }
        for m in &c.members {
            spans.entry(&*m.claim.doc_id).or_default().push((
                m.claim.byte_start,
                m.claim.byte_end,
                ci,
            ));
        }
    }
    for (ci, c) in report.clusters.iter().enumerate() {
        if skip_cluster[ci] {
            continue;
        }
        let nested = c.members.iter().all(|m| {
            spans.get(&*m.claim.doc_id).is_some_and(|v| {
                v.iter().any(|&(s, e, other)| {
                    other != ci
                        && s <= m.claim.byte_start
                        && m.claim.byte_end <= e
                        && (s, e) != (m.claim.byte_start, m.claim.byte_end)
                })
            })
        });
        if nested {
            continue;
        }
        let members: Vec<&ClaimRef> = c
            .members
            .iter()
            .map(|m| &m.claim)
            .filter(|m| !b.overlaps_used(m))
            .collect();
        let Some(&first) = members.iter().min_by_key(|m| order(&m.doc_id)) else {
            continue;
        };
        if words(&first.text).len() < REPEATED_MIN_WORDS {
            continue;
        }
        // The other side: the member most like the first, in another
        // family and, when URLs are known, from another source (an
        // outlet repeating its own lines is furniture, not a finding).
        let ffam = b.fam(&first.doc_id).to_string();
        let source = |d: &str| corpus.get(d).and_then(|i| i.url.as_deref()).map(host);
        let fsource = source(&first.doc_id);
        let Some((other, _)) = members
            .iter()
            .filter(|m| {
                b.fam(&m.doc_id) != ffam
                    && (fsource.is_none() || source(&m.doc_id) != fsource)
                    && words(&m.text).len() >= REPEATED_MIN_WORDS
                    && starts_a_clause(&first.text, &m.text)
            })
            .map(|m| (*m, compare_without_diff(&first.text, &m.text)))
            .filter(|x| {
                x.1.similarity >= REPEATED_MIN_SIMILARITY
                    && x.1.shared_content >= REPEATED_MIN_SHARED
            })
            .map(|(m, c)| (m, c.similarity))
            .min_by(|x, y| {
                y.1.total_cmp(&x.1)
                    .then_with(|| order(&x.0.doc_id).cmp(&order(&y.0.doc_id)))
            })
        else {
            continue;
        };
        let mut fams: Vec<&str> = members.iter().map(|m| b.fam(&m.doc_id)).collect();
        fams.sort_unstable();
        fams.dedup();
        let n = fams.len();
        let before = b.out.len();
        b.pair("repeated_claim", 6, first, other, |a, x, _| {
            format!(
                "The same claim appears in {n} independent documents, first in {} then in {}.",
                a.doc_id, x.doc_id
            )
        });
        if b.out.len() > before {
            if let Some(r) = b.reach.last_mut() {
                *r = n;
            }
        }
    }
    // Rank: level, then similarity (confidence), then reach, then id.
    let Builder {
        mut out,
        level,
        reach,
        ..
    } = b;
    let mut idx: Vec<usize> = (0..out.len()).collect();
    idx.sort_by(|&x, &y| {
        level[x]
            .cmp(&level[y])
            .then(out[y].similarity.total_cmp(&out[x].similarity))
            .then(reach[y].cmp(&reach[x]))
            .then(out[x].finding_id.cmp(&out[y].finding_id))
    });
    let mut ranked = Vec::with_capacity(out.len());
    let levels = idx.iter().map(|&i| level[i]).collect();
    for (r, &i) in idx.iter().enumerate() {
        let mut f = std::mem::take(&mut out[i]);
        f.rank = r + 1;
        f.severity = severity(level[i]).to_string();
        ranked.push(f);
    }
    Findings {
        findings: ranked,
        furniture,
        levels,
    }
}
