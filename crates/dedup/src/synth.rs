//! A seeded generator of synthetic news-like claims with planted near
//! duplicates and planted number changes at known places, for the benchmark
//! (`cargo bench -p quotecheck-dedup`) and tests.
//!
//! Claim `i` is a pure function of `(seed, i)`, so claims can be generated in
//! parallel and in any order, and nothing has to be kept in memory. Each
//! claim has 12–35 words: function words, content words drawn from a
//! vocabulary of [`SynthConfig::vocabulary`] pseudo-words with a Zipf-like
//! distribution, personal names and numbers. A claim is either
//!
//! - **fresh**;
//! - a **near duplicate** of an earlier fresh claim (up to
//!   [`SynthConfig::window`] claims back), made by 1–3 word edits: a swap of
//!   two neighbouring words, a deleted word, or an inserted word (never a
//!   number or a negation) — these must be found;
//! - a **number change** of an earlier fresh claim that has a number: one
//!   number replaced by another — these must *not* be reported.
//!
//! ```
//! use quotecheck_dedup::synth::{SynthConfig, SynthCorpus, Truth};
//! let corpus = SynthCorpus::new(SynthConfig { claims: 1000, ..SynthConfig::default() });
//! assert_eq!(corpus.claim(7), corpus.claim(7));
//! let words = corpus.claim(7).split(' ').count();
//! assert!((12..=40).contains(&words));
//! let planted = (0..1000).filter(|&i| matches!(corpus.truth(i), Truth::NearDuplicateOf(_))).count();
//! assert!(planted > 20);
//! ```

use std::borrow::Cow;
use std::time::Instant;

use crate::claim::{Claim, ClaimKind};
use crate::engine::DedupReport;
use crate::minhash::splitmix64;
use quotecheck_core::Span;

/// Settings of the generator.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthConfig {
    /// Number of claims.
    pub claims: usize,
    /// Seed.
    pub seed: u64,
    /// Size of the content vocabulary (default 4000, at most 60,000).
    pub vocabulary: usize,
    /// Fraction of claims that are planted near duplicates (default 0.05).
    pub duplicate_rate: f64,
    /// Fraction of claims that are planted number changes (default 0.02).
    pub number_change_rate: f64,
    /// How far back the original of a planted claim is (default 5000).
    pub window: usize,
    /// Claims per synthetic document (default 20).
    pub claims_per_doc: usize,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            claims: 10_000,
            seed: 42,
            vocabulary: 4000,
            duplicate_rate: 0.05,
            number_change_rate: 0.02,
            window: 5000,
            claims_per_doc: 20,
        }
    }
}

/// What a synthetic claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Truth {
    /// An original claim.
    Fresh,
    /// A planted near duplicate of the given (fresh) claim.
    NearDuplicateOf(usize),
    /// A planted number change of the given (fresh) claim.
    NumberChangeOf(usize),
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "the", "the", "of", "of", "to", "in", "in", "and", "a", "a", "on", "for", "that",
    "with", "was", "by", "at", "from", "has", "its", "their", "after", "before", "over", "as",
    "is", "are", "will", "would", "said", "had", "this", "an", "into", "against", "during",
];
const FIRST: &[&str] = &[
    "John", "Maria", "Sergei", "Ana", "Li", "Ahmed", "Fatima", "Pierre", "Olga", "James", "Yuki",
    "Carlos", "Amina", "David", "Elena", "Omar", "Grace", "Ivan", "Sofia", "Kwame", "Priya",
    "Lukas", "Mei", "Hassan", "Ingrid", "Tomas", "Aisha", "Pablo", "Nadia", "Viktor",
];
const LAST: &[&str] = &[
    "Kerry", "Lavrov", "Ruiz", "Chen", "Okafor", "Dubois", "Ivanova", "Smith", "Tanaka", "Garcia",
    "Haddad", "Novak", "Kowalski", "Mensah", "Sharma", "Muller", "Wang", "Rahman", "Larsen",
    "Silva", "Petrov", "Nakamura", "Costa", "Kim", "Nguyen", "Schmidt", "Rossi", "Ahmadi",
    "Fischer", "Moreau", "Jensen", "Popescu", "Horvat", "Ali", "Yilmaz", "Santos",
];
const ONSETS: &[&str] = &[
    "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pr",
    "qu", "r", "s", "sh", "st", "t", "tr", "v", "w", "z",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "x"];

/// The generator.
#[derive(Debug, Clone)]
pub struct SynthCorpus {
    config: SynthConfig,
    vocab: Vec<String>,
    /// Inverse cumulative distribution of `vocab` ranks, indexed by the top
    /// 16 bits of a uniform random number.
    inverse: Vec<u16>,
}

/// A tiny deterministic generator for one claim.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        splitmix64(&mut self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl SynthCorpus {
    /// A corpus with the given settings (builds the vocabulary).
    pub fn new(config: SynthConfig) -> SynthCorpus {
        let mut rng = Rng(config.seed ^ 0x0C0F_FEE0);
        let mut vocab: Vec<String> = Vec::with_capacity(config.vocabulary);
        let mut seen = std::collections::HashSet::new();
        while vocab.len() < config.vocabulary.clamp(1, 60_000) {
            let syllables = 2 + rng.below(2);
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(ONSETS[rng.below(ONSETS.len())]);
                w.push_str(VOWELS[rng.below(VOWELS.len())]);
            }
            w.push_str(CODAS[rng.below(CODAS.len())]);
            if seen.insert(w.clone()) {
                vocab.push(w);
            }
        }
        // p(rank) ∝ 1 / (rank + 50): Zipf-like, with a flattened head (the
        // real head of news text is function words, generated separately).
        let mut cumulative = Vec::with_capacity(vocab.len());
        let mut acc = 0.0f64;
        for r in 0..vocab.len() {
            acc += 1.0 / (r as f64 + 50.0);
            cumulative.push(acc);
        }
        let mut inverse = Vec::with_capacity(1 << 16);
        let mut r = 0usize;
        for k in 0..(1u32 << 16) {
            let u = (f64::from(k) + 0.5) / 65536.0 * acc;
            while r + 1 < cumulative.len() && cumulative[r] < u {
                r += 1;
            }
            inverse.push(r as u16);
        }
        SynthCorpus {
            config,
            vocab,
            inverse,
        }
    }

    /// The settings.
    pub fn config(&self) -> &SynthConfig {
        &self.config
    }

    /// Number of claims.
    pub fn len(&self) -> usize {
        self.config.claims
    }

    /// True when there are no claims.
    pub fn is_empty(&self) -> bool {
        self.config.claims == 0
    }

    /// Number of synthetic documents.
    pub fn docs(&self) -> usize {
        self.len().div_ceil(self.config.claims_per_doc.max(1))
    }

    fn rng(&self, i: usize, salt: u64) -> Rng {
        let mut s = self.config.seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        s ^= (i as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        let _ = splitmix64(&mut s);
        Rng(s)
    }

    fn role(&self, i: usize) -> Truth {
        let mut rng = self.rng(i, 1);
        let u = rng.unit();
        if i == 0 {
            return Truth::Fresh;
        }
        let back = 1 + rng.below(self.config.window.max(1).min(i));
        let base = i - back;
        if u < self.config.duplicate_rate {
            Truth::NearDuplicateOf(base)
        } else if u < self.config.duplicate_rate + self.config.number_change_rate {
            Truth::NumberChangeOf(base)
        } else {
            Truth::Fresh
        }
    }

    /// What claim `i` is (a planted claim whose original is not fresh, or
    /// has no number to change, is generated fresh).
    pub fn truth(&self, i: usize) -> Truth {
        match self.role(i) {
            Truth::NearDuplicateOf(b) if self.role(b) == Truth::Fresh => Truth::NearDuplicateOf(b),
            Truth::NumberChangeOf(b)
                if self.role(b) == Truth::Fresh
                    && self.fresh_words(b).iter().any(|w| is_number(w)) =>
            {
                Truth::NumberChangeOf(b)
            }
            _ => Truth::Fresh,
        }
    }

    fn content_word(&self, rng: &mut Rng) -> &str {
        let r = self.inverse[(rng.next() >> 48) as usize] as usize;
        &self.vocab[r.min(self.vocab.len() - 1)]
    }

    fn fresh_words(&self, i: usize) -> Vec<Cow<'_, str>> {
        let mut rng = self.rng(i, 2);
        let len = 12 + rng.below(24);
        let mut words: Vec<Cow<'_, str>> = Vec::with_capacity(len + 4);
        let mut has_number = false;
        while words.len() < len {
            let u = rng.unit();
            if u < 0.36 {
                words.push(Cow::Borrowed(
                    FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())],
                ));
            } else if u < 0.41 {
                words.push(Cow::Borrowed(FIRST[rng.below(FIRST.len())]));
                words.push(Cow::Borrowed(LAST[rng.below(LAST.len())]));
            } else if u < 0.45 || (!has_number && words.len() == len / 2 && rng.unit() < 0.5) {
                has_number = true;
                words.push(Cow::Owned(number(&mut rng)));
            } else {
                words.push(Cow::Borrowed(self.content_word(&mut rng)));
            }
        }
        words
    }

    fn edit_word(&self, rng: &mut Rng) -> &str {
        if rng.unit() < 0.4 {
            FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())]
        } else {
            self.content_word(rng)
        }
    }

    /// The words of claim `i`.
    fn words(&self, i: usize) -> Vec<Cow<'_, str>> {
        match self.truth(i) {
            Truth::Fresh => self.fresh_words(i),
            Truth::NearDuplicateOf(b) => {
                let mut w = self.fresh_words(b);
                let mut rng = self.rng(i, 3);
                let edits = 1 + rng.below(3);
                for _ in 0..edits {
                    match rng.below(3) {
                        0 => {
                            let k = rng.below(w.len() - 1);
                            w.swap(k, k + 1);
                        }
                        1 => {
                            let k = rng.below(w.len());
                            if !is_number(&w[k]) {
                                w.remove(k);
                            }
                        }
                        _ => {
                            let k = rng.below(w.len() + 1);
                            let word = self.edit_word(&mut rng);
                            w.insert(k, Cow::Borrowed(word));
                        }
                    }
                }
                w
            }
            Truth::NumberChangeOf(b) => {
                let mut w = self.fresh_words(b);
                let mut rng = self.rng(i, 4);
                let nums: Vec<usize> = (0..w.len()).filter(|&k| is_number(&w[k])).collect();
                let k = nums[rng.below(nums.len())];
                let old = w[k].to_string();
                while w[k] == old {
                    w[k] = Cow::Owned(number(&mut rng));
                }
                w
            }
        }
    }

    /// The text of claim `i`: a capitalised sentence ending with a period.
    pub fn claim(&self, i: usize) -> String {
        let words = self.words(i);
        let mut s = String::with_capacity(words.iter().map(|w| w.len() + 1).sum::<usize>() + 1);
        for w in &words {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(w);
        }
        if let Some(first) = s.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        s.push('.');
        s
    }

    /// Sketch every document into `dd` and push it, in input order, in
    /// batches of 2,048 documents (claims generated and sketched in parallel
    /// on the current rayon pool). Returns the seconds spent sketching and
    /// pushing: generating the claims (with `normalized` empty, so the
    /// deduplicator normalises) is left out, as the scale benchmarks time it.
    pub fn feed(&self, dd: &mut crate::engine::Deduper) -> f64 {
        use rayon::prelude::*;
        const BATCH: usize = 2048;
        let docs = self.docs();
        let mut timed = 0.0f64;
        for start in (0..docs).step_by(BATCH) {
            let batch: Vec<(String, Vec<Claim>)> = (start..(start + BATCH).min(docs))
                .into_par_iter()
                .map(|d| (self.doc_id(d), self.raw_doc_claims(d)))
                .collect();
            let t = Instant::now();
            let sketches: Vec<crate::engine::DocSketch> = batch
                .par_iter()
                .map(|(id, claims)| dd.sketch(id, claims))
                .collect();
            for s in sketches {
                dd.push(s);
            }
            timed += t.elapsed().as_secs_f64();
        }
        timed
    }

    /// Id of document `d`.
    pub fn doc_id(&self, d: usize) -> String {
        format!("synth-{d:08}")
    }

    /// The claims of document `d` (claims `d·k .. (d+1)·k` for `k` claims per
    /// document), as sentences of a document whose text is the claims joined
    /// by single spaces, with matching offsets.
    pub fn doc_claims(&self, d: usize) -> Vec<Claim> {
        self.doc_claims_with(d, true)
    }

    /// Like [`SynthCorpus::doc_claims`], leaving `normalized` empty (the
    /// deduplicator then normalises; the benchmark times that).
    pub fn raw_doc_claims(&self, d: usize) -> Vec<Claim> {
        self.doc_claims_with(d, false)
    }

    fn doc_claims_with(&self, d: usize, normalize: bool) -> Vec<Claim> {
        let k = self.config.claims_per_doc.max(1);
        let id = self.doc_id(d);
        let mut out = Vec::with_capacity(k);
        let (mut byte, mut ch) = (0usize, 0usize);
        for i in d * k..((d + 1) * k).min(self.len()) {
            let text = self.claim(i);
            let chars = text.chars().count();
            let normalized = if normalize {
                crate::normalize::normalize(&text)
            } else {
                String::new()
            };
            out.push(Claim {
                doc_id: id.clone(),
                kind: ClaimKind::Sentence,
                span: Span::new(byte, byte + text.len()),
                char_start: ch,
                char_end: ch + chars,
                normalized,
                text,
                speaker: None,
                quote_kind: None,
            });
            byte = out.last().map_or(0, |c| c.span.end) + 1;
            ch += chars + 1;
        }
        out
    }

    /// Score a report of this corpus against the planted truth.
    pub fn evaluate(&self, report: &DedupReport) -> Evaluation {
        let k = self.config.claims_per_doc.max(1);
        // Map every clustered member back to its claim index.
        let mut cluster_of: std::collections::HashMap<usize, usize> = Default::default();
        let mut offsets_cache: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        let mut ev = Evaluation::default();
        for c in &report.clusters {
            let mut groups: std::collections::HashMap<usize, u64> = Default::default();
            for m in &c.members {
                let Some(d) = m
                    .claim
                    .doc_id
                    .strip_prefix("synth-")
                    .and_then(|s| s.parse::<usize>().ok())
                else {
                    continue;
                };
                let offs = offsets_cache.entry(d).or_insert_with(|| {
                    self.raw_doc_claims(d)
                        .iter()
                        .map(|c| c.span.start)
                        .collect()
                });
                let Ok(pos) = offs.binary_search(&m.claim.byte_start) else {
                    continue;
                };
                let i = d * k + pos;
                cluster_of.insert(i, c.id);
                let group = match self.truth(i) {
                    Truth::NearDuplicateOf(b) => b,
                    _ => i,
                };
                *groups.entry(group).or_default() += 1;
            }
            let n = c.members.len() as u64;
            ev.reported_pairs += n * (n - 1) / 2;
            ev.true_reported_pairs += groups.values().map(|&g| g * (g - 1) / 2).sum::<u64>();
        }
        for i in 0..self.len() {
            match self.truth(i) {
                Truth::NearDuplicateOf(b) => {
                    ev.planted_pairs += 1;
                    if cluster_of
                        .get(&i)
                        .is_some_and(|c| cluster_of.get(&b) == Some(c))
                    {
                        ev.found_pairs += 1;
                    }
                }
                Truth::NumberChangeOf(b) => {
                    ev.number_changes += 1;
                    if cluster_of
                        .get(&i)
                        .is_some_and(|c| cluster_of.get(&b) == Some(c))
                    {
                        ev.number_changes_reported += 1;
                    }
                }
                Truth::Fresh => {}
            }
        }
        ev
    }
}

/// Recall and precision of a report against the planted truth.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Planted near-duplicate pairs.
    pub planted_pairs: u64,
    /// Planted pairs whose two claims share a cluster.
    pub found_pairs: u64,
    /// Planted number changes.
    pub number_changes: u64,
    /// Planted number changes wrongly clustered with their original.
    pub number_changes_reported: u64,
    /// Pairs of claims sharing a reported cluster.
    pub reported_pairs: u64,
    /// Reported pairs whose claims are in the same planted group (an
    /// original and its near duplicates).
    pub true_reported_pairs: u64,
}

impl Evaluation {
    /// Found / planted near-duplicate pairs.
    pub fn recall(&self) -> f64 {
        if self.planted_pairs == 0 {
            1.0
        } else {
            self.found_pairs as f64 / self.planted_pairs as f64
        }
    }

    /// True / all reported pairs.
    pub fn precision(&self) -> f64 {
        if self.reported_pairs == 0 {
            1.0
        } else {
            self.true_reported_pairs as f64 / self.reported_pairs as f64
        }
    }
}

fn is_number(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
}

fn number(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => format!("{}.{}", 1 + rng.below(99), rng.below(10)),
        1 => format!("{}th", 4 + rng.below(26)),
        2 => format!("{}", 1990 + rng.below(40)),
        _ => format!("{}", 2 + rng.below(5000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DedupConfig, Deduper};

    #[test]
    fn planted_claims_are_known() {
        let c = SynthCorpus::new(SynthConfig {
            claims: 3000,
            ..SynthConfig::default()
        });
        let mut dups = 0;
        for i in 0..c.len() {
            match c.truth(i) {
                Truth::NearDuplicateOf(b) => {
                    assert!(b < i);
                    dups += 1;
                }
                Truth::NumberChangeOf(b) => {
                    assert!(b < i);
                    assert_ne!(c.claim(b), c.claim(i));
                }
                Truth::Fresh => {}
            }
        }
        assert!(dups > 100);
    }

    #[test]
    fn doc_offsets_are_consistent() {
        let c = SynthCorpus::new(SynthConfig {
            claims: 45,
            ..SynthConfig::default()
        });
        assert_eq!(c.docs(), 3);
        let text: String = c
            .doc_claims(2)
            .iter()
            .map(|x| x.text.clone())
            .collect::<Vec<_>>()
            .join(" ");
        for cl in c.doc_claims(2) {
            assert_eq!(cl.span.slice(&text), Some(cl.text.as_str()));
        }
        assert_eq!(c.doc_claims(2).len(), 5);
    }

    #[test]
    fn small_corpus_recall_and_precision() {
        let c = SynthCorpus::new(SynthConfig {
            claims: 4000,
            ..SynthConfig::default()
        });
        let mut dd = Deduper::new(DedupConfig::default());
        for d in 0..c.docs() {
            dd.add_claims(&c.doc_id(d), &c.doc_claims(d));
        }
        let ev = c.evaluate(&dd.finish());
        assert!(ev.recall() >= 0.95, "{ev:?}");
        assert!(ev.precision() >= 0.98, "{ev:?}");
        assert_eq!(ev.number_changes_reported, 0, "{ev:?}");
    }
}
