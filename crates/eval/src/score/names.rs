//! Speaker names and cues as scoring compares them: one name key, the
//! folding of cue phrases to their head verb.

/// Normalise a speaker name or mention for comparison: the workspace's one
/// name key, [`quotecheck_core::name_key`] (NFC, case-folded, possessive
/// `’s` and punctuation dropped, whitespace collapsed, a leading `the`
/// dropped).
///
/// ```
/// use quotecheck_eval::score::normalize_name;
/// assert_eq!(normalize_name("The State Department’s Spokeswoman"), "state department spokeswoman");
/// assert_eq!(normalize_name("  U.S. officials, "), "us officials");
/// ```
pub fn normalize_name(s: &str) -> String {
    quotecheck_core::name_key(s)
}

/// True when two (un-normalised) names refer to the same speaker under the
/// default rule: equal after [`normalize_name`], or sharing the last token
/// with one name's tokens a contiguous part of the other's
/// (`Trudeau` / `Elizabeth Trudeau`).
///
/// ```
/// use quotecheck_eval::score::names_match;
/// assert!(names_match("Elizabeth Trudeau", "Trudeau"));
/// assert!(names_match("the Russian Foreign Ministry", "Russian Foreign Ministry"));
/// assert!(!names_match("Elizabeth Trudeau", "Justin Trudeau"));
/// assert!(!names_match("Sergei Lavrov", ""));
/// ```
pub fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (normalize_name(a), normalize_name(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let ta: Vec<&str> = a.split(' ').collect();
    let tb: Vec<&str> = b.split(' ').collect();
    if ta.last() != tb.last() {
        return false;
    }
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Leading words skipped when naming a cue (`has said` → `said`,
/// `did not say` → `say`, `’s predicting` → `predicting`).
pub(super) const CUE_SKIP: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "been",
    "be",
    "will",
    "would",
    "could",
    "may",
    "might",
    "later",
    "then",
    "previously",
    "repeatedly",
    "again",
    "once",
    "further",
    "and",
    "did",
    "does",
    "do",
    "not",
    "never",
    "to",
    "'s",
    "a",
    "an",
    "the",
];

/// Particles kept after the first cue word (`according to`, `pointed out`).
pub(super) const CUE_PARTICLES: &[&str] = &[
    "to", "out", "up", "on", "off", "down", "back", "over", "about",
];

/// The key under which a cue is counted in [`ScoreReport::by_cue`]: lower
/// case, leading auxiliaries, negations, articles and adverbs skipped (`has`,
/// `also`, `did not`, `to`, `the`…) while another word follows,
/// then the first word plus a following particle (`to`, `out`, `up`, `on`…).
/// An empty cue is `(none)`.
///
/// ```
/// use quotecheck_eval::score::normalize_cue;
/// assert_eq!(normalize_cue("Said in a statement"), "said");
/// assert_eq!(normalize_cue("according to"), "according to");
/// assert_eq!(normalize_cue("also pointed out"), "pointed out");
/// assert_eq!(normalize_cue("don’t like"), "don't");
/// assert_eq!(normalize_cue("did not immediately respond to"), "immediately");
/// assert_eq!(normalize_cue("has said"), "said");
/// assert_eq!(normalize_cue(":"), ":");
/// assert_eq!(normalize_cue(""), "(none)");
/// ```
pub fn normalize_cue(cue: &str) -> String {
    let lower = cue.to_lowercase().replace(['’', '‘'], "'");
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| {
            let t = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            if t.is_empty() {
                w
            } else {
                t
            }
        })
        .collect();
    let mut i = 0;
    while i + 1 < words.len() && CUE_SKIP.contains(&words[i]) {
        i += 1;
    }
    match words.get(i) {
        None => "(none)".to_string(),
        Some(first) => match words.get(i + 1) {
            Some(next) if CUE_PARTICLES.contains(next) => format!("{first} {next}"),
            _ => (*first).to_string(),
        },
    }
}
