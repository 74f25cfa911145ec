//! Reporting cues: the lexicon of verbs and phrases that introduce reported
//! speech (`said`, `told reporters`, `pointed out`, `according to`), loaded
//! from `data/cues.tsv`, and matching it against tokens.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::quote::QuoteType;
use crate::span::Span;
use crate::token::{tokenize_with, Token};
use crate::words::word_key;

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
    /// The writer's hedge, reported without a speaker: `X seems to …`,
    /// `X appears ready to …`, `X is expected to …` (the whole clause,
    /// subject included, as PolNeAR annotates it).
    Hedge,
    /// A verb that reports only what it is about: `spoke passionately
    /// about X`, `talked to reporters about X`.
    About,
}

impl CueClass {
    /// The type of what a cue of this class reports, when the lexicon
    /// does not give one: speech for speech, object, `about` and
    /// `according to` cues, stance for beliefs and hedges, evidence for
    /// documents and polls. (Learned cues, mostly stances such as `voted`,
    /// are typed by the lexicon parser.)
    pub fn quote_type(self) -> QuoteType {
        match self {
            CueClass::Speech | CueClass::Object | CueClass::According | CueClass::About => {
                QuoteType::Speech
            }
            CueClass::Belief | CueClass::Hedge => QuoteType::Stance,
            CueClass::Evidence => QuoteType::Evidence,
        }
    }
}

/// One entry of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueEntry {
    /// Base form (`say`, `point out`).
    pub lemma: String,
    /// What it reports.
    pub class: CueClass,
    /// Speech, stance or evidence: the class's default
    /// ([`CueClass::quote_type`]) or the type written after it in the
    /// lexicon (`support<TAB>object:stance`).
    pub quote_type: QuoteType,
    /// True for the `-ing` form (`saying`), which attaches to a previous clause.
    pub gerund: bool,
    /// True for the past participle used passively (`was told`).
    pub participle: bool,
    /// True for the bare base form (`say`, `note`), which agrees only with
    /// plural or first/second-person subjects.
    pub base: bool,
    /// True for a form learned from the PolNeAR train split
    /// (`cues_learned.tsv`): mostly stances (`voted`, `endorsed`), reported
    /// with a lower confidence.
    pub learned: bool,
    /// What the rules need to know about the lemma ([`LemmaTraits`]),
    /// decided once when the lexicon is built.
    pub(crate) traits: LemmaTraits,
}

/// Lemma-specific behaviour of a cue that the attribution rules ask
/// about, as bits (set by [`LemmaTraits::of`] when the lexicon is built,
/// so that a rule tests a bit instead of comparing lemma strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct LemmaTraits(u16);

impl LemmaTraits {
    /// `make`, `give`, … (lemma `light` in `cues.tsv`): a light verb that
    /// reports only with a reporting noun (`made no mention of`).
    pub(crate) const LIGHT: u16 = 1;
    /// A reporting noun (lemma `nominal`: `the claim that …`).
    pub(crate) const NOMINAL: u16 = 1 << 1;
    /// Reports only with `as` (`saw X as …`, `painted him as …`).
    pub(crate) const NEEDS_AS: u16 = 1 << 2;
    /// `find`, whose idioms (`found himself`, `helped found`) are no finding.
    pub(crate) const FIND: u16 = 1 << 3;
    /// Its `to`-infinitive is itself the report (`vowed to fight`).
    pub(crate) const INFINITIVE: u16 = 1 << 4;
    /// Its first object is the hearer, not the content (`told reporters
    /// that …`).
    pub(crate) const TELLS: u16 = 1 << 5;
    /// A speech cue that may report an `about` complement after adjuncts
    /// (`wrote in his memoir about X`, `complained bitterly about X`).
    pub(crate) const ABOUT: u16 = 1 << 6;
    /// `add`, `maintain`, `continue`: report only a clause or a quote.
    pub(crate) const NEEDS_CLAUSE: u16 = 1 << 7;
    /// `add` (`added 3 points` is no report).
    pub(crate) const ADD: u16 = 1 << 8;
    /// `post`.
    pub(crate) const POST: u16 = 1 << 9;
    /// `state`, which is also a noun (`the state says`).
    pub(crate) const STATE: u16 = 1 << 10;
    /// `write`, `call`: speech verbs that do not vouch for an anonymous
    /// source's speaking.
    pub(crate) const WRITES_OR_CALLS: u16 = 1 << 11;
    /// A reporting noun that reports only after a possessor (lemmas
    /// `nominal_possessed`, `nominal_possessed_stance`: `Trump's decision
    /// to …`, `his call for …`, not `the decision to …`); its last word
    /// (`to`, `for`) opens the content.
    pub(crate) const POSSESSED: u16 = 1 << 12;
    /// `put it`, `phrased it`: a cue only in `as X put it`.
    pub(crate) const AS_CLAUSE: u16 = 1 << 13;
    /// `read`, `forecast`, `cast`: the base form is also the past tense
    /// (`“…,” the statement read.`), so it agrees with any subject.
    pub(crate) const PAST_AS_BASE: u16 = 1 << 14;

    /// The traits of `lemma`.
    fn of(lemma: &str) -> LemmaTraits {
        let mut t = 0;
        let mut set = |bit: u16, on: bool| {
            if on {
                t |= bit;
            }
        };
        set(Self::LIGHT, lemma == "light");
        let possessed = matches!(lemma, "nominal possessed" | "nominal possessed stance");
        set(Self::NOMINAL, lemma == "nominal" || possessed);
        set(Self::POSSESSED, possessed);
        set(Self::AS_CLAUSE, lemma == "put it");
        set(
            Self::NEEDS_AS,
            matches!(
                lemma,
                "see"
                    | "view"
                    | "regard"
                    | "cast"
                    | "paint"
                    | "bill"
                    | "peg"
                    | "frame"
                    | "position"
                    | "pitch"
            ),
        );
        set(Self::FIND, lemma == "find");
        set(
            Self::PAST_AS_BASE,
            matches!(lemma, "read" | "forecast" | "cast"),
        );
        set(
            Self::INFINITIVE,
            matches!(
                lemma,
                "vow"
                    | "pledge"
                    | "promise"
                    | "threaten"
                    | "agree"
                    | "plan"
                    | "want"
                    | "hope"
                    | "urge"
                    | "ask"
                    | "demand"
                    | "propose"
                    | "claim"
                    | "swear"
                    | "seek"
            ),
        );
        set(
            Self::TELLS,
            matches!(
                lemma,
                "tell" | "inform" | "assure" | "reassure" | "remind" | "warn" | "ask" | "advise"
            ),
        );
        set(
            Self::ABOUT,
            matches!(
                lemma,
                "write"
                    | "testify"
                    | "comment"
                    | "joke"
                    | "complain"
                    | "boast"
                    | "warn"
                    | "muse"
                    | "tweet"
                    | "post"
            ),
        );
        set(
            Self::NEEDS_CLAUSE,
            matches!(lemma, "add" | "maintain" | "continue"),
        );
        set(Self::ADD, lemma == "add");
        set(Self::POST, lemma == "post");
        set(Self::STATE, lemma == "state");
        set(Self::WRITES_OR_CALLS, matches!(lemma, "write" | "call"));
        LemmaTraits(t)
    }

    /// No traits (for entries made outside the lexicon).
    pub(crate) const NONE: LemmaTraits = LemmaTraits(0);

    /// True when the lemma has trait `bit` (one of the constants).
    #[inline]
    pub(crate) fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
}

impl CueEntry {
    /// A passive hedge (`is expected to`, `is seen as`): its lemma starts
    /// with `be ` in `cues.tsv`, and the engine reports it only after a
    /// form of `be`.
    pub fn is_passive_hedge(&self) -> bool {
        self.class == CueClass::Hedge && self.lemma.starts_with("be ")
    }
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
    /// Proper prefixes of two or more words of multi-word forms (`made
    /// the` of `made the case`): a longer key is worth building only after
    /// one of these.
    prefixes: HashSet<String, BuildHasherDefault<FxHasher>>,
    /// Every word a cue can start with (single-word forms and `heads`): one
    /// cheap lookup instead of two hash-map lookups in the pre-checks.
    starts: WordTable,
    /// For each word of `starts` (by index): its single-word entry and the
    /// longer forms that start with it, so that [`Lexicon::match_start`]
    /// compares words instead of hashing keys.
    start_forms: Vec<StartForms>,
    max_words: usize,
    /// Length in bytes of the longest form.
    max_form_len: usize,
    /// Bit filter over (length, first two bytes) of every first word.
    filter: Box<[u64; FILTER_WORDS]>,
}

/// The forms that start with one word ([`Lexicon::match_start`]).
#[derive(Debug)]
struct StartForms {
    /// The word's own entry, when it is a form by itself.
    single: Option<CueEntry>,
    /// The longer forms: their words after the first (lower case) and
    /// entry, longest first.
    longer: LongerForms,
}

/// Multi-word forms as their words after the first and their entry.
type LongerForms = Vec<(Vec<Box<str>>, CueEntry)>;

/// A small set of lower-case ASCII words, probed with [`word_key`] and
/// compared ignoring ASCII case, so that a word in any case is looked up
/// without folding it first. An 8 KiB bit filter in front (about 1% full
/// for the cue lexicon) rejects almost every other word with one
/// well-predicted branch and without touching the table.
#[derive(Debug)]
struct WordTable {
    /// One bit per value of the top [`WordTable::FILTER_BITS`] bits of the key.
    filter: Box<[u64]>,
    /// 0 for an empty slot, else the word's index + 1 in the low 16 bits
    /// and 16 bits of its key (a tag that rules out most mismatches
    /// without reading the word) in the high bits.
    slots: Box<[u32]>,
    words: Vec<Box<[u8]>>,
}

impl WordTable {
    /// 16 bits: a smaller filter lets through more words that are not
    /// in the set, whose probes mispredict; a larger one misses the L1
    /// cache more often (both measured slower).
    const FILTER_BITS: u32 = 16;

    fn new<'w>(words: impl Iterator<Item = &'w str>) -> WordTable {
        // Kept in lower case (see `same_folded`).
        let mut words: Vec<Box<[u8]>> = words
            .map(|w| Box::from(w.to_ascii_lowercase().as_bytes()))
            .collect();
        words.sort_unstable();
        words.dedup();
        words.truncate(0xFFFE);
        let mut filter = vec![0u64; (1 << Self::FILTER_BITS) / 64].into_boxed_slice();
        // At most 1/4 full: probes are short.
        let size = (words.len() * 4).next_power_of_two().max(64);
        let mut slots = vec![0u32; size].into_boxed_slice();
        for (i, w) in words.iter().enumerate() {
            let h = word_key(w);
            let bit = Self::filter_bit(h);
            filter[bit / 64] |= 1 << (bit % 64);
            let mut at = Self::slot(h, size);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = Self::tag(h) | (i as u32 + 1);
        }
        WordTable {
            filter,
            slots,
            words,
        }
    }

    /// The index of `word` (any ASCII case) in the set.
    #[inline]
    fn find_word(&self, word: &[u8]) -> Option<usize> {
        self.find(word, word_key(word))
    }

    /// True when `word` (any ASCII case) is in the set. (A test of the
    /// word's length, first and last letters before its key, as in
    /// [`crate::words`], passes about 28% of running-text words here and
    /// mispredicts; the key and the large filter cost less.)
    #[inline]
    fn contains_word(&self, word: &[u8]) -> bool {
        self.contains(word, word_key(word))
    }

    fn filter_bit(h: u64) -> usize {
        (h >> (64 - Self::FILTER_BITS)) as usize
    }

    fn slot(h: u64, size: usize) -> usize {
        (h >> 16) as usize & (size - 1)
    }

    fn tag(h: u64) -> u32 {
        (h as u32) << 16
    }

    /// True when `word` (any ASCII case, with [`word_key`] `h`) is in the set.
    #[inline]
    fn contains(&self, word: &[u8], h: u64) -> bool {
        self.find(word, h).is_some()
    }

    /// The index of `word` (any ASCII case, with [`word_key`] `h`) in the set.
    /// Always inlined: it sits in the tokenizer's per-word loop
    /// ([`tokenize_cues_into`]), where a call costs about 1% of the engine's
    /// instructions.
    #[inline(always)]
    fn find(&self, word: &[u8], h: u64) -> Option<usize> {
        let bit = Self::filter_bit(h);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = Self::tag(h);
        let mut at = Self::slot(h, self.slots.len());
        loop {
            let s = self.slots[at];
            if s == 0 {
                return None;
            }
            let k = (s & 0xFFFF) as usize - 1;
            if s & 0xFFFF_0000 == tag && same_folded(&self.words[k], word) {
                return Some(k);
            }
            at = (at + 1) & mask;
        }
    }
}

/// `lower.eq_ignore_ascii_case(word)` for `lower` in lower case, without
/// a branch per byte (a table hit is compared in full: an early exit
/// would mispredict on every length).
#[inline]
fn same_folded(lower: &[u8], word: &[u8]) -> bool {
    lower.len() == word.len()
        && lower
            .iter()
            .zip(word)
            .fold(0u8, |d, (&a, &b)| d | (a ^ b.to_ascii_lowercase()))
            == 0
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
        let mut prefixes = HashSet::default();
        let mut max_words = 1;
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let lemma = cols[0].replace('_', " ");
            // `class` or `class:type` (`support<TAB>object:stance`).
            let (class_col, type_col) =
                match cols.get(1).copied().unwrap_or("speech").split_once(':') {
                    Some((c, t)) => (c, Some(t)),
                    None => (cols.get(1).copied().unwrap_or("speech"), None),
                };
            let learned = class_col == "learned";
            let class = match class_col {
                "object" | "learned" => CueClass::Object,
                "belief" => CueClass::Belief,
                "evidence" => CueClass::Evidence,
                "hedge" => CueClass::Hedge,
                "about" => CueClass::About,
                _ => CueClass::Speech,
            };
            let quote_type = match type_col {
                Some("speech") => QuoteType::Speech,
                Some("stance") => QuoteType::Stance,
                Some("evidence") => QuoteType::Evidence,
                // A learned cue is mostly a stance (`voted`, `approved`).
                _ if learned => QuoteType::Stance,
                _ => class.quote_type(),
            };
            // `=forms`: exactly these forms, however few.
            let exact = cols.get(2).is_some_and(|f| f.trim_start().starts_with('='));
            let forms_col = cols.get(2).map(|f| f.trim_start().trim_start_matches('='));
            let mut list: Vec<String> = match forms_col {
                Some(f) if !f.trim().is_empty() => {
                    f.split_whitespace().map(|w| w.replace('_', " ")).collect()
                }
                _ => inflect(&lemma),
            };
            if !learned && !exact && forms_col.is_some_and(|f| f.split_whitespace().count() <= 2) {
                // Partial override: add generated forms too.
                list.extend(inflect(&lemma));
            }
            for f in list {
                max_words = max_words.max(f.split(' ').count());
                if let Some((head, _)) = f.split_once(' ') {
                    heads.insert(head.to_string());
                    let words: Vec<&str> = f.split(' ').collect();
                    for n in 2..words.len() {
                        prefixes.insert(words[..n].join(" "));
                    }
                }
                let gerund = f.ends_with("ing") && f != lemma;
                let participle = f.ends_with("ed")
                    || matches!(f.as_str(), "told" | "written" | "shown" | "known" | "sworn");
                let traits = LemmaTraits::of(&lemma);
                let base = !learned && f == lemma && !traits.has(LemmaTraits::PAST_AS_BASE);
                forms.entry(f).or_insert(CueEntry {
                    traits,
                    lemma: lemma.clone(),
                    class,
                    quote_type,
                    gerund,
                    participle,
                    base,
                    learned,
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
        // The longer forms by first word.
        let mut by_head: FxMap<&str, LongerForms> = FxMap::default();
        for (f, e) in &forms {
            let mut words = f.split(' ');
            if let (Some(head), true) = (words.next(), f.contains(' ')) {
                let rest = words.map(Box::from).collect();
                by_head.entry(head).or_default().push((rest, e.clone()));
            }
        }
        let start_forms = starts
            .words
            .iter()
            .map(|w| {
                let w = std::str::from_utf8(w).unwrap_or_default();
                let mut longer = by_head.remove(w).unwrap_or_default();
                // Longest first (then in a fixed order).
                longer.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
                StartForms {
                    single: forms.get(w).cloned(),
                    longer,
                }
            })
            .collect();
        let max_form_len = forms.keys().map(String::len).max().unwrap_or(0);
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
            prefixes,
            starts,
            start_forms,
            max_words,
            max_form_len,
            filter,
        }
    }

    /// The built-in lexicon from `data/cues.tsv`.
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
        if word.len() <= 24 && word.is_ascii() {
            // Exact for short ASCII words (the bit filter admits every start word).
            self.starts.contains_word(word)
        } else {
            filter_has(&self.filter, word)
        }
    }

    /// True when the token may start a cue ([`Lexicon::may_start_raw`]) or
    /// is `according`. Plain words (ASCII letters and digits) skip the
    /// ASCII check.
    #[cfg(test)]
    pub fn token_may_start(&self, t: &Token<'_>) -> bool {
        self.word_may_start(t.text, t.is_plain())
    }

    /// [`Lexicon::token_may_start`] of a word token with text `word`
    /// (`plain`: ASCII letters and digits only).
    #[cfg(test)]
    pub(crate) fn word_may_start(&self, word: &str, plain: bool) -> bool {
        self.word_cue_start(word, plain) != 0
    }

    /// [`Lexicon::word_may_start`] as a number for
    /// [`Lexicon::match_start`]: 0 for false, else an index + 1 into the
    /// start words when the word was found there, or `u16::MAX`.
    #[inline]
    pub(crate) fn word_cue_start(&self, word: &str, plain: bool) -> u16 {
        let w = word.as_bytes();
        if plain && w.len() <= 24 {
            if let Some(k) = self.starts.find_word(w) {
                // At most 0xFFFE words: below `u16::MAX`.
                return k as u16 + 1;
            }
        } else if self.may_start_raw(word) {
            return u16::MAX;
        }
        if w.eq_ignore_ascii_case(b"according") {
            u16::MAX
        } else {
            0
        }
    }

    /// [`Lexicon::match_at`] for a token whose [`Lexicon::word_cue_start`]
    /// is `start`: a start word found in the table is answered from its
    /// forms (the words after it compared in place), without hashing keys.
    #[inline]
    pub(crate) fn match_start(
        &self,
        tokens: &[Token<'_>],
        i: usize,
        start: u16,
    ) -> Option<(usize, &CueEntry)> {
        let Some(sf) = self.start_forms.get(usize::from(start).wrapping_sub(1)) else {
            return self.match_at(tokens, i);
        };
        if !tokens.get(i).is_some_and(|t| t.is_word) {
            return None;
        }
        for (rest, e) in &sf.longer {
            let next = tokens.get(i + 1..i + 1 + rest.len());
            if next.is_some_and(|next| {
                next.iter()
                    .zip(rest)
                    .all(|(t, w)| t.is_word && t.lower() == &**w)
            }) {
                return Some((1 + rest.len(), e));
            }
        }
        sf.single.as_ref().map(|e| (1, e))
    }

    /// Look up a surface form (lower case, words separated by one space).
    pub fn lookup(&self, form: &str) -> Option<&CueEntry> {
        self.forms.get(form)
    }

    /// [`Lexicon::lookup`] of a token's lower case: for a plain word from
    /// the engine's unit tokenizer, which asked the lexicon already, it is
    /// answered from the start-word table without hashing.
    #[inline]
    pub fn token_entry(&self, t: &Token<'_>) -> Option<&CueEntry> {
        if t.is_plain() {
            match t.known_cue_start() {
                // Not a start word: no single-word form either.
                Some(0) => return None,
                Some(k) if k != u16::MAX => {
                    return self
                        .start_forms
                        .get(usize::from(k) - 1)
                        .and_then(|f| f.single.as_ref());
                }
                _ => {}
            }
        }
        self.lookup(t.lower())
    }

    /// Number of distinct lemmas.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        let mut l: Vec<&str> = self.forms.values().map(|e| e.lemma.as_str()).collect();
        l.sort_unstable();
        l.dedup();
        l.len()
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
        // The key is built on the stack; keys longer than every form can
        // no longer match, so building stops there.
        let mut buf = [0u8; 64];
        if self.max_form_len > buf.len() {
            return self.match_at_slow(tokens, i);
        }
        let mut len = 0;
        let mut best = None;
        for n in 0..self.max_words {
            let Some(t) = tokens.get(i + n) else { break };
            if !t.is_word {
                break;
            }
            let word = t.lower().as_bytes();
            let sep = usize::from(n > 0);
            if len + sep + word.len() > self.max_form_len {
                break;
            }
            if sep == 1 {
                buf[len] = b' ';
            }
            buf[len + sep..len + sep + word.len()].copy_from_slice(word);
            len += sep + word.len();
            let key = std::str::from_utf8(&buf[..len]).unwrap_or_default();
            if let Some(e) = self.forms.get(key) {
                best = Some((n + 1, e));
            }
            // No longer form starts with this key.
            if n > 0 && !self.prefixes.contains(key) {
                break;
            }
        }
        best
    }

    /// [`Lexicon::match_at`] with a heap key (for lexicons with very long forms).
    fn match_at_slow(&self, tokens: &[Token<'_>], i: usize) -> Option<(usize, &CueEntry)> {
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
            if n > 0 && !self.prefixes.contains(&key) {
                break;
            }
        }
        best
    }
}
/// [`crate::token::tokenize_folded_into`] that also asks `lex` whether each word may
/// start a cue ([`Lexicon::token_may_start`], kept in
/// [`Token::may_start_cue`]), while the word is at hand, and lists the
/// indices of such tokens in `starts` (cleared first).
pub(crate) fn tokenize_cues_into<'a>(
    text: &'a str,
    folded: Option<&'a str>,
    span: Span,
    out: &mut Vec<Token<'a>>,
    lex: &Lexicon,
    starts: &mut Vec<u32>,
) {
    starts.clear();
    tokenize_with(text, folded, span, out, true, starts, |w, plain| {
        lex.word_cue_start(w, plain)
    });
}

/// The examples that documented this module's items when it was public.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod examples {
    #[test]
    fn is_passive_hedge() {
        use crate::cue::Lexicon;
        let lex = Lexicon::builtin();
        assert!(lex.lookup("expected to").unwrap().is_passive_hedge());
        assert!(!lex.lookup("seems").unwrap().is_passive_hedge());
    }

    #[test]
    fn builtin() {
        use crate::cue::{CueClass, Lexicon};
        let lex = Lexicon::builtin();
        assert_eq!(lex.lookup("pointed out").unwrap().lemma, "point out");
        assert_eq!(lex.lookup("said").unwrap().class, CueClass::Speech);
        assert!(lex.len() > 80);
    }

    #[test]
    fn token_may_start() {
        use crate::{cue::Lexicon, token::tokenize, Span};
        let text = "Officials SAID, according to aides.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let lex = Lexicon::builtin();
        let may: Vec<bool> = toks
            .iter()
            .map(|t| t.is_word && lex.token_may_start(t))
            .collect();
        assert_eq!(may, [false, true, false, true, false, false, false]);
    }

    #[test]
    fn token_entry() {
        use crate::{cue::Lexicon, token::tokenize, Span};
        let text = "Officials SAID the report.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let lex = Lexicon::builtin();
        assert_eq!(lex.token_entry(&toks[1]).unwrap().lemma, "say");
        assert!(lex.token_entry(&toks[2]).is_none());
    }
}
