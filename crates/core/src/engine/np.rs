//! Noun phrases that can name a speaker: found next to a cue and described as
//! a person's name (with any title or role before it), a surname, a role, an
//! organisation, a group, or a pronoun.

use crate::speaker::MentionKind;
use crate::token::Token;
use crate::words::Words;

/// Pronouns that can be the subject of a reporting verb.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you", "who", "which"];

/// `He’s`, `she'd`, `he’ll` (folded to `'`): a subject pronoun `he`/`she`
/// with a contracted auxiliary, as one token. The pronoun as written
/// (`He`), so that the speaker phrase is the pronoun, not a name `He’s`.
fn contracted_pronoun<'t>(t: &'t Token<'_>) -> Option<&'t str> {
    let l = lower(t);
    // (Cheap tests first: this runs for every head word.)
    if !(4..=6).contains(&l.len()) || !matches!(l.as_bytes()[0], b'h' | b's') {
        return None;
    }
    let (base, rest) = l.split_once('\'')?;
    (matches!(base, "he" | "she") && matches!(rest, "s" | "d" | "ll"))
        .then(|| t.text.get(..base.len()))
        .flatten()
}

/// Words that mark an organisation when they appear in a capitalised name.
fn is_org_word(word: &str) -> bool {
    matches!(
        word,
        "department"
            | "ministry"
            | "agency"
            | "council"
            | "house"
            | "party"
            | "committee"
            | "commission"
            | "court"
            | "office"
            | "service"
            | "corporation"
            | "company"
            | "inc."
            | "corp."
            | "times"
            | "post"
            | "news"
            | "university"
            | "institute"
            | "bank"
            | "fund"
            | "government"
            | "administration"
            | "campaign"
            | "association"
            | "foundation"
            | "center"
            | "centre"
            | "network"
            | "journal"
            | "press"
            | "group"
            | "union"
            | "board"
            | "bureau"
            | "authority"
            | "police"
            | "army"
            | "navy"
            | "force"
            | "forces"
            | "kremlin"
            | "pentagon"
            | "senate"
            | "congress"
            | "parliament"
            | "cabinet"
            | "embassy"
            | "organization"
            | "organisation"
            | "federation"
            | "coalition"
            | "alliance"
            | "league"
            | "club"
            | "magazine"
            | "reuters"
            | "ap"
            | "afp"
            | "cnn"
            | "bbc"
            | "fox"
            | "msnbc"
            | "politico"
            | "tribune"
            | "herald"
            | "guardian"
            | "telegraph"
            | "gazette"
            | "inc"
            | "llc"
            | "ltd"
            | "co."
            | "secretariat"
            | "directorate"
            | "tribunal"
            | "assembly"
            | "command"
            | "services"
            | "systems"
            | "holdings"
            | "partners"
            | "airlines"
            | "airways"
            | "motors"
            | "industries"
            | "technologies"
            | "labs"
            | "solutions"
            | "media"
            | "capital"
            | "energy"
            | "pharmaceuticals"
            | "international"
            | "ministries"
            | "departments"
            | "agencies"
            | "school"
            | "college"
            | "hospital"
            | "clinic"
            | "church"
            | "museum"
            | "festival"
            | "society"
            | "trust"
            | "watch"
            | "studios"
            | "chamber"
            | "institution"
    )
}

/// `Department of Parks and Recreation`, `Department of Health and Human
/// Services`: the capitalised words ending at token `end` follow an
/// organisation word and `of` (one or two words), so an `and` after them
/// joins the organisation's name.
fn org_of_before(tokens: &[Token<'_>], end: usize, floor: usize) -> bool {
    (end.saturating_sub(2)..end).rev().any(|of| {
        of > floor
            && lower(&tokens[of]) == "of"
            && is_org_word(lower(&tokens[of - 1]))
            && tokens[of + 1..=end].iter().all(Token::is_capitalized)
    })
}

/// Determiners that may open a speaker phrase.
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "some"
            | "many"
            | "several"
            | "other"
            | "two"
            | "three"
            | "four"
            | "five"
            | "most"
            | "few"
            | "both"
            | "all"
            | "top"
            | "senior"
            | "former"
            | "these"
            | "those"
            | "this"
            | "one"
            | "another"
            | "my"
            | "your"
    )
}

/// A candidate speaker phrase: token range and its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// First token index.
    pub first: usize,
    /// Last token index (inclusive).
    pub last: usize,
    /// What it is.
    pub kind: MentionKind,
    /// The name or normalised phrase used to identify the speaker.
    pub name: String,
    /// The role or title given with the name, if any (as written).
    pub role: Option<String>,
}

impl Np {
    /// A phrase without a separate role (pronouns, organisations, groups).
    fn unnamed(first: usize, last: usize, kind: MentionKind, name: String) -> Np {
        Np {
            first,
            last,
            kind,
            name,
            role: None,
        }
    }
}

fn lower<'t>(t: &'t Token<'_>) -> &'t str {
    t.lower()
}

/// Lower-case particles inside personal names (`Marieke de Groot`).
fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "da"
            | "di"
            | "del"
            | "della"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "das"
            | "bin"
            | "ibn"
            | "al"
            | "ter"
            | "ten"
    )
}

fn is_name_word(t: &Token<'_>, w: &Words) -> bool {
    t.is_capitalized() && {
        let l = lower(t);
        !w.is_function_title_or_speaker_noun(l) && !is_org_word(l)
    }
}

/// True when the token can be the head (last word) of a speaker phrase.
pub fn can_head(t: &Token<'_>, w: &Words) -> bool {
    if !t.is_word {
        return false;
    }
    let l = lower(t);
    if PRONOUNS.contains(&l) || is_quantifier_head(l) {
        return true;
    }
    let class = w.class(l);
    if class.is_function() {
        return false;
    }
    // `the 46-year-old`
    t.is_capitalized() || class.is_speaker_noun() || l.ends_with("-year-old")
}

/// Words that head a speaker phrase of their own (`Almost half said`,
/// `Each side said`, `others say`).
fn is_quantifier_head(word: &str) -> bool {
    matches!(
        word,
        "half"
            | "others"
            | "side"
            | "another"
            | "many"
            | "most"
            | "some"
            | "percent"
            | "majority"
            | "minority"
            | "history"
            | "both"
            | "none"
            | "few"
            | "everyone"
            | "everybody"
            | "nobody"
            | "somebody"
            | "someone"
            | "third"
            | "thirds"
            | "two-thirds"
            | "quarter"
            | "quarters"
            | "three-quarters"
            | "fifth"
            | "fifths"
            | "plurality"
    )
}

/// Extract the speaker phrase ending at token `last` (inclusive), reading
/// leftwards; `floor` is the first index it may use.
pub fn backward(tokens: &[Token<'_>], last: usize, floor: usize, text: &str) -> Option<Np> {
    let w = Words::builtin();
    let head = tokens.get(last)?;
    // `26% say`: a percentage is a group of respondents.
    if head.text == "%"
        && last > floor
        && tokens[last - 1]
            .text
            .starts_with(|c: char| c.is_ascii_digit())
    {
        let first = last - 1;
        return Some(Np {
            first,
            last,
            kind: MentionKind::Group,
            name: text
                .get(tokens[first].span.start..head.span.end)
                .unwrap_or_default()
                .to_string(),
            role: None,
        });
    }
    // `a source close to him said`: an object pronoun ends a complement;
    // the phrase is headed before it.
    if last > floor
        && matches!(lower(head), "him" | "her" | "them" | "us" | "me")
        && matches!(lower(&tokens[last - 1]), "to" | "with" | "of" | "for")
    {
        let pron = Np::unnamed(last, last, MentionKind::Pronoun, head.text.to_string());
        return complement_head(tokens, last, last, floor, text).filter(|np| np.first < pron.first);
    }
    // `those surveyed`, `those polled`
    if last > floor
        && lower(&tokens[last - 1]) == "those"
        && matches!(
            lower(head),
            "surveyed" | "polled" | "questioned" | "interviewed" | "asked"
        )
    {
        let np = Np::unnamed(
            last - 1,
            last,
            MentionKind::Group,
            join(tokens, last - 1, last, text),
        );
        return Some(with_complement_head(tokens, np, floor, text));
    }
    if let Some(first) = quantified_group(tokens, last, floor) {
        return Some(Np::unnamed(
            first,
            last,
            MentionKind::Group,
            join(tokens, first, last, text),
        ));
    }
    if !can_head(head, w) {
        let np = common_noun_phrase(tokens, last, floor, text)?;
        return Some(with_complement_head(tokens, np, floor, text));
    }
    let hl = lower(head);
    if PRONOUNS.contains(&hl) {
        return Some(Np::unnamed(
            last,
            last,
            MentionKind::Pronoun,
            head.text.to_string(),
        ));
    }
    if let Some(p) = contracted_pronoun(head) {
        return Some(Np::unnamed(last, last, MentionKind::Pronoun, p.to_string()));
    }
    let head_is_noun = !head.is_capitalized() || w.is_speaker_noun(hl);
    let mut first = last;
    let mut lowercase_mods = 0;
    // Speaker phrases are short; the cap keeps pathological text linear.
    let floor = floor.max(last.saturating_sub(16));
    while first > floor {
        let t = &tokens[first - 1];
        if !t.is_word {
            // `Sanders’ campaign manager`: a possessive apostrophe after a
            // plural or a name in -s, followed by a space.
            if first - 1 > floor && plural_possessive(&tokens[first - 2], t, &tokens[first]) {
                first -= 2;
                continue;
            }
            break;
        }
        let l = lower(t);
        let next = &tokens[first];
        if is_determiner(l) {
            first -= 1;
            // `a former official`, `the two senior aides`
            if first > floor && matches!(lower(&tokens[first - 1]), "a" | "an" | "the") {
                first -= 1;
            }
            break;
        }
        if (l == "of" || l == "for" || l == "at" || l == "on") && first - 1 > floor {
            // `Secretary of State`, `spokesman for the ministry`
            let before = &tokens[first - 2];
            let bl = lower(before);
            let ok_before = before.is_word
                && (before.is_capitalized() || w.is_speaker_noun(bl) || w.is_title(bl));
            let ok_after = next.is_capitalized() || is_determiner(lower(next));
            if ok_before && ok_after && (l == "of" || w.is_speaker_noun(bl) || w.is_title(bl)) {
                first -= 1;
                continue;
            }
            break;
        }
        if l == "and" || l == "&" {
            // `Smith and Wesson`, not `Smith and Jones said` (keep it simple: only inside capitalised names)
            if next.is_capitalized()
                && first - 1 > floor
                && tokens[first - 2].is_capitalized()
                && (is_org_word(lower(next))
                    // (`… of Chicago and Professor Knittel`: a title opens
                    // another name.)
                    || !w.is_title(lower(next)) && org_of_before(tokens, first - 2, floor))
            {
                first -= 1;
                continue;
            }
            break;
        }
        // One lookup answers the list tests below.
        let class = w.class(l);
        // `New Jersey`, `New York`: `new` is a function word only in lower case.
        let place = l == "new" && next.is_capitalized();
        if t.is_capitalized() && (!class.is_function() || place) {
            first -= 1;
            continue;
        }
        if class.is_title() || class.is_speaker_noun() {
            first -= 1;
            continue;
        }
        if head_is_noun
            && lowercase_mods < 3
            && !class.is_function()
            && !l.ends_with("ly")
            && l.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == '.')
        {
            // modifiers of a speaker noun: `senior administration officials`,
            // `a mere 9 percent`
            if crate::cue::Lexicon::builtin().token_entry(t).is_some() {
                break;
            }
            lowercase_mods += 1;
            first -= 1;
            continue;
        }
        break;
    }
    // Trim leading function words that are not determiners (`But`, `And`).
    while first < last {
        let l = lower(&tokens[first]);
        let place =
            l == "new" && tokens[first].is_capitalized() && tokens[first + 1].is_capitalized();
        if w.is_function(l) && !is_determiner(l) && !place {
            first += 1;
        } else {
            break;
        }
    }
    // `…,” screenwriter Cole Haddon wrote`: up to three lowercase role words
    // between a clause boundary and a name belong to the phrase.
    if first > floor && tokens[last].is_capitalized() {
        let mut k = first;
        while k > floor
            && first - k < 4
            && tokens[k - 1].is_word
            && !w.is_function(lower(&tokens[k - 1]))
            && crate::cue::Lexicon::builtin()
                .token_entry(&tokens[k - 1])
                .is_none()
        {
            k -= 1;
        }
        // `the Post's senior politics editor Steven Ginsberg`: a determiner
        // or a possessive before role words.
        // `one senior Democrat`: the capitalised head may be the role noun.
        let role = (k..first).any(|i| {
            let l = lower(&tokens[i]);
            w.is_title(l) || w.is_speaker_noun(l)
        }) || w.is_speaker_noun(lower(&tokens[last]));
        if role && k > floor {
            let owner = &tokens[k - 1];
            let ol = lower(owner);
            if owner.is_capitalized() && (ol.ends_with("'s") || ol.ends_with("’s")) {
                k -= 1;
            }
            if k > floor && matches!(lower(&tokens[k - 1]), "the" | "a" | "an" | "one") {
                k -= 1;
            }
        }
        // Apostrophe-like marks (`'90s`) are no boundary.
        let boundary = k == 0
            || tokens[k - 1].is_quote_mark() && !matches!(tokens[k - 1].text, "'" | "’" | "‘")
            || matches!(tokens[k - 1].text, "," | ";" | "(" | "—" | "–");
        if k < first && boundary {
            first = k;
        }
    }
    // `Aides to Clinton`, `people familiar with her thinking`, `Proponents of
    // the new bill`: a speaker noun with a prepositional complement.
    // `Residents of nearby Chewton Parva`: one adjective may sit between the
    // preposition and the name.
    if first >= 3 && first > floor + 2 && tokens[last].is_capitalized() {
        let adj = &tokens[first - 1];
        if adj.is_word
            && !adj.is_capitalized()
            && !w.is_function(lower(adj))
            && matches!(lower(&tokens[first - 2]), "of" | "in" | "from")
        {
            first -= 1;
        }
    }
    // `Six in 10 Virginia Democratic primary voters`: a survey share
    // before a group.
    if first >= floor + 2
        && lower(&tokens[first - 1]) == "in"
        && is_number(lower(&tokens[first - 2]))
        && is_number(lower(&tokens[first]))
    {
        first -= 2;
        if first > floor
            && matches!(
                lower(&tokens[first - 1]),
                "nearly" | "about" | "only" | "almost" | "roughly"
            )
        {
            first -= 1;
        }
    }
    if let Some(np) = complement_head(tokens, first, last, floor, text) {
        return Some(np);
    }
    Some(describe(tokens, first, last, text))
}

fn is_number(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_digit()) && !word.is_empty() && word.len() <= 3
        || matches!(
            word,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        )
}

/// Survey groups ending at `last`: `three in five`, `4 in 10`, `most of
/// them`, `all but two`. Returns the first token.
fn quantified_group(tokens: &[Token<'_>], last: usize, floor: usize) -> Option<usize> {
    if last < floor + 2 {
        return None;
    }
    let l = |k: usize| lower(&tokens[k]);
    let mut first = match (l(last - 2), l(last - 1), l(last)) {
        (a, "in", b) if is_number(a) && is_number(b) => last - 2,
        (
            "most" | "many" | "some" | "all" | "half" | "none" | "few" | "several" | "each"
            | "both" | "majority",
            "of",
            "them" | "those" | "us" | "these",
        ) => last - 2,
        ("all", "but", b) if is_number(b) => last - 2,
        _ => return None,
    };
    // `nearly three in five`, `more than half of them`, `a majority of them`
    while first > floor
        && matches!(
            l(first - 1),
            "nearly"
                | "about"
                | "only"
                | "almost"
                | "roughly"
                | "some"
                | "just"
                | "a"
                | "than"
                | "more"
                | "fewer"
                | "less"
        )
    {
        first -= 1;
    }
    Some(first)
}

/// `Aides to Clinton`, `Proponents of the new bill`, `people familiar with
/// her thinking`: when the phrase `tokens[first..=last]` is the complement of
/// a speaker noun or quantifier, the whole phrase headed by that noun.
fn complement_head(
    tokens: &[Token<'_>],
    first: usize,
    last: usize,
    floor: usize,
    text: &str,
) -> Option<Np> {
    let w = Words::builtin();
    if first < 2 || first <= floor + 1 {
        return None;
    }
    let prep = lower(&tokens[first - 1]);
    if !matches!(
        prep,
        "of" | "to" | "for" | "with" | "at" | "from" | "in" | "close"
    ) {
        return None;
    }
    let mut k = first - 2;
    // `people familiar with`, `sources close to`, `lawmakers loyal to`
    if matches!(
        lower(&tokens[k]),
        "familiar" | "close" | "loyal" | "allied" | "opposed" | "privy"
    ) && k > floor
    {
        k -= 1;
    }
    let before = &tokens[k];
    // `James Pethokoukis of the American Enterprise Institute`: a person's
    // name with its affiliation; the person is the speaker, the rest their
    // role.
    if matches!(prep, "of" | "at" | "from")
        && is_determiner(lower(&tokens[first]))
        && is_name_word(before, w)
        && tokens[last].is_capitalized()
    {
        let person = backward(tokens, k, floor, text)?;
        if matches!(person.kind, MentionKind::Name) {
            let mut np = person;
            np.role
                .get_or_insert_with(|| join(tokens, first - 1, last, text));
            np.last = last;
            return Some(np);
        }
    }
    if !(before.is_word && (w.is_speaker_noun(lower(before)) || is_quantifier_head(lower(before))))
    {
        return None;
    }
    let outer = backward(tokens, k, floor, text)?;
    let mut np = describe(tokens, outer.first, last, text);
    np.kind = outer.kind;
    np.name = text
        .get(tokens[outer.first].span.start..tokens[last].span.end)
        .unwrap_or_default()
        .to_string();
    Some(np)
}

/// [`complement_head`] for a common-noun phrase, or the phrase itself.
fn with_complement_head(tokens: &[Token<'_>], np: Np, floor: usize, text: &str) -> Np {
    complement_head(tokens, np.first, np.last, floor, text).unwrap_or(np)
}

/// `the businessman`, `one voter`, `a reporter`: a determiner and up to three
/// lowercase words ending in any noun, as the subject of a reporting verb.
fn common_noun_phrase(tokens: &[Token<'_>], last: usize, floor: usize, text: &str) -> Option<Np> {
    let w = Words::builtin();
    let head = tokens.get(last)?;
    let hl = lower(head);
    if !head.is_word
        || w.is_function(hl)
        || hl.ends_with("ly")
        || !hl.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        return None;
    }
    let mut k = last;
    while k > floor && last - k < 4 {
        let t = &tokens[k - 1];
        let l = lower(t);
        if !t.is_word {
            return None;
        }
        if matches!(
            l,
            "the"
                | "a"
                | "an"
                | "one"
                | "another"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "this"
                | "some"
                | "many"
                | "other"
                | "each"
                | "every"
        ) {
            return Some(describe(tokens, k - 1, last, text));
        }
        // `the secretary of state`, `the head of security`
        if l == "of"
            && k >= 2
            && k - 1 > floor
            && (w.is_speaker_noun(lower(&tokens[k - 2])) || w.is_title(lower(&tokens[k - 2])))
        {
            k -= 1;
            continue;
        }
        // `Supporters of abortion rights`: a bare plural speaker noun opens
        // the phrase.
        if w.is_speaker_noun(l) && (k - 1 == floor || !tokens[k - 2].is_word) {
            return Some(describe(tokens, k - 1, last, text));
        }
        // Adjectives that the function-word list holds (`the new bill`).
        let adjective = matches!(l, "new" | "first" | "second" | "third" | "such");
        if !adjective
            && (w.is_function(l) || crate::cue::Lexicon::builtin().token_entry(t).is_some())
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// Is `mark` the apostrophe of a possessive in -s (`Sanders’ campaign`):
/// attached to a word ending in `s` and followed by a space?
pub(crate) fn plural_possessive(word: &Token<'_>, mark: &Token<'_>, next: &Token<'_>) -> bool {
    matches!(mark.text, "’" | "'")
        && word.is_word
        && word.span.end == mark.span.start
        && mark.span.end < next.span.start
        && next.is_word
        && word.text.ends_with(['s', 'S'])
}

/// Extract a speaker phrase starting at token `first`, reading rightwards, up
/// to index `ceil` (exclusive).
pub fn forward(tokens: &[Token<'_>], first: usize, ceil: usize, text: &str) -> Option<Np> {
    let w = Words::builtin();
    let mut last = first;
    let t0 = tokens.get(first)?;
    if !t0.is_word {
        return None;
    }
    let l0 = lower(t0);
    if PRONOUNS.contains(&l0) {
        return Some(Np::unnamed(
            first,
            first,
            MentionKind::Pronoun,
            t0.text.to_string(),
        ));
    }
    if let Some(p) = contracted_pronoun(t0) {
        return Some(Np::unnamed(
            first,
            first,
            MentionKind::Pronoun,
            p.to_string(),
        ));
    }
    let mut best: Option<usize> = if can_head(t0, w) { Some(first) } else { None };
    let mut i = first + 1;
    while i < ceil.min(first + 12) {
        let t = &tokens[i];
        if !t.is_word {
            break;
        }
        let l = lower(t);
        if t.is_capitalized() && !w.is_function(l)
            || w.is_speaker_noun(l)
            || w.is_title(l)
            || l.ends_with("-year-old")
        {
            last = i;
            best = Some(i);
        } else if l == "of" || l == "for" || is_determiner(l) && i == first + 1 {
            // continue through `of`, `for the`
        } else if !w.is_function(l) && l.chars().all(char::is_alphabetic) && best.is_none() {
            // lowercase modifier before a speaker noun
        } else if !w.is_function(l)
            && l.chars().all(|c| c.is_alphabetic() || c == '-')
            && !past_tense_after_name(tokens, i)
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.is_capitalized() || w.is_speaker_noun(lower(n)))
            && i + 1 < ceil
            && crate::cue::Lexicon::builtin().token_entry(t).is_none()
        {
            // a role word between names: `Clinton ally James Carville`
        } else {
            break;
        }
        i += 1;
    }
    let last = best.map_or(last, |b| b);
    if !can_head(&tokens[last], w) {
        return None;
    }
    Some(describe(tokens, first, last, text))
}

/// `Margaret Reyes addressed Mr. Pruett`: a past tense right after a name
/// (token `i`, after the phrase's first word) is the sentence's verb, not a
/// role word between names; after a possessive or an adverb it is an
/// adjective (`the party’s presumed nominee`, `Sparsely populated South
/// Dakota`).
fn past_tense_after_name(tokens: &[Token<'_>], i: usize) -> bool {
    let before = lower(&tokens[i - 1]);
    lower(&tokens[i]).ends_with("ed")
        && tokens[i - 1].is_capitalized()
        && !before.ends_with("'s")
        && !before.ends_with("ly")
}

fn join(tokens: &[Token<'_>], first: usize, last: usize, text: &str) -> String {
    text.get(tokens[first].span.start..tokens[last].span.end)
        .unwrap_or_default()
        .to_string()
}

/// Describe the phrase `tokens[first..=last]`.
pub fn describe(tokens: &[Token<'_>], first: usize, last: usize, text: &str) -> Np {
    let w = Words::builtin();
    let head = &tokens[last];
    let hl = lower(head);
    if PRONOUNS.contains(&hl) && first == last {
        return Np::unnamed(first, last, MentionKind::Pronoun, head.text.to_string());
    }
    if let Some(p) = contracted_pronoun(head).filter(|_| first == last) {
        return Np::unnamed(first, last, MentionKind::Pronoun, p.to_string());
    }
    // The whole phrase as written, allocated only for the kinds that use it.
    let all = || join(tokens, first, last, text);
    let all_str = || {
        text.get(tokens[first].span.start..tokens[last].span.end)
            .unwrap_or_default()
    };
    let has_org = (first..=last).any(|i| is_org_word(lower(&tokens[i])));
    // Trailing run of name words.
    let mut k = last + 1;
    while k > first && last + 1 - (k - 1) <= 5 {
        let t = &tokens[k - 1];
        let particle = k - 1 > first
            && k <= last
            && is_name_particle(lower(t))
            && is_name_word(&tokens[k - 2], w);
        if is_name_word(t, w) || particle {
            k -= 1;
        } else {
            break;
        }
    }
    // `Bill Clinton`: a given name that is also a noun (`bill`) starts the
    // name, it is no role.
    if k > first
        && k <= last
        && tokens[k - 1].is_capitalized()
        && super::resolve::is_given_name(lower(&tokens[k - 1]))
    {
        k -= 1;
    }
    // Allocates once: `s` is borrowed from the text.
    let strip_det = |s: &str| -> String {
        let mut s = s.trim();
        for d in ["the ", "The ", "THE "] {
            if let Some(r) = s.strip_prefix(d) {
                s = r;
            }
        }
        s.to_string()
    };
    // `University of Geneva`, `Office for Housing`: a name after `of`/`for`
    // completes an organisation's name.
    let after_prep = k > first
        && matches!(
            lower(&tokens[k - 1]),
            "of" | "for" | "on" | "at" | "and" | "&"
        );
    if k <= last && !(has_org && after_prep) {
        // A name, possibly after a role.
        let name = text
            .get(tokens[k].span.start..tokens[last].span.end)
            .unwrap_or_default()
            .trim_end_matches(['’', '\''])
            .to_string();
        // `Mrs. Clinton’s`: the name without its possessive ending.
        let name = match name.strip_suffix("’s").or_else(|| name.strip_suffix("'s")) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => name,
        };
        let role = (k > first).then(|| join(tokens, first, k - 1, text));
        let n = last + 1 - k;
        let single_place = n == 1 && k == first && w.is_place(lower(&tokens[k]));
        if single_place
            || (n == 1
                && k == first
                && lower(&tokens[k])
                    .chars()
                    .all(|c| c.is_uppercase() || !c.is_alphabetic())
                && head.text.len() <= 5
                && head.text.chars().all(|c| c.is_uppercase()))
        {
            return Np::unnamed(first, last, MentionKind::Organization, strip_det(all_str()));
        }
        let kind = if n >= 2 || role.is_some() {
            MentionKind::Name
        } else {
            MentionKind::Surname
        };
        return Np {
            first,
            last,
            kind,
            name,
            role,
        };
    }
    if has_org || (head.is_capitalized() && !w.is_title(hl) && !w.is_speaker_noun(hl)) {
        return Np::unnamed(first, last, MentionKind::Organization, strip_det(all_str()));
    }
    // A common-noun phrase: group (plural) or role (singular). In `the
    // director of operations` the head is the noun before `of`.
    let hl = match (first + 1..last).find(|&i| lower(&tokens[i]) == "of") {
        Some(of)
            if w.is_speaker_noun(lower(&tokens[of - 1])) || w.is_title(lower(&tokens[of - 1])) =>
        {
            lower(&tokens[of - 1])
        }
        _ => hl,
    };
    let plural = is_quantifier_head(hl) && hl != "another" && hl != "someone" && hl != "somebody"
        || hl.ends_with('s') && !hl.ends_with("ss")
        || matches!(
            hl,
            "people"
                | "police"
                | "staff"
                | "authorities"
                | "spokesmen"
                | "spokeswomen"
                | "spokespeople"
                | "men"
                | "women"
        );
    if is_org_noun(hl) {
        return Np::unnamed(first, last, MentionKind::Organization, strip_det(all_str()));
    }
    if plural {
        return Np::unnamed(first, last, MentionKind::Group, strip_det(all_str()));
    }
    let all = all();
    Np {
        first,
        last,
        kind: MentionKind::Role,
        name: strip_det(&all),
        role: Some(all),
    }
}

/// Common nouns that name an organisation or a document speaking for one.
fn is_org_noun(word: &str) -> bool {
    matches!(
        word,
        "ministry"
            | "department"
            | "agency"
            | "government"
            | "administration"
            | "campaign"
            | "committee"
            | "company"
            | "firm"
            | "group"
            | "organization"
            | "organisation"
            | "union"
            | "party"
            | "court"
            | "office"
            | "council"
            | "board"
            | "panel"
            | "military"
            | "army"
            | "navy"
            | "pentagon"
            | "kremlin"
            | "website"
            | "newspaper"
            | "paper"
            | "network"
            | "channel"
            | "magazine"
            | "bank"
            | "fund"
            | "authority"
            | "service"
            | "bureau"
            | "team"
            | "club"
            | "league"
            | "coalition"
            | "alliance"
            | "federation"
            | "association"
            | "institute"
            | "foundation"
            | "center"
            | "centre"
            | "statement"
            | "report"
            | "poll"
            | "survey"
            | "study"
            | "memo"
            | "letter"
            | "filing"
            | "complaint"
            | "lawsuit"
            | "indictment"
            | "ruling"
            | "decision"
            | "data"
            | "records"
            | "documents"
            | "figures"
    )
}
