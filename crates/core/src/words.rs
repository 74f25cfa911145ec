//! Word lists the attribution rules consult (function words, titles, speaker
//! nouns, places), loaded once from the files in `data/`.

use std::sync::OnceLock;

const FUNCTION: u8 = 1;
const TITLE: u8 = 2;
const SPEAKER_NOUN: u8 = 4;
const PLACE: u8 = 8;

/// The word lists.
#[derive(Debug)]
pub struct Words {
    /// Every listed word with a bit for each list it is in: one lookup
    /// answers all four questions.
    classes: FlagTable,
}

fn load(data: &str) -> impl Iterator<Item = String> + '_ {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(|w| w.to_lowercase().replace('’', "'"))
}

impl Words {
    /// The built-in lists.
    pub fn builtin() -> &'static Words {
        static W: OnceLock<Words> = OnceLock::new();
        W.get_or_init(|| {
            let lists = [
                (include_str!("../data/function_words.txt"), FUNCTION),
                (include_str!("../data/titles.txt"), TITLE),
                (
                    concat!(
                        include_str!("../data/speaker_nouns.txt"),
                        "\n",
                        include_str!("../data/speaker_nouns_learned.txt")
                    ),
                    SPEAKER_NOUN,
                ),
                (include_str!("../data/places.txt"), PLACE),
            ];
            Words {
                classes: FlagTable::new(
                    lists
                        .into_iter()
                        .flat_map(|(data, bit)| load(data).map(move |w| (w, bit))),
                ),
            }
        })
    }

    /// Function or calendar word (lower case).
    pub fn is_function(&self, lower: &str) -> bool {
        self.classes.get(lower) & FUNCTION != 0
    }

    /// Title or role word that may precede a name (lower case).
    pub fn is_title(&self, lower: &str) -> bool {
        self.classes.get(lower) & TITLE != 0
    }

    /// Head noun that can name a speaker (lower case).
    pub fn is_speaker_noun(&self, lower: &str) -> bool {
        self.classes.get(lower) & SPEAKER_NOUN != 0
    }

    /// Place or institution that speaks for a body (lower case).
    pub fn is_place(&self, lower: &str) -> bool {
        self.classes.get(lower) & PLACE != 0
    }

    /// The lists a word (lower case) is in, with one lookup.
    pub(crate) fn class(&self, lower: &str) -> WordClass {
        WordClass(self.classes.get(lower))
    }

    /// Function word, title or speaker noun (lower case): the three tests
    /// of [`Words::is_function`], [`Words::is_title`] and
    /// [`Words::is_speaker_noun`] with one lookup.
    pub(crate) fn is_function_title_or_speaker_noun(&self, lower: &str) -> bool {
        self.classes.get(lower) & (FUNCTION | TITLE | SPEAKER_NOUN) != 0
    }
}

/// Hash of a word from its length and its first two and last two bytes,
/// with bit 0x20 set in each (which folds ASCII letters to lower case;
/// other bytes may collide, which only costs a comparison). No loop over
/// the word, so no dependency chain from byte to byte.
pub(crate) fn word_key(word: &[u8]) -> u64 {
    let n = word.len();
    if n == 0 {
        return 0;
    }
    let at = |i: usize| u64::from(word[i] | 0x20);
    let x = at(0)
        | at(1.min(n - 1)) << 8
        | at(n.saturating_sub(2)) << 16
        | at(n - 1) << 24
        | (n as u64) << 32;
    let h = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
}

/// The lists one word is in ([`Words::class`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordClass(u8);

impl WordClass {
    /// [`Words::is_function`].
    pub(crate) fn is_function(self) -> bool {
        self.0 & FUNCTION != 0
    }

    /// [`Words::is_title`].
    pub(crate) fn is_title(self) -> bool {
        self.0 & TITLE != 0
    }

    /// [`Words::is_speaker_noun`].
    pub(crate) fn is_speaker_noun(self) -> bool {
        self.0 & SPEAKER_NOUN != 0
    }
}

/// A fixed table from words to a byte of flags (0 for absent words),
/// probed with [`word_key`] and compared exactly. A 1 KiB bit filter in
/// front rejects most absent words without touching the table.
#[derive(Debug, Clone)]
struct FlagTable {
    filter: Box<[u64]>,
    /// 0 for an empty slot, else an index + 1 into `words`.
    slots: Box<[u32]>,
    words: Vec<(Box<str>, u8)>,
    /// For each length (longer words share the last entry) and first byte
    /// (folded to five bits), a bit for each last byte (folded the same
    /// way) of some word: rules out most absent words before their key is
    /// computed.
    shapes: Box<[u32; 32 * 32]>,
}

/// [`FlagTable::shapes`] entry and bit of a word, `None` for the empty word.
fn shape(word: &[u8]) -> Option<(usize, u32)> {
    let (&f, &l) = (word.first()?, word.last()?);
    let fold = |b: u8| usize::from((b | 0x20) & 31);
    Some((word.len().min(31) * 32 + fold(f), 1 << fold(l)))
}

impl FlagTable {
    const FILTER_BITS: u32 = 13;

    /// The table of the given words and flags (the flags of a word given
    /// more than once are combined).
    fn new(entries: impl IntoIterator<Item = (String, u8)>) -> FlagTable {
        let mut entries: Vec<(String, u8)> = entries.into_iter().collect();
        entries.sort_unstable();
        let mut words: Vec<(Box<str>, u8)> = Vec::with_capacity(entries.len());
        for (w, f) in entries {
            match words.last_mut() {
                Some((last, flags)) if **last == *w => *flags |= f,
                _ => words.push((w.into_boxed_str(), f)),
            }
        }
        let mut filter = vec![0u64; (1 << Self::FILTER_BITS) / 64].into_boxed_slice();
        // At most 1/4 full: probes are short.
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![0u32; size].into_boxed_slice();
        for (i, (w, _)) in words.iter().enumerate() {
            let h = word_key(w.as_bytes());
            let bit = Self::filter_bit(h);
            filter[bit / 64] |= 1 << (bit % 64);
            let mut at = (h >> 16) as usize & (size - 1);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = i as u32 + 1;
        }
        let mut shapes = Box::new([0u32; 32 * 32]);
        for (w, _) in &words {
            if let Some((at, bit)) = shape(w.as_bytes()) {
                shapes[at] |= bit;
            }
        }
        FlagTable {
            filter,
            slots,
            words,
            shapes,
        }
    }

    fn filter_bit(h: u64) -> usize {
        (h >> (64 - Self::FILTER_BITS)) as usize
    }

    /// The flags of `word`, 0 when it is not in the table.
    #[inline]
    fn get(&self, word: &str) -> u8 {
        if let Some((at, bit)) = shape(word.as_bytes()) {
            if self.shapes[at] & bit == 0 {
                return 0;
            }
        }
        let h = word_key(word.as_bytes());
        let bit = Self::filter_bit(h);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        let mask = self.slots.len() - 1;
        let mut at = (h >> 16) as usize & mask;
        loop {
            let s = self.slots[at] as usize;
            if s == 0 {
                return 0;
            }
            let (w, flags) = &self.words[s - 1];
            if **w == *word {
                return *flags;
            }
            at = (at + 1) & mask;
        }
    }
}

/// A fixed set of short words with a cheap membership test (an
/// open-addressing table behind a bit filter), for word lists consulted
/// in inner loops (a slice's `contains` compares against every entry).
#[derive(Debug, Clone)]
pub struct WordSet(FlagTable);

impl WordSet {
    /// The set of the given words (duplicates are fine).
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordSet {
        WordSet(FlagTable::new(
            words.into_iter().map(|w| (w.to_string(), 1)),
        ))
    }

    /// True when `word` is in the set (exact comparison).
    pub fn contains(&self, word: &str) -> bool {
        self.0.get(word) != 0
    }
}

/// `f(&word.to_lowercase())`, folded on the stack for short ASCII words.
#[inline]
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // Most words are in lower case already: no copy (nor its UTF-8 check).
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return f(word);
    }
    let mut buf = [0u8; 24];
    match buf.get_mut(..word.len()) {
        Some(b) if word.is_ascii() => {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            f(std::str::from_utf8(b).unwrap_or_default())
        }
        _ => f(&word.to_lowercase()),
    }
}

/// The examples that documented this module's items when it was public.
#[cfg(test)]
mod examples {
    #[test]
    fn builtin() {
        use crate::words::Words;
        let w = Words::builtin();
        assert!(w.is_function("the") && w.is_title("mr.") && w.is_speaker_noun("spokeswoman"));
        assert!(!w.is_function("spokeswoman") && !w.is_place("the"));
    }

    #[test]
    fn word_set() {
        use crate::words::WordSet;
        let set = WordSet::new(["also", "has", "later"]);
        assert!(set.contains("has") && !set.contains("hash") && !set.contains(""));
    }
}
