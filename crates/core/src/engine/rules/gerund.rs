//! Participle cues (`Noting that …, X added`, `…, saying …`): the speaker
//! is the main clause's or the previous cue's ([`Rule::IndirectGerund`],
//! [`Rule::DirectGerund`]).

use crate::engine::*;

/// What [`Finder::participle`] decided.
pub(in crate::engine) enum Participle {
    /// The speaker to report for (none found: `None`) and how it was found.
    Speaker(Option<(Mention, Np)>, Route),
    /// The construction is done: `attribute` returns this.
    Done(Option<(Mention, Np)>),
}

impl<'a> Finder<'a> {
    /// A participle cue without a subject of its own (`Noting that …,
    /// Tester added`, `…, saying …`, `by saying that …`, `he’s hoping …`):
    /// an opening participle clause is reported at once; otherwise the
    /// speaker it borrows and the route that found it.
    pub(in crate::engine) fn participle(
        &mut self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cues: &[CueHit<'static>],
        cue: Span,
        prev_subject: Option<&(Mention, Np)>,
    ) -> Participle {
        let after_cue = hit.at + hit.len;
        let class = hit.entry.class;
        let prev = hit.at.checked_sub(1).map(|p| toks[p].lower());
        // `… of “New York values,” saying …`: the comma sits inside the quote.
        let comma_in_quote =
            hit.at >= 2 && self.closes_quote(toks[hit.at - 1].span) && toks[hit.at - 2].text == ",";
        let progressive = hit.at > 0 && pronoun_contraction(&toks[hit.at - 1]);
        // `Noting that only Sen. Kirk voted with Democrats, Tester
        // added: …`: an opening participle clause reports what the main
        // clause's subject says in it.
        // (`Despite challenging the leader's trustworthiness, Cruz
        // said …`: an object cue's object, without `that`.)
        let opening = hit.at == 0
            || hit.at == 1
                && matches!(
                    toks[0].lower(),
                    "while"
                        | "after"
                        | "before"
                        | "in"
                        | "despite"
                        | "since"
                        | "without"
                        | "by"
                        | "upon"
                        | "when"
                );
        let that = toks.get(after_cue).is_some_and(|t| t.lower() == "that");
        if opening && (that || class == CueClass::Object && hit.at == 1) {
            let from = after_cue + usize::from(that);
            let Some(comma) = (from + 1..toks.len().min(after_cue + OPENING_CLAUSE_MAX_TOKENS))
                .find(|&k| toks[k].text == "," && !self.in_quote(toks[k].span))
            else {
                return Participle::Done(None);
            };
            // The subject of the main clause's cue (`…, Tester added`),
            // which must follow it directly.
            // Without such a subject the clause is reported without a
            // speaker.
            let subj = cues
                .iter()
                .find(|h| h.at > comma + 1)
                .and_then(|verb| {
                    np::forward(toks, comma + 1, verb.at, self.text).filter(|np| {
                        np.last + 1 >= verb.at
                            || skips_before_cue(&toks[np.last + 1])
                            || toks[np.last + 1].text == ","
                    })
                })
                .map(|np| (self.mention(toks, &np), np));
            // (An object without `that` only for a main clause's
            // speaker: `Before announcing the sentence, the judge
            // addressed him` reports nothing.)
            if that || subj.is_some() {
                let content = Span::new(toks[from].span.start, toks[comma - 1].span.end);
                self.emit(content, cue, subj.as_ref(), hit.entry, Route::Gerund, None);
            }
            return Participle::Done(subj);
        }
        // `the agency quoted Prime Minister Dorn as saying …`: the person
        // quoted speaks, not the outlet.
        if prev == Some("as") && hit.at >= 3 {
            let verb = (hit.at.saturating_sub(QUOTED_AS_MAX_TOKENS)..hit.at - 2)
                .rev()
                .find(|&k| quotes_as(toks[k].lower()));
            let np = verb.and_then(|k| np::forward(toks, k + 1, hit.at - 1, self.text));
            if let Some(np) = np.filter(|np| np.last + 2 == hit.at) {
                return Participle::Speaker(Some((self.mention(toks, &np), np)), Route::SubjectCue);
            }
        }
        let (subject, route) = if progressive {
            // `he’s hoping …`, `they’re saying …`: a progressive with a
            // contracted pronoun subject.
            let np = np::describe(toks, hit.at - 1, hit.at - 1, self.text);
            (Some((self.mention(toks, &np), np)), Route::SubjectCue)
        } else if prev == Some(",") || comma_in_quote {
            let subject = prev_subject
                .cloned()
                .or_else(|| self.unit_subject(toks, hit.at));
            (subject, Route::Gerund)
        } else if matches!(prev, Some("by" | "after" | "while" | "before" | "when"))
            && !hit.entry.traits.has(LemmaTraits::POST)
        {
            // `Trump landed in hot water by saying that …`: the sentence's
            // subject is the speaker.
            let subject = self
                .unit_subject(toks, hit.at)
                .filter(|(_, np)| np.first == 0);
            (subject, Route::Gerund)
        } else {
            return Participle::Done(None);
        };
        Participle::Speaker(subject, route)
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn opening_participle_clause() {
        let r = reports("Noting that the vote was close, Tester added that he was pleased.");
        assert!(
            r.contains(&("indirect:gerund", "the vote was close", "Tester")),
            "{r:?}"
        );
    }

    #[test]
    fn the_person_quoted_as_saying_speaks() {
        let r = reports("The state news agency quoted Prime Minister Aleksander Dorn as saying the deal would hold.");
        assert_eq!(
            r,
            [(
                "indirect:cue-before",
                "the deal would hold",
                "Prime Minister Aleksander Dorn"
            )]
        );
    }

    #[test]
    fn participle_after_a_comma_borrows_the_subject() {
        let r = reports("Smith criticised the plan, saying it would cost too much.");
        assert!(
            r.iter().any(|q| q.0 == "indirect:gerund" && q.2 == "Smith"),
            "{r:?}"
        );
    }
}
