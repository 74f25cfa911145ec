//! Inverted attributions: the cue before its subject, after the report
//! (`“…,” said Smith.`, `…, said Smith, an economist.`).

use crate::engine::*;

impl<'a> Finder<'a> {
    /// `The plan will fail, said Smith, an economist.`: a speech cue right
    /// after a comma, followed by a subject that closes the unit, is
    /// inverted; what precedes the comma is not its subject.
    pub(in crate::engine) fn inverted_after_comma(
        &self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
    ) -> bool {
        let after_cue = hit.at + hit.len;
        let class = hit.entry.class;
        class == CueClass::Speech
        && hit.at >= 4
        && toks[hit.at - 1].text == ","
        && !hit.entry.traits.has(LemmaTraits::TELLS)
        // `“We’re extremely happy” about the decision, said …` (but not
        // `“We will win”, said …`, a direct quote).
        && (!toks[0].is_quote_mark() || !toks[hit.at - 2].is_quote_mark())
        && self
            .subject_after(toks, after_cue, false)
            .is_some_and(|np| {
                let head = &toks[np.first];
                (head.is_capitalized() || matches!(head.lower(), "a" | "an" | "the"))
                    && toks.get(np.last + 1).is_none_or(|t| !t.is_word)
            })
    }

    /// Inverted after a quote: `“…,” said Smith.`
    pub(in crate::engine) fn inverted_after_quote(
        &mut self,
        unit: Span,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cue: Span,
    ) -> Option<(Mention, Np)> {
        let class = hit.entry.class;
        if hit.at > 0
            && self.closes_quote(toks[hit.at - 1].span)
            && matches!(class, CueClass::Speech)
        {
            return self.inverted(unit, toks, hit, cue);
        }
        None
    }

    /// An inverted attribution (`“…,” said Smith.`, `…, said Smith, an
    /// economist.`): the content runs from the unit's start to the cue.
    pub(in crate::engine) fn inverted(
        &mut self,
        unit: Span,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cue: Span,
    ) -> Option<(Mention, Np)> {
        let after_quote = self.closes_quote(toks[hit.at - 1].span);
        let np = self.subject_after(toks, hit.at + hit.len, after_quote)?;
        let m = self.mention(toks, &np);
        let content = Span::new(unit.start, toks[hit.at - 1].span.end);
        let subj = (m, np);
        self.emit_before(content, cue, &subj, hit.entry.class);
        Some(subj)
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn speech_verb_after_a_quote() {
        let r = reports("“We will win,” said Smith.");
        assert_eq!(r, [("direct:cue-after", "We will win,", "Smith")]);
    }

    #[test]
    fn speech_verb_after_a_comma() {
        let r = reports("The plan will fail next year, said Smith, an economist.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "indirect:cue-after");
        assert_eq!(r[0].1, "The plan will fail next year");
    }
}
