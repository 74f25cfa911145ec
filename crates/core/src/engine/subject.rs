//! Who is speaking: the speaker phrase before a cue (`Trudeau added`),
//! after it (`…, said Trudeau, a spokeswoman.`), or as the subject of the
//! unit, and the persons that pronouns may refer to.

use super::*;

/// After `X’s` opening a sentence: a noun phrase in lower case up to its
/// verb (`renewed endorsement of his team came`, `tone in a series of
/// interviews was`), with no comma, capital or quote mark among its first
/// words (three), which would show an appositive naming someone else (`Pruett’s
/// lawyer, Lisa Marchetti, argued`), and no person or speaker noun
/// (`Trump’s campaign manager`, `Carson’s wife`: someone else is meant).
fn possessor_topic(rest: &str) -> bool {
    let words = Words::builtin();
    let head: Vec<&str> = rest.split_whitespace().take(3).collect();
    head.first()
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        && !head.iter().any(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || w.contains([',', '“', '"', '‘', ':', ';'])
                || with_lowercase(w.trim_end_matches(|c: char| !c.is_alphabetic()), |l| {
                    words.is_speaker_noun(l) || np::is_person_noun(l)
                })
        })
}

/// `Separately`, `Additionally`, `Previously`: a capitalised adverb in
/// -ly (a suffix of adverbs, not of surnames like `Kelly` or `McNally`:
/// seven letters or more, no inner capital).
fn sentence_adverb(t: &Token<'_>) -> bool {
    let l = t.lower();
    l.len() >= 7
        && !t.text.chars().skip(1).any(char::is_uppercase)
        && [
            "ately", "ently", "ously", "ively", "ally", "arly", "ingly", "edly",
        ]
        .iter()
        .any(|s| l.ends_with(s))
}

/// `A spokesperson at Westminster`, `a spokesman for Sanders`: a name
/// after a role that ends in a preposition is the role's complement, not
/// the person.
fn role_of_complement(np: &Np) -> bool {
    np.kind == MentionKind::Name
        && np.role.as_deref().is_some_and(|r| {
            r.rsplit(' ')
                .next()
                .is_some_and(|w| matches!(w, "at" | "for" | "of" | "in" | "with" | "to"))
        })
}

impl<'a> Finder<'a> {
    /// The person named as the subject of a sentence (`Council member Tom
    /// Berg disagreed.`), whom a later `he`/`she` may refer to.
    pub(super) fn sentence_subject(&self, unit: Span) -> Option<(Mention, Np)> {
        let raw = unit.slice(self.text)?;
        let window = |from: usize| {
            let mut end = raw.len().min(from + 64);
            while !raw.is_char_boundary(end) {
                end -= 1;
            }
            end
        };
        let end = window(0);
        // A name needs two capitalised words (below): without two capital
        // letters there is nothing to tokenize.
        raw[..end].chars().filter(|c| c.is_uppercase()).nth(1)?;
        // A reused buffer: this runs for many sentences before pronouns.
        let mut toks = self.subject_toks.borrow_mut();
        tokenize_folded_into(
            self.text,
            Some(self.folded),
            Span::new(unit.start, unit.start + end),
            &mut toks,
        );
        // `Before announcing the sentence, U.S. District Judge Margaret
        // Okonkwo-Reyes addressed …`: the subject follows an opening adjunct.
        let adjunct_end = opening_adjunct_end(&toks);
        let adjunct = adjunct_end.is_some();
        if let Some(after) = adjunct_end.and_then(|k| toks.get(k + 1)) {
            let from = after.span.start - unit.start;
            let end = window(from);
            tokenize_folded_into(
                self.text,
                Some(self.folded),
                Span::new(after.span.start, unit.start + end),
                &mut toks,
            );
        }
        let toks = &toks[..];
        // A name needs two capitalised words among the first four (after
        // an adjunct, `leading candidate Donald Trump`, among six).
        let window = if adjunct { 6 } else { 4 };
        if !(adjunct || toks.first().is_some_and(|t| t.is_capitalized()))
            || toks
                .iter()
                .take(window)
                .filter(|t| t.is_capitalized())
                .count()
                < 2
        {
            return None;
        }
        // `Chuck Grassley Compares Trump’s Racism To …`: a headline in title
        // case has no subject a pronoun refers to.
        let long = |t: &&Token<'_>| t.is_word && t.text.len() > 3;
        if toks.iter().filter(long).count() >= 4
            && toks.iter().filter(long).all(|t| t.is_capitalized())
        {
            return None;
        }
        let ceil = toks.len().saturating_sub(1).min(12);
        let npx = np::forward(toks, 0, ceil, self.text)?;
        let w = Words::builtin();
        // Two words of a name, or a title and a surname (`Mr. Trump`).
        let named = npx.name.split_whitespace().count() >= 2
            || npx.role.as_deref().is_some_and(|r| {
                r.split_whitespace()
                    .all(|t| with_lowercase(t.trim_end_matches('.'), |l| w.is_title(l)))
            });
        // Not a phrase with a possessive or a cue inside (`Schlafly’s Final
        // Column`, `Compares Trump`): no person's name. (A possessive at
        // the end is the person: `Mrs. Clinton’s career …. She`.)
        let person = || {
            toks[npx.first..=npx.last].iter().enumerate().all(|(i, t)| {
                (i + npx.first == npx.last || !t.lower().ends_with("'s"))
                    && crate::cue::Lexicon::builtin().token_entry(t).is_none()
            })
        };
        // (Nor a heading in capitals: `FULL TEXT. For President Obama, …`.)
        (npx.kind == MentionKind::Name && named && !super::resolve::all_caps(&npx.name) && person())
            .then(|| (self.mention(toks, &npx), npx))
    }

    /// Whether `word` is the surname of a person the text names in full
    /// (`Marco Rubio`, after a given name) in the 20,000 bytes before byte
    /// `before`.
    fn named_in_full_before(&self, word: &str, before: usize) -> bool {
        // (`The`, `But`, `Mr` open most sentences and name no one.)
        let w = Words::builtin();
        if with_lowercase(word, |l| w.is_function(l) || w.is_title(l)) {
            return false;
        }
        let mut from = before.saturating_sub(20_000);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let Some(hay) = self.text.get(from..before) else {
            return false;
        };
        super::resolve::occurrences(hay, word).take(8).any(|at| {
            let after = hay[at + word.len()..].chars().next();
            let given = hay[..at]
                .strip_suffix(' ')
                .and_then(|p| p.rsplit(|c: char| !c.is_alphabetic()).next());
            !after.is_some_and(char::is_alphanumeric)
                && given.is_some_and(|g| {
                    g.starts_with(char::is_uppercase)
                        && with_lowercase(g, super::resolve::is_given_name)
                })
        })
    }

    /// A sentence that opens with the surname of a person named earlier
    /// (`Pruett, wearing a tan jail uniform, apologized …`, `Pruett
    /// apologized …`): that surname as a subject, whom a later `he`/`she`
    /// may refer to. `names` are the last words of the full names mentioned
    /// before the pronoun.
    fn surname_subject<'n>(
        &self,
        unit: Span,
        mut names: impl Iterator<Item = &'n str>,
    ) -> Option<(Mention, Np)> {
        let whole = unit.slice(self.text)?;
        // `On the same day, Sanders was on CNN`, `But Sanders said`: the
        // subject after an opening adjunct or conjunction.
        let first = whole.split(' ').next().unwrap_or_default();
        let skip = with_lowercase(first, |l| match l {
            "but" | "and" | "so" | "yet" => Some(first.len() + 1),
            "on" | "in" | "at" | "after" | "before" | "since" | "during" | "later" | "earlier"
            | "meanwhile" | "still" | "however" => {
                let head = whole.get(..whole.len().min(80)).unwrap_or(whole);
                head.find(", ").map(|i| i + 2)
            }
            _ => None,
        });
        let from = skip.filter(|&i| whole.is_char_boundary(i)).unwrap_or(0);
        let raw = &whole[from..];
        let len = raw
            .find(|c: char| !c.is_alphabetic() && c != '-')
            .unwrap_or(raw.len());
        let (word, rest) = raw.split_at(len);
        // A comma or a lower-case word after it; a possessive before a
        // lower-case noun (`Carson’s renewed endorsement … came with
        // caveats. He …`: the possessor is whom the sentence is about), not
        // before a name (`Pruett’s lawyer, Lisa Marchetti`: a capital or
        // comma after the noun phrase's first words is checked below).
        let possessive = ["’s ", "'s "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .filter(|r| possessor_topic(r));
        // (Not a modifier of a noun: `Clinton campaign officials defend`.)
        let w = Words::builtin();
        let opens_clause = rest.starts_with(", ")
            || possessive.is_some()
            || rest.strip_prefix(' ').is_some_and(|r| {
                r.starts_with(|c: char| c.is_lowercase()) && {
                    let next = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or(r);
                    !w.is_speaker_noun(next) && !np::is_org_noun(next) && !np::is_person_noun(next)
                }
            });
        if len < 2
            || !opens_clause
            || !word.starts_with(char::is_uppercase)
            || !(names.any(|n| n == word) || self.named_in_full_before(word, unit.start))
        {
            return None;
        }
        let span = Span::new(unit.start + from, unit.start + from + len);
        let mention = Mention {
            text: word.to_string(),
            span,
            kind: MentionKind::Surname,
        };
        let np = Np {
            first: 0,
            last: 0,
            kind: MentionKind::Surname,
            name: word.to_string(),
            role: None,
        };
        Some((mention, np))
    }

    /// The clause after the first `that` of a sentence whose own subject
    /// names no person (`It is assumed that Sanders has …`, `the debate was
    /// so subdued that Mr. Trump was prompted to say …`): its subject is
    /// whom a later `he`/`she` most likely means. Only in the sentence's
    /// first 160 bytes, and only in a sentence before the pronoun's own.
    fn that_clause(&self, unit: Span) -> Option<Span> {
        let raw = unit.slice(self.text)?;
        let mut end = raw.len().min(160);
        while !raw.is_char_boundary(end) {
            end -= 1;
        }
        let at = raw[..end].find(" that ")?;
        // (Not after a person or a pronoun: `Bozell agrees with Viguerie
        // that Cruz …`, `He said on Thursday that Trump …` are about
        // their subject. An acronym names no one: `The IG report cited no
        // evidence that Mills …`.)
        let other = raw[..at].split_whitespace().enumerate().any(|(i, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            i > 0 && w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(char::is_lowercase)
                || with_lowercase(w, |l| matches!(l, "he" | "she" | "him" | "her"))
        });
        let at = at + " that ".len();
        (!other && at < raw.len()).then(|| Span::new(unit.start + at, unit.end))
    }

    /// Sentence subjects before each `he`/`she` mention (looking back at most
    /// five capitalised sentences), computed only where a pronoun needs them.
    pub(super) fn persons_for_pronouns(&self, cands: &[Cand]) -> Vec<(Mention, Np)> {
        // Units below `done` have been looked at for an earlier pronoun.
        let mut done = 0usize;
        // Where each full name is mentioned, and its last word (listed
        // when the first pronoun asks).
        let names = std::cell::OnceCell::new();
        let names = || {
            names.get_or_init(|| -> Vec<(usize, &str)> {
                cands
                    .iter()
                    .filter_map(|c| c.mention.as_ref())
                    .filter(|(_, np)| matches!(np.kind, MentionKind::Name | MentionKind::Surname))
                    .filter_map(|(m, np)| Some((m.span.start, np.name.split_whitespace().last()?)))
                    .collect()
            })
        };
        let mut out = Vec::new();
        for c in cands {
            let Some((m, np)) = &c.mention else { continue };
            if np.kind != MentionKind::Pronoun
                || !with_lowercase(&np.name, wordsets::gendered_pronoun)
            {
                continue;
            }
            // The sentence of content before its speaker (`Mr. Trump, who
            // …, fits that bill, he added.`) names no antecedent.
            let limit = m.span.start.min(c.span.start);
            let k = self.subject_units.partition_point(|u| u.start < limit);
            // The last words of the full names mentioned before the pronoun.
            let before = |start: usize| {
                names()
                    .iter()
                    .filter(move |(at, _)| *at < start)
                    .map(|&(_, w)| w)
            };
            for i in (k.saturating_sub(5).max(done)..k).rev() {
                let unit = self.subject_units[i];
                if let Some(p) = self
                    .sentence_subject(unit)
                    .or_else(|| self.surname_subject(unit, before(m.span.start)))
                    .or_else(|| {
                        // (Not the pronoun's own sentence: `Asked about her
                        // vote in the event that Clinton faces …, she
                        // replied`.)
                        let own = unit.end > m.span.start;
                        let clause = self.that_clause(unit).filter(|_| !own)?;
                        self.sentence_subject(clause)
                            .or_else(|| self.surname_subject(clause, before(m.span.start)))
                    })
                {
                    out.push(p);
                    break;
                }
            }
            done = done.max(k);
        }
        out.sort_by_key(|(m, _)| m.span.start);
        out.dedup_by_key(|(m, _)| m.span.start);
        out
    }

    pub(super) fn mention(&self, toks: &[Token<'a>], np: &Np) -> Mention {
        let mut span = Span::new(toks[np.first].span.start, toks[np.last].span.end);
        if np.kind == MentionKind::Pronoun {
            // `He’s`: the pronoun without its contracted auxiliary.
            span.end = span.end.min(span.start + np.name.len());
        }
        Mention {
            text: cut(self.text, span.start, span.end),
            span,
            kind: np.kind,
        }
    }

    /// Find the subject before cue token `at`, skipping adverbs, auxiliaries
    /// and a parenthetical or appositive between commas.
    /// [`Finder::subject_before`] for the cue being attributed: taken from
    /// the memo of [`Finder::subject_first`] when an earlier cue asked for
    /// it (no one asks again once the cue is attributed), else computed.
    pub(super) fn subject_taken(&self, toks: &[Token<'a>], at: usize) -> Option<Np> {
        let mut memo = self.subject_memo.borrow_mut();
        if let Some(p) = memo.iter().position(|(a, _)| *a == at) {
            return memo.remove(p).1;
        }
        drop(memo);
        self.subject_before(toks, at)
    }

    /// The first token of [`Finder::subject_before`], remembered per cue
    /// within the current unit: earlier cues ask for it when they end their
    /// content, and [`Finder::subject_taken`] takes it when the cue itself
    /// is attributed.
    pub(super) fn subject_first(&self, toks: &[Token<'a>], at: usize) -> Option<usize> {
        self.remembered_subject(toks, at, |np| np.first)
    }

    /// `f` of [`Finder::subject_before`] at `at`, computed once per cue and
    /// unit (see [`Finder::subject_first`]).
    pub(super) fn remembered_subject<R>(
        &self,
        toks: &[Token<'a>],
        at: usize,
        f: impl FnOnce(&Np) -> R,
    ) -> Option<R> {
        if let Some((_, np)) = self.subject_memo.borrow().iter().find(|(a, _)| *a == at) {
            return np.as_ref().map(f);
        }
        let np = self.subject_before(toks, at);
        let r = np.as_ref().map(f);
        let mut memo = self.subject_memo.borrow_mut();
        if memo.len() >= 32 {
            memo.remove(0); // later cues only look a few cues ahead
        }
        memo.push((at, np));
        r
    }

    pub(super) fn subject_before(&self, toks: &[Token<'a>], at: usize) -> Option<Np> {
        let w = Words::builtin();
        let mut j = at;
        while j > 0 && skips_before_cue(&toks[j - 1]) {
            j -= 1;
        }
        // `D’Souza went on to explain`, `I continue to believe`
        let aspect = aspect_before(toks, at);
        if aspect > 0 {
            j = at - aspect;
            while j > 0 && skips_before_cue(&toks[j - 1]) {
                j -= 1;
            }
        }
        // `Feinstein last week said`, `The department two weeks ago said`
        if let Some(k) = time_adjunct_before(&toks[..j]) {
            j = k;
            while j > 0 && skips_before_cue(&toks[j - 1]) {
                j -= 1;
            }
        }
        // `A poll released this week found`: a participle after a document
        // (with its time, taken above) belongs to the subject.
        if j >= 2
            && matches!(
                toks[j - 1].lower(),
                "released" | "published" | "conducted" | "issued" | "filed" | "obtained"
            )
        {
            j -= 1;
        }
        if j == 0 {
            return None;
        }
        // `Murphy — after a knock-on-wood gesture — told me`: an aside
        // between dashes.
        // (Also `--`, `―` and a spaced hyphen, `Kagan - who was … - supports`.)
        if matches!(toks[j - 1].text, "—" | "–" | "―" | "-" | "--") {
            let dash = toks[j - 1].text;
            let mut close = j - 1;
            // `--` may be two hyphen tokens.
            if dash == "-" && close > 0 && toks[close - 1].text == "-" {
                close -= 1;
            }
            if let Some(mut open) = (j.saturating_sub(40)..close)
                .rev()
                .find(|&k| toks[k].text == dash)
            {
                if dash == "-" && open > 0 && toks[open - 1].text == "-" {
                    open -= 1;
                }
                if open > 0 && toks[open - 1].is_word {
                    j = open;
                }
            }
        }
        // `Sen. Elizabeth Warren (D-MA) said`
        if toks[j - 1].text == ")" {
            if let Some(open) = (j.saturating_sub(8)..j - 1)
                .rev()
                .find(|&k| toks[k].text == "(")
            {
                j = open;
                while j > 0 && skips_before_cue(&toks[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    return None;
                }
            }
        }
        let t = &toks[j - 1];
        // `Trump, the star of “The Apprentice,” said`: the parenthetical
        // ends inside a quoted title.
        if t.is_quote_mark() && j >= 2 && toks[j - 2].text == "," {
            return self.long_apposition(toks, j - 1).map(|mut np| {
                np.last = j - 1;
                np
            });
        }
        if t.text == "," {
            let close = j - 1;
            // `Michael Seaman, who lives outside the capital, Sacramento,
            // said`: a long parenthetical after the sentence's first phrase.
            if let Some(np) = self.long_apposition(toks, close) {
                return Some(np);
            }
            // `Smith, a spokesman for X, said` / `X, who …, said`
            let mut k = close;
            let lim = close.saturating_sub(20);
            while k > lim {
                k -= 1;
                let possessive =
                    k > 0 && np::plural_possessive(&toks[k - 1], &toks[k], &toks[k + 1]);
                if toks[k].text == "," || toks[k].is_quote_mark() && !possessive {
                    break;
                }
            }
            // A non-empty parenthetical between two commas.
            if k + 1 < close && toks[k].text == "," && k > 0 {
                let paren_np = np::forward(toks, k + 1, close, self.text);
                // `Mendonça-Lage, 47, who …, said`: skip an age.
                let mut main_end = k - 1;
                if toks[main_end].text.chars().all(|c| c.is_ascii_digit())
                    && main_end >= 2
                    && toks[main_end - 1].text == ","
                {
                    main_end -= 2;
                }
                let Some(main) = np::backward(toks, main_end, 0, self.text) else {
                    // `The authority's director of operations, Dwayne Pickett, said`:
                    // the name in apposition is the speaker.
                    return paren_np
                        .filter(|p| p.kind == MentionKind::Name && p.last + 1 == close)
                        .map(|mut p| {
                            let start = (0..k)
                                .rev()
                                .find(|&i| {
                                    matches!(toks[i].text, "," | ";" | ":")
                                        || toks[i].is_quote_mark()
                                })
                                .map_or(0, |i| i + 1);
                            if start < k {
                                p.role = Some(cut(
                                    self.text,
                                    toks[start].span.start,
                                    toks[k - 1].span.end,
                                ));
                                p.first = start;
                            }
                            p
                        });
                };
                if main.kind == MentionKind::Pronoun && !with_lowercase(&main.name, |l| l == "who")
                {
                    return None;
                }
                // `Cecelia Purner, 67, a retired customer service
                // representative in Allentown, Pa., said`: the role read back
                // from the state's comma is an appositive; the name before
                // it (and its age) is the speaker.
                if matches!(main.kind, MentionKind::Role | MentionKind::Organization)
                    && main.first >= 2
                    && toks[main.first - 1].text == ","
                    && toks[main.first].text.starts_with(char::is_lowercase)
                {
                    let mut end = main.first - 2;
                    if toks[end].text.chars().all(|c| c.is_ascii_digit())
                        && end >= 2
                        && toks[end - 1].text == ","
                    {
                        end -= 2;
                    }
                    if let Some(mut name) = np::backward(toks, end, 0, self.text).filter(|n| {
                        // (The clause's subject, not an object: `a push
                        // by Barbara Hendricks, the minister, to …`.)
                        n.kind == MentionKind::Name
                            && n.name.contains(' ')
                            && (n.first == 0 || !toks[n.first - 1].is_word)
                    }) {
                        name.role.get_or_insert_with(|| {
                            cut(
                                self.text,
                                toks[main.first].span.start,
                                toks[main.last].span.end,
                            )
                        });
                        name.last = close - 1;
                        return Some(name);
                    }
                }
                let paren = self
                    .text
                    .get(toks[k + 1].span.start..toks[close - 1].span.end)
                    .unwrap_or_default()
                    .to_string();
                let mut main = main;
                match paren_np {
                    Some(p)
                        if matches!(p.kind, MentionKind::Name)
                            && p.last + 1 == close
                            && (matches!(
                                main.kind,
                                MentionKind::Role | MentionKind::Organization
                            ) || role_of_complement(&main)) =>
                    {
                        // `The ministry's spokeswoman, Anna Kovac, said`,
                        // `A spokesperson at Westminster, Catriona Bell, said`
                        let role = cut(
                            self.text,
                            toks[main.first].span.start,
                            toks[main.last].span.end,
                        );
                        let mut p = p;
                        p.role = Some(role);
                        // The mention as written runs from the role.
                        p.first = main.first;
                        return Some(p);
                    }
                    _ => {}
                }
                let first_word = toks[k + 1].lower();
                if matches!(main.kind, MentionKind::Name | MentionKind::Surname)
                    && main.role.is_none()
                    && (matches!(first_word, "a" | "an" | "the")
                        || w.is_title(first_word)
                        || w.is_speaker_noun(first_word))
                {
                    main.role = Some(paren);
                }
                // The parenthetical between the subject and its cue describes
                // the speaker (`Tad Devine, Sanders's chief strategist, said`,
                // `Trent Lott, who was majority leader, told`): the mention as
                // written runs up to the comma before the cue.
                let descriptive = close - k > 2
                    && !matches!(
                        first_word,
                        "however"
                            | "meanwhile"
                            | "though"
                            | "too"
                            | "instead"
                            | "in"
                            | "for"
                            | "on"
                            | "at"
                            | "by"
                            | "after"
                            // `Mr. Trump, asked about …, said`: a participle
                            // clause says what the speaker did, not who.
                            | "asked"
                            | "pressed"
                            | "interviewed"
                    )
                    && !(first_word.len() > 5 && first_word.ends_with("ing"));
                if main.kind != MentionKind::Pronoun && descriptive {
                    main.last = close - 1;
                }
                return Some(main);
            }
            return None;
        }
        let np = np::backward(toks, j - 1, 0, self.text)?;
        if np.kind == MentionKind::Pronoun && with_lowercase(&np.name, wordsets::relative_pronoun) {
            // `Trump, who said …`: resolve through the antecedent before the comma.
            let comma = np.first >= 2 && toks[np.first - 1].text == ",";
            let ante_end = if comma {
                np.first.checked_sub(2)
            } else {
                np.first.checked_sub(1)
            };
            if let Some(ante_end) = ante_end {
                if let Some(ante) = np::backward(toks, ante_end, 0, self.text) {
                    if ante.kind != MentionKind::Pronoun {
                        let mut who = np.clone();
                        who.name = ante.name.clone();
                        who.role = ante.role.clone();
                        who.kind = ante.kind;
                        who.first = np.first;
                        return Some(who);
                    }
                }
            }
            // `64 percent who say …`: the relative pronoun is the mention; the
            // speaker stays unresolved.
            return (!comma).then_some(np);
        }
        if matches!(np.kind, MentionKind::Pronoun) && with_lowercase(&np.name, |l| l == "you") {
            return None;
        }
        Some(np)
    }

    /// The unit's first phrase when a parenthetical of its own runs from
    /// the comma after it to the comma at `close` (before the cue): a name,
    /// role or organisation, with no reporting verb inside the parenthetical
    /// outside quote marks.
    pub(super) fn long_apposition(&self, toks: &[Token<'a>], close: usize) -> Option<Np> {
        self.long_apposition_from(toks, 0, close).or_else(|| {
            // `“…,” Anne Richards, assistant secretary of state for
            // population, refugees, and migration, said`: after a quotation
            // ending in a comma, the phrase starts past its closing mark.
            let start = self.after_opening_quotation(toks, close)?;
            self.long_apposition_from(toks, start, close)
                .filter(|np| np.first == start)
        })
    }

    /// [`Self::long_apposition`] with the phrase searched from `start`.
    fn long_apposition_from(&self, toks: &[Token<'a>], start: usize, close: usize) -> Option<Np> {
        if close - start > 48 {
            return None;
        }
        let np = np::forward(toks, start, close, self.text)?;
        // `Separately, State Rep. Sofía Márquez, a Whitlock ally, said`: a
        // sentence adverb opening the sentence is no subject.
        if np.first == np.last && sentence_adverb(&toks[np.first]) {
            return None;
        }
        let open = np.last + 1;
        if toks.get(open).is_none_or(|t| t.text != ",")
            || open + 3 > close
            || !matches!(
                np.kind,
                MentionKind::Name
                    | MentionKind::Surname
                    | MentionKind::Role
                    | MentionKind::Organization
            )
        {
            return None;
        }
        let inside = &toks[open + 1..close];
        // Inner commas make this different from the one-comma parenthetical.
        if !inside.iter().any(|t| t.text == ",") && inside.len() <= 18 {
            return None;
        }
        // A reporting verb inside (`Smith, who told reporters X, said`)
        // follows its own subject; nouns (`the TV show`) do not.
        let clean = inside.iter().enumerate().all(|(i, t)| {
            let verb = i > 0 && wordsets::own_subject_before_verb(inside[i - 1].lower());
            !t.is_word
                || !verb
                || self.in_quote(t.span)
                || Lexicon::builtin().token_entry(t).is_none()
        });
        if !clean {
            return None;
        }
        let mut np = np;
        np.last = close - 1;
        Some(np)
    }

    /// When the unit's first quotation ends in a comma before `before`
    /// (`“…,” Smith, …`, `The new plans “…,” Smith, …`), the index of the
    /// first token after its closing mark (and a comma after it).
    fn after_opening_quotation(&self, toks: &[Token<'a>], before: usize) -> Option<usize> {
        let close =
            (1..before).find(|&k| toks[k].is_quote_mark() && self.closes_quote(toks[k].span))?;
        let mut start = close + 1;
        let comma_after = toks.get(start).is_some_and(|t| t.text == ",");
        if comma_after {
            start += 1;
        }
        (comma_after || toks[close - 1].text == ",")
            .then_some(start)
            .filter(|&s| s < before)
    }

    /// Find the subject right after the cue (`…, said Smith, the mayor.`)
    /// that closes the unit. Returns the phrase and the index after it.
    pub(super) fn subject_after(
        &self,
        toks: &[Token<'a>],
        from: usize,
        after_quote: bool,
    ) -> Option<Np> {
        // After a quote (`…,” said one Trump confidant.`) the words up to the
        // next punctuation name the speaker even when no phrase rule knows
        // them: up to twelve words, none of them a reporting verb, opening
        // with a determiner or a word that is not a function word.
        let fallback = || {
            let end = (from..toks.len().min(from + 13)).find(|&k| !toks[k].is_word)?;
            let words = &toks[from..end];
            let opens_ok = !words.is_empty() && !Words::builtin().is_function(words[0].lower())
                || words
                    .first()
                    .is_some_and(|t| matches!(t.lower(), "a" | "an" | "the" | "one" | "another"));
            (after_quote
                && opens_ok
                && no_cue_word(words)
                && matches!(
                    toks.get(end).map(|t| t.text),
                    None | Some("." | "," | "!" | "?" | ";")
                ))
            .then(|| np::describe(toks, from, end - 1, self.text))
        };
        let np = match np::forward(toks, from, toks.len(), self.text) {
            Some(np) => np,
            None => return fallback(),
        };
        if np.kind == MentionKind::Pronoun
            && !with_lowercase(&np.name, |l| wordsets::third_person_pronoun(l) || l == "it")
        {
            return None;
        }
        // What follows must be the end, an appositive, or a short adjunct;
        // a party tag `(D-Tex.)` is skipped.
        let mut after = np.last + 1;
        if toks.get(after).is_some_and(|t| t.text == "(") {
            if let Some(close) =
                (after + 1..toks.len().min(after + 8)).find(|&k| toks[k].text == ")")
            {
                after = close + 1;
            }
        }
        let rest = &toks[after..];
        let ok = rest.is_empty()
            || rest[0].text == ","
            || rest.len() <= 10
                && no_cue_word(rest)
                && rest
                    .first()
                    .is_some_and(|t| !t.is_word || opens_adjunct(t.lower()));
        let mut np = np;
        // The words after the phrase up to the next punctuation or quote.
        let end = (after..toks.len())
            .find(|&k| {
                matches!(toks[k].text, "," | "." | ";" | "—" | "–") || toks[k].is_quote_mark()
            })
            .unwrap_or(toks.len());
        let clean = no_cue_word(&toks[after..end]);
        // `…,” said Robert Antonacci of the New York delegation.`: an
        // affiliation after a name belongs to the mention.
        if after_quote
            && np.kind == MentionKind::Name
            && rest.first().is_some_and(|t| t.lower() == "of")
        {
            let named = toks[after..end].iter().any(|t| t.is_capitalized());
            if named && clean && end > after + 1 && end - after <= 10 {
                np.last = end - 1;
                return Some(np);
            }
        }
        if !ok {
            // `…,” said a strategist for one of the candidates.`: after a
            // quote, a prepositional complement up to the next comma belongs
            // to the speaker phrase.
            let complement = rest.first().is_some_and(|t| {
                matches!(
                    t.lower(),
                    "for" | "of" | "with" | "at" | "from" | "familiar"
                )
            });
            // `…,” said a Mexican official who was not authorized to speak.`:
            // a relative clause describes the speaker, reporting verbs and all.
            let relative = rest
                .first()
                .is_some_and(|t| wordsets::person_relative_pronoun(t.lower()))
                && !attributes_itself(&toks[after..end]);
            let clean = relative || clean;
            let limit = if relative { 24 } else { 12 };
            if !(after_quote
                && (complement || relative)
                && clean
                && end > after
                && end - after <= limit)
            {
                return fallback();
            }
            np.last = end - 1;
            return Some(np);
        }
        // `…, said Smith, the mayor.`: the mention covers the appositive.
        if rest.first().is_some_and(|t| t.text == ",") && rest.len() > 1 {
            let mut end = toks.len();
            // `…, a Clinton backer, referring to …`: a participle clause
            // after the appositive is not part of it.
            if let Some(k) = (after + 2..end).find(|&k| {
                toks[k - 1].text == ","
                    && toks[k].is_word
                    && !toks[k].is_capitalized()
                    && toks[k].lower().len() > 5
                    && toks[k].lower().ends_with("ing")
            }) {
                end = k - 1;
            }
            // `…, 24, of Manchester, who said …`: a relative clause that
            // reports speech ends the appositive.
            if let Some(k) = (after + 2..end).find(|&k| {
                toks[k - 1].text == ","
                    && wordsets::person_relative_pronoun(toks[k].lower())
                    && attributes_itself(&toks[k..end])
            }) {
                end = k - 1;
            }
            while end > after && !toks[end - 1].is_word {
                end -= 1;
            }
            let first = &toks[after + 1];
            let first_word = first.lower();
            // `the mayor`, `Democrat of Indiana`, `29, of Meridian` — but not a
            // relative clause (`who was asked …`).
            // An age alone (`Renee Gold, 83, of Sarasota`) stays outside, as
            // do participles (`…, referring to …`) and reporting verbs.
            let role_word = first.is_word
                && !first.is_capitalized()
                && !Words::builtin().is_function(first_word)
                && !first_word.ends_with("ing")
                && !first_word.ends_with("ed")
                && Lexicon::builtin().token_entry(first).is_none();
            let appositive = matches!(first_word, "a" | "an" | "the" | "one")
                || Words::builtin().is_title(first_word)
                || first.is_capitalized()
                || role_word;
            // `…,” said the state’s transport minister, Jens Hollmann, at …`:
            // a name in apposition to a role is the speaker.
            if matches!(np.kind, MentionKind::Role | MentionKind::Organization) {
                if let Some(name) = np::forward(toks, after + 1, toks.len(), self.text) {
                    let closes = toks.get(name.last + 1).is_none_or(|t| !t.is_word);
                    if name.kind == MentionKind::Name && closes {
                        let role =
                            cut(self.text, toks[np.first].span.start, toks[np.last].span.end);
                        let first = np.first;
                        np = name;
                        np.role = Some(role);
                        np.first = first;
                        return Some(np);
                    }
                }
            }
            // `…,” said Ms. Leon, who works as a secretary.`: the relative
            // clause describes the speaker and belongs to the mention as
            // written, but it is not a role.
            if end > after + 1 && wordsets::person_relative_pronoun(first_word) {
                if !attributes_itself(&toks[after + 1..end]) {
                    np.last = end - 1;
                }
                return Some(np);
            }
            if end > after + 1 && appositive && first_word != "which" {
                np.role.get_or_insert_with(|| {
                    cut(
                        self.text,
                        toks[after + 1].span.start,
                        toks[end - 1].span.end,
                    )
                });
                np.last = end - 1;
            }
        }
        Some(np)
    }

    pub(super) fn unit_subject(&self, toks: &[Token<'a>], before: usize) -> Option<(Mention, Np)> {
        let np = np::forward(toks, 0, before, self.text)?;
        Some((self.mention(toks, &np), np))
    }
}

/// A subject no phrase rule parsed (`hacking specialists say …`, `A person
/// familiar with the planning for Thursday’s meeting says …`): the words
/// between the opening of the clause and the cue.
pub(super) fn fallback_subject(toks: &[Token<'_>], at: usize, text: &str) -> Option<Np> {
    let mut j = at;
    while j > 0 && skips_before_cue(&toks[j - 1]) {
        j -= 1;
    }
    let last = j.checked_sub(1)?;
    let t = &toks[last];
    if !t.is_word
        || matches!(
            t.lower(),
            "to" | "the"
                | "a"
                | "an"
                | "of"
                | "in"
                | "for"
                | "with"
                | "on"
                | "at"
                | "by"
                | "from"
                | "that"
                | "this"
                | "what"
                | "which"
                | "who"
                | "whom"
                | "it"
                | "as"
                | "than"
                | "and"
                | "or"
                | "but"
                | "not"
                | "be"
                | "been"
                | "being"
        )
    {
        return None;
    }
    let mut first = last;
    while first > 0 && last - first < 14 {
        let p = &toks[first - 1];
        if !p.is_word && !matches!(p.text, "'" | "’" | "-" | "'s" | "’s") {
            break;
        }
        if matches!(
            p.lower(),
            "and"
                | "but"
                | "while"
                | "although"
                | "though"
                | "because"
                | "since"
                | "if"
                | "when"
                | "as"
                | "that"
                | "who"
                | "which"
                | "where"
                | "after"
                | "before"
                | "whether"
                | "so"
                | "or"
                | "than"
                | "until"
                | "unless"
                | "whereas"
                | "what"
        ) {
            break;
        }
        first -= 1;
    }
    // A verb phrase (`Only time will tell`, `I didn’t suggest`) is no subject.
    if last - first >= 14
        || toks[first..=last].iter().any(|t| {
            matches!(
                t.lower(),
                "will"
                    | "would"
                    | "can"
                    | "can't"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "did"
                    | "didn't"
                    | "does"
                    | "doesn't"
                    | "do"
                    | "don't"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "there"
            ) || wordsets::person_subject_pronoun(t.lower())
        })
    {
        return None;
    }
    Some(np::describe(toks, first, last, text))
}
