//! Page boilerplate in scraped articles: comment widgets, share and
//! subscribe lines, cookie notices, and a headline repeated at the foot of
//! the page. Boilerplate lines are reported separately and never attributed
//! or turned into claims.

use crate::span::Span;

/// Lower-cased line prefixes that mark page furniture.
const PREFIXES: &[&str] = &[
    "no comments",
    "post a comment",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "show comments",
    "view comments",
    "comments (",
    "share this",
    "share on ",
    "share via",
    "share:",
    "tweet this",
    "click to share",
    "click here to",
    "subscribe to",
    "subscribe now",
    "sign up for",
    "sign up to",
    "follow us on",
    "like us on",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "by continuing to use",
    "accept cookies",
    "cookie policy",
    "all rights reserved",
    "copyright ©",
    "© ",
    "advertisement",
    "related articles",
    "related:",
    "copy link",
    "related stories",
    "read more:",
    "recommended for you",
    "newer post",
    "older post",
    "home »",
    "posted by ",
    "labels:",
    "email this",
    "print this",
];

/// The [`PREFIXES`] that begin with byte `b`.
fn prefixes_from(b: u8) -> &'static [&'static str] {
    static BY_FIRST: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut v = vec![Vec::new(); 256];
        for p in PREFIXES {
            if let Some(&f) = p.as_bytes().first() {
                v[f as usize].push(*p);
            }
        }
        v
    });
    &by_first[b as usize]
}

/// Whole lines (lower-cased, trimmed of punctuation) that are furniture.
const EXACT: &[&str] = &[
    "comments",
    "share",
    "tweet",
    "email",
    "print",
    "subscribe",
    "advertisement",
    "menu",
    "home",
    "related",
    "read more",
    "loading",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "more",
    "next",
    "previous",
    "top",
    "back to top",
];

/// True when a single line reads like page furniture on its own.
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    // Furniture is short; cookie notices run to a few hundred characters.
    if line.len() > 600 {
        return false;
    }
    // (The upper-case form only on a line that opens in capitals: one
    // substring search per paragraph instead of two.)
    let has_cookie = line.contains("ookie")
        || line.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase) && line.contains("OOKIE");
    // Long lines are body text unless they are cookie notices.
    if line.len() > 160 && !has_cookie {
        return false;
    }
    // Prefixes are short: fold only the head of the line.
    let mut cut = line.len().min(48);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let raw_head = &line[..cut];
    // An ASCII head is folded on the stack; other text the Unicode way.
    let mut buf = [0u8; 48];
    let owned;
    let head: &str = if raw_head.is_ascii() {
        let folded = &mut buf[..raw_head.len()];
        folded.copy_from_slice(raw_head.as_bytes());
        folded.make_ascii_lowercase();
        std::str::from_utf8(folded).unwrap_or_default()
    } else {
        owned = raw_head.to_lowercase();
        &owned
    };
    // Words are counted only as far as the answer needs.
    let first = head.as_bytes().first().copied().unwrap_or_default();
    if prefixes_from(first).iter().any(|p| head.starts_with(p))
        && line.split_whitespace().nth(14).is_none()
    {
        return true;
    }
    if has_cookie {
        let lower = line.to_lowercase();
        return lower.contains("accept") || lower.contains("we use");
    }
    if line.split_whitespace().nth(4).is_some() {
        return false;
    }
    let bare = head.trim_matches(|c: char| !c.is_alphanumeric());
    if EXACT.contains(&bare) {
        return true;
    }
    bare.ends_with(" comments")
        && bare
            .split_whitespace()
            .next()
            .is_some_and(|w| w.parse::<u32>().is_ok())
}

/// True when a line looks like a headline: short, no final sentence
/// punctuation, and mostly capitalised words.
fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.ends_with(['.', ',', ';', ':', '”', '"', '’']) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 3 || words.len() > 16 {
        return false;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().count() > 3 && w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if content.is_empty() {
        return false;
    }
    let caps = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 4 >= content.len() * 3
}

/// The words of `s`, each lower-cased, joined by single spaces (one
/// allocation; ASCII words are folded in place).
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            let at = out.len();
            out.push_str(w);
            out[at..].make_ascii_lowercase();
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
    out
}

/// Find boilerplate among the paragraphs of `text`.
///
/// A paragraph is boilerplate when it reads as furniture on its own
/// ([`is_furniture_line`]), or when it sits in the trailing block of the page
/// (after the last real paragraph) and repeats the first line or looks like
/// a headline.
pub fn detect(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut flags: Vec<bool> = paragraphs
        .iter()
        .map(|p| p.slice(text).is_some_and(is_furniture_line))
        .collect();
    let first = paragraphs
        .first()
        .and_then(|p| p.slice(text))
        .map(norm)
        .unwrap_or_default();
    // Walk back over the trailing block of the page.
    let mut i = paragraphs.len();
    let mut trailing_furniture = false;
    while i > 1 {
        i -= 1;
        let line = paragraphs[i].slice(text).unwrap_or_default();
        if flags[i] {
            trailing_furniture = true;
            continue;
        }
        let repeated = !first.is_empty() && line.len() <= first.len() * 2 && norm(line) == first;
        if repeated || (trailing_furniture && looks_like_headline(line)) {
            flags[i] = true;
            continue;
        }
        break;
    }
    paragraphs
        .iter()
        .zip(flags)
        .filter_map(|(p, f)| f.then_some(*p))
        .collect()
}

/// The examples that documented this module's items when it was public.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod examples {
    #[test]
    fn is_furniture_line() {
        use crate::boilerplate::is_furniture_line;
        assert!(is_furniture_line("No comments:"));
        assert!(is_furniture_line("Share this article on Facebook"));
        assert!(!is_furniture_line(
            "The minister said no comment would be made."
        ));
    }

    #[test]
    fn detect() {
        use crate::{boilerplate::detect, segment::paragraphs};
        let text = "Body text here.\nMore body text.\nTalks Resume in Geneva\nNo comments:\nPost a Comment";
        let found: Vec<&str> = detect(text, &paragraphs(text))
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect();
        assert_eq!(
            found,
            ["Talks Resume in Geneva", "No comments:", "Post a Comment"]
        );
    }
}
