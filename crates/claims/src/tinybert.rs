//! A tiny random BERT in the standard layout, for tests: [`write`] puts
//! `config.json`, `tokenizer.json` (WordPiece over [`VOCAB`]),
//! `model.safetensors` (weights from a fixed pseudo-random sequence, so
//! the same on every machine) and `SHA256SUMS` in a directory, loadable by
//! [`TransformerModel::load`](crate::model::TransformerModel::load).
//! Hidden size [`HIDDEN`], 2 layers, 4 heads.

use std::collections::HashMap;
use std::path::Path;

use candle_core::{Device, Tensor};
use serde_json::json;

use crate::model::{write_sums, TransformerError};

/// The vocabulary, in id order (`[PAD]` = 0, `[UNK]` = 1, `[CLS]` = 2,
/// `[SEP]` = 3).
pub const VOCAB: [&str; 48] = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", ".", ",", "the", "a", "minister", "resign", "##ed",
    "after", "scandal", "police", "arrest", "two", "men", "in", "leeds", "rain", "flood", "valley",
    "un", "##able", "step", "##ped", "down", "over", "heavy", "night", "on", "friday", "was", "is",
    "not", "mayor", "city", "water", "clean", "said", "claim", "##s", "false", "true", "vaccine",
    "cause", "##d", "storm",
];

/// Hidden size of the tiny model.
pub const HIDDEN: usize = 32;
const LAYERS: usize = 2;
const INTERMEDIATE: usize = 64;
const POSITIONS: usize = 64;

/// A fixed pseudo-random sequence in [-0.5, 0.5) (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 40) as f32 / (1u64 << 24) as f32) - 0.5
    }
}

fn config() -> serde_json::Value {
    json!({
        "architectures": ["BertModel"], "model_type": "bert",
        "vocab_size": VOCAB.len(), "hidden_size": HIDDEN, "num_hidden_layers": LAYERS,
        "num_attention_heads": 4, "intermediate_size": INTERMEDIATE, "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": POSITIONS, "type_vocab_size": 2,
        "initializer_range": 0.02, "layer_norm_eps": 1e-12, "pad_token_id": 0,
        "position_embedding_type": "absolute"
    })
}

fn tokenizer() -> serde_json::Value {
    let vocab: serde_json::Map<String, serde_json::Value> = VOCAB
        .iter()
        .enumerate()
        .map(|(i, t)| (t.to_string(), json!(i)))
        .collect();
    let special = |id: usize| {
        json!({"id": id, "content": VOCAB[id], "single_word": false, "lstrip": false,
               "rstrip": false, "normalized": false, "special": true})
    };
    let tok = |t: &str, type_id: u32| json!({"SpecialToken": {"id": t, "type_id": type_id}});
    let seq = |s: &str, type_id: u32| json!({"Sequence": {"id": s, "type_id": type_id}});
    json!({
        "version": "1.0", "truncation": null, "padding": null,
        "added_tokens": [special(0), special(1), special(2), special(3)],
        "normalizer": {"type": "BertNormalizer", "clean_text": true,
                       "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "TemplateProcessing",
            "single": [tok("[CLS]", 0), seq("A", 0), tok("[SEP]", 0)],
            "pair": [tok("[CLS]", 0), seq("A", 0), tok("[SEP]", 0), seq("B", 1), tok("[SEP]", 1)],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab}
    })
}

/// The weights: every matrix and bias pseudo-random, layer norms 1 and 0.
fn weights() -> Result<HashMap<String, Tensor>, candle_core::Error> {
    let mut rng = Lcg(42);
    let mut out = HashMap::new();
    let mut random = |name: String, shape: &[usize]| -> Result<(), candle_core::Error> {
        let n: usize = shape.iter().product();
        let data: Vec<f32> = (0..n).map(|_| rng.next()).collect();
        out.insert(name, Tensor::from_vec(data, shape, &Device::Cpu)?);
        Ok(())
    };
    random(
        "embeddings.word_embeddings.weight".into(),
        &[VOCAB.len(), HIDDEN],
    )?;
    random(
        "embeddings.position_embeddings.weight".into(),
        &[POSITIONS, HIDDEN],
    )?;
    random(
        "embeddings.token_type_embeddings.weight".into(),
        &[2, HIDDEN],
    )?;
    let mut norms = vec!["embeddings.LayerNorm".to_string()];
    for l in 0..LAYERS {
        let p = format!("encoder.layer.{l}");
        for m in ["query", "key", "value"] {
            random(format!("{p}.attention.self.{m}.weight"), &[HIDDEN, HIDDEN])?;
            random(format!("{p}.attention.self.{m}.bias"), &[HIDDEN])?;
        }
        random(
            format!("{p}.attention.output.dense.weight"),
            &[HIDDEN, HIDDEN],
        )?;
        random(format!("{p}.attention.output.dense.bias"), &[HIDDEN])?;
        random(
            format!("{p}.intermediate.dense.weight"),
            &[INTERMEDIATE, HIDDEN],
        )?;
        random(format!("{p}.intermediate.dense.bias"), &[INTERMEDIATE])?;
        random(format!("{p}.output.dense.weight"), &[HIDDEN, INTERMEDIATE])?;
        random(format!("{p}.output.dense.bias"), &[HIDDEN])?;
        norms.push(format!("{p}.attention.output.LayerNorm"));
        norms.push(format!("{p}.output.LayerNorm"));
    }
    for n in norms {
        out.insert(
            format!("{n}.weight"),
            Tensor::ones(HIDDEN, candle_core::DType::F32, &Device::Cpu)?,
        );
        out.insert(
            format!("{n}.bias"),
            Tensor::zeros(HIDDEN, candle_core::DType::F32, &Device::Cpu)?,
        );
    }
    Ok(out)
}

/// Write the tiny model and its `SHA256SUMS` into `dir` (created).
pub fn write(dir: &Path) -> Result<(), TransformerError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TransformerError::Read { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    for (file, value) in [("config.json", config()), ("tokenizer.json", tokenizer())] {
        let path = dir.join(file);
        std::fs::write(&path, value.to_string()).map_err(io(&path))?;
    }
    let path = dir.join("model.safetensors");
    weights()
        .and_then(|w| candle_core::safetensors::save(&w, &path))
        .map_err(|e| TransformerError::Invalid {
            path: path.clone(),
            message: e.to_string(),
        })?;
    write_sums(dir)
}
