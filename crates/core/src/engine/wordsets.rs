//! The engine's closed word classes, each defined once: pronouns (one set,
//! with named subsets where rules genuinely differ), determiners and the
//! small lists the cue vetoes and rules test words against.
//!
//! Each set is a function over an ASCII-lower-case word (a token's
//! `lower()`), compiled to a `match`: as fast as the inline alternation it
//! replaces. Longer open lists (reporting nouns, adjunct openers) live in
//! `grammar`.

/// Defines a named word set: a documented `fn name(word) -> bool`.
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident = $($w:literal)|+) => {
        $(#[$doc])*
        #[inline]
        pub(super) fn $name(word: &str) -> bool {
            matches!(word, $($w)|+)
        }
    };
}

word_set!(
    /// Subject pronouns: `he she it they we i you`.
    subject_pronoun = "he" | "she" | "it" | "they" | "we" | "i" | "you"
);

word_set!(
    /// Subject pronouns but `you`: a clause opened by generic `you` is not
    /// treated as a report's subject by the rules that use this set.
    subject_pronoun_not_you = "he" | "she" | "it" | "they" | "we" | "i"
);

word_set!(
    /// Pronouns that name a speaker who is a person (not `it`, not `you`).
    speaker_pronoun = "he" | "she" | "they" | "i" | "we"
);

word_set!(
    /// Third-person pronouns for persons: `he she they`.
    third_person_pronoun = "he" | "she" | "they"
);

word_set!(
    /// Subject pronouns that name a person but `it`: `i he she we they you`
    /// (a subject that makes a phrase a verb phrase, `I didn’t suggest`).
    person_subject_pronoun = "i" | "he" | "she" | "we" | "they" | "you"
);

word_set!(
    /// Gendered third-person pronouns: `he she` (resolved to the most
    /// recent person whose gender agrees).
    gendered_pronoun = "he" | "she"
);

word_set!(
    /// Possessive determiners of persons: `his her their my our your` (the
    /// subject of an absolute phrase, `her voice breaking`).
    person_possessive = "his" | "her" | "their" | "my" | "our" | "your"
);

word_set!(
    /// Relative pronouns that open a clause about their antecedent.
    relative_pronoun = "who" | "which"
);

word_set!(
    /// Relative pronouns of persons: `who whose` (`Smith, who …`, `Smith,
    /// whose office …`).
    person_relative_pronoun = "who" | "whose"
);

word_set!(
    /// Finite auxiliaries and speech verbs that open a second verb phrase
    /// after `and`/`but` (`who supports Clinton but is not working for
    /// her`): the first verb's object ends before them.
    second_verb_opener = "is"
        | "was"
        | "are"
        | "were"
        | "has"
        | "had"
        | "have"
        | "will"
        | "would"
        | "did"
        | "does"
        | "do"
        | "said"
        | "spoke"
);

/// A pronoun that is a speaker phrase of its own: a subject pronoun or a
/// relative pronoun (`he said`, `who said`).
#[inline]
pub(super) fn phrase_pronoun(word: &str) -> bool {
    subject_pronoun(word) || relative_pronoun(word)
}

/// A word after which a reporting verb has its own subject: a relative
/// pronoun, `that`, a third-person pronoun or a perfect auxiliary (`Smith,
/// who told reporters …`, `he has said`).
#[inline]
pub(super) fn own_subject_before_verb(word: &str) -> bool {
    relative_pronoun(word)
        || third_person_pronoun(word)
        || matches!(word, "that" | "has" | "had" | "have")
}

/// A word that opens a clause: a subject pronoun, `there` or `that` (`he
/// said`, `there is`, `that’s`).
#[inline]
pub(super) fn clause_opener(word: &str) -> bool {
    subject_pronoun(word) || matches!(word, "there" | "that")
}

word_set!(
    /// Possessive determiners: `his her their its our my your`.
    possessive_determiner = "his" | "her" | "their" | "its" | "our" | "my" | "your"
);

word_set!(
    /// Determiners after which an `-ing`/`-ed` cue form is an adjective
    /// (`some affirming language`, `the reported problems`).
    adjective_determiner = "the"
        | "a"
        | "an"
        | "some"
        | "any"
        | "no"
        | "more"
        | "most"
        | "such"
        | "these"
        | "those"
        | "this"
);

word_set!(
    /// Words before a cue form that make it a noun (`this claim`, `both
    /// states`, `numerous reports`), beside the plain determiners.
    noun_determiner = "this"
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
);

word_set!(
    /// Conjunctions that open a clause (`even though several oppose …`).
    clause_conjunction = "though"
        | "although"
        | "while"
        | "because"
        | "but"
        | "and"
        | "that"
        | "if"
        | "when"
        | "as"
        | "since"
        | "whereas"
);

word_set!(
    /// Naming participles (`a staffer named X`, `a group called Y`).
    naming_participle = "named" | "called" | "dubbed" | "titled" | "nicknamed"
);

word_set!(
    /// Objects after which `find` reports no finding (`found himself in`,
    /// `found ways to`, `found time to`).
    find_non_object = "himself"
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
);

word_set!(
    /// Words before `find`/`found` that make it no finding (`helped found`,
    /// `was found`, `to find`).
    find_non_finding_before = "helped" | "help" | "helps" | "to" | "was" | "were" | "is" | "are"
        | "been" | "be"
);

word_set!(
    /// Particles that turn a verb into another (`passed away`, `backed off`).
    verb_particle = "away" | "off" | "down" | "up" | "out"
);

word_set!(
    /// Words after which a learned `-ing` form is a verb (`…, offering`, `is
    /// seeking`, `by warning`).
    verb_ing_before = "," | "is" | "are" | "was" | "were" | "been" | "be" | "and" | "while" | "by"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsets_are_subsets_of_the_pronoun_set() {
        for w in ["he", "she", "they", "i", "we", "it"] {
            assert!(subject_pronoun(w));
            assert_eq!(subject_pronoun_not_you(w), w != "you");
        }
        assert!(!subject_pronoun_not_you("you") && subject_pronoun("you"));
        for w in ["he", "she", "they", "i", "we"] {
            assert!(speaker_pronoun(w) && subject_pronoun(w));
        }
        assert!(!speaker_pronoun("it"));
        for w in ["he", "she", "they"] {
            assert!(third_person_pronoun(w) && speaker_pronoun(w));
        }
        assert!(!third_person_pronoun("we") && !subject_pronoun("his"));
        for w in ["he", "she"] {
            assert!(gendered_pronoun(w) && third_person_pronoun(w));
        }
        assert!(!gendered_pronoun("they"));
        for w in ["i", "he", "she", "we", "they", "you", "it"] {
            assert_eq!(person_subject_pronoun(w), w != "it");
            assert!(subject_pronoun(w) && phrase_pronoun(w));
        }
        assert!(phrase_pronoun("who") && phrase_pronoun("which") && !phrase_pronoun("whose"));
        assert!(person_relative_pronoun("whose") && !person_relative_pronoun("which"));
    }
}

word_set!(
    /// Verbs that quote someone `as saying` (`the agency quoted Dorn as
    /// saying …`): the quoted person, not the outlet, is the speaker.
    quotes_as = "quoted" | "quotes" | "quoting" | "cited" | "cites" | "citing"
);
