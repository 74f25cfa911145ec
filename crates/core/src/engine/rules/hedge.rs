//! The writer's hedge (`The donors appear to have ties …`): the clause is
//! reported without a speaker ([`Rule::IndirectHedge`]).

use crate::engine::*;

impl<'a> Finder<'a> {
    /// The writer's hedge (`The donors appear to have ties …`, `which
    /// appeared likely to settle little`, `who is expected to deliver …`):
    /// the clause from its subject to the end of the report, reported
    /// without a speaker. Not a hedge: `appeared before the committee`,
    /// `He expected to win` (active: no form of `be`).
    pub(in crate::engine) fn hedge(
        &mut self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cues: &[CueHit<'static>],
    ) {
        let after = hit.at + hit.len;
        // `He just can't seem to convince the voters`: an idiom, no hedge.
        if hit.at > 0
            && (toks[..hit.at].iter().rev().take(HEDGE_IDIOM_WINDOW))
                .any(|t| matches!(t.lower(), "can't" | "cannot" | "couldn't"))
        {
            return;
        }
        // Adverbs and auxiliaries between the subject and the verb.
        let mut k = before_hedge_skips(toks, hit.at);
        if hit.entry.is_passive_hedge() {
            // The form of `be` (checked by `cue_at`).
            k = before_hedge_skips(toks, k.saturating_sub(1));
        } else if !toks
            .get(after)
            .is_some_and(|t| t.is_word && !HEDGE_NOT_NEXT.contains(&t.lower()))
        {
            return;
        }
        // The subject: back to a clause boundary, a relative pronoun
        // (kept), or another verb.
        let verb_end = k;
        let lex = Lexicon::builtin();
        while k > 0 {
            let t = &toks[k - 1];
            if !t.is_word && !matches!(t.text, "$" | "%" | "&") {
                break;
            }
            let l = t.lower();
            // A relative or personal pronoun is the whole subject (`the
            // reassurance he seems to think it is`).
            if relative_pronoun(l) || subject_pronoun(l) {
                k -= 1;
                break;
            }
            // A past-tense cue is another clause's verb (`he said the plan
            // seems …`); other cue forms are nouns here (`the voice`).
            if HEDGE_CLAUSE_OPENERS.contains(&l)
                || PASSIVE.contains(&l)
                || matches!(l, "has" | "have" | "had")
                || lex.token_entry(t).is_some_and(|e| e.participle)
            {
                break;
            }
            k -= 1;
            if verb_end - k > HEDGE_SUBJECT_MAX_TOKENS {
                return;
            }
        }
        // `Clinton, casting herself as a champion, appeared to …`: an
        // appositive ends the scan; the speaker-phrase parser finds the subject.
        if k == verb_end {
            match self.subject_first(toks, hit.at) {
                Some(first) if first < verb_end => k = first,
                _ => return,
            }
        }
        let stop = self.content_stop(toks, after, cues);
        if stop <= after {
            return;
        }
        let content = Span::new(toks[k].span.start, toks[stop - 1].span.end);
        let cue = Span::new(toks[hit.at].span.start, toks[after - 1].span.end);
        self.emit(content, cue, None, hit.entry, Route::Hedge, None);
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn hedge_without_speaker() {
        let r = reports("The donors appear to have ties to the campaign.");
        assert_eq!(
            r,
            [(
                "indirect:hedge",
                "The donors appear to have ties to the campaign",
                ""
            )]
        );
    }

    #[test]
    fn active_expect_is_no_hedge() {
        assert!(reports("He appeared before the committee on Monday.").is_empty());
    }
}
