//! Scoring predicted quotes against gold annotations.
//!
//! The matching rule is described in full in `docs/scoring.md`. In short:
//!
//! 1. Every span, gold and predicted, is trimmed of quote marks, whitespace
//!    and final punctuation at both ends ([`trim_chars`]) and of a leading
//!    complementiser `that`, `whether` or `if` ([`content_chars`]).
//! 2. Each prediction is *assigned* to the gold quote of the same document it
//!    overlaps most, provided at least half of the prediction lies inside it.
//!    A mixed prediction tries its clause span first and its quoted fragment
//!    when the clause fails that test.
//! 3. A gold quote is *found* when the union of the predictions assigned to
//!    it reaches IoU ≥ 0.5 with it ([`union_iou`]). Predictions assigned to
//!    nothing, or to a gold quote that is not found, are false positives.
//! 4. Optional gold quotes are never misses, and predictions assigned to them
//!    are neither true nor false positives.
//!
//! ```
//! use quotecheck_eval::gold::GoldDocument;
//! use quotecheck_eval::score::{score, ScoreOptions};
//! use quotecheck_core::QuoteRecord;
//!
//! let gold: GoldDocument = serde_json::from_str(r#"{
//!     "id": "d", "text": "“We will win,” she said.",
//!     "quotes": [{"kind": "direct", "quote": "We will win,", "start": 1, "end": 13,
//!                 "speaker": "Ana Ruiz", "mention": "she"}]}"#).unwrap();
//! let pred: QuoteRecord = serde_json::from_str(r#"{
//!     "doc_id": "d", "kind": "direct", "quote": "We will win", "char_start": 1,
//!     "char_end": 12, "speaker": "Ana Ruiz", "confidence": 0.9}"#).unwrap();
//! let report = score(&[gold], &[pred], &ScoreOptions::default());
//! assert_eq!((report.overall.tp, report.overall.fp, report.overall.fn_), (1, 0, 0));
//! assert_eq!(report.exact.tp, 1); // equal after trimming the comma
//! assert_eq!(report.speaker.overall.accuracy, 1.0);
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::gold::{GoldDocument, GoldQuote};
use crate::Error;
use quotecheck_core::Document;
use quotecheck_core::QuoteKind;
use quotecheck_core::QuoteRecord;

/// Number of gold cues listed in [`ScoreReport::by_cue`].
pub const TOP_CUES: usize = 30;

/// Characters of context on each side of an [`ErrorSample`].
pub const CONTEXT_CHARS: usize = 80;

/// Documents without predictions listed by [`ScoreReport::render_table`]
/// (the JSON report lists all of them).
const MAX_LISTED_DOCUMENTS: usize = 20;

const KINDS: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect];

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

fn read(path: &Path) -> Result<String, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// serde_json's message without its trailing ` at line L column C`.
fn parse_error(path: &Path, e: &serde_json::Error) -> Error {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    Error::Parse {
        path: path.display().to_string(),
        line: e.line().max(1),
        message: msg.strip_suffix(&suffix).unwrap_or(&msg).to_string(),
    }
}

/// Parse a stream of JSON values (one object, or JSON Lines), returning each
/// value with the 1-based line on which it starts.
fn parse_stream<T: DeserializeOwned>(path: &Path, text: &str) -> Result<Vec<(usize, T)>, Error> {
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<T>();
    let (mut counted_to, mut line) = (0usize, 1usize);
    loop {
        let before = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Err(e)) => return Err(parse_error(path, &e)),
            Some(Ok(value)) => {
                let rest = &text[before..];
                let start = before + (rest.len() - rest.trim_start().len());
                line += text[counted_to..start].matches('\n').count();
                counted_to = start;
                out.push((line, value));
            }
        }
    }
    Ok(out)
}

/// Load gold documents from a file holding one gold JSON object (possibly
/// pretty-printed) or JSON Lines with one gold object per line.
///
/// Every document is validated ([`GoldDocument::validate`]): offsets must be
/// in bounds (in code points) and slice back to the annotated text, and
/// document ids must be unique. Errors name the file and the line.
///
/// ```
/// use quotecheck_eval::score::load_gold;
/// let dir = std::env::temp_dir().join(format!("qc-load-gold-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("g.jsonl");
/// std::fs::write(&path, concat!(
///     r#"{"id": "a", "text": "He said “yes”.", "quotes": [{"kind": "direct", "quote": "yes", "start": 9, "end": 12}]}"#, "\n",
///     r#"{"id": "b", "text": "No quotes here."}"#, "\n",
/// )).unwrap();
/// let gold = load_gold(&path).unwrap();
/// assert_eq!(gold.len(), 2);
///
/// std::fs::write(&path, r#"{"id": "a", "text": "He said “yes”.", "quotes": [{"kind": "direct", "quote": "yes", "start": 8, "end": 11}]}"#).unwrap();
/// let err = load_gold(&path).unwrap_err().to_string();
/// assert!(err.contains("document a") && err.contains("quotes[0]"), "{err}");
/// ```
pub fn load_gold(path: &Path) -> Result<Vec<GoldDocument>, Error> {
    let text = read(path)?;
    let docs = parse_stream::<GoldDocument>(path, &text)?;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (line, doc) in &docs {
        if let Some(first) = seen.insert(doc.id.as_str(), *line) {
            return Err(Error::Gold {
                path: path.display().to_string(),
                doc_id: doc.id.clone(),
                message: format!("line {line}: duplicate document id (first on line {first})"),
            });
        }
        doc.validate().map_err(|message| Error::Gold {
            path: path.display().to_string(),
            doc_id: doc.id.clone(),
            message: format!("line {line}: {message}"),
        })?;
    }
    Ok(docs.into_iter().map(|(_, d)| d).collect())
}

/// Load predicted quotes: JSON Lines of [`QuoteRecord`] (one per line, as
/// written by `quotecheck attribute --format jsonl`) or one JSON array of
/// them. Errors name the file and the line.
///
/// ```
/// use quotecheck_eval::score::load_predictions;
/// let path = std::env::temp_dir().join(format!("qc-preds-{}.json", std::process::id()));
/// std::fs::write(&path, r#"[{"doc_id": "a", "kind": "direct", "quote": "yes",
///     "char_start": 9, "char_end": 12, "confidence": 0.8}]"#).unwrap();
/// let preds = load_predictions(&path).unwrap();
/// assert_eq!(preds[0].doc_id, "a");
/// ```
pub fn load_predictions(path: &Path) -> Result<Vec<QuoteRecord>, Error> {
    let text = read(path)?;
    if text.trim_start().starts_with('[') {
        return serde_json::from_str::<Vec<QuoteRecord>>(&text).map_err(|e| parse_error(path, &e));
    }
    Ok(parse_stream::<QuoteRecord>(path, &text)?
        .into_iter()
        .map(|(_, r)| r)
        .collect())
}

/// Run the engine on every gold document's text and flatten the result into
/// quote records (sequentially, in gold order).
///
/// ```
/// use quotecheck_eval::gold::GoldDocument;
/// use quotecheck_eval::score::predict;
/// let gold: GoldDocument = serde_json::from_str(r#"{"id": "d", "text": "“Yes,” she said."}"#).unwrap();
/// let records = predict(&[gold]);
/// assert!(records.iter().all(|r| r.doc_id == "d"));
/// ```
pub fn predict(gold: &[GoldDocument]) -> Vec<QuoteRecord> {
    gold.iter()
        .flat_map(|g| {
            let doc = Document::new(g.id.clone(), g.text.clone());
            let analysis = quotecheck_core::analyze(&doc);
            quotecheck_core::quote_records(&doc, &analysis)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Span helpers
// ---------------------------------------------------------------------------

/// True for the characters [`trim_chars`] removes: whitespace, quote marks
/// (`“ ” " ‘ ’ ' « » „ ‹ ›`) and final punctuation (`. , ; : ! ? …`).
///
/// ```
/// use quotecheck_eval::score::is_trimmed;
/// assert!(is_trimmed('„') && is_trimmed('…') && is_trimmed('\u{a0}'));
/// assert!(!is_trimmed('a') && !is_trimmed('-'));
/// ```
pub fn is_trimmed(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '“' | '”'
                | '"'
                | '‘'
                | '’'
                | '\''
                | '«'
                | '»'
                | '„'
                | '‹'
                | '›'
                | '.'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '…'
        )
}

/// Shrink the code-point span `start..end` of `chars` while its first or last
/// character [`is_trimmed`]. Offsets are clamped to the text first. When
/// nothing would be left, the (clamped) span is returned unchanged so that a
/// span of only punctuation can still be compared.
///
/// ```
/// use quotecheck_eval::score::trim_chars;
/// let chars: Vec<char> = "He said: “Yes, we can.” ".chars().collect();
/// assert_eq!(trim_chars(&chars, 8, 24), (10, 21)); // `Yes, we can`
/// assert_eq!(trim_chars(&chars, 22, 23), (22, 23)); // only `”`: unchanged
/// ```
pub fn trim_chars(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let end = end.min(chars.len());
    let start = start.min(end);
    let (mut s, mut e) = (start, end);
    while s < e && is_trimmed(chars[s]) {
        s += 1;
    }
    while e > s && is_trimmed(chars[e - 1]) {
        e -= 1;
    }
    if s == e {
        (start, end)
    } else {
        (s, e)
    }
}

/// The words a content span may open with that the scorer ignores: a
/// leading complementiser (`that`, `whether`, `if`), which annotators
/// include about one time in seven and quotecheck never reports.
pub const COMPLEMENTISERS: [&str; 3] = ["that", "whether", "if"];

/// The span compared by the scorer: [`trim_chars`], then without a leading
/// complementiser ([`COMPLEMENTISERS`], any case, followed by white space)
/// and the white space after it. Applied alike to gold and predicted
/// spans, so that `that the plan works` and `the plan works` are the same
/// content (docs/scoring.md, "Complementisers").
///
/// ```
/// use quotecheck_eval::score::content_chars;
/// let chars: Vec<char> = "He said that the plan works.".chars().collect();
/// assert_eq!(content_chars(&chars, 8, 28), (13, 27)); // `the plan works`
/// assert_eq!(content_chars(&chars, 13, 28), (13, 27));
/// let chars: Vec<char> = "“That is it.”".chars().collect();
/// assert_eq!(content_chars(&chars, 0, 13), (6, 11)); // `is it`
/// let chars: Vec<char> = "thatcher".chars().collect();
/// assert_eq!(content_chars(&chars, 0, 8), (0, 8)); // a word, not `that`
/// ```
pub fn content_chars(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let (s, e) = trim_chars(chars, start, end);
    for w in COMPLEMENTISERS {
        let n = w.chars().count();
        let word = chars.get(s..s + n);
        let opens = word.is_some_and(|word| {
            word.iter()
                .zip(w.chars())
                .all(|(a, b)| a.to_lowercase().eq(std::iter::once(b)))
        });
        if opens && s + n < e && chars[s + n].is_whitespace() {
            let (s2, e2) = trim_chars(chars, s + n, e);
            if s2 < e2 {
                return (s2, e2);
            }
        }
    }
    (s, e)
}

/// The compared span ([`content_chars`]) of each gold quote of `doc`,
/// whose text is `chars`.
pub(crate) fn gold_spans(doc: &GoldDocument, chars: &[char]) -> Vec<(usize, usize)> {
    doc.quotes
        .iter()
        .map(|q| content_chars(chars, q.start, q.end))
        .collect()
}

/// Number of positions shared by two half-open spans.
///
/// ```
/// use quotecheck_eval::score::overlap;
/// assert_eq!(overlap((0, 10), (5, 20)), 5);
/// assert_eq!(overlap((0, 5), (5, 9)), 0);
/// ```
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Intersection over union of two half-open spans (0 when both are empty).
///
/// ```
/// use quotecheck_eval::score::iou;
/// assert_eq!(iou((0, 10), (0, 10)), 1.0);
/// assert_eq!(iou((0, 10), (5, 15)), 5.0 / 15.0);
/// assert_eq!(iou((0, 4), (6, 9)), 0.0);
/// ```
pub fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    union_iou(&[a], b)
}

/// IoU of the union of `spans` with `gold`: the characters of `gold` covered
/// by any span, over the characters covered by `gold` or any span.
///
/// ```
/// use quotecheck_eval::score::union_iou;
/// // A quote split around its attribution: `“A B,” she said, “C D.”`
/// assert_eq!(union_iou(&[(0, 10), (20, 30)], (0, 30)), 20.0 / 30.0);
/// assert_eq!(union_iou(&[(0, 10), (5, 12)], (0, 12)), 1.0);
/// ```
pub fn union_iou(spans: &[(usize, usize)], gold: (usize, usize)) -> f64 {
    let mut sorted: Vec<(usize, usize)> = spans.iter().copied().filter(|s| s.1 > s.0).collect();
    sorted.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for s in sorted {
        match merged.last_mut() {
            Some(last) if s.0 <= last.1 => last.1 = last.1.max(s.1),
            _ => merged.push(s),
        }
    }
    let covered: usize = merged.iter().map(|m| m.1 - m.0).sum();
    let inter: usize = merged.iter().map(|&m| overlap(m, gold)).sum();
    let union = covered + gold.1.saturating_sub(gold.0) - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

// ---------------------------------------------------------------------------
// Names and cues
// ---------------------------------------------------------------------------

/// Normalise a speaker name or mention for comparison: the workspace's one
/// name key, [`quotecheck_core::name_key`] (NFC, case-folded, possessive
/// `’s` and punctuation dropped, whitespace collapsed, a leading `the`
/// dropped).
///
/// ```
/// use quotecheck_eval::score::normalize_name;
/// assert_eq!(normalize_name("The State Department’s Spokeswoman"), "state department spokeswoman");
/// assert_eq!(normalize_name("  U.S. officials, "), "us officials");
/// ```
pub fn normalize_name(s: &str) -> String {
    quotecheck_core::name_key(s)
}

/// True when two (un-normalised) names refer to the same speaker under the
/// default rule: equal after [`normalize_name`], or sharing the last token
/// with one name's tokens a contiguous part of the other's
/// (`Trudeau` / `Elizabeth Trudeau`).
///
/// ```
/// use quotecheck_eval::score::names_match;
/// assert!(names_match("Elizabeth Trudeau", "Trudeau"));
/// assert!(names_match("the Russian Foreign Ministry", "Russian Foreign Ministry"));
/// assert!(!names_match("Elizabeth Trudeau", "Justin Trudeau"));
/// assert!(!names_match("Sergei Lavrov", ""));
/// ```
pub fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (normalize_name(a), normalize_name(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let ta: Vec<&str> = a.split(' ').collect();
    let tb: Vec<&str> = b.split(' ').collect();
    if ta.last() != tb.last() {
        return false;
    }
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Leading words skipped when naming a cue (`has said` → `said`,
/// `did not say` → `say`, `’s predicting` → `predicting`).
const CUE_SKIP: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "been",
    "be",
    "will",
    "would",
    "could",
    "may",
    "might",
    "later",
    "then",
    "previously",
    "repeatedly",
    "again",
    "once",
    "further",
    "and",
    "did",
    "does",
    "do",
    "not",
    "never",
    "to",
    "'s",
    "a",
    "an",
    "the",
];

/// Particles kept after the first cue word (`according to`, `pointed out`).
const CUE_PARTICLES: &[&str] = &[
    "to", "out", "up", "on", "off", "down", "back", "over", "about",
];

/// The key under which a cue is counted in [`ScoreReport::by_cue`]: lower
/// case, leading auxiliaries, negations, articles and adverbs skipped (`has`,
/// `also`, `did not`, `to`, `the`…) while another word follows,
/// then the first word plus a following particle (`to`, `out`, `up`, `on`…).
/// An empty cue is `(none)`.
///
/// ```
/// use quotecheck_eval::score::normalize_cue;
/// assert_eq!(normalize_cue("Said in a statement"), "said");
/// assert_eq!(normalize_cue("according to"), "according to");
/// assert_eq!(normalize_cue("also pointed out"), "pointed out");
/// assert_eq!(normalize_cue("don’t like"), "don't");
/// assert_eq!(normalize_cue("did not immediately respond to"), "immediately");
/// assert_eq!(normalize_cue("has said"), "said");
/// assert_eq!(normalize_cue(":"), ":");
/// assert_eq!(normalize_cue(""), "(none)");
/// ```
pub fn normalize_cue(cue: &str) -> String {
    let lower = cue.to_lowercase().replace(['’', '‘'], "'");
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| {
            let t = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            if t.is_empty() {
                w
            } else {
                t
            }
        })
        .collect();
    let mut i = 0;
    while i + 1 < words.len() && CUE_SKIP.contains(&words[i]) {
        i += 1;
    }
    match words.get(i) {
        None => "(none)".to_string(),
        Some(first) => match words.get(i + 1) {
            Some(next) if CUE_PARTICLES.contains(next) => format!("{first} {next}"),
            _ => (*first).to_string(),
        },
    }
}

// ---------------------------------------------------------------------------
// Report types
// ---------------------------------------------------------------------------

/// Options of [`score`].
///
/// ```
/// use quotecheck_eval::score::ScoreOptions;
/// let opts = ScoreOptions { mention_iou: true, ..ScoreOptions::default() };
/// assert_eq!(opts.errors, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoreOptions {
    /// Judge speakers by mention span (IoU ≥ 0.5 with the gold mention)
    /// instead of by name; for corpora without coreference such as PolNeAR.
    pub mention_iou: bool,
    /// Number of sample misses and of sample false positives to report.
    pub errors: usize,
}

/// True positives, false positives and misses with the derived figures.
///
/// Ratios with a zero denominator are 0.
///
/// ```
/// use quotecheck_eval::score::Counts;
/// let c = Counts::new(8, 2, 8);
/// assert_eq!((c.precision, c.recall), (0.8, 0.5));
/// assert!((c.f1 - 8.0 / 13.0).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// True positives (found gold quotes).
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives (missed gold quotes); `fn` in JSON.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// `tp / (tp + fp)`.
    pub precision: f64,
    /// `tp / (tp + fn)`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Counts {
    /// Counts with precision, recall and F1 filled in.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Counts {
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Counts {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1,
        }
    }

    fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        *self = Counts::new(self.tp + tp, self.fp + fp, self.fn_ + fn_);
    }
}

/// Figures per quote kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ByKind<T> {
    /// Direct quotes.
    pub direct: T,
    /// Mixed quotes.
    pub mixed: T,
    /// Indirect quotes.
    pub indirect: T,
}

impl<T> ByKind<T> {
    /// The figures of one kind.
    ///
    /// ```
    /// use quotecheck_eval::score::{ByKind, Counts};
    /// use quotecheck_core::QuoteKind;
    /// let k = ByKind { direct: 1, mixed: 2, indirect: 3 };
    /// assert_eq!(*k.get(QuoteKind::Mixed), 2);
    /// ```
    pub fn get(&self, kind: QuoteKind) -> &T {
        match kind {
            QuoteKind::Direct => &self.direct,
            QuoteKind::Mixed => &self.mixed,
            QuoteKind::Indirect => &self.indirect,
        }
    }

    fn get_mut(&mut self, kind: QuoteKind) -> &mut T {
        match kind {
            QuoteKind::Direct => &mut self.direct,
            QuoteKind::Mixed => &mut self.mixed,
            QuoteKind::Indirect => &mut self.indirect,
        }
    }
}

/// Counts for one gold cue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CueRow {
    /// The cue key ([`normalize_cue`]).
    pub cue: String,
    /// Number of (required) gold quotes with this cue: `tp + fn`.
    pub gold: usize,
    /// Found / missed gold quotes with this cue, and false positives whose
    /// predicted cue has this key.
    #[serde(flatten)]
    pub counts: Counts,
}

/// Speaker accuracy over a set of found gold quotes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Found quotes whose speaker was judged correct.
    pub correct: usize,
    /// Found quotes whose speaker could be judged.
    pub total: usize,
    /// `correct / total` (0 when `total` is 0).
    pub accuracy: f64,
    /// Found quotes excluded because the gold gives no speaker (name mode)
    /// or no mention span (mention-IoU mode).
    pub unscored: usize,
}

impl Accuracy {
    fn record(&mut self, verdict: Option<bool>) {
        match verdict {
            None => self.unscored += 1,
            Some(ok) => {
                self.total += 1;
                self.correct += usize::from(ok);
            }
        }
        self.accuracy = ratio(self.correct, self.total);
    }
}

/// Speaker accuracy, overall and per gold kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeakerReport {
    /// `name` or `mention-iou`.
    pub mode: String,
    /// Over all found required gold quotes.
    pub overall: Accuracy,
    /// Per gold kind.
    pub by_kind: ByKind<Accuracy>,
}

/// How often a found gold quote of one kind was predicted as another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindConfusion {
    /// Gold kind.
    pub gold: QuoteKind,
    /// Kind of the main prediction assigned to it.
    pub predicted: QuoteKind,
    /// Number of found gold quotes.
    pub count: usize,
}

/// One sample miss or false positive with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorSample {
    /// Document id.
    pub doc_id: String,
    /// Gold kind (misses) or predicted kind (false positives).
    pub kind: QuoteKind,
    /// Code-point start of the span as annotated / predicted.
    pub start: usize,
    /// Code-point end.
    pub end: usize,
    /// The span's text.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before, whitespace runs collapsed
    /// to one space.
    pub before: String,
    /// Up to [`CONTEXT_CHARS`] characters after, whitespace runs collapsed
    /// to one space.
    pub after: String,
    /// Gold or predicted speaker.
    pub speaker: String,
    /// Gold or predicted cue.
    pub cue: String,
    /// Why it counts as an error.
    pub note: String,
}

/// Sample errors chosen evenly over all errors in (document id, offset)
/// order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ErrorSamples {
    /// Missed required gold quotes.
    pub misses: Vec<ErrorSample>,
    /// False positives.
    pub false_positives: Vec<ErrorSample>,
}

/// The result of [`score`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScoreReport {
    /// Number of gold documents.
    pub documents: usize,
    /// Required (non-optional) gold quotes.
    pub gold_quotes: usize,
    /// Optional gold quotes.
    pub optional_quotes: usize,
    /// Predictions for gold documents.
    pub predictions: usize,
    /// Predictions whose `doc_id` is not a gold document (ignored).
    pub predictions_outside_gold: usize,
    /// Predictions assigned to optional gold quotes (neither tp nor fp).
    pub optional_predictions: usize,
    /// Quote detection over all kinds.
    pub overall: Counts,
    /// Exact matches: a found gold quote counts only when an assigned
    /// prediction's trimmed span equals its trimmed span; otherwise it is
    /// both a miss and a false positive.
    pub exact: Counts,
    /// Per kind: tp and fn by gold kind, fp by predicted kind.
    pub by_kind: ByKind<Counts>,
    /// The [`TOP_CUES`] most frequent gold cues.
    pub by_cue: Vec<CueRow>,
    /// Speaker accuracy over found required gold quotes.
    pub speaker: SpeakerReport,
    /// Found gold quotes whose main prediction has another kind.
    pub kind_mismatches: usize,
    /// Breakdown of `kind_mismatches`.
    pub kind_confusion: Vec<KindConfusion>,
    /// Ids of gold documents with no prediction at all.
    pub documents_without_predictions: Vec<String>,
    /// Sample errors ([`ScoreOptions::errors`] of each).
    pub errors: ErrorSamples,
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// How a prediction was assigned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Assignment {
    pub(crate) gold: usize,
    /// The (trimmed) prediction span used: clause or fragment.
    pub(crate) span: (usize, usize),
    overlap: usize,
}

/// The gold quote `span` overlaps most (lowest index on ties), when at least
/// half of `span` lies inside it.
fn assign_span(span: (usize, usize), gold_spans: &[(usize, usize)]) -> Option<Assignment> {
    let len = span.1.saturating_sub(span.0);
    if len == 0 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (gi, &g) in gold_spans.iter().enumerate() {
        let ov = overlap(span, g);
        if ov > 0 && !matches!(best, Some((_, b)) if ov <= b) {
            best = Some((gi, ov));
        }
    }
    let (gold, ov) = best?;
    (2 * ov >= len).then_some(Assignment {
        gold,
        span,
        overlap: ov,
    })
}

pub(crate) fn assign(
    pred: &QuoteRecord,
    chars: &[char],
    gold_spans: &[(usize, usize)],
) -> Option<Assignment> {
    let clause = content_chars(chars, pred.char_start, pred.char_end);
    if let Some(a) = assign_span(clause, gold_spans) {
        return Some(a);
    }
    if pred.kind == QuoteKind::Mixed {
        if let (Some(s), Some(e)) = (pred.fragment_start, pred.fragment_end) {
            return assign_span(content_chars(chars, s, e), gold_spans);
        }
    }
    None
}

/// The speaker verdict for a found gold quote and its main prediction;
/// `None` when the gold gives nothing to judge against.
pub(crate) fn speaker_verdict(
    gold: &GoldQuote,
    pred: &QuoteRecord,
    mention_iou: bool,
) -> Option<bool> {
    if mention_iou {
        let g = (gold.mention_start?, gold.mention_end?);
        let ok = match (pred.mention_start, pred.mention_end) {
            (Some(s), Some(e)) => iou(g, (s, e)) >= 0.5,
            _ => false,
        };
        return Some(ok);
    }
    if normalize_name(&gold.speaker).is_empty() {
        return None;
    }
    // The same mention is right when no speaker was resolved, or when the
    // gold speaker is written as its mention (`he`, `officials`: no
    // coreference annotated); a wrongly resolved name is wrong even with the
    // right mention (`he` resolved to `Lisa Marchetti` for `Gary L. Pruett`).
    let mention_ok = {
        let gm = normalize_name(&gold.mention);
        !gm.is_empty()
            && gm == normalize_name(&pred.mention)
            && (normalize_name(&pred.speaker).is_empty() || gm == normalize_name(&gold.speaker))
    };
    Some(names_match(&gold.speaker, &pred.speaker) || mention_ok)
}

/// Collapse every run of whitespace (line breaks included) into one space.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn sample(
    doc: &GoldDocument,
    chars: &[char],
    kind: QuoteKind,
    span: (usize, usize),
    speaker: &str,
    cue: &str,
    note: String,
) -> ErrorSample {
    let end = span.1.min(chars.len());
    let start = span.0.min(end);
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    let before: String = chars[from..start].iter().collect();
    let after: String = chars[end..to].iter().collect();
    ErrorSample {
        doc_id: doc.id.clone(),
        kind,
        start: span.0,
        end: span.1,
        quote: chars[start..end].iter().collect(),
        before: squash(&before),
        after: squash(&after),
        speaker: speaker.to_string(),
        cue: cue.to_string(),
        note,
    }
}

/// Up to `n` items evenly spaced over `items` (all of them when there are
/// no more than `n`).
fn evenly<T: Clone>(items: &[T], n: usize) -> Vec<T> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n).map(|i| items[i * items.len() / n].clone()).collect()
}

#[derive(Default)]
struct CueTally {
    gold: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
}

/// Score predictions against gold documents with the rule of
/// `docs/scoring.md` (see the [module documentation](self)).
///
/// Predictions are matched to gold documents by `doc_id`; predictions for
/// other documents are counted in
/// [`ScoreReport::predictions_outside_gold`] and otherwise ignored.
///
/// ```
/// use quotecheck_eval::gold::GoldDocument;
/// use quotecheck_eval::score::{score, ScoreOptions};
/// use quotecheck_core::QuoteRecord;
///
/// // A quote split around its attribution is found by its two halves.
/// let text = "“We will win,” she said, “and we will rebuild.”";
/// let gold: GoldDocument = serde_json::from_value(serde_json::json!({
///     "id": "d", "text": text,
///     "quotes": [{"kind": "direct", "quote": "We will win,” she said, “and we will rebuild.",
///                 "start": 1, "end": 46}]})).unwrap();
/// let pred = |s: usize, e: usize| -> QuoteRecord {
///     let quote: String = text.chars().skip(s).take(e - s).collect();
///     serde_json::from_value(serde_json::json!({"doc_id": "d", "kind": "direct",
///         "quote": quote, "char_start": s, "char_end": e, "confidence": 1.0})).unwrap()
/// };
/// let report = score(&[gold], &[pred(1, 13), pred(25, 46)], &ScoreOptions::default());
/// assert_eq!((report.overall.tp, report.overall.fp, report.overall.fn_), (1, 0, 0));
/// ```
pub fn score(
    gold: &[GoldDocument],
    predictions: &[QuoteRecord],
    opts: &ScoreOptions,
) -> ScoreReport {
    let mut by_doc: HashMap<&str, Vec<&QuoteRecord>> = HashMap::new();
    for p in predictions {
        by_doc.entry(p.doc_id.as_str()).or_default().push(p);
    }

    let mut report = ScoreReport {
        documents: gold.len(),
        speaker: SpeakerReport {
            mode: if opts.mention_iou {
                "mention-iou"
            } else {
                "name"
            }
            .to_string(),
            ..SpeakerReport::default()
        },
        ..ScoreReport::default()
    };
    let (mut tp, mut fp, mut fn_, mut exact) = (0usize, 0usize, 0usize, 0usize);
    let mut cues: BTreeMap<String, CueTally> = BTreeMap::new();
    let mut confusion: BTreeMap<(QuoteKind, QuoteKind), usize> = BTreeMap::new();
    let mut misses: Vec<(&str, usize, ErrorSample)> = Vec::new();
    let mut false_pos: Vec<(&str, usize, ErrorSample)> = Vec::new();
    let mut gold_ids: Vec<&str> = Vec::with_capacity(gold.len());

    for doc in gold {
        gold_ids.push(doc.id.as_str());
        let chars: Vec<char> = doc.text.chars().collect();
        let gold_spans = gold_spans(doc, &chars);
        let mut preds: Vec<&QuoteRecord> = by_doc.get(doc.id.as_str()).cloned().unwrap_or_default();
        preds.sort_by_key(|p| (p.char_start, p.char_end));
        report.predictions += preds.len();
        if preds.is_empty() {
            report.documents_without_predictions.push(doc.id.clone());
        }

        let assignments: Vec<Option<Assignment>> = preds
            .iter()
            .map(|p| assign(p, &chars, &gold_spans))
            .collect();
        let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); doc.quotes.len()];
        for (pi, a) in assignments.iter().enumerate() {
            if let Some(a) = a {
                assigned[a.gold].push(pi);
            }
        }
        let found: Vec<(bool, f64)> = gold_spans
            .iter()
            .zip(&assigned)
            .map(|(&g, ps)| {
                let spans: Vec<(usize, usize)> = ps
                    .iter()
                    .filter_map(|&pi| assignments[pi].map(|a| a.span))
                    .collect();
                let v = union_iou(&spans, g);
                (v >= 0.5, v)
            })
            .collect();

        for (gi, q) in doc.quotes.iter().enumerate() {
            if q.optional {
                report.optional_quotes += 1;
                continue;
            }
            report.gold_quotes += 1;
            let cue = cues.entry(normalize_cue(&q.cue)).or_default();
            cue.gold += 1;
            let (is_found, best_iou) = found[gi];
            if !is_found {
                fn_ += 1;
                cue.fn_ += 1;
                report.by_kind.get_mut(q.kind).add(0, 0, 1);
                let note = if assigned[gi].is_empty() {
                    "no prediction assigned".to_string()
                } else {
                    format!(
                        "{} prediction(s) assigned, union IoU {best_iou:.2} < 0.5",
                        assigned[gi].len()
                    )
                };
                let s = sample(
                    doc,
                    &chars,
                    q.kind,
                    (q.start, q.end),
                    &q.speaker,
                    &q.cue,
                    note,
                );
                misses.push((doc.id.as_str(), q.start, s));
                continue;
            }
            tp += 1;
            cue.tp += 1;
            report.by_kind.get_mut(q.kind).add(1, 0, 0);
            // The main prediction: largest overlap, earliest on ties.
            let mut main: Option<(usize, Assignment)> = None;
            for &pi in &assigned[gi] {
                if let Some(a) = assignments[pi] {
                    if !matches!(main, Some((_, m)) if a.overlap <= m.overlap) {
                        main = Some((pi, a));
                    }
                }
            }
            if assigned[gi]
                .iter()
                .any(|&pi| assignments[pi].is_some_and(|a| a.span == gold_spans[gi]))
            {
                exact += 1;
            }
            if let Some((pi, _)) = main {
                let p = preds[pi];
                if p.kind != q.kind {
                    report.kind_mismatches += 1;
                    *confusion.entry((q.kind, p.kind)).or_default() += 1;
                }
                let verdict = speaker_verdict(q, p, opts.mention_iou);
                report.speaker.overall.record(verdict);
                report.speaker.by_kind.get_mut(q.kind).record(verdict);
            }
        }

        for (pi, p) in preds.iter().enumerate() {
            let note = match assignments[pi] {
                Some(a) if doc.quotes[a.gold].optional => {
                    report.optional_predictions += 1;
                    continue;
                }
                Some(a) if found[a.gold].0 => continue,
                Some(a) => format!(
                    "assigned to gold quotes[{}] ({}..{}) but union IoU {:.2} < 0.5",
                    a.gold, doc.quotes[a.gold].start, doc.quotes[a.gold].end, found[a.gold].1
                ),
                None => "overlaps no gold quote by half".to_string(),
            };
            fp += 1;
            report.by_kind.get_mut(p.kind).add(0, 1, 0);
            cues.entry(normalize_cue(&p.cue)).or_default().fp += 1;
            let s = sample(
                doc,
                &chars,
                p.kind,
                (p.char_start, p.char_end),
                &p.speaker,
                &p.cue,
                note,
            );
            false_pos.push((doc.id.as_str(), p.char_start, s));
        }
    }

    gold_ids.sort_unstable();
    report.predictions_outside_gold = by_doc
        .iter()
        .filter(|(id, _)| gold_ids.binary_search(id).is_err())
        .map(|(_, ps)| ps.len())
        .sum();
    report.overall = Counts::new(tp, fp, fn_);
    report.exact = Counts::new(exact, fp + (tp - exact), fn_ + (tp - exact));

    let mut top: Vec<(String, CueTally)> = cues.into_iter().filter(|(_, t)| t.gold > 0).collect();
    top.sort_by(|a, b| b.1.gold.cmp(&a.1.gold).then_with(|| a.0.cmp(&b.0)));
    report.by_cue = top
        .into_iter()
        .take(TOP_CUES)
        .map(|(cue, t)| CueRow {
            cue,
            gold: t.gold,
            counts: Counts::new(t.tp, t.fp, t.fn_),
        })
        .collect();
    report.kind_confusion = confusion
        .into_iter()
        .map(|((gold, predicted), count)| KindConfusion {
            gold,
            predicted,
            count,
        })
        .collect();

    let order = |v: &mut Vec<(&str, usize, ErrorSample)>| {
        v.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    };
    order(&mut misses);
    order(&mut false_pos);
    let misses: Vec<ErrorSample> = misses.into_iter().map(|t| t.2).collect();
    let false_pos: Vec<ErrorSample> = false_pos.into_iter().map(|t| t.2).collect();
    report.errors = ErrorSamples {
        misses: evenly(&misses, opts.errors),
        false_positives: evenly(&false_pos, opts.errors),
    };
    report
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

fn counts_row(out: &mut String, label: &str, c: &Counts) {
    let _ = writeln!(
        out,
        "{label:<22} {:>7} {:>7} {:>7} {:>7.3} {:>7.3} {:>7.3}",
        c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
    );
}

fn accuracy_cell(a: &Accuracy) -> String {
    format!("{:.3} ({}/{})", a.accuracy, a.correct, a.total)
}

impl ScoreReport {
    /// The report as an aligned plain-text table: quote figures overall,
    /// exact and per kind, speaker accuracy, kind confusion, per-cue figures,
    /// documents without predictions and the sample errors.
    ///
    /// ```
    /// use quotecheck_eval::score::{score, ScoreOptions};
    /// let table = score(&[], &[], &ScoreOptions::default()).render_table();
    /// assert!(table.contains("overall"));
    /// ```
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} documents, {} gold quotes (+{} optional), {} predictions",
            self.documents, self.gold_quotes, self.optional_quotes, self.predictions
        );
        if self.predictions_outside_gold > 0 {
            let _ = writeln!(
                out,
                "{} predictions for documents not in the gold were ignored",
                self.predictions_outside_gold
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:<22} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "quotes", "tp", "fp", "fn", "prec", "recall", "f1"
        );
        counts_row(&mut out, "overall", &self.overall);
        counts_row(&mut out, "exact span", &self.exact);
        for k in KINDS {
            counts_row(&mut out, k.as_str(), self.by_kind.get(k));
        }

        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:<22} {}",
            format!("speaker ({})", self.speaker.mode),
            accuracy_cell(&self.speaker.overall)
        );
        for k in KINDS {
            let _ = writeln!(
                out,
                "{:<22} {}",
                format!("  {}", k.as_str()),
                accuracy_cell(self.speaker.by_kind.get(k))
            );
        }
        if self.speaker.overall.unscored > 0 {
            let _ = writeln!(
                out,
                "  ({} found quotes without a gold speaker were not judged)",
                self.speaker.overall.unscored
            );
        }

        let _ = writeln!(out);
        let _ = write!(out, "kind mismatches: {}", self.kind_mismatches);
        for c in &self.kind_confusion {
            let _ = write!(
                out,
                "  {}→{} {}",
                c.gold.as_str(),
                c.predicted.as_str(),
                c.count
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "predictions on optional gold quotes: {}",
            self.optional_predictions
        );

        if !self.by_cue.is_empty() {
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "{:<22} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
                "gold cue", "gold", "tp", "fp", "fn", "prec", "recall", "f1"
            );
            for row in &self.by_cue {
                let c = &row.counts;
                let cue: String = row.cue.chars().take(22).collect();
                let _ = writeln!(
                    out,
                    "{cue:<22} {:>7} {:>7} {:>7} {:>7} {:>7.3} {:>7.3} {:>7.3}",
                    row.gold, c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
                );
            }
        }

        if !self.documents_without_predictions.is_empty() {
            let _ = writeln!(out);
            let ids = &self.documents_without_predictions;
            let shown = ids.len().min(MAX_LISTED_DOCUMENTS);
            let _ = write!(
                out,
                "documents without predictions ({}): {}",
                ids.len(),
                ids[..shown].join(", ")
            );
            if ids.len() > shown {
                let _ = write!(out, ", … and {} more", ids.len() - shown);
            }
            let _ = writeln!(out);
        }
        for (title, samples) in [
            ("sample misses", &self.errors.misses),
            ("sample false positives", &self.errors.false_positives),
        ] {
            if samples.is_empty() {
                continue;
            }
            let _ = writeln!(out);
            let _ = writeln!(out, "{title}:");
            for s in samples {
                let _ = writeln!(
                    out,
                    "- {} {}..{} {} [{} / {}] {}",
                    s.doc_id,
                    s.start,
                    s.end,
                    s.kind.as_str(),
                    if s.speaker.is_empty() {
                        "-"
                    } else {
                        &s.speaker
                    },
                    if s.cue.is_empty() { "-" } else { &s.cue },
                    s.note
                );
                let _ = writeln!(out, "    …{}⟦{}⟧{}…", s.before, squash(&s.quote), s.after);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::GoldSpeaker;

    fn gq(text: &str, kind: QuoteKind, start: usize, end: usize) -> GoldQuote {
        GoldQuote {
            kind,
            quote: text.chars().skip(start).take(end - start).collect(),
            start,
            end,
            speaker: String::new(),
            mention: String::new(),
            mention_start: None,
            mention_end: None,
            cue: String::new(),
            role: None,
            optional: false,
        }
    }

    fn gdoc(id: &str, text: &str, quotes: Vec<GoldQuote>) -> GoldDocument {
        GoldDocument {
            id: id.to_string(),
            text: text.to_string(),
            quotes,
            speakers: Vec::<GoldSpeaker>::new(),
            claims: Default::default(),
            boilerplate: Vec::new(),
            notes: None,
        }
    }

    fn pr(doc: &GoldDocument, kind: QuoteKind, start: usize, end: usize) -> QuoteRecord {
        QuoteRecord {
            doc_id: doc.id.clone(),
            quote_id: String::new(),
            kind,
            quote: doc.text.chars().skip(start).take(end - start).collect(),
            char_start: start,
            char_end: end,
            byte_start: 0,
            byte_end: 0,
            speaker: String::new(),
            speaker_role: String::new(),
            mention: String::new(),
            mention_start: None,
            mention_end: None,
            cue: String::new(),
            cue_start: None,
            cue_end: None,
            fragment: String::new(),
            fragment_start: None,
            fragment_end: None,
            sentence: String::new(),
            confidence: 1.0,
            speaker_confidence: 1.0,
            reason: String::new(),
            quote_type: quotecheck_core::QuoteType::Speech,
            parts: Vec::new(),
        }
    }

    /// Char offset of the first occurrence of `needle`.
    fn at(text: &str, needle: &str) -> usize {
        let b = text.find(needle).expect("needle in text");
        text[..b].chars().count()
    }

    fn span_of(text: &str, needle: &str) -> (usize, usize) {
        let s = at(text, needle);
        (s, s + needle.chars().count())
    }

    fn triple(r: &ScoreReport) -> (usize, usize, usize) {
        (r.overall.tp, r.overall.fp, r.overall.fn_)
    }

    #[test]
    fn trimming_removes_marks_space_and_final_punctuation() {
        let text = " «¿Qué?» „Ja…“ ‹x›, 'it's' ";
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let (s, e) = trim_chars(&chars, 0, n);
        let inner: String = chars[s..e].iter().collect();
        assert_eq!(inner, "¿Qué?» „Ja…“ ‹x›, 'it's");
        // only shrinks, clamps out-of-range ends
        assert_eq!(trim_chars(&chars, 2, 500), (2, n - 2));
        assert_eq!(trim_chars(&chars, 9, 3), (3, 3));
        // nothing left: unchanged
        assert_eq!(trim_chars(&chars, 0, 2), (0, 2));
        let (s, e) = trim_chars(&chars, 9, 16);
        assert_eq!(chars[s..e].iter().collect::<String>(), "Ja");
    }

    #[test]
    fn iou_and_union() {
        assert_eq!(iou((0, 0), (0, 0)), 0.0);
        assert_eq!(iou((0, 10), (0, 20)), 0.5);
        assert_eq!(union_iou(&[], (0, 5)), 0.0);
        assert_eq!(union_iou(&[(0, 3), (2, 5), (5, 8)], (0, 8)), 1.0);
        assert_eq!(union_iou(&[(0, 4), (6, 10)], (0, 10)), 0.8);
    }

    #[test]
    fn single_span_match_is_plain_iou() {
        let text = "He said that the plan would work and that costs would fall sharply.";
        let g = span_of(
            text,
            "the plan would work and that costs would fall sharply",
        );
        let doc = gdoc("d", text, vec![gq(text, QuoteKind::Indirect, g.0, g.1)]);
        let opts = ScoreOptions::default();
        // with "that": the same content (a leading complementiser is ignored)
        let p = pr(&doc, QuoteKind::Indirect, g.0 - 5, g.1 + 1);
        let r = score(std::slice::from_ref(&doc), &[p], &opts);
        assert_eq!(triple(&r), (1, 0, 0));
        assert_eq!(r.exact.tp, 1);
        // ... and so is a gold span with it against a prediction without it
        let gthat = gdoc("d", text, vec![gq(text, QuoteKind::Indirect, g.0 - 5, g.1)]);
        let p = pr(&gthat, QuoteKind::Indirect, g.0, g.1);
        let r = score(std::slice::from_ref(&gthat), &[p], &opts);
        assert_eq!((r.exact.tp, r.exact.fp, r.exact.fn_), (1, 0, 0));
        // but words before the content are not ignored
        let p = pr(&doc, QuoteKind::Indirect, 3, g.1);
        let r = score(std::slice::from_ref(&doc), &[p], &opts);
        assert_eq!(r.exact.tp, 0);
        // less than half of the gold: miss + fp
        let p = pr(&doc, QuoteKind::Indirect, g.0, g.0 + 19);
        let r = score(std::slice::from_ref(&doc), &[p], &opts);
        assert_eq!(triple(&r), (0, 1, 1));
        assert!(r.errors.misses.is_empty());
        // prediction mostly outside the gold: not assigned
        let p = pr(&doc, QuoteKind::Indirect, 0, g.0 + 3);
        let r = score(std::slice::from_ref(&doc), &[p], &opts);
        assert_eq!(triple(&r), (0, 1, 1));
        // exact after trimming the final period
        let p = pr(&doc, QuoteKind::Indirect, g.0, g.1 + 1);
        let r = score(std::slice::from_ref(&doc), &[p], &opts);
        assert_eq!((r.exact.tp, r.exact.fp, r.exact.fn_), (1, 0, 0));
    }

    #[test]
    fn split_quote_is_found_by_its_parts() {
        let text = "“We will rebuild the bridge,” the mayor said, “and we will do it this year.”";
        let whole = (1, at(text, "this year") + 9);
        let doc = gdoc(
            "d",
            text,
            vec![gq(text, QuoteKind::Direct, whole.0, whole.1)],
        );
        let a = span_of(text, "We will rebuild the bridge,");
        let b = span_of(text, "and we will do it this year.");
        let preds = vec![
            pr(&doc, QuoteKind::Direct, a.0, a.1),
            pr(&doc, QuoteKind::Direct, b.0, b.1),
        ];
        let r = score(std::slice::from_ref(&doc), &preds, &ScoreOptions::default());
        assert_eq!(triple(&r), (1, 0, 0));
        // one half alone is not enough (IoU < 0.5): a miss and a false positive
        let r = score(
            std::slice::from_ref(&doc),
            &preds[..1],
            &ScoreOptions::default(),
        );
        assert_eq!(triple(&r), (0, 1, 1));
    }

    #[test]
    fn prediction_goes_to_the_gold_it_overlaps_most() {
        let text = "She said the tax is fair. He said the tax is not fair at all.";
        let g1 = span_of(text, "the tax is fair");
        let g2 = span_of(text, "the tax is not fair at all");
        let doc = gdoc(
            "d",
            text,
            vec![
                gq(text, QuoteKind::Indirect, g1.0, g1.1),
                gq(text, QuoteKind::Indirect, g2.0, g2.1),
            ],
        );
        // spans the end of g1 and most of g2
        let p = pr(&doc, QuoteKind::Indirect, g1.1 - 4, g2.1);
        let r = score(std::slice::from_ref(&doc), &[p], &ScoreOptions::default());
        assert_eq!(triple(&r), (1, 0, 1));
    }

    #[test]
    fn optional_gold_is_neutral() {
        let text = "Officials ruled out a deal. Analysts said prices will rise.";
        let g1 = span_of(text, "a deal");
        let g2 = span_of(text, "prices will rise");
        let mut opt = gq(text, QuoteKind::Indirect, g1.0, g1.1);
        opt.optional = true;
        let doc = gdoc(
            "d",
            text,
            vec![opt, gq(text, QuoteKind::Indirect, g2.0, g2.1)],
        );
        let opts = ScoreOptions::default();
        // not predicted: no miss
        let r = score(
            std::slice::from_ref(&doc),
            &[pr(&doc, QuoteKind::Indirect, g2.0, g2.1)],
            &opts,
        );
        assert_eq!(triple(&r), (1, 0, 0));
        assert_eq!((r.gold_quotes, r.optional_quotes), (1, 1));
        // predicted: neither tp nor fp
        let preds = [
            pr(&doc, QuoteKind::Indirect, g1.0, g1.1),
            pr(&doc, QuoteKind::Indirect, g2.0, g2.1),
        ];
        let r = score(std::slice::from_ref(&doc), &preds, &opts);
        assert_eq!(triple(&r), (1, 0, 0));
        assert_eq!(r.optional_predictions, 1);
        // even a poor prediction on an optional quote is not a false positive
        let r = score(
            std::slice::from_ref(&doc),
            &[pr(&doc, QuoteKind::Indirect, g1.0, g1.0 + 1)],
            &opts,
        );
        assert_eq!(triple(&r), (0, 0, 1));
    }

    #[test]
    fn mixed_prediction_uses_fragment_when_clause_fails() {
        let text =
            "He described the cooperation between the two sides as not “useless” at all today.";
        let frag = span_of(text, "useless");
        let clause = span_of(
            text,
            "the cooperation between the two sides as not “useless” at all",
        );
        let mut p = {
            let doc = gdoc("d", text, vec![]);
            pr(&doc, QuoteKind::Mixed, clause.0, clause.1)
        };
        p.fragment_start = Some(frag.0 - 1);
        p.fragment_end = Some(frag.1 + 1);
        let opts = ScoreOptions::default();

        // Seed convention: gold is the fragment only.
        let seed = gdoc("d", text, vec![gq(text, QuoteKind::Mixed, frag.0, frag.1)]);
        let r = score(std::slice::from_ref(&seed), std::slice::from_ref(&p), &opts);
        assert_eq!(triple(&r), (1, 0, 0));
        assert_eq!(r.exact.tp, 1);

        // PolNeAR convention: gold is the whole clause.
        let polnear = gdoc(
            "d",
            text,
            vec![gq(text, QuoteKind::Mixed, clause.0, clause.1)],
        );
        let r = score(
            std::slice::from_ref(&polnear),
            std::slice::from_ref(&p),
            &opts,
        );
        assert_eq!(triple(&r), (1, 0, 0));

        // Without a fragment the clause alone fails against the fragment gold.
        let mut no_frag = p.clone();
        no_frag.fragment_start = None;
        no_frag.fragment_end = None;
        let r = score(std::slice::from_ref(&seed), &[no_frag], &opts);
        assert_eq!(triple(&r), (0, 1, 1));

        // The fragment rule applies to mixed predictions only.
        let mut indirect = p.clone();
        indirect.kind = QuoteKind::Indirect;
        let r = score(std::slice::from_ref(&seed), &[indirect], &opts);
        assert_eq!(triple(&r), (0, 1, 1));
    }

    #[test]
    fn per_kind_and_confusion() {
        let text = "“Yes,” she said. He said that it was over.";
        let g1 = span_of(text, "Yes");
        let g2 = span_of(text, "it was over");
        let doc = gdoc(
            "d",
            text,
            vec![
                gq(text, QuoteKind::Direct, g1.0, g1.1),
                gq(text, QuoteKind::Indirect, g2.0, g2.1),
            ],
        );
        let preds = [
            pr(&doc, QuoteKind::Mixed, g1.0, g1.1 + 1),
            pr(&doc, QuoteKind::Direct, 0, 1),
        ];
        let r = score(std::slice::from_ref(&doc), &preds, &ScoreOptions::default());
        assert_eq!(triple(&r), (1, 1, 1));
        assert_eq!((r.by_kind.direct.tp, r.by_kind.direct.fp), (1, 1));
        assert_eq!(r.by_kind.indirect.fn_, 1);
        assert_eq!(r.by_kind.mixed, Counts::new(0, 0, 0));
        assert_eq!(r.kind_mismatches, 1);
        assert_eq!(
            r.kind_confusion,
            vec![KindConfusion {
                gold: QuoteKind::Direct,
                predicted: QuoteKind::Mixed,
                count: 1
            }]
        );
    }

    #[test]
    fn speaker_name_mode() {
        let text = "The spokeswoman said the talks failed. Trudeau said aid was blocked.";
        let g1 = span_of(text, "the talks failed");
        let g2 = span_of(text, "aid was blocked");
        let mut q1 = gq(text, QuoteKind::Indirect, g1.0, g1.1);
        q1.speaker = "Elizabeth Trudeau".into();
        q1.mention = "The spokeswoman".into();
        let mut q2 = gq(text, QuoteKind::Indirect, g2.0, g2.1);
        q2.speaker = "Elizabeth Trudeau".into();
        q2.mention = "Trudeau".into();
        let doc = gdoc("d", text, vec![q1, q2]);
        let run = |s1: &str, m1: &str, s2: &str| {
            let mut p1 = pr(&doc, QuoteKind::Indirect, g1.0, g1.1);
            p1.speaker = s1.into();
            p1.mention = m1.into();
            let mut p2 = pr(&doc, QuoteKind::Indirect, g2.0, g2.1);
            p2.speaker = s2.into();
            score(
                std::slice::from_ref(&doc),
                &[p1, p2],
                &ScoreOptions::default(),
            )
            .speaker
        };
        let s = run("elizabeth trudeau", "", "Trudeau");
        assert_eq!((s.overall.correct, s.overall.total), (2, 2));
        assert_eq!(s.by_kind.indirect.accuracy, 1.0);
        // unknown speaker but same mention: correct
        let s = run("", "the Spokeswoman", "Justin Trudeau");
        assert_eq!((s.overall.correct, s.overall.total), (1, 2));
        // a wrongly resolved speaker with the same mention: wrong
        let s = run("Lisa Marchetti", "the Spokeswoman", "Trudeau");
        assert_eq!((s.overall.correct, s.overall.total), (1, 2));
        let s = run("Trudeau's office", "", "");
        assert_eq!(s.overall.correct, 0);
    }

    #[test]
    fn speaker_mention_iou_mode() {
        let text = "The senior official said the plan failed.";
        let g = span_of(text, "the plan failed");
        let m = span_of(text, "The senior official");
        let mut q = gq(text, QuoteKind::Indirect, g.0, g.1);
        q.speaker = "The senior official".into();
        q.mention = q.speaker.clone();
        q.mention_start = Some(m.0);
        q.mention_end = Some(m.1);
        let mut no_mention = q.clone();
        no_mention.mention_start = None;
        no_mention.mention_end = None;
        let doc = gdoc("d", text, vec![q]);
        let opts = ScoreOptions {
            mention_iou: true,
            errors: 0,
        };
        let mut p = pr(&doc, QuoteKind::Indirect, g.0, g.1);
        p.speaker = "someone else".into();
        p.mention_start = Some(m.0 + 4); // "senior official"
        p.mention_end = Some(m.1);
        let r = score(std::slice::from_ref(&doc), std::slice::from_ref(&p), &opts);
        assert_eq!(r.speaker.mode, "mention-iou");
        assert_eq!((r.speaker.overall.correct, r.speaker.overall.total), (1, 1));
        p.mention_start = Some(m.1 - 8); // "official"
        let r = score(std::slice::from_ref(&doc), std::slice::from_ref(&p), &opts);
        assert_eq!((r.speaker.overall.correct, r.speaker.overall.total), (0, 1));
        // no gold mention span: not judged
        let doc2 = gdoc("d", text, vec![no_mention]);
        let r = score(&[doc2], &[p], &opts);
        assert_eq!(r.speaker.overall.unscored, 1);
        assert_eq!(r.speaker.overall.total, 0);
    }

    #[test]
    fn cues_documents_and_error_samples() {
        let text = "Officials said the deal is dead. Others told reporters it lives.";
        let g1 = span_of(text, "the deal is dead");
        let g2 = span_of(text, "it lives");
        let mut q1 = gq(text, QuoteKind::Indirect, g1.0, g1.1);
        q1.cue = "said".into();
        let mut q2 = gq(text, QuoteKind::Indirect, g2.0, g2.1);
        q2.cue = "told reporters".into();
        let doc = gdoc("b", text, vec![q1, q2]);
        let empty = gdoc("a", "Nothing here.", vec![]);
        let mut p = pr(&doc, QuoteKind::Indirect, g1.0, g1.1);
        p.cue = "Said".into();
        let mut stray = pr(&doc, QuoteKind::Direct, 0, 9);
        stray.cue = "said".into();
        let mut other = p.clone();
        other.doc_id = "zzz".into();
        let opts = ScoreOptions {
            mention_iou: false,
            errors: 5,
        };
        let r = score(&[empty, doc], &[p, stray, other], &opts);
        assert_eq!(r.documents, 2);
        assert_eq!(r.documents_without_predictions, vec!["a".to_string()]);
        assert_eq!(r.predictions_outside_gold, 1);
        assert_eq!(r.predictions, 2);
        let said = &r.by_cue[0];
        assert_eq!((said.cue.as_str(), said.gold), ("said", 1));
        assert_eq!((said.counts.tp, said.counts.fp, said.counts.fn_), (1, 1, 0));
        assert_eq!(r.by_cue[1].cue, "told");
        assert_eq!(r.errors.misses.len(), 1);
        assert_eq!(r.errors.misses[0].quote, "it lives");
        assert!(r.errors.misses[0].before.ends_with("told reporters "));
        assert_eq!(r.errors.false_positives[0].quote, "Officials");
        let table = r.render_table();
        assert!(table.contains("documents without predictions (1): a"));
        assert!(table.contains("⟦it lives⟧"));
        let json = serde_json::to_value(&r).expect("serialise");
        assert_eq!(json["overall"]["fn"], 1);
        assert_eq!(json["by_cue"][0]["tp"], 1);
    }

    fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("qc-score-tests-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, content).expect("write temp file");
        path
    }

    #[test]
    fn load_gold_reports_file_line_document_and_quote() {
        let ok = r#"{"id": "a", "text": "He said “yes”.", "quotes": [{"kind": "direct", "quote": "yes", "start": 9, "end": 12, "speaker": null}]}"#;
        let bad = r#"{"id": "b", "text": "Žal said “no”.", "quotes": [{"kind": "direct", "quote": "no", "start": 9, "end": 11}]}"#;
        let path = temp_file("gold.jsonl", &format!("{ok}\n\n{bad}\n"));
        let err = load_gold(&path).expect_err("mismatch");
        let msg = err.to_string();
        assert!(
            matches!(err, Error::Gold { ref doc_id, .. } if doc_id == "b"),
            "{msg}"
        );
        assert!(
            msg.contains("gold.jsonl") && msg.contains("line 3"),
            "{msg}"
        );
        assert!(msg.contains("quotes[0]") && msg.contains("\"“n\""), "{msg}");

        let oob = ok.replace("\"end\": 12", "\"end\": 99");
        let path = temp_file("oob.json", &oob);
        let msg = load_gold(&path).expect_err("out of bounds").to_string();
        assert!(msg.contains("out of bounds"), "{msg}");

        let path = temp_file("syntax.jsonl", &format!("{ok}\n{{\"id\": \n"));
        match load_gold(&path) {
            Err(Error::Parse { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a parse error, got {other:?}"),
        }

        let path = temp_file("dup.jsonl", &format!("{ok}\n{ok}\n"));
        let msg = load_gold(&path).expect_err("duplicate").to_string();
        assert!(msg.contains("duplicate document id"), "{msg}");

        let pretty =
            serde_json::to_string_pretty(&serde_json::from_str::<GoldDocument>(ok).expect("parse"))
                .expect("pretty");
        let path = temp_file("pretty.gold.json", &pretty);
        let gold = load_gold(&path).expect("pretty single object");
        assert_eq!(gold[0].quotes[0].speaker, "");
    }

    #[test]
    fn load_predictions_jsonl_and_array() {
        let rec = r#"{"doc_id": "a", "kind": "mixed", "quote": "x", "char_start": 1, "char_end": 2, "confidence": 0.5}"#;
        let path = temp_file("p.jsonl", &format!("{rec}\n{rec}\n"));
        assert_eq!(load_predictions(&path).expect("jsonl").len(), 2);
        let path = temp_file("p.json", &format!("[\n{rec},\n{rec}\n]"));
        assert_eq!(load_predictions(&path).expect("array").len(), 2);
        let path = temp_file("bad.jsonl", &format!("{rec}\n{{\"doc_id\": 3}}\n"));
        match load_predictions(&path) {
            Err(Error::Parse { line, .. }) => assert_eq!(line, 2),
            other => panic!("expected a parse error, got {other:?}"),
        }
        let missing = std::env::temp_dir().join("qc-definitely-missing.jsonl");
        assert!(matches!(load_predictions(&missing), Err(Error::Io { .. })));
    }

    #[test]
    fn evenly_spaced_samples() {
        let v: Vec<usize> = (0..10).collect();
        assert_eq!(evenly(&v, 3), vec![0, 3, 6]);
        assert_eq!(evenly(&v, 0), Vec::<usize>::new());
        assert_eq!(evenly(&v[..2], 3), vec![0, 1]);
    }

    #[test]
    fn name_normalisation() {
        assert_eq!(normalize_name("THE Pentagon"), "pentagon");
        assert_eq!(normalize_name("the"), "the");
        assert!(names_match(
            "Russia’s Deputy Foreign Minister Sergei Ryabkov",
            "Sergei Ryabkov"
        ));
        assert!(!names_match("Ryabkov", "Sergei Lavrov"));
        assert!(!names_match("Sergei", "Sergei Ryabkov"));
    }
}
