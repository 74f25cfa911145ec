//! The gold annotation format (see `docs/gold-format.md`): a document's text
//! with its hand-annotated quotes, speakers, duplicate claim pairs and
//! boilerplate lines. All offsets are Unicode code points, end exclusive.

use serde::{Deserialize, Serialize};

/// One annotated document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDocument {
    /// Document id.
    pub id: String,
    /// The exact document text.
    pub text: String,
    /// Annotated quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Canonical speakers with all their mentions.
    #[serde(default)]
    pub speakers: Vec<GoldSpeaker>,
    /// Labelled claim pairs.
    #[serde(default)]
    pub claims: GoldClaims,
    /// Boilerplate lines.
    #[serde(default)]
    pub boilerplate: Vec<GoldSpan>,
    /// Free-text notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// One annotated quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldQuote {
    /// `direct`, `indirect` or `mixed`.
    pub kind: crate::QuoteKind,
    /// The quoted text, `text[start..end]`.
    pub quote: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// Canonical speaker (or the source as written, in corpora without coreference).
    #[serde(default)]
    pub speaker: String,
    /// Speaker mention as written.
    #[serde(default)]
    pub mention: String,
    /// Code-point start of the mention.
    #[serde(default)]
    pub mention_start: Option<usize>,
    /// Code-point end of the mention.
    #[serde(default)]
    pub mention_end: Option<usize>,
    /// Cue as written.
    #[serde(default)]
    pub cue: String,
    /// Role of the speaker, when given.
    #[serde(default)]
    pub role: Option<String>,
    /// Optional quotes count neither as misses nor, when matched, as false positives.
    #[serde(default)]
    pub optional: bool,
}

/// A canonical speaker and the mentions that refer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldSpeaker {
    /// Canonical name.
    pub name: String,
    /// Role, when given.
    #[serde(default)]
    pub role: Option<String>,
    /// Mentions as written.
    #[serde(default)]
    pub mentions: Vec<String>,
}

/// A span of text with code-point offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSpan {
    /// `text[start..end]`.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
}

/// Labelled claim pairs of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoldClaims {
    /// Pairs that are the same claim.
    #[serde(default)]
    pub duplicate: Vec<[GoldSpan; 2]>,
    /// Look-alike pairs that are different claims.
    #[serde(default)]
    pub not_duplicate: Vec<[GoldSpan; 2]>,
}
