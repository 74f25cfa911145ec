//! # quotecheck-dedup
//!
//! Claims, exact and near-duplicate detection, and clustering (in progress).
