//! A passive `asked` (`Asked about …, X said`): the question is reported
//! without a speaker ([`Rule::IndirectAsked`]).

use crate::engine::*;

impl<'a> Finder<'a> {
    /// `Asked about …, X said`, `When asked whether …`, `she was asked if
    /// …`: the question is reported, without a speaker. Returns whether the
    /// cue was such a passive `asked` (then nothing else is reported for it).
    pub(in crate::engine) fn passive_ask(
        &mut self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cue: Span,
    ) -> bool {
        // It starts at `about`, `whether` or `if` when one follows (after `by
        // Ingraham on Thursday`).
        let passive_ask = toks[hit.at].lower() == "asked"
            && (hit.at == 0
                || matches!(
                    toks[hit.at - 1].lower(),
                    "when" | "was" | "were" | "is" | "been" | "being"
                ));
        if !passive_ask {
            return false;
        }
        let mut end = (hit.at + 1..toks.len())
            .find(|&k| toks[k].text == ",")
            .unwrap_or(toks.len());
        while end > hit.at + 1 && !toks[end - 1].is_word && !toks[end - 1].is_quote_mark() {
            end -= 1;
        }
        let adjunct_first = toks.get(hit.at + 1).is_some_and(|t| {
            with_lowercase(t.text, |l| {
                opens_content_adjunct(l) && l != "about" || is_weekday(l)
            })
        });
        let first = if adjunct_first {
            (hit.at + 1..end.min(hit.at + 12))
                .find(|&k| {
                    matches!(
                        toks[k].lower(),
                        "about" | "whether" | "if" | "what" | "how" | "why"
                    )
                })
                .unwrap_or(hit.at + 1)
        } else {
            hit.at + 1
        };
        if end > first + 1 {
            let content = Span::new(toks[first].span.start, toks[end - 1].span.end);
            self.cands.push(Cand {
                kind: QuoteKind::Indirect,
                span: content,
                fragment: None,
                cue: Some(self.cue_of(cue)),
                mention: None,
                inherit: None,
                confidence: Rule::IndirectAsked.confidence(),
                reason: Rule::IndirectAsked,
            });
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn the_question_is_reported_without_a_speaker() {
        let r = reports("Asked about the tax plan, Smith said nothing.");
        assert!(
            r.contains(&("indirect:asked", "about the tax plan", "")),
            "{r:?}"
        );
    }
}
