//! Speaker keys: one key per person (or organisation) across the documents
//! of one run, so an editor can filter all of a person's quotes.
//!
//! The engine resolves speakers within one document; here the per-document
//! speakers are linked across documents:
//!
//! - A **full name** (two or more words once a leading title is removed)
//!   is a key of its own: `Ana Ruiz`, `Dr. Ana Ruiz` and `ANA RUIZ` are all
//!   `ana-ruiz`.
//! - A **title + surname** (`Mr.`, `Mrs.`, `Ms.`, `Miss`, `Dr.`, `Prof.`,
//!   `Sen.`, `Senator`, `Rep.`, `Gov.`, `Gen.`, `President`) joins the one
//!   full-name key with that surname when there is exactly one in the run.
//!   When there is none it is a key of its own (`dr-smith`, shared by the
//!   documents that write it the same way); when there are several it is
//!   ambiguous and stays a key of its document only (`<doc_id>/dr-smith`).
//! - **Organisations** link by their name when it has a capital letter
//!   (`the Treasury` in two articles is one key, `the authority` is not);
//!   a single-word person name (`Ruiz`) links by that word.
//! - **Groups and unknown speakers** (`officials`, `a spokesman`) are never
//!   linked across documents: their key is `<doc_id>/<name>`.
//!
//! Keys are lower-case: letters and digits of the name, joined with `-`.

use std::collections::{BTreeMap, HashMap, HashSet};

use quotecheck_core::SpeakerRecord;
use serde::Serialize;

/// Titles that may precede a surname.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sen",
    "senator",
    "rep",
    "gov",
    "gen",
    "president",
];

/// One row of `speakers.csv`: a speaker key with everything linked to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerKeyRecord {
    /// The key (see the module documentation).
    pub speaker_key: String,
    /// The display name: the fullest name used for the key.
    pub speaker: String,
    /// Distinct roles, in input order.
    pub roles: Vec<String>,
    /// Documents the speaker appears in, in input order.
    pub doc_ids: Vec<String>,
    /// Distinct mentions as written, in input order.
    pub mentions: Vec<String>,
    /// Number of quotes attributed to the speaker in the run.
    pub quote_count: usize,
}

/// The speaker keys of a run.
#[derive(Debug, Default, Clone)]
pub struct SpeakerIndex {
    keys: HashMap<(String, String), String>,
    /// One record per key: most quoted first, then by key.
    pub records: Vec<SpeakerKeyRecord>,
}

impl SpeakerIndex {
    /// The key of speaker `name` (canonical, as in a quote record) in
    /// document `doc_id`; empty when the speaker is unknown.
    pub fn key(&self, doc_id: &str, name: &str) -> &str {
        self.keys
            .get(&(doc_id.to_string(), name.to_string()))
            .map_or("", String::as_str)
    }
}

/// Lower-case letters and digits of `s`, words joined with `-`.
///
/// ```
/// use quotecheck::speakers::slug;
/// assert_eq!(slug("Dr. José  O’Neil-Smith"), "dr-josé-o-neil-smith");
/// ```
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    // Composed and decomposed accents give one key (the name key's NFC).
    for c in quotecheck_core::nfc(s).chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// A name split into an optional leading title and the remaining words.
fn split_title(name: &str) -> (Option<String>, Vec<&str>) {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 2 {
        let first = words[0].trim_end_matches('.').to_lowercase();
        if TITLES.contains(&first.as_str()) {
            return (Some(first), words[1..].to_vec());
        }
    }
    (None, words)
}

/// What a speaker name is, for linking.
enum Shape {
    /// Two or more words after the title: the key.
    Full(String),
    /// Title + one word: the surname's slug and the slug as written.
    Titled { surname: String, written: String },
    /// One word, no title.
    Single(String),
}

/// The title of a speaker: in its name (`Dr. Ana Ruiz`), as its role (the
/// engine files `Ms.` of `Ms. Ruiz` as the role), or in a mention that is
/// the title and the name (`Sen. Lopez`).
fn title_of(s: &SpeakerRecord) -> Option<String> {
    if let (Some(t), _) = split_title(&s.speaker) {
        return Some(t);
    }
    let role = s.role.trim().trim_end_matches('.').to_lowercase();
    if TITLES.contains(&role.as_str()) {
        return Some(s.role.trim().to_string());
    }
    s.mentions.iter().find_map(|m| match split_title(m) {
        (Some(_), words) if words.join(" ") == s.speaker.trim() => {
            m.split_whitespace().next().map(str::to_string)
        }
        _ => None,
    })
}

fn shape(s: &SpeakerRecord) -> Shape {
    let (_, words) = split_title(&s.speaker);
    if words.len() >= 2 {
        return Shape::Full(slug(&words.join(" ")));
    }
    let word = words.first().copied().unwrap_or_default();
    match title_of(s) {
        Some(title) => Shape::Titled {
            surname: slug(word),
            written: slug(&format!("{title} {word}")),
        },
        None => Shape::Single(slug(word)),
    }
}

/// Link the speakers of a run (records in input order) into keys.
pub fn link(speakers: &[SpeakerRecord]) -> SpeakerIndex {
    // Full-name keys by surname (last word of the key).
    let mut by_surname: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in speakers.iter().filter(|s| linkable_person(s)) {
        if let Shape::Full(key) = shape(s) {
            let surname = key.rsplit('-').next().unwrap_or_default().to_string();
            let keys = by_surname.entry(surname).or_default();
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }

    let mut index = SpeakerIndex::default();
    let mut rows: Vec<SpeakerKeyRecord> = Vec::new();
    let mut row_of: HashMap<String, usize> = HashMap::new();
    // For choosing the display name: name -> (full name, uses, first seen).
    let mut names: Vec<HashMap<String, (bool, usize, usize)>> = Vec::new();
    // Per row: the roles (0), documents (1) and mentions (2) already listed,
    // so that a speaker quoted in n documents costs O(n), not O(n²).
    let mut listed: Vec<HashSet<(u8, String)>> = Vec::new();

    for s in speakers {
        if slug(&s.speaker).is_empty() {
            continue;
        }
        let per_doc = |name: &str| format!("{}/{}", s.doc_id, slug(name));
        let key = match s.kind.as_str() {
            "group" | "unknown" => per_doc(&s.speaker),
            "organization" if has_proper_noun(&s.speaker) => slug(&s.speaker),
            "organization" => per_doc(&s.speaker),
            _ => match shape(s) {
                Shape::Full(key) => key,
                Shape::Single(key) => key,
                Shape::Titled { surname, written } => match by_surname.get(&surname) {
                    Some(keys) if keys.len() == 1 => keys[0].clone(),
                    Some(_) => per_doc(&s.speaker),
                    None => written,
                },
            },
        };
        index
            .keys
            .insert((s.doc_id.clone(), s.speaker.clone()), key.clone());
        let i = *row_of.entry(key.clone()).or_insert_with(|| {
            rows.push(SpeakerKeyRecord {
                speaker_key: key.clone(),
                speaker: String::new(),
                roles: Vec::new(),
                doc_ids: Vec::new(),
                mentions: Vec::new(),
                quote_count: 0,
            });
            names.push(HashMap::new());
            listed.push(HashSet::new());
            rows.len() - 1
        });
        let row = &mut rows[i];
        let listed = &mut listed[i];
        push_unique(&mut row.roles, listed, 0, &s.role);
        push_unique(&mut row.doc_ids, listed, 1, &s.doc_id);
        for m in &s.mentions {
            push_unique(&mut row.mentions, listed, 2, m);
        }
        row.quote_count += s.quote_count;
        let full = matches!(shape(s), Shape::Full(_)) && split_title(&s.speaker).0.is_none();
        let seen = names[i].len();
        let entry = names[i].entry(s.speaker.clone()).or_insert((full, 0, seen));
        entry.1 += 1;
    }
    for (row, names) in rows.iter_mut().zip(&names) {
        // Prefer full names without a title, then the most used, then the
        // first seen.
        row.speaker = names
            .iter()
            .max_by_key(|(_, &(full, uses, first))| (full, uses, std::cmp::Reverse(first)))
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
    }
    rows.sort_by(|a, b| {
        b.quote_count
            .cmp(&a.quote_count)
            .then_with(|| a.speaker_key.cmp(&b.speaker_key))
    });
    index.records = rows;
    index
}

/// True when a name has a capital letter (`Moscow`, `the Treasury`), unlike
/// a common noun (`the authority`, `the ministry`), which is not linked
/// across documents.
fn has_proper_noun(name: &str) -> bool {
    name.split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn linkable_person(s: &SpeakerRecord) -> bool {
    !matches!(s.kind.as_str(), "group" | "unknown" | "organization")
}

/// Append `s` to `v` unless it is empty or already listed (`field` tells
/// the lists of one row apart in `listed`).
fn push_unique(v: &mut Vec<String>, listed: &mut HashSet<(u8, String)>, field: u8, s: &str) {
    if !s.is_empty() && listed.insert((field, s.to_string())) {
        v.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(doc: &str, name: &str, kind: &str, role: &str, quotes: usize) -> SpeakerRecord {
        SpeakerRecord {
            doc_id: doc.into(),
            speaker: name.into(),
            role: role.into(),
            kind: kind.into(),
            mentions: vec![name.into()],
            quote_count: quotes,
        }
    }

    #[test]
    fn full_names_and_titled_surnames_link() {
        let idx = link(&[
            sp("a", "Ana Ruiz", "person", "Mayor", 2),
            sp("b", "Dr. Ana Ruiz", "person", "", 1),
            sp("c", "Ms. Ruiz", "person", "", 1),
            sp("c", "ANA  RUIZ", "person", "mayor of Springfield", 0),
        ]);
        assert_eq!(idx.key("a", "Ana Ruiz"), "ana-ruiz");
        assert_eq!(idx.key("b", "Dr. Ana Ruiz"), "ana-ruiz");
        assert_eq!(idx.key("c", "Ms. Ruiz"), "ana-ruiz");
        assert_eq!(idx.records.len(), 1);
        let r = &idx.records[0];
        assert_eq!(r.speaker, "Ana Ruiz");
        assert_eq!(r.doc_ids, vec!["a", "b", "c"]);
        assert_eq!(r.roles, vec!["Mayor", "mayor of Springfield"]);
        assert_eq!(r.quote_count, 4);
    }

    #[test]
    fn engine_style_titles_in_role_or_mention_link() {
        let mut lopez = sp("w2", "Lopez", "person", "Sen.", 1);
        lopez.mentions = vec!["Sen. Lopez".into()];
        let mut ruiz = sp("c", "Ruiz", "person", "", 1);
        ruiz.mentions = vec!["Ms. Ruiz".into(), "she".into()];
        let idx = link(&[
            sp("w1", "Maria Lopez", "person", "Senator", 2),
            lopez,
            sp("a", "Ana Ruiz", "person", "Mayor", 1),
            ruiz,
            sp("b", "Berg", "person", "", 1),
            sp("c", "Tom Berg", "person", "", 1),
        ]);
        assert_eq!(idx.key("w2", "Lopez"), "maria-lopez");
        assert_eq!(idx.key("c", "Ruiz"), "ana-ruiz");
        // A bare surname is not linked (the issue links title + surname only).
        assert_eq!(idx.key("b", "Berg"), "berg");
        let lopez = idx.records.iter().find(|r| r.speaker_key == "maria-lopez");
        assert_eq!(lopez.map(|r| r.speaker.as_str()), Some("Maria Lopez"));
        assert_eq!(
            lopez.map(|r| r.roles.join("|")),
            Some("Senator|Sen.".into())
        );
    }

    #[test]
    fn ambiguous_surname_stays_in_its_document() {
        let idx = link(&[
            sp("a", "John Smith", "person", "", 1),
            sp("b", "Jane Smith", "person", "", 1),
            sp("c", "Mr. Smith", "person", "", 1),
            sp("d", "Sen. Warren", "person", "", 1),
            sp("e", "Sen. Warren", "person", "", 1),
        ]);
        assert_eq!(idx.key("c", "Mr. Smith"), "c/mr-smith");
        assert_eq!(idx.key("d", "Sen. Warren"), "sen-warren");
        assert_eq!(idx.key("e", "Sen. Warren"), "sen-warren");
        assert_eq!(idx.key("x", "Nobody"), "");
    }

    #[test]
    fn groups_are_per_document_and_organisations_link() {
        let idx = link(&[
            sp("a", "officials", "group", "", 1),
            sp("b", "officials", "group", "", 1),
            sp("a", "the Treasury", "organization", "", 1),
            sp("b", "the Treasury", "organization", "", 2),
            sp("a", "", "unknown", "", 1),
            sp("a", "authority", "organization", "", 1),
            sp("b", "The authority", "organization", "", 1),
        ]);
        assert_eq!(idx.key("a", "authority"), "a/authority");
        assert_eq!(idx.key("b", "The authority"), "b/the-authority");
        assert_eq!(idx.key("a", "officials"), "a/officials");
        assert_eq!(idx.key("b", "officials"), "b/officials");
        assert_eq!(idx.key("b", "the Treasury"), "the-treasury");
        let keys: Vec<_> = idx.records.iter().map(|r| r.speaker_key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "the-treasury",
                "a/authority",
                "a/officials",
                "b/officials",
                "b/the-authority"
            ]
        );
    }

    #[test]
    fn organisation_named_like_a_person_surname_does_not_capture_titles() {
        let idx = link(&[
            sp("a", "Ford Motor", "organization", "", 1),
            sp("b", "President Ford", "person", "", 1),
        ]);
        assert_eq!(idx.key("b", "President Ford"), "president-ford");
    }
}
