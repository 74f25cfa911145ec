//! Which semantic tier a command uses: none, the built-in static model, or
//! a sentence-transformer from a directory (`--model DIR`, else the
//! `QUOTECHECK_MODEL` environment variable).
//!
//! `--semantic` turns the semantic tier on; it is the model of
//! `QUOTECHECK_MODEL` when that variable is set, else the built-in model.
//! `--model DIR` implies `--semantic` and wins over the variable. A model
//! directory that cannot be used (a missing file, a checksum that differs)
//! stops the run before anything is read or written, exit code 2.

use std::path::Path;
use std::sync::Arc;

use quotecheck_claims::embedder::Embedder;
use quotecheck_claims::model::{from_dir_or_env, TransformerModel};

use crate::error::FatalError;

/// The semantic tier of a run.
#[derive(Debug, Clone, Default)]
pub enum Semantic {
    /// Lexical only.
    #[default]
    Off,
    /// The built-in static model (potion-base-8M).
    Builtin,
    /// A sentence-transformer (the accurate tier).
    Model(Arc<TransformerModel>),
}

impl Semantic {
    /// The tier of `--semantic` and `--model` (module documentation).
    pub fn from_args(semantic: bool, model: Option<&Path>) -> Result<Semantic, FatalError> {
        if !semantic && model.is_none() {
            return Ok(Semantic::Off);
        }
        match from_dir_or_env(model) {
            Ok(Some(m)) => Ok(Semantic::Model(Arc::new(m))),
            Ok(None) => Ok(Semantic::Builtin),
            Err(e) => Err(FatalError::Usage(format!("cannot use the model: {e}"))),
        }
    }

    /// Whether the semantic tier is on.
    pub fn is_on(&self) -> bool {
        !matches!(self, Semantic::Off)
    }

    /// The sentence-transformer, when that is the tier.
    pub fn model(&self) -> Option<Arc<dyn Embedder>> {
        match self {
            Semantic::Model(m) => Some(m.clone() as Arc<dyn Embedder>),
            _ => None,
        }
    }
}

impl From<bool> for Semantic {
    /// `true`: the built-in model; `false`: off.
    fn from(on: bool) -> Semantic {
        if on {
            Semantic::Builtin
        } else {
            Semantic::Off
        }
    }
}
