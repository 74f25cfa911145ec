//! Speech verbs with a subject (`X said that …`, `X said: “…”`, `“…,” he
//! said`, `A, they say, B.`): the general construction, and the dispatcher
//! that hands each cue to its construction ([`Rule::DirectCueBefore`],
//! [`Rule::DirectCueAfter`], [`Rule::IndirectCueBefore`],
//! [`Rule::IndirectCueAfter`], [`Rule::MixedCue`], [`Rule::MixedCueAfter`],
//! [`Rule::IndirectBelief`], [`Rule::IndirectEvidence`], [`Rule::IndirectObject`]).

use crate::engine::*;

impl<'a> Finder<'a> {
    /// Attribute one cue: find its speaker by the route its construction
    /// takes, then report the content after it and before it.
    pub(in crate::engine) fn attribute(
        &mut self,
        unit: Span,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cues: &[CueHit<'static>],
        prev_subject: Option<&(Mention, Np)>,
    ) -> Option<(Mention, Np)> {
        // The cue's text is copied only for a quote that keeps it.
        let cue = Span::new(toks[hit.at].span.start, toks[hit.at + hit.len - 1].span.end);
        if hit.entry.class == CueClass::According {
            return self.according_to(unit, toks, hit, cue);
        }
        if self.passive_ask(toks, hit, cue) {
            return None;
        }
        // `quoted Dorn as saying …`: the later `saying` reports it, for Dorn.
        if quotes_as(toks[hit.at].lower())
            && cues[cues.partition_point(|h| h.at <= hit.at + 1)..]
                .iter()
                .take_while(|h| h.at <= hit.at + QUOTED_AS_MAX_TOKENS)
                .any(|h| h.entry.gerund && toks[h.at - 1].lower() == "as")
        {
            return None;
        }
        if self.inverted_after_comma(toks, hit) {
            return self.inverted(unit, toks, hit, cue);
        }
        // Subject before the cue.
        let mut subject = self
            .subject_taken(toks, hit.at)
            .map(|np| (self.mention(toks, &np), np));
        let mut route = Route::SubjectCue;
        if subject.is_none() && hit.entry.gerund {
            match self.participle(toks, hit, cues, cue, prev_subject) {
                Participle::Speaker(s, r) => (subject, route) = (s, r),
                Participle::Done(s) => return s,
            }
        }
        if subject.is_none() {
            if let Some(s) = self.coordinated(toks, hit, prev_subject) {
                (subject, route) = (Some(s), Route::Coordinated);
            }
        }
        if subject.is_none() {
            if let Some(s) = self.fallback_speaker(toks, hit) {
                (subject, route) = (Some(s), Route::Fallback);
            }
        }
        match subject {
            Some(subj) => {
                if route != Route::Fallback && self.base_form_noun(toks, hit, &subj.1) {
                    return None;
                }
                self.report(unit, toks, hit, cues, cue, subj, route)
            }
            None => self.inverted_after_quote(unit, toks, hit, cue),
        }
    }

    /// Report what a cue with a speaker introduces: the content after it
    /// (`X said that …`, `X said: “…”`), the sentence around a
    /// parenthetical attribution (`A, they say, B.`), and the content before
    /// it (`“…,” he said`).
    #[allow(clippy::too_many_arguments)]
    fn report(
        &mut self,
        unit: Span,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cues: &[CueHit<'static>],
        cue: Span,
        subj: (Mention, Np),
        route: Route,
    ) -> Option<(Mention, Np)> {
        let after_cue = hit.at + hit.len;
        let class = hit.entry.class;
        // What a person or thing shows or found is reported (`Trump has
        // shown an interest in …`, `he found the area welcoming`), but
        // the present `find` of a person is mostly no finding (`I find
        // it odd`) unless a document, an organisation or a `that` clause
        // makes it one (`they find that …`).
        if matches!(class, CueClass::Evidence)
            && !matches!(subj.1.kind, MentionKind::Organization | MentionKind::Group)
            && toks.get(after_cue).is_none_or(|t| t.lower() != "that")
            && matches!(toks[hit.at].lower(), "find" | "finding" | "finds")
        {
            return None;
        }
        // Content after the cue.
        let mut stop = self.content_stop(toks, after_cue, cues);
        // `Democrats supporting Mrs. Clinton have pointed to …`, `One
        // pastor supporting Mr. Cruz, Darran Whiting, said …`: a stance
        // participle right after its noun modifies it; its object ends
        // before the main clause's verb or at a comma.
        if hit.entry.gerund && class == CueClass::Object && subj.1.last + 1 == hit.at {
            if let Some(v) =
                (after_cue + 1..stop).find(|&k| toks[k].text == "," || main_verb(&toks[k]))
            {
                stop = v;
            }
        }
        let mut start = self.content_start(toks, after_cue, stop, hit.entry);
        // `told Politico he planned to …`: a later cue whose subject opens
        // the content is inside it, not a new report.
        if start.is_none_or(|s| s >= stop) {
            if let Some(s) = self.content_start(toks, after_cue, toks.len(), hit.entry) {
                let s_stop = self.content_stop(toks, s, cues);
                if s < s_stop {
                    start = Some(s);
                    stop = s_stop;
                }
            }
        }
        // `…, which he described as “like an open orchid.”`, `railed
        // against what he calls …`: in an object relative clause the
        // report is the whole clause, as PolNeAR annotates it (the
        // pronoun stands for what was said); not in `a story in which
        // sources said …`.
        let relative_object = subj.1.first > 1
            && {
                let rel = toks[subj.1.first - 1].lower();
                let before = toks[subj.1.first - 2].lower();
                let preposition = matches!(
                    before,
                    "in" | "of"
                        | "to"
                        | "for"
                        | "with"
                        | "on"
                        | "about"
                        | "against"
                        | "from"
                        | "by"
                        | "at"
                );
                match rel {
                    "which" | "whom" => !preposition,
                    "what" => preposition,
                    _ => false,
                }
            }
            && !with_lowercase(&subj.0.text, |l| matches!(l, "who" | "which" | "that"));
        // Not when the cue's own report is a clause with a subject
        // (`what researchers say they need`): the pronoun is its object.
        let quoted_content = start.and_then(|s| toks.get(s)).is_some_and(|t| {
            t.is_quote_mark() || t.text == ":" || subject_pronoun(t.lower()) || t.lower() == "that"
        });
        if relative_object && !quoted_content && start.is_some_and(|s| s < stop) {
            start = Some(subj.1.first - 1);
        }
        // `Roffman, who estimates that his costs were “in the seven
        // figures,” described …`: a relative clause's report ends at its
        // first comma. The object of a stance or belief there ends at any
        // comma or second verb (`Kevin Cramer, who formally endorsed Trump
        // here on Sunday, had worked …`, `Elmendorf, who supports Clinton
        // but is not working for her`).
        if with_lowercase(&subj.0.text, |l| l == "who") {
            let object_like = matches!(class, CueClass::Object | CueClass::Belief);
            if let Some(s) = start {
                let cut = (s + 1..stop).find_map(|k| {
                    let t = &toks[k];
                    if object_like
                        && !self.in_quote(t.span)
                        && (t.text == ","
                            || matches!(t.lower(), "and" | "but")
                                && toks
                                    .get(k + 1)
                                    .is_some_and(|n| second_verb_opener(n.lower())))
                    {
                        return Some(k);
                    }
                    let verb_next = toks
                        .get(k + 1)
                        .is_some_and(|n| n.is_word && Lexicon::builtin().token_entry(n).is_some());
                    if t.text == "," && verb_next && !self.in_quote(t.span) {
                        Some(k)
                    } else if toks[k - 1].text == ","
                        && self.closes_quote(t.span)
                        && toks
                            .get(k + 1)
                            .is_some_and(|n| !matches!(n.lower(), "and" | "or"))
                    {
                        Some(k + 1)
                    } else {
                        None
                    }
                });
                if let Some(c) = cut {
                    stop = c;
                }
            }
        }
        let mut emitted = false;
        // `A, they say, B.`: an attribution set off by commas inside
        // unquoted speech reports the whole sentence.
        let parenthetical = route == Route::SubjectCue
            && subj.1.first > 0
            && toks[subj.1.first - 1].text == ","
            && toks.get(after_cue).is_some_and(|t| t.text == ",")
            && !toks.first().is_some_and(|t| t.is_quote_mark())
            && !(subj.1.first >= 2 && toks[subj.1.first - 2].is_quote_mark())
            && !toks.get(after_cue + 1).is_some_and(|t| {
                // `A, he said, “B.”` is direct; `A, he said, adding …`
                // and `A, he said, wiping sweat …` report A alone.
                let l = t.lower();
                t.is_quote_mark()
                    || t.is_word && l.len() > 4 && l.ends_with("ing") && l != "including"
            })
            && matches!(
                class,
                CueClass::Speech | CueClass::Evidence | CueClass::Belief
            );
        if parenthetical {
            let content = Span::new(unit.start, toks[stop.max(after_cue + 1) - 1].span.end);
            emitted = self.emit(content, cue, Some(&subj), hit.entry, route, None);
            if emitted {
                return Some(subj);
            }
        }
        // (A content after the cue that these cues do not report leaves
        // the content before the subject to be reported: `“Really,” she
        // added when the host laughed.`)
        let mut unreported_after = false;
        'after: {
            let Some(start) = start else { break 'after };
            let end_tok = stop;
            if start < end_tok {
                let content = Span::new(toks[start].span.start, toks[end_tok - 1].span.end);
                if hit.entry.traits.has(LemmaTraits::ADD)
                    && toks[start].text.starts_with(|c: char| c.is_ascii_digit())
                {
                    unreported_after = true;
                    break 'after;
                }
                // `adds a critical voice to the record`, `has maintained
                // her status`: these report only a clause or a quote.
                if hit.entry.traits.has(LemmaTraits::NEEDS_CLAUSE)
                    && !finite_clause(toks, start)
                    && !toks[start].is_quote_mark()
                {
                    unreported_after = true;
                    break 'after;
                }
                // (`They want to compromise`: an intention's infinitive.)
                let infinitive =
                    toks[start].lower() == "to" && hit.entry.traits.has(LemmaTraits::INFINITIVE);
                if class == CueClass::Belief && !infinitive && !self.clause_like(toks, start)
                    || route == Route::Fallback && !self.fallback_content(toks, hit, start)
                {
                    unreported_after = true;
                    break 'after;
                }
                // `said A and that B`: one report (as PolNeAR annotates it)
                // whose parts are A and B.
                let parts = if matches!(class, CueClass::Object | CueClass::About) {
                    vec![(start, end_tok)]
                } else {
                    self.coordinated_contents(toks, start, end_tok)
                };
                emitted = self.emit(content, cue, Some(&subj), hit.entry, route, None);
                if emitted && parts.len() > 1 {
                    self.record_parts(toks, &parts);
                }
            }
        }
        // `“…,” he said` / `“…,” he said, “…”`: content before the subject.
        // A relative clause (`…,” said Harvey, who acknowledged …`)
        // reports nothing that comes before its antecedent.
        let subj_first = subj.1.first;
        let relative = matches!(toks[subj_first].lower(), "who" | "which" | "that");
        if subj_first > 0 && route == Route::SubjectCue && !relative {
            let before = &toks[..subj_first];
            let last = &before[before.len() - 1];
            // `When Trump suggested …, Rubio objected.`: an opening
            // subordinate clause is not what the later subject said.
            let clause = last.text == "," && opening_clause_end(toks) == Some(subj_first - 1);
            // `…, as David Dayen noted in The Intercept.`: the clause
            // before `, as` is what was noted (only when nothing but
            // adjuncts follows the cue).
            let as_clause = last.lower() == "as"
                && before.len() >= 3
                && before[before.len() - 2].text == ","
                && class == CueClass::Speech
                && !emitted
                && only_adjunct_after(toks, after_cue);
            let (before, last) = if as_clause {
                (&before[..before.len() - 1], &before[before.len() - 2])
            } else {
                (before, last)
            };
            let comma_quote = self.closes_quote(last.span)
                || (last.text == "," && before.len() >= 2 && !clause)
                || last.text == "—";
            // Object cues (`announced`) take content before them only when
            // nothing follows (`…, the ministry announced on Friday.`).
            let object_ok =
                class != CueClass::Object || !emitted && only_adjunct_after(toks, after_cue);
            // (Only a quotation when the content after the cue was not
            // reported: `Among Republicans, Trump maintained his lead.`)
            let after_ok = !unreported_after || self.closes_quote(last.span);
            if comma_quote
                && object_ok
                && after_ok
                && (!emitted
                    || before
                        .iter()
                        .rev()
                        .take(QUOTE_MARK_LOOKBACK)
                        .any(|t| t.is_quote_mark()))
            {
                let content = Span::new(unit.start, before[before.len() - 1].span.start);
                let content = if last.is_quote_mark() {
                    Span::new(unit.start, last.span.end)
                } else {
                    content
                };
                self.emit_before(content, cue, &subj, class);
            }
        }
        Some(subj)
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn direct_after_the_cue() {
        let r = reports("Smith said: “We will win this race.”");
        assert_eq!(
            r,
            [("direct:cue-before", "We will win this race.", "Smith")]
        );
    }

    #[test]
    fn indirect_after_the_cue() {
        let r = reports("Smith said that the plan would fail.");
        assert_eq!(r, [("indirect:cue-before", "the plan would fail", "Smith")]);
    }

    #[test]
    fn mixed_after_the_cue() {
        let r = reports("Smith said the plan was “a disaster for everyone.”");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!((r[0].0, r[0].2), ("mixed:cue", "Smith"));
    }

    #[test]
    fn direct_before_the_cue() {
        let r = reports("“We will win this race,” Smith said.");
        assert_eq!(r, [("direct:cue-after", "We will win this race,", "Smith")]);
    }

    #[test]
    fn one_cue_between_two_pieces_is_one_quotation() {
        // `“A,” X said, “B.”`: one record over both pieces, whose `parts`
        // hold the spoken words only.
        let text = "“We will win this race,” Smith said, “and we will do it this year.”";
        let r = reports(text);
        assert_eq!(
            r,
            [(
                "direct:cue-after",
                "We will win this race,” Smith said, “and we will do it this year.",
                "Smith"
            )]
        );
        let q = &crate::analyze(&crate::Document::new("t", text)).quotes[0];
        let pieces: Vec<&str> = q.pieces().filter_map(|p| p.slice(text)).collect();
        assert_eq!(
            pieces,
            ["We will win this race,", "and we will do it this year."]
        );
    }

    #[test]
    fn coordinated_contents_are_the_parts_of_one_report() {
        // `said A and that B`: one report over both (PolNeAR), with A and B
        // as its parts (the speech-only convention: two reports).
        let text = "Smith said the plan was late and that the budget had run out.";
        let q = &crate::analyze(&crate::Document::new("t", text)).quotes;
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].span.slice(text),
            Some("the plan was late and that the budget had run out")
        );
        let pieces: Vec<&str> = q[0].pieces().filter_map(|p| p.slice(text)).collect();
        assert_eq!(pieces, ["the plan was late", "the budget had run out"]);
        // A demonstrative `that` after `and` opens no second report.
        let text = "Smith said the plan was late and that was a shame.";
        let q = &crate::analyze(&crate::Document::new("t", text)).quotes;
        assert!(q.iter().all(|q| q.parts.is_empty()), "{q:?}");
    }

    #[test]
    fn a_past_tense_like_its_base_form_agrees_with_any_subject() {
        // `read` is past as well as base: `the statement read` is a verb.
        let r = reports("“We will not give up on this fight,” the statement read.");
        assert_eq!(
            r,
            [(
                "direct:cue-after",
                "We will not give up on this fight,",
                "the statement"
            )]
        );
    }

    #[test]
    fn a_stance_in_a_relative_clause_ends_at_its_comma() {
        let r = reports(
            "North Dakota Rep. Kevin Cramer, who formally endorsed Trump here on Sunday, had worked quietly behind the scenes.",
        );
        assert!(
            r.iter().any(|r| r.1 == "Trump here" && r.2 == "who"),
            "{r:?}"
        );
        let r = reports("“The numbers don’t add up,” said Elmendorf, who supports Clinton but is not working for her.");
        assert!(r.iter().any(|r| r.1 == "Clinton" && r.2 == "who"), "{r:?}");
    }

    #[test]
    fn a_participle_clause_is_not_part_of_the_mention() {
        let r = reports(
            "Mr. Trump, asked about the deaths of journalists, said that he had no comment at all.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2, "Mr. Trump");
        // An appositive still is (`Tad Devine, Sanders's chief strategist, said`).
        let r =
            reports("Tad Devine, the campaign's chief strategist, said that the race was close.");
        assert_eq!(r[0].2, "Tad Devine, the campaign's chief strategist");
    }

    #[test]
    fn belief() {
        let r = reports("Smith believes that the plan will fail.");
        assert_eq!(r, [("indirect:belief", "the plan will fail", "Smith")]);
    }

    #[test]
    fn a_long_appositive_after_a_quote_keeps_its_name() {
        // `“…,” Anne Richards, assistant secretary of state for population,
        // refugees, and migration, said`: a parenthetical with inner commas
        // between a quote and its cue.
        let r = reports(
            "The mayor spoke first. \n\n“The new rules will help, but they are only a start,” Maria Lopez, deputy minister for housing, transport, and planning, said on the same call.",
        );
        assert_eq!(
            r,
            [(
                "direct:cue-after",
                "The new rules will help, but they are only a start,",
                "Maria Lopez, deputy minister for housing, transport, and planning"
            )],
            "{r:?}"
        );
        // The same after a partial quotation (mixed).
        let r = reports(
            "The new rules “will help, but they are only a start,” Maria Lopez, deputy minister for housing, transport, and planning, said.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            r[0].2,
            "Maria Lopez, deputy minister for housing, transport, and planning"
        );
    }

    #[test]
    fn a_quote_before_a_cue_whose_after_content_is_no_report() {
        // `added` reports only a clause or a quote after it; an adjunct
        // there (`when …`) leaves the quotation before the subject.
        let r = reports("“Really,” she added when the host expressed shock.");
        assert_eq!(r, [("direct:cue-after", "Really,", "she")]);
        // Without a quotation, the opening adjunct is not what was added.
        let r = reports("In the past five years, we have added a million jobs.");
        assert!(r.iter().all(|r| r.0 != "indirect:cue-after"), "{r:?}");
    }
}
