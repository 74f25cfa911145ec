//! The built-in semantic tier: potion-base-8M static embeddings (model2vec,
//! MIT), int8, compiled into the binary (`include_bytes!`; no download, no
//! network).
//!
//! A text is embedded as model2vec does it: BERT normalisation (control
//! characters dropped, CJK characters split, lower case, accents stripped),
//! BERT pre-tokenisation (whitespace and every punctuation character split
//! off), WordPiece (greedy longest match, `##` continuations, a word of more
//! than 100 characters or with no match is `[UNK]`), unknown tokens
//! dropped, then the mean of the token vectors, scaled to unit length. The
//! weights are stored as one int8 row per token with a float32 scale
//! (`data/potion-base-8M.NOTICE`: source, checksums, format).
//!
//! ```
//! use quotecheck_claims::semantic::{cosine, StaticModel};
//! let m = StaticModel::builtin();
//! let a = m.embed("The minister resigned after the scandal.");
//! let b = m.embed("Following the scandal, the minister stepped down.");
//! let c = m.embed("Heavy rain flooded the valley overnight.");
//! assert!(cosine(&a, &b) > cosine(&a, &c));
//! assert!((cosine(&a, &a) - 1.0).abs() < 1e-4);
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// The model file (see `data/potion-base-8M.NOTICE`).
static BUILTIN: &[u8] = include_bytes!("../data/potion-base-8M.q8");

const MAGIC: &[u8; 8] = b"QCM2V1\0\0";
const MAX_WORD_CHARS: usize = 100;
/// Tokens per text (model2vec's default maximum length).
const MAX_TOKENS: usize = 512;

/// A static embedding model: a WordPiece vocabulary and one int8 vector per
/// token.
#[derive(Debug)]
pub struct StaticModel {
    vocab: HashMap<String, u32>,
    unk: Option<u32>,
    dim: usize,
    scales: Vec<f32>,
    weights: Vec<i8>,
}

/// The WordPiece ids of words already seen (at most
/// [`WordCache::MAX_WORDS`]; emptied when full).
#[derive(Debug, Default, Clone)]
pub struct WordCache {
    words: HashMap<String, Vec<u32>>,
}

impl WordCache {
    /// Words remembered before the cache is emptied.
    pub const MAX_WORDS: usize = 100_000;
}

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid static model: {0}")]
pub struct ModelError(String);

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl StaticModel {
    /// The built-in potion-base-8M (parsed once, then shared).
    pub fn builtin() -> &'static StaticModel {
        static MODEL: OnceLock<StaticModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The file is part of the binary and checked by the tests.
            StaticModel::from_bytes(BUILTIN).unwrap_or_else(|e| unreachable!("{e}"))
        })
    }

    /// Parse a model in the format of `data/potion-base-8M.NOTICE`.
    pub fn from_bytes(b: &[u8]) -> Result<StaticModel, ModelError> {
        let bad = |m: &str| ModelError(m.to_string());
        if b.get(..8) != Some(&MAGIC[..]) {
            return Err(bad("bad magic"));
        }
        let (rows, dim, vocab_len) = match (u32_at(b, 8), u32_at(b, 12), u32_at(b, 16)) {
            (Some(r), Some(d), Some(v)) => (r as usize, d as usize, v as usize),
            _ => return Err(bad("truncated header")),
        };
        let scales_at = 20;
        let weights_at = scales_at + rows * 4;
        let vocab_at = weights_at + rows * dim;
        if b.len() != vocab_at + vocab_len || dim == 0 {
            return Err(bad("sizes do not match the header"));
        }
        let scales = b[scales_at..weights_at]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let weights = b[weights_at..vocab_at]
            .iter()
            .map(|&x| i8::from_le_bytes([x]))
            .collect();
        let text = std::str::from_utf8(&b[vocab_at..]).map_err(|_| bad("vocabulary not UTF-8"))?;
        let vocab: HashMap<String, u32> = text
            .split('\n')
            .enumerate()
            .map(|(i, t)| (t.to_string(), i as u32))
            .collect();
        if vocab.len() > rows {
            return Err(bad("more tokens than rows"));
        }
        Ok(StaticModel {
            unk: vocab.get("[UNK]").copied(),
            vocab,
            dim,
            scales,
            weights,
        })
    }

    /// Dimension of the vectors.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The token ids of `text` (see the module documentation), unknown
    /// tokens dropped, at most 512.
    pub fn tokenize(&self, text: &str) -> Vec<u32> {
        self.tokenize_with(text, &mut WordCache::default())
    }

    /// [`StaticModel::tokenize`], remembering each word's pieces in `cache`
    /// (the same ids, faster on many texts).
    pub fn tokenize_with(&self, text: &str, cache: &mut WordCache) -> Vec<u32> {
        let mut ids = Vec::new();
        for word in pre_tokenize(&normalize(text)) {
            if ids.len() >= MAX_TOKENS {
                break;
            }
            if let Some(pieces) = cache.words.get(&word) {
                ids.extend_from_slice(pieces);
                continue;
            }
            let start = ids.len();
            self.word_piece(&word, &mut ids);
            if cache.words.len() >= WordCache::MAX_WORDS {
                cache.words.clear();
            }
            cache.words.insert(word, ids[start..].to_vec());
        }
        ids.retain(|&i| Some(i) != self.unk);
        ids.truncate(MAX_TOKENS);
        ids
    }

    fn word_piece(&self, word: &str, out: &mut Vec<u32>) {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() > MAX_WORD_CHARS {
            out.extend(self.unk);
            return;
        }
        let start_len = out.len();
        let mut start = 0;
        let mut piece = String::new();
        while start < chars.len() {
            let mut end = chars.len();
            let mut found = None;
            while end > start {
                let from = chars[start].0;
                let to = chars.get(end).map_or(word.len(), |c| c.0);
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[from..to]);
                if let Some(&id) = self.vocab.get(piece.as_str()) {
                    found = Some(id);
                    break;
                }
                end -= 1;
            }
            match found {
                Some(id) => out.push(id),
                None => {
                    out.truncate(start_len);
                    out.extend(self.unk);
                    return;
                }
            }
            start = end;
        }
    }

    /// The unit-length embedding of `text` (all zeros when it has no known
    /// token).
    pub fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_with(text, &mut WordCache::default())
    }

    /// [`StaticModel::embed`] with a [`WordCache`] (one per thread).
    pub fn embed_with(&self, text: &str, cache: &mut WordCache) -> Vec<f32> {
        let ids = self.tokenize_with(text, cache);
        let mut v = vec![0f32; self.dim];
        for &id in &ids {
            let row = id as usize;
            let s = self.scales[row];
            for (x, &w) in v
                .iter_mut()
                .zip(&self.weights[row * self.dim..(row + 1) * self.dim])
            {
                *x += s * f32::from(w);
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
        v
    }
}

/// Cosine similarity of two unit vectors (their dot product).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// BERT normalisation: control characters dropped, whitespace as spaces,
/// CJK characters surrounded by spaces, lower case, accents stripped.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()) {
            continue;
        }
        if c.is_whitespace() {
            out.push(' ');
        } else if is_cjk(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out.is_ascii() {
        return out;
    }
    out.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// BERT punctuation: ASCII punctuation, and any other character that is
/// neither alphanumeric, whitespace nor a control (Unicode P* and symbols).
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// Split on whitespace, and every punctuation character is a word.
fn pre_tokenize(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_whitespace() || is_punct(c) {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            if is_punct(c) {
                words.push(c.to_string());
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny model: vocabulary `[UNK]`, `the`, `un`, `##able`, `.`; 2-d.
    fn tiny() -> StaticModel {
        let vocab = "[UNK]\nthe\nun\n##able\n.";
        let rows = 5u32;
        let mut b = MAGIC.to_vec();
        for x in [rows, 2, vocab.len() as u32] {
            b.extend(x.to_le_bytes());
        }
        for s in [1.0f32, 1.0, 0.5, 0.5, 1.0] {
            b.extend(s.to_le_bytes());
        }
        for w in [[9i8, 9], [1, 0], [0, 2], [0, 2], [0, 1]] {
            b.extend(w.iter().map(|x| x.to_le_bytes()[0]));
        }
        b.extend(vocab.as_bytes());
        StaticModel::from_bytes(&b).expect("tiny model")
    }

    #[test]
    fn word_piece_and_unknowns() {
        let m = tiny();
        assert_eq!(m.tokenize("The unable."), [1, 2, 3, 4]);
        assert_eq!(m.tokenize("the xyz"), [1], "unknown words are dropped");
        assert_eq!(
            m.tokenize("unx"),
            Vec::<u32>::new(),
            "a partial match is [UNK]"
        );
        assert_eq!(m.tokenize("ÜN"), [2], "accents stripped, lower case");
    }

    #[test]
    fn the_word_cache_changes_nothing() {
        let m = tiny();
        let mut cache = WordCache::default();
        for text in ["The unable.", "unx the", "the unable unx", "ÜN the."] {
            for _ in 0..2 {
                assert_eq!(
                    m.tokenize_with(text, &mut cache),
                    m.tokenize(text),
                    "{text}"
                );
            }
        }
        assert_eq!(m.embed_with("the un", &mut cache), m.embed("the un"));
    }

    #[test]
    fn embedding_is_the_normalised_mean() {
        let m = tiny();
        let v = m.embed("the un");
        // (1, 0) + (0, 1) → (1, 1) / √2
        assert!((v[0] - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
        assert!((v[1] - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
        assert_eq!(m.embed("xyz"), [0.0, 0.0]);
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(StaticModel::from_bytes(b"nope").is_err());
        let mut b = MAGIC.to_vec();
        b.extend([1u8, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0]);
        assert!(StaticModel::from_bytes(&b).is_err());
    }

    #[test]
    fn builtin_model_loads() {
        let m = StaticModel::builtin();
        assert_eq!(m.dim(), 256);
        assert_eq!(m.vocab.len(), 29_528);
        assert!(!m.tokenize("Fact-checkers disputed the claim").is_empty());
        let v = m.embed("hello world");
        assert!((cosine(&v, &v) - 1.0).abs() < 1e-4);
    }
}
