//! Reading a speaker phrase leftwards from its last word (the word before a
//! cue): names, survey groups (`three in five`), complements of a speaker
//! noun (`aides to Clinton`) and common-noun phrases (`the businessman`).

use super::words::{
    is_determiner, is_name_particle, is_number, is_org_word, is_quantifier_head, particle_prefixed,
};
use super::{
    can_head, contracted_pronoun, describe, is_name_word, join, lower, plural_possessive, Np,
};
use crate::engine::wordsets::phrase_pronoun;
use crate::speaker::MentionKind;
use crate::token::Token;
use crate::words::Words;

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
    // `Ahmed al-Hashimi`: a surname with a particle joined by a hyphen.
    let prefixed = particle_prefixed(head.text)
        && last > floor
        && tokens[last - 1].is_capitalized()
        && tokens[last - 1].span.end < head.span.start;
    if !prefixed && !can_head(head, w) {
        let np = common_noun_phrase(tokens, last, floor, text)?;
        return Some(with_complement_head(tokens, np, floor, text));
    }
    let hl = lower(head);
    if phrase_pronoun(hl) {
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
    let head_is_noun = !prefixed && (!head.is_capitalized() || w.is_speaker_noun(hl));
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
        // `The U.S. Embassy in Moscow`, `the FBI office in Miami`: the
        // organisation speaks, not the city.
        if l == "in"
            && first - 1 > floor
            && next.is_capitalized()
            && is_org_word(lower(&tokens[first - 2]))
        {
            first -= 1;
            continue;
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
            // `Clinton and Sanders say`: two people speak together; the
            // phrase names both (see `describe`).
            if next.is_capitalized()
                && first - 1 > floor
                && super::is_name_word(&tokens[first - 2], w)
                && (super::is_name_word(next, w) || w.is_title(lower(next)))
                && (first..=last).all(|i| tokens[i].is_capitalized() || !tokens[i].is_word)
            {
                first -= 1;
                continue;
            }
            break;
        }
        // `Mayor de Blasio`, `Ursula von der Leyen`, `Mr. bin Salman`: a
        // particle (in lower case) between a capitalised word or title and
        // a capitalised word is inside the name.
        if is_name_particle(t.text)
            && (next.is_capitalized() || is_name_particle(next.text))
            && first - 1 > floor
            && tokens[first - 2].is_word
            && (tokens[first - 2].is_capitalized() || w.is_title(lower(&tokens[first - 2])))
        {
            first -= 1;
            continue;
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

/// Survey groups ending at `last`: `three in five`, `4 in 10`, `most of
/// them`, `all but two`. Returns the first token.
pub(super) fn quantified_group(tokens: &[Token<'_>], last: usize, floor: usize) -> Option<usize> {
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
pub(super) fn complement_head(
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
pub(super) fn with_complement_head(tokens: &[Token<'_>], np: Np, floor: usize, text: &str) -> Np {
    complement_head(tokens, np.first, np.last, floor, text).unwrap_or(np)
}

/// `the businessman`, `one voter`, `a reporter`: a determiner and up to three
/// lowercase words ending in any noun, as the subject of a reporting verb.
pub(super) fn common_noun_phrase(
    tokens: &[Token<'_>],
    last: usize,
    floor: usize,
    text: &str,
) -> Option<Np> {
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

/// `Department of Parks and Recreation`, `Department of Health and Human
/// Services`: the capitalised words ending at token `end` follow an
/// organisation word and `of` (one or two words), so an `and` after them
/// joins the organisation's name.
pub(super) fn org_of_before(tokens: &[Token<'_>], end: usize, floor: usize) -> bool {
    (end.saturating_sub(2)..end).rev().any(|of| {
        of > floor
            && lower(&tokens[of]) == "of"
            && is_org_word(lower(&tokens[of - 1]))
            && tokens[of + 1..=end].iter().all(Token::is_capitalized)
    })
}
