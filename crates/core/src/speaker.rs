//! Speakers and their mentions: the types the engine reports (names,
//! roles, organisations, pronouns and surnames, and the canonical speaker
//! they resolve to). Resolution itself is the engine's last stage
//! (`engine/resolve.rs`).

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A personal name, possibly with a title or role before it
    /// (`Russia’s Deputy Foreign Minister Sergei Ryabkov`).
    Name,
    /// A surname alone (`Trudeau`).
    Surname,
    /// A role without a name (`The State Department’s Spokeswoman`).
    Role,
    /// An organisation or place speaking (`the Russian Foreign Ministry`, `Moscow`).
    Organization,
    /// A group of people (`officials`, `US State Department sources`).
    Group,
    /// A pronoun (`He`, `she`, `they`).
    Pronoun,
}

/// One mention of a speaker in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention as written.
    pub text: String,
    /// Where it is (bytes).
    pub span: Span,
    /// What kind of expression it is.
    pub kind: MentionKind,
}

/// What kind of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An organisation, government, or place standing for one.
    Organization,
    /// A group of unnamed people (`officials`, `analysts`).
    Group,
    /// Only known by a role or pronoun.
    Unknown,
}

/// A canonical speaker of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name: the fullest name used (`Elizabeth Trudeau`), or the
    /// organisation/group as first written without a leading article.
    pub name: String,
    /// Role or title, when the text gives one (`Russia’s Deputy Foreign Minister`).
    pub role: Option<String>,
    /// Person, organisation, group or unknown.
    pub kind: SpeakerKind,
    /// Every mention resolved to this speaker, in text order.
    pub mentions: Vec<Mention>,
}
