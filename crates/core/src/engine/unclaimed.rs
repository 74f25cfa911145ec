//! Quote marks that no cue claimed: colon introductions (`X: “…”`),
//! interviews (`Name: answer`), headline colons, a verb right after a quote,
//! and continuations of the previous speaker.

use super::*;

/// Page furniture: labels that open a paragraph with a colon on news web
/// pages (`Update:`, `WATCH:`, `READ MORE:`), compared lower case by their
/// first word. They are no speaker of a headline attribution
/// ([`Finder::headline_colon`]) nor of an interview turn
/// ([`Finder::interview`], which keeps `Q` and `A`).
const FURNITURE: &[&str] = &[
    "update",
    "updated",
    "note",
    "watch",
    "video",
    "photos",
    "photo",
    "breaking",
    "exclusive",
    "related",
    "read",
    "source",
    "correction",
    "editor's",
    "editor’s",
    "q",
    "a",
    "q&a",
    "listen",
    "see",
    "more",
    "also",
    "live",
    "opinion",
    "analysis",
    "warning",
    "image",
    "credit",
    "tags",
    "share",
    "posted",
    "filed",
    "topics",
    "published",
    "date",
    "by",
    "caption",
    "photograph",
    "category",
    "location",
    "contact",
    "email",
    "phone",
    "tel",
    "time",
    "when",
    "where",
    "wow",
    "revealed",
    "busted",
    "boom",
    "whoa",
];

/// Widget labels of live blogs and web pages that are no interview turn,
/// besides [`FURNITURE`] (`Subscribe:`, `Advertisement:`); `Poll:` or
/// `Map:` may still open a headline attribution.
const WIDGET_LABELS: &[&str] = &[
    "subscribe",
    "follow",
    "click",
    "advertisement",
    "trending",
    "sponsored",
    "ad",
    "quiz",
    "gallery",
    "graphic",
    "map",
    "chart",
    "table",
    "audio",
    "podcast",
    "newsletter",
    "sign",
    "poll",
];

/// A headline label without its addressee or venue (`Clinton to Planned
/// Parenthood`, `Mukasey at RNC`): the words before `to`, `at` or `on`
/// followed by a capitalised word of at most [`HEADLINE_LABEL_PP_WORDS`].
fn label_head(label: &str) -> &str {
    for prep in [" to ", " at ", " on "] {
        if let Some(k) = label.find(prep) {
            let pp = &label[k + prep.len()..];
            let words = pp.split_whitespace().count();
            if k > 0
                && words <= HEADLINE_LABEL_PP_WORDS
                && pp.starts_with(|c: char| c.is_uppercase())
            {
                return &label[..k];
            }
        }
    }
    label
}

/// Does `r` hold a second sentence: a period, or a period, `!` or `?`
/// before a closing quote mark (`“…ISIS.” Bush: “…”`), then a space?
fn two_sentences(r: &str) -> bool {
    let r = r.trim_end_matches(['.', '!', '?', '”', '’', '"', '\'']);
    r.contains(". ")
        || r.match_indices(['”', '"'])
            .any(|(k, q)| r[..k].ends_with(['.', '!', '?']) && r[k + q.len()..].starts_with(' '))
}

impl<'a> Finder<'a> {
    /// Interview transcripts: paragraphs of the form `Name: answer` (or
    /// `Q:`/`A:`), when at least three paragraphs with two different labels
    /// use the form and one speaker (a label's last word) has two turns.
    /// Each turn is a direct quote of its label. Returns the paragraphs of
    /// a labelled list (three or more labelled paragraphs, no speaker
    /// twice), which are no headlines either.
    pub(super) fn interview(&mut self, body: &[Span]) -> Vec<Span> {
        let text = self.text;
        let mut turns: Vec<(Span, Span)> = Vec::new();
        for &p in body {
            let Some(s) = p.slice(text) else { continue };
            // Only a colon among the first bytes can end a label.
            let head = &s.as_bytes()[..s.len().min(INTERVIEW_LABEL_MAX_BYTES)];
            let Some(colon) = head.iter().position(|&b| b == b':') else {
                continue;
            };
            if colon == 0 {
                continue;
            }
            let label = &s[..colon];
            let rest = Span::new(p.start + colon + 1, p.end).trim(text);
            let ok = label_words(label, INTERVIEW_LABEL_MAX_WORDS).is_some_and(|words| {
                !Words::builtin().is_function(&words[0].to_lowercase())
                    && speaker_label(&words, rest.slice(text).unwrap_or_default())
            });
            let starts_quote = rest
                .slice(text)
                .and_then(|r| r.chars().next())
                .is_some_and(crate::marks::is_quote_mark);
            if ok
                && !rest.is_empty()
                && !starts_quote
                && rest
                    .slice(text)
                    .is_some_and(|r| r.split_whitespace().count() >= 2)
            {
                turns.push((Span::new(p.start, p.start + label.trim_end().len()), rest));
            }
        }
        let mut labels: Vec<&str> = turns.iter().filter_map(|(l, _)| l.slice(text)).collect();
        labels.sort_unstable();
        labels.dedup();
        if turns.len() < INTERVIEW_MIN_TURNS || labels.len() < INTERVIEW_MIN_LABELS {
            return Vec::new();
        }
        // Turn-taking: someone speaks again (`JAKE TAPPER: …` then
        // `TAPPER: …`, or `Q:`/`A:`). Labels that are each used once are a
        // list (candidates and their goals, states and their panels,
        // section headings), not a conversation.
        let mut speakers: Vec<String> = labels
            .iter()
            .filter_map(|l| l.split_whitespace().last())
            .map(str::to_lowercase)
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        if speakers.len() >= turns.len() {
            return turns.iter().map(|(l, c)| l.hull(*c)).collect();
        }
        for (label, content) in turns {
            let toks = tokenize(text, label);
            if toks.is_empty() {
                continue;
            }
            let npx = np::describe(&toks, 0, toks.len() - 1, text);
            let m = Mention {
                text: cut(text, label.start, label.end),
                span: label,
                kind: npx.kind,
            };
            let colon = label.end + text.get(label.end..).and_then(|r| r.find(':')).unwrap_or(0);
            let cue = Cue {
                text: ":".into(),
                span: Span::new(colon, colon + 1),
            };
            self.cands.push(Cand {
                kind: QuoteKind::Direct,
                span: content,
                fragment: None,
                cue: Some(cue),
                mention: Some((m, npx)),
                inherit: None,
                confidence: Rule::DirectInterview.confidence(),
                reason: Rule::DirectInterview,
            });
        }
        Vec::new()
    }

    /// Headline attributions: a short one-sentence paragraph `Cruz: Trump
    /// Would Put Liberals On Court` or `Poll: Clinton leads in Ohio`
    /// reports what its label said or found. Labels that are page furniture
    /// (`Update:`, `Watch:`), paragraphs already attributed and the
    /// paragraphs of a labelled `list` (see [`Finder::interview`]) are
    /// skipped.
    pub(super) fn headline_colon(&mut self, body: &[Span], list: &[Span]) {
        let text = self.text;
        let taken = Taken::new(self.cands.iter().map(|c| c.span).collect());
        let list = Taken::new(list.to_vec());
        for &p in body {
            let Some(s) = p.slice(text) else { continue };
            if list.overlaps(p) {
                continue;
            }
            if s.len() > HEADLINE_MAX_BYTES {
                continue;
            }
            // Only a colon among the first bytes can end a label.
            let head = &s.as_bytes()[..s.len().min(HEADLINE_LABEL_MAX_BYTES)];
            let Some(colon) = head.iter().position(|&b| b == b':') else {
                continue;
            };
            if colon == 0 {
                continue;
            }
            let label = label_head(s[..colon].trim_end());
            let ok = label_words(label, HEADLINE_LABEL_MAX_WORDS).is_some_and(|words| {
                !words.iter().any(|w| {
                    let l = w.to_lowercase();
                    Words::builtin().is_function(&l) || FURNITURE.contains(&l.as_str())
                })
            }) && !label.contains(|c: char| c.is_ascii_digit());
            if !ok {
                continue;
            }
            let rest = Span::new(p.start + colon + 1, p.end).trim(text);
            let Some(r) = rest.slice(text) else { continue };
            // One sentence of at least three words.
            let inner_stop = two_sentences(r);
            let numeric = r.starts_with(|c: char| c.is_ascii_digit());
            if r.split_whitespace().count() < 3 || inner_stop || numeric {
                continue;
            }
            // `Obama: I’m Optimistic Americans Will Say No to Trump`: an
            // attribution inside the label's report is nested in it (PolNeAR
            // annotates the outer one); one that reaches outside is another.
            if taken.overlaps(rest) && !self.only_nested(rest) {
                continue;
            }
            let label_span = Span::new(p.start, p.start + label.len());
            let toks = tokenize(text, label_span);
            let Some(last) = toks.len().checked_sub(1) else {
                continue;
            };
            let npx = np::describe(&toks, 0, last, text);
            if npx.kind == MentionKind::Pronoun {
                continue;
            }
            let m = Mention {
                text: cut(text, label_span.start, label_span.end),
                span: label_span,
                kind: npx.kind,
            };
            let cue = Cue {
                text: ":".into(),
                span: Span::new(p.start + colon, p.start + colon + 1),
            };
            let content = trim_final_period(text, rest);
            let qs = self.quoted_in(content);
            let k = qs.start;
            let whole = (qs.len() == 1
                && self.quoted[k].outer().start <= content.start
                && self.quoted[k].outer().end + 2 >= content.end)
                .then(|| self.quoted[k].content);
            let (kind, fragment, span, reason) = match whole {
                Some(q) => (QuoteKind::Direct, None, q, Rule::DirectHeadline),
                None => {
                    let (kind, fragment) = self.kind_of(content, qs);
                    let reason = if kind == QuoteKind::Mixed {
                        Rule::MixedHeadline
                    } else {
                        Rule::IndirectHeadline
                    };
                    (kind, fragment, content, reason)
                }
            };
            self.cands.push(Cand {
                kind,
                span,
                fragment,
                cue: Some(cue),
                mention: Some((m, npx)),
                inherit: None,
                confidence: reason.confidence(),
                reason,
            });
        }
    }

    /// Do the candidates that overlap `span` all lie inside it (and hold
    /// no label of their own before it)?
    fn only_nested(&self, span: Span) -> bool {
        self.cands.iter().all(|c| {
            let overlaps = c.span.start < span.end && span.start < c.span.end;
            !overlaps || span.contains(c.span)
        })
    }

    /// The sentence holding `inner`, trimmed of its final period, when it
    /// holds no other candidate: neither one found before `unclaimed` ran
    /// (`taken`) nor one it added since (`first_new` onwards, in text order).
    pub(super) fn free_sentence(
        &self,
        sentences: &[Span],
        inner: Span,
        taken: &Taken,
        first_new: usize,
    ) -> Option<Span> {
        let i = sentences.partition_point(|s| s.end <= inner.start);
        let sentence = *sentences.get(i)?;
        if !sentence.contains(inner) || taken.overlaps(sentence) {
            return None;
        }
        let overlaps = |c: &Cand| c.span.start < sentence.end && sentence.start < c.span.end;
        if self.cands[first_new..].iter().rev().take(4).any(overlaps) {
            return None;
        }
        let trimmed = sentence.trim(self.text);
        Some(trim_final_period(self.text, trimmed))
    }

    /// Report quoted span `k` as a direct quote of `speaker`.
    pub(super) fn claim_direct(
        &mut self,
        k: usize,
        cue: Cue,
        speaker: (Mention, Np),
        reason: Rule,
    ) {
        self.claimed[k] = true;
        self.cands.push(Cand {
            kind: QuoteKind::Direct,
            span: self.quoted[k].content,
            fragment: None,
            cue: Some(cue),
            mention: Some(speaker),
            inherit: None,
            confidence: reason.confidence(),
            reason,
        });
    }

    /// `”— Maria Lopez, 34, a nurse in Halifax`: a dash after a quote,
    /// then a name or role that ends the paragraph or is followed by a
    /// comma or parenthesis and a short description. Returns the speaker
    /// and the dash as cue.
    pub(super) fn dash_byline(&self, from: usize, para_end: usize) -> Option<((Mention, Np), Cue)> {
        let text = self.text;
        let rest = text.get(from..para_end)?;
        if rest.len() > BYLINE_MAX_BYTES {
            return None;
        }
        let toks = tokenize(text, Span::new(from, para_end));
        let dash = toks.first()?;
        if !matches!(dash.text, "—" | "–" | "-" | "--" | "―") {
            return None;
        }
        let np = np::forward(&toks, 1, toks.len(), text)?;
        let named = matches!(np.kind, MentionKind::Name | MentionKind::Surname)
            && np.first == 1
            && toks[1].is_capitalized();
        let ends = toks
            .get(np.last + 1)
            .is_none_or(|t| matches!(t.text, "," | "(" | "."));
        named.then_some(())?;
        ends.then_some(())?;
        let mention = self.mention(&toks, &np);
        let cue = Cue {
            text: dash.text.to_string(),
            span: dash.span,
        };
        Some(((mention, np), cue))
    }

    /// `…,” Hannity pressed.` / `…?” she went on, …`: a name, pronoun or
    /// role right after a quote, followed by a past-tense verb that ends the
    /// clause. Returns the speaker and the verb as cue.
    pub(super) fn verb_after_quote(
        &self,
        from: usize,
        para_end: usize,
    ) -> Option<((Mention, Np), Cue)> {
        let text = self.text;
        let mut end = (from + 160).min(para_end);
        while end > from && !text.is_char_boundary(end) {
            end -= 1;
        }
        let toks = tokenize(text, Span::new(from, end));
        let first = usize::from(toks.first().is_some_and(|t| t.text == ","));
        let np = np::forward(
            &toks,
            first,
            toks.len().min(first + VERB_AFTER_SPEAKER_TOKENS),
            text,
        )?;
        let speaker_kind = match np.kind {
            MentionKind::Pronoun => with_lowercase(&np.name, speaker_pronoun),
            MentionKind::Name | MentionKind::Surname | MentionKind::Role => true,
            _ => false,
        };
        let verb = toks.get(np.last + 1)?;
        let v = verb.lower();
        let particle = toks.get(np.last + 2).filter(|t| {
            matches!(
                (v, t.lower()),
                ("went", "on") | ("cut", "in") | ("chimed", "in")
            )
        });
        let past = v.len() > 4 && v.ends_with("ed") || particle.is_some();
        let after = toks.get(np.last + 2 + usize::from(particle.is_some()));
        let closes = after.is_none_or(|t| {
            matches!(t.text, "." | "," | ";" | "!" | "?")
                || t.is_word
                    && with_lowercase(t.text, |l| {
                        matches!(l, "as" | "to" | "with" | "at" | "in" | "on")
                    })
        });
        if !(speaker_kind && verb.is_word && !verb.is_capitalized() && past && closes) {
            return None;
        }
        let last = particle.unwrap_or(verb);
        let span = Span::new(verb.span.start, last.span.end);
        let cue = Cue {
            text: cut(text, span.start, span.end),
            span,
        };
        Some(((self.mention(&toks, &np), np), cue))
    }

    /// `Sen. Smith: “…”`: a phrase that ends at the colon and opens the
    /// paragraph (or follows a dash or a period).
    pub(super) fn colon_label(&self, para_start: usize, colon: usize) -> Option<(Mention, Np)> {
        let text = self.text;
        let toks = tokenize(text, Span::new(para_start, colon));
        let last = toks.len().checked_sub(1)?;
        let npx = np::backward(&toks, last, 0, text)?;
        let lead_ok =
            npx.first == 0 || matches!(toks[npx.first - 1].text, "-" | "—" | "–" | "." | "|");
        (lead_ok && npx.kind != MentionKind::Pronoun).then(|| (self.mention(&toks, &npx), npx))
    }

    /// `And Mr. Christie gloated: “…”`: the subject that opens the sentence
    /// ending in the colon, when a verb follows it.
    pub(super) fn colon_sentence_subject(
        &self,
        sentences: &[Span],
        para_start: usize,
        colon: usize,
    ) -> Option<(Mention, Np)> {
        let text = self.text;
        let i = sentences.partition_point(|s| s.end <= colon);
        let start = sentences
            .get(i)
            .filter(|s| s.start <= colon)
            .map_or(para_start, |s| s.start.max(para_start));
        if colon - start > COLON_LABEL_MAX_BYTES {
            return None;
        }
        let toks = tokenize(text, Span::new(start, colon));
        let mut first = 0;
        while toks
            .get(first)
            .is_some_and(|t| matches!(t.lower(), "and" | "but" | "or" | "as" | "so" | "then" | ","))
        {
            first += 1;
        }
        // `According to HuffPo: “…”`
        if toks.get(first).is_some_and(|t| t.lower() == "according")
            && toks.get(first + 1).is_some_and(|t| t.lower() == "to")
        {
            let npx = np::forward(&toks, first + 2, toks.len(), text)?;
            return (npx.last + 1 == toks.len()).then(|| (self.mention(&toks, &npx), npx));
        }
        // `In a 1963 speech, he declared:`, `When Trump suggested …, Rubio
        // fired back:`: past an opening adjunct.
        let past_comma = || {
            let comma = toks.iter().take(30).position(|t| t.text == ",")?;
            np::forward(&toks, comma + 1, toks.len(), text)
        };
        let adjunct = toks.get(first).is_some_and(|t| {
            with_lowercase(t.text, |l| {
                opens_content_adjunct(l)
                    || matches!(l, "if" | "although" | "though" | "despite" | "following")
            })
        });
        let npx = if adjunct {
            past_comma()
        } else {
            np::forward(&toks, first, toks.len(), text).or_else(past_comma)
        }?;
        let ok_kind = match npx.kind {
            MentionKind::Pronoun => with_lowercase(&npx.name, gendered_pronoun),
            MentionKind::Name
            | MentionKind::Surname
            | MentionKind::Role
            | MentionKind::Organization => true,
            _ => false,
        };
        // A verb, or an aside before it (`The Clinton campaign, in a Q&A,
        // worded it more carefully:`).
        let verb_follows = toks.get(npx.last + 1).is_some_and(|t| {
            t.is_word && !t.is_capitalized() && !Words::builtin().is_function(t.lower())
                || matches!(t.lower(), "then" | "also" | "later" | ",")
        });
        (ok_kind && verb_follows).then(|| (self.mention(&toks, &npx), npx))
    }

    /// Attribute quoted spans that no cue claimed.
    pub(super) fn unclaimed(&mut self, body: &[Span], sentences: &[Span]) {
        let text = self.text;
        let taken = Taken::new(self.cands.iter().map(|c| c.span).collect());
        let first_new = self.cands.len();
        // Walk the existing candidates in order of their end while walking the
        // quotes, so that each quote sees only what precedes it (linear time).
        let attr_end = |c: &Cand| {
            c.cue
                .as_ref()
                .map_or(c.span.end, |cu| cu.span.end)
                .max(c.mention.as_ref().map_or(0, |m| m.0.span.end))
        };
        let mut order: Vec<usize> = (0..self.cands.len()).collect();
        order.sort_by_key(|&i| self.cands[i].span.end);
        let mut next = 0usize;
        // (span end, source start, span start) of the latest speaker-bearing quote.
        let mut source: Option<(usize, usize, usize)> = None;
        let mut source_direct = false;
        // Attribution ends of the most recent candidates.
        let mut recent_attr: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
        for k in 0..self.quoted.len() {
            if self.claimed[k] {
                continue;
            }
            let q = self.quoted[k];
            while next < order.len() && self.cands[order[next]].span.end <= q.open.start {
                let c = &self.cands[order[next]];
                // A report inside the attribution of a direct quote (`“A,”
                // Trump said, after news outlets declared him the winner.
                // “B.”`) does not take over the quote's speaker.
                let inside_attribution = c.kind == QuoteKind::Indirect
                    && source_direct
                    && source.is_some_and(|(end, _, _)| {
                        text.get(end..c.span.start).is_some_and(|gap| {
                            gap.len() < ATTRIBUTION_GAP_MAX_BYTES && !gap.contains('\n')
                        })
                    });
                if (c.mention.is_some() || c.inherit.is_some()) && !inside_attribution {
                    source = Some((c.span.end, c.inherit.unwrap_or(c.span.start), c.span.start));
                    source_direct = c.kind == QuoteKind::Direct;
                }
                recent_attr.push_back(attr_end(c));
                if recent_attr.len() > RECENT_ATTRIBUTIONS {
                    recent_attr.pop_front();
                }
                next += 1;
            }
            let content = q.content.slice(text).unwrap_or_default();
            // Only compared with 1, 4 and 8: counting stops at 8.
            let words = content.split_whitespace().take(8).count();
            let first_upper = content
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase);
            let ends_sentence = content.trim_end().ends_with(['.', '!', '?', ',', '…']);
            let para_i = body.partition_point(|p| p.end <= q.open.start);
            let para = body.get(para_i).copied().unwrap_or_default();
            let para_start = para.start;
            // `X: “…”` at the start of a paragraph or sentence, or a sentence
            // that introduces the quote with a colon (`And Mr. Christie
            // gloated: “…”`, `As Tom Ridge put it: “…”`).
            let before = text.get(para_start..q.open.start).unwrap_or_default();
            let before_trim = before.trim_end();
            // `Dr. Ward stated:` closing the paragraph before the quote's.
            let prev_para = (before_trim.is_empty() && para_i > 0)
                .then(|| body[para_i - 1])
                .and_then(|p| {
                    let t = p.slice(text)?.trim_end();
                    t.ends_with(':').then(|| (p.start, p.start + t.len() - 1))
                });
            let colon_at = if before_trim.ends_with(':') {
                Some((para_start, para_start + before_trim.len() - 1))
            } else {
                prev_para
            };
            if let Some((intro_start, colon)) = colon_at {
                let speaker = self
                    .colon_label(intro_start, colon)
                    .or_else(|| self.colon_sentence_subject(sentences, intro_start, colon));
                if let Some(speaker) = speaker {
                    let cue = Cue {
                        text: ":".into(),
                        span: Span::new(colon, colon + 1),
                    };
                    self.claim_direct(k, cue, speaker, Rule::DirectColon);
                    continue;
                }
            }
            // `“…” — Maria Lopez, 34, a nurse`: a quote that opens its
            // paragraph, signed with a dash and a name (vox-pop lists,
            // quoted tweets).
            if before_trim.is_empty() {
                // A quotation alone in its paragraph may be signed in the
                // next one (`“…”` / `- Bernie Sanders.`, fact-check lists).
                let byline = self.dash_byline(q.outer().end, para.end).or_else(|| {
                    let rest = text.get(q.outer().end..para.end)?;
                    let alone = rest
                        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','))
                        .is_empty();
                    let next = body.get(para_i + 1).filter(|_| alone)?;
                    self.dash_byline(next.start, next.end)
                });
                if let Some((speaker, cue)) = byline {
                    self.claim_direct(k, cue, speaker, Rule::DirectCueAfter);
                    source = Some((q.content.end, q.content.start, q.content.start));
                    source_direct = true;
                    continue;
                }
            }
            // Right after an attribution in the same paragraph (`“A,” he said. “B.”`).
            let adjacent = recent_attr.iter().any(|&end| {
                end <= q.open.start
                    && end >= para_start
                    && text.get(end..q.open.start).is_some_and(|gap| {
                        gap.len() < ADJACENT_GAP_MAX_BYTES
                            && gap.chars().count() < ADJACENT_GAP_MAX_CHARS
                            && !gap.contains(['“', '"'])
                    })
            });
            // A continuation opens a sentence of its own; a quoted phrase
            // inside someone else's sentence (`signed on for “The X-Files,”`)
            // is a title or a fragment.
            let opens_sentence = before_trim.is_empty()
                || before_trim
                    .ends_with(['.', '!', '?', ':', '”', '"', '\'', '’', '»', ')', '—', '–']);
            let sentence_like = words >= 4 && (first_upper || ends_sentence) || words >= 8;
            if !sentence_like && !(adjacent && words >= 1 && (first_upper || ends_sentence)) {
                continue;
            }
            // `"Met accused of whitewashing baby Jesus," http://…`: the title
            // of a linked article.
            let after = q.outer().end;
            let tail = text
                .get(after..(after + 16).min(text.len()))
                .unwrap_or_default();
            let tail = tail.trim_start_matches([' ', ',', '.', ':', '-', '—', '(']);
            if tail.starts_with("http") || tail.starts_with("www.") {
                continue;
            }
            // `—"Pop-up art show strives to …," by DNAinfo's Eddie Small:`:
            // a headline credited to its writer (a list of links).
            if tail
                .strip_prefix("by ")
                .is_some_and(|t| t.starts_with(char::is_uppercase))
            {
                continue;
            }
            // `“Would it be negotiable?” Hannity pressed.`: a speaker and a
            // verb that no lexicon knows, right after a quote that hands over
            // to its attribution.
            let hands_over = content.trim_end().ends_with([',', '?', '!']);
            if opens_sentence && hands_over {
                if let Some((speaker, cue)) = self.verb_after_quote(q.outer().end, para.end) {
                    self.claim_direct(k, cue, speaker, Rule::DirectVerbAfter);
                    source = Some((q.content.end, q.content.start, q.content.start));
                    source_direct = true;
                    continue;
                }
            }
            // Continuation of the previous speaker (within two paragraphs).
            if let Some((_, src, p_start)) = source {
                let p_para = body.partition_point(|b| b.end <= p_start);
                // A quoted phrase inside a narrative sentence is a partial
                // (mixed) quotation of the current speaker, and only near them.
                let embedded = !opens_sentence;
                if para_i <= p_para + 2 {
                    // A mixed quotation reports its sentence, when no other
                    // report shares it.
                    let span = if embedded {
                        self.free_sentence(sentences, q.outer(), &taken, first_new)
                            .unwrap_or(q.content)
                    } else {
                        q.content
                    };
                    // `who has starred in “Parks and Recreation” and …`: a
                    // short capitalised phrase in a longer sentence is a
                    // title, no one's words.
                    let longer = span
                        .slice(text)
                        .is_some_and(|s| s.split_whitespace().count() > words + 2);
                    if embedded
                        && words <= EMBEDDED_TITLE_MAX_WORDS
                        && longer
                        && title_words(content)
                    {
                        continue;
                    }
                    self.claimed[k] = true;
                    let rule = if embedded {
                        Rule::MixedContinuation
                    } else {
                        Rule::DirectContinuation
                    };
                    self.cands.push(Cand {
                        kind: if embedded {
                            QuoteKind::Mixed
                        } else {
                            QuoteKind::Direct
                        },
                        span,
                        fragment: embedded.then_some(q.content),
                        cue: None,
                        mention: None,
                        inherit: Some(src),
                        confidence: rule.confidence(),
                        reason: rule,
                    });
                    source = Some((q.content.end, src, q.content.start));
                }
            }
        }
    }
}

/// Are the words of `content` of four letters or more all capitalised
/// (`Meet the Press`, `Make America Great Again`)?
fn title_words(content: &str) -> bool {
    content
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’' && c != '-')
        .filter(|w| w.chars().count() > 3)
        .all(|w| w.starts_with(char::is_uppercase))
}

/// Can `words` (a capitalised label of at most three words, before a
/// colon) name the speaker of an interview turn `turn`? A name, a role or
/// `Q`/`A` can; page furniture and widget labels (`WATCH:`, `READ MORE:`,
/// `Subscribe:`) cannot, nor an all-capitals code before figures (`USD:
/// 1.0823 -0.2%`, a currency table), nor a label before a turn that is
/// mostly figures.
fn speaker_label(words: &[&str], turn: &str) -> bool {
    let first = words[0].trim_matches(|c: char| !c.is_alphanumeric());
    if matches!(first, "Q" | "A") && words.len() == 1 {
        return true;
    }
    let lower = first.to_lowercase();
    if FURNITURE.contains(&lower.as_str()) || WIDGET_LABELS.contains(&lower.as_str()) {
        return false;
    }
    // Most of a turn's words are words, not figures.
    let (mut n, mut wordy) = (0usize, 0usize);
    for w in turn.split_whitespace().take(12) {
        n += 1;
        wordy += usize::from(w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    }
    if wordy * 2 < n {
        return false;
    }
    // An all-capitals code of three letters or fewer (`USD`, `CAD`, `GDP`)
    // is no name.
    let caps = words.len() == 1 && first.chars().all(|c| c.is_ascii_uppercase());
    !(caps && first.len() <= 3)
}

#[cfg(test)]
mod tests {
    use super::{label_head, two_sentences};
    use crate::engine::rules::tests::reports;

    #[test]
    fn a_short_title_inside_narration_is_no_partial_quote() {
        let text = "“We will win this race,” Smith said.\n\nSmith, who has starred in “Parks and Recreation” and other shows, posted the clip on Thursday.";
        let r = reports(text);
        assert!(r.iter().all(|r| r.0 != "mixed:continuation"), "{r:?}");
        // A partial quotation in lower case still continues the speaker.
        let text = "“We will win this race,” Smith said.\n\nSmith drove home with “a total sense of relief after a long and very hard year” on Monday.";
        let r = reports(text);
        assert!(r.iter().any(|r| r.0 == "mixed:continuation"), "{r:?}");
    }

    #[test]
    fn a_quotation_signed_in_the_next_paragraph() {
        let text = "The senator spoke on Monday.\n\n\"Americans are worried about the future of their kids.\"\n\n- Bernie Sanders.\n\nThe figure is old.";
        let r = reports(text);
        assert_eq!(
            r,
            [(
                "direct:cue-after",
                "Americans are worried about the future of their kids.",
                "Bernie Sanders"
            )]
        );
        // Not when the quotation shares its paragraph with narration.
        let text = "The senator spoke on Monday.\n\n\"Americans are worried about the future of their kids,\" the report began with some flourish.\n\n- Bernie Sanders.";
        assert!(
            reports(text).iter().all(|r| r.2 != "Bernie Sanders"),
            "{:?}",
            reports(text)
        );
    }

    #[test]
    fn a_headline_credited_to_its_writer_is_no_quote() {
        let text = "Smith spoke at the rally. “We will win,” he said.\n\nNOW OPEN—\"Pop-up art show strives to confront gentrification,\" by DNAinfo's Eddie Small: the show opens today.";
        let r = reports(text);
        assert!(r.iter().all(|q| !q.1.contains("Pop-up")), "{r:?}");
        // A quote continued after an attribution is still one.
        let text =
            "“We will win,” Smith said.\n\n\"The other side has no plan and everyone knows it.\"";
        let r = reports(text);
        assert!(r.iter().any(|q| q.1.starts_with("The other side")), "{r:?}");
    }

    #[test]
    fn a_headline_label_reports_a_title_with_an_attribution_inside() {
        let text = "Obama: Americans Will Say No to Trump.\n\nThe president spoke on Monday.";
        let r = reports(text);
        assert_eq!(
            r,
            [(
                "indirect:headline",
                "Americans Will Say No to Trump",
                "Obama"
            )]
        );
        // A kicker is no speaker.
        let r = reports("Wow: Americans Will Say No to Trump.\n\nThe president spoke.");
        assert!(r.iter().all(|q| q.0 != "indirect:headline"), "{r:?}");
    }

    #[test]
    fn headline_label_heads_and_sentences() {
        assert_eq!(label_head("Mukasey at RNC"), "Mukasey");
        assert_eq!(label_head("Clinton to Planned Parenthood"), "Clinton");
        assert_eq!(label_head("Return to sender"), "Return to sender");
        assert!(two_sentences("“We won.” Bush: “They lost.”"));
        assert!(!two_sentences("“We won,” he says."));
    }
}
