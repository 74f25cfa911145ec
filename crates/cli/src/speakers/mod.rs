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
pub mod name;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use quotecheck_core::SpeakerRecord;
use serde::Serialize;

use aliases::Aliases;
use name::{
    fold, parse_person, role_head, role_matches, slug, speaker_type, Gender, PersonName,
    SpeakerType,
};

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

/// The speaker keys of a run.
#[derive(Debug, Default, Clone)]
pub struct SpeakerIndex {
    keys: HashMap<(String, String), String>,
    dropped: HashMap<(String, String), &'static str>,
    /// One record per key: most quoted first, then by key.
    pub records: Vec<SpeakerKeyRecord>,
}

impl SpeakerIndex {
    /// The key of speaker `name` (canonical, as in a quote record) in
    /// document `doc_id`; empty when the speaker is unknown or no speaker.
    pub fn key(&self, doc_id: &str, name: &str) -> &str {
        self.keys
            .get(&(doc_id.to_string(), name.to_string()))
            .map_or("", String::as_str)
    }

    /// Why speaker `name` of `doc_id` is no speaker (`number`, `time word`,
    /// `unresolved pronoun`, `clause`, `not a speaker`), when it is none.
    pub fn dropped(&self, doc_id: &str, name: &str) -> Option<&'static str> {
        self.dropped
            .get(&(doc_id.to_string(), name.to_string()))
            .copied()
    }
}

/// One engine speaker, read.
struct Entry<'a> {
    rec: &'a SpeakerRecord,
    stype: SpeakerType,
    person: Option<PersonName>,
    key: Option<String>,
    alias: Option<String>,
    display: String,
    /// Linked by a role to a person named in the text (the display is then
    /// that full name).
    named: bool,
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

/// True when `word`, less trailing punctuation, folds to one of [`OFFICES`]
/// (ASCII words, nearly all, are compared without folding).
fn is_office(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ';', ':']);
    if word.is_ascii() {
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
    let mut index = SpeakerIndex::default();
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for rec in speakers {
        let (stype, person) = match read_speaker(rec) {
            Read::Nameless => continue,
            Read::Dropped(why) => {
                index
                    .dropped
                    .insert((rec.doc_id.clone(), rec.speaker.clone()), why);
                continue;
            }
            Read::Speaker(stype, person) => (stype, person),
        };
        let display = person
            .as_ref()
            .map_or_else(|| rec.speaker.clone(), |p| p.display.clone());
        let mut e = Entry {
            rec,
            stype,
            person,
            key: None,
            alias: None,
            display,
            named: false,
        };
        if let Some((k, name, alias)) = aliases.lookup(rec, &e.display) {
            e.key = Some(k.to_string());
            e.display = name.to_string();
            e.alias = Some(alias.to_string());
        }
        entries.push(e);
    }

    let mut pending: Vec<(String, String, String)> = Vec::new();
    // Full names, by surname: key -> documents.
    let mut full: BTreeMap<String, BTreeMap<String, BTreeSet<&str>>> = BTreeMap::new();
    // Role nouns of each full-name key (`mayor`, `governor`).
    let mut full_roles: HashMap<String, BTreeSet<String>> = HashMap::new();
    // A full name of each full-name key, and its surname.
    let mut full_display: HashMap<String, String> = HashMap::new();
    let mut surname_of: HashMap<String, String> = HashMap::new();
    // Gender of each full-name key, when its names show one.
    let mut full_gender: HashMap<String, Option<Gender>> = HashMap::new();
    // The given names each full-name key is written with (`thomas r`).
    let mut variants: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    // The full names each document names in an office, quoted or not.
    let mut doc_named: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for (doc, r) in roles {
        if let Some(p) = parse_person(&r.name, "").filter(|p| p.is_full() && !initials_only(p)) {
            let k = person_key(&p);
            variants.entry(k.clone()).or_default().push(p.given.clone());
            full_roles
                .entry(k.clone())
                .or_default()
                .insert(r.head.clone());
            full_display.entry(k.clone()).or_insert(p.display);
            surname_of.insert(k.clone(), p.surname);
            doc_named.entry(doc).or_default().insert(k);
        }
    }
    for e in entries.iter_mut().filter(|e| e.key.is_none()) {
        let Some(p) = &e.person else { continue };
        if p.is_full() && !initials_only(p) {
            let k = person_key(p);
            full.entry(p.surname.clone())
                .or_default()
                .entry(k.clone())
                .or_default()
                .insert(&e.rec.doc_id);
            let g = full_gender.entry(k.clone()).or_insert(p.gender);
            if *g != p.gender {
                *g = g.or(p.gender);
            }
            full_roles
                .entry(k.clone())
                .or_default()
                .extend(role_heads(e));
            variants.entry(k.clone()).or_default().push(p.given.clone());
            full_display
                .entry(k.clone())
                .or_insert_with(|| p.display.clone());
            surname_of.insert(k.clone(), p.surname.clone());
            e.key = Some(k);
        }
    }
    // Initials only (`Q. Harlan`) where no full name has that surname: a
    // full name of its own, for the bare surnames to join.
    for e in entries.iter_mut().filter(|e| e.key.is_none()) {
        let Some(p) = &e.person else { continue };
        if initials_only(p) && !full.contains_key(&p.surname) {
            let k = person_key(p);
            variants.entry(k.clone()).or_default().push(p.given.clone());
            surname_of.insert(k.clone(), p.surname.clone());
            pending.push((p.surname.clone(), k.clone(), e.rec.doc_id.clone()));
            e.key = Some(k);
        }
    }
    for (surname, k, doc) in &pending {
        full.entry(surname.clone())
            .or_default()
            .entry(k.clone())
            .or_default()
            .insert(doc);
    }
    // Bare surnames.
    for e in entries.iter_mut().filter(|e| e.key.is_none()) {
        let Some(p) = &e.person else { continue };
        let doc = e.rec.doc_id.as_str();
        let agrees = |k: &String| {
            p.gender.is_none()
                || full_gender.get(k).copied().flatten().is_none()
                || full_gender.get(k).copied().flatten() == p.gender
        };
        // Initials only (`R. Whitlock`): a full name with those initials.
        let initials = |k: &String| {
            !initials_only(p)
                || variants.get(k).is_some_and(|vs| {
                    vs.iter().any(|v| {
                        p.given
                            .iter()
                            .all(|g| v.iter().any(|w| w.starts_with(g.as_str())))
                    })
                })
        };
        // Full names the document names in an office but does not quote.
        let named_here: BTreeSet<&String> = doc_named
            .get(doc)
            .into_iter()
            .flatten()
            .filter(|k| surname_of.get(*k) == Some(&p.surname) && agrees(k) && initials(k))
            .collect();
        // A given name alone (`Ingrid`, `Amira`, the rest of the name lost)
        // for the one person of the document with that given name.
        if p.given.is_empty() && !p.surname.contains(' ') {
            let same: BTreeSet<&String> =
                doc_named
                    .get(doc)
                    .into_iter()
                    .flatten()
                    .chain(full.values().flat_map(|ks| {
                        ks.iter().filter(|(_, ds)| ds.contains(doc)).map(|(k, _)| k)
                    }))
                    .filter(|k| {
                        variants
                            .get(*k)
                            .is_some_and(|vs| vs.iter().any(|v| v.first() == Some(&p.surname)))
                    })
                    .collect();
            let surname_here = full
                .get(&p.surname)
                .is_some_and(|ks| ks.values().any(|ds| ds.contains(doc)))
                || named_here
                    .iter()
                    .any(|k| surname_of.get(*k) == Some(&p.surname));
            if let Some(k) = same.first().filter(|_| same.len() == 1 && !surname_here) {
                e.key = Some((*k).clone());
                continue;
            }
        }
        let key = match full.get(&p.surname) {
            None if named_here.len() == 1 => {
                named_here.first().map(|k| (*k).clone()).unwrap_or_default()
            }
            None if initials_only(p) => person_key(p),
            None => slug(&p.surname),
            Some(keys) => {
                let cands: Vec<(&String, usize)> = keys
                    .iter()
                    .filter(|(k, _)| agrees(k) && initials(k))
                    .map(|(k, docs)| (k, docs.len()))
                    .collect();
                let mut in_doc: Vec<(&String, usize)> = cands
                    .iter()
                    .copied()
                    .filter(|(k, _)| keys[*k].contains(doc))
                    .collect();
                // A full name quoted elsewhere in the corpus that this
                // document names in an office (`Sen. Thomas R. Whitlock`).
                for k in &named_here {
                    if let Some(docs) = keys.get(*k) {
                        if !in_doc.iter().any(|(c, _)| c == k) && agrees(k) {
                            in_doc.push((k, docs.len()));
                        }
                    }
                }
                // `Mayor Marsh`: the candidates that hold that role, in the
                // document first, then in the corpus.
                let heads = role_heads(e);
                let holds = |k: &String| {
                    full_roles
                        .get(k)
                        .is_some_and(|r| r.iter().any(|h| heads.contains(h)))
                };
                let doc_holders: Vec<(&String, usize)> =
                    in_doc.iter().copied().filter(|(k, _)| holds(k)).collect();
                let corpus_holders: Vec<(&String, usize)> =
                    cands.iter().copied().filter(|(k, _)| holds(k)).collect();
                let pool = if !doc_holders.is_empty() {
                    doc_holders
                } else if !corpus_holders.is_empty() {
                    corpus_holders
                } else if !in_doc.is_empty() {
                    in_doc
                } else {
                    cands
                };
                match dominant(&pool) {
                    Some(k) => k.clone(),
                    None if pool.is_empty() && initials_only(p) => person_key(p),
                    None if pool.is_empty() => slug(&p.surname),
                    None => format!("{doc}/{}", slug(&p.surname)),
                }
            }
        };
        e.key = Some(key);
    }
    // The people named in a role, by document (looked up once per unnamed
    // speaker: a scan of the corpus's roles each time would be quadratic in
    // the corpus).
    let mut roles_of: HashMap<&str, Vec<&NamedRole>> = HashMap::new();
    for (d, r) in roles {
        roles_of.entry(*d).or_default().push(*r);
    }
    // Roles without a name: the person of the document with that role.
    let mut by_role: HashMap<(&str, String), BTreeSet<String>> = HashMap::new();
    for e in &entries {
        if let (Some(p), Some(k)) = (&e.person, &e.key) {
            let heads = std::iter::once(role_head(&e.rec.role))
                .chain(p.titles.iter().map(|t| role_head(t)))
                .chain(e.rec.mentions.iter().filter_map(|m| {
                    // `The mayor` resolved to the person by the engine.
                    let f = fold(m);
                    f.strip_prefix("the ").map(role_head)
                }));
            for h in heads.filter(|h| !h.is_empty()) {
                by_role
                    .entry((e.rec.doc_id.as_str(), h))
                    .or_default()
                    .insert(k.clone());
            }
        }
    }
    // The roles of every person key across the corpus, and the person
    // keys of each document (quoted, or named in an office).
    let mut key_roles: HashMap<String, BTreeSet<String>> = full_roles.clone();
    for ((_, h), keys) in &by_role {
        for k in keys {
            key_roles.entry(k.clone()).or_default().insert(h.clone());
        }
    }
    let mut doc_keys: HashMap<String, BTreeSet<String>> = HashMap::new();
    for e in &entries {
        if let (Some(_), Some(k)) = (&e.person, &e.key) {
            doc_keys
                .entry(e.rec.doc_id.clone())
                .or_default()
                .insert(k.clone());
        }
    }
    for (doc, keys) in &doc_named {
        doc_keys
            .entry(doc.to_string())
            .or_default()
            .extend(keys.iter().cloned());
    }
    // The organisations each document quotes by name: (doc, name).
    let doc_orgs: Vec<(String, String)> = entries
        .iter()
        .filter(|e| e.stype == SpeakerType::Organisation && has_proper_noun(&e.rec.speaker))
        .map(|e| (e.rec.doc_id.clone(), e.rec.speaker.clone()))
        .collect();
    for e in entries.iter_mut().filter(|e| e.key.is_none()) {
        let doc = e.rec.doc_id.as_str();
        let head = role_head(&e.rec.speaker);
        // A definite role (`the mayor`), not an indefinite one (`a mayor`).
        let definite = !name::is_indefinite(&e.rec.speaker);
        let role_like = e.rec.kind == "unknown"
            || matches!(
                e.stype,
                SpeakerType::UnnamedSource | SpeakerType::Organisation
            ) && !has_proper_noun(&e.rec.speaker);
        if role_like && definite {
            if let Some(keys) = by_role.get(&(doc, head.clone())) {
                if keys.len() == 1 {
                    e.key = keys.iter().next().cloned();
                    e.stype = SpeakerType::Person;
                    continue;
                }
            }
            // A person the text names in that role, quoted or not.
            let named: BTreeMap<String, String> = roles_of
                .get(doc)
                .into_iter()
                .flatten()
                .filter(|r| role_matches(&head, &r.head))
                .filter_map(|r| parse_person(&r.name, ""))
                .filter(PersonName::is_full)
                .map(|p| (person_key(&p), p.display))
                .collect();
            if named.len() == 1 {
                if let Some((k, display)) = named.into_iter().next() {
                    e.key = Some(k);
                    e.display = display;
                    e.stype = SpeakerType::Person;
                    e.named = true;
                    continue;
                }
            }
            // A person of the document who holds that role elsewhere in
            // the corpus (`the mayor` in an article naming Gerrit van der
            // Berg, the mayor of other articles).
            let holders: Vec<&String> = doc_keys
                .get(doc)
                .into_iter()
                .flatten()
                .filter(|k| {
                    key_roles
                        .get(*k)
                        .is_some_and(|r| r.iter().any(|h| role_matches(&head, h)))
                })
                .collect();
            if let [k] = holders[..] {
                if let Some(display) = full_display.get(k) {
                    e.key = Some(k.clone());
                    e.display = display.clone();
                    e.stype = SpeakerType::Person;
                    e.named = true;
                    continue;
                }
            }
        }
        // `the union`: the one organisation the document quotes whose
        // name ends in that noun (`University and College Union`).
        let the = e.rec.mentions.iter().any(|m| fold(m).starts_with("the "));
        if the && e.rec.speaker.split_whitespace().count() <= 3 {
            let orgs: BTreeSet<String> = doc_orgs
                .iter()
                .filter(|(d, n)| {
                    d == doc && n.split_whitespace().last().is_some_and(|w| fold(w) == head)
                })
                .map(|(_, n)| org_key(n))
                .collect();
            if orgs.len() == 1 {
                e.key = orgs.into_iter().next();
                e.stype = SpeakerType::Organisation;
                continue;
            }
        }
        let per_doc = format!("{doc}/{}", slug(&e.rec.speaker));
        e.key = Some(match e.stype {
            SpeakerType::Organisation if has_proper_noun(&e.rec.speaker) => org_key(&e.rec.speaker),
            _ => per_doc,
        });
    }
    // An organisation's short name (`Northwind`) joins the one longer
    // organisation key that opens with it (`northwind-energy`).
    // (org key -> its documents), the short name joining only a long name
    // quoted in one of its own documents.
    let mut org_docs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in &entries {
        if e.stype == SpeakerType::Organisation && e.alias.is_none() {
            if let Some(k) = e.key.as_ref().filter(|k| !k.contains('/')) {
                org_docs
                    .entry(k.clone())
                    .or_default()
                    .insert(e.rec.doc_id.clone());
            }
        }
    }
    for e in entries.iter_mut() {
        // A one-word name the engine took for a person's surname, that no
        // full name claims (`Northwind`), may be an organisation's.
        let bare_surname = e.person.as_ref().is_some_and(|p| {
            p.given.is_empty()
                && p.titles.is_empty()
                && e.key.as_deref() == Some(slug(&p.surname).as_str())
        });
        if (e.stype != SpeakerType::Organisation && !bare_surname) || e.alias.is_some() {
            continue;
        }
        let Some(k) = e
            .key
            .clone()
            .filter(|k| !k.contains('/') && !k.contains('-'))
        else {
            continue;
        };
        let prefix = format!("{k}-");
        let longer: Vec<&String> = org_docs
            .iter()
            .filter(|(o, docs)| o.starts_with(&prefix) && docs.contains(&e.rec.doc_id))
            .map(|(o, _)| o)
            .collect();
        if let [long] = longer[..] {
            e.key = Some(long.clone());
            e.stype = SpeakerType::Organisation;
            e.person = None;
        }
    }
    // A key names one type: an organisation or person-less key that a
    // person also uses gets its type appended.
    let mut type_of: HashMap<String, SpeakerType> = HashMap::new();
    for e in &entries {
        if e.stype == SpeakerType::Person {
            if let Some(k) = &e.key {
                type_of.insert(k.clone(), SpeakerType::Person);
            }
        }
    }
    for e in entries.iter_mut() {
        let Some(k) = &e.key else { continue };
        let t = *type_of.entry(k.clone()).or_insert(e.stype);
        if t != e.stype && e.alias.is_none() {
            e.key = Some(format!("{k}-{}", slug(e.stype.as_str())));
        }
    }
    index.records = rows(&entries, &mut index.keys);
    index
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

fn read_speaker(rec: &SpeakerRecord) -> Read {
    if slug(&rec.speaker).is_empty() {
        return Read::Nameless;
    }
    if let Some(why) = name::junk_reason(&rec.speaker) {
        return Read::Dropped(why);
    }
    let mut stype = speaker_type(&rec.speaker, &rec.kind);
    // `Dr. Amira al-Haddad` filed as an unknown speaker.
    if stype != SpeakerType::Person && name::is_titled_name(&rec.speaker) {
        stype = SpeakerType::Person;
    }
    if stype != SpeakerType::Person {
        return Read::Speaker(stype, None);
    }
    match parse_person(&rec.speaker, &rec.role) {
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
    match read_speaker(rec) {
        Read::Nameless => Linking::Nameless,
        Read::Dropped(why) => Linking::Dropped(why),
        Read::Speaker(..) => Linking::Keyed,
    }
}

/// The role nouns of a person's entry (`Mayor`, `Gov.` → `governor`), but
/// not courtesy titles (`Mr.`, `Dr.`), which say nothing of a role.
fn role_heads(e: &Entry<'_>) -> BTreeSet<String> {
    let titles = e.person.iter().flat_map(|p| p.titles.iter());
    std::iter::once(&e.rec.role)
        .chain(titles)
        .map(|t| role_head(t))
        .filter(|h| {
            !h.is_empty()
                && !matches!(
                    h.as_str(),
                    "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "prof" | "former"
                )
        })
        .collect()
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
fn dominant<'k>(pool: &[(&'k String, usize)]) -> Option<&'k String> {
    let total: usize = pool.iter().map(|(_, n)| n).sum();
    match pool {
        [(k, _)] => Some(*k),
        _ => pool
            .iter()
            .find(|(_, n)| *n >= DOMINANCE * (total - n))
            .map(|(k, _)| *k),
    }
}

/// The rows of `speakers.csv`, filling `keys` ((doc, name) -> key).
fn rows(
    entries: &[Entry<'_>],
    keys: &mut HashMap<(String, String), String>,
) -> Vec<SpeakerKeyRecord> {
    let mut rows: Vec<SpeakerKeyRecord> = Vec::new();
    let mut row_of: HashMap<String, usize> = HashMap::new();
    // Per row: display name -> (full name, uses).
    let mut names: Vec<BTreeMap<String, (bool, usize)>> = Vec::new();
    let mut genders: Vec<Vec<Gender>> = Vec::new();
    let mut listed: Vec<std::collections::HashSet<(u8, String)>> = Vec::new();
    for e in entries {
        let Some(key) = &e.key else { continue };
        keys.insert((e.rec.doc_id.clone(), e.rec.speaker.clone()), key.clone());
        let i = *row_of.entry(key.clone()).or_insert_with(|| {
            rows.push(SpeakerKeyRecord {
                speaker_key: key.clone(),
                speaker: String::new(),
                roles: Vec::new(),
                doc_ids: Vec::new(),
                mentions: Vec::new(),
                quote_count: 0,
                speaker_type: e.stype.as_str().to_string(),
                gender: String::new(),
                matched_aliases: Vec::new(),
            });
            names.push(BTreeMap::new());
            genders.push(Vec::new());
            listed.push(Default::default());
            rows.len() - 1
        });
        let row = &mut rows[i];
        let seen = &mut listed[i];
        push_unique(&mut row.roles, seen, 0, &e.rec.role);
        push_unique(&mut row.doc_ids, seen, 1, &e.rec.doc_id);
        for m in &e.rec.mentions {
            push_unique(&mut row.mentions, seen, 2, m);
        }
        if let Some(a) = &e.alias {
            push_unique(&mut row.matched_aliases, seen, 3, a);
        }
        row.quote_count += e.rec.quote_count;
        let full =
            e.alias.is_some() || e.named || e.person.as_ref().is_some_and(PersonName::is_full);
        let n = names[i].entry(e.display.clone()).or_insert((full, 0));
        n.1 += 1;
        if e.stype == SpeakerType::Person {
            genders[i].extend(shown_gender(e));
        }
    }
    for ((row, names), genders) in rows.iter_mut().zip(&names).zip(&genders) {
        // Full names first, then the most used, then the first in
        // alphabetical order (so that input order does not matter).
        row.speaker = names
            .iter()
            .max_by(|a, b| {
                (a.1 .0, a.1 .1)
                    .cmp(&(b.1 .0, b.1 .1))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        // The text's evidence, when at least four in five agree (a
        // pronoun resolved to the wrong person must not hide it).
        let female = genders.iter().filter(|g| **g == Gender::Female).count();
        let male = genders.len() - female;
        row.gender = if female > 0 && female >= 4 * male {
            "female".into()
        } else if male > 0 && male >= 4 * female {
            "male".into()
        } else {
            String::new()
        };
    }
    rows.sort_by(|a, b| {
        b.quote_count
            .cmp(&a.quote_count)
            .then_with(|| a.speaker_key.cmp(&b.speaker_key))
    });
    rows
}

/// The genders the text shows for one engine speaker: its title or role
/// noun, and the `he`/`she` resolved to it.
fn shown_gender(e: &Entry<'_>) -> Vec<Gender> {
    let mut out = Vec::new();
    out.extend(e.person.as_ref().and_then(|p| p.title_gender));
    for m in &e.rec.mentions {
        match fold(m).as_str() {
            "he" | "him" | "his" => out.push(Gender::Male),
            "she" | "her" | "hers" => out.push(Gender::Female),
            _ => {}
        }
    }
    out
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
