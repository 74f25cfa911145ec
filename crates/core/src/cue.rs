//! Reporting cues: the lexicon of verbs and phrases that introduce reported
//! speech (`said`, `told reporters`, `pointed out`, `according to`), loaded
//! from `data/cues.tsv`, and matching it against tokens.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::token::{Token, ASCII_ALNUM};

/// What a cue reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Speech: the content is what was said (`said that …`, `“…,” he added`).
    Speech,
    /// The content is the verb's object (`accused Washington of …`, `announced …`).
    Object,
    /// A stated belief or intention (`believes that …`, `wants …`).
    Belief,
    /// Evidence from documents or polls (`the survey found …`).
    Evidence,
    /// `according to X`.
    According,
}

/// One entry of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueEntry {
    /// Base form (`say`, `point out`).
    pub lemma: String,
    /// What it reports.
    pub class: CueClass,
    /// True for the `-ing` form (`saying`), which attaches to a previous clause.
    pub gerund: bool,
    /// True for the past participle used passively (`was told`).
    pub participle: bool,
    /// True for the bare base form (`say`, `note`), which agrees only with
    /// plural or first/second-person subjects.
    pub base: bool,
}

/// A small, fast, non-cryptographic hasher (FxHash) for short lexicon keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The cue lexicon: surface forms (lower case, words joined by a space) to entries.
#[derive(Debug)]
pub struct Lexicon {
    forms: FxMap<String, CueEntry>,
    /// First words of multi-word forms.
    heads: HashSet<String, BuildHasherDefault<FxHasher>>,
    /// Every word a cue can start with (single-word forms and `heads`): one
    /// cheap lookup instead of two hash-map lookups in the pre-checks.
    starts: WordTable,
    max_words: usize,
    /// Bit filter over (length, first two bytes) of every first word.
    filter: Box<[u64; FILTER_WORDS]>,
}

/// One step of [`fold_hash`].
fn fold_hash_step(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// Hash of a word folded to ASCII lower case.
fn fold_hash(word: &[u8]) -> u64 {
    word.iter().fold(0, |h, &b| fold_hash_step(h, b))
}

/// A small open-addressing set of lower-case ASCII words, probed with
/// [`fold_hash`] and compared ignoring ASCII case, so that a word in any
/// case is looked up without folding it first.
#[derive(Debug)]
struct WordTable {
    /// Index + 1 into `words`, or 0 for an empty slot.
    slots: Box<[u32]>,
    words: Vec<Box<[u8]>>,
}

impl WordTable {
    fn new<'w>(words: impl Iterator<Item = &'w str>) -> WordTable {
        let mut words: Vec<Box<[u8]>> = words.map(|w| Box::from(w.as_bytes())).collect();
        words.sort_unstable();
        words.dedup();
        // At most 1/8 full: probes are short and mostly hit an empty slot.
        let size = (words.len() * 8).next_power_of_two().max(64);
        let mut slots = vec![0u32; size].into_boxed_slice();
        for (i, w) in words.iter().enumerate() {
            let mut at = Self::slot(fold_hash(w), size);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = i as u32 + 1;
        }
        WordTable { slots, words }
    }

    fn slot(h: u64, size: usize) -> usize {
        (h >> 32) as usize & (size - 1)
    }

    /// True when `word` (any ASCII case, hashed by [`fold_hash`] to `h`) is in the set.
    fn contains(&self, word: &[u8], h: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut at = Self::slot(h, self.slots.len());
        loop {
            let s = self.slots[at] as usize;
            if s == 0 {
                return false;
            }
            if self.words[s - 1].eq_ignore_ascii_case(word) {
                return true;
            }
            at = (at + 1) & mask;
        }
    }
}

const FILTER_WORDS: usize = 256;

/// Two bit positions (a Bloom filter with k = 2) from the length and the
/// first, second, third and last bytes, case-folded.
fn filter_bits(word: &[u8]) -> [usize; 2] {
    let n = word.len();
    let b0 = if n > 0 {
        word[0].to_ascii_lowercase() as usize
    } else {
        0
    };
    let b1 = if n > 1 {
        word[1].to_ascii_lowercase() as usize
    } else {
        0
    };
    let b2 = if n > 2 {
        word[2].to_ascii_lowercase() as usize
    } else {
        0
    };
    let last = if n > 0 {
        word[n - 1].to_ascii_lowercase() as usize
    } else {
        0
    };
    let len = n.min(31);
    let h1 = (b0 * 31 + b1) * 13 + len;
    let h2 = ((b2 * 37 + last) * 7 + len * 3) ^ 0x155;
    [h1 % (FILTER_WORDS * 64), h2 % (FILTER_WORDS * 64)]
}

fn filter_has(filter: &[u64; FILTER_WORDS], word: &[u8]) -> bool {
    filter_bits(word)
        .iter()
        .all(|&b| filter[b / 64] & (1 << (b % 64)) != 0)
}

const DATA: &str = include_str!("../data/cues.tsv");
/// Cue forms learned from the PolNeAR train split by `scripts/learn_lexicons.py`.
const LEARNED: &str = include_str!("../data/cues_learned.tsv");

fn inflect(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    let (s, ed, ing) = if let Some(stem) = lemma.strip_suffix('e') {
        (
            format!("{lemma}s"),
            format!("{lemma}d"),
            format!("{stem}ing"),
        )
    } else if let Some(stem) = lemma
        .strip_suffix('y')
        .filter(|st| !st.ends_with(['a', 'e', 'o', 'u']))
    {
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{lemma}ing"),
        )
    } else if lemma.ends_with("ss")
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
    {
        (
            format!("{lemma}es"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        )
    } else {
        (
            format!("{lemma}s"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        )
    };
    v.extend([s, ed, ing]);
    v
}

impl Lexicon {
    /// Parse a lexicon in the `cues.tsv` format.
    pub fn parse(data: &str) -> Lexicon {
        let mut forms = FxMap::default();
        let mut heads = HashSet::default();
        let mut max_words = 1;
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let lemma = cols[0].replace('_', " ");
            let learned = cols.get(1).copied() == Some("learned");
            let class = match cols.get(1).copied().unwrap_or("speech") {
                "object" | "learned" => CueClass::Object,
                "belief" => CueClass::Belief,
                "evidence" => CueClass::Evidence,
                _ => CueClass::Speech,
            };
            let mut list: Vec<String> = match cols.get(2) {
                Some(f) if !f.trim().is_empty() => {
                    f.split_whitespace().map(|w| w.replace('_', " ")).collect()
                }
                _ => inflect(&lemma),
            };
            if !learned
                && cols
                    .get(2)
                    .is_some_and(|f| f.split_whitespace().count() <= 2)
            {
                // Partial override: add generated forms too.
                list.extend(inflect(&lemma));
            }
            for f in list {
                max_words = max_words.max(f.split(' ').count());
                if let Some((head, _)) = f.split_once(' ') {
                    heads.insert(head.to_string());
                }
                let gerund = f.ends_with("ing") && f != lemma;
                let participle = f.ends_with("ed")
                    || matches!(f.as_str(), "told" | "written" | "shown" | "known" | "sworn");
                let base = !learned && f == lemma;
                forms.entry(f).or_insert(CueEntry {
                    lemma: lemma.clone(),
                    class,
                    gerund,
                    participle,
                    base,
                });
            }
        }
        let starts = WordTable::new(
            forms
                .keys()
                .filter(|f| !f.contains(' '))
                .chain(heads.iter())
                .map(String::as_str),
        );
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        for f in forms.keys() {
            let first = f.split(' ').next().unwrap_or_default();
            for bit in filter_bits(first.as_bytes()) {
                filter[bit / 64] |= 1 << (bit % 64);
            }
        }
        Lexicon {
            forms,
            heads,
            starts,
            max_words,
            filter,
        }
    }

    /// The built-in lexicon from `data/cues.tsv`.
    ///
    /// ```
    /// use quotecheck_core::cue::{Lexicon, CueClass};
    /// let lex = Lexicon::builtin();
    /// assert_eq!(lex.lookup("pointed out").unwrap().lemma, "point out");
    /// assert_eq!(lex.lookup("said").unwrap().class, CueClass::Speech);
    /// assert!(lex.len() > 80);
    /// ```
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(&format!("{DATA}\n{LEARNED}")))
    }

    /// Cheap pre-check: can a cue start with this lower-cased word? False
    /// means certainly not; true means maybe.
    pub fn may_start(&self, word: &str) -> bool {
        filter_has(&self.filter, word.as_bytes())
            && (self.forms.contains_key(word) || self.heads.contains(word))
    }

    /// Like [`Lexicon::may_start`] for a word in any case, without allocating
    /// (may answer true for words that are not cues).
    pub fn may_start_raw(&self, word: &str) -> bool {
        let word = word.as_bytes();
        // Hash and check for non-ASCII bytes in one pass, then one probe:
        // few data-dependent branches.
        let (h, any) = word
            .iter()
            .fold((0, 0), |(h, any), &b| (fold_hash_step(h, b), any | b));
        if any < 0x80 && word.len() <= 24 {
            // Exact for ASCII words (the bit filter admits every start word).
            self.starts.contains(word, h)
        } else {
            filter_has(&self.filter, word)
        }
    }

    /// True when some word of `text` may start a cue or is `according`
    /// ([`Lexicon::may_start_raw`]), where words are the runs of ASCII
    /// letters and digits (cue words are ASCII). A cheap test on raw bytes
    /// that lets most sentences without a cue skip tokenizing.
    ///
    /// ```
    /// use quotecheck_core::cue::Lexicon;
    /// let lex = Lexicon::builtin();
    /// assert!(lex.may_contain_cue("Officials SAID on Friday."));
    /// assert!(lex.may_contain_cue("The vote, according to polls, is close."));
    /// assert!(!lex.may_contain_cue("The bridge was closed."));
    /// ```
    pub fn may_contain_cue(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !ASCII_ALNUM[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let start = i;
            let mut h = 0;
            while i < bytes.len() && ASCII_ALNUM[bytes[i] as usize] {
                h = fold_hash_step(h, bytes[i]);
                i += 1;
            }
            let w = &bytes[start..i];
            let hit = if w.len() <= 24 {
                self.starts.contains(w, h)
            } else {
                filter_has(&self.filter, w)
            };
            if hit || w.eq_ignore_ascii_case(b"according") {
                return true;
            }
        }
        false
    }

    /// The offsets (`base` + position in `text`) of every word of `text`
    /// that may start a cue or is `according`, with words as in
    /// [`Lexicon::may_contain_cue`], into `out` (cleared first).
    ///
    /// ```
    /// use quotecheck_core::cue::Lexicon;
    /// let mut at = Vec::new();
    /// Lexicon::builtin().cue_word_starts("He said, according to aides.", 100, &mut at);
    /// assert_eq!(at, [103, 109]);
    /// ```
    pub fn cue_word_starts(&self, text: &str, base: usize, out: &mut Vec<usize>) {
        out.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !ASCII_ALNUM[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let start = i;
            let mut h = 0;
            while i < bytes.len() && ASCII_ALNUM[bytes[i] as usize] {
                h = fold_hash_step(h, bytes[i]);
                i += 1;
            }
            let w = &bytes[start..i];
            let hit = if w.len() <= 24 {
                self.starts.contains(w, h)
            } else {
                filter_has(&self.filter, w)
            };
            if hit || w.eq_ignore_ascii_case(b"according") {
                out.push(base + start);
            }
        }
    }

    /// Look up a surface form (lower case, words separated by one space).
    pub fn lookup(&self, form: &str) -> Option<&CueEntry> {
        self.forms.get(form)
    }

    /// Number of distinct lemmas.
    pub fn len(&self) -> usize {
        let mut l: Vec<&str> = self.forms.values().map(|e| e.lemma.as_str()).collect();
        l.sort_unstable();
        l.dedup();
        l.len()
    }

    /// True when the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The longest cue starting at token `i`: number of tokens and entry.
    pub fn match_at(&self, tokens: &[Token<'_>], i: usize) -> Option<(usize, &CueEntry)> {
        if !tokens.get(i).is_some_and(|t| t.is_word) {
            return None;
        }
        let first = tokens[i].lower();
        let single = self.forms.get(first).map(|e| (1, e));
        if !self.heads.contains(first) {
            return single;
        }
        let mut key = String::new();
        let mut best = None;
        for n in 0..self.max_words {
            let Some(t) = tokens.get(i + n) else { break };
            if !t.is_word {
                break;
            }
            if n > 0 {
                key.push(' ');
            }
            key.push_str(t.lower());
            if let Some(e) = self.forms.get(&key) {
                best = Some((n + 1, e));
            }
        }
        best
    }
}
