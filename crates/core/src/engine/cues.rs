//! Cue detection: the lexicon's matches in a unit, and the vetoes that keep
//! a cue word that is not a reporting verb here (a name part, a noun, an
//! infinitive, a passive) from being read as one.

use crate::engine::*;

impl<'a> Finder<'a> {
    /// The cues of the unit, read at the tokens that may start one
    /// (`starts`, in order: no other word may), into `out` (cleared first).
    /// A cue's other words start no cue.
    pub(in crate::engine) fn cues(
        &self,
        toks: &[Token<'a>],
        starts: &[u32],
        out: &mut Vec<CueHit<'static>>,
    ) {
        let lex = Lexicon::builtin();
        out.clear();
        let mut free = 0;
        for &i in starts {
            let i = i as usize;
            if i < free {
                continue;
            }
            if let Some((len, entry)) = self.cue_at(lex, toks, i) {
                out.push(CueHit { at: i, len, entry });
                free = i + len;
            }
        }
    }

    pub(in crate::engine) fn cue_at(
        &self,
        lex: &'static Lexicon,
        toks: &[Token<'a>],
        i: usize,
    ) -> Option<(usize, &'static CueEntry)> {
        let t = &toks[i];
        if !t.is_word || !t.may_start_cue() {
            return None;
        }
        let l = t.lower();
        if self.in_quote(t.span) {
            return None;
        }
        if l == "according" && toks.get(i + 1).is_some_and(|n| n.lower() == "to") {
            static ACC: CueEntry = CueEntry {
                lemma: String::new(),
                class: CueClass::According,
                gerund: false,
                participle: false,
                base: false,
                learned: false,
                traits: LemmaTraits::NONE,
            };
            return Some((2, &ACC));
        }
        // A capitalised cue word inside a sentence is part of a name (`State
        // Department`), except in a headline (`Christie Says He Would …`).
        if i > 0 && t.is_capitalized() && !toks[i - 1].is_quote_mark() && !self.headline(toks) {
            return None;
        }
        let (len, entry) = lex.match_start(toks, i, t.cue_start())?;
        // A passive hedge needs a form of `be` (`is said to be`); else the
        // first word is a cue of its own (`said to reporters`) or none.
        let (len, entry) = if entry.is_passive_hedge() && !after_be(toks, i) {
            (1, lex.token_entry(t)?)
        } else {
            (len, entry)
        };
        // `made no mention of`, `gave a speech about`: a light verb reports
        // only with a reporting noun, and the cue runs to its preposition.
        if entry.class == CueClass::Object && entry.traits.has(LemmaTraits::LIGHT) {
            return light_complement(toks, i + len).map(|end| (end - i, entry));
        }
        // `saw Beck’s comments as …`, `painted him as …`, `billed himself as
        // …`: these report only with `as`.
        if entry.traits.has(LemmaTraits::NEEDS_AS) && !as_complement(toks, i + len) {
            return None;
        }
        // `when he speaks Thursday`: a speaking verb without `about` reports
        // nothing (decided here, before any subject is looked for).
        if entry.class == CueClass::About && about_complement(toks, i + len, toks.len()).is_none() {
            return None;
        }
        // `continue to`, `want to`: infinitive complements are not reports,
        // but a hearer is (`said to reporters`, `added to applause`).
        // Object cues and hedges take an infinitive (`vowed to fight`, `seems to`).
        // (After `spoke`/`talked`, `to` opens the hearer: `talked to reporters about`.)
        let takes_infinitive = matches!(
            entry.class,
            CueClass::Object | CueClass::Hedge | CueClass::About
        ) || entry.traits.has(LemmaTraits::INFINITIVE);
        // `complained to CBS News anchor Charlie Rose that …`: a hearer
        // before `that` (or a quote) is one too.
        if toks.get(i + len).is_some_and(|n| n.lower() == "to")
            && !takes_infinitive
            && !(entry.class == CueClass::Speech
                && toks.get(i + len + 1).is_some_and(is_hearer_start)
                && (toks[..i].iter().rev().take(10).any(|t| t.is_quote_mark())
                    || toks[i + len + 2..]
                        .iter()
                        .take(10)
                        .take_while(|t| !matches!(t.text, "," | "." | ";"))
                        .any(|t| t.lower() == "that" || t.text == ":")))
        {
            return None;
        }
        let prev = i.checked_sub(1).map(|p| toks[p].lower());
        // `a former staffer named Bradley Podliska`, `a competition called
        // the House to Home Prize`: a naming participle after an indefinite
        // noun phrase modifies it.
        if entry.participle
            && matches!(
                t.lower(),
                "named" | "called" | "dubbed" | "titled" | "nicknamed"
            )
            && i >= 2
            && toks[i - 1].is_word
            // (`a super PAC called Our Principles`: an acronym too.)
            && (!toks[i - 1].is_capitalized()
                || toks[i - 1].text.len() > 1
                    && toks[i - 1].text.chars().all(|c| c.is_ascii_uppercase()))
            && !Words::builtin().is_function(toks[i - 1].lower())
            && !skips_before_cue(&toks[i - 1])
            && toks[i.saturating_sub(4)..i - 1]
                .iter()
                .any(|p| matches!(p.lower(), "a" | "an"))
        {
            return None;
        }
        // `found himself in`, `found a way to`, `helped found Fox News`, `was
        // found discriminatory`: no finding.
        if entry.class == CueClass::Evidence
            && entry.traits.has(LemmaTraits::FIND)
            && (toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower(),
                    "himself"
                        | "herself"
                        | "themselves"
                        | "itself"
                        | "myself"
                        | "ourselves"
                        | "yourself"
                        | "ways"
                        | "someone"
                        | "something"
                        | "time"
                ) || n.lower() == "a" && toks.get(i + 2).is_some_and(|m| m.lower() == "way")
            }) || i > 0
                && matches!(
                    toks[i - 1].lower(),
                    "helped"
                        | "help"
                        | "helps"
                        | "to"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "been"
                        | "be"
                ))
        {
            return None;
        }
        // `Trump’s declared goal`, `his repeated accusations`: after a
        // possessive and before a bare noun, the form is an adjective.
        if len == 1
            && i > 0
            // (The next word first: it is the cheapest test.)
            && toks.get(i + 1).is_some_and(|n| {
                n.is_word
                    && !n.is_capitalized()
                    && !Words::builtin().is_function(n.lower())
                    && !matches!(
                        n.lower(),
                        "that" | "he" | "she" | "they" | "it" | "we" | "i"
                    )
            })
            && {
                let p = &toks[i - 1];
                let l = p.lower();
                matches!(l, "his" | "her" | "their" | "its" | "our" | "my" | "your")
                    || p.is_capitalized() && (l.ends_with("'s") || l.ends_with("s'"))
                    // (`some affirming language`, `the reported problems`)
                    || (t.lower().ends_with("ing") || t.lower().ends_with("ed"))
                        && matches!(
                            l,
                            "the" | "a" | "an" | "some" | "any" | "no" | "more" | "most" | "such"
                                | "these" | "those" | "this"
                        )
            }
        {
            return None;
        }
        // `passed away`, `backed off`: a learned verb with a particle is
        // another verb.
        if entry.learned
            && len == 1
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower(), "away" | "off" | "down" | "up" | "out"))
        {
            return None;
        }
        // A learned `-ing` form is a verb only after a comma or an
        // auxiliary (`…, offering`, `is seeking`), not after a noun (`an
        // initial public offering`).
        if entry.learned
            && t.lower().ends_with("ing")
            && !prev.is_some_and(|p| {
                matches!(
                    p,
                    "," | "is" | "are" | "was" | "were" | "been" | "be" | "and" | "while" | "by"
                )
            })
        {
            return None;
        }
        // `to say`, `declined to comment`: infinitives report nothing, but
        // `went on to explain` reports.
        if prev == Some("to") && aspect_before(toks, i) == 0 {
            return None;
        }
        // Passive `was told`, `is expected`: the subject is not the speaker.
        // (`was asked about …` reports the question: see `Finder::attribute`.)
        if entry.participle && prev.is_some_and(|p| PASSIVE.contains(&p)) && t.lower() != "asked" {
            return None;
        }
        // Nouns after an adjective: `a difficult pledge`, `the latest report`
        // (a base form after a singular word: `the leaders say` is a verb).
        if entry.base
            && len == 1
            && i >= 2
            && !toks[i - 1].lower().ends_with('s')
            && !unmarked_plural(toks[i - 1].lower())
            && DETERMINER_WORDS.contains(&toks[i - 2].lower())
            && toks[i - 1].is_word
            && !toks[i - 1].is_capitalized()
            && !Words::builtin().is_function(toks[i - 1].lower())
            && !skips_before_cue(&toks[i - 1])
            // `Supporters of the law hope this is …`: a clause after it
            // makes the base form a verb.
            && !toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower(),
                    "that" | "this" | "he" | "she" | "they" | "it" | "we" | "i" | "you"
                )
            })
        {
            return None;
        }
        // Nouns: `the report`, `a call`, `his claim`, `both states` (but
        // `Sources close to her say`: `her` is an object there).
        let object_her = prev == Some("her")
            && i >= 2
            && matches!(toks[i - 2].lower(), "to" | "with" | "for" | "of");
        if !object_her
            && prev.is_some_and(|p| {
            DETERMINER_WORDS.contains(&p)
                || matches!(
                    p,
                    "this"
                        | "that"
                        | "our"
                        | "my"
                        | "your"
                        | "both"
                        | "many"
                        | "several"
                        | "these"
                        | "those"
                        | "numerous"
                        | "other"
                        | "each"
                )
        }) && !(entry.base
            && prev.is_some_and(plural_quantifier)
            // (`Many say`, `even though several oppose …`: the quantifier
            // opens its clause.)
            && (i == 1
                || !toks[i - 2].is_word
                || matches!(
                    toks[i - 2].lower(),
                    "though" | "although" | "while" | "because" | "but" | "and" | "that" | "if"
                        | "when" | "as" | "since" | "whereas"
                ))
            && toks.get(i + 1).is_some_and(|n| n.is_word))
            // `This seems like …`: a hedge verb is never a noun, nor a past
            // tense (`Many speculated that …`).
            && entry.class != CueClass::Hedge
            && !entry.participle
        {
            return None;
        }
        Some((len, entry))
    }

    /// [`Finder::title_case`] of the current unit, computed when first asked.
    pub(in crate::engine) fn headline(&self, toks: &[Token<'a>]) -> bool {
        match self.headline.get() {
            Some(h) => h,
            None => {
                let h = self.title_case(toks);
                self.headline.set(Some(h));
                h
            }
        }
    }

    /// Is the unit a title-case headline?
    pub(in crate::engine) fn title_case(&self, toks: &[Token<'a>]) -> bool {
        let (mut words, mut caps) = (0usize, 0usize);
        for t in toks.iter().filter(|t| t.is_word && t.text.len() > 3) {
            words += 1;
            caps += usize::from(t.is_capitalized());
        }
        words >= 4 && caps * 10 >= words * 8
    }
}
