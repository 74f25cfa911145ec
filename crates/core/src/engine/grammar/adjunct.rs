//! Adjuncts and time expressions (`on Monday`, `in a statement`, `last
//! week`) that open, close or interrupt a report, and whether a stretch of
//! text is plausible reported content at all.

use crate::engine::*;

/// Drop a time adjunct that ends `content` (`Cruz Wednesday`, `the plan
/// last week`, `it on Jan. 5`, `the bill yesterday`) when words remain.
pub(in crate::engine) fn trim_trailing_time(text: &str, content: Span) -> Span {
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
pub(in crate::engine) fn folded_word<'b>(word: &'b str, buf: &'b mut [u8; 12]) -> &'b str {
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
pub(in crate::engine) fn opens_adjunct(word: &str) -> bool {
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
pub(in crate::engine) fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

pub(in crate::engine) fn is_time_word(word: &str) -> bool {
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
pub(in crate::engine) fn time_adjunct(toks: &[Token<'_>]) -> Option<usize> {
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
pub(in crate::engine) fn time_adjunct_before(toks: &[Token<'_>]) -> Option<usize> {
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
pub(in crate::engine) fn occasion_adjunct(toks: &[Token<'_>]) -> Option<usize> {
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
pub(in crate::engine) fn only_adjunct_after(toks: &[Token<'_>], from: usize) -> bool {
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
pub(in crate::engine) fn plausible_content(text: &str, content: Span) -> bool {
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
pub(in crate::engine) fn opens_content_adjunct(first: &str) -> bool {
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

/// The comma that ends a short prepositional or time adjunct opening the
/// unit (`During the 2012 election,`, `On Monday,`, `Last week,`), if any.
pub(in crate::engine) fn opening_adjunct_end(toks: &[Token<'_>]) -> Option<usize> {
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
