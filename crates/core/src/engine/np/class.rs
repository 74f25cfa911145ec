//! Class nouns that stand for an organisation the article named in full
//! (`Northwind Air cancelled … “…,” the airline said`): which nouns, which
//! last words of a name show an organisation of that class, and the one
//! full name of that class written before a mention.

/// The class nouns and the last words of a name that show that class
/// (`the airline` ← `Northwind Air`, `the club` ← `Harbour City FC`;
/// company suffixes with no class noun).
const CLASSES: &[(&[&str], &[&str])] = &[
    (
        &["airline", "carrier"],
        &["Air", "Airlines", "Airways", "Airline"],
    ),
    (
        // (No class noun: `the company` after a company named in full
        // was right 1 time in 3 on PolNeAR train; the suffixes still show
        // an organisation to `org_starting`.)
        &[],
        &[
            "Inc",
            "Inc.",
            "Corp",
            "Corp.",
            "Corporation",
            "Company",
            "Co.",
            "Ltd",
            "Ltd.",
            "Limited",
            "LLC",
            "plc",
            "PLC",
            "Products",
            "Industries",
            "Holdings",
            "Group",
            "Technologies",
            "Motors",
            "Foods",
        ],
    ),
    (
        &["club", "team"],
        &[
            "FC", "F.C.", "AFC", "CF", "Club", "United", "Rovers", "Athletic",
        ],
    ),
    (
        &["utility"],
        &["Power", "Hydro", "Energy", "Electric", "Utilities", "Gas"],
    ),
    (
        &["agency", "regulator"],
        &["Agency", "Authority", "Commission", "Administration"],
    ),
];

/// The suffixes of the class `noun` names (lower case, as a speaker's
/// name: `airline`), when it is one.
fn suffixes(noun: &str) -> Option<&'static [&'static str]> {
    CLASSES
        .iter()
        .find(|(nouns, _)| nouns.contains(&noun))
        .map(|&(_, s)| s)
}

/// Small words inside an organisation's name (`Bank of Canada`).
fn connector(w: &str) -> bool {
    matches!(w, "of" | "de" | "du" | "la" | "for")
}

/// A run of capitalised words (byte start, end, word count) closed: a name
/// that `fits`, kept in `found`.
/// `false` when `found` holds another name already.
fn close<'h>(
    head: &'h str,
    fits: &dyn Fn(&str) -> bool,
    run: Option<(usize, usize, usize)>,
    found: &mut Option<&'h str>,
) -> bool {
    let Some((s, e, n)) = run else { return true };
    let name = &head[s..e];
    if n >= 2 && fits(name) {
        match found {
            Some(f) if *f != name => return false,
            _ => *found = Some(name),
        }
    }
    true
}

/// The full name of the one organisation of class `noun` (`airline`,
/// `club`, `utility`, `agency`) that `text` names before byte
/// `before`: a run of two or more capitalised words ending with a word
/// that shows the class (`Northwind Air`, `Harbour City FC`). `None` when
/// `noun` is no class noun, or no name or two different names fit.
///
/// ```text
/// "Northwind Air cancelled flights … the airline said" → Northwind Air
/// "Coastal Power and Tidewater Energy … the utility said" → None (two fit)
/// ```
pub fn org_in_full(text: &str, before: usize, noun: &str) -> Option<String> {
    let suffixes = suffixes(noun)?;
    let fits = |name: &str| {
        let last = name.split_whitespace().last().unwrap_or_default();
        suffixes.contains(&last)
    };
    one_name(text, before, &fits)
}

/// The full name of the one organisation whose name starts with the word
/// `first` and ends with a word that shows an organisation of any class,
/// written before byte `before` (`Brightline` → `Brightline Home
/// Products`).
pub fn org_starting(text: &str, before: usize, first: &str) -> Option<String> {
    let fits = |name: &str| {
        let last = name.split_whitespace().last().unwrap_or_default();
        name.split_whitespace().next() == Some(first)
            && CLASSES.iter().any(|(_, s)| s.contains(&last))
    };
    one_name(text, before, &fits)
}

/// The one name (a run of two or more capitalised words, `Bank of
/// Canada`) written before byte `before` that `fits`: `None` when none or
/// two different names fit.
fn one_name(text: &str, before: usize, fits: &dyn Fn(&str) -> bool) -> Option<String> {
    let head = text.get(..before)?;
    let mut found: Option<&str> = None;
    // The current run of capitalised words: byte start and end.
    let mut run: Option<(usize, usize, usize)> = None;
    // (Offsets from the words' addresses: `split_whitespace` skips
    // multi-byte spaces too.)
    let base = head.as_ptr() as usize;
    let mut words = head
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - base, w))
        .peekable();
    while let Some((at, raw)) = words.next() {
        // Punctuation ends a run after its word (`Air,`), before it cuts it.
        let w = raw.trim_start_matches(['"', '“', '‘', '(']);
        let lead = raw.len() - w.len();
        let core = w.trim_end_matches([',', ';', ':', '"', '”', '’', ')', '!', '?']);
        let core = core.strip_suffix("’s").or_else(|| core.strip_suffix("'s"));
        let (core, possessive) = match core {
            Some(c) => (c, true),
            None => (
                w.trim_end_matches([',', ';', ':', '"', '”', '’', ')', '!', '?']),
                false,
            ),
        };
        // (A full stop ends a sentence unless the word is an abbreviation.)
        let ends = core.len() < w.len() || possessive;
        let abbrev = CLASSES.iter().any(|(_, s)| s.contains(&core));
        let core_t = if core.ends_with('.') && !abbrev {
            core.trim_end_matches('.')
        } else {
            core
        };
        let ends = ends || core_t.len() < core.len();
        let cap = core_t.chars().next().is_some_and(char::is_uppercase);
        let start = at + lead;
        if cap && !matches!(core_t, "The" | "A" | "An" | "In" | "At" | "On") {
            run = Some(match run {
                Some((s, _, n)) => (s, start + core_t.len(), n + 1),
                None => (start, start + core_t.len(), 1),
            });
        } else if run.is_some()
            && !ends
            && connector(core_t)
            && words
                .peek()
                .is_some_and(|(_, n)| n.chars().next().is_some_and(char::is_uppercase))
        {
            // `Bank of Canada`: the connector joins the run.
            continue;
        } else {
            if !close(head, fits, run.take(), &mut found) {
                return None;
            }
            continue;
        }
        if ends && !close(head, fits, run.take(), &mut found) {
            return None;
        }
    }
    if !close(head, fits, run.take(), &mut found) {
        return None;
    }
    found.map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::{org_in_full, org_starting};

    #[test]
    fn a_short_name_in_full() {
        let t = "Brightline Home Products had 57 reports. Brightline said";
        let at = t.rfind("Brightline").expect("in the text");
        assert_eq!(
            org_starting(t, at, "Brightline").as_deref(),
            Some("Brightline Home Products")
        );
        assert_eq!(org_starting(t, at, "Home"), None);
        let t = "Brightline Home Products and Brightline Foods merged. Brightline said";
        assert_eq!(org_starting(t, t.len(), "Brightline"), None);
    }

    #[test]
    fn the_one_name_of_the_class_before() {
        let t = "Northwind Air cancelled 240 flights. In a statement, the airline said";
        let at = t.find("the airline").expect("in the text");
        assert_eq!(
            org_in_full(t, at, "airline").as_deref(),
            Some("Northwind Air")
        );
        let t = "Harbour City fans cheered. Harbour City FC won, and the club confirmed";
        let at = t.find("the club").expect("in the text");
        assert_eq!(
            org_in_full(t, at, "club").as_deref(),
            Some("Harbour City FC")
        );
        let t = "Coastal Power says 180,000 are without power. The utility said";
        let at = t.find("The utility").expect("in the text");
        assert_eq!(
            org_in_full(t, at, "utility").as_deref(),
            Some("Coastal Power")
        );
    }

    #[test]
    fn none_when_two_fit_or_none_or_after() {
        let t = "Northwind Air and Skyjet Airways merged. The airline said";
        let at = t.find("The airline").expect("in the text");
        assert_eq!(org_in_full(t, at, "airline"), None);
        let t = "The storm hit. The utility said";
        assert_eq!(org_in_full(t, t.len(), "utility"), None);
        // `the company` is no class noun (too often another company).
        let t = "Acme Corp. grew. The company said";
        assert_eq!(org_in_full(t, t.len(), "company"), None);
        let t = "the airline said. Northwind Air";
        assert_eq!(org_in_full(t, 3, "airline"), None);
        // Not a class noun.
        let t = "Northwind Air flew. The spokesman said";
        assert_eq!(org_in_full(t, t.len(), "spokesman"), None);
        // One name written twice is one name.
        let t = "Coastal Power grew. Coastal Power hired. The utility said";
        assert_eq!(
            org_in_full(t, t.len(), "utility").as_deref(),
            Some("Coastal Power")
        );
    }
}
