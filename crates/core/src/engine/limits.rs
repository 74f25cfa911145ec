//! The engine's windows and thresholds, named: how far a rule looks, and
//! the counts that decide a shape. Counts are in tokens unless named
//! otherwise. Changing one changes output: check it as docs/engine.md says.

/// Kept candidates a new one is compared with for overlap (they are sorted
/// by start, so an overlapping one is among the last few).
pub(super) const OVERLAP_LOOKBACK: usize = 8;
/// Quoted spans walked one by one from the last answer before a binary search.
pub(super) const QUOTE_CURSOR_STEPS: usize = 8;
/// Quoted spans reported inside one content span at most.
pub(super) const MAX_QUOTES_IN_SPAN: usize = 64;

/// Title-case headline: at least this many words longer than three letters …
pub(super) const HEADLINE_MIN_WORDS: usize = 4;
/// … of which at least this share, in percent, are capitalised.
pub(super) const HEADLINE_CAPS_PERCENT: usize = 80;

/// A quoted span of at most this many words, all capitalised, is a title
/// (`told “Fox and Friends,”`), not speech.
pub(super) const TITLE_MAX_WORDS: usize = 5;
/// A capitalised quoted phrase of at most this many words inside someone
/// else's sentence (`appeared on “Meet the Press” on Sunday`) is a title,
/// not a partial quotation of the last speaker.
pub(super) const EMBEDDED_TITLE_MAX_WORDS: usize = 4;
/// A quoted span after a cue needs this many words to be speech, unless it
/// is set off by a comma or colon or ends a sentence.
pub(super) const DIRECT_MIN_WORDS: usize = 3;

/// The comma closing an opening clause (`Noting that …, X added`, `When
/// Trump suggested …, Rubio objected`) lies within this many tokens.
pub(super) const OPENING_CLAUSE_MAX_TOKENS: usize = 40;
/// `according to X`: the source is at most this many tokens long.
pub(super) const MAX_SOURCE_TOKENS: usize = 30;
/// A hedge's subject is at most this many tokens before its verb.
pub(super) const HEDGE_SUBJECT_MAX_TOKENS: usize = 20;
/// `can't seem to`: the negation is within this many tokens before a hedge.
pub(super) const HEDGE_IDIOM_WINDOW: usize = 3;
/// A reporting noun's possessor stands at most this many tokens before it
/// (`Trump’s false claims`).
pub(super) const POSSESSOR_WINDOW: usize = 3;
/// A reporting noun's `that` clause has at least this many tokens.
pub(super) const NOMINAL_MIN_CONTENT_TOKENS: usize = 3;
/// `said to X`: a quote mark before the cue, or `that`/`:` after the
/// hearer, within this many tokens makes `X` a hearer.
pub(super) const HEARER_WINDOW: usize = 10;
/// Content before a subject is reported after another report only when a
/// quote mark lies within this many tokens before it.
pub(super) const QUOTE_MARK_LOOKBACK: usize = 64;
/// A cue's `about` complement opens within this many tokens.
pub(super) const ABOUT_WINDOW: usize = 10;
/// A light verb's reporting noun and preposition end within this many
/// tokens (`made no mention of`).
pub(super) const LIGHT_COMPLEMENT_WINDOW: usize = 6;
/// `“…?” Hannity pressed.`: the speaker phrase after a quote is at most
/// this many tokens.
pub(super) const VERB_AFTER_SPEAKER_TOKENS: usize = 10;

/// Content after a cue: the words after which it is a clause of its own.
pub(super) const CONTENT_CLAUSE_WORDS: usize = 4;
/// `fired back forcefully: “…”`: adverbs between a cue and its content, at most.
pub(super) const CUE_ADVERBS_MAX: usize = 2;
/// `joked, again using a Southern accent, “…”`: an aside between commas
/// after a cue has at least this many tokens (commas included) …
pub(super) const ASIDE_MIN_TOKENS: usize = 3;
/// … and at most this many.
pub(super) const ASIDE_MAX_TOKENS: usize = 12;
/// `assured the mostly white crowd.`: a phrase after a `tell` verb of at
/// most this many words that ends the report is the hearer.
pub(super) const HEARER_MAX_WORDS: usize = 5;
/// A report's content is searched for its end within this many tokens.
pub(super) const CONTENT_MAX_TOKENS: usize = 400;

/// Interview turn `LABEL: text`: the colon lies within this many bytes.
pub(super) const INTERVIEW_LABEL_MAX_BYTES: usize = 41;
/// Interview labels have at most this many words.
pub(super) const INTERVIEW_LABEL_MAX_WORDS: usize = 3;
/// An interview has at least this many turns …
pub(super) const INTERVIEW_MIN_TURNS: usize = 3;
/// … by at least this many different labels.
pub(super) const INTERVIEW_MIN_LABELS: usize = 2;
/// A headline label (`Cruz: “…”`) stands in a paragraph of at most this
/// many bytes.
pub(super) const HEADLINE_MAX_BYTES: usize = 240;
/// `X: “…”`: the text from the sentence start to the colon is at most this
/// many bytes.
pub(super) const COLON_LABEL_MAX_BYTES: usize = 240;
/// Headline label `Label: text`: the colon lies within this many bytes.
pub(super) const HEADLINE_LABEL_MAX_BYTES: usize = 49;
/// Headline labels have at most this many words.
pub(super) const HEADLINE_LABEL_MAX_WORDS: usize = 4;
/// … and its addressee or venue (`Clinton to Planned Parenthood:`) at most
/// this many words.
pub(super) const HEADLINE_LABEL_PP_WORDS: usize = 3;
/// A report this many bytes or more after a direct quote's attribution, or
/// across a line break, is no part of that attribution.
pub(super) const ATTRIBUTION_GAP_MAX_BYTES: usize = 240;
/// Attributions remembered for continuations (the most recent ones).
pub(super) const RECENT_ATTRIBUTIONS: usize = 8;
/// A continuation right after an attribution: the gap is under this many
/// bytes …
pub(super) const ADJACENT_GAP_MAX_BYTES: usize = 180;
/// … and under this many characters.
pub(super) const ADJACENT_GAP_MAX_CHARS: usize = 60;
/// A dash byline after a quote (`”— Maria Lopez, 34, a nurse`) is at
/// most this many bytes, up to the end of the paragraph.
pub(super) const BYLINE_MAX_BYTES: usize = 120;
/// `as X put it`: `as` within this many words before `put it`.
pub(super) const PUT_IT_SUBJECT_WORDS: usize = 5;

/// How far before `as saying` the verb of `quoted N as saying` may be
/// (tokens): the quoted person's noun phrase fits in it.
pub(super) const QUOTED_AS_MAX_TOKENS: usize = 12;
