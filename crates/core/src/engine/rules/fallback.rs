//! The fallback subject: a noun phrase parsed back from a verb whose
//! subject no other route found ([`Rule::IndirectFallback`]), and the tests
//! that keep nouns (`the Treasury note`) from reading as such verbs.

use crate::engine::*;

impl<'a> Finder<'a> {
    /// The subject of a cue no other route found one for, parsed back from
    /// the verb (`Election scholars caution …`) or the sentence's own after
    /// an aside (`State Rep. Wendy Nanney (R), a leader of …, suggested`).
    pub(in crate::engine) fn fallback_speaker(
        &self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
    ) -> Option<(Mention, Np)> {
        let after_cue = hit.at + hit.len;
        let class = hit.entry.class;
        // Only for a cue that reads as a verb (a base form only
        // after a plural: `Election scholars caution …`, but `the last
        // fundraising report, …` is a noun); a comma after it is no report
        // (`All told, …`).
        let reads_as_verb = matches!(
            class,
            CueClass::Speech
                | CueClass::Belief
                | CueClass::Object
                | CueClass::About
                | CueClass::Evidence
        ) && !hit.entry.gerund
            && !hit.entry.traits.has(LemmaTraits::STATE)
            && toks.get(after_cue).is_some_and(|t| t.text != ",");
        if !reads_as_verb {
            return None;
        }
        if let Some(np) = fallback_subject(toks, hit.at, self.text)
            .filter(|np| !hit.entry.base || plural_head(&toks[np.first..=np.last]))
        {
            Some((self.mention(toks, &np), np))
        } else if hit.at > 0 && matches!(toks[hit.at - 1].text, "," | ")" | "-" | "—" | "–") {
            // `State Rep. Wendy Nanney (R), a leader of …, suggested
            // that …`: the sentence's subject, after an aside.
            self.unit_subject(toks, hit.at)
                .filter(|(_, np)| np.first == 0)
        } else {
            None
        }
    }

    /// A base-form cue (`note`, `charge`, `say`, `support`) after a singular
    /// subject is a noun (`the Treasury note`, `the congestion charge`,
    /// `Democratic support`): a base form needs a plural or
    /// first/second-person subject, an auxiliary before it, or a relative
    /// pronoun (`Govs. Jeb Bush and Chris Christie, who say …`). (Learned
    /// entries are forms, never base forms.)
    pub(in crate::engine) fn base_form_noun(
        &self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        np: &Np,
    ) -> bool {
        if !hit.entry.base || hit.len != 1 {
            return false;
        }
        let last = np.last.min(toks.len() - 1);
        let text = self
            .text
            .get(toks[np.first].span.start..toks[last].span.end)
            .unwrap_or_default();
        // `Rubios`, `the Khans`, `the Clintons`
        let family = text.starts_with("the ") || text.starts_with("The ");
        let plural_word = (np.kind == MentionKind::Surname
            || family && np.kind == MentionKind::Name)
            && text.ends_with('s')
            && !text.ends_with("'s")
            && !text.ends_with("’s")
            || plural_head(&toks[np.first..=last]);
        // `Forbes and Wealth-X say`: a conjoined subject is plural.
        let conjoined = np.first >= 2
            && toks[np.first - 1].lower() == "and"
            && toks[np.first - 2].is_capitalized();
        let singular = !plural_word
            && !conjoined
            && matches!(
                np.kind,
                MentionKind::Name
                    | MentionKind::Surname
                    | MentionKind::Role
                    | MentionKind::Organization
            );
        let aux_before = hit.at > 0 && skips_before_cue(&toks[hit.at - 1]);
        let relative = relative_pronoun(toks[np.first].lower());
        singular && !aux_before && !relative
    }

    /// Whether the content after a cue whose subject no rule parsed is
    /// reported speech: a finite clause, or a clause that opens with a
    /// determiner or a name after a cue that cannot be a plural noun
    /// (`reports`, `claims`); never a bare noun after a participle other
    /// than `said`/`told` (`60 pledged delegates`).
    pub(in crate::engine) fn fallback_content(
        &self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        start: usize,
    ) -> bool {
        let cue = toks[hit.at + hit.len - 1].lower();
        let t = &toks[start];
        let opens_phrase = t.is_capitalized()
            || t.text.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                t.lower(),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "these"
                    | "those"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "most"
                    | "many"
                    | "some"
                    | "no"
                    | "every"
                    | "all"
                    | "both"
                    | "each"
                    | "few"
                    | "more"
            );
        // `60 pledged delegates were …`: a participle before a bare noun is
        // an adjective; only `say` and `tell` are verbs there.
        let after_that = start > 0 && toks[start - 1].lower() == "that";
        if !opens_phrase
            && !after_that
            && !matches!(cue, "said" | "say" | "says" | "told")
            && !subject_pronoun(t.lower())
            && t.lower() != "there"
        {
            return false;
        }
        if finite_clause(toks, start) {
            return true;
        }
        !(cue.ends_with('s') && cue != "says") && opens_phrase && self.clause_like(toks, start)
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn singular_subject_before_a_base_form_is_a_noun() {
        // `the Treasury note` is a noun phrase, not `the Treasury` noting.
        assert_eq!(reports("The Treasury note pays interest twice a year."), []);
    }
}
