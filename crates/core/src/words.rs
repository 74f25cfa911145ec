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

/// A fixed set of short words with a cheap membership test: an
/// open-addressing table probed with an FxHash of the bytes, for word
/// lists consulted in inner loops (a slice's `contains` compares against
/// every entry).
///
/// ```
/// use quotecheck_core::words::WordSet;
/// let set = WordSet::new(["also", "has", "later"]);
/// assert!(set.contains("has") && !set.contains("hash") && !set.contains(""));
/// ```
#[derive(Debug, Clone)]
pub struct WordSet {
    /// Index + 1 into `words`, or 0 for an empty slot.
    slots: Box<[u32]>,
    words: Vec<Box<str>>,
}

impl WordSet {
    /// The set of the given words (duplicates are fine).
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordSet {
        let mut words: Vec<Box<str>> = words.into_iter().map(Box::from).collect();
        words.sort_unstable();
        words.dedup();
        // At most 1/4 full: probes are short and mostly end at an empty slot.
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![0u32; size].into_boxed_slice();
        for (i, w) in words.iter().enumerate() {
            let mut at = Self::slot(w, size);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = i as u32 + 1;
        }
        WordSet { slots, words }
    }

    fn slot(word: &str, size: usize) -> usize {
        let h = word.bytes().fold(word.len() as u64, |h, b| {
            (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
        });
        (h >> 32) as usize & (size - 1)
    }

    /// True when `word` is in the set (exact comparison).
    pub fn contains(&self, word: &str) -> bool {
        let mask = self.slots.len() - 1;
        let mut at = Self::slot(word, self.slots.len());
        loop {
            let s = self.slots[at] as usize;
            if s == 0 {
                return false;
            }
            if *self.words[s - 1] == *word {
                return true;
            }
            at = (at + 1) & mask;
        }
    }
}
