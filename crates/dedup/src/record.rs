//! The result of deduplication: clusters, misquote records, and the flat,
//! serialisable records written by the CLI.
//!
//! Offsets named `char_*` are Unicode code-point offsets into the document
//! text, end exclusive; offsets named `byte_*` are UTF-8 byte offsets, end
//! exclusive. Fields of the records are only ever added, never renamed.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::claim::ClaimKind;

/// Why a member belongs to its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The member is the cluster's canonical (earliest) claim.
    Canonical,
    /// Same normalised form as the canonical claim.
    Exact,
    /// A near duplicate of the canonical claim; the similarity is the
    /// token-set Jaccard of the two ([`crate::verify`]).
    Near,
    /// Not itself a near duplicate of the canonical claim, but of another
    /// member (union-find is transitive); the similarity is that of its best
    /// link.
    Transitive,
    /// Linked to the canonical claim by an extra rule outside the lexical
    /// one (`quotecheck dedup --semantic`: the built-in embedding model; see
    /// [`crate::links`]); the similarity is that rule's score.
    Semantic,
}

impl Reason {
    /// `canonical`, `exact`, `near`, `transitive` or `semantic`.
    ///
    /// ```
    /// use quotecheck_dedup::Reason;
    /// assert_eq!(Reason::Near.as_str(), "near");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Reason::Canonical => "canonical",
            Reason::Exact => "exact",
            Reason::Near => "near",
            Reason::Transitive => "transitive",
            Reason::Semantic => "semantic",
        }
    }
}

/// A claim as reported: where it is and what it says.
///
/// The document id and the text are shared (`Arc<str>`): the members of a
/// cluster with the same text, and all claims of one document, point to one
/// copy (a 10,080-document report holds hundreds of thousands of members).
/// They serialise as plain strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRef {
    /// Document id.
    #[serde(serialize_with = "ser_arc", deserialize_with = "de_arc")]
    pub doc_id: Arc<str>,
    /// Sentence or quote.
    pub kind: ClaimKind,
    /// The claim as written (empty when the deduplicator was configured not
    /// to keep text; see [`crate::DedupReport::fill_text`]).
    #[serde(serialize_with = "ser_arc", deserialize_with = "de_arc")]
    pub text: Arc<str>,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
    /// Code-point offset of the first character.
    pub char_start: usize,
    /// Code-point offset one past the last character.
    pub char_end: usize,
    /// Speaker of a quote.
    pub speaker: Option<String>,
}

fn ser_arc<S: Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

fn de_arc<'de, D: Deserializer<'de>>(de: D) -> Result<Arc<str>, D::Error> {
    String::deserialize(de).map(Arc::from)
}

/// One member of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The claim.
    pub claim: ClaimRef,
    /// Why it joined.
    pub reason: Reason,
    /// 1.0 for the canonical claim and exact duplicates, else the Jaccard
    /// similarity of the link (see [`Reason`]).
    pub similarity: f32,
    /// Containment of the link (1.0 for canonical and exact).
    pub containment: f32,
}

/// A group of claims that are the same claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Cluster number, from 1, in order of canonical claims.
    pub id: usize,
    /// Members in canonical order (document id, then offset); the first is
    /// the canonical claim.
    pub members: Vec<Member>,
    /// Number of distinct documents among the members.
    pub doc_count: usize,
}

impl Cluster {
    /// The canonical (earliest) claim.
    pub fn canonical(&self) -> Option<&ClaimRef> {
        self.members.first().map(|m| &m.claim)
    }
}

/// One row of `duplicates.csv` / the dedup JSON lines: a cluster member.
///
/// The JSON schema (`cluster_id`, `doc_id`, `claim`, `char_start`,
/// `char_end`, `canonical`, `similarity`, `reason`, …) is stable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateRecord {
    /// Cluster number (from 1).
    pub cluster_id: usize,
    /// Text of the cluster's canonical claim.
    pub canonical: String,
    /// Document of the canonical claim.
    pub canonical_doc_id: String,
    /// Document of this member.
    pub doc_id: String,
    /// Text of this member.
    pub claim: String,
    /// `sentence` or `quote`.
    pub kind: ClaimKind,
    /// Code-point offset of the member in its document.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// Byte offset of the member.
    pub byte_start: usize,
    /// Byte end (exclusive).
    pub byte_end: usize,
    /// Speaker, for quotes (empty otherwise).
    pub speaker: String,
    /// Similarity in `[0, 1]` (see [`Member::similarity`]).
    pub similarity: f32,
    /// `canonical`, `exact`, `near`, `transitive` or `semantic`.
    pub reason: Reason,
    /// Number of distinct documents in the cluster.
    pub doc_count: usize,
}

/// What a [`MisquoteRecord`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MisquoteKind {
    /// The same speaker quoted with different words.
    Misquote,
    /// The same quote attributed to different speakers.
    ConflictingAttribution,
}

impl MisquoteKind {
    /// `misquote` or `conflicting_attribution`.
    ///
    /// ```
    /// use quotecheck_dedup::MisquoteKind;
    /// assert_eq!(MisquoteKind::ConflictingAttribution.as_str(), "conflicting_attribution");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            MisquoteKind::Misquote => "misquote",
            MisquoteKind::ConflictingAttribution => "conflicting_attribution",
        }
    }
}

/// A misquote or a conflicting attribution between quote `a` (the earlier in
/// canonical order) and quote `b`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MisquoteRecord {
    /// `misquote` or `conflicting_attribution`.
    pub kind: MisquoteKind,
    /// Speaker of quote a.
    pub speaker_a: String,
    /// Speaker of quote b.
    pub speaker_b: String,
    /// Document of quote a.
    pub doc_a: String,
    /// Document of quote b.
    pub doc_b: String,
    /// Quote a as written.
    pub quote_a: String,
    /// Quote b as written.
    pub quote_b: String,
    /// Code-point offset of quote a.
    pub char_start_a: usize,
    /// Code-point end of quote a (exclusive).
    pub char_end_a: usize,
    /// Code-point offset of quote b.
    pub char_start_b: usize,
    /// Code-point end of quote b (exclusive).
    pub char_end_b: usize,
    /// Byte offset of quote a.
    pub byte_start_a: usize,
    /// Byte end of quote a (exclusive).
    pub byte_end_a: usize,
    /// Byte offset of quote b.
    pub byte_start_b: usize,
    /// Byte end of quote b (exclusive).
    pub byte_end_b: usize,
    /// Word-level similarity of the normalised quotes
    /// ([`crate::misquote::word_similarity`]).
    pub similarity: f32,
    /// Word-level difference from a to b, e.g. `-not +now` (empty when the
    /// normalised quotes are identical).
    pub diff: String,
}

/// Two sentence claims (not quotes) in different documents that say the
/// same thing but for a changed number or negation (never clustered as
/// duplicates; a finding of kind `altered_claim`). `a` is the earlier in
/// canonical order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlteredRecord {
    /// The earlier claim.
    pub a: ClaimRef,
    /// The other claim.
    pub b: ClaimRef,
    /// Token-set Jaccard of the two content sets (numbers included).
    pub similarity: f32,
}

/// Counts describing one deduplication run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DedupStats {
    /// Documents fed.
    pub documents: usize,
    /// Claims fed (with at least one word).
    pub claims: usize,
    /// Claims that have LSH band keys (enough content tokens).
    pub banded_claims: usize,
    /// Distinct candidate pairs produced by LSH.
    pub candidate_pairs: usize,
    /// Candidate pairs that passed verification.
    pub verified_pairs: usize,
    /// Clusters of at least two claims.
    pub clusters: usize,
    /// Claims in those clusters.
    pub clustered_claims: usize,
    /// Misquote records.
    pub misquotes: usize,
    /// Conflicting-attribution records.
    pub conflicting_attributions: usize,
}
