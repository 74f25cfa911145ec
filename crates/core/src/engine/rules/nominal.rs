//! Reporting nouns (`the claim that …`, `Trump’s accusation that …`):
//! the clause is reported, with a capitalised possessor as the speaker
//! ([`Rule::IndirectNominal`]).

use crate::engine::vetoes::{vetoed, CueSite};
use crate::engine::*;

impl<'a> Finder<'a> {
    /// A reporting noun before `that` (`the claim that …`, `Trump’s
    /// accusation that …`, `amid reports that …`): the clause is reported,
    /// with a capitalised possessor as the speaker. When the word follows a
    /// subject it is a verb (`Trump claims that …`), returned as a one-word
    /// cue hit for [`Finder::attribute`].
    pub(in crate::engine) fn nominal(
        &mut self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cues: &[CueHit<'static>],
    ) -> Option<CueHit<'static>> {
        let noun = &toks[hit.at];
        let prev = hit.at.checked_sub(1).map(|p| &toks[p]);
        let is_possessive = |p: &Token<'_>| {
            p.is_capitalized() && (p.text.ends_with("'s") || p.text.ends_with("’s"))
        };
        // The possessor, before at most two adjectives (`Trump’s false claims`).
        let owner = (hit.at.saturating_sub(POSSESSOR_WINDOW)..hit.at)
            .rev()
            .find(|&k| {
                is_possessive(&toks[k])
                    && toks[k + 1..hit.at].iter().all(|a| {
                        a.is_word && !a.is_capitalized() && !Words::builtin().is_function(a.lower())
                    })
            });
        let possessive = owner.is_some() && owner == hit.at.checked_sub(1);
        if hit.entry.traits.has(LemmaTraits::POSSESSED) {
            if let Some(k) = owner.or_else(|| possessive_pronoun(toks, hit.at)) {
                self.possessed_nominal(toks, hit, cues, k);
                return None;
            }
            // No possessor: the word alone may still be a verb (`Clinton
            // plans to …`), unless a veto says it is none here.
            let entry = Lexicon::builtin().token_entry(noun)?;
            let site = CueSite {
                toks,
                i: hit.at,
                len: 1,
                entry,
            };
            return (!vetoed(&site)).then_some(CueHit {
                at: hit.at,
                len: 1,
                entry,
            });
        }
        let noun_position = prev.is_none_or(|p| {
            let l = p.lower();
            possessive
                || !p.is_word
                || DETERMINER_WORDS.contains(&l)
                || matches!(
                    l,
                    "this"
                        | "these"
                        | "those"
                        | "our"
                        | "my"
                        | "your"
                        | "any"
                        | "no"
                        | "such"
                        | "of"
                        | "about"
                        | "amid"
                        | "despite"
                        | "over"
                        | "with"
                        | "to"
                        | "for"
                        | "against"
                        | "on"
                        | "by"
                        | "from"
                        | "in"
                        | "and"
                        | "or"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "been"
                        | "be"
                        | "has"
                        | "have"
                        | "had"
                        | "there"
                )
                // an adjective: `false claims that`, `growing concerns that`
                || !p.is_capitalized()
                    && !Words::builtin().is_function(l)
                    && !skips_before_cue(p)
                    && Lexicon::builtin().token_entry(p).is_none()
                    && !relative_pronoun(l)
                    && !subject_pronoun(l)
        });
        if !noun_position {
            let entry = Lexicon::builtin().token_entry(noun)?;
            return Some(CueHit {
                at: hit.at,
                len: 1,
                entry,
            });
        }
        let start = hit.at + hit.len;
        let stop = self.content_stop(toks, start, cues);
        if stop < start + NOMINAL_MIN_CONTENT_TOKENS {
            return None;
        }
        let subj = owner.map(|k| {
            let np = np::describe(toks, k, k, self.text);
            (self.mention(toks, &np), np)
        });
        let content = Span::new(toks[start].span.start, toks[stop - 1].span.end);
        let cue = Span::new(noun.span.start, noun.span.end);
        self.emit(content, cue, subj.as_ref(), hit.entry, Route::Nominal, None);
        None
    }

    /// A reporting noun after its possessor (`Trump’s decision to …`,
    /// `his call to …`, `her plans for …`): the infinitive or object after
    /// it, `to`/`for` included (as PolNeAR annotates it), with the
    /// possessor (token `owner`) as the speaker.
    fn possessed_nominal(
        &mut self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cues: &[CueHit<'static>],
        owner: usize,
    ) {
        let after = hit.at + hit.len;
        let last = &toks[after - 1];
        let start = if matches!(last.lower(), "to" | "for") {
            after - 1
        } else {
            after
        };
        let stop = self.content_stop(toks, after, cues);
        if stop < after + NOMINAL_MIN_CONTENT_TOKENS - 1 {
            return;
        }
        let np = np::describe(toks, owner, owner, self.text);
        let subj = (self.mention(toks, &np), np);
        let content = Span::new(toks[start].span.start, toks[stop - 1].span.end);
        let noun = &toks[hit.at];
        let cue = Span::new(noun.span.start, noun.span.end);
        self.emit(content, cue, Some(&subj), hit.entry, Route::Nominal, None);
    }
}

/// A possessive pronoun right before the noun at `at`, or before one
/// adjective (`his call`, `her latest decision`).
fn possessive_pronoun(toks: &[Token<'_>], at: usize) -> Option<usize> {
    let possessive = |t: &Token<'_>| matches!(t.lower(), "his" | "her" | "their" | "its");
    let k = at.checked_sub(1)?;
    if possessive(&toks[k]) {
        return Some(k);
    }
    let adjective = &toks[k];
    let k = k.checked_sub(1)?;
    (possessive(&toks[k])
        && adjective.is_word
        && !adjective.is_capitalized()
        && !Words::builtin().is_function(adjective.lower()))
    .then_some(k)
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn possessor_speaks() {
        let r = reports("Trump’s claim that the election was rigged drew criticism.");
        assert!(
            r.iter()
                .any(|q| q.0 == "indirect:nominal" && q.2 == "Trump’s"),
            "{r:?}"
        );
    }

    #[test]
    fn possessed_noun_reports_its_infinitive() {
        let r = reports("The party split over Trump’s decision to skip the debate in Iowa.");
        assert_eq!(
            r,
            [("indirect:nominal", "to skip the debate in Iowa", "Trump’s")]
        );
        let r = reports("Voters cheered his call to raise the minimum wage.");
        assert_eq!(
            r,
            [("indirect:nominal", "to raise the minimum wage", "his")]
        );
    }

    #[test]
    fn no_possessor_no_report() {
        assert_eq!(
            reports("The decision to skip the debate was made early."),
            []
        );
        // The verb still reports (`Clinton plans to …`).
        let r = reports("Clinton plans to campaign in Ohio next week.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2, "Clinton");
    }
}
