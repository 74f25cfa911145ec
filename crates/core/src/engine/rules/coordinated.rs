//! Coordinated verbs (`… and then said …`): the first verb's subject speaks
//! ([`Rule::IndirectCoordinated`]).

use crate::engine::*;
use crate::words::with_lowercase;

impl<'a> Finder<'a> {
    /// A second verb joined by `and`/`but` (`… and then tweeted`, `… but
    /// has argued`, `… and on Monday announced`): the previous cue's subject,
    /// or else the sentence's own. `None` when the cue is not coordinated or
    /// no subject is found.
    pub(in crate::engine) fn coordinated(
        &self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        prev_subject: Option<&(Mention, Np)>,
    ) -> Option<(Mention, Np)> {
        // `… and then tweeted`, `… but has argued`, `… and on Monday announced`
        let mut conj = hit.at;
        while conj > 0 && skips_before_cue(&toks[conj - 1]) {
            conj -= 1;
        }
        if let Some(k) = time_adjunct_before(&toks[..conj]).filter(|&k| k > 0) {
            if matches!(toks[k - 1].lower(), "and" | "but") {
                conj = k;
            }
        }
        if !(conj > 0 && matches!(toks[conj - 1].lower(), "and" | "but")) {
            return None;
        }
        // The subject of the previous cue, or else the sentence's own
        // (`She paid it down, but said she …`).
        prev_subject.cloned().or_else(|| {
            // (After an opening adjunct: `During the 2012 election, Mitt
            // Romney ran on … and accused Obama of …`.)
            let first = opening_adjunct_end(toks).map_or_else(
                || toks.iter().position(|t| t.is_word).unwrap_or(0),
                |c| c + 1,
            );
            np::forward(toks, first, conj - 1, self.text)
                .map(|np| (self.mention(toks, &np), np))
                .filter(|(_, np)| {
                    np.first == first
                        && (np.kind != MentionKind::Pronoun
                            || with_lowercase(&np.name, third_person_pronoun))
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn second_verb_shares_the_subject() {
        let r = reports("Smith paid the debt down, but said that the loan was a mistake.");
        assert!(
            r.contains(&("indirect:coordinated", "the loan was a mistake", "Smith")),
            "{r:?}"
        );
    }
}
