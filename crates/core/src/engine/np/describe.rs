//! What a phrase is: a pronoun, a name (with the role before it), a
//! surname, an organisation, a group or a role, and the name that
//! identifies the speaker.

use super::words::{
    is_name_particle, is_org_noun, is_org_word, is_quantifier_head, particle_prefixed,
};
use super::{contracted_pronoun, is_name_word, join, lower, Np};
use crate::engine::wordsets::phrase_pronoun;
use crate::speaker::MentionKind;
use crate::token::Token;
use crate::words::Words;

/// `s` without a leading `the`.
fn strip_det_str(s: &str) -> String {
    let mut s = s.trim();
    for d in ["the ", "The ", "THE "] {
        if let Some(r) = s.strip_prefix(d) {
            s = r;
        }
    }
    s.to_string()
}

/// Describe the phrase `tokens[first..=last]`.
pub fn describe(tokens: &[Token<'_>], first: usize, last: usize, text: &str) -> Np {
    let w = Words::builtin();
    let head = &tokens[last];
    let hl = lower(head);
    if phrase_pronoun(hl) && first == last {
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
    // `Clinton and Sanders`, `Mr. Trump and Mrs. Clinton`: two names
    // joined by `and` speak together, a group named by both.
    if !has_org
        && (first + 1..last).any(|i| {
            lower(&tokens[i]) == "and"
                && is_name_word(&tokens[i - 1], w)
                && (is_name_word(&tokens[i + 1], w) || w.is_title(lower(&tokens[i + 1])))
        })
    {
        return Np::unnamed(first, last, MentionKind::Group, strip_det_str(all_str()));
    }
    // Trailing run of name words.
    let mut k = last + 1;
    while k > first && last + 1 - (k - 1) <= 5 {
        let t = &tokens[k - 1];
        // `Marieke de Groot`, `Mayor de Blasio`, `Ahmed al-Hashimi`: a
        // particle (in lower case) belongs to the surname after it, also
        // after a title or role (the role ends before the particle).
        // (At the phrase's start too, `de Blasio said`, but not a number:
        // `ten Republicans`.)
        let particle = k <= last
            && is_name_particle(t.text)
            && (k - 1 == first && !w.is_function(t.text)
                || k - 1 > first && {
                    let b = &tokens[k - 2];
                    let bl = lower(b);
                    is_name_word(b, w)
                        || w.is_title(bl)
                        || w.is_speaker_noun(bl)
                        || is_name_particle(b.text)
                })
            || k - 1 == last
                && k - 1 > first
                && particle_prefixed(t.text)
                && is_name_word(&tokens[k - 2], w);
        // `New York`, `New Jersey`: `new` is a function word only in lower
        // case (else `Port Authority of New York` is named `York`).
        let place =
            k <= last && lower(t) == "new" && t.is_capitalized() && tokens[k].is_capitalized();
        if is_name_word(t, w) || particle || place {
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
        && crate::engine::resolve::is_given_name(lower(&tokens[k - 1]))
    {
        k -= 1;
    }
    // Allocates once: `s` is borrowed from the text.
    let strip_det = strip_det_str;
    // `University of Geneva`, `Office for Housing`: a name after `of`/`for`
    // completes an organisation's name.
    let after_prep = k > first
        && matches!(
            lower(&tokens[k - 1]),
            "of" | "for" | "on" | "at" | "in" | "and" | "&"
        );
    // `Rep. Lee Zeldin of New York`, `Sanders of Vermont`: a person's name
    // before `of` and a place; the person is named, the place is not.
    if k <= last
        && k >= first + 2
        && !has_org
        && matches!(lower(&tokens[k - 1]), "of" | "from")
        && is_name_word(&tokens[k - 2], w)
        // (`Supervisor of Elections Susan Bucher`: a given name after `of`
        // is the person.)
        && !tokens[k..=last]
            .iter()
            .any(|t| crate::engine::resolve::is_given_name(lower(t)))
    {
        let mut np = describe(tokens, first, k - 2, text);
        // (Two words of a name or a title: not `The Republic of Turkey`,
        // `the state Division of Gaming Enforcement`.)
        let titled = np.role.as_deref().is_some_and(|r| {
            r.split_whitespace()
                .last()
                .is_some_and(|t| w.is_title(&t.trim_end_matches('.').to_lowercase()))
        });
        if np.kind == MentionKind::Name && (np.name.contains(' ') || titled) {
            np.last = last;
            return np;
        }
    }
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
        // (`van der Berg` alone is a surname: its particles are no given
        // name.)
        let particles = (k..last)
            .filter(|&i| is_name_particle(tokens[i].text))
            .count();
        let kind = if n - particles >= 2 || role.is_some() {
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
