//! Corpus speaker keys scored against gold keys: do all quotes of one
//! speaker share one key across documents, and do different speakers get
//! different keys?
//!
//! The gold (`tests/speakers/gold.tsv`, [`parse_gold_keys`]) gives, per
//! quote, a snippet of its content that occurs once in its document, the
//! speaker's gold corpus key and the names accepted for display. A
//! predicted quote ([`KeyedQuote`]) *matches* a gold quote when its span
//! overlaps the snippet (the one that overlaps it most, then the shortest),
//! so that span conventions do not matter. Over the matched gold quotes,
//! [`score_keys`] computes the B-cubed precision, recall and F1 of the
//! predicted keys against the gold keys (a quote predicted without a key
//! is a cluster of its own), the share of gold quotes matched, and the
//! accuracy of the name shown.
//!
//! ```
//! use std::collections::HashMap;
//! use quotecheck_eval::score::keys::{parse_gold_keys, score_keys, KeyedQuote};
//! let gold = parse_gold_keys("doc\tkey\tname\tquote\nd\tana\tAna Ruiz\tWe win\n", "g.tsv").unwrap();
//! let texts = HashMap::from([("d".to_string(), "“We win,” Ruiz said.".to_string())]);
//! let pred = KeyedQuote { doc_id: "d".into(), char_start: 1, char_end: 8,
//!     speaker_key: "ana-ruiz".into(), speaker: "Ana Ruiz".into() };
//! let s = score_keys(&gold, &texts, &[pred]).unwrap();
//! assert_eq!((s.found, s.f1, s.name_correct), (1, 1.0, 1));
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::names::normalize_name;
use crate::Error;

/// One gold quote of the speaker-key gold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldKey {
    /// The document (file stem of the article).
    pub doc_id: String,
    /// The gold corpus key (a label: only which quotes share it matters).
    pub key: String,
    /// The canonical name, then other names accepted for display.
    pub names: Vec<String>,
    /// A substring of the quote's content, once in the document.
    pub snippet: String,
    /// 1-based line in the gold file.
    pub line: usize,
}

/// A predicted quote with its corpus speaker key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyedQuote {
    /// The document.
    pub doc_id: String,
    /// Start of the quote's span, in characters.
    pub char_start: usize,
    /// End of the quote's span (exclusive), in characters.
    pub char_end: usize,
    /// The corpus speaker key; empty when the quote has none.
    pub speaker_key: String,
    /// The speaker name shown for the quote.
    pub speaker: String,
}

/// A gold quote whose predicted key is not (only) its gold key's.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyError {
    /// The gold quote.
    pub gold: GoldKey,
    /// The predicted key (empty: none) and the name shown.
    pub predicted_key: String,
    /// The name shown.
    pub predicted_name: String,
    /// This quote's B-cubed precision (share of its predicted cluster with
    /// its gold key).
    pub precision: f64,
    /// This quote's B-cubed recall (share of its gold cluster under its
    /// predicted key).
    pub recall: f64,
}

/// The speaker-key score of a corpus.
#[derive(Debug, Clone, Default)]
pub struct KeyScore {
    /// Gold quotes.
    pub gold: usize,
    /// Gold quotes matched by a prediction.
    pub found: usize,
    /// B-cubed precision over the matched gold quotes.
    pub precision: f64,
    /// B-cubed recall over the matched gold quotes.
    pub recall: f64,
    /// B-cubed F1.
    pub f1: f64,
    /// Matched gold quotes whose name shown is one of the gold names.
    pub name_correct: usize,
    /// Matched quotes whose key is imperfect (precision or recall below 1).
    pub errors: Vec<KeyError>,
    /// Gold quotes no prediction matches.
    pub missed: Vec<GoldKey>,
    /// Matched quotes whose name shown is not one of the gold names.
    pub wrong_names: Vec<(GoldKey, String)>,
}

impl KeyScore {
    /// Share of gold quotes matched.
    pub fn found_share(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Share of matched gold quotes whose name shown is right.
    pub fn name_accuracy(&self) -> f64 {
        ratio(self.name_correct, self.found)
    }

    /// A plain-text summary: the figures, then every imperfect key, wrong
    /// name and missed quote.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "speaker keys B-cubed: P {:.3} R {:.3} F1 {:.3} over {} matched quotes",
            self.precision, self.recall, self.f1, self.found
        );
        let _ = writeln!(
            s,
            "gold quotes found: {}/{} ({:.3}); name shown right: {}/{} ({:.3})",
            self.found,
            self.gold,
            self.found_share(),
            self.name_correct,
            self.found,
            self.name_accuracy()
        );
        for e in &self.errors {
            let _ = writeln!(
                s,
                "key  {} {:?}: {:?} ({}) gold {} [p {:.2} r {:.2}]",
                e.gold.doc_id,
                e.gold.snippet,
                e.predicted_key,
                e.predicted_name,
                e.gold.key,
                e.precision,
                e.recall
            );
        }
        for (g, name) in &self.wrong_names {
            let _ = writeln!(
                s,
                "name {} {:?}: {name:?} gold {:?}",
                g.doc_id, g.snippet, g.names[0]
            );
        }
        for g in &self.missed {
            let _ = writeln!(s, "miss {} {:?} ({})", g.doc_id, g.snippet, g.key);
        }
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Parse a speaker-key gold file: a header line, then tab-separated
/// `doc`, `key`, `name` (accepted names separated by `;`), `quote`
/// (snippet). `path` names the file in errors.
pub fn parse_gold_keys(tsv: &str, path: &str) -> Result<Vec<GoldKey>, Error> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| Error::Parse {
            path: path.to_string(),
            line: i + 1,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let [doc, key, names, snippet] = cols[..] else {
            return Err(err(format!(
                "expected 4 tab-separated columns, got {}",
                cols.len()
            )));
        };
        let names: Vec<String> = names
            .split(';')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect();
        if doc.is_empty() || key.is_empty() || names.is_empty() || snippet.is_empty() {
            return Err(err("empty column".into()));
        }
        out.push(GoldKey {
            doc_id: doc.to_string(),
            key: key.to_string(),
            names,
            snippet: snippet.to_string(),
            line: i + 1,
        });
    }
    Ok(out)
}

/// Read a speaker-key gold file ([`parse_gold_keys`]).
pub fn load_gold_keys(path: &Path) -> Result<Vec<GoldKey>, Error> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: shown.clone(),
        source,
    })?;
    parse_gold_keys(&text, &shown)
}

/// The character span of `snippet` in `text`, when it occurs exactly once.
fn locate(text: &str, snippet: &str) -> Result<(usize, usize), String> {
    let mut hits = text.match_indices(snippet);
    let Some((byte, _)) = hits.next() else {
        return Err(format!("snippet {snippet:?} not in the text"));
    };
    if hits.next().is_some() {
        return Err(format!("snippet {snippet:?} occurs more than once"));
    }
    let start = text[..byte].chars().count();
    Ok((start, start + snippet.chars().count()))
}

/// Score the predicted keys of a corpus against the gold keys; `texts`
/// maps each document to its text (to locate the snippets). An error
/// names a gold line whose document is unknown or whose snippet is not
/// in its text exactly once.
pub fn score_keys(
    gold: &[GoldKey],
    texts: &HashMap<String, String>,
    predictions: &[KeyedQuote],
) -> Result<KeyScore, Error> {
    let mut by_doc: HashMap<&str, Vec<&KeyedQuote>> = HashMap::new();
    for p in predictions {
        by_doc.entry(p.doc_id.as_str()).or_default().push(p);
    }
    let mut score = KeyScore {
        gold: gold.len(),
        ..KeyScore::default()
    };
    // (gold item, predicted label, predicted key, name shown)
    let mut matched: Vec<(&GoldKey, String, &KeyedQuote)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        let text = texts.get(&g.doc_id).ok_or_else(|| Error::Gold {
            path: format!("gold line {}", g.line),
            doc_id: g.doc_id.clone(),
            message: "no such document".into(),
        })?;
        let span = locate(text, &g.snippet).map_err(|message| Error::Gold {
            path: format!("gold line {}", g.line),
            doc_id: g.doc_id.clone(),
            message,
        })?;
        let best = by_doc
            .get(g.doc_id.as_str())
            .into_iter()
            .flatten()
            .map(|p| (super::overlap(span, (p.char_start, p.char_end)), *p))
            .filter(|(o, _)| *o > 0)
            .max_by(|(oa, a), (ob, b)| {
                oa.cmp(ob)
                    .then_with(|| (b.char_end - b.char_start).cmp(&(a.char_end - a.char_start)))
            })
            .map(|(_, p)| p);
        let Some(p) = best else {
            score.missed.push(g.clone());
            continue;
        };
        // A quote without a key is a cluster of its own.
        let label = if p.speaker_key.is_empty() {
            format!("\u{0}unkeyed {i}")
        } else {
            p.speaker_key.clone()
        };
        let shown = normalize_name(&p.speaker);
        if g.names.iter().any(|n| normalize_name(n) == shown) {
            score.name_correct += 1;
        } else {
            score.wrong_names.push((g.clone(), p.speaker.clone()));
        }
        matched.push((g, label, p));
    }
    score.found = matched.len();
    let mut pred_size: HashMap<&str, usize> = HashMap::new();
    let mut gold_size: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(&str, &str), usize> = HashMap::new();
    for (g, label, _) in &matched {
        *pred_size.entry(label).or_default() += 1;
        *gold_size.entry(&g.key).or_default() += 1;
        *both.entry((&g.key, label)).or_default() += 1;
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for (g, label, p) in &matched {
        let shared = both[&(g.key.as_str(), label.as_str())] as f64;
        let precision = shared / pred_size[label.as_str()] as f64;
        let recall = shared / gold_size[g.key.as_str()] as f64;
        p_sum += precision;
        r_sum += recall;
        if precision < 1.0 || recall < 1.0 {
            score.errors.push(KeyError {
                gold: (*g).clone(),
                predicted_key: p.speaker_key.clone(),
                predicted_name: p.speaker.clone(),
                precision,
                recall,
            });
        }
    }
    let n = matched.len() as f64;
    if n > 0.0 {
        score.precision = p_sum / n;
        score.recall = r_sum / n;
        let sum = score.precision + score.recall;
        score.f1 = if sum > 0.0 {
            2.0 * score.precision * score.recall / sum
        } else {
            0.0
        };
    }
    Ok(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(rows: &[(&str, &str, &str)]) -> Vec<GoldKey> {
        let mut tsv = String::from("doc\tkey\tname\tquote\n");
        for (doc, key, snippet) in rows {
            tsv.push_str(&format!("{doc}\t{key}\t{key}\t{snippet}\n"));
        }
        parse_gold_keys(&tsv, "g.tsv").unwrap_or_default()
    }

    fn pred(doc: &str, text: &str, snippet: &str, key: &str) -> KeyedQuote {
        let (s, e) = locate(text, snippet).unwrap_or_default();
        KeyedQuote {
            doc_id: doc.into(),
            char_start: s,
            char_end: e,
            speaker_key: key.into(),
            speaker: key.into(),
        }
    }

    const A: &str = "“Alpha one,” X said. “Beta two,” Y said. “Gamma three,” Z said.";

    #[test]
    fn perfect_split_and_merge() {
        let texts = HashMap::from([("d".to_string(), A.to_string())]);
        let g = gold(&[("d", "x", "Alpha"), ("d", "x", "Beta"), ("d", "z", "Gamma")]);
        let run = |keys: [&str; 3]| {
            let preds: Vec<KeyedQuote> = ["Alpha one", "Beta two", "Gamma three"]
                .iter()
                .zip(keys)
                .map(|(s, k)| pred("d", A, s, k))
                .collect();
            score_keys(&g, &texts, &preds).unwrap_or_default()
        };
        let s = run(["a", "a", "b"]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert!(s.errors.is_empty());
        // Split: x's two quotes under two keys.
        let s = run(["a", "c", "b"]);
        assert_eq!(s.precision, 1.0);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.errors.len(), 2);
        // Merge: all under one key.
        let s = run(["a", "a", "a"]);
        assert!((s.precision - (2.0 / 3.0 * 2.0 + 1.0 / 3.0) / 3.0).abs() < 1e-9);
        assert_eq!(s.recall, 1.0);
        // No key at all: every quote its own cluster.
        let s = run(["", "", ""]);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.precision, 1.0);
    }

    #[test]
    fn misses_and_overlap_matching() {
        let texts = HashMap::from([("d".to_string(), A.to_string())]);
        let g = gold(&[("d", "x", "Alpha"), ("d", "z", "Gamma")]);
        // A prediction covering a larger span still matches.
        let wide = KeyedQuote {
            doc_id: "d".into(),
            char_start: 0,
            char_end: 12,
            speaker_key: "x".into(),
            speaker: "Nobody".into(),
        };
        let s = score_keys(&g, &texts, &[wide]).unwrap_or_default();
        assert_eq!((s.gold, s.found, s.missed.len()), (2, 1, 1));
        assert_eq!(s.found_share(), 0.5);
        assert_eq!((s.name_correct, s.wrong_names.len()), (0, 1));
        assert!(s.render().contains("miss d \"Gamma\" (z)"));
    }

    #[test]
    fn bad_gold_is_an_error_naming_the_line() {
        let texts = HashMap::from([("d".to_string(), "said said".to_string())]);
        let e = score_keys(&gold(&[("d", "x", "said")]), &texts, &[]).err();
        assert!(e
            .is_some_and(|e| e.to_string().contains("gold line 2")
                && e.to_string().contains("more than once")));
        let e = score_keys(&gold(&[("e", "x", "said")]), &texts, &[]).err();
        assert!(e.is_some_and(|e| e.to_string().contains("no such document")));
        let e = parse_gold_keys("h\nd\tk\n", "g.tsv").err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("g.tsv: line 2: expected 4 tab-separated columns, got 2".into())
        );
    }

    #[test]
    fn names_compare_normalised_and_accept_aliases() {
        let texts = HashMap::from([("d".to_string(), A.to_string())]);
        let g = parse_gold_keys(
            "doc\tkey\tname\tquote\nd\tx\tHélène de Montigny;Prof de Montigny\tAlpha\n",
            "g.tsv",
        )
        .unwrap_or_default();
        for shown in ["He\u{301}le\u{300}ne de Montigny", "prof de montigny"] {
            let mut p = pred("d", A, "Alpha one", "x");
            p.speaker = shown.into();
            let s = score_keys(&g, &texts, &[p]).unwrap_or_default();
            assert_eq!(s.name_correct, 1, "{shown}");
        }
    }
}
