//! The embedding models behind `--semantic`, as one interface.
//!
//! An [`Embedder`] turns texts into unit vectors, batched, and names itself
//! with a stable [`Embedder::id`] (the key under which the claim index
//! keeps vectors, so each claim is embedded once per model). Two
//! implementations: the built-in static model
//! ([`StaticModel`](crate::semantic::StaticModel), infallible, fast) and,
//! with the `model` feature, a sentence-transformer loaded from a directory
//! ([`TransformerModel`](crate::model::TransformerModel), accurate, slow).
//!
//! ```
//! use quotecheck_claims::embedder::Embedder;
//! use quotecheck_claims::semantic::StaticModel;
//! let m: &dyn Embedder = StaticModel::builtin();
//! let rows = m.embed_batch(&["one claim", "another claim"]).unwrap();
//! assert_eq!(rows.len(), 2 * m.dim());
//! assert_eq!(m.id(), "potion-base-8M-q8");
//! ```

use crate::semantic::{StaticModel, WordCache};

/// Embedding failed (a transformer's tokeniser or tensor operation).
#[derive(Debug, thiserror::Error)]
#[error("embedding failed: {0}")]
pub struct EmbedError(pub String);

/// A model that embeds texts as unit vectors.
pub trait Embedder: Send + Sync {
    /// A stable name of the model and its weights (e.g.
    /// `all-MiniLM-L6-v2`), the key of stored vectors.
    fn id(&self) -> &str;

    /// Dimension of the vectors.
    fn dim(&self) -> usize;

    /// The unit vectors of `texts`, row-major (`texts.len() × dim`; the
    /// static model embeds a text without any known token as zeros).
    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError>;

    /// The unit vector of one text.
    fn embed_one(&self, text: &str) -> Result<Vec<f32>, EmbedError> {
        self.embed_batch(&[text])
    }
}

impl<T: Embedder + ?Sized> Embedder for &T {
    fn id(&self) -> &str {
        (**self).id()
    }

    fn dim(&self) -> usize {
        (**self).dim()
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        (**self).embed_batch(texts)
    }
}

/// Id of the built-in model ([`StaticModel::builtin`]).
pub const BUILTIN_ID: &str = "potion-base-8M-q8";

impl Embedder for StaticModel {
    fn id(&self) -> &str {
        BUILTIN_ID
    }

    fn dim(&self) -> usize {
        StaticModel::dim(self)
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        let mut cache = WordCache::default();
        let mut out = Vec::with_capacity(texts.len() * StaticModel::dim(self));
        for t in texts {
            out.extend(self.embed_with(t, &mut cache));
        }
        Ok(out)
    }
}

/// Embed `texts` in batches of `batch` on the rayon pool, row-major.
pub fn embed_all(
    model: &dyn Embedder,
    texts: &[&str],
    batch: usize,
) -> Result<Vec<f32>, EmbedError> {
    use rayon::prelude::*;
    let rows: Result<Vec<Vec<f32>>, EmbedError> = texts
        .par_chunks(batch.max(1))
        .map(|chunk| model.embed_batch(chunk))
        .collect();
    Ok(rows?.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_model_batches_as_it_embeds_one_by_one() {
        let m = StaticModel::builtin();
        let texts = ["The minister resigned.", "", "Rain flooded the valley."];
        let rows = embed_all(m, &texts, 2).expect("static");
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(&rows[i * m.dim()..(i + 1) * m.dim()], m.embed(t).as_slice());
        }
        assert!(rows[m.dim()..2 * m.dim()].iter().all(|&x| x == 0.0));
    }
}
