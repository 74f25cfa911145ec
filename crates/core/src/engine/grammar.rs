//! Closed word classes and token patterns the attribution rules share:
//! auxiliaries and adverbs before a cue, adjuncts and time expressions,
//! hearers, opening clauses, plural heads, hedge and `about` helpers, and the
//! word lists behind them.

use super::*;
pub(super) use crate::words::with_lowercase;

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
    (first + 2..toks.len().min(first + 40)).find(|&k| toks[k].text == ",")
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

/// Drop a time adjunct that ends `content` (`Cruz Wednesday`, `the plan
/// last week`, `it on Jan. 5`, `the bill yesterday`) when words remain.
pub(super) fn trim_trailing_time(text: &str, content: Span) -> Span {
    let Some(s) = content.slice(text) else {
        return content;
    };
    // The last four words, last first, with their offsets in `s` (four:
    // the cut keeps at least one word before an adjunct of up to three).
    // Most objects end in no time word: decide on the last word first.
    let mut words = s
        .split_whitespace()
        .rev()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w));
    let Some(first) = words.next() else {
        return content;
    };
    let mut b = [[0u8; 12]; 3];
    let [b0, b1, b2] = &mut b;
    let w0 = folded_word(first.1, b0);
    let day = is_weekday(w0) || matches!(w0, "yesterday" | "today" | "tonight");
    let digits = !w0.is_empty() && w0.bytes().all(|c| c.is_ascii_digit());
    if !day && !digits && !is_time_word(w0) {
        return content;
    }
    let mut last: [(usize, &str); 4] = [first, (0, ""), (0, ""), (0, "")];
    let mut n = 1;
    for w in words.take(3) {
        last[n] = w;
        n += 1;
    }
    let w1 = folded_word(last[1].1, b1);
    let w2 = folded_word(last[2].1, b2);
    // `cut`: how many final words the adjunct takes.
    let cut = if day {
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
    } else if digits && is_time_word(w1) && w2 == "on" {
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

/// `word` without a final `.` or `,`, in ASCII lower case (the word itself
/// when it has no capital letter, else folded into `buf`); empty when it is
/// longer than the buffer or not ASCII (no time word is).
#[inline]
pub(super) fn folded_word<'b>(word: &'b str, buf: &'b mut [u8; 12]) -> &'b str {
    let w = word.trim_end_matches(['.', ',']);
    if w.len() > buf.len() || !w.is_ascii() {
        return "";
    }
    // Most words are in lower case already: no copy (nor its UTF-8 check).
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return w;
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or_default()
}

/// Words that open a time or place adjunct after a reporting verb (`said on
/// Friday`, `said Smith in Geneva`).
pub(super) fn opens_adjunct(word: &str) -> bool {
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
pub(super) fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

pub(super) fn is_time_word(word: &str) -> bool {
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
pub(super) fn time_adjunct(toks: &[Token<'_>]) -> Option<usize> {
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
#[inline]
pub(super) fn time_adjunct_before(toks: &[Token<'_>]) -> Option<usize> {
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
        // `earlier this month`, `late last week`
        if k > 0 && matches!(lower(k - 1), "earlier" | "later" | "late" | "early") {
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
pub(super) fn occasion_adjunct(toks: &[Token<'_>]) -> Option<usize> {
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
        if subject_pronoun_not_you(l) || l == "that" || time_adjunct(&toks[k..]).is_some() {
            return Some(k);
        }
        if !t.is_word
            || (lex.token_entry(t).is_some() && !DETERMINER_WORDS.contains(&toks[k - 1].lower()))
        {
            return None;
        }
    }
    None
}

/// True when nothing but a short time or place adjunct follows the cue
/// (`… announced on Friday.`, `… said yesterday in Geneva.`).
pub(super) fn only_adjunct_after(toks: &[Token<'_>], from: usize) -> bool {
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
#[inline]
pub(super) fn plausible_content(text: &str, content: Span) -> bool {
    let Some(s) = content.slice(text) else {
        return false;
    };
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or_default();
    let Some(second) = words.next() else {
        return false;
    };
    // `said about half of …`, `predicted about one-third of …`: an
    // approximate quantity opens the clause.
    if first.eq_ignore_ascii_case("about") && is_quantity_word(second) {
        return true;
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

/// A number or a fraction word (`12`, `half`, `one-third`, `a`, `two`).
fn is_quantity_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || word.starts_with('$')
        || with_lowercase(word, |l| {
            matches!(
                l,
                "half"
                    | "a"
                    | "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "one-third"
                    | "two-thirds"
                    | "one-quarter"
                    | "three-quarters"
                    | "one-fifth"
                    | "dozens"
                    | "hundreds"
                    | "thousands"
                    | "millions"
                    | "twice"
                    | "as"
            )
        })
}

/// Words that open an adjunct rather than reported content (lower case).
pub(super) fn opens_content_adjunct(first: &str) -> bool {
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
#[inline]
pub(super) fn skips_before_cue(t: &Token<'_>) -> bool {
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

/// Words after which a cue word is a noun (`the state`, `his remarks`).
pub(super) const DETERMINER_WORDS: &[&str] = &["the", "a", "an", "his", "her", "their", "its"];

pub(super) const SKIP_BEFORE_CUE: &[&str] = &[
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
    // Contracted negations (`didn’t say`; the token's lower case has a
    // straight apostrophe) and adverbs of aspect (`has since said`, `would
    // only say`, `will not yet say`).
    "didn't",
    "doesn't",
    "don't",
    "won't",
    "wouldn't",
    "couldn't",
    "can't",
    "hasn't",
    "haven't",
    "hadn't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "shouldn't",
    "since",
    "only",
    "yet",
];

/// [`SKIP_BEFORE_CUE`] as a set (it is consulted for every cue).
#[inline]
pub(super) fn in_skip_list(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(SKIP_BEFORE_CUE.iter().copied()))
        .contains(word)
}

pub(super) const PASSIVE: &[&str] = &[
    "was", "were", "been", "be", "is", "are", "being", "get", "got",
];

/// Adverbs and auxiliaries between a hedge's subject and its verb
/// (`may also seem`, `is not widely expected to`).
pub(super) const HEDGE_SKIP: &[&str] = &[
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

/// The `about` that opens a cue's complement within a few words after it
/// (`spoke at the White House on Tuesday about`, `talked to his inner circle
/// about`): no punctuation, quote mark, `that` or other cue on the way.
pub(super) fn about_complement(toks: &[Token<'_>], from: usize, stop: usize) -> Option<usize> {
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
        if l == "that" || lex.token_entry(t).is_some() {
            return None;
        }
    }
    None
}

/// The length of an aspect phrase right before token `i` that leaves the
/// cue after it a report: `went on to` (3: `D’Souza went on to explain
/// that …`, also `goes`/`go`/`going on to`) or `continue(s/d) to` (2: `I
/// continue to believe that …`); 0 when there is none.
#[inline]
pub(super) fn aspect_before(toks: &[Token<'_>], i: usize) -> usize {
    if i < 2 || !toks[i - 1].text.eq_ignore_ascii_case("to") {
        return 0;
    }
    // `I continue to believe`, `was quick to point out`, `is trying to
    // show`, `has yet to endorse`, `failed to prosecute`: a control verb or
    // adjective leaves the report to the cue after it, with its subject.
    if matches!(
        toks[i - 2].lower(),
        "continue"
            | "continues"
            | "continued"
            | "quick"
            | "tried"
            | "trying"
            | "try"
            | "tries"
            | "yet"
            | "failed"
            | "fails"
            | "began"
            | "begins"
            | "begin"
            | "started"
            | "starts"
            | "sought"
            | "seeking"
            | "seeks"
            | "attempted"
            | "managed"
            | "ready"
            | "able"
            | "careful"
            | "hastened"
            | "rushed"
            | "moved"
    ) {
        return 2;
    }
    if i >= 3
        && toks[i - 2].text.eq_ignore_ascii_case("on")
        && matches!(toks[i - 3].lower(), "went" | "goes" | "go" | "going")
    {
        return 3;
    }
    0
}

/// True when `as` follows within a few words, before any punctuation
/// (`saw Beck's comments as …`, `views him as …`, `what he sees as …`), or
/// a `that` clause (`the campaign sees that …`), or a manner adverb (`viewed
/// him favorably`).
pub(super) fn as_complement(toks: &[Token<'_>], from: usize) -> bool {
    toks.get(from)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("that"))
        || toks
            .iter()
            .skip(from)
            .take(12)
            .take_while(|t| t.is_word)
            .any(|t| {
                t.text.eq_ignore_ascii_case("as") || t.text.ends_with("ably") && t.text.len() > 6
            })
}

/// The start of the run of [`HEDGE_SKIP`] words that ends right before
/// token `i` (`i` itself when there is none).
pub(super) fn before_hedge_skips(toks: &[Token<'_>], i: usize) -> usize {
    let mut k = i;
    while k > 0 && HEDGE_SKIP.contains(&toks[k - 1].lower()) {
        k -= 1;
    }
    k
}

/// True when a form of `be` comes before token `i`, past adverbs and
/// auxiliaries (`is not widely`, `has long been`).
pub(super) fn after_be(toks: &[Token<'_>], i: usize) -> bool {
    let k = before_hedge_skips(toks, i);
    k > 0
        && matches!(
            toks[k - 1].lower(),
            "is" | "are" | "was" | "were" | "be" | "been"
        )
}

/// Words after `seem`/`appear` that make it no hedge (`appeared before the
/// committee`, `appeared together`, `appeared on Fox News`).
pub(super) const HEDGE_NOT_NEXT: &[&str] = &[
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
pub(super) const HEDGE_CLAUSE_OPENERS: &[&str] = &[
    "that", "because", "while", "although", "though", "if", "when", "whereas", "since", "as",
    "but", "so", "where", "whether", "unless", "until", "after", "before", "once", "and", "or",
    "than", "why", "how", "what", "however", "yet", "then", "now", "also", "even",
];

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

/// The comma that ends a short prepositional or time adjunct opening the
/// unit (`During the 2012 election,`, `On Monday,`, `Last week,`), if any.
pub(super) fn opening_adjunct_end(toks: &[Token<'_>]) -> Option<usize> {
    let first = toks.first()?;
    let opens = with_lowercase(first.text, |l| {
        matches!(
            l,
            "during"
                | "in"
                | "on"
                | "at"
                | "after"
                | "before"
                | "since"
                | "with"
                | "for"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "over"
                | "by"
                | "from"
                | "under"
                | "throughout"
                | "amid"
                | "despite"
                | "still"
                | "however"
                | "meanwhile"
                | "now"
                | "instead"
                | "indeed"
                | "separately"
                | "finally"
                | "yesterday"
                | "today"
        )
    });
    if !opens {
        return None;
    }
    toks.iter()
        .take(12)
        .position(|t| !t.is_word)
        .filter(|&k| toks[k].text == ",")
}

/// A subject pronoun with a contracted verb (`it’s`, `they’re`, `I’m`,
/// `there’s`): a clause opens with it.
pub(super) fn pronoun_contraction(t: &Token<'_>) -> bool {
    let l = t.lower();
    l.split_once('\'')
        .is_some_and(|(p, v)| clause_opener(p) && matches!(v, "s" | "re" | "m" | "ve" | "d" | "ll"))
}

/// After a light verb (`made`, `gave`, `launched`): the end (exclusive) of
/// `[determiner/adjectives] reporting-noun preposition` when one follows
/// within five words (`no mention of`, `a passionate case for`, `an attack
/// on`, `the point that`).
pub(super) fn light_complement(toks: &[Token<'_>], from: usize) -> Option<usize> {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let nouns = SET.get_or_init(|| WordSet::new(REPORT_NOUNS.iter().copied()));
    for k in from..(from + 6).min(toks.len()) {
        let t = &toks[k];
        if !t.is_word {
            return None;
        }
        if nouns.contains(t.lower()) {
            let prep = toks.get(k + 1).is_some_and(|n| {
                matches!(
                    n.lower(),
                    "of" | "about" | "on" | "for" | "against" | "to" | "that" | "with" | "at"
                )
            });
            return prep.then_some(k + 2);
        }
    }
    None
}

/// Nouns of speech and stance that a light verb turns into a report.
const REPORT_NOUNS: &[&str] = &[
    "case",
    "mention",
    "secret",
    "statement",
    "statements",
    "comment",
    "comments",
    "remark",
    "remarks",
    "reference",
    "references",
    "attack",
    "attacks",
    "call",
    "calls",
    "plea",
    "appeal",
    "appeals",
    "point",
    "points",
    "argument",
    "arguments",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "accusation",
    "accusations",
    "promise",
    "promises",
    "pledge",
    "commitment",
    "commitments",
    "joke",
    "jokes",
    "observation",
    "apology",
    "apologies",
    "claim",
    "claims",
    "pitch",
    "speech",
    "speeches",
    "address",
    "announcement",
    "criticism",
    "critique",
    "defense",
    "defence",
    "endorsement",
    "praise",
    "overture",
    "overtures",
    "threat",
    "threats",
    "warning",
    "warnings",
    "prediction",
    "predictions",
    "assurance",
    "assurances",
    "vow",
    "proposal",
    "proposals",
    "request",
    "demand",
    "demands",
    "nod",
    "tribute",
    "rebuke",
    "denunciation",
    "assessment",
    "interview",
    "testimony",
    "presentation",
    "insinuation",
    "suggestion",
    "assertion",
    "declaration",
    "admission",
    "concession",
    "recommendation",
    "comparison",
];

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
