//! The word and phrase lists of the findings rules, as data
//! (`data/findings_rules.txt`): generic content words that are no evidence
//! that two quotes are one quote, and phrases of page furniture.
//!
//! ```
//! use quotecheck_dedup::rules::{is_furniture_phrase, is_generic};
//! assert!(is_generic("think"));
//! assert!(!is_generic("pipeline"));
//! assert!(is_furniture_phrase("davis did not immediately return a request seeking comment"));
//! assert!(!is_furniture_phrase("the senate did not vote on the bill"));
//! ```

use std::collections::HashSet;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/findings_rules.txt");

/// The entries of one `[section]` of the data file.
fn section(tag: &str) -> impl Iterator<Item = &'static str> + '_ {
    DATA.split('[')
        .find_map(|s| s.strip_prefix(tag).and_then(|s| s.strip_prefix(']')))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn generic() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| section("generic").collect())
}

fn furniture() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| section("furniture").collect())
}

/// True for a normalised content word too common in speech to count as
/// evidence (`going`, `think`, `people`).
pub fn is_generic(word: &str) -> bool {
    generic().contains(word)
}

/// True when a normalised text contains a furniture phrase (`request for
/// comment`, `sign up for`), matched on whole words.
pub fn is_furniture_phrase(normalised: &str) -> bool {
    let padded = format!(" {normalised} ");
    furniture()
        .iter()
        .any(|p| padded.contains(&format!(" {p} ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_read() {
        assert!(generic().len() > 20);
        assert!(furniture().len() > 20);
        assert!(furniture().iter().all(|p| !p.starts_with('#')));
        // Whole words only.
        assert!(!is_furniture_phrase("the subscriber base grew"));
        assert!(is_furniture_phrase("you can subscribe here"));
    }
}
