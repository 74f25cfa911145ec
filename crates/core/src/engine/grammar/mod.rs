//! Token patterns the attribution rules share: hearers, opening clauses,
//! plural heads, finite clauses, sentence shapes. Its submodules hold the
//! adjuncts and time expressions (`adjunct`) and the words around a cue
//! (`cue_context`).

use super::*;
pub(super) use crate::words::with_lowercase;

mod adjunct;
mod cue_context;

pub(super) use adjunct::*;
pub(super) use cue_context::*;

/// Can this word open the hearer after `said to` (`to a crowd`, `to
/// reporters`, `to CNN`) rather than an infinitive (`to be`)?
pub(super) fn is_hearer_start(t: &Token<'_>) -> bool {
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
pub(super) fn opening_clause_end(toks: &[Token<'_>]) -> Option<usize> {
    let mut first = toks.iter().position(|t| t.is_word)?;
    // `However, while …`, `But when …`
    if matches!(
        toks[first].lower(),
        "however" | "but" | "and" | "still" | "yet" | "meanwhile" | "so"
    ) {
        first += 1;
        if toks.get(first).is_some_and(|t| t.text == ",") {
            first += 1;
        }
    }
    let opens = toks.get(first).is_some_and(|t| {
        matches!(
            t.lower(),
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
                | "as"
                | "whenever"
                | "asked"
                | "pressed"
                | "questioned"
        )
    });
    if !opens {
        return None;
    }
    (first + 2..toks.len().min(first + OPENING_CLAUSE_MAX_TOKENS)).find(|&k| toks[k].text == ",")
}

/// Is the `that` at `k` a demonstrative subject (`said that was a
/// mistake`) rather than a complementiser?
pub(super) fn demonstrative(toks: &[Token<'_>], k: usize) -> bool {
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
pub(super) fn unmarked_plural(lower: &str) -> bool {
    matches!(
        lower,
        "police"
            | "people"
            | "staff"
            | "personnel"
            | "clergy"
            | "children"
            | "men"
            | "women"
            | "data"
    ) || plural_quantifier(lower)
}

/// A quantifier that heads a plural subject on its own (`Few think`,
/// `Many say`); never a name, so its capital is the sentence's.
pub(super) fn plural_quantifier(lower: &str) -> bool {
    matches!(
        lower,
        "few" | "many" | "most" | "some" | "both" | "all" | "several"
    )
}

/// Is the head noun of a speaker phrase a plural common noun (`Chinese
/// traders`, `sources close to her campaign`, `the top candidates of both
/// parties`)? The head is the word before a complement, else the last word.
#[inline]
pub(super) fn plural_head(phrase: &[Token<'_>]) -> bool {
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
            return !h.is_capitalized() || sentence_capital || plural_quantifier(l);
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
pub(super) fn attributes_itself(clause: &[Token<'_>]) -> bool {
    let verb = clause.iter().skip(1).take(4).find(|t| {
        !t.is_word
            || !matches!(
                t.lower(),
                "also" | "has" | "had" | "have" | "later" | "once" | "then" | "recently"
            )
    });
    let speaks = verb.is_some_and(|t| {
        t.is_word
            && Lexicon::builtin().token_entry(t).is_some_and(|e| {
                e.class == CueClass::Speech && !e.traits.has(LemmaTraits::WRITES_OR_CALLS)
            })
    });
    speaks || clause.iter().any(|t| t.lower() == "anonymity")
}

/// Join sentences whose boundary falls inside a closed quote of one paragraph.
#[inline]
pub(super) fn sentence_ends_in_quote(text: &str, s: Span) -> bool {
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
pub(super) fn short_attribution(text: &str, s: Span) -> bool {
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

/// Drop a sentence-final period from reported content (`the repairs cost
/// $2.4 million.`), but not the period of an abbreviation (`the U.S.`).
pub(super) fn trim_final_period(text: &str, content: Span) -> Span {
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

/// The words of a paragraph label before its colon (`Sen. Smith`, `Poll`)
/// when there are one to `max` of them and each is capitalised.
pub(super) fn label_words(label: &str, max: usize) -> Option<Vec<&str>> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (!words.is_empty() && words.len() <= max && capitalised).then_some(words)
}

/// True when no word in `toks` is a reporting cue.
pub(super) fn no_cue_word(toks: &[Token<'_>]) -> bool {
    let lex = Lexicon::builtin();
    toks.iter()
        .all(|t| !t.is_word || lex.token_entry(t).is_none())
}

/// Whether a finite clause opens at `start` (`that …`, `he …`, `the
/// discussion will focus …`): a complementiser before it, a subject pronoun,
/// or an auxiliary within the next ten words before any punctuation.
pub(super) fn finite_clause(toks: &[Token<'_>], start: usize) -> bool {
    if start > 0 && toks[start - 1].lower() == "that" {
        return true;
    }
    let Some(first) = toks.get(start) else {
        return false;
    };
    if clause_opener(first.lower()) || pronoun_contraction(first) {
        return true;
    }
    toks[start + 1..]
        .iter()
        .take(10)
        .take_while(|t| t.is_word)
        .any(|t| {
            let l = t.lower();
            is_auxiliary(l)
                || matches!(
                    l,
                    "won't"
                        | "wasn't"
                        | "isn't"
                        | "aren't"
                        | "weren't"
                        | "didn't"
                        | "doesn't"
                        | "can't"
                        | "cannot"
                        | "wouldn't"
                        | "couldn't"
                        | "shouldn't"
                        | "hasn't"
                        | "haven't"
                        | "hadn't"
                        | "don't"
                        | "shall"
                )
        })
}

/// A subject pronoun with a contracted verb (`it’s`, `they’re`, `I’m`,
/// `there’s`): a clause opens with it.
pub(super) fn pronoun_contraction(t: &Token<'_>) -> bool {
    let l = t.lower();
    l.split_once('\'')
        .is_some_and(|(p, v)| clause_opener(p) && matches!(v, "s" | "re" | "m" | "ve" | "d" | "ll"))
}

/// An auxiliary or modal, which can only be a finite verb (`is`, `has`,
/// `will`): after a noun phrase it starts the main clause's predicate.
pub(super) fn main_verb(t: &Token<'_>) -> bool {
    t.is_word && !t.is_capitalized() && (is_auxiliary(t.lower()) || t.lower() == "do")
}

/// The auxiliaries and modals (`is`, `has`, `will`, `did` …) that both
/// [`finite_clause`] and [`main_verb`] look for.
fn is_auxiliary(l: &str) -> bool {
    matches!(
        l,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "may"
            | "might"
            | "can"
            | "could"
            | "should"
            | "must"
            | "did"
            | "does"
    )
}
