//! The gold annotation format (see `docs/gold-format.md`): a document's text
//! with its hand-annotated quotes, speakers, duplicate claim pairs and
//! boilerplate lines. All offsets are Unicode code points, end exclusive.

use serde::{Deserialize, Deserializer, Serialize};

/// Deserialise `null` as the default value (PolNeAR has `"speaker": null`
/// for attributions without an annotated source).
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// One annotated document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDocument {
    /// Document id.
    pub id: String,
    /// The exact document text.
    pub text: String,
    /// Annotated quotes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub quotes: Vec<GoldQuote>,
    /// Canonical speakers with all their mentions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub speakers: Vec<GoldSpeaker>,
    /// Labelled claim pairs.
    #[serde(default, deserialize_with = "null_as_default")]
    pub claims: GoldClaims,
    /// Boilerplate lines.
    #[serde(default, deserialize_with = "null_as_default")]
    pub boilerplate: Vec<GoldSpan>,
    /// Free-text notes.
    #[serde(default)]
    pub notes: Option<String>,
}

impl GoldDocument {
    /// Check that every annotated offset is in bounds of the text (in code
    /// points) and slices back to the annotated text: quotes, mentions, cues,
    /// boilerplate lines and claim spans. The message names the offending item, e.g.
    /// `quotes[3]: ...`.
    ///
    /// ```
    /// use quotecheck_eval::gold::GoldDocument;
    /// let mut doc: GoldDocument = serde_json::from_str(
    ///     r#"{"id": "d", "text": "Žan said “no”.",
    ///        "quotes": [{"kind": "direct", "quote": "no", "start": 10, "end": 12}]}"#,
    /// ).unwrap();
    /// assert!(doc.validate().is_ok());
    /// doc.quotes[0].end = 13;
    /// assert!(doc.validate().unwrap_err().starts_with("quotes[0]"));
    /// ```
    pub fn validate(&self) -> Result<(), String> {
        let chars: Vec<char> = self.text.chars().collect();
        let n = chars.len();
        let check = |what: &str, start: usize, end: usize, expected: &str| -> Result<(), String> {
            if start > end || end > n {
                return Err(format!(
                    "{what}: offsets {start}..{end} out of bounds (text has {n} code points)"
                ));
            }
            if !expected.chars().eq(chars[start..end].iter().copied()) {
                let found: String = chars[start..end].iter().collect();
                return Err(format!(
                    "{what}: text[{start}..{end}] is {found:?}, annotated as {expected:?}"
                ));
            }
            Ok(())
        };
        for (i, q) in self.quotes.iter().enumerate() {
            check(&format!("quotes[{i}]"), q.start, q.end, &q.quote)?;
            for (what, start, end, text) in [
                ("mention", q.mention_start, q.mention_end, &q.mention),
                ("cue", q.cue_start, q.cue_end, &q.cue),
            ] {
                match (start, end) {
                    (Some(s), Some(e)) => check(&format!("quotes[{i}] {what}"), s, e, text)?,
                    (None, None) => {}
                    _ => {
                        return Err(format!(
                            "quotes[{i}] {what}: {what}_start and {what}_end must be given together"
                        ))
                    }
                }
            }
        }
        for (i, b) in self.boilerplate.iter().enumerate() {
            check(&format!("boilerplate[{i}]"), b.start, b.end, &b.text)?;
        }
        for (kind, pairs) in [
            ("duplicate", &self.claims.duplicate),
            ("not_duplicate", &self.claims.not_duplicate),
        ] {
            for (i, pair) in pairs.iter().enumerate() {
                for (j, s) in pair.iter().enumerate() {
                    check(&format!("claims.{kind}[{i}][{j}]"), s.start, s.end, &s.text)?;
                }
            }
        }
        Ok(())
    }
}

/// One annotated quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldQuote {
    /// `direct`, `indirect` or `mixed`.
    pub kind: quotecheck_core::QuoteKind,
    /// The quoted text, `text[start..end]`.
    pub quote: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// Canonical speaker (or the source as written, in corpora without coreference).
    #[serde(default, deserialize_with = "null_as_default")]
    pub speaker: String,
    /// Speaker mention as written.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mention: String,
    /// Code-point start of the mention.
    #[serde(default)]
    pub mention_start: Option<usize>,
    /// Code-point end of the mention.
    #[serde(default)]
    pub mention_end: Option<usize>,
    /// Cue as written.
    #[serde(default, deserialize_with = "null_as_default")]
    pub cue: String,
    /// Code-point start of the cue (the speech fixtures give it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_start: Option<usize>,
    /// Code-point end of the cue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_end: Option<usize>,
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
    #[serde(default, deserialize_with = "null_as_default")]
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
    #[serde(default, deserialize_with = "null_as_default")]
    pub duplicate: Vec<[GoldSpan; 2]>,
    /// Look-alike pairs that are different claims.
    #[serde(default, deserialize_with = "null_as_default")]
    pub not_duplicate: Vec<[GoldSpan; 2]>,
}
