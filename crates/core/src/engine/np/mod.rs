//! Noun phrases that can name a speaker: found next to a cue and described as
//! a person's name (with any title or role before it), a surname, a role, an
//! organisation, a group, or a pronoun. The phrase type ([`Np`]) and the
//! token tests shared by the readers live here; reading leftwards from a
//! cue is [`backward`], rightwards [`forward`], and naming what a phrase is
//! [`describe`]; the closed word lists they test are in `words`.

mod backward;
mod class;
mod describe;
mod forward;
mod words;

pub use backward::backward;
pub(in crate::engine) use class::{org_in_full, org_starting};
pub use describe::describe;
pub use forward::forward;
pub(in crate::engine) use words::{is_name_particle, is_org_noun, is_person_noun, us_state};

use super::wordsets::{gendered_pronoun, phrase_pronoun};
use crate::speaker::MentionKind;
use crate::token::Token;
use crate::words::Words;

use words::{is_org_word, is_quantifier_head};

/// `He’s`, `she'd`, `he’ll` (folded to `'`): a subject pronoun `he`/`she`
/// with a contracted auxiliary, as one token. The pronoun as written
/// (`He`), so that the speaker phrase is the pronoun, not a name `He’s`.
fn contracted_pronoun<'t>(t: &'t Token<'_>) -> Option<&'t str> {
    let l = lower(t);
    // (Cheap tests first: this runs for every head word.)
    if !(4..=6).contains(&l.len()) || !matches!(l.as_bytes()[0], b'h' | b's') {
        return None;
    }
    let (base, rest) = l.split_once('\'')?;
    (gendered_pronoun(base) && matches!(rest, "s" | "d" | "ll"))
        .then(|| t.text.get(..base.len()))
        .flatten()
}

/// A candidate speaker phrase: token range and its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// First token index.
    pub first: usize,
    /// Last token index (inclusive).
    pub last: usize,
    /// What it is.
    pub kind: MentionKind,
    /// The name or normalised phrase used to identify the speaker.
    pub name: String,
    /// The role or title given with the name, if any (as written).
    pub role: Option<String>,
}

impl Np {
    /// A phrase without a separate role (pronouns, organisations, groups).
    fn unnamed(first: usize, last: usize, kind: MentionKind, name: String) -> Np {
        Np {
            first,
            last,
            kind,
            name,
            role: None,
        }
    }
}

fn lower<'t>(t: &'t Token<'_>) -> &'t str {
    t.lower()
}

pub(super) fn is_name_word(t: &Token<'_>, w: &Words) -> bool {
    t.is_capitalized() && {
        let l = lower(t);
        !w.is_function_title_or_speaker_noun(l) && !is_org_word(l)
    }
}

/// True when the token can be the head (last word) of a speaker phrase.
pub fn can_head(t: &Token<'_>, w: &Words) -> bool {
    if !t.is_word {
        return false;
    }
    let l = lower(t);
    if phrase_pronoun(l) || is_quantifier_head(l) {
        return true;
    }
    let class = w.class(l);
    if class.is_function() {
        return false;
    }
    // `the 46-year-old`
    t.is_capitalized() || class.is_speaker_noun() || l.ends_with("-year-old")
}

/// Is `mark` the apostrophe of a possessive in -s (`Sanders’ campaign`):
/// attached to a word ending in `s` and followed by a space?
pub(crate) fn plural_possessive(word: &Token<'_>, mark: &Token<'_>, next: &Token<'_>) -> bool {
    matches!(mark.text, "’" | "'")
        && word.is_word
        && word.span.end == mark.span.start
        && mark.span.end < next.span.start
        && next.is_word
        && word.text.ends_with(['s', 'S'])
}

fn join(tokens: &[Token<'_>], first: usize, last: usize, text: &str) -> String {
    text.get(tokens[first].span.start..tokens[last].span.end)
        .unwrap_or_default()
        .to_string()
}
