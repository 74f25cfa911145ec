//! Query cleaning: strip what social-media posts and web copies wrap around
//! a claim before it is searched.
//!
//! - links are removed: `http://…`, `https://…`, `pic.twitter.com/…`,
//!   `t.co/…`, even when glued to the word before them
//!   (`#Hanukkahpic.twitter.com/IfkdcwGENr` → `#Hanukkah`);
//! - the signature of an embedded tweet at the end of a text,
//!   `— Name (@handle) January 5, 2020`, loses its handle and date (the
//!   name is kept: it is often the claim's speaker);
//! - hashtags and handles are split at case changes and digits
//!   (`#FreeIran2020` → `Free Iran 2020`, `@realDonaldTrump` →
//!   `real Donald Trump`).
//!
//! Plain article text passes through unchanged.
//!
//! ```
//! use quotecheck_claims::clean::clean_query;
//! assert_eq!(
//!     clean_query("Minecraft is NOT closing #Minecrafthttps://t.co/V4Lz — Helen Z (@HelenAngel) January 2, 2020"),
//!     "Minecraft is NOT closing  Minecraft — Helen Z"
//! );
//! assert_eq!(clean_query("The senator voted against it."), "The senator voted against it.");
//! ```

use std::borrow::Cow;

/// Link starts removed up to the next whitespace.
const LINK_STARTS: &[&str] = &["https://", "http://", "pic.twitter.com/", "t.co/"];

/// Months, for recognising the date of a tweet signature.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Remove links (see the module documentation).
fn strip_links(text: &str) -> Cow<'_, str> {
    let first = LINK_STARTS.iter().filter_map(|p| text.find(p)).min();
    let Some(mut at) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = &rest[end..];
        match LINK_STARTS.iter().filter_map(|p| rest.find(p)).min() {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Drop `(@handle) Month D, YYYY` at the end of a tweet signature.
fn strip_signature(text: &str) -> &str {
    let trimmed = text.trim_end();
    let Some(dash) = trimmed.rfind(" — ") else {
        return text;
    };
    let sig = &trimmed[dash..];
    let Some(open) = sig.rfind("(@") else {
        return text;
    };
    let after = sig[open..].split_once(')').map(|(_, d)| d.trim());
    let dated = after.is_some_and(|d| {
        d.is_empty()
            || MONTHS.iter().any(|m| d.starts_with(m)) && d.bytes().any(|b| b.is_ascii_digit())
    });
    if dated {
        trimmed[..dash + open].trim_end()
    } else {
        text
    }
}

/// Split `#Tags` and `@handles` at case changes and digits; drop the sign.
fn split_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut in_tag = false;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if (c == '#' || c == '@') && !prev.is_some_and(char::is_alphanumeric) {
            in_tag = true;
            out.push(' ');
            prev = Some(' ');
            continue;
        }
        if in_tag {
            if !c.is_alphanumeric() && c != '_' {
                in_tag = false;
            } else if let Some(p) = prev {
                let boundary = (p.is_lowercase() && c.is_uppercase())
                    || (p.is_alphabetic() && c.is_ascii_digit())
                    || (p.is_ascii_digit() && c.is_alphabetic());
                if boundary {
                    out.push(' ');
                }
            }
        }
        out.push(if in_tag && c == '_' { ' ' } else { c });
        prev = Some(c);
    }
    out
}

/// The text of a query with links, tweet signatures and tag glue removed
/// (see the module documentation).
pub fn clean_query(text: &str) -> String {
    let t = strip_links(text);
    let t = strip_signature(&t);
    if t.contains(['#', '@']) {
        split_tags(t)
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_glued_or_not() {
        assert_eq!(strip_links("a http://x.y/z b"), "a  b");
        assert_eq!(strip_links("#Tagpic.twitter.com/Ab1 end"), "#Tag end");
        assert_eq!(strip_links("two https://a https://b"), "two  ");
    }

    #[test]
    fn signature_needs_a_handle_and_a_date() {
        assert_eq!(strip_signature("X — A B (@ab) May 5, 2020"), "X — A B");
        assert_eq!(strip_signature("X — A B (@ab)"), "X — A B");
        assert_eq!(
            strip_signature("X — as (@ab) put it"),
            "X — as (@ab) put it"
        );
        assert_eq!(
            strip_signature("no dash (@ab) May 5, 2020"),
            "no dash (@ab) May 5, 2020"
        );
    }

    #[test]
    fn tags_split() {
        assert_eq!(split_tags("#FreeIran2020 now"), " Free Iran 2020 now");
        assert_eq!(split_tags("@real_Donald"), " real Donald");
        assert_eq!(split_tags("mail a@b.c"), "mail a@b.c");
    }
}
