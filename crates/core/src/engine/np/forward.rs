//! Reading a speaker phrase rightwards from its first word (after a cue or
//! `according to`): a pronoun, or titles, names and role words up to the
//! phrase's head.

use super::words::is_determiner;
use super::{can_head, contracted_pronoun, describe, lower, Np};
use crate::engine::wordsets::phrase_pronoun;
use crate::speaker::MentionKind;
use crate::token::Token;
use crate::words::Words;

/// Extract a speaker phrase starting at token `first`, reading rightwards, up
/// to index `ceil` (exclusive).
pub fn forward(tokens: &[Token<'_>], first: usize, ceil: usize, text: &str) -> Option<Np> {
    let w = Words::builtin();
    let mut last = first;
    let t0 = tokens.get(first)?;
    if !t0.is_word {
        return None;
    }
    let l0 = lower(t0);
    if phrase_pronoun(l0) {
        return Some(Np::unnamed(
            first,
            first,
            MentionKind::Pronoun,
            t0.text.to_string(),
        ));
    }
    if let Some(p) = contracted_pronoun(t0) {
        return Some(Np::unnamed(
            first,
            first,
            MentionKind::Pronoun,
            p.to_string(),
        ));
    }
    let mut best: Option<usize> = if can_head(t0, w) { Some(first) } else { None };
    let mut i = first + 1;
    while i < ceil.min(first + 12) {
        let t = &tokens[i];
        if !t.is_word {
            break;
        }
        let l = lower(t);
        if t.is_capitalized() && !w.is_function(l)
            || w.is_speaker_noun(l)
            || w.is_title(l)
            || l.ends_with("-year-old")
        {
            last = i;
            best = Some(i);
        } else if l == "of" || l == "for" || is_determiner(l) && i == first + 1 {
            // continue through `of`, `for the`
        } else if !w.is_function(l) && l.chars().all(char::is_alphabetic) && best.is_none() {
            // lowercase modifier before a speaker noun
        } else if !w.is_function(l)
            && l.chars().all(|c| c.is_alphabetic() || c == '-')
            && !past_tense_after_name(tokens, i)
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.is_capitalized() || w.is_speaker_noun(lower(n)))
            && i + 1 < ceil
            && crate::cue::Lexicon::builtin().token_entry(t).is_none()
        {
            // a role word between names: `Clinton ally James Carville`
        } else {
            break;
        }
        i += 1;
    }
    let last = best.map_or(last, |b| b);
    if !can_head(&tokens[last], w) {
        return None;
    }
    Some(describe(tokens, first, last, text))
}

/// `Margaret Reyes addressed Mr. Pruett`: a past tense right after a name
/// (token `i`, after the phrase's first word) is the sentence's verb, not a
/// role word between names; after a possessive or an adverb it is an
/// adjective (`the party’s presumed nominee`, `Sparsely populated South
/// Dakota`).
pub(super) fn past_tense_after_name(tokens: &[Token<'_>], i: usize) -> bool {
    let before = lower(&tokens[i - 1]);
    lower(&tokens[i]).ends_with("ed")
        && tokens[i - 1].is_capitalized()
        && !before.ends_with("'s")
        && !before.ends_with("ly")
}
