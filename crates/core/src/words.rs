//! Word lists the attribution rules consult (function words, titles, speaker
//! nouns, places), loaded once from the files in `data/`.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::cue::FxHasher;

type FxSet = HashSet<String, BuildHasherDefault<FxHasher>>;

/// The word lists.
#[derive(Debug)]
pub struct Words {
    function: FxSet,
    titles: FxSet,
    speaker_nouns: FxSet,
    places: FxSet,
}

fn load(data: &str) -> FxSet {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

impl Words {
    /// The built-in lists.
    ///
    /// ```
    /// use quotecheck_core::words::Words;
    /// let w = Words::builtin();
    /// assert!(w.is_function("the") && w.is_title("mr.") && w.is_speaker_noun("spokeswoman"));
    /// ```
    pub fn builtin() -> &'static Words {
        static W: OnceLock<Words> = OnceLock::new();
        W.get_or_init(|| Words {
            function: load(include_str!("../data/function_words.txt")),
            titles: load(include_str!("../data/titles.txt")),
            speaker_nouns: load(concat!(
                include_str!("../data/speaker_nouns.txt"),
                "\n",
                include_str!("../data/speaker_nouns_learned.txt")
            )),
            places: load(include_str!("../data/places.txt")),
        })
    }

    /// Function or calendar word (lower case).
    pub fn is_function(&self, lower: &str) -> bool {
        self.function.contains(lower)
    }

    /// Title or role word that may precede a name (lower case).
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }

    /// Head noun that can name a speaker (lower case).
    pub fn is_speaker_noun(&self, lower: &str) -> bool {
        self.speaker_nouns.contains(lower)
    }

    /// Place or institution that speaks for a body (lower case).
    pub fn is_place(&self, lower: &str) -> bool {
        self.places.contains(lower)
    }
}
