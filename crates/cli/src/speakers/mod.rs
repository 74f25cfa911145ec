//! The corpus speaker index: one key per person (or organisation) across
//! the documents of a run, so an editor can filter all of a person's quotes.
//!
//! The engine resolves speakers within one document; here they are linked
//! across documents (docs/reports.md, `speakers.csv`, states the rules):
//!
//! - **Persons** are read by [`name::parse_person`]: titles and roles are
//!   split off (`Mayor de Blasio` → role `Mayor`, name `de Blasio`), as are
//!   possessives and clause words the engine glued on. A name with a given
//!   name is keyed by its first given name and surname (`Donald J. Trump`
//!   and `Donald Trump` are `donald-trump`; `Bill Clinton` and `Hillary
//!   Clinton` stay apart). A bare surname (`Clinton`, `Mrs. Clinton`) joins
//!   the full name with that surname its document names, or else the one
//!   the corpus names; a title's gender (`Mr.`/`Mrs.`) and a given name's
//!   gender tell candidates apart; when several remain, the one in at least
//!   [`DOMINANCE`] times as many documents as all the others together wins,
//!   else the surname stays a key of its document (`<doc_id>/clinton`).
//!   A surname no full name claims is its own key (`warren`).
//! - **Roles** without a name (`the president`, `the Republican nominee`)
//!   join the one person of their document given a role with that head noun.
//! - **Organisations** with a capitalised name link by name; **groups**
//!   and **unnamed sources** (`a senior official`) never leave their
//!   document: `<doc_id>/<name>`.
//! - Names that are no speaker (a number, a time word, a pronoun, a clause:
//!   [`name::junk_reason`]) get no key; the quote row says why.
//! - A user's alias file ([`aliases`], `--speakers`) overrides all of this.
//!
//! Keys are readable (`donald-trump`), and depend only on the names in the
//! corpus, not on the order of the inputs.

pub mod aliases;
pub mod corpus;
mod link;
pub mod name;

use quotecheck_core::SpeakerRecord;
use serde::Serialize;

use aliases::Aliases;
use corpus::{DocTable, LinkCorpus};
use name::{fold, parse_person, role_head, slug, speaker_type, PersonName, SpeakerType};

pub use name::slug as key_slug;

/// A bare surname shared by several full names joins the one named in at
/// least this many times as many documents as all the others together.
pub const DOMINANCE: usize = 3;

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
    /// `person`, `organisation`, `group` or `unnamed source`.
    pub speaker_type: String,
    /// `female` or `male` when the text shows it (a title, a gendered role
    /// noun, `he`/`she`); empty otherwise.
    pub gender: String,
    /// The aliases of the `--speakers` file that matched, in input order.
    pub matched_aliases: Vec<String>,
}

/// The speaker keys of a run: a `(document, name, role) → key` table of
/// numbers ([`corpus::DocTable`]) over the run's interned strings.
///
/// The role is part of the lookup because the engine keeps two people of
/// one name apart in a document by their role: `Mayor van der Berg` and
/// `Councillor van der Berg` are both `van der Berg`, with roles `Mayor`
/// and `Councillor`, and have different keys.
#[derive(Debug, Default, Clone)]
pub struct SpeakerIndex {
    /// Document ids and interned strings (names, roles and keys).
    corpus: LinkCorpus,
    /// (document, name, role) -> key, as string numbers.
    keys: DocTable<u32>,
    /// (document, name, role) -> why it is no speaker, as string numbers.
    dropped: DocTable<u32>,
    /// One record per key: most quoted first, then by key (empty when
    /// linked by [`link_keys`]).
    pub records: Vec<SpeakerKeyRecord>,
}

impl SpeakerIndex {
    /// The numbers of document `doc_id`, name `name` and role `role`, when
    /// known.
    fn triple(&self, doc_id: &str, name: &str, role: &str) -> Option<(u32, u32, u32)> {
        let strs = &self.corpus.strs;
        Some((
            self.corpus.find_doc(doc_id)?,
            strs.find(name)?,
            strs.find(role)?,
        ))
    }

    /// The key of speaker `name` with role `role` (canonical, as in a quote
    /// record's `speaker` and `speaker_role`) in document `doc_id`; empty
    /// when the speaker is unknown or no speaker.
    pub fn key(&self, doc_id: &str, name: &str, role: &str) -> &str {
        self.triple(doc_id, name, role)
            .and_then(|t| self.keys.get(t))
            .map_or("", |k| self.corpus.strs.get(k))
    }

    /// Why speaker `name` with role `role` of `doc_id` is no speaker
    /// (`number`, `time word`, `unresolved pronoun`, `clause`, `not a
    /// speaker`), when it is none.
    pub fn dropped(&self, doc_id: &str, name: &str, role: &str) -> Option<&str> {
        self.triple(doc_id, name, role)
            .and_then(|t| self.dropped.get(t))
            .map(|why| self.corpus.strs.get(why))
    }

    /// The keys of speaker `name` in document `doc_id`, whatever its role,
    /// in the order of the roles' numbers.
    pub fn keys_of_name(&self, doc_id: &str, name: &str) -> Vec<&str> {
        let (Some(d), Some(n)) = (self.corpus.find_doc(doc_id), self.corpus.strs.find(name)) else {
            return Vec::new();
        };
        self.keys
            .of_name(d, n)
            .map(|(_, k)| self.corpus.strs.get(k))
            .collect()
    }

    /// Number of `(document, name, role)` triples with a key.
    pub fn linked(&self) -> usize {
        self.keys.len()
    }
}

/// The key of a full person name: first given name, surname, suffix.
///
/// Middle names and initials are left out (`Donald J. Trump` is
/// `donald-trump`), except when the first given name is an initial
/// (`J. R. Whitcomb` is `j-r-whitcomb`) or the name has more than three
/// words (likely no person's name: `Maple Street Community Garden`).
fn person_key(p: &PersonName) -> String {
    let given = if p.given[0].chars().count() == 1 || p.given.len() > 2 {
        p.given.join(" ")
    } else {
        p.given[0].clone()
    };
    let mut s = format!("{given} {}", p.surname);
    if let Some(x) = &p.suffix {
        s.push(' ');
        s.push_str(x);
    }
    slug(&s)
}

/// Link the speakers of a run (records in input order) into keys.
pub fn link(speakers: &[SpeakerRecord]) -> SpeakerIndex {
    link_with(speakers, &Aliases::default())
}

/// [`link`], with the user's aliases deciding first.
pub fn link_with(speakers: &[SpeakerRecord], aliases: &Aliases) -> SpeakerIndex {
    link_corpus(speakers, &[], aliases)
}

/// A person the text names with a role (`Gov. Raymond Okafor`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRole {
    /// The role noun, folded (`governor`).
    pub head: String,
    /// The name as written (`Raymond Okafor`).
    pub name: String,
}

/// Role words that, written before or beside a full name, name a person's
/// office.
const OFFICES: &[&str] = &[
    "mayor",
    "governor",
    "gov",
    "senator",
    "sen",
    "president",
    "chief",
    "superintendent",
    "secretary",
    "speaker",
    "judge",
    "commissioner",
    "councilman",
    "councilwoman",
    "councillor",
    "coun",
    "rep",
    "representative",
    "chairman",
    "chairwoman",
    "director",
    "minister",
    "ambassador",
    "sheriff",
    "chancellor",
    "officer",
    "executive",
    "premier",
];

/// What every word of [`OFFICES`] has: a length in `lengths` and a first
/// letter marked in `initials`.
struct OfficeFilter {
    lengths: std::ops::RangeInclusive<usize>,
    initials: [bool; 256],
}

fn office_filter() -> &'static OfficeFilter {
    static FILTER: std::sync::OnceLock<OfficeFilter> = std::sync::OnceLock::new();
    FILTER.get_or_init(|| {
        let mut initials = [false; 256];
        for o in OFFICES {
            if let Some(&b) = o.as_bytes().first() {
                initials[usize::from(b)] = true;
            }
        }
        let shortest = OFFICES.iter().map(|o| o.len()).min().unwrap_or(0);
        let longest = OFFICES.iter().map(|o| o.len()).max().unwrap_or(0);
        OfficeFilter {
            lengths: shortest..=longest,
            initials,
        }
    })
}

/// True when `word`, less trailing punctuation, folds to one of [`OFFICES`]
/// (ASCII words, nearly all, are compared without folding).
fn is_office(word: &str) -> bool {
    // Most words are no office: their first letter or length says so
    // before the list is compared (`named_roles` asks for every word).
    let f = office_filter();
    match word.as_bytes().first() {
        None => return false,
        Some(b) if b.is_ascii() && !f.initials[usize::from(b.to_ascii_lowercase())] => {
            return false
        }
        _ => {}
    }
    let word = word.trim_end_matches([',', '.', ';', ':']);
    // A word with a character outside ASCII folds to an office only
    // through the Kelvin sign (NFC: `K`); the others stay outside ASCII or
    // become punctuation, and the folding (normalisation) is not needed.
    if !word.is_ascii() && !word.contains('\u{212A}') {
        return false;
    }
    if word.is_ascii() {
        if !f.lengths.contains(&word.len()) {
            return false;
        }
        OFFICES.iter().any(|o| o.eq_ignore_ascii_case(word))
    } else {
        OFFICES.contains(&fold(word).as_str())
    }
}

/// The name that opens `words` (`Gerrit van der Berg`, `Dr. Amira
/// al-Haddad`): capitalised words and particles, up to a word that ends a
/// phrase; empty unless it has two words or more.
fn name_at<'t>(words: &[&'t str]) -> Vec<&'t str> {
    let mut name: Vec<&str> = Vec::new();
    for (k, n) in words.iter().take(6).enumerate() {
        let particle = !n.starts_with(char::is_uppercase)
            && name::is_name_word(n)
            && words.get(k + 1).is_some_and(|m| name::is_name_word(m));
        if !(n.starts_with(char::is_uppercase) || particle || name::is_name_word(n) && k > 0) {
            break;
        }
        let trimmed = n.trim_end_matches([',', '.', ';', ':']);
        let title = name::is_title(&fold(trimmed));
        let ends = n.ends_with([',', '.', ';', ':'])
            && !trimmed.ends_with(char::is_uppercase)
            && !(title && k + 1 < words.len() && name.is_empty());
        let possessive = ["’s", "'s"].iter().find_map(|p| trimmed.strip_suffix(p));
        if let Some(owner) = possessive {
            name.push(owner);
            break;
        }
        name.push(if ends { trimmed } else { n });
        if ends {
            break;
        }
    }
    if name.len() >= 2 {
        name
    } else {
        Vec::new()
    }
}

/// The people `text` names in an office: after an office word (`Mayor
/// Elena Marsh`, `Union president Hannah Brennan`, `The company's chief
/// executive, Oluwaseun Adebayo`) or with the office in apposition
/// (`Dr. Amira al-Haddad, the provincial health officer,`).
pub fn named_roles(text: &str) -> Vec<NamedRole> {
    let mut out: Vec<NamedRole> = Vec::new();
    // Names and roles do not run across lines (a byline, a headline).
    for line in text.lines() {
        named_roles_in(line, &mut out);
    }
    out
}

/// [`named_roles`] of one line, appended to `out`.
fn named_roles_in(line: &str, out: &mut Vec<NamedRole>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut push = |head: String, name: Vec<&str>| {
        if name.len() >= 2 {
            let name = name.join(" ");
            if !out.iter().any(|r| r.head == head && r.name == name) {
                out.push(NamedRole { head, name });
            }
        }
    };
    for (i, w) in words.iter().enumerate() {
        if !is_office(w) {
            continue;
        }
        // Capitalised (`Mayor`), after a capitalised word (`Union
        // president`), or closing a role phrase (`chief executive,`).
        let after_capital = i.checked_sub(1).is_some_and(|j| {
            words[j].starts_with(char::is_uppercase) && !words[j].ends_with(['.', ',', ';', ':'])
        });
        if w.starts_with(char::is_uppercase) || after_capital || w.ends_with(',') {
            push(role_head(w), name_at(&words[i + 1..]));
        }
    }
    // Apposition: `Name, the provincial health officer,` / `Name,
    // president of …`.
    for (i, w) in words.iter().enumerate() {
        if !w.ends_with(',') || !name::is_name_word(w) || !w.contains(char::is_uppercase) {
            continue;
        }
        let mut k = i;
        while k > 0 && k + 5 > i {
            let prev = words[k - 1];
            let trimmed = prev.trim_end_matches('.');
            let initial_or_title =
                trimmed.ends_with(char::is_uppercase) || name::is_title(&fold(trimmed));
            if !name::is_name_word(prev)
                || (prev.ends_with(['.', ',', ';', ':']) && !initial_or_title)
            {
                break;
            }
            k -= 1;
        }
        let name = name_at(&words[k..=i]);
        if name.is_empty() {
            continue;
        }
        // The role phrase ends at the first punctuation, within six words.
        let end = words[i + 1..]
            .iter()
            .take(6)
            .position(|r| r.ends_with([',', '.', ';', ':']));
        if let Some(head) = end.filter(|j| is_office(words[i + 1 + j])) {
            push(role_head(words[i + 1 + head]), name);
        } else if let Some(j) = words[i + 1..]
            .iter()
            .take(6)
            .position(|r| matches!(*r, "of" | "for" | "at" | "in"))
        {
            if j > 0 && is_office(words[i + j]) {
                push(role_head(words[i + j]), name);
            }
        }
    }
}

/// [`link_with`], with the people each document names in a role
/// (`(doc_id, role)`, from [`named_roles`]), for linking bare roles to
/// people who are named but not quoted under that name.
pub fn link_corpus(
    speakers: &[SpeakerRecord],
    roles: &[(&str, &NamedRole)],
    aliases: &Aliases,
) -> SpeakerIndex {
    let mut c = LinkCorpus::default();
    for r in speakers {
        c.add_record(r);
    }
    for (d, r) in roles {
        c.add_role(d, r);
    }
    link::link(c, aliases, true)
}

/// The keys of a corpus gathered document by document
/// ([`LinkCorpus::add_doc`]), without the rows of `speakers.csv`
/// ([`SpeakerIndex::records`] is empty): what `quotes` needs.
pub fn link_keys(corpus: LinkCorpus, aliases: &Aliases) -> SpeakerIndex {
    link::link(corpus, aliases, false)
}

/// One engine speaker as linking reads it.
enum Read {
    /// No letters or digits to key (an empty name).
    Nameless,
    /// No speaker: why (see [`dropped_reason`]).
    Dropped(&'static str),
    /// A speaker of this type; a person's name parsed.
    Speaker(SpeakerType, Option<PersonName>),
}

/// Read a speaker record's `speaker`, `role` and `kind`.
fn read_speaker(speaker: &str, role: &str, kind: &str) -> Read {
    if slug(speaker).is_empty() {
        return Read::Nameless;
    }
    if let Some(why) = name::junk_reason(speaker) {
        return Read::Dropped(why);
    }
    let mut stype = speaker_type(speaker, kind);
    // `Dr. Amira al-Haddad` filed as an unknown speaker.
    if stype != SpeakerType::Person && name::is_titled_name(speaker) {
        stype = SpeakerType::Person;
    }
    if stype != SpeakerType::Person {
        return Read::Speaker(stype, None);
    }
    match parse_person(speaker, role) {
        Some(p) => Read::Speaker(stype, Some(p)),
        None => Read::Dropped("not a name"),
    }
}

/// What linking makes of one engine speaker, decided by the record alone
/// (not the corpus), so that a document's quote rows can be finished
/// before the corpus is linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Linking {
    /// A name: linking gives it a key.
    Keyed,
    /// Nothing to key (no letters or digits): no key, no reason.
    Nameless,
    /// No speaker (`number`, `time word`, `not a name`, …, as
    /// [`SpeakerIndex::dropped`] says after linking): no key.
    Dropped(&'static str),
}

/// See [`Linking`]. Only [`Linking::Keyed`] records need to be passed to
/// [`link_corpus`]: the others get the same (no) key without it.
pub fn linking(rec: &SpeakerRecord) -> Linking {
    match read_speaker(&rec.speaker, &rec.role, &rec.kind) {
        Read::Nameless => Linking::Nameless,
        Read::Dropped(why) => Linking::Dropped(why),
        Read::Speaker(..) => Linking::Keyed,
    }
}

/// Whether a person's given names are initials only (`R. Whitlock`).
fn initials_only(p: &PersonName) -> bool {
    !p.given.is_empty() && p.given.iter().all(|g| g.chars().count() == 1)
}

/// Corporate suffixes left out of an organisation's key.
const CORPORATE: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "plc",
    "co",
];

/// The key of an organisation's name: without a leading `the` or a
/// corporate suffix (`Northwind Energy Corp.` is `northwind-energy`), an
/// owner read by surname (`John Q. Harlan's campaign` is
/// `harlan-s-campaign`).
///
/// ```
/// use quotecheck::speakers::org_key;
/// assert_eq!(org_key("Northwind Energy Corp."), "northwind-energy");
/// assert_eq!(org_key("John Q. Harlan’s campaign"), org_key("Harlan's campaign"));
/// ```
pub fn org_key(name: &str) -> String {
    let mut words: Vec<&str> = strip_article(name).split_whitespace().collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            CORPORATE.contains(&fold(w).trim_matches(|c: char| !c.is_alphanumeric()))
        })
    {
        words.pop();
        if let Some(w) = words.last_mut() {
            *w = w.trim_end_matches(',');
        }
    }
    if let Some(i) = words
        .iter()
        .position(|w| w.ends_with("’s") || w.ends_with("'s"))
    {
        // Only before a common noun (`campaign`), not inside a name
        // (`Scottish Fishermen’s Federation`).
        let common = words[i + 1..]
            .iter()
            .all(|w| !w.starts_with(char::is_uppercase));
        if i > 0 && i + 1 < words.len() && common {
            words.drain(..i);
        }
    }
    slug(&words.join(" "))
}

/// The key of `pool` (key, documents) that wins: the only one, or the one
/// in at least [`DOMINANCE`] times as many documents as all others.
fn dominant<'k, K: ?Sized>(pool: &[(&'k K, usize)]) -> Option<&'k K> {
    let total: usize = pool.iter().map(|(_, n)| n).sum();
    match pool {
        [(k, _)] => Some(*k),
        _ => pool
            .iter()
            .find(|(_, n)| *n >= DOMINANCE * (total - n))
            .map(|(k, _)| *k),
    }
}

/// `name` without a leading `the`/`The`.
fn strip_article(name: &str) -> &str {
    let t = name.trim();
    for a in ["the ", "The ", "THE "] {
        if let Some(rest) = t.strip_prefix(a) {
            return rest;
        }
    }
    t
}

/// True when a name has a capital letter (`Moscow`, `the Treasury`), unlike
/// a common noun (`the authority`, `the ministry`), which is not linked
/// across documents.
fn has_proper_noun(name: &str) -> bool {
    name.split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Append `s` to `v` unless it is empty or already listed (`field` tells
/// the lists of one row apart in `listed`).
fn push_unique(
    v: &mut Vec<String>,
    listed: &mut std::collections::HashSet<(u8, String)>,
    field: u8,
    s: &str,
) {
    if !s.is_empty() && listed.insert((field, s.to_string())) {
        v.push(s.to_string());
    }
}

#[cfg(test)]
mod tests;
