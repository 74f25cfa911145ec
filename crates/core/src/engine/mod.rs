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
mod cues;
mod emit;
mod grammar;
mod limits;
mod np;
mod resolve;
mod rules;
mod subject;
mod unclaimed;
mod vetoes;
mod wordsets;

use np::Np;
pub use rules::Rule;
use rules::{Participle, Route};

use grammar::*;
use limits::*;
use subject::fallback_subject;
use wordsets::*;

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
        coordinated_parts: Vec::new(),
    };
    for &u in &units {
        finder.unit(u);
    }
    finder.unclaimed(&body, &sentences);
    let labelled_list = finder.interview(&body);
    finder.headline_colon(&body, &labelled_list);
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
    finder.coordinated_parts.sort_by_key(|(hull, _)| hull.start);
    set_coordinated_parts(&finder.coordinated_parts, &mut quotes);
    join_interrupted(&body, &mut quotes);
    assess::assess(&mut quotes, &sentences, text);
    Analysis {
        paragraphs,
        sentences,
        boilerplate,
        quotes,
        speakers,
    }
}

/// Give each report of coordinated contents (`said A and that B`) its
/// parts: the quote spans both, as PolNeAR annotates it, and
/// [`Quote::parts`] holds A and B (the speech-only convention scores them
/// as two reports).
fn set_coordinated_parts(coordinated: &[(Span, Vec<Span>)], quotes: &mut [Quote]) {
    if coordinated.is_empty() {
        return;
    }
    for q in quotes.iter_mut().filter(|q| q.kind != QuoteKind::Direct) {
        let i = coordinated.partition_point(|(hull, _)| hull.start < q.span.start);
        if let Some((_, parts)) = coordinated[i..]
            .iter()
            .take_while(|(hull, _)| hull.start == q.span.start)
            .find(|(hull, _)| *hull == q.span)
        {
            q.parts.clone_from(parts);
        }
    }
}

/// Join a quotation interrupted by its own attribution into one quote:
/// `“A,” said Jack Mozloom, a spokesman for the federation. “B.”` is one
/// quotation whose second piece has no cue of its own. The joined quote
/// spans both pieces (attribution included, as PolNeAR annotates it) and
/// lists them in [`Quote::parts`]. Only a direct continuation of the same
/// speaker in the same paragraph, right after the previous quote, is joined,
/// or the second piece of `“A,” she said, “B.”` (one cue credited with
/// both); a piece with its own cue (`But he added, “B.”`) stays a quote of
/// its own.
fn join_interrupted(body: &[Span], quotes: &mut Vec<Quote>) {
    let para_of = |pos: usize| body.partition_point(|p| p.end <= pos);
    // In place: `quotes[..kept]` are the quotes kept so far.
    let mut kept = 0;
    for i in 0..quotes.len() {
        if kept > 0 {
            let (prev, q) = (&quotes[kept - 1], &quotes[i]);
            // `“A,” she said, “B.”`: both pieces credited to one cue.
            let shared_cue = q.cue.is_some()
                && q.cue.as_ref().map(|c| c.span) == prev.cue.as_ref().map(|c| c.span)
                && q.reason == Rule::DirectCueBefore.code()
                && prev.reason == Rule::DirectCueAfter.code();
            let continues = q.cue.is_none() && q.reason == Rule::DirectContinuation.code();
            let joins = q.kind == QuoteKind::Direct
                && prev.kind == QuoteKind::Direct
                && (continues || shared_cue)
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
    pub reason: Rule,
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
        for k in kept.iter_mut().rev().take(OVERLAP_LOOKBACK) {
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
    /// The reports of coordinated contents (`said A and that B`): the
    /// quote's span and its parts, in text order.
    coordinated_parts: Vec<(Span, Vec<Span>)>,
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
                if steps == QUOTE_CURSOR_STEPS {
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
        while j < self.quoted.len()
            && j - i < MAX_QUOTES_IN_SPAN
            && self.quoted[j].outer().start < span.end
        {
            j += 1;
        }
        i..j
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
}
