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

use crate::boilerplate;
use crate::cue::{CueClass, CueEntry, Lexicon};
use crate::document::{Analysis, Document};
use crate::marks::{find_quoted, Quoted};
use crate::np::{self, Np};
use crate::quote::{Cue, Quote, QuoteKind};
use crate::segment;
use crate::span::Span;
use crate::speaker::{self, Mention, MentionKind};
use crate::token::{tokenize, tokenize_cues_into, tokenize_folded_into, Token};
use crate::words::{WordSet, Words};

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
        quote_cursor: std::cell::Cell::new(0),
        subject_toks: std::cell::RefCell::new(Vec::new()),
        cue_buf: Vec::new(),
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
    let (mut quotes, speakers) = speaker::resolve(text, cands, &persons);
    join_interrupted(&body, &mut quotes);
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
        quotes.swap(kept, i);
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

/// Can this word open the hearer after `said to` (`to a crowd`, `to
/// reporters`, `to CNN`) rather than an infinitive (`to be`)?
fn is_hearer_start(t: &Token<'_>) -> bool {
    if !t.is_word {
        return false;
    }
    if t.is_capitalized() {
        return true;
    }
    let l = t.lower();
    DETERMINER_WORDS.contains(&l)
        || matches!(
            l,
            "this"
                | "that"
                | "these"
                | "those"
                | "my"
                | "our"
                | "your"
                | "me"
                | "him"
                | "us"
                | "them"
                | "you"
                | "applause"
                | "laughter"
                | "cheers"
                | "reporters"
                | "supporters"
        )
        || l.len() > 4 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us")
}

/// The comma that closes a unit's opening subordinate or participle clause
/// (`When Trump suggested that Cuba would sue, …`, `Asked if she believed
/// …, Clinton said …`), if the unit opens with one. (A gerund subject,
/// `Finding it is not simple, he said`, is no opening clause.)
fn opening_clause_end(toks: &[Token<'_>]) -> Option<usize> {
    let mut first = toks.iter().position(|t| t.is_word)?;
    // `However, while …`, `But when …`
    if with_lowercase(toks[first].text, |l| {
        matches!(
            l,
            "however" | "but" | "and" | "still" | "yet" | "meanwhile" | "so"
        )
    }) {
        first += 1;
        if toks.get(first).is_some_and(|t| t.text == ",") {
            first += 1;
        }
    }
    let opens = with_lowercase(toks[first].text, |l| {
        matches!(
            l,
            "when"
                | "after"
                | "before"
                | "if"
                | "because"
                | "although"
                | "though"
                | "while"
                | "since"
                | "once"
                | "until"
                | "unless"
                | "whereas"
                | "asked"
                | "pressed"
                | "questioned"
        )
    });
    if !opens {
        return None;
    }
    (first + 2..toks.len().min(first + 40)).find(|&k| toks[k].text == ",")
}

/// Is the `that` at `k` a demonstrative subject (`said that was a
/// mistake`) rather than a complementiser?
fn demonstrative(toks: &[Token<'_>], k: usize) -> bool {
    toks.get(k + 1).is_some_and(|n| {
        matches!(
            n.lower(),
            "was"
                | "is"
                | "would"
                | "will"
                | "has"
                | "had"
                | "could"
                | "should"
                | "might"
                | "may"
                | "must"
                | "does"
                | "did"
                | "wasn't"
                | "isn't"
        )
    })
}

/// A plural noun without an `s` (`Cologne police say`, `Many people think`).
fn unmarked_plural(lower: &str) -> bool {
    matches!(
        lower,
        "police" | "people" | "staff" | "personnel" | "clergy" | "children" | "men" | "women"
    )
}

/// Is the head noun of a speaker phrase a plural common noun (`Chinese
/// traders`, `sources close to her campaign`, `the top candidates of both
/// parties`)? The head is the word before a complement, else the last word.
fn plural_head(phrase: &[Token<'_>]) -> bool {
    let end = phrase
        .iter()
        .position(|t| {
            matches!(
                t.lower(),
                "of" | "close"
                    | "for"
                    | "from"
                    | "at"
                    | "in"
                    | "with"
                    | "familiar"
                    | "privy"
                    | "who"
                    | ","
            )
        })
        .unwrap_or(phrase.len());
    // A capital may be the sentence's (`Sources close to …`), not a name's;
    // party and nationality plurals are capitalised (`Senate Republicans`).
    let sentence_capital = end == 1 && phrase.len() > 1;
    phrase[..end].last().is_some_and(|h| {
        let l = h.lower();
        if unmarked_plural(l) {
            return !h.is_capitalized() || sentence_capital;
        }
        // `A majority of Americans say`, `Many of her supporters say`.
        if phrase.get(end).is_some_and(|t| t.lower() == "of")
            && matches!(
                l,
                "majority"
                    | "many"
                    | "most"
                    | "some"
                    | "all"
                    | "half"
                    | "none"
                    | "few"
                    | "several"
                    | "both"
                    | "third"
                    | "quarter"
                    | "plurality"
                    | "number"
                    | "percent"
                    | "rest"
                    | "lot"
                    | "dozens"
                    | "hundreds"
                    | "thousands"
            )
        {
            return true;
        }
        let group = l.ends_with("ans") || l.ends_with("crats") || l.ends_with("ists");
        h.is_word
            && (!h.is_capitalized() || sentence_capital || group)
            && l.len() > 3
            && l.ends_with('s')
            && !l.ends_with("ss")
            && !l.ends_with("'s")
            && !l.ends_with("us")
            && !l.ends_with("is")
    })
}

/// Is a relative clause after a speaker (`who said …`, `who spoke on the
/// condition of anonymity`) an attribution of its own? Then it does not
/// describe the speaker and stays out of the mention.
fn attributes_itself(clause: &[Token<'_>]) -> bool {
    let verb = clause.iter().skip(1).take(4).find(|t| {
        !t.is_word
            || !matches!(
                t.lower(),
                "also" | "has" | "had" | "have" | "later" | "once" | "then" | "recently"
            )
    });
    let speaks = verb.is_some_and(|t| {
        t.is_word
            && Lexicon::builtin().lookup(t.lower()).is_some_and(|e| {
                e.class == CueClass::Speech && !matches!(e.lemma.as_str(), "write" | "call")
            })
    });
    speaks || clause.iter().any(|t| t.lower() == "anonymity")
}

/// Join sentences whose boundary falls inside a closed quote of one paragraph.
fn sentence_ends_in_quote(text: &str, s: Span) -> bool {
    s.slice(text).is_some_and(|t| {
        let t = t.trim_end();
        t.ends_with("?”")
            || t.ends_with("!”")
            || t.ends_with("?\"")
            || t.ends_with("!\"")
            || t.ends_with("?’")
            || t.ends_with("!’")
            || t.ends_with("?''")
            || t.ends_with("!''")
    })
}

/// A sentence of at most eight words that contains a reporting cue
/// (`Rubio asked.`, `said Jane Smith, a spokeswoman.`), or one whose speech
/// cue comes within its first five words.
fn short_attribution(text: &str, s: Span) -> bool {
    let Some(t) = s.slice(text) else { return false };
    let lex = Lexicon::builtin();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // `Dawson shouted, shorthand for …`: a longer sentence counts when its
    // speech cue comes within the first five words.
    let early_cue = words.iter().take(5).any(|w| {
        w.chars().all(|c| c.is_lowercase())
            && lex
                .lookup(w)
                .is_some_and(|e| e.class == crate::cue::CueClass::Speech)
    });
    t.starts_with(|c: char| c.is_alphabetic())
        && (early_cue
            || words.len() <= 8
                && words
                    .iter()
                    .any(|w| w.chars().all(|c| c.is_lowercase()) && lex.may_start(w)))
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

/// Drop a sentence-final period from reported content (`the repairs cost
/// $2.4 million.`), but not the period of an abbreviation (`the U.S.`).
fn trim_final_period(text: &str, content: Span) -> Span {
    let Some(s) = content.slice(text) else {
        return content;
    };
    let last_word = s.rsplit(char::is_whitespace).next().unwrap_or_default();
    if s.ends_with('.') && last_word.matches('.').count() == 1 && !s.ends_with("..") {
        Span::new(content.start, content.end - 1)
    } else {
        content
    }
}

/// Drop a time adjunct that ends `content` (`Cruz Wednesday`, `the plan
/// last week`, `it on Jan. 5`, `the bill yesterday`) when words remain.
fn trim_trailing_time(text: &str, content: Span) -> Span {
    let Some(s) = content.slice(text) else {
        return content;
    };
    // The last four words, last first, with their offsets in `s` (four:
    // the cut keeps at least one word before an adjunct of up to three).
    let mut last: [(usize, &str); 4] = [(0, ""); 4];
    let mut n = 0;
    for w in s.split_whitespace().rev().take(4) {
        last[n] = (w.as_ptr() as usize - s.as_ptr() as usize, w);
        n += 1;
    }
    let mut b = [[0u8; 12]; 3];
    let [b0, b1, b2] = &mut b;
    let w0 = folded_word(last[0].1, b0);
    let w1 = folded_word(last[1].1, b1);
    let w2 = folded_word(last[2].1, b2);
    // `cut`: how many final words the adjunct takes.
    let cut = if is_weekday(w0) || matches!(w0, "yesterday" | "today" | "tonight") {
        if matches!(w1, "on" | "late" | "early" | "last") {
            2
        } else {
            1
        }
    } else if is_time_word(w0) && matches!(w1, "last" | "this" | "next" | "earlier") {
        if matches!(w2, "earlier" | "later") {
            3
        } else {
            2
        }
    } else if !w0.is_empty()
        && w0.bytes().all(|c| c.is_ascii_digit())
        && is_time_word(w1)
        && w2 == "on"
    {
        3
    } else {
        return content;
    };
    // Words must remain; `urged them to vote Tuesday`: the time belongs to
    // the infinitive.
    if n <= cut || s.split_whitespace().any(|w| w == "to") {
        return content;
    }
    let (off, w) = last[cut];
    Span::new(content.start, content.start + off + w.len())
        .trim_matches(text, |c| c.is_whitespace() || c == ',')
}

/// `word` without a final `.` or `,`, in ASCII lower case, in `buf`; empty
/// when it is longer than the buffer or not ASCII (no time word is).
fn folded_word<'b>(word: &str, buf: &'b mut [u8; 12]) -> &'b str {
    let w = word.trim_end_matches(['.', ',']);
    if w.len() > buf.len() || !w.is_ascii() {
        return "";
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or_default()
}

/// Words that open a time or place adjunct after a reporting verb (`said on
/// Friday`, `said Smith in Geneva`).
fn opens_adjunct(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "during"
            | "to"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "earlier"
            | "later"
            | "after"
            | "before"
            | "when"
            | "while"
            | "from"
            | "with"
            | "of"
    ) || is_weekday(word)
}

/// `monday` … `sunday` (lower case).
fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "week"
            | "weekend"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    ) || is_weekday(word)
}

/// The length in tokens of a time adjunct opening `toks` (`on Friday`,
/// `last week`, `earlier this month`, `on Jan. 5`), if there is one.
fn time_adjunct(toks: &[Token<'_>]) -> Option<usize> {
    let lower = |k: usize| toks.get(k).map(|t| t.lower());
    let mut k = 0;
    if matches!(lower(0), Some("earlier" | "later")) {
        k = 1;
    }
    match lower(k)? {
        "on" | "last" | "this" | "next" | "late" | "early" => {}
        _ => return None,
    }
    if !is_time_word(lower(k + 1)?.trim_end_matches('.'))
        && !matches!(
            lower(k + 1)?,
            "jan." | "feb." | "aug." | "sept." | "oct." | "nov." | "dec."
        )
    {
        return None;
    }
    let mut n = k + 2;
    // `on Jan. 5`, `on Friday night`
    while toks
        .get(n)
        .is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_digit()) || is_time_word(t.lower()))
        && n < k + 4
    {
        n += 1;
    }
    Some(n)
}

/// Where a time adjunct that ends `toks` begins (`last week`, `on
/// Tuesday`, `Tuesday night`, `two weeks ago`, `earlier this month`), if
/// one does. At least one token is left before it for the subject.
fn time_adjunct_before(toks: &[Token<'_>]) -> Option<usize> {
    let n = toks.len();
    let lower = |k: usize| toks[k].lower();
    if n < 2 {
        return None;
    }
    let mut k = n - 1;
    if lower(k) == "ago" {
        // `(less than) two weeks ago`, `a month ago`
        if k < 2 || !is_time_word(lower(k - 1).trim_end_matches('s')) {
            return None;
        }
        k -= 2;
        if !(toks[k].text.bytes().all(|b| b.is_ascii_digit())
            || matches!(
                lower(k),
                "a" | "an" | "one" | "two" | "three" | "four" | "five" | "six" | "few" | "several"
            ))
        {
            return None;
        }
        if k >= 2 && matches!(lower(k - 1), "than") && matches!(lower(k - 2), "less" | "more") {
            k -= 2;
        }
        if k > 0 && matches!(lower(k - 1), "a" | "just" | "about" | "nearly") {
            k -= 1;
        }
        return (k > 0).then_some(k);
    }
    if !is_time_word(lower(k)) || toks[k].text == "May" {
        return None;
    }
    // `Tuesday night`
    if k > 0 && is_time_word(lower(k - 1)) && toks[k - 1].is_capitalized() {
        k -= 1;
    }
    let weekday = is_weekday(lower(k));
    if k > 0 && matches!(lower(k - 1), "last" | "this" | "on" | "late" | "early") {
        k -= 1;
        if k > 0 && matches!(lower(k - 1), "earlier" | "later") {
            k -= 1;
        }
    } else if !weekday {
        return None;
    }
    (k > 0).then_some(k)
}

/// `in a statement`, `in an interview with CNN`, `in a letter to
/// members`: the occasion of a report, when a subject pronoun, `that` or a
/// time adjunct follows it. Returns its length in tokens.
fn occasion_adjunct(toks: &[Token<'_>]) -> Option<usize> {
    if toks.len() < 4
        || !matches!(
            toks[1].lower(),
            "a" | "an" | "his" | "her" | "its" | "their"
        )
    {
        return None;
    }
    let lex = Lexicon::builtin();
    for k in 3..toks.len().min(9) {
        let t = &toks[k];
        let l = t.lower();
        if matches!(l, "he" | "she" | "they" | "it" | "we" | "i" | "that")
            || time_adjunct(&toks[k..]).is_some()
        {
            return Some(k);
        }
        if !t.is_word
            || (lex.lookup(l).is_some() && !DETERMINER_WORDS.contains(&toks[k - 1].lower()))
        {
            return None;
        }
    }
    None
}

/// True when nothing but a short time or place adjunct follows the cue
/// (`… announced on Friday.`, `… said yesterday in Geneva.`).
fn only_adjunct_after(toks: &[Token<'_>], from: usize) -> bool {
    // `…,” he demanded, as Bush continued to interject.`
    if toks.get(from).is_some_and(|t| t.text == ",")
        && toks
            .get(from + 1)
            .is_some_and(|t| matches!(t.lower(), "as" | "while" | "before" | "after" | "when"))
    {
        return true;
    }
    let words: Vec<&Token<'_>> = toks[from.min(toks.len())..]
        .iter()
        .filter(|t| t.is_word)
        .take(6)
        .collect();
    words.is_empty() || words.len() <= 5 && opens_adjunct(words[0].lower())
}

/// Reported content is at least two words and does not open with a
/// preposition (`said in a conference call`, `added over the last quarter`).
fn plausible_content(text: &str, content: Span) -> bool {
    let Some(s) = content.slice(text) else {
        return false;
    };
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or_default();
    if words.next().is_none() {
        return false;
    }
    // After a complementiser or a comma the clause may open with an
    // adjunct: `said that, as president, he would …`, `said that with the
    // delegates …`, `According to the bank, about 12 percent …`.
    let before = text
        .get(..content.start)
        .unwrap_or_default()
        .trim_end_matches(char::is_whitespace);
    // `that` after a preposition is a determiner (`for that attack`).
    let mut last_words = before
        .trim_end_matches(',')
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let complementiser = last_words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("that"))
        && last_words.next().is_none_or(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "for" | "at" | "of" | "in" | "on" | "with" | "about" | "to" | "by" | "from"
            )
        });
    let after_that = before.ends_with(',') || complementiser;
    after_that || !with_lowercase(first, opens_content_adjunct)
}

/// `f(&word.to_lowercase())`, folded on the stack for short ASCII words.
fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 24];
    match buf.get_mut(..word.len()) {
        Some(b) if word.is_ascii() => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            f(std::str::from_utf8(b).unwrap_or_default())
        }
        _ => f(&word.to_lowercase()),
    }
}

/// Words that open an adjunct rather than reported content (lower case).
fn opens_content_adjunct(first: &str) -> bool {
    matches!(
        first,
        "in" | "on"
            | "at"
            | "over"
            | "by"
            | "during"
            | "with"
            | "from"
            | "after"
            | "before"
            | "since"
            | "as"
            | "when"
            | "while"
            | "off"
            | "up"
            | "out"
            | "into"
            | "without"
            | "simply"
            | "about"
            | "only"
            | "outside"
            | "inside"
            | "near"
            | "behind"
            | "through"
            | "via"
            | "afterward"
            | "afterwards"
            | "later"
            | "earlier"
    )
}

/// Adverbs and auxiliaries between a subject and its cue (`has also
/// said`, `now say`, `angrily denied`).
fn skips_before_cue(t: &Token<'_>) -> bool {
    let l = t.lower();
    in_skip_list(l)
        || matches!(
            l,
            "now" | "even" | "long" | "too" | "initially" | "originally" | "here" | "overall"
        )
        || t.is_word
            && !t.is_capitalized()
            && l.len() > 4
            && l.ends_with("ly")
            && !matches!(
                l,
                "family"
                    | "rally"
                    | "assembly"
                    | "supply"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "bully"
            )
}

/// The words of a paragraph label before its colon (`Sen. Smith`, `Poll`)
/// when there are one to `max` of them and each is capitalised.
fn label_words(label: &str, max: usize) -> Option<Vec<&str>> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (!words.is_empty() && words.len() <= max && capitalised).then_some(words)
}

/// True when no word in `toks` is a reporting cue.
fn no_cue_word(toks: &[Token<'_>]) -> bool {
    let lex = Lexicon::builtin();
    toks.iter()
        .all(|t| !t.is_word || lex.lookup(t.lower()).is_none())
}

/// Words after which a cue word is a noun (`the state`, `his remarks`).
const DETERMINER_WORDS: &[&str] = &["the", "a", "an", "his", "her", "their", "its"];

const SKIP_BEFORE_CUE: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "later",
    "then",
    "again",
    "repeatedly",
    "previously",
    "recently",
    "earlier",
    "once",
    "often",
    "publicly",
    "privately",
    "quickly",
    "separately",
    "reportedly",
    "further",
    "reportedly",
    "never",
    "not",
    "did",
    "does",
    "do",
    "just",
    "already",
    "still",
    "first",
    "last",
    "always",
    "frequently",
    "specifically",
    "explicitly",
    "angrily",
    "bluntly",
    "flatly",
    "simply",
    "openly",
    "famously",
    "subsequently",
    "immediately",
    "finally",
    "ultimately",
    "initially",
    "originally",
    "previously",
    "yesterday",
    "today",
    "even",
    "actually",
    "apparently",
    "clearly",
    "strongly",
    "firmly",
    "correctly",
    "falsely",
    "wrongly",
    "mistakenly",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "be",
    "to",
    "had",
    "once",
    "alone",
    "himself",
    "herself",
    "themselves",
    "itself",
    "too",
    "jointly",
    "formally",
    "officially",
];

/// [`SKIP_BEFORE_CUE`] as a set (it is consulted for every cue).
fn in_skip_list(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(SKIP_BEFORE_CUE.iter().copied()))
        .contains(word)
}

/// Cues whose `to`-infinitive is itself the report (`vowed to fight`).
const INFINITIVE_REPORTS: &[&str] = &[
    "vow", "pledge", "promise", "threaten", "agree", "plan", "want", "hope", "urge", "ask",
    "demand", "propose", "claim", "swear", "seek",
];

const PASSIVE: &[&str] = &[
    "was", "were", "been", "be", "is", "are", "being", "get", "got",
];

/// Adverbs and auxiliaries between a hedge's subject and its verb
/// (`may also seem`, `is not widely expected to`).
const HEDGE_SKIP: &[&str] = &[
    "not",
    "also",
    "now",
    "still",
    "generally",
    "largely",
    "long",
    "originally",
    "widely",
    "may",
    "might",
    "could",
    "would",
    "will",
    "should",
    "can",
    "does",
    "did",
    "do",
    "has",
    "have",
    "had",
    "often",
    "always",
    "never",
    "increasingly",
    "suddenly",
    "once",
    "already",
    "even",
    "only",
    "clearly",
    "initially",
    "doesn't",
    "don't",
    "didn't",
    "won't",
    "wouldn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
];

/// Speech cues that may report an `about` complement after adjuncts
/// (`wrote in his memoir about X`, `complained bitterly about X`).
const ABOUT_SPEECH: &[&str] = &[
    "write", "testify", "comment", "joke", "complain", "boast", "warn", "muse", "tweet", "post",
];

/// The `about` that opens a cue's complement within a few words after it
/// (`spoke at the White House on Tuesday about`, `talked to his inner circle
/// about`): no punctuation, quote mark, `that` or other cue on the way.
fn about_complement(toks: &[Token<'_>], from: usize, stop: usize) -> Option<usize> {
    let lex = Lexicon::builtin();
    let end = stop.min(from + 10).min(toks.len());
    for (k, t) in toks.iter().enumerate().take(end).skip(from) {
        if !t.is_word {
            return None;
        }
        let l = t.lower();
        if l == "about" {
            return Some(k);
        }
        if l == "that" || lex.lookup(l).is_some() {
            return None;
        }
    }
    None
}

/// True when a form of `be` comes before token `i`, past adverbs and
/// auxiliaries (`is not widely`, `has long been`).
fn after_be(toks: &[Token<'_>], i: usize) -> bool {
    let mut k = i;
    while k > 0 && HEDGE_SKIP.contains(&toks[k - 1].lower()) {
        k -= 1;
    }
    k > 0
        && matches!(
            toks[k - 1].lower(),
            "is" | "are" | "was" | "were" | "be" | "been"
        )
}

/// Words after `seem`/`appear` that make it no hedge (`appeared before the
/// committee`, `appeared together`, `appeared on Fox News`).
const HEDGE_NOT_NEXT: &[&str] = &[
    "on",
    "in",
    "at",
    "before",
    "with",
    "together",
    "onstage",
    "alongside",
    "during",
    "for",
    "from",
    "via",
    "outside",
    "inside",
    "live",
    "and",
    "or",
    "briefly",
    "again",
    "here",
    "there",
    "opposite",
    "behind",
    "as",
    "after",
    "beside",
    "by",
    "without",
    "into",
    "onto",
    "across",
];

/// Words that open a clause: a hedge's subject starts after them (`While
/// the 757 might seem …`).
const HEDGE_CLAUSE_OPENERS: &[&str] = &[
    "that", "because", "while", "although", "though", "if", "when", "whereas", "since", "as",
    "but", "so", "where", "whether", "unless", "until", "after", "before", "once", "and", "or",
    "than", "why", "how", "what", "however", "yet", "then", "now", "also", "even",
];

/// Cues whose first object is the hearer, not the content (`told reporters that`).
const TELL_LIKE: &[&str] = &[
    "tell", "inform", "assure", "reassure", "remind", "warn", "ask", "advise",
];

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
    /// Last answer of [`Finder::first_quote_ending_after`].
    quote_cursor: std::cell::Cell<usize>,
    /// Token buffer reused by [`Finder::sentence_subject`].
    subject_toks: std::cell::RefCell<Vec<Token<'a>>>,
    /// Cue buffer reused by [`Finder::unit_tokens`].
    cue_buf: Vec<CueHit<'static>>,
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

    /// The cues of the unit, reading from token `from` (no word before it
    /// may start a cue), into `out` (cleared first).
    fn cues(&self, toks: &[Token<'a>], from: usize, out: &mut Vec<CueHit<'static>>) {
        let lex = Lexicon::builtin();
        out.clear();
        let mut i = from;
        while i < toks.len() {
            if let Some((len, entry)) = self.cue_at(lex, toks, i) {
                out.push(CueHit { at: i, len, entry });
                i += len;
            } else {
                i += 1;
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
                gerund: false,
                participle: false,
                base: false,
                learned: false,
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
        let (len, entry) = if entry.class == CueClass::Hedge
            && entry.lemma.starts_with("be ")
            && !after_be(toks, i)
        {
            (1, lex.lookup(t.lower())?)
        } else {
            (len, entry)
        };
        // `continue to`, `want to`: infinitive complements are not reports,
        // but a hearer is (`said to reporters`, `added to applause`).
        // Object cues and hedges take an infinitive (`vowed to fight`, `seems to`).
        let takes_infinitive = matches!(entry.class, CueClass::Object | CueClass::Hedge)
            || INFINITIVE_REPORTS.contains(&entry.lemma.as_str());
        if toks.get(i + len).is_some_and(|n| n.lower() == "to")
            && !takes_infinitive
            && !(entry.class == CueClass::Speech
                && toks.get(i + len + 1).is_some_and(is_hearer_start)
                && toks[..i].iter().rev().take(10).any(|t| t.is_quote_mark()))
        {
            return None;
        }
        let prev = i.checked_sub(1).map(|p| toks[p].lower());
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
        // `to say`, `declined to comment`: infinitives report nothing.
        if prev == Some("to") {
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
        {
            return None;
        }
        // Nouns: `the report`, `a call`, `his claim`, `both states`.
        if prev.is_some_and(|p| {
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
        }) {
            return None;
        }
        Some((len, entry))
    }

    /// The person named as the subject of a sentence (`Council member Tom
    /// Berg disagreed.`), whom a later `he`/`she` may refer to.
    fn sentence_subject(&self, unit: Span) -> Option<(Mention, Np)> {
        let raw = unit.slice(self.text)?;
        let mut end = raw.len().min(64);
        while !raw.is_char_boundary(end) {
            end -= 1;
        }
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
        let toks = &toks[..];
        // A name needs two capitalised words among the first four.
        if !toks.first().is_some_and(|t| t.is_capitalized())
            || toks.iter().take(4).filter(|t| t.is_capitalized()).count() < 2
        {
            return None;
        }
        let ceil = toks.len().saturating_sub(1).min(12);
        let npx = np::forward(toks, 0, ceil, self.text)?;
        (npx.kind == MentionKind::Name && npx.name.split_whitespace().count() >= 2)
            .then(|| (self.mention(toks, &npx), npx))
    }

    /// Sentence subjects before each `he`/`she` mention (looking back at most
    /// five capitalised sentences), computed only where a pronoun needs them.
    fn persons_for_pronouns(&self, cands: &[Cand]) -> Vec<(Mention, Np)> {
        // Units below `done` have been looked at for an earlier pronoun.
        let mut done = 0usize;
        let mut out = Vec::new();
        for c in cands {
            let Some((m, np)) = &c.mention else { continue };
            if np.kind != MentionKind::Pronoun
                || !with_lowercase(&m.text, |l| matches!(l, "he" | "she"))
            {
                continue;
            }
            let k = self
                .subject_units
                .partition_point(|u| u.start < m.span.start);
            for i in (k.saturating_sub(5).max(done)..k).rev() {
                if let Some(p) = self.sentence_subject(self.subject_units[i]) {
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
        // The token buffer is reused from unit to unit.
        let mut toks = std::mem::take(&mut self.toks);
        // Most sentences report nothing: go on only when a word may start a
        // cue, from the first such word (each word is asked once, by the
        // tokenizer).
        if let Some(first) = tokenize_cues_into(text, Some(self.folded), unit, &mut toks, lex) {
            self.unit_tokens(unit, &toks, first);
        }
        self.toks = toks;
    }

    fn unit_tokens(&mut self, unit: Span, toks: &[Token<'a>], first_cue_word: usize) {
        if toks.is_empty() {
            return;
        }
        self.headline.set(None);
        self.subject_memo.borrow_mut().clear();
        let mut cues = std::mem::take(&mut self.cue_buf);
        self.cues(toks, first_cue_word, &mut cues);
        let mut prev_subject: Option<(Mention, Np)> = None;
        for hit in &cues {
            if hit.entry.class == CueClass::Hedge {
                self.hedge(toks, hit, &cues);
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
        // Adverbs and auxiliaries between the subject and the verb.
        let mut k = hit.at;
        while k > 0 && HEDGE_SKIP.contains(&toks[k - 1].lower()) {
            k -= 1;
        }
        if hit.entry.lemma.starts_with("be ") {
            // The form of `be` (checked by `cue_at`).
            k = k.saturating_sub(1);
            while k > 0 && HEDGE_SKIP.contains(&toks[k - 1].lower()) {
                k -= 1;
            }
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
            if HEDGE_CLAUSE_OPENERS.contains(&l)
                || PASSIVE.contains(&l)
                || matches!(l, "has" | "have" | "had")
                || lex.lookup(l).is_some()
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

    /// The cue written at `span`.
    fn cue_of(&self, span: Span) -> Cue {
        Cue {
            text: cut(self.text, span.start, span.end),
            span,
        }
    }

    fn mention(&self, toks: &[Token<'a>], np: &Np) -> Mention {
        let span = Span::new(toks[np.first].span.start, toks[np.last].span.end);
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
    fn subject_taken(&self, toks: &[Token<'a>], at: usize) -> Option<Np> {
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
    fn subject_first(&self, toks: &[Token<'a>], at: usize) -> Option<usize> {
        if let Some((_, np)) = self.subject_memo.borrow().iter().find(|(a, _)| *a == at) {
            return np.as_ref().map(|np| np.first);
        }
        let np = self.subject_before(toks, at);
        let first = np.as_ref().map(|np| np.first);
        let mut memo = self.subject_memo.borrow_mut();
        if memo.len() >= 32 {
            memo.remove(0); // later cues only look a few cues ahead
        }
        memo.push((at, np));
        first
    }

    fn subject_before(&self, toks: &[Token<'a>], at: usize) -> Option<Np> {
        let w = Words::builtin();
        let mut j = at;
        while j > 0 && skips_before_cue(&toks[j - 1]) {
            j -= 1;
        }
        // `Feinstein last week said`, `The department two weeks ago said`
        if let Some(k) = time_adjunct_before(&toks[..j]) {
            j = k;
            while j > 0 && skips_before_cue(&toks[j - 1]) {
                j -= 1;
            }
        }
        if j == 0 {
            return None;
        }
        // `Murphy — after a knock-on-wood gesture — told me`: an aside
        // between dashes.
        if matches!(toks[j - 1].text, "—" | "–") {
            if let Some(open) = (j.saturating_sub(16)..j - 1)
                .rev()
                .find(|&k| matches!(toks[k].text, "—" | "–"))
            {
                if open > 0 {
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
                            && matches!(
                                main.kind,
                                MentionKind::Role | MentionKind::Organization
                            ) =>
                    {
                        // `The ministry's spokeswoman, Anna Kovac, said`
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
                    );
                if main.kind != MentionKind::Pronoun && descriptive {
                    main.last = close - 1;
                }
                return Some(main);
            }
            return None;
        }
        let np = np::backward(toks, j - 1, 0, self.text)?;
        if np.kind == MentionKind::Pronoun && with_lowercase(&np.name, |l| l == "who") {
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
    fn long_apposition(&self, toks: &[Token<'a>], close: usize) -> Option<Np> {
        if close > 48 {
            return None;
        }
        let np = np::forward(toks, 0, close, self.text)?;
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
            let verb = i > 0
                && matches!(
                    inside[i - 1].lower(),
                    "who" | "which" | "that" | "he" | "she" | "they" | "has" | "had" | "have"
                );
            !t.is_word
                || !verb
                || self.in_quote(t.span)
                || Lexicon::builtin().lookup(t.lower()).is_none()
        });
        if !clean {
            return None;
        }
        let mut np = np;
        np.last = close - 1;
        Some(np)
    }

    /// Find the subject right after the cue (`…, said Smith, the mayor.`)
    /// that closes the unit. Returns the phrase and the index after it.
    fn subject_after(&self, toks: &[Token<'a>], from: usize, after_quote: bool) -> Option<Np> {
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
            && !matches!(
                np.name.to_lowercase().as_str(),
                "he" | "she" | "they" | "it"
            )
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
                .is_some_and(|t| matches!(t.lower(), "who" | "whose"))
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
                    && matches!(toks[k].lower(), "who" | "whose")
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
                && Lexicon::builtin().lookup(first_word).is_none();
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
            if end > after + 1 && matches!(first_word, "who" | "whose") {
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
            && !TELL_LIKE.contains(&hit.entry.lemma.as_str())
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
            if prev == Some(",") || comma_in_quote {
                subject = prev_subject
                    .cloned()
                    .or_else(|| self.unit_subject(toks, hit.at));
                reason = "gerund";
            } else if matches!(prev, Some("by" | "after" | "while" | "before" | "when"))
                && hit.entry.lemma != "post"
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
        // `… and then tweeted`, `… but has argued`
        let mut conj = hit.at;
        while conj > 0 && skips_before_cue(&toks[conj - 1]) {
            conj -= 1;
        }
        if subject.is_none() && conj > 0 && matches!(toks[conj - 1].lower(), "and" | "but") {
            // The subject of the previous cue, or else the sentence's own
            // (`She paid it down, but said she …`).
            subject = prev_subject.cloned().or_else(|| {
                self.unit_subject(toks, conj - 1).filter(|(_, np)| {
                    np.first == 0
                        && (np.kind != MentionKind::Pronoun
                            || matches!(toks[0].lower(), "he" | "she" | "they"))
                })
            });
            reason = "coordinated";
        }
        if let Some(subj) = subject.as_ref() {
            // A base-form verb (`note`, `charge`, `say`) needs a plural or
            // first/second-person subject: `the Treasury note`, `the congestion charge` are nouns.
            // (Learned entries are forms, never base forms.)
            let base = hit.entry.base;
            // `Rubios`, `the Khans`, `the Clintons`
            let family = subj.0.text.starts_with("the ") || subj.0.text.starts_with("The ");
            let plural_word = (subj.1.kind == MentionKind::Surname
                || family && subj.1.kind == MentionKind::Name)
                && subj.0.text.ends_with('s')
                && !subj.0.text.ends_with("'s")
                && !subj.0.text.ends_with("’s")
                || plural_head(&toks[subj.1.first..=subj.1.last.min(toks.len() - 1)]);
            let singular = !plural_word
                && matches!(
                    subj.1.kind,
                    MentionKind::Name
                        | MentionKind::Surname
                        | MentionKind::Role
                        | MentionKind::Organization
                );
            let aux_before = hit.at > 0 && skips_before_cue(&toks[hit.at - 1]);
            if base && singular && !aux_before && hit.len == 1 {
                return None;
            }
        }
        if let Some(subj) = subject {
            if matches!(class, CueClass::Evidence)
                && !matches!(subj.1.kind, MentionKind::Organization | MentionKind::Group)
            {
                return None;
            }
            // Content after the cue.
            let mut stop = self.content_stop(toks, after_cue, cues);
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
                            n.is_word && Lexicon::builtin().lookup(n.lower()).is_some()
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
                && class == CueClass::Speech;
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
                    if hit.entry.lemma == "add"
                        && toks[start].text.starts_with(|c: char| c.is_ascii_digit())
                    {
                        return Some(subj);
                    }
                    if class == CueClass::Belief && !self.clause_like(toks, start) {
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

    fn unit_subject(&self, toks: &[Token<'a>], before: usize) -> Option<(Mention, Np)> {
        let np = np::forward(toks, 0, before, self.text)?;
        Some((self.mention(toks, &np), np))
    }

    /// Does the content starting at `start` read as a clause (belief cues)?
    fn clause_like(&self, toks: &[Token<'a>], start: usize) -> bool {
        let Some(t) = toks.get(start) else {
            return false;
        };
        let prev = start.checked_sub(1).map(|p| toks[p].lower());
        let words = toks[start..].iter().filter(|t| t.is_word).take(4).count();
        prev == Some("that")
            || t.is_quote_mark()
            || words >= 4
            || matches!(
                t.lower(),
                "he" | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "there"
                    | "the"
                    | "this"
                    | "his"
                    | "her"
                    | "their"
            )
    }

    /// Where the content after a cue starts: after `that`, a colon or comma,
    /// an indirect object of `told`, or time adjuncts.
    fn content_start(
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
        if entry.class == CueClass::About || ABOUT_SPEECH.contains(&entry.lemma.as_str()) {
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
                let between = &toks[from..k];
                // A cue word after a determiner is a noun (`in an interview
                // taped before the attacks that …`).
                if between.iter().enumerate().all(|(b, t)| {
                    let noun = b > 0 && DETERMINER_WORDS.contains(&between[b - 1].lower());
                    !t.is_quote_mark()
                        && t.text != "."
                        && (noun || Lexicon::builtin().lookup(t.lower()).is_none())
                }) && !between.iter().any(|t| t.text == ",")
                    // and what lies between is an adjunct or a hearer, not
                    // the start of a clause (`said she would not go to that
                    // place`).
                    && !between.first().is_some_and(|t| {
                        with_lowercase(t.text, |l| {
                            matches!(l, "he" | "she" | "they" | "we" | "i" | "it" | "you" | "there")
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
                    .all(|t| Lexicon::builtin().lookup(t.lower()).is_none());
                // `fired back forcefully: “…”`
                let adverbs = between.len() <= 2
                    && between
                        .iter()
                        .all(|t| t.is_word && t.lower().ends_with("ly"));
                // `joked, again using a Southern accent, “…”`: an aside
                // between commas.
                let aside = between.len() >= 3
                    && between.len() <= 12
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
            && !INFINITIVE_REPORTS.contains(&entry.lemma.as_str())
            && toks.get(from).is_some_and(|t| t.lower() == "to")
            && toks.get(from + 1).is_some_and(is_hearer_start)
        {
            return None;
        }
        // Indirect object of `told` etc.
        if TELL_LIKE.contains(&entry.lemma.as_str()) {
            // `assured the mostly white crowd.`: a short phrase that ends the
            // report is the hearer.
            let rest_words = toks[i..stop].iter().filter(|t| t.is_word).count();
            if rest_words <= 5
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
    fn attribution_begin(&self, toks: &[Token<'a>], hit: &CueHit<'static>) -> Option<usize> {
        // A hedge (`Trump seems unprepared`) is part of a report, not a new
        // one; so is a speaking verb without `about` (`when he speaks`).
        if hit.entry.class == CueClass::Hedge
            || hit.entry.class == CueClass::About
                && about_complement(toks, hit.at + hit.len, toks.len()).is_none()
        {
            return None;
        }
        if hit.entry.class == CueClass::According {
            return Some(hit.at);
        }
        if let Some(first) = self.subject_first(toks, hit.at) {
            return Some(first);
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
    fn content_stop(&self, toks: &[Token<'a>], from: usize, cues: &[CueHit<'static>]) -> usize {
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
        if let Some(semi) = toks[from..end].iter().position(|t| t.text == ";") {
            let list = toks[from + semi..end]
                .windows(2)
                .any(|w| w[0].text == ";" && matches!(w[1].lower(), "and" | "or"));
            if !list {
                end = from + semi;
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
        // an unpaired dash end the report: `…, while …`, `…, which …`, `…, and
        // the …`, `…, according to …`, `… — two sisters …` (but not `…, and
        // that …`, and not a dash pair around an aside). A relative clause on
        // a person (`…, who …`) and an elaboration (`…, including …`,
        // `…, especially …`) stay in the report.
        let limit = end.min(from + 400);
        let is_dash =
            |t: &Token<'_>| matches!(t.text, "—" | "–") || t.text == "-" && t.span.len() == 1;
        let participle = |n: &str| n.len() > 5 && n.ends_with("ing");
        // `cited X, as an example`: object cues take an `as` complement.
        let object_cue = cues[..first_later]
            .last()
            .is_some_and(|h| h.entry.class != CueClass::Speech);
        if let Some(cut) = (from + 3..limit).find(|&k| {
            let t = &toks[k];
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
            if is_dash(t) {
                let paired = toks[k + 1..limit].iter().any(is_dash);
                let double = k > 0 && is_dash(&toks[k - 1]);
                return k + 1 < end && !paired && !double;
            }
            t.text == ","
                && next().is_some_and(|n| {
                    matches!(
                        n,
                        "while"
                            | "whereas"
                            | "although"
                            | "though"
                            | "but"
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
                    ) || n == "and"
                        // not the last item of a list (`A, B, and C`)
                        && !toks[from..k].iter().any(|t| t.text == ",")
                        && toks.get(k + 2).is_some_and(|m| {
                        m.is_word
                            && (m.is_capitalized() && m.text != "I"
                                || matches!(m.lower(), "he" | "she" | "they" | "it" | "we" | "the"))
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

    /// Reported content with quoted fragments inside is mixed (the first
    /// fragment is reported, all are claimed); without any it is indirect.
    fn kind_of(
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
                            || matches!(c, "him" | "her" | "them")
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
            (_, CueClass::According, _) => (0.8, "indirect:according-to"),
            (_, CueClass::Belief, _) => (0.55, "indirect:belief"),
            (_, CueClass::Evidence, _) => (0.6, "indirect:evidence"),
            (_, CueClass::Hedge, _) => (0.5, "indirect:hedge"),
            (_, CueClass::About, _) => (0.7, "indirect:object"),
            (_, CueClass::Object, _) => (0.7, "indirect:object"),
            (_, _, "gerund") => (0.7, "indirect:gerund"),
            (_, _, "coordinated") => (0.7, "indirect:coordinated"),
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

    /// Interview transcripts: paragraphs of the form `Name: answer` (or
    /// `Q:`/`A:`), when at least three paragraphs with two different labels
    /// use the form. Each turn is a direct quote of its label.
    fn interview(&mut self, body: &[Span]) {
        let text = self.text;
        let mut turns: Vec<(Span, Span)> = Vec::new();
        for &p in body {
            let Some(s) = p.slice(text) else { continue };
            // Only a colon among the first 41 bytes can end a label.
            let head = &s.as_bytes()[..s.len().min(41)];
            let Some(colon) = head.iter().position(|&b| b == b':') else {
                continue;
            };
            if colon == 0 {
                continue;
            }
            let label = &s[..colon];
            let ok = label_words(label, 3)
                .is_some_and(|words| !Words::builtin().is_function(&words[0].to_lowercase()));
            let rest = Span::new(p.start + colon + 1, p.end).trim(text);
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
        if turns.len() < 3 || labels.len() < 2 {
            return;
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
                confidence: 0.9,
                reason: "direct:interview",
            });
        }
    }

    /// Headline attributions: a short one-sentence paragraph `Cruz: Trump
    /// Would Put Liberals On Court` or `Poll: Clinton leads in Ohio`
    /// reports what its label said or found. Labels that are page furniture
    /// (`Update:`, `Watch:`) and paragraphs already attributed are skipped.
    fn headline_colon(&mut self, body: &[Span]) {
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
        ];
        let text = self.text;
        let taken = Taken::new(self.cands.iter().map(|c| c.span).collect());
        for &p in body {
            let Some(s) = p.slice(text) else { continue };
            if s.len() > 240 {
                continue;
            }
            // Only a colon among the first 49 bytes can end a label.
            let head = &s.as_bytes()[..s.len().min(49)];
            let Some(colon) = head.iter().position(|&b| b == b':') else {
                continue;
            };
            if colon == 0 {
                continue;
            }
            let label = s[..colon].trim_end();
            let ok = label_words(label, 4).is_some_and(|words| {
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
            let inner_stop = r
                .trim_end_matches(['.', '!', '?', '”', '’', '"', '\''])
                .contains(". ");
            let numeric = r.starts_with(|c: char| c.is_ascii_digit());
            if r.split_whitespace().count() < 3 || inner_stop || numeric {
                continue;
            }
            if taken.overlaps(rest) {
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
                Some(q) => (QuoteKind::Direct, None, q, "direct:headline"),
                None => {
                    let (kind, fragment) = self.kind_of(content, qs);
                    let reason = if kind == QuoteKind::Mixed {
                        "mixed:headline"
                    } else {
                        "indirect:headline"
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
                confidence: 0.6,
                reason,
            });
        }
    }

    /// The sentence holding `inner`, trimmed of its final period, when it
    /// holds no other candidate: neither one found before `unclaimed` ran
    /// (`taken`) nor one it added since (`first_new` onwards, in text order).
    fn free_sentence(
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
    fn claim_direct(
        &mut self,
        k: usize,
        cue: Cue,
        speaker: (Mention, Np),
        confidence: f32,
        reason: &'static str,
    ) {
        self.claimed[k] = true;
        self.cands.push(Cand {
            kind: QuoteKind::Direct,
            span: self.quoted[k].content,
            fragment: None,
            cue: Some(cue),
            mention: Some(speaker),
            inherit: None,
            confidence,
            reason,
        });
    }

    /// `…,” Hannity pressed.` / `…?” she went on, …`: a name, pronoun or
    /// role right after a quote, followed by a past-tense verb that ends the
    /// clause. Returns the speaker and the verb as cue.
    fn verb_after_quote(&self, from: usize, para_end: usize) -> Option<((Mention, Np), Cue)> {
        let text = self.text;
        let mut end = (from + 160).min(para_end);
        while end > from && !text.is_char_boundary(end) {
            end -= 1;
        }
        let toks = tokenize(text, Span::new(from, end));
        let first = usize::from(toks.first().is_some_and(|t| t.text == ","));
        let np = np::forward(&toks, first, toks.len().min(first + 10), text)?;
        let speaker_kind = match np.kind {
            MentionKind::Pronoun => with_lowercase(&np.name, |l| {
                matches!(l, "he" | "she" | "they" | "i" | "we")
            }),
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
    fn colon_label(&self, para_start: usize, colon: usize) -> Option<(Mention, Np)> {
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
    fn colon_sentence_subject(
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
        if colon - start > 240 {
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
            MentionKind::Pronoun => matches!(npx.name.to_lowercase().as_str(), "he" | "she"),
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
    fn unclaimed(&mut self, body: &[Span], sentences: &[Span]) {
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
                        text.get(end..c.span.start)
                            .is_some_and(|gap| gap.len() < 240 && !gap.contains('\n'))
                    });
                if (c.mention.is_some() || c.inherit.is_some()) && !inside_attribution {
                    source = Some((c.span.end, c.inherit.unwrap_or(c.span.start), c.span.start));
                    source_direct = c.kind == QuoteKind::Direct;
                }
                recent_attr.push_back(attr_end(c));
                if recent_attr.len() > 8 {
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
                    self.claim_direct(k, cue, speaker, 0.85, "direct:colon");
                    continue;
                }
            }
            // Right after an attribution in the same paragraph (`“A,” he said. “B.”`).
            let adjacent = recent_attr.iter().any(|&end| {
                end <= q.open.start
                    && end >= para_start
                    && text.get(end..q.open.start).is_some_and(|gap| {
                        gap.len() < 180 && gap.chars().count() < 60 && !gap.contains(['“', '"'])
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
            // `“Would it be negotiable?” Hannity pressed.`: a speaker and a
            // verb that no lexicon knows, right after a quote that hands over
            // to its attribution.
            let hands_over = content.trim_end().ends_with([',', '?', '!']);
            if opens_sentence && hands_over {
                if let Some((speaker, cue)) = self.verb_after_quote(q.outer().end, para.end) {
                    self.claim_direct(k, cue, speaker, 0.7, "direct:verb-after");
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
                    self.claimed[k] = true;
                    // A mixed quotation reports its sentence, when no other
                    // report shares it.
                    let span = if embedded {
                        self.free_sentence(sentences, q.outer(), &taken, first_new)
                            .unwrap_or(q.content)
                    } else {
                        q.content
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
                        confidence: if embedded { 0.5 } else { 0.6 },
                        reason: if embedded {
                            "mixed:continuation"
                        } else {
                            "direct:continuation"
                        },
                    });
                    source = Some((q.content.end, src, q.content.start));
                }
            }
        }
    }
}
