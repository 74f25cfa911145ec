//! Corpus linking over a [`LinkCorpus`]: the rules of the module
//! documentation ([`super`]), applied to compact records.
//!
//! Names are parsed once per distinct (name, role, kind), keys are shared
//! strings (one allocation per distinct key), and what only one document
//! needs (its people by role, its quoted persons and organisations) is
//! gathered one document at a time rather than for the whole corpus.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;
use std::sync::Arc;

use super::aliases::Aliases;
use super::corpus::{DocTable, LinkCorpus, Rec};
use super::name::{
    self, fold, parse_person, role_head, role_matches, slug, Gender, PersonName, SpeakerType,
};
use super::{
    dominant, has_proper_noun, initials_only, org_key, person_key, push_unique, SpeakerIndex,
    SpeakerKeyRecord,
};

/// A key, shared (one allocation per distinct key).
type Key = Arc<str>;

/// A parsed person name with its display and key.
#[derive(Debug)]
struct Person {
    name: PersonName,
    /// `name.display`, shared.
    shown: Key,
    /// The full name's key ([`person_key`]), when it has a given name.
    key: Option<Key>,
}

impl std::ops::Deref for Person {
    type Target = PersonName;
    fn deref(&self) -> &PersonName {
        &self.name
    }
}

/// What linking makes of one (name, role, kind), before the corpus.
#[derive(Debug, Clone)]
enum Read {
    Nameless,
    Dropped(&'static str),
    Speaker(SpeakerType, Option<Arc<Person>>),
}

/// One engine speaker, read.
struct Entry {
    rec: u32,
    stype: SpeakerType,
    person: Option<Arc<Person>>,
    key: Option<Key>,
    display: Key,
    /// Linked by a role to a person named in the text (the display is then
    /// that full name).
    named: bool,
}

impl Entry {
    /// Links this speaker to the named person `key`, shown as `display`.
    fn name_person(&mut self, key: Key, display: Key) {
        self.key = Some(key);
        self.display = display;
        self.stype = SpeakerType::Person;
        self.named = true;
    }
}

/// Interned keys.
#[derive(Default)]
struct Keys(std::collections::HashSet<Key>);

impl Keys {
    fn get(&mut self, s: &str) -> Key {
        if let Some(k) = self.0.get(s) {
            return Arc::clone(k);
        }
        let k: Key = Arc::from(s);
        self.0.insert(Arc::clone(&k));
        k
    }
}

fn read(c: &LinkCorpus, rec: &Rec, keys: &mut Keys) -> Read {
    let speaker = c.strs.get(rec.speaker);
    let role = c.strs.get(rec.role);
    let kind = c.strs.get(rec.kind);
    match super::read_speaker(speaker, role, kind) {
        super::Read::Nameless => Read::Nameless,
        super::Read::Dropped(why) => Read::Dropped(why),
        super::Read::Speaker(stype, p) => Read::Speaker(
            stype,
            p.map(|p| {
                let key = p.is_full().then(|| keys.get(&person_key(&p)));
                Arc::new(Person {
                    shown: keys.get(&p.display),
                    key,
                    name: p,
                })
            }),
        ),
    }
}

/// Link the speakers of `c` into keys; with `rows`, also make the rows of
/// `speakers.csv` ([`SpeakerIndex::records`]).
pub fn link(mut c: LinkCorpus, aliases: &Aliases, rows: bool) -> SpeakerIndex {
    let mut keys = Keys::default();
    let mut dropped: Vec<((u32, u32, u32), &'static str)> = Vec::new();
    let mut reads: HashMap<(u32, u32, u32), Read> = HashMap::new();
    c.recs.shrink_to_fit();
    c.mentions.shrink_to_fit();
    c.roles.shrink_to_fit();
    let mut entries: Vec<Entry> = Vec::with_capacity(c.recs.len());
    // Aliases matched, by entry.
    let mut alias_of: HashMap<u32, Key> = HashMap::new();
    for (i, rec) in c.recs.iter().enumerate() {
        let read = reads
            .entry((rec.speaker, rec.role, rec.kind))
            .or_insert_with(|| read(&c, rec, &mut keys))
            .clone();
        let (stype, person) = match read {
            Read::Nameless => continue,
            Read::Dropped(why) => {
                dropped.push(((rec.doc, rec.speaker, rec.role), why));
                continue;
            }
            Read::Speaker(stype, person) => (stype, person),
        };
        // A common noun phrase the engine kept as the speaker, with the
        // person's name in apposition (`His sister, Coun. Ingrid van der
        // Berg`): that person, not a role of the document.
        let (stype, person) =
            if stype == SpeakerType::Group || person.as_ref().is_some_and(|p| p.is_full()) {
                (stype, person)
            } else {
                match apposition_name(c.strs.get(rec.speaker), c.mentions_of(rec)) {
                    Some(p) => (
                        SpeakerType::Person,
                        Some(Arc::new(Person {
                            shown: keys.get(&p.display),
                            key: Some(keys.get(&person_key(&p))),
                            name: p,
                        })),
                    ),
                    None => (stype, person),
                }
            };
        let display = person
            .as_ref()
            .map_or_else(|| c.strs.arc(rec.speaker), |p| Arc::clone(&p.shown));
        let mut e = Entry {
            rec: u32::try_from(i).unwrap_or(u32::MAX),
            stype,
            person,
            key: None,
            display,
            named: false,
        };
        if let Some((k, name, alias)) =
            aliases.lookup_names(c.strs.get(rec.speaker), &e.display, c.mentions_of(rec))
        {
            e.key = Some(keys.get(k));
            e.display = keys.get(name);
            alias_of.insert(e.rec, keys.get(alias));
        }
        entries.push(e);
    }
    drop(reads);
    let rec_of = |e: &Entry| c.recs[e.rec as usize];

    let mut pending: Vec<(String, Key, u32)> = Vec::new();
    // Full names, by surname: key -> documents.
    let mut full: BTreeMap<String, BTreeMap<Key, BTreeSet<u32>>> = BTreeMap::new();
    // Role nouns of each full-name key (`mayor`, `governor`).
    let mut full_roles: HashMap<Key, BTreeSet<String>> = HashMap::new();
    // A full name of each full-name key, and its surname.
    let mut full_display: HashMap<Key, Key> = HashMap::new();
    let mut surname_of: HashMap<Key, String> = HashMap::new();
    // Gender of each full-name key, when its names show one.
    let mut full_gender: HashMap<Key, Option<Gender>> = HashMap::new();
    // The given names each full-name key is written with (`thomas r`),
    // each once.
    let mut variants: HashMap<Key, Vec<Vec<String>>> = HashMap::new();
    // The full names each document names in an office, quoted or not:
    // (document, key), sorted.
    let mut doc_named: Vec<(u32, Key)> = Vec::new();
    for r in &c.roles {
        let name = c.strs.get(r.name);
        if let Some(p) = parse_person(name, "").filter(|p| p.is_full() && !initials_only(p)) {
            let k = keys.get(&person_key(&p));
            add_variant(&mut variants, &k, &p.given);
            full_roles
                .entry(Arc::clone(&k))
                .or_default()
                .insert(c.strs.get(r.head).to_string());
            full_display
                .entry(Arc::clone(&k))
                .or_insert_with(|| keys.get(&p.display));
            surname_of.insert(Arc::clone(&k), p.surname);
            doc_named.push((r.doc, k));
        }
    }
    doc_named.sort();
    doc_named.dedup();
    let named_in = |doc: u32| by_doc(&doc_named, doc);
    // The full-name keys quoted in each document: (document, key).
    let mut doc_full: Vec<(u32, Key)> = Vec::new();
    for e in entries.iter_mut().filter(|e| e.key.is_none()) {
        let Some(p) = &e.person else { continue };
        let Some(k) = p.key.as_ref().filter(|_| !initials_only(p)) else {
            continue;
        };
        let rec = rec_of(e);
        full.entry(p.surname.clone())
            .or_default()
            .entry(Arc::clone(k))
            .or_default()
            .insert(rec.doc);
        doc_full.push((rec.doc, Arc::clone(k)));
        // Its name's gender, else a courtesy title it is mentioned by
        // (`Mr. van der Berg` for Gerrit van der Berg).
        let shown = p
            .gender
            .or_else(|| c.mentions_of(&rec).find_map(name::mention_title_gender));
        let g = full_gender.entry(Arc::clone(k)).or_insert(shown);
        if *g != shown {
            *g = g.or(shown);
        }
        full_roles
            .entry(Arc::clone(k))
            .or_default()
            .extend(role_heads(&c, &rec, e.person.as_deref()));
        add_variant(&mut variants, k, &p.given);
        full_display
            .entry(Arc::clone(k))
            .or_insert_with(|| Arc::clone(&p.shown));
        surname_of.insert(Arc::clone(k), p.surname.clone());
        e.key = Some(Arc::clone(k));
    }
    // Initials only (`Q. Harlan`) where no full name has that surname: a
    // full name of its own, for the bare surnames to join.
    for e in entries.iter_mut().filter(|e| e.key.is_none()) {
        let Some(p) = &e.person else { continue };
        if initials_only(p) && !full.contains_key(&p.surname) {
            let Some(k) = p.key.clone() else { continue };
            add_variant(&mut variants, &k, &p.given);
            surname_of.insert(Arc::clone(&k), p.surname.clone());
            pending.push((p.surname.clone(), Arc::clone(&k), rec_of(e).doc));
            e.key = Some(k);
        }
    }
    for (surname, k, doc) in pending {
        full.entry(surname)
            .or_default()
            .entry(Arc::clone(&k))
            .or_default()
            .insert(doc);
        doc_full.push((doc, k));
    }
    doc_full.sort();
    doc_full.dedup();
    // Bare surnames.
    for e in entries.iter_mut().filter(|e| e.key.is_none()) {
        let Some(p) = e.person.clone() else { continue };
        let rec = rec_of(e);
        let doc = rec.doc;
        let agrees = |k: &Key| {
            p.gender.is_none()
                || full_gender.get(k).copied().flatten().is_none()
                || full_gender.get(k).copied().flatten() == p.gender
        };
        // Initials only (`R. Whitlock`): a full name with those initials.
        let initials = |k: &Key| {
            !initials_only(&p)
                || variants.get(k).is_some_and(|vs| {
                    vs.iter().any(|v| {
                        p.given
                            .iter()
                            .all(|g| v.iter().any(|w| w.starts_with(g.as_str())))
                    })
                })
        };
        // Full names the document names in an office but does not quote.
        let named_here: BTreeSet<&Key> = named_in(doc)
            .iter()
            .map(|(_, k)| k)
            .filter(|k| surname_of.get(*k) == Some(&p.surname) && agrees(k) && initials(k))
            .collect();
        // A given name alone (`Ingrid`, `Amira`, the rest of the name lost)
        // for the one person of the document with that given name.
        if p.given.is_empty() && !p.surname.contains(' ') {
            let same: BTreeSet<&Key> = named_in(doc)
                .iter()
                .chain(by_doc(&doc_full, doc))
                .map(|(_, k)| k)
                .filter(|k| {
                    variants
                        .get(*k)
                        .is_some_and(|vs| vs.iter().any(|v| v.first() == Some(&p.surname)))
                })
                .collect();
            let surname_here = full
                .get(&p.surname)
                .is_some_and(|ks| ks.values().any(|ds| ds.contains(&doc)))
                || named_here
                    .iter()
                    .any(|k| surname_of.get(*k) == Some(&p.surname));
            if let Some(k) = same.first().filter(|_| same.len() == 1 && !surname_here) {
                e.key = Some(Arc::clone(k));
                continue;
            }
        }
        let key = match full.get(&p.surname) {
            None if named_here.len() == 1 => named_here
                .first()
                .map(|k| Arc::clone(k))
                .unwrap_or_else(|| keys.get("")),
            None if initials_only(&p) => p.key.clone().unwrap_or_else(|| keys.get("")),
            None => keys.get(&slug(&p.surname)),
            Some(fulls) => {
                let cands: Vec<(&Key, usize)> = fulls
                    .iter()
                    .filter(|(k, _)| agrees(k) && initials(k))
                    .map(|(k, docs)| (k, docs.len()))
                    .collect();
                let mut in_doc: Vec<(&Key, usize)> = cands
                    .iter()
                    .copied()
                    .filter(|(k, _)| fulls[*k].contains(&doc))
                    .collect();
                // A full name quoted elsewhere in the corpus that this
                // document names in an office (`Sen. Thomas R. Whitlock`).
                for k in &named_here {
                    if let Some((k, docs)) = fulls.get_key_value(*k) {
                        if !in_doc.iter().any(|(c, _)| *c == k) && agrees(k) {
                            in_doc.push((k, docs.len()));
                        }
                    }
                }
                // `Mayor Marsh`: the candidates that hold that role, in the
                // document first, then in the corpus.
                let heads = role_heads(&c, &rec, Some(&*p));
                let holds = |k: &Key| {
                    full_roles
                        .get(k)
                        .is_some_and(|r| r.iter().any(|h| heads.contains(h)))
                };
                let doc_holders: Vec<(&Key, usize)> =
                    in_doc.iter().copied().filter(|(k, _)| holds(k)).collect();
                let corpus_holders: Vec<(&Key, usize)> =
                    cands.iter().copied().filter(|(k, _)| holds(k)).collect();
                // Among the candidates of the document, a title's gender
                // (`Ms. van der Berg`) picks those known to have it over
                // those whose gender is unknown.
                let pool = if !doc_holders.is_empty() {
                    prefer_gender(doc_holders, p.gender, &full_gender)
                } else if !corpus_holders.is_empty() {
                    corpus_holders
                } else if !in_doc.is_empty() {
                    prefer_gender(in_doc, p.gender, &full_gender)
                } else {
                    cands
                };
                match dominant(&pool) {
                    Some(k) => Arc::clone(k),
                    None if pool.is_empty() && initials_only(&p) => {
                        p.key.clone().unwrap_or_else(|| keys.get(""))
                    }
                    None if pool.is_empty() => keys.get(&slug(&p.surname)),
                    None => keys.get(&format!("{}/{}", c.doc_id(doc), slug(&p.surname))),
                }
            }
        };
        e.key = Some(key);
    }
    drop(doc_full);
    // A person key's gender, where its full names show none, from the
    // titles of the names linked to it (`Ms. van der Berg`).
    for e in &entries {
        if let (Some(k), Some(g)) = (&e.key, e.person.as_ref().and_then(|p| p.title_gender)) {
            if let Some(known) = full_gender.get_mut(k) {
                known.get_or_insert(g);
            }
        }
    }
    // The role nouns of a person entry: its role, its titles, and the
    // roles it is mentioned by (`the mayor`, resolved by the engine).
    let heads_of = |e: &Entry| -> Vec<String> {
        let Some(p) = &e.person else {
            return Vec::new();
        };
        let rec = rec_of(e);
        std::iter::once(role_head(c.strs.get(rec.role)))
            .chain(p.titles.iter().map(|t| role_head(t)))
            .chain(c.mentions_of(&rec).filter_map(|m| {
                let f = fold(m);
                f.strip_prefix("the ").map(role_head)
            }))
            .filter(|h| !h.is_empty())
            .collect()
    };
    // The roles of every person key across the corpus.
    let mut key_roles: HashMap<Key, BTreeSet<String>> = full_roles.clone();
    for e in &entries {
        if let Some(k) = e.key.as_ref().filter(|_| e.person.is_some()) {
            for h in heads_of(e) {
                key_roles.entry(Arc::clone(k)).or_default().insert(h);
            }
        }
    }
    // The entries of each document (in input order), and its named roles.
    let mut order: Vec<u32> = (0..u32::try_from(entries.len()).unwrap_or(u32::MAX)).collect();
    order.sort_by_key(|&i| rec_of(&entries[i as usize]).doc);
    let mut role_order: Vec<u32> = (0..u32::try_from(c.roles.len()).unwrap_or(u32::MAX)).collect();
    role_order.sort_by_key(|&i| c.roles[i as usize].doc);
    let mut at = 0;
    while at < order.len() {
        let doc = rec_of(&entries[order[at] as usize]).doc;
        let end = at + order[at..].partition_point(|&i| rec_of(&entries[i as usize]).doc == doc);
        let group = &order[at..end];
        at = end;
        if group.iter().all(|&i| entries[i as usize].key.is_some()) {
            continue;
        }
        // Roles without a name: the person of the document with that role.
        let mut by_role: HashMap<String, BTreeSet<Key>> = HashMap::new();
        // The person keys of the document (quoted, or named in an office).
        let mut doc_keys: BTreeSet<Key> = BTreeSet::new();
        // The organisations the document quotes by name.
        let mut doc_orgs: Vec<&str> = Vec::new();
        for &i in group {
            let e = &entries[i as usize];
            if let (Some(_), Some(k)) = (&e.person, &e.key) {
                for h in heads_of(e) {
                    by_role.entry(h).or_default().insert(Arc::clone(k));
                }
                doc_keys.insert(Arc::clone(k));
            }
            let speaker = c.strs.get(rec_of(e).speaker);
            if e.stype == SpeakerType::Organisation && has_proper_noun(speaker) {
                doc_orgs.push(speaker);
            }
        }
        doc_keys.extend(named_in(doc).iter().map(|(_, k)| Arc::clone(k)));
        let lo = role_order.partition_point(|&i| c.roles[i as usize].doc < doc);
        let hi = role_order.partition_point(|&i| c.roles[i as usize].doc <= doc);
        let roles_here: Vec<(&str, &str)> = role_order[lo..hi]
            .iter()
            .map(|&i| {
                let r = c.roles[i as usize];
                (c.strs.get(r.head), c.strs.get(r.name))
            })
            .collect();
        let doc_id = c.doc_id(doc);
        for &i in group {
            let e = &mut entries[i as usize];
            if e.key.is_some() {
                continue;
            }
            let rec = c.recs[e.rec as usize];
            let speaker = c.strs.get(rec.speaker);
            // `Her brother`: the one person of the document of the kin
            // noun's gender who shares a surname with another person of
            // the pronoun's gender (not the possessor, another person).
            if let Some((owner, kin)) = name::kinship(speaker) {
                let gender = |k: &Key| full_gender.get(k).copied().flatten();
                let cands: Vec<&Key> = doc_keys
                    .iter()
                    .filter(|k| gender(k) == Some(kin))
                    .filter(|k| {
                        surname_of.get(*k).is_some_and(|s| {
                            doc_keys.iter().any(|o| {
                                o != *k && gender(o) == Some(owner) && surname_of.get(o) == Some(s)
                            })
                        })
                    })
                    .collect();
                if let [k] = cands[..] {
                    if let Some(display) = full_display.get(k) {
                        e.name_person(Arc::clone(k), Arc::clone(display));
                        continue;
                    }
                }
            }
            let head = role_head(speaker);
            // A definite role (`the mayor`), not an indefinite one (`a
            // mayor`).
            let definite = !name::is_indefinite(speaker);
            let role_like = c.strs.get(rec.kind) == "unknown"
                || matches!(
                    e.stype,
                    SpeakerType::UnnamedSource | SpeakerType::Organisation
                ) && !has_proper_noun(speaker);
            if role_like && definite {
                if let Some(ks) = by_role.get(&head) {
                    if ks.len() == 1 {
                        e.key = ks.iter().next().cloned();
                        e.stype = SpeakerType::Person;
                        continue;
                    }
                }
                // A person the text names in that role, quoted or not.
                let named: BTreeMap<String, String> = roles_here
                    .iter()
                    .filter(|(h, _)| role_matches(&head, h))
                    .filter_map(|(_, n)| parse_person(n, ""))
                    .filter(PersonName::is_full)
                    .map(|p| (person_key(&p), p.display))
                    .collect();
                if named.len() == 1 {
                    if let Some((k, display)) = named.into_iter().next() {
                        e.name_person(keys.get(&k), keys.get(&display));
                        continue;
                    }
                }
                // A person of the document who holds that role elsewhere
                // in the corpus (`the mayor` in an article naming Gerrit
                // van der Berg, the mayor of other articles).
                let holders: Vec<&Key> = doc_keys
                    .iter()
                    .filter(|k| {
                        key_roles
                            .get(*k)
                            .is_some_and(|r| r.iter().any(|h| role_matches(&head, h)))
                    })
                    .collect();
                if let [k] = holders[..] {
                    if let Some(display) = full_display.get(k) {
                        e.name_person(Arc::clone(k), Arc::clone(display));
                        continue;
                    }
                }
            }
            // `the union`: the one organisation the document quotes whose
            // name ends in that noun (`University and College Union`).
            let the = c.mentions_of(&rec).any(|m| fold(m).starts_with("the "));
            if the && speaker.split_whitespace().count() <= 3 {
                let orgs: BTreeSet<String> = doc_orgs
                    .iter()
                    .filter(|n| n.split_whitespace().last().is_some_and(|w| fold(w) == head))
                    .map(|n| org_key(n))
                    .collect();
                if orgs.len() == 1 {
                    e.key = orgs.into_iter().next().map(|k| keys.get(&k));
                    e.stype = SpeakerType::Organisation;
                    continue;
                }
            }
            e.key = Some(match e.stype {
                SpeakerType::Organisation if has_proper_noun(speaker) => {
                    keys.get(&org_key(speaker))
                }
                _ => keys.get(&format!("{doc_id}/{}", slug(speaker))),
            });
        }
    }
    drop(order);
    drop(role_order);
    // An organisation's short name (`Northwind`) joins the one longer
    // organisation key that opens with it (`northwind-energy`), quoted in
    // one of its own documents: (org key -> its documents).
    let mut org_docs: BTreeMap<Key, BTreeSet<u32>> = BTreeMap::new();
    for e in &entries {
        if e.stype == SpeakerType::Organisation && !alias_of.contains_key(&e.rec) {
            if let Some(k) = e.key.as_ref().filter(|k| !k.contains('/')) {
                org_docs
                    .entry(Arc::clone(k))
                    .or_default()
                    .insert(rec_of(e).doc);
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
        if (e.stype != SpeakerType::Organisation && !bare_surname) || alias_of.contains_key(&e.rec)
        {
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
        let doc = c.recs[e.rec as usize].doc;
        let longer: Vec<&Key> = org_docs
            .range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded))
            .take_while(|(o, _)| o.starts_with(&prefix))
            .filter(|(_, docs)| docs.contains(&doc))
            .map(|(o, _)| o)
            .collect();
        if let [long] = longer[..] {
            e.key = Some(Arc::clone(long));
            e.stype = SpeakerType::Organisation;
            e.person = None;
        }
    }
    drop(org_docs);
    // A key names one type: an organisation or person-less key that a
    // person also uses gets its type appended.
    let mut type_of: HashMap<Key, SpeakerType> = HashMap::new();
    for e in &entries {
        if e.stype == SpeakerType::Person {
            if let Some(k) = &e.key {
                type_of.insert(Arc::clone(k), SpeakerType::Person);
            }
        }
    }
    for e in entries.iter_mut() {
        let Some(k) = &e.key else { continue };
        let t = *type_of.entry(Arc::clone(k)).or_insert(e.stype);
        if t != e.stype && !alias_of.contains_key(&e.rec) {
            e.key = Some(keys.get(&format!("{k}-{}", slug(e.stype.as_str()))));
        }
    }
    drop(type_of);
    let records = if rows {
        speaker_rows(&c, &entries, &alias_of)
    } else {
        Vec::new()
    };
    // Keys interned first, so the table is filled in two read-only passes
    // over the entries, grouped by document ([`DocTable::new`]).
    for e in &entries {
        if let Some(k) = &e.key {
            c.strs.id_shared(k);
        }
    }
    let table = {
        let (c, entries) = (&c, &entries);
        let rows = entries.iter().filter_map(move |e| {
            let rec = c.recs[e.rec as usize];
            let k = c.strs.find(e.key.as_deref()?)?;
            Some(((rec.doc, rec.speaker, rec.role), k))
        });
        DocTable::new(c.docs.len(), rows)
    };
    let dropped: Vec<((u32, u32, u32), u32)> = dropped
        .into_iter()
        .map(|(t, why)| (t, c.strs.id(why)))
        .collect();
    let dropped = DocTable::new(c.docs.len(), dropped.into_iter());
    drop(entries);
    drop(keys);
    c.recs = Vec::new();
    c.mentions = Vec::new();
    c.roles = Vec::new();
    SpeakerIndex {
        keys: table,
        dropped,
        corpus: c,
        records,
    }
}

/// The full name in apposition to a common noun phrase `speaker` in one
/// of its mentions (`most persistent critic, Coun. Ingrid van der Berg` →
/// Ingrid van der Berg), when the phrase has no capitalised word but its
/// first and the name is a clean full name.
fn apposition_name<'m>(
    speaker: &str,
    mut mentions: impl Iterator<Item = &'m str>,
) -> Option<PersonName> {
    let mut words = speaker.split_whitespace();
    words.next()?;
    if words.any(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    mentions.find_map(|m| {
        let rest = m.strip_prefix(speaker)?.strip_prefix(", ")?;
        // Up to a comma or a party label (`Sen. Joe Lieberman (I-Conn.)`).
        let written = rest.split([',', '(']).next()?.trim();
        let possessive =
            |w: &str| w.ends_with(['’', '\'']) || w.ends_with("’s") || w.ends_with("'s");
        if !written
            .split_whitespace()
            .all(|w| name::is_name_word(w) && !possessive(w))
        {
            return None;
        }
        parse_person(written, "").filter(|p| p.is_full() && !initials_only(p))
    })
}

/// Among the candidates of a document, those known to have the gender a
/// title shows (`Ms. van der Berg`), when any, over those whose gender is
/// unknown.
fn prefer_gender<'k>(
    pool: Vec<(&'k Key, usize)>,
    gender: Option<Gender>,
    full_gender: &HashMap<Key, Option<Gender>>,
) -> Vec<(&'k Key, usize)> {
    let known: Vec<(&Key, usize)> = pool
        .iter()
        .copied()
        .filter(|(k, _)| gender.is_some() && full_gender.get(*k).copied().flatten() == gender)
        .collect();
    if known.is_empty() {
        pool
    } else {
        known
    }
}

/// Add given names `g` to the variants of key `k`, unless listed.
fn add_variant(variants: &mut HashMap<Key, Vec<Vec<String>>>, k: &Key, g: &[String]) {
    let vs = variants.entry(Arc::clone(k)).or_default();
    if !vs.iter().any(|v| v[..] == *g) {
        vs.push(g.to_vec());
    }
}

/// The pairs of a sorted `(document, key)` list for `doc`.
fn by_doc(v: &[(u32, Key)], doc: u32) -> &[(u32, Key)] {
    let lo = v.partition_point(|(d, _)| *d < doc);
    let hi = v.partition_point(|(d, _)| *d <= doc);
    &v[lo..hi]
}

/// The role nouns of a person's entry (`Mayor`, `Gov.` → `governor`), but
/// not courtesy titles (`Mr.`, `Dr.`), which say nothing of a role.
fn role_heads(c: &LinkCorpus, rec: &Rec, person: Option<&Person>) -> BTreeSet<String> {
    let titles = person.into_iter().flat_map(|p| p.titles.iter());
    std::iter::once(c.strs.get(rec.role))
        .chain(titles.map(String::as_str))
        .map(role_head)
        .filter(|h| {
            !h.is_empty()
                && !matches!(
                    h.as_str(),
                    "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "prof" | "former"
                )
        })
        .collect()
}

/// The rows of `speakers.csv`.
fn speaker_rows(
    c: &LinkCorpus,
    entries: &[Entry],
    alias_of: &HashMap<u32, Key>,
) -> Vec<SpeakerKeyRecord> {
    let mut rows: Vec<SpeakerKeyRecord> = Vec::new();
    let mut row_of: HashMap<Key, usize> = HashMap::new();
    // Per row: display name -> (full name, uses).
    let mut names: Vec<BTreeMap<Key, (bool, usize)>> = Vec::new();
    let mut genders: Vec<Vec<Gender>> = Vec::new();
    let mut listed: Vec<std::collections::HashSet<(u8, String)>> = Vec::new();
    for e in entries {
        let Some(key) = &e.key else { continue };
        let rec = c.recs[e.rec as usize];
        let i = *row_of.entry(Arc::clone(key)).or_insert_with(|| {
            rows.push(SpeakerKeyRecord {
                speaker_key: key.to_string(),
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
        push_unique(&mut row.roles, seen, 0, c.strs.get(rec.role));
        push_unique(&mut row.doc_ids, seen, 1, c.doc_id(rec.doc));
        for m in c.mentions_of(&rec) {
            push_unique(&mut row.mentions, seen, 2, m);
        }
        let alias = alias_of.get(&e.rec);
        if let Some(a) = alias {
            push_unique(&mut row.matched_aliases, seen, 3, a);
        }
        row.quote_count += rec.quote_count as usize;
        let full = alias.is_some() || e.named || e.person.as_ref().is_some_and(|p| p.is_full());
        let n = names[i].entry(Arc::clone(&e.display)).or_insert((full, 0));
        n.1 += 1;
        if e.stype == SpeakerType::Person {
            genders[i].extend(shown_gender(c, &rec, e.person.as_deref()));
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
            .map(|(n, _)| n.to_string())
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
fn shown_gender(c: &LinkCorpus, rec: &Rec, person: Option<&Person>) -> Vec<Gender> {
    let mut out = Vec::new();
    out.extend(person.and_then(|p| p.title_gender));
    for m in c.mentions_of(rec) {
        match fold(m).as_str() {
            "he" | "him" | "his" => out.push(Gender::Male),
            "she" | "her" | "hers" => out.push(Gender::Female),
            _ => {}
        }
    }
    out
}
