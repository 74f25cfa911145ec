//! The cue vetoes, as a table: after the lexicon matched a cue word, each
//! veto in [`CUE_VETOES`] may decide that here it is no reporting verb (a
//! name part, a noun, an infinitive, a passive, an idiom). They are tried in
//! order; the first that applies drops the cue. To add one, write a
//! predicate over a [`CueSite`] and add it to the table.

use crate::cue::{CueClass, CueEntry, LemmaTraits};
use crate::token::Token;
use crate::words::Words;

use super::grammar::*;
use super::limits::*;
use super::wordsets::*;

/// A cue the lexicon matched: the unit's tokens, the index of its first
/// token, its length in tokens and its lexicon entry.
#[derive(Clone, Copy)]
pub(super) struct CueSite<'t, 'a> {
    pub toks: &'t [Token<'a>],
    pub i: usize,
    pub len: usize,
    pub entry: &'static CueEntry,
}

/// One veto: a name (for tests and docs) and the predicate that drops the cue.
pub(super) struct Veto {
    /// What the veto is known as (read by the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// True when the cue word is no cue at this site.
    pub applies: fn(&CueSite<'_, '_>) -> bool,
}

/// The vetoes, in the order they are tried.
pub(super) const CUE_VETOES: [Veto; 14] = [
    Veto {
        name: "needs_as",
        applies: needs_as,
    },
    Veto {
        name: "put_it_without_as",
        applies: put_it_without_as,
    },
    Veto {
        name: "speaks_without_about",
        applies: speaks_without_about,
    },
    Veto {
        name: "to_not_hearer",
        applies: to_not_hearer,
    },
    Veto {
        name: "named_after_indefinite",
        applies: named_after_indefinite,
    },
    Veto {
        name: "not_to_be_named",
        applies: not_to_be_named,
    },
    Veto {
        name: "no_finding",
        applies: no_finding,
    },
    Veto {
        name: "adjective_after_possessive",
        applies: adjective_after_possessive,
    },
    Veto {
        name: "verb_with_particle",
        applies: verb_with_particle,
    },
    Veto {
        name: "learned_ing_after_noun",
        applies: learned_ing_after_noun,
    },
    Veto {
        name: "infinitive",
        applies: infinitive,
    },
    Veto {
        name: "passive",
        applies: passive,
    },
    Veto {
        name: "noun_after_adjective",
        applies: noun_after_adjective,
    },
    Veto {
        name: "noun_after_determiner",
        applies: noun_after_determiner,
    },
];

/// Does a veto drop the cue at `site`?
#[inline]
pub(super) fn vetoed(site: &CueSite<'_, '_>) -> bool {
    CUE_VETOES.iter().any(|v| (v.applies)(site))
}

/// `who asked not to be named`, `requested not to be identified`: a
/// request for anonymity, nothing reported.
fn not_to_be_named(site: &CueSite<'_, '_>) -> bool {
    let CueSite { toks, i, len, .. } = *site;
    let word = |k: usize| toks.get(i + len + k).map(|t| t.lower());
    word(0) == Some("not")
        && word(1) == Some("to")
        && word(2) == Some("be")
        && word(3).is_some_and(|w| w.ends_with("ed"))
}

/// `saw Beck’s comments as …`, `painted him as …`, `billed himself as
/// …`: these report only with `as`.
fn needs_as(site: &CueSite<'_, '_>) -> bool {
    let CueSite {
        toks,
        i,
        len,
        entry,
    } = *site;
    entry.traits.has(LemmaTraits::NEEDS_AS) && !as_complement(toks, i + len)
}

/// `He put it on the table`: `put it` and `phrased it` report only in
/// `as X put it` (`as` at most five words before the cue, then a comma
/// or the end of the clause after it).
fn put_it_without_as(site: &CueSite<'_, '_>) -> bool {
    let CueSite {
        toks,
        i,
        len,
        entry,
    } = *site;
    if !entry.traits.has(LemmaTraits::AS_CLAUSE) {
        return false;
    }
    let as_before = toks[i.saturating_sub(PUT_IT_SUBJECT_WORDS + 1)..i]
        .iter()
        .any(|t| t.lower() == "as");
    let clause_ends = toks
        .get(i + len)
        .is_none_or(|t| !t.is_word && !t.is_quote_mark() || t.text == ",");
    !(as_before && clause_ends)
}

/// `when he speaks Thursday`: a speaking verb without `about` reports
/// nothing (decided here, before any subject is looked for).
fn speaks_without_about(site: &CueSite<'_, '_>) -> bool {
    let CueSite {
        toks,
        i,
        len,
        entry,
    } = *site;
    entry.class == CueClass::About && about_complement(toks, i + len, toks.len()).is_none()
}

/// `continue to`, `want to`: infinitive complements are not reports,
/// but a hearer is (`said to reporters`, `added to applause`).
/// Object cues and hedges take an infinitive (`vowed to fight`, `seems to`).
/// (After `spoke`/`talked`, `to` opens the hearer: `talked to reporters about`.)
fn to_not_hearer(site: &CueSite<'_, '_>) -> bool {
    let CueSite {
        toks,
        i,
        len,
        entry,
    } = *site;
    let takes_infinitive = matches!(
        entry.class,
        CueClass::Object | CueClass::Hedge | CueClass::About
    ) || entry.traits.has(LemmaTraits::INFINITIVE);
    // `complained to CBS News anchor Charlie Rose that …`: a hearer
    // before `that` (or a quote) is one too.
    toks.get(i + len).is_some_and(|n| n.lower() == "to")
        && !takes_infinitive
        && !(entry.class == CueClass::Speech
            && toks.get(i + len + 1).is_some_and(is_hearer_start)
            && (toks[..i]
                .iter()
                .rev()
                .take(HEARER_WINDOW)
                .any(|t| t.is_quote_mark())
                || toks[i + len + 2..]
                    .iter()
                    .take(HEARER_WINDOW)
                    .take_while(|t| !matches!(t.text, "," | "." | ";"))
                    .any(|t| t.lower() == "that" || t.text == ":")))
}

/// `a former staffer named Bradley Podliska`, `a competition called
/// the House to Home Prize`: a naming participle after an indefinite
/// noun phrase modifies it.
fn named_after_indefinite(site: &CueSite<'_, '_>) -> bool {
    let CueSite { toks, i, entry, .. } = *site;
    let t = &toks[i];
    entry.participle
            && naming_participle(t.lower())
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
}

/// `found himself in`, `found a way to`, `helped found Fox News`, `was
/// found discriminatory`: no finding.
fn no_finding(site: &CueSite<'_, '_>) -> bool {
    let CueSite { toks, i, entry, .. } = *site;
    entry.class == CueClass::Evidence
        && entry.traits.has(LemmaTraits::FIND)
        && (toks.get(i + 1).is_some_and(|n| {
            find_non_object(n.lower())
                || n.lower() == "a" && toks.get(i + 2).is_some_and(|m| m.lower() == "way")
        }) || i > 0 && find_non_finding_before(toks[i - 1].lower()))
}

/// `Trump’s declared goal`, `his repeated accusations`: after a
/// possessive and before a bare noun, the form is an adjective.
fn adjective_after_possessive(site: &CueSite<'_, '_>) -> bool {
    let CueSite { toks, i, len, .. } = *site;
    let t = &toks[i];
    len == 1
            && i > 0
            // (The next word first: it is the cheapest test.)
            && toks.get(i + 1).is_some_and(|n| {
                n.is_word
                    && !n.is_capitalized()
                    && !Words::builtin().is_function(n.lower())
                    && n.lower() != "that"
                    && !subject_pronoun_not_you(n.lower())
            })
            && {
                let p = &toks[i - 1];
                let l = p.lower();
                possessive_determiner(l)
                    || p.is_capitalized() && (l.ends_with("'s") || l.ends_with("s'"))
                    // (`some affirming language`, `the reported problems`)
                    || (t.lower().ends_with("ing") || t.lower().ends_with("ed"))
                        && adjective_determiner(l)
            }
}

/// `passed away`, `backed off`: a learned verb with a particle is
/// another verb.
fn verb_with_particle(site: &CueSite<'_, '_>) -> bool {
    let CueSite {
        toks,
        i,
        len,
        entry,
    } = *site;
    entry.learned && len == 1 && toks.get(i + 1).is_some_and(|n| verb_particle(n.lower()))
}

/// A learned `-ing` form is a verb only after a comma or an
/// auxiliary (`…, offering`, `is seeking`), not after a noun (`an
/// initial public offering`).
fn learned_ing_after_noun(site: &CueSite<'_, '_>) -> bool {
    let CueSite { toks, i, entry, .. } = *site;
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|p| toks[p].lower());
    entry.learned && t.lower().ends_with("ing") && !prev.is_some_and(verb_ing_before)
}

/// `to say`, `declined to comment`: infinitives report nothing, but
/// `went on to explain` reports.
fn infinitive(site: &CueSite<'_, '_>) -> bool {
    let CueSite { toks, i, .. } = *site;
    let prev = i.checked_sub(1).map(|p| toks[p].lower());
    prev == Some("to") && aspect_before(toks, i) == 0
}

/// Passive `was told`, `is expected`: the subject is not the speaker.
/// (`was asked about …` reports the question: see `Finder::attribute`.)
fn passive(site: &CueSite<'_, '_>) -> bool {
    let CueSite { toks, i, entry, .. } = *site;
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|p| toks[p].lower());
    entry.participle && prev.is_some_and(|p| PASSIVE.contains(&p)) && t.lower() != "asked"
}

/// Nouns after an adjective: `a difficult pledge`, `the latest report`
/// (a base form after a singular word: `the leaders say` is a verb).
fn noun_after_adjective(site: &CueSite<'_, '_>) -> bool {
    let CueSite {
        toks,
        i,
        len,
        entry,
    } = *site;
    entry.base
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
                let l = n.lower();
                matches!(l, "that" | "this") || subject_pronoun(l)
            })
}

/// Nouns: `the report`, `a call`, `his claim`, `both states` (but
/// `Sources close to her say`: `her` is an object there).
fn noun_after_determiner(site: &CueSite<'_, '_>) -> bool {
    let CueSite { toks, i, entry, .. } = *site;
    let prev = i.checked_sub(1).map(|p| toks[p].lower());
    let object_her = prev == Some("her")
        && i >= 2
        && matches!(toks[i - 2].lower(), "to" | "with" | "for" | "of");
    !object_her
            && prev.is_some_and(|p| {
            DETERMINER_WORDS.contains(&p)
                || noun_determiner(p)
        }) && !(entry.base
            && prev.is_some_and(plural_quantifier)
            // (`Many say`, `even though several oppose …`: the quantifier
            // opens its clause.)
            && (i == 1
                || !toks[i - 2].is_word
                || clause_conjunction(toks[i - 2].lower()))
            && toks.get(i + 1).is_some_and(|n| n.is_word))
            // `This seems like …`: a hedge verb is never a noun, nor a past
            // tense (`Many speculated that …`).
            && entry.class != CueClass::Hedge
            && !entry.participle
            // `his call to …`: a reporting noun that needs its possessor.
            && !entry.traits.has(LemmaTraits::POSSESSED)
}

#[cfg(test)]
mod tests {
    use super::CUE_VETOES;
    use crate::engine::rules::tests::reports;

    #[test]
    fn veto_names_are_unique() {
        let mut names: Vec<&str> = CUE_VETOES.iter().map(|v| v.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CUE_VETOES.len());
    }

    #[test]
    fn vetoed_cue_words_report_nothing() {
        for text in [
            "A former staffer named Bradley Podliska sued the committee.",
            "She found herself in a difficult position.",
            "He passed away on Monday.",
            "She was told to leave the building.",
            "It is hard to say what happened next.",
            "The latest report shows growth.",
            "One nurse, who asked not to be named, was there all night.",
        ] {
            assert_eq!(reports(text), [], "{text}");
        }
    }

    #[test]
    fn the_same_verbs_report_where_no_veto_applies() {
        assert!(!reports("The committee found that the rules were broken.").is_empty());
        assert!(!reports("They said that the case was closed.").is_empty());
    }
}
