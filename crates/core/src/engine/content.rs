//! Where reported content starts and stops after a cue (`said in a
//! statement on Tuesday that …`, up to the next independent attribution),
//! and whether it is direct, mixed or indirect.

use super::*;

/// Narration, not content, after a speech cue at `from`: `she said of her
/// son` (what the words were about), `she said and hung up`, `he said, and
/// laughed` (a second verb of the writer's), `she said, her voice breaking`
/// (an absolute phrase: a possessive, a noun or two and a participle).
fn narration_after_cue(toks: &[Token<'_>], from: usize, entry: &CueEntry) -> bool {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word).map(|t| t.lower());
    if entry.class == CueClass::Speech && word(from) == Some("of") {
        return true;
    }
    // `she said and quickly hung up`: a coordinator right after the cue
    // opens the writer's next verb, never what was said.
    if entry.class == CueClass::Speech
        && word(from).is_some_and(|w| matches!(w, "and" | "but" | "or"))
    {
        return true;
    }
    if toks.get(from).is_none_or(|t| t.text != ",") {
        return false;
    }
    if word(from + 1) == Some("and") && word(from + 2).is_some_and(|w| w.ends_with("ed")) {
        return true;
    }
    word(from + 1).is_some_and(person_possessive)
        && (from + 3..=from + 4).any(|k| word(k).is_some_and(|w| w.len() > 4 && w.ends_with("ing")))
}

impl<'a> Finder<'a> {
    /// Does the content starting at `start` read as a clause (belief cues)?
    pub(super) fn clause_like(&self, toks: &[Token<'a>], start: usize) -> bool {
        let Some(t) = toks.get(start) else {
            return false;
        };
        let prev = start.checked_sub(1).map(|p| toks[p].lower());
        let words = toks[start..]
            .iter()
            .filter(|t| t.is_word)
            .take(CONTENT_CLAUSE_WORDS)
            .count();
        prev == Some("that")
            || t.is_quote_mark()
            || words >= CONTENT_CLAUSE_WORDS
            || pronoun_contraction(t)
            || finite_clause(toks, start)
            || subject_pronoun_not_you(t.lower())
            || matches!(
                t.lower(),
                "there" | "the" | "this" | "his" | "her" | "their"
            )
    }

    /// Where the content after a cue starts: after `that`, a colon or comma,
    /// an indirect object of `told`, or time adjuncts.
    pub(super) fn content_start(
        &self,
        toks: &[Token<'a>],
        from: usize,
        stop: usize,
        entry: &CueEntry,
    ) -> Option<usize> {
        let w = Words::builtin();
        let mut i = from;
        // `spoke passionately about X`, `wrote in his memoir about X`: the
        // `about` complement, past adverbs and adjuncts, is the content.
        if entry.class == CueClass::About || entry.traits.has(LemmaTraits::ABOUT) {
            if let Some(k) = about_complement(toks, from, stop) {
                return (k + 1 < stop).then_some(k + 1);
            }
            if entry.class == CueClass::About {
                return None;
            }
        }
        // `he said, wiping sweat off his face`: a participle clause after
        // the cue is the writer's narration.
        if toks.get(from).is_some_and(|t| t.text == ",")
            && toks.get(from + 1).is_some_and(|t| {
                let l = t.lower();
                t.is_word
                    && !t.is_capitalized()
                    && l.len() > 4
                    && l.ends_with("ing")
                    && l != "including"
            })
        {
            return None;
        }
        if narration_after_cue(toks, from, entry) {
            return None;
        }
        // `asked if …`, `wondered whether …`: the question is the content.
        if toks
            .get(from)
            .is_some_and(|t| matches!(t.lower(), "if" | "whether"))
        {
            return (from < stop).then_some(from);
        }
        // `that` within a short adjunct: `said in a statement on Tuesday that`
        for k in from..stop.min(from + 12) {
            let l = toks[k].lower();
            if l == "that" && k == from && demonstrative(toks, k) {
                return Some(k);
            }
            if l == "that" && k + 1 < stop {
                // After an object cue's noun, `that` opens a relative clause
                // (`condemned attacks … that target civilians`); after an
                // adjunct it is the complementiser (`learned on Tuesday that`).
                if entry.class == CueClass::Object
                    && k > from
                    && !(opens_content_adjunct(toks[from].lower())
                        || is_weekday(toks[from].lower()))
                {
                    break;
                }
                let between = &toks[from..k];
                // A cue word after a determiner is a noun (`in an interview
                // taped before the attacks that …`).
                if between.iter().enumerate().all(|(b, t)| {
                    let noun = b > 0 && DETERMINER_WORDS.contains(&between[b - 1].lower());
                    // (An apostrophe, `CBS News’ Charlie Rose`, is no quote.)
                    (!t.is_quote_mark()
                        || !self.opens_quote(t.span) && !self.closes_quote(t.span))
                        && t.text != "."
                        && (noun || Lexicon::builtin().token_entry(t).is_none())
                }) && !between.iter().any(|t| t.text == ",")
                    // and what lies between is an adjunct or a hearer, not
                    // the start of a clause (`said she would not go to that
                    // place`).
                    && !between.first().is_some_and(|t| {
                        with_lowercase(t.text, |l| {
                            subject_pronoun(l) || l == "there"
                        })
                    })
                    && !between.iter().any(|t| {
                        matches!(
                            t.lower(),
                            "would" | "will" | "was" | "were" | "is" | "are" | "had" | "could"
                                | "should" | "can" | "did" | "does" | "might" | "must"
                        )
                    })
                {
                    return Some(k + 1);
                }
                break;
            }
            // An apostrophe (`Fox News’ Megyn Kelly`) opens no quote.
            if toks[k].is_quote_mark() && !self.opens_quote(toks[k].span) {
                continue;
            }
            if toks[k].is_quote_mark() || toks[k].text == ":" {
                // `said in a statement: “…”`, `told CNN on Sunday “…”`
                let between = &toks[from..k];
                let adjunct = between.first().is_some_and(|t| {
                    matches!(
                        t.lower(),
                        "in" | "on"
                            | "at"
                            | "during"
                            | "to"
                            | "after"
                            | "before"
                            | "from"
                            | "via"
                            | "with"
                            | "through"
                            | "last"
                            | "this"
                            | "late"
                            | "early"
                    )
                }) && between
                    .iter()
                    .all(|t| Lexicon::builtin().token_entry(t).is_none());
                // `fired back forcefully: “…”`
                let adverbs = between.len() <= CUE_ADVERBS_MAX
                    && between
                        .iter()
                        .all(|t| t.is_word && t.lower().ends_with("ly"));
                // `joked, again using a Southern accent, “…”`: an aside
                // between commas.
                let aside = (ASIDE_MIN_TOKENS..=ASIDE_MAX_TOKENS).contains(&between.len())
                    && between.first().is_some_and(|t| t.text == ",")
                    && between.last().is_some_and(|t| t.text == ",")
                    && between[1..between.len() - 1].iter().all(|t| t.is_word);
                if (adjunct || adverbs || aside) && k > from {
                    return Some(if toks[k].text == ":" { k + 1 } else { k });
                }
                break;
            }
        }
        // `said to applause.`: a hearer without `that` or a quote after it
        // leaves no content after the cue.
        if entry.class == CueClass::Speech
            && !entry.traits.has(LemmaTraits::INFINITIVE)
            && toks.get(from).is_some_and(|t| t.lower() == "to")
            && toks.get(from + 1).is_some_and(is_hearer_start)
        {
            return None;
        }
        // Indirect object of `told` etc.
        if entry.traits.has(LemmaTraits::TELLS) {
            // `assured the mostly white crowd.`: a short phrase that ends the
            // report is the hearer.
            let rest_words = toks[i..stop].iter().filter(|t| t.is_word).count();
            if rest_words <= HEARER_MAX_WORDS
                && toks.get(i).is_some_and(|t| {
                    matches!(t.lower(), "the" | "a" | "an" | "his" | "her" | "their")
                })
            {
                return None;
            }
            if let Some(np) = np::forward(toks, i, stop, self.text) {
                // `…,” Brandt told the club’s website.`: only the hearer; and
                // `told Katherine O'Brien, a state representative.`: the
                // hearer with an appositive.
                let appositive = toks.get(np.last + 1).is_some_and(|t| t.text == ",")
                    && toks
                        .get(np.last + 2)
                        .is_some_and(|t| matches!(t.lower(), "a" | "an" | "the"));
                if np.last + 1 >= stop || appositive {
                    return None;
                }
                i = np.last + 1;
            } else if toks.get(i).is_some_and(|t| {
                matches!(
                    t.lower(),
                    "him" | "her" | "them" | "us" | "me" | "reporters"
                )
            }) {
                i += 1;
            }
        }
        // Skip adjuncts like `on Tuesday`, `Tuesday`, `in an interview`
        while let Some(t) = toks.get(i) {
            let l = t.lower();
            if matches!(l, "," | ":" | "—" | "–" | "-")
                || (t.is_word
                    && w.is_function(l)
                    && (is_weekday(l)
                        || matches!(
                            l,
                            "today" | "yesterday" | "tonight" | "also" | "again" | "later" | "then"
                        )))
            {
                i += 1;
                continue;
            }
            // `said that …`, but not the demonstrative of `said that was a
            // mistake`.
            if l == "that" && !demonstrative(toks, i) {
                i += 1;
                continue;
            }
            // `said in a statement Thursday night they …`
            if l == "in" {
                if let Some(n) = toks.get(i..stop).and_then(occasion_adjunct) {
                    i += n;
                    continue;
                }
            }
            // `said on Friday he …`, `said last week the …`, `said earlier this month …`
            if let Some(n) = toks.get(i..stop).and_then(time_adjunct) {
                i += n;
                continue;
            }
            break;
        }
        (i < stop).then_some(i)
    }

    /// Where the attribution of a later cue begins, when that cue is one:
    /// its subject, or the comma/conjunction of `, saying` / `and added`.
    pub(super) fn attribution_begin(
        &self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
    ) -> Option<usize> {
        // A hedge (`Trump seems unprepared`) is part of a report, not a new
        // one. (A speaking verb without `about` is no cue hit at all: see
        // `Finder::cue_at`.)
        if hit.entry.class == CueClass::Hedge {
            return None;
        }
        if hit.entry.class == CueClass::According {
            return Some(hit.at);
        }
        // `to build Democratic support during …`: a base form after a
        // singular subject is a noun, no later attribution.
        if let Some((first, noun)) = self.remembered_subject(toks, hit.at, |np| {
            (np.first, self.base_form_noun(toks, hit, np))
        }) {
            return (!noun).then_some(first);
        }
        let prev = hit.at.checked_sub(1).map(|p| toks[p].lower())?;
        if hit.entry.gerund && prev == "," {
            return Some(hit.at - 1);
        }
        // `… and later said`, `… but has argued`
        let mut j = hit.at;
        while j > 0 && skips_before_cue(&toks[j - 1]) {
            j -= 1;
        }
        if j > 0 && matches!(toks[j - 1].lower(), "and" | "but") && !hit.entry.gerund {
            return Some(j - 1);
        }
        None
    }

    /// Where the content after a cue stops: the end of the unit (before final
    /// punctuation), or before the next independent attribution.
    pub(super) fn content_stop(
        &self,
        toks: &[Token<'a>],
        from: usize,
        cues: &[CueHit<'static>],
    ) -> usize {
        let mut end = toks.len();
        while end > from
            && !toks[end - 1].is_word
            && !toks[end - 1].is_quote_mark()
            && toks[end - 1].text != ")"
        {
            end -= 1;
        }
        // A semicolon joins the next independent clause (`… endorsed her;
        // last month, the campaign …`), unless it separates the items of a
        // list (`A; B; and C`).
        // (Binary search in the unit's semicolons: a scan to the end of the
        // sentence for every cue made long sentences quadratic.)
        let (semis, lists, len) = &self.semicolons;
        let semi = if *len == toks.len() {
            let i = semis.partition_point(|&s| (s as usize) < from);
            semis.get(i).map(|&s| s as usize).filter(|&s| s < end)
        } else {
            toks[from..end]
                .iter()
                .position(|t| t.text == ";")
                .map(|p| from + p)
        };
        if let Some(semi) = semi {
            let list = if *len == toks.len() {
                let j = lists.partition_point(|&s| (s as usize) < semi);
                lists.get(j).is_some_and(|&s| s as usize + 1 < end)
            } else {
                toks[semi..end]
                    .windows(2)
                    .any(|w| w[0].text == ";" && matches!(w[1].lower(), "and" | "or"))
            };
            if !list {
                end = semi;
            }
        }
        // Only the next few cues can end this report (keeps long sentences linear).
        let first_later = cues.partition_point(|h| h.at <= from);
        for hit in cues[first_later..]
            .iter()
            .take_while(|h| h.at < end)
            .take(8)
        {
            let nc = hit.at;
            let Some(k0) = self.attribution_begin(toks, hit) else {
                continue;
            };
            // Our cue sits inside the later cue's subject (`Kowalczyk, a lead
            // who learned that she had lost her job, said …`): the report ends
            // at the comma that closes the parenthetical.
            if k0 < from {
                if let Some(c) = (from..nc).rev().find(|&i| toks[i].text == ",") {
                    if c > from {
                        end = end.min(c);
                    }
                }
                break;
            }
            // `railing against what he calls a “corrupt” process`: a free
            // relative is part of this report.
            if k0 > from && toks[k0 - 1].lower() == "what" {
                continue;
            }
            let mut k = k0;
            // `…, which he described as …`: the relative pronoun opens the
            // later attribution.
            if k > from + 1
                && matches!(toks[k - 1].lower(), "which" | "whom")
                && toks[k - 2].text == ","
            {
                k -= 1;
            }
            // Back over `and`, `but`, commas.
            while k > from
                && matches!(
                    toks[k - 1].lower(),
                    "and" | "but" | "," | ";" | "while" | "—" | "–"
                )
            {
                k -= 1;
            }
            // Only cut when the next attribution is not inside a clause we
            // report (`said that the report said …` stays whole).
            let that_between = || toks[from..nc].iter().any(|t| t.lower() == "that");
            // Coordinated: the later cue has no subject of its own (`… and
            // described`), or its subject follows a comma or semicolon
            // (`…, and Washington confirmed`); a bare `and` before a subject
            // is part of a noun phrase (`Lavrov and Kerry will …`).
            let own_subject = k0 < nc && !matches!(toks[k0].lower(), "and" | "but" | ",");
            let coordinated = if own_subject {
                toks[k..k0].iter().any(|t| matches!(t.text, "," | ";"))
            } else {
                true
            };
            if k > from && (coordinated || !that_between()) {
                end = end.min(k);
                break;
            }
        }
        // Subordinate and coordinated clauses after a comma, a semicolon or
        // an unpaired dash end the report: `…, which …`, `…, and the …`,
        // `…, according to …`, `… — two sisters …` (but not `…, and that …`,
        // and not a dash pair around an aside). A relative clause on a
        // person (`…, who …`), an elaboration (`…, including …`, `…,
        // especially …`) and a contrast (`…, while …`, `…, although …`:
        // PolNeAR keeps it in what was said) stay in the report.
        let limit = end.min(from + CONTENT_MAX_TOKENS);
        // (A hyphen with no space before it joins words: `U.S.-Mexico`,
        // `low- and moderate-income`, a word broken at a line end.)
        let text = self.text;
        let spaced = |t: &Token<'_>| text[..t.span.start].ends_with(char::is_whitespace);
        let is_dash = |t: &Token<'_>| {
            matches!(t.text, "—" | "–") || t.text == "-" && t.span.len() == 1 && spaced(t)
        };
        let participle = |n: &str| n.len() > 5 && n.ends_with("ing");
        // `cited X, as an example`: object cues take an `as` complement.
        let object_cue = cues[..first_later]
            .last()
            .is_some_and(|h| h.entry.class != CueClass::Speech);
        // `endorsed Trump, providing a boost to …`: an object ends before a
        // participle clause after a comma (an elaboration, `, including …`,
        // stays), and before `and` with a second verb (below).
        let object_class = cues[..first_later]
            .last()
            .is_some_and(|h| h.entry.class == CueClass::Object);
        if let Some(cut) = (from + 3..limit).find(|&k| {
            let t = &toks[k];
            // `endorsed Jeb Bush for president and midwifed the bill`: an
            // object ends before a second verb in the past tense.
            if object_class && t.lower() == "and" && !self.in_quote(t.span) {
                let mut v = k + 1;
                if toks
                    .get(v)
                    .is_some_and(|n| matches!(n.lower(), "then" | "later" | "also"))
                {
                    v += 1;
                }
                return toks.get(v).is_some_and(|n| {
                    let l = n.lower();
                    n.is_word && !n.is_capitalized() && l.len() > 4 && l.ends_with("ed")
                });
            }
            // A word neither closes a quote nor ends a clause.
            if t.is_word {
                return false;
            }
            let next = || toks.get(k + 1).map(|n| n.lower());
            // `… “expanded the party,” claiming that …`, `said, “We’ll
            // see,” when asked whether …`: a participle or a temporal clause
            // after a quote that closes with a comma starts a new clause.
            if self.closes_quote(t.span) && toks[k - 1].text == "," {
                return next()
                    .is_some_and(|n| participle(n) || matches!(n, "when" | "after" | "before"));
            }
            if self.in_quote(t.span) {
                return false;
            }
            if t.text == ";" {
                return k + 1 < end;
            }
            // `focuses on how many … were killed: “In taking 129 lives …”`:
            // a colon that opens a quotation introduces a quote of its own.
            if t.text == ":" {
                return toks
                    .get(k + 1)
                    .is_some_and(|n| self.opens_quote(n.span) && k + 1 < end);
            }
            if is_dash(t) {
                // (A dash that closes an aside, `the government—by which I
                // mean the administration—had lost`, is paired too.)
                let paired = toks[k + 1..limit].iter().any(is_dash)
                    || toks[from..k].iter().filter(|t| is_dash(t)).count() % 2 == 1;
                let double = k > 0 && is_dash(&toks[k - 1]);
                return k + 1 < end && !paired && !double;
            }
            t.text == ","
                && next().is_some_and(|n| {
                    object_class && participle(n) && n != "including"
                        || matches!(
                            n,
                            "but"
                                | "which"
                                | "despite"
                                | "even"
                                | "where"
                                | "whose"
                                | "according"
                                | "so"
                                | "compared"
                                | "meaning"
                                | "a"
                                | "an"
                        )
                        || n == "and"
                        // not the last item of a list (`A, B, and C`)
                        && !toks[from..k].iter().any(|t| t.text == ",")
                        && toks.get(k + 2).is_some_and(|m| {
                        m.is_word
                            && (m.is_capitalized() && m.text != "I"
                                || pronoun_contraction(m)
                                || matches!(
                                    m.lower(),
                                    "he" | "she" | "they" | "it" | "we" | "the" | "there"
                                ))
                    }) || n == "as"
                        && !object_cue
                        && toks.get(k + 2).is_some_and(|m| {
                            !matches!(
                                m.lower(),
                                "well"
                                    | "much"
                                    | "long"
                                    | "soon"
                                    | "far"
                                    | "many"
                                    | "a"
                                    | "an"
                                    | "the"
                            )
                        })
                })
        }) {
            end = end.min(cut);
        }
        // `When Trump suggested that Cuba would sue, Rubio …`: a report in an
        // opening subordinate clause ends with the clause.
        if let Some(comma) = opening_clause_end(toks) {
            if from < comma {
                end = end.min(comma);
            }
        }
        // Trailing punctuation again.
        while end > from && matches!(toks[end - 1].text, "," | ";" | ":" | "." | "—" | "–" | "-")
        {
            end -= 1;
        }
        end
    }

    /// The coordinated contents of one cue (`said A and that B`, `said A,
    /// but that B`): the token ranges of A and B, each reported as its own
    /// quote of the same speaker and cue (the second complementiser is
    /// dropped, as the first is). One range when nothing is coordinated.
    pub(super) fn coordinated_contents(
        &self,
        toks: &[Token<'a>],
        start: usize,
        stop: usize,
    ) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut from = start;
        for k in start + 2..stop.saturating_sub(1) {
            let t = &toks[k];
            if t.lower() == "that"
                && matches!(toks[k - 1].lower(), "and" | "but")
                && !demonstrative(toks, k)
                && !self.in_quote(t.span)
                && k - 1 > from + 1
            {
                parts.push((from, k - 1));
                from = k + 1;
            }
        }
        parts.push((from, stop));
        parts
    }

    /// Record the parts of the quote just emitted for coordinated contents
    /// (token ranges from [`Finder::coordinated_contents`]), clipped to its
    /// trimmed span (`set_coordinated_parts` gives them to the quote).
    pub(super) fn record_parts(&mut self, toks: &[Token<'a>], parts: &[(usize, usize)]) {
        let Some(hull) = self.cands.last().map(|c| c.span) else {
            return;
        };
        let text = self.text;
        let spans: Vec<Span> = parts
            .iter()
            .map(|&(a, b)| {
                let s = Span::new(toks[a].span.start, toks[b - 1].span.end);
                let s = Span::new(s.start.max(hull.start), s.end.min(hull.end));
                s.trim_matches(text, |c| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
            })
            .filter(|s| !s.is_empty())
            .collect();
        if spans.len() > 1 {
            self.coordinated_parts.push((hull, spans));
        }
    }

    /// Reported content with quoted fragments inside is mixed (the first
    /// fragment is reported, all are claimed); without any it is indirect.
    pub(super) fn kind_of(
        &mut self,
        content: Span,
        quoted: std::ops::Range<usize>,
    ) -> (QuoteKind, Option<Span>) {
        let mut first = None;
        for k in quoted {
            if content.contains(self.quoted[k].content) {
                first.get_or_insert(k);
                self.claimed[k] = true;
            }
        }
        match first {
            Some(k) => (QuoteKind::Mixed, Some(self.quoted[k].content)),
            None => (QuoteKind::Indirect, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn a_dash_that_closes_an_aside_does_not_end_the_report() {
        let r = reports("Smith said the plan — a costly one — would fail.");
        assert_eq!(
            r,
            [(
                "indirect:cue-before",
                "the plan — a costly one — would fail",
                "Smith"
            )]
        );
        // An unpaired dash still does.
        let r = reports("Smith said the plan would fail — the board met later.");
        assert_eq!(r, [("indirect:cue-before", "the plan would fail", "Smith")]);
    }

    #[test]
    fn a_clause_after_comma_and_ends_the_report() {
        // (a contracted pronoun or `there` opens it too)
        for text in [
            "Smith said the plan was late, and he’s sure of it.",
            "Smith said the plan was late, and there were delays.",
        ] {
            let r = reports(text);
            assert_eq!(r, [("indirect:cue-before", "the plan was late", "Smith")]);
        }
    }

    #[test]
    fn a_contrast_after_a_comma_stays_in_the_report() {
        let r = reports("Smith said the plan was late, although the money had come.");
        assert_eq!(
            r,
            [(
                "indirect:cue-before",
                "the plan was late, although the money had come",
                "Smith"
            )]
        );
    }

    #[test]
    fn a_colon_that_opens_a_quotation_ends_the_report() {
        let text = "The paper focuses on how many people the gunmen killed: “In taking 129 lives, the attackers showed how deadly the weapons are.”";
        let r = reports(text);
        assert!(
            r.iter().any(|q| q.0 == "direct:colon"
                && q.1 == "In taking 129 lives, the attackers showed how deadly the weapons are."),
            "{r:?}"
        );
    }

    #[test]
    fn a_hyphen_glued_to_a_word_is_no_dash() {
        let r = reports("Smith said the tax would help low- and middle-income families.");
        assert_eq!(
            r,
            [(
                "indirect:cue-before",
                "the tax would help low- and middle-income families",
                "Smith"
            )]
        );
        // `--` is a dash.
        let r = reports("Smith said the plan would fail -- the board met later.");
        assert_eq!(r, [("indirect:cue-before", "the plan would fail", "Smith")]);
    }

    #[test]
    fn narration_after_a_speech_cue_is_no_content() {
        for text in [
            "“He has been amazing,” she said of her son.",
            "“She will count them properly,” he said, and laughed.",
            "“It is the one day we have together,” she said, her voice breaking.",
            "“I’m supporting Tom Selleck,” she said and quickly hung up.",
        ] {
            let quoted: Vec<&str> = reports(text).iter().map(|r| r.1).collect();
            assert_eq!(quoted.len(), 1, "{text}: {quoted:?}");
            assert!(
                text.contains(&format!("“{}”", quoted[0])),
                "{text}: {quoted:?}"
            );
        }
    }
}
