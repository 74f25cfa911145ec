//! The attribution pipeline: segment, find boilerplate, pair quote marks,
//! find cues and their speakers, decide each quote's kind and span, and
//! resolve speakers.
//!
//! Work is done per *unit*: a sentence, or several sentences joined when a
//! closed quote runs across them, so that `X said: “A. B. C.”` is one unit.
//! For every cue in a unit the engine looks for the speaker before the cue
//! (`Trudeau added …`), after it (`…, said Trudeau.`), or in `according to X`,
//! and for the content after the cue (`said that …`) or before it (`…, he
//! said.`). Content that is a quoted span is a direct quote; content that
//! contains a quoted fragment is mixed; otherwise it is indirect. Quoted
//! spans that no cue claims are attributed by `X: “…”`, or as the
//! continuation of the previous speaker when they read as whole sentences;
//! short unattributed quoted phrases (titles, scare quotes) are not quotes.
//!
//! This module holds the pipeline, cue detection and the attribution of one
//! cue; its submodules hold the rest: `subject` (who speaks), `content`
//! (where a report starts and stops), `unclaimed` (quote marks no cue
//! claimed) and `grammar` (the word classes and token patterns they share).

use crate::boilerplate;
use crate::cue::{tokenize_cues_into, CueClass, CueEntry, LemmaTraits, Lexicon};
use crate::document::{Analysis, Document};
use crate::marks::{find_quoted, Quoted};
use crate::quote::{Cue, Quote, QuoteKind};
use crate::segment;
use crate::span::Span;
use crate::speaker::{Mention, MentionKind};
use crate::token::{tokenize, tokenize_folded_into, Token};
use crate::words::{WordSet, Words};

mod assess;
pub use assess::{confidence_features, feature_names};
mod content;
mod grammar;
mod np;
mod resolve;
mod subject;
mod unclaimed;

use np::Np;

use grammar::*;
use subject::fallback_subject;

/// Analyse one document.
pub fn analyze(doc: &Document) -> Analysis {
    let text = doc.text.as_str();
    let paragraphs = segment::paragraphs(text);
    let boilerplate = boilerplate::detect(text, &paragraphs);
    let body: Vec<Span> = paragraphs
        .iter()
        .copied()
        .filter(|p| boilerplate.binary_search(p).is_err())
        .collect();
    let sentences = segment::sentences_in(text, &body);
    let quoted = find_quoted(text, &body);
    let units = units(text, &sentences, &quoted);
    // Plain words take their lower case from here (same byte offsets).
    let folded = text.to_ascii_lowercase();
    let mut finder = Finder {
        text,
        folded: &folded,
        quoted: &quoted,
        claimed: vec![false; quoted.len()],
        cands: Vec::new(),
        headline: std::cell::Cell::new(None),
        subject_units: Vec::new(),
        subject_memo: std::cell::RefCell::new(Vec::new()),
        toks: Vec::new(),
        cue_starts: Vec::new(),
        quote_cursor: std::cell::Cell::new(0),
        subject_toks: std::cell::RefCell::new(Vec::new()),
        cue_buf: Vec::new(),
        semicolons: (Vec::new(), Vec::new(), usize::MAX),
    };
    for &u in &units {
        finder.unit(u);
    }
    finder.unclaimed(&body, &sentences);
    finder.interview(&body);
    finder.headline_colon(&body);
    let mut cands = std::mem::take(&mut finder.cands);
    cands.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let cands = drop_overlaps(cands);
    let persons = finder.persons_for_pronouns(&cands);
    let (mut quotes, speakers) = resolve::resolve(text, cands, &persons);
    join_interrupted(&body, &mut quotes);
    assess::assess(&mut quotes, &sentences, text.len());
    Analysis {
        paragraphs,
        sentences,
        boilerplate,
        quotes,
        speakers,
    }
}

/// Join a quotation interrupted by its own attribution into one quote:
/// `“A,” said Jack Mozloom, a spokesman for the federation. “B.”` is one
/// quotation whose second piece has no cue of its own. The joined quote
/// spans both pieces (attribution included, as PolNeAR annotates it) and
/// lists them in [`Quote::parts`]. Only a direct continuation of the same
/// speaker in the same paragraph, right after the previous quote, is joined;
/// a piece with its own cue (`But he added, “B.”`) stays a quote of its own.
fn join_interrupted(body: &[Span], quotes: &mut Vec<Quote>) {
    let para_of = |pos: usize| body.partition_point(|p| p.end <= pos);
    // In place: `quotes[..kept]` are the quotes kept so far.
    let mut kept = 0;
    for i in 0..quotes.len() {
        if kept > 0 {
            let (prev, q) = (&quotes[kept - 1], &quotes[i]);
            let joins = q.kind == QuoteKind::Direct
                && prev.kind == QuoteKind::Direct
                && q.cue.is_none()
                && q.reason == "direct:continuation"
                && q.speaker == prev.speaker
                && q.mention.is_some()
                && q.mention.as_ref().map(|m| m.span) == prev.mention.as_ref().map(|m| m.span)
                && prev.span.end <= q.span.start
                && para_of(prev.span.start) == para_of(q.span.start);
            if joins {
                let piece = q.span;
                let prev = &mut quotes[kept - 1];
                if prev.parts.is_empty() {
                    prev.parts.push(prev.span);
                }
                prev.parts.push(piece);
                prev.span = prev.span.hull(piece);
                continue;
            }
        }
        // (A swap with itself would still copy the quote three times.)
        if kept != i {
            quotes.swap(kept, i);
        }
        kept += 1;
    }
    quotes.truncate(kept);
}

/// The text between two byte offsets, or empty when they are not a valid range.
fn cut(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or_default().to_string()
}

/// Spans sorted by start with a running maximum of their ends, for
/// overlap queries in logarithmic time.
#[derive(Debug, Clone)]
struct Taken {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl Taken {
    fn new(mut spans: Vec<Span>) -> Taken {
        spans.sort_unstable_by_key(|s| s.start);
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        Taken { spans, max_end }
    }

    /// Does any span overlap `q`?
    fn overlaps(&self, q: Span) -> bool {
        let i = self.spans.partition_point(|s| s.start < q.start);
        let before = i > 0 && self.max_end[i - 1] > q.start;
        let inside = self.spans.get(i).is_some_and(|s| s.start < q.end);
        before || inside
    }
}

/// A quote before speaker resolution.
pub(crate) struct Cand {
    pub kind: QuoteKind,
    pub span: Span,
    pub fragment: Option<Span>,
    pub cue: Option<Cue>,
    pub mention: Option<(Mention, Np)>,
    /// For quotes without their own mention: the start of the quote whose
    /// speaker they continue.
    pub inherit: Option<usize>,
    pub confidence: f32,
    pub reason: &'static str,
}

fn units(text: &str, sentences: &[Span], quoted: &[Quoted]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(sentences.len());
    let mut qi = 0;
    for &s in sentences {
        if let Some(last) = out.last_mut() {
            let b = last.end;
            while qi < quoted.len() && quoted[qi].outer().end <= b {
                qi += 1;
            }
            let inside = quoted[qi..]
                .iter()
                .take_while(|q| q.open.start < b)
                .any(|q| {
                    q.close.is_some()
                        && !q.multi_paragraph
                        && q.outer().end > b
                        && q.outer().end <= s.end.max(q.outer().end)
                        && s.start < q.outer().end
                });
            // `“Is that realistic?” Rubio asked.`: a question or exclamation
            // closing a quote, then a short attribution sentence.
            let same_paragraph = text
                .get(last.end..s.start)
                .is_some_and(|gap| !gap.contains('\n'));
            let attribution_follows =
                same_paragraph && sentence_ends_in_quote(text, *last) && short_attribution(text, s);
            if inside || attribution_follows {
                last.end = s.end;
                continue;
            }
        }
        out.push(s);
    }
    out
}

fn drop_overlaps(cands: Vec<Cand>) -> Vec<Cand> {
    // Identical spans or partial overlaps: keep the more confident. A quote
    // nested inside another one is part of its content (`said that Lavrov
    // and Kerry will discuss …`): keep the outer quote.
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    'outer: for c in cands {
        for k in kept.iter_mut().rev().take(8) {
            if k.span.overlap(c.span) == 0 {
                continue;
            }
            let nested = k.span.contains(c.span) && k.span != c.span;
            if !nested && c.confidence > k.confidence {
                *k = c;
            }
            continue 'outer;
        }
        kept.push(c);
    }
    kept
}

struct Finder<'a> {
    text: &'a str,
    /// `text.to_ascii_lowercase()`, for [`tokenize_folded_into`].
    folded: &'a str,
    quoted: &'a [Quoted],
    claimed: Vec<bool>,
    cands: Vec<Cand>,
    /// Whether the unit being read is a title-case headline, once asked.
    headline: std::cell::Cell<Option<bool>>,
    /// Sentences that open with a capital letter, in text order.
    subject_units: Vec<Span>,
    /// Subjects found for the cues of the current unit.
    subject_memo: std::cell::RefCell<Vec<(usize, Option<Np>)>>,
    /// Token buffer reused by [`Finder::unit`].
    toks: Vec<Token<'a>>,
    /// The indices of the tokens of `toks` that may start a cue.
    cue_starts: Vec<u32>,
    /// Last answer of [`Finder::first_quote_ending_after`].
    quote_cursor: std::cell::Cell<usize>,
    /// Token buffer reused by [`Finder::sentence_subject`].
    subject_toks: std::cell::RefCell<Vec<Token<'a>>>,
    /// Cue buffer reused by [`Finder::unit_tokens`].
    cue_buf: Vec<CueHit<'static>>,
    /// The `;` tokens of the current unit and those followed by `and`/`or`
    /// (token indices, ascending), so that [`Finder::content_stop`] finds
    /// the next semicolon by binary search instead of a scan to the end of
    /// the sentence for every cue; the last field is the number of tokens
    /// they were computed for.
    semicolons: (Vec<u32>, Vec<u32>, usize),
}

struct CueHit<'e> {
    at: usize,
    len: usize,
    entry: &'e CueEntry,
}

impl<'a> Finder<'a> {
    /// True when `span` lies inside a closed quote (an unclosed quote is too
    /// uncertain to hide the attributions after it).
    fn in_quote(&self, span: Span) -> bool {
        let i = self.first_quote_ending_after(span.start);
        self.quoted.get(i).is_some_and(|q| {
            q.close.is_some() && q.outer().start <= span.start && span.end <= q.outer().end
        })
    }

    /// `self.quoted.partition_point(|q| q.outer().end <= pos)`, walking on
    /// from the previous answer: the rules mostly ask in text order.
    fn first_quote_ending_after(&self, pos: usize) -> usize {
        let quoted = self.quoted;
        let ends_by = |k: usize| quoted[k].outer().end <= pos;
        let mut c = self.quote_cursor.get().min(quoted.len());
        if c > 0 && !ends_by(c - 1) {
            c = quoted.partition_point(|q| q.outer().end <= pos);
        } else {
            let mut steps = 0;
            while c < quoted.len() && ends_by(c) {
                c += 1;
                steps += 1;
                if steps == 8 {
                    c += quoted[c..].partition_point(|q| q.outer().end <= pos);
                    break;
                }
            }
        }
        self.quote_cursor.set(c);
        c
    }

    /// True when `mark` is the closing mark of a quoted span.
    fn closes_quote(&self, mark: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.outer().end < mark.end);
        self.quoted
            .get(i)
            .is_some_and(|q| q.close.is_some_and(|c| c.contains(mark)))
    }

    /// Is `mark` the opening mark of a quoted span?
    fn opens_quote(&self, mark: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.open.end < mark.end);
        self.quoted.get(i).is_some_and(|q| q.open.contains(mark))
    }

    /// Quoted spans overlapping `span`, by index (at most 64): they are
    /// consecutive, so a range.
    fn quoted_in(&self, span: Span) -> std::ops::Range<usize> {
        let i = self.first_quote_ending_after(span.start);
        let mut j = i;
        while j < self.quoted.len() && j - i < 64 && self.quoted[j].outer().start < span.end {
            j += 1;
        }
        i..j
    }

    /// The cues of the unit, read at the tokens that may start one
    /// (`starts`, in order: no other word may), into `out` (cleared first).
    /// A cue's other words start no cue.
    fn cues(&self, toks: &[Token<'a>], starts: &[u32], out: &mut Vec<CueHit<'static>>) {
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

    fn cue_at(
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
                quote_type: crate::QuoteType::Speech,
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
    fn headline(&self, toks: &[Token<'a>]) -> bool {
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
    fn title_case(&self, toks: &[Token<'a>]) -> bool {
        let (mut words, mut caps) = (0usize, 0usize);
        for t in toks.iter().filter(|t| t.is_word && t.text.len() > 3) {
            words += 1;
            caps += usize::from(t.is_capitalized());
        }
        words >= 4 && caps * 10 >= words * 8
    }

    fn unit(&mut self, unit: Span) {
        let text = self.text;
        let Some(raw) = unit.slice(text) else { return };
        let lex = Lexicon::builtin();
        if raw.starts_with(char::is_uppercase) {
            self.subject_units.push(unit);
        }
        // The token buffers are reused from unit to unit.
        let mut toks = std::mem::take(&mut self.toks);
        let mut starts = std::mem::take(&mut self.cue_starts);
        // Most sentences report nothing: go on only when a word may start a
        // cue, at such words (each word is asked once, by the tokenizer).
        tokenize_cues_into(text, Some(self.folded), unit, &mut toks, lex, &mut starts);
        if !starts.is_empty() {
            self.unit_tokens(unit, &toks, &starts);
        }
        self.toks = toks;
        self.cue_starts = starts;
    }

    fn unit_tokens(&mut self, unit: Span, toks: &[Token<'a>], starts: &[u32]) {
        if toks.is_empty() {
            return;
        }
        self.headline.set(None);
        self.subject_memo.borrow_mut().clear();
        let (semis, lists, len) = &mut self.semicolons;
        semis.clear();
        lists.clear();
        *len = toks.len();
        for (i, _) in toks.iter().enumerate().filter(|(_, t)| t.text == ";") {
            semis.push(i as u32);
            if toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower(), "and" | "or"))
            {
                lists.push(i as u32);
            }
        }
        let mut cues = std::mem::take(&mut self.cue_buf);
        self.cues(toks, starts, &mut cues);
        let mut prev_subject: Option<(Mention, Np)> = None;
        for hit in &cues {
            if hit.entry.class == CueClass::Hedge {
                self.hedge(toks, hit, &cues);
                continue;
            }
            if hit.entry.traits.has(LemmaTraits::NOMINAL) {
                match self.nominal(toks, hit, &cues) {
                    // `Trump claims that …`: after a subject, the verb.
                    Some(verb) => {
                        if let Some(s) =
                            self.attribute(unit, toks, &verb, &cues, prev_subject.as_ref())
                        {
                            prev_subject = Some(s);
                        }
                    }
                    None => continue,
                }
                continue;
            }
            if let Some(s) = self.attribute(unit, toks, hit, &cues, prev_subject.as_ref()) {
                prev_subject = Some(s);
            }
        }
        self.cue_buf = cues;
    }

    /// The writer's hedge (`The donors appear to have ties …`, `which
    /// appeared likely to settle little`, `who is expected to deliver …`):
    /// the clause from its subject to the end of the report, reported
    /// without a speaker. Not a hedge: `appeared before the committee`,
    /// `He expected to win` (active: no form of `be`).
    fn hedge(&mut self, toks: &[Token<'a>], hit: &CueHit<'static>, cues: &[CueHit<'static>]) {
        let after = hit.at + hit.len;
        // `He just can't seem to convince the voters`: an idiom, no hedge.
        if hit.at > 0
            && (toks[..hit.at].iter().rev().take(3))
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
            if matches!(
                l,
                "who" | "which" | "he" | "she" | "they" | "it" | "we" | "i" | "you"
            ) {
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
            if verb_end - k > 20 {
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
        self.emit(content, cue, None, hit.entry, "hedge", None);
    }

    /// A reporting noun before `that` (`the claim that …`, `Trump’s
    /// accusation that …`, `amid reports that …`): the clause is reported,
    /// with a capitalised possessor as the speaker. When the word follows a
    /// subject it is a verb (`Trump claims that …`), returned as a one-word
    /// cue hit for [`Finder::attribute`].
    fn nominal(
        &mut self,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cues: &[CueHit<'static>],
    ) -> Option<CueHit<'static>> {
        let noun = &toks[hit.at];
        let prev = hit.at.checked_sub(1).map(|p| &toks[p]);
        let is_possessive = |p: &Token<'_>| {
            p.is_capitalized() && (p.text.ends_with("'s") || p.text.ends_with("’s"))
        };
        // The possessor, before at most two adjectives (`Trump’s false claims`).
        let owner = (hit.at.saturating_sub(3)..hit.at).rev().find(|&k| {
            is_possessive(&toks[k])
                && toks[k + 1..hit.at].iter().all(|a| {
                    a.is_word && !a.is_capitalized() && !Words::builtin().is_function(a.lower())
                })
        });
        let possessive = owner.is_some() && owner == hit.at.checked_sub(1);
        let noun_position = prev.is_none_or(|p| {
            let l = p.lower();
            possessive
                || !p.is_word
                || DETERMINER_WORDS.contains(&l)
                || matches!(
                    l,
                    "this"
                        | "these"
                        | "those"
                        | "our"
                        | "my"
                        | "your"
                        | "any"
                        | "no"
                        | "such"
                        | "of"
                        | "about"
                        | "amid"
                        | "despite"
                        | "over"
                        | "with"
                        | "to"
                        | "for"
                        | "against"
                        | "on"
                        | "by"
                        | "from"
                        | "in"
                        | "and"
                        | "or"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "been"
                        | "be"
                        | "has"
                        | "have"
                        | "had"
                        | "there"
                )
                // an adjective: `false claims that`, `growing concerns that`
                || !p.is_capitalized()
                    && !Words::builtin().is_function(l)
                    && !skips_before_cue(p)
                    && Lexicon::builtin().token_entry(p).is_none()
                    && !matches!(l, "who" | "which" | "he" | "she" | "they" | "it" | "we" | "i" | "you")
        });
        if !noun_position {
            let entry = Lexicon::builtin().token_entry(noun)?;
            return Some(CueHit {
                at: hit.at,
                len: 1,
                entry,
            });
        }
        let start = hit.at + hit.len;
        let stop = self.content_stop(toks, start, cues);
        if stop < start + 3 {
            return None;
        }
        let subj = owner.map(|k| {
            let np = np::describe(toks, k, k, self.text);
            (self.mention(toks, &np), np)
        });
        let content = Span::new(toks[start].span.start, toks[stop - 1].span.end);
        let cue = Span::new(noun.span.start, noun.span.end);
        self.emit(content, cue, subj.as_ref(), hit.entry, "nominal", None);
        None
    }

    /// The cue written at `span`.
    fn cue_of(&self, span: Span) -> Cue {
        Cue {
            text: cut(self.text, span.start, span.end),
            span,
        }
    }

    fn attribute(
        &mut self,
        unit: Span,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cues: &[CueHit<'static>],
        prev_subject: Option<&(Mention, Np)>,
    ) -> Option<(Mention, Np)> {
        let text = self.text;
        let cue_span = Span::new(toks[hit.at].span.start, toks[hit.at + hit.len - 1].span.end);
        // The cue's text is copied only for a quote that keeps it.
        let cue = cue_span;
        let after_cue = hit.at + hit.len;
        let class = hit.entry.class;

        if class == CueClass::According {
            // The source runs from `to` to the next comma (or the end).
            let src_end = (after_cue..toks.len())
                .find(|&k| {
                    matches!(toks[k].text, "," | ";" | ":" | "." | "—" | "–" | "-")
                        || toks[k].is_quote_mark()
                })
                .unwrap_or(toks.len());
            let mut src_last = src_end;
            while src_last > after_cue && !toks[src_last - 1].is_word {
                src_last -= 1;
            }
            if src_last <= after_cue || src_last - after_cue > 30 {
                return None;
            }
            let np = np::forward(toks, after_cue, src_last, text)
                .map(|mut n| {
                    n.last = src_last - 1;
                    n
                })
                .unwrap_or_else(|| np::describe(toks, after_cue, src_last - 1, text));
            // `According to the city’s engineer, Dr. Lena Park, …`: an
            // appositive name after the role is part of the source.
            let (mut np, mut src_end) =
                match toks.get(src_end).filter(|t| t.text == ",").and_then(|_| {
                    let name = np::forward(toks, src_end + 1, toks.len(), text)?;
                    let closes = toks.get(name.last + 1).is_some_and(|t| t.text == ",");
                    (closes && matches!(name.kind, MentionKind::Name)).then_some(name)
                }) {
                    Some(mut name) => {
                        let end = name.last + 1;
                        name.role =
                            Some(cut(text, toks[np.first].span.start, toks[np.last].span.end));
                        name.first = np.first;
                        (name, end)
                    }
                    None => (np, src_end),
                };
            // `…, according to an analysis by Crowdpac, a political
            // crowdfunding website.`: an appositive or relative clause after
            // the source belongs to it, and no report follows.
            let before_comma = hit.at > 0 && toks[hit.at - 1].text == ",";
            if before_comma
                && toks.get(src_end).is_some_and(|t| t.text == ",")
                && toks
                    .get(src_end + 1)
                    .is_some_and(|t| matches!(t.lower(), "a" | "an" | "which" | "who" | "whose"))
            {
                let end = (src_end + 1..toks.len())
                    .find(|&k| matches!(toks[k].text, "," | ";" | "." | ":"))
                    .unwrap_or(toks.len());
                if end == toks.len() || toks[end].text == "." {
                    let mut last = end;
                    while last > src_end + 1 && !toks[last - 1].is_word {
                        last -= 1;
                    }
                    np.last = last - 1;
                    src_end = toks.len();
                }
            }
            let m = self.mention(toks, &np);
            let after_comma = toks.get(src_end).is_some_and(|t| t.text == ",");
            let lead = toks[..hit.at].iter().filter(|t| t.is_word).take(4).count();
            let content = if before_comma && after_comma {
                // `Since November, according to HRW, forces have killed …`:
                // the report surrounds its attribution.
                Span::new(unit.start, unit.end)
            } else if before_comma {
                // `…, according to X.`
                Span::new(unit.start, toks[hit.at - 1].span.start)
            } else if after_comma && lead <= 2 {
                // `(But) according to X, …`
                Span::new(
                    toks.get(src_end + 1).map_or(unit.end, |t| t.span.start),
                    unit.end,
                )
            } else if (src_end >= toks.len() - 1 || after_comma) && lead > 3 {
                // `… is ahead 46 to 39 according to a CBS poll.`, `… leads by
                // 271 delegates according to a count by the AP, but …`
                Span::new(unit.start, toks[hit.at].span.start)
            } else {
                return None;
            };
            let subj = (m, np);
            self.emit(content, cue, Some(&subj), hit.entry, "according-to", None);
            return Some(subj);
        }

        // `Asked about …, X said`, `When asked whether …`, `she was asked
        // if …`: the question is reported, without a speaker; it starts at
        // `about`, `whether` or `if` when one follows (after `by Ingraham
        // on Thursday`).
        let passive_ask = toks[hit.at].lower() == "asked"
            && (hit.at == 0
                || matches!(
                    toks[hit.at - 1].lower(),
                    "when" | "was" | "were" | "is" | "been" | "being"
                ));
        if passive_ask {
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
                    confidence: 0.5,
                    reason: "indirect:asked",
                });
            }
            return None;
        }

        // `The plan will fail, said Smith, an economist.`: a speech cue right
        // after a comma, followed by a subject that closes the unit, is
        // inverted; what precedes the comma is not its subject.
        if class == CueClass::Speech
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
        {
            return self.inverted(unit, toks, hit, cue);
        }
        // Subject before the cue.
        let mut subject = self
            .subject_taken(toks, hit.at)
            .map(|np| (self.mention(toks, &np), np));
        let mut reason = "subject-cue";
        if subject.is_none() && hit.entry.gerund {
            let prev = hit.at.checked_sub(1).map(|p| toks[p].lower());
            // `… of “New York values,” saying …`: the comma sits inside the quote.
            let comma_in_quote = hit.at >= 2
                && self.closes_quote(toks[hit.at - 1].span)
                && toks[hit.at - 2].text == ",";
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
                let comma = (from + 1..toks.len().min(after_cue + 40))
                    .find(|&k| toks[k].text == "," && !self.in_quote(toks[k].span))?;
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
                    self.emit(content, cue, subj.as_ref(), hit.entry, "gerund", None);
                }
                return subj;
            }
            if progressive {
                // `he’s hoping …`, `they’re saying …`: a progressive with a
                // contracted pronoun subject.
                let np = np::describe(toks, hit.at - 1, hit.at - 1, self.text);
                subject = Some((self.mention(toks, &np), np));
            } else if prev == Some(",") || comma_in_quote {
                subject = prev_subject
                    .cloned()
                    .or_else(|| self.unit_subject(toks, hit.at));
                reason = "gerund";
            } else if matches!(prev, Some("by" | "after" | "while" | "before" | "when"))
                && !hit.entry.traits.has(LemmaTraits::POST)
            {
                // `Trump landed in hot water by saying that …`: the sentence's
                // subject is the speaker.
                subject = self
                    .unit_subject(toks, hit.at)
                    .filter(|(_, np)| np.first == 0);
                reason = "gerund";
            } else {
                return None;
            }
        }
        // `… and then tweeted`, `… but has argued`, `… and on Monday announced`
        let mut conj = hit.at;
        while conj > 0 && skips_before_cue(&toks[conj - 1]) {
            conj -= 1;
        }
        if let Some(k) = time_adjunct_before(&toks[..conj]).filter(|&k| k > 0) {
            if matches!(toks[k - 1].lower(), "and" | "but") {
                conj = k;
            }
        }
        if subject.is_none() && conj > 0 && matches!(toks[conj - 1].lower(), "and" | "but") {
            // The subject of the previous cue, or else the sentence's own
            // (`She paid it down, but said she …`).
            subject = prev_subject.cloned().or_else(|| {
                // (After an opening adjunct: `During the 2012 election, Mitt
                // Romney ran on … and accused Obama of …`.)
                let first = opening_adjunct_end(toks).map_or_else(
                    || toks.iter().position(|t| t.is_word).unwrap_or(0),
                    |c| c + 1,
                );
                np::forward(toks, first, conj - 1, self.text)
                    .map(|np| (self.mention(toks, &np), np))
                    .filter(|(_, np)| {
                        np.first == first
                            && (np.kind != MentionKind::Pronoun
                                || matches!(toks[first].lower(), "he" | "she" | "they"))
                    })
            });
            reason = "coordinated";
        }
        // Only for a cue that reads as a verb (a base form only
        // after a plural: `Election scholars caution …`, but `the last
        // fundraising report, …` is a noun); a comma after it is no report
        // (`All told, …`).
        if subject.is_none()
            && matches!(
                class,
                CueClass::Speech
                    | CueClass::Belief
                    | CueClass::Object
                    | CueClass::About
                    | CueClass::Evidence
            )
            && !hit.entry.gerund
            && !hit.entry.traits.has(LemmaTraits::STATE)
            && toks.get(after_cue).is_some_and(|t| t.text != ",")
        {
            if let Some(np) = fallback_subject(toks, hit.at, self.text)
                .filter(|np| !hit.entry.base || plural_head(&toks[np.first..=np.last]))
            {
                subject = Some((self.mention(toks, &np), np));
                reason = "fallback";
            } else if hit.at > 0 && matches!(toks[hit.at - 1].text, "," | ")" | "-" | "—" | "–")
            {
                // `State Rep. Wendy Nanney (R), a leader of …, suggested
                // that …`: the sentence's subject, after an aside.
                subject = self
                    .unit_subject(toks, hit.at)
                    .filter(|(_, np)| np.first == 0);
                if subject.is_some() {
                    reason = "fallback";
                }
            }
        }
        if let Some(subj) = subject.as_ref() {
            if reason != "fallback" && self.base_form_noun(toks, hit, &subj.1) {
                return None;
            }
        }
        if let Some(subj) = subject {
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
                t.is_quote_mark()
                    || t.text == ":"
                    || matches!(
                        t.lower(),
                        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "that"
                    )
            });
            if relative_object && !quoted_content && start.is_some_and(|s| s < stop) {
                start = Some(subj.1.first - 1);
            }
            // `Roffman, who estimates that his costs were “in the seven
            // figures,” described …`: a relative clause's report ends at its
            // first comma.
            if with_lowercase(&subj.0.text, |l| l == "who") {
                if let Some(s) = start {
                    let cut = (s + 1..stop).find_map(|k| {
                        let t = &toks[k];
                        let verb_next = toks.get(k + 1).is_some_and(|n| {
                            n.is_word && Lexicon::builtin().token_entry(n).is_some()
                        });
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
            let parenthetical = reason == "subject-cue"
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
                emitted = self.emit(content, cue, Some(&subj), hit.entry, reason, None);
                if emitted {
                    return Some(subj);
                }
            }
            if let Some(start) = start {
                let end_tok = stop;
                if start < end_tok {
                    let content = Span::new(toks[start].span.start, toks[end_tok - 1].span.end);
                    if hit.entry.traits.has(LemmaTraits::ADD)
                        && toks[start].text.starts_with(|c: char| c.is_ascii_digit())
                    {
                        return Some(subj);
                    }
                    // `adds a critical voice to the record`, `has maintained
                    // her status`: these report only a clause or a quote.
                    if hit.entry.traits.has(LemmaTraits::NEEDS_CLAUSE)
                        && !finite_clause(toks, start)
                        && !toks[start].is_quote_mark()
                    {
                        return Some(subj);
                    }
                    // (`They want to compromise`: an intention's infinitive.)
                    let infinitive = toks[start].lower() == "to"
                        && hit.entry.traits.has(LemmaTraits::INFINITIVE);
                    if class == CueClass::Belief && !infinitive && !self.clause_like(toks, start)
                        || reason == "fallback" && !self.fallback_content(toks, hit, start)
                    {
                        return Some(subj);
                    }
                    emitted = self.emit(content, cue, Some(&subj), hit.entry, reason, None);
                }
            }
            // `“…,” he said` / `“…,” he said, “…”`: content before the subject.
            // A relative clause (`…,” said Harvey, who acknowledged …`)
            // reports nothing that comes before its antecedent.
            let subj_first = subj.1.first;
            let relative = matches!(toks[subj_first].lower(), "who" | "which" | "that");
            if subj_first > 0 && reason == "subject-cue" && !relative {
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
                if comma_quote
                    && object_ok
                    && (!emitted || before.iter().rev().take(64).any(|t| t.is_quote_mark()))
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
            return Some(subj);
        }

        // Inverted after a quote: `“…,” said Smith.`
        if hit.at > 0
            && self.closes_quote(toks[hit.at - 1].span)
            && matches!(class, CueClass::Speech)
        {
            return self.inverted(unit, toks, hit, cue);
        }
        None
    }

    /// A base-form cue (`note`, `charge`, `say`, `support`) after a singular
    /// subject is a noun (`the Treasury note`, `the congestion charge`,
    /// `Democratic support`): a base form needs a plural or
    /// first/second-person subject, an auxiliary before it, or a relative
    /// pronoun (`Govs. Jeb Bush and Chris Christie, who say …`). (Learned
    /// entries are forms, never base forms.)
    pub(super) fn base_form_noun(
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
        let relative = matches!(toks[np.first].lower(), "who" | "which");
        singular && !aux_before && !relative
    }

    /// Whether the content after a cue whose subject no rule parsed is
    /// reported speech: a finite clause, or a clause that opens with a
    /// determiner or a name after a cue that cannot be a plural noun
    /// (`reports`, `claims`); never a bare noun after a participle other
    /// than `said`/`told` (`60 pledged delegates`).
    fn fallback_content(&self, toks: &[Token<'a>], hit: &CueHit<'static>, start: usize) -> bool {
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
            && !matches!(
                t.lower(),
                "he" | "she" | "they" | "it" | "we" | "i" | "you" | "there"
            )
        {
            return false;
        }
        if finite_clause(toks, start) {
            return true;
        }
        !(cue.ends_with('s') && cue != "says") && opens_phrase && self.clause_like(toks, start)
    }

    /// An inverted attribution (`“…,” said Smith.`, `…, said Smith, an
    /// economist.`): the content runs from the unit's start to the cue.
    fn inverted(
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

    /// Emit a quote for content after a cue. Returns whether one was emitted.
    fn emit(
        &mut self,
        content: Span,
        cue: Span,
        subj: Option<&(Mention, Np)>,
        entry: &CueEntry,
        reason: &'static str,
        inherit: Option<usize>,
    ) -> bool {
        let text = self.text;
        let class = entry.class;
        let content = content.trim(text);
        if content.is_empty() {
            return false;
        }
        let qs = self.quoted_in(content);
        // Content that is (or opens) a quoted span is a direct quote.
        for k in qs.clone() {
            let q = self.quoted[k];
            let outer = q.outer();
            let starts_at_quote = q.open.start <= content.start + 1
                && q.open.start >= content.start.saturating_sub(1);
            // Direct only when the content *is* the quote; words outside the
            // marks make it mixed (`that Romney “had a crazy policy”`).
            let reaches_end = outer.end + 2 >= content.end;
            if starts_at_quote && reaches_end {
                // A short title (`told “Fox and Friends,”`, `titled
                // “Dangerous”`) or noun phrase is not what was said.
                // Counted without collecting: only up to six words matter.
                let mut n_words = 0usize;
                let mut title = true;
                let mut last_word = None;
                for w in q.content.slice(text).unwrap_or_default().split_whitespace() {
                    n_words += 1;
                    if n_words <= 5 {
                        title &= w.chars().next().is_some_and(|c| !c.is_lowercase());
                    }
                    last_word = Some(w);
                }
                let title = n_words <= 5 && title;
                let sentence = last_word.is_some_and(|w| w.ends_with(['.', '!', '?', '…']));
                // `said, “We’ll see,” when …`: a quote set off after the cue
                // by a comma or colon is speech, however short.
                let set_off = cue.end <= q.open.start
                    && text
                        .get(cue.end..q.open.start)
                        .is_some_and(|g| matches!(g.trim(), "," | ":"));
                if (n_words < 3 && !set_off || title) && !sentence {
                    return false;
                }
                self.claimed[k] = true;
                let conf = if q.close.is_some() { 0.95 } else { 0.75 };
                let r = match reason {
                    "according-to" => "direct:according-to",
                    "gerund" => "direct:gerund",
                    _ => "direct:cue-before",
                };
                self.cands.push(Cand {
                    kind: QuoteKind::Direct,
                    span: q.content,
                    fragment: None,
                    cue: Some(self.cue_of(cue)),
                    mention: subj.cloned(),
                    inherit,
                    confidence: conf,
                    reason: r,
                });
                // Further quotes in the same content (`said: “A.” “B.”`) follow the same speaker.
                return true;
            }
        }
        let content =
            content.trim_matches(text, |c| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        let content = trim_final_period(text, content);
        // `endorsed Cruz Wednesday`: the time is the endorsement's, not part
        // of what was endorsed.
        let content = if class == CueClass::Object && cue.end <= content.start {
            trim_trailing_time(text, content)
        } else {
            content
        };
        // Content that opens before its cue (`…, according to X.`, `A, they
        // say, B.`) may open with anything; content right after a verb must
        // not be an adjunct.
        let before_cue = content.start < cue.start;
        // `endorsed Clinton`, `supported him` (an object cue's object) and
        // `46 percent of voters said yes` may be a single word.
        let one_word = content.slice(text).is_some_and(|c| {
            !c.contains(char::is_whitespace)
                && match class {
                    CueClass::Object => {
                        c.starts_with(|ch: char| ch.is_uppercase())
                            || matches!(c, "him" | "her" | "them" | "it")
                    }
                    CueClass::Speech => with_lowercase(c, |l| matches!(l, "yes" | "no")),
                    _ => false,
                }
        });
        if !before_cue && !one_word && !plausible_content(text, content) {
            return false;
        }
        let (kind, fragment) = self.kind_of(content, qs);
        let (conf, r) = match (kind, class, reason) {
            // A learned stance (`voted`, `approved`) is reported with less
            // confidence than a hand-listed cue, so that editors can filter it.
            (QuoteKind::Indirect, CueClass::Object, _) if entry.learned => (0.5, "indirect:object"),
            (QuoteKind::Mixed, _, _) => (0.8, "mixed:cue"),
            (_, _, "nominal") => (0.5, "indirect:nominal"),
            (_, CueClass::According, _) => (0.8, "indirect:according-to"),
            (_, CueClass::Belief, _) => (0.55, "indirect:belief"),
            (_, CueClass::Evidence, _) => (0.6, "indirect:evidence"),
            (_, CueClass::Hedge, _) => (0.5, "indirect:hedge"),
            (_, CueClass::About, _) => (0.7, "indirect:object"),
            (_, CueClass::Object, _) => (0.7, "indirect:object"),
            (_, _, "gerund") => (0.7, "indirect:gerund"),
            (_, _, "coordinated") => (0.7, "indirect:coordinated"),
            (_, _, "fallback") => (0.6, "indirect:fallback"),
            _ => (0.8, "indirect:cue-before"),
        };
        self.cands.push(Cand {
            kind,
            span: content,
            fragment,
            cue: Some(self.cue_of(cue)),
            mention: subj.cloned(),
            inherit,
            confidence: conf,
            reason: r,
        });
        true
    }

    /// Emit a quote for content before its attribution (`…, he said.`).
    fn emit_before(&mut self, content: Span, cue: Span, subj: &(Mention, Np), class: CueClass) {
        let text = self.text;
        let content = content.trim_matches(text, |c| {
            c.is_whitespace() || matches!(c, ',' | '—' | '–' | ';')
        });
        if content.is_empty() {
            return;
        }
        let qs = self.quoted_in(content);
        // The quote that ends right before the attribution and opens the
        // content (`“…,” he said`).
        if let Some(k) = qs.clone().next_back() {
            let q = self.quoted[k];
            let opens = text
                .get(content.start..q.open.start)
                .is_some_and(|gap| gap.trim().is_empty());
            let opens = opens || qs.len() == 1 && q.open.start <= content.start;
            if q.outer().end + 2 >= content.end && opens {
                self.claimed[k] = true;
                self.cands.push(Cand {
                    kind: QuoteKind::Direct,
                    span: q.content,
                    fragment: None,
                    cue: Some(self.cue_of(cue)),
                    mention: Some(subj.clone()),
                    inherit: None,
                    confidence: if q.close.is_some() { 0.95 } else { 0.75 },
                    reason: "direct:cue-after",
                });
                return;
            }
        }
        // `…, the poll found.`: documents and polls report too.
        let evidence = class == CueClass::Evidence
            && matches!(subj.1.kind, MentionKind::Organization | MentionKind::Group);
        if !matches!(class, CueClass::Speech | CueClass::Object) && !evidence {
            return;
        }
        let content =
            content.trim_matches(text, |c| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        let content = trim_final_period(text, content);
        if content
            .slice(text)
            .is_none_or(|c| c.split_whitespace().nth(1).is_none())
        {
            return;
        }
        let (kind, fragment) = self.kind_of(content, qs);
        self.cands.push(Cand {
            kind,
            span: content,
            fragment,
            cue: Some(self.cue_of(cue)),
            mention: Some(subj.clone()),
            inherit: None,
            confidence: if evidence { 0.6 } else { 0.75 },
            reason: if kind == QuoteKind::Mixed {
                "mixed:cue-after"
            } else {
                "indirect:cue-after"
            },
        });
    }
}
