//! Speakers and their mentions: names, roles, organisations, pronouns and
//! surnames, resolved to one canonical speaker per document.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::words::{with_lowercase, WordSet};

type FxMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<crate::cue::FxHasher>>;

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A personal name, possibly with a title or role before it
    /// (`Russia’s Deputy Foreign Minister Sergei Ryabkov`).
    Name,
    /// A surname alone (`Trudeau`).
    Surname,
    /// A role without a name (`The State Department’s Spokeswoman`).
    Role,
    /// An organisation or place speaking (`the Russian Foreign Ministry`, `Moscow`).
    Organization,
    /// A group of people (`officials`, `US State Department sources`).
    Group,
    /// A pronoun (`He`, `she`, `they`).
    Pronoun,
}

/// One mention of a speaker in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention as written.
    pub text: String,
    /// Where it is (bytes).
    pub span: Span,
    /// What kind of expression it is.
    pub kind: MentionKind,
}

/// What kind of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An organisation, government, or place standing for one.
    Organization,
    /// A group of unnamed people (`officials`, `analysts`).
    Group,
    /// Only known by a role or pronoun.
    Unknown,
}

/// A canonical speaker of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name: the fullest name used (`Elizabeth Trudeau`), or the
    /// organisation/group as first written without a leading article.
    pub name: String,
    /// Role or title, when the text gives one (`Russia’s Deputy Foreign Minister`).
    pub role: Option<String>,
    /// Person, organisation, group or unknown.
    pub kind: SpeakerKind,
    /// Every mention resolved to this speaker, in text order.
    pub mentions: Vec<Mention>,
}

/// Resolve the mentions of candidate quotes (in text order) to canonical
/// speakers, and build the final quotes.
///
/// Rules, applied in text order: a full name starts or joins the speaker
/// with that name; a surname (or title + surname) joins the most recent
/// speaker whose name ends with it; a bare role joins the most recent person
/// introduced with a role of the same head noun (`the spokeswoman`), or the
/// speaker first named by that role; organisations and groups join the
/// speaker written the same way; `he`/`she` join the most recent person,
/// `they` the most recent group or organisation, `it` the most recent
/// organisation. Quotes without a mention continue the speaker of the quote
/// they follow.
pub(crate) fn resolve(
    text: &str,
    cands: Vec<crate::engine::Cand>,
    persons: &[(Mention, crate::np::Np)],
) -> (Vec<crate::quote::Quote>, Vec<Speaker>) {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut keys: Vec<Keys> = Vec::new();
    // Order of use, most recent last.
    let mut recent: Vec<usize> = Vec::new();
    let mut by_start: FxMap<usize, Option<usize>> =
        FxMap::with_capacity_and_hasher(cands.len(), Default::default());
    // The mention of each quote that has one, so continuations can show it.
    // The quote (index into `quotes`) whose mention serves that start.
    let mut mention_at: FxMap<usize, usize> =
        FxMap::with_capacity_and_hasher(cands.len(), Default::default());
    let mut quotes = Vec::with_capacity(cands.len());
    let mut bufs = KeyBufs::default();
    // The gender of each person in `persons`, once asked.
    let mut person_gender: Vec<Option<Option<Gender>>> = vec![None; persons.len()];
    for c in cands {
        let speaker = match (&c.mention, c.inherit) {
            (Some((m, np)), _) => {
                // `he`/`she` after a newly named person (`Tom Berg disagreed.
                // “…,” he said.`) refers to that person, not an older speaker.
                // No other character folds to these ASCII letters.
                let newer = (np.kind == MentionKind::Pronoun
                    && (m.text.eq_ignore_ascii_case("he") || m.text.eq_ignore_ascii_case("she")))
                .then(|| {
                    let k = persons.partition_point(|(pm, _)| pm.span.start < m.span.start);
                    k.checked_sub(1)
                })
                .flatten()
                .filter(|&k| {
                    recent.last().is_none_or(|&r| {
                        speakers[r]
                            .mentions
                            .last()
                            .is_none_or(|lm| lm.span.start < persons[k].0.span.start)
                    })
                })
                // (`Lisa Marchetti argued …` is no antecedent of `he`.)
                .filter(|&k| {
                    let g = *person_gender[k].get_or_insert_with(|| {
                        gender_of(&persons[k].1.name, persons[k].1.role.as_deref())
                    });
                    agrees(g, &m.text)
                })
                .map(|k| &persons[k]);
                match newer {
                    Some((pm, pnp)) => {
                        let id = resolve_one(
                            text,
                            &mut speakers,
                            &mut keys,
                            &recent,
                            pm,
                            pnp,
                            &mut bufs,
                        );
                        if let Some(i) = id {
                            speakers[i].mentions.retain(|x| x.span != pm.span);
                            add_mention(&mut speakers[i], m);
                        }
                        id
                    }
                    None => resolve_one(text, &mut speakers, &mut keys, &recent, m, np, &mut bufs),
                }
            }
            (None, Some(src)) => by_start.get(&src).copied().flatten(),
            _ => None,
        };
        if let Some(s) = speaker {
            recent.retain(|&r| r != s);
            recent.push(s);
        }
        by_start.insert(c.span.start, speaker);
        if c.mention.is_some() {
            mention_at.insert(c.span.start, quotes.len());
        }
        quotes.push(crate::quote::Quote {
            kind: c.kind,
            span: c.span,
            parts: Vec::new(),
            fragment: c.fragment,
            cue: c.cue,
            mention: c.mention.map(|(m, _)| m).or_else(|| {
                c.inherit
                    .and_then(|src| mention_at.get(&src))
                    .and_then(|&q| quotes.get(q))
                    .and_then(|q: &crate::quote::Quote| q.mention.clone())
            }),
            speaker,
            confidence: c.confidence.clamp(0.0, 1.0),
            reason: c.reason.to_string(),
        });
    }
    (quotes, speakers)
}

/// The gender a speaker's name or role shows, for agreeing `he` and `she`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

/// The gender that `name` (and its `role`) show, when they show one: a
/// title (`Mr.`, `Mrs.`, `Ms.`), a gendered role noun as the role's head
/// (`spokeswoman`, `chairman`) or a given name that almost always belongs to
/// one gender (`data/first_names.txt`).
///
/// ```text
/// Margaret Okonkwo-Reyes → female; Mr. Pruett → male; the spokesman → male;
/// Chris Christie → unknown (Chris is given to both)
/// ```
fn gender_of(name: &str, role: Option<&str>) -> Option<Gender> {
    static NAMES: std::sync::OnceLock<(WordSet, WordSet)> = std::sync::OnceLock::new();
    let (female, male) = NAMES.get_or_init(|| {
        let data = include_str!("../data/first_names.txt");
        let section = |tag: &str| {
            data.split('[')
                .find_map(|s| s.strip_prefix(tag))
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect::<Vec<_>>()
        };
        (
            WordSet::new(section("female]")),
            WordSet::new(section("male]")),
        )
    });
    // The role's head noun (not a word about someone else: `67, of
    // Exeter, after listening to Mr. Clinton`) and the name's words.
    let words = role
        .and_then(|r| r.split_whitespace().last())
        .map(|w| (w, false))
        .into_iter()
        .chain(name.split_whitespace().map(|w| (w, true)));
    for (w, in_name) in words {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        // `None`: the word shows nothing, look on.
        let shown = with_lowercase(w, |w| match w {
            "mr" | "sir" | "lord" | "spokesman" | "chairman" | "congressman" | "councilman"
            | "businessman" | "assemblyman" | "alderman" | "anchorman" | "man" | "father"
            | "husband" | "son" | "brother" | "king" => Some(Some(Gender::Male)),
            "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "mother" | "wife" | "daughter"
            | "sister" | "queen" | "actress" | "widow" => Some(Some(Gender::Female)),
            _ if w.ends_with("woman") || w.ends_with("women") => Some(Some(Gender::Female)),
            // The given name ends the search (a title comes before it).
            _ if in_name && !crate::words::Words::builtin().is_title(w) => {
                Some(if female.contains(w) {
                    Some(Gender::Female)
                } else if male.contains(w) {
                    Some(Gender::Male)
                } else {
                    None
                })
            }
            _ => None,
        });
        if let Some(g) = shown {
            return g;
        }
    }
    None
}

/// Whether a speaker of gender `g` may be `pronoun` (`he`/`she`; any other
/// pronoun agrees with every speaker).
fn agrees(g: Option<Gender>, pronoun: &str) -> bool {
    match g {
        Some(Gender::Female) => !pronoun.eq_ignore_ascii_case("he"),
        Some(Gender::Male) => !pronoun.eq_ignore_ascii_case("she"),
        None => true,
    }
}

/// The office a role names (`Gov.`, `Ohio Governor` → `governor`), by
/// its last word, when it is one of a few offices one person rarely holds
/// with another at the same time.
fn office(role: &str) -> Option<&'static str> {
    let last = role.split_whitespace().last()?;
    let last = last.trim_matches(|c: char| !c.is_alphabetic());
    with_lowercase(last, |w| match w {
        "gov" | "governor" => Some("governor"),
        "sen" | "senator" => Some("senator"),
        "rep" | "representative" | "congressman" | "congresswoman" => Some("representative"),
        "mayor" => Some("mayor"),
        "superintendent" => Some("superintendent"),
        "president" => Some("president"),
        "judge" => Some("judge"),
        _ => None,
    })
}

/// Whether a mention with role `a` names someone else than a speaker with
/// role `b`: both name an office, and not the same one (`Gov. Okafor` is
/// not `Sen. Nadia Okafor`).
fn other_office(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(office), b.and_then(office)) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    }
}

fn key(s: &str) -> String {
    let mut k = String::new();
    key_into(s, &mut k);
    k
}

/// [`key`] written into `k` (cleared first), so that keys compared once
/// reuse one buffer.
fn key_into(s: &str, k: &mut String) {
    // Fold case and apostrophes, drop a leading `the ` and a trailing
    // possessive.
    let s = s.trim();
    k.clear();
    k.reserve(s.len());
    if s.is_ascii() {
        k.push_str(s);
        k.make_ascii_lowercase();
    } else {
        for c in s.chars() {
            if c == '’' {
                k.push('\'');
            } else if c.is_ascii() {
                k.push(c.to_ascii_lowercase());
            } else {
                k.extend(c.to_lowercase());
            }
        }
    }
    if k.starts_with("the ") {
        k.drain(..4);
    }
    // `trim_end_matches("'s")` without a substring searcher.
    let mut end = k.len();
    while k[..end].ends_with("'s") {
        end -= 2;
    }
    let trimmed = k[..end].trim_end_matches('\'').len();
    k.truncate(trimmed);
}

fn last_word(s: &str) -> String {
    key(s.split_whitespace().last().unwrap_or(""))
}

/// [`last_word`] written into `k`.
fn last_word_into(s: &str, k: &mut String) {
    key_into(s.split_whitespace().last().unwrap_or(""), k);
}

fn head_noun(role: &str) -> String {
    last_word(role)
}

fn add_mention(sp: &mut Speaker, m: &Mention) {
    // Mentions arrive in text order; the same mention may serve two quotes.
    if sp.mentions.last().is_none_or(|x| x.span != m.span) {
        sp.mentions.push(m.clone());
    }
}

/// The first `Firstname Surname` written before byte `before`, when the text
/// introduced the person (`Beatriz Mendonça-Lage`) before using the surname.
/// Start offsets of the non-overlapping occurrences of `needle` in `hay`,
/// left to right, like `str::match_indices`, but found with a `memchr` for
/// the first character (names are rare in running text).
fn occurrences<'h>(hay: &'h str, needle: &'h str) -> Box<dyn Iterator<Item = usize> + 'h> {
    let Some(first) = needle.chars().next() else {
        return Box::new(hay.match_indices(needle).map(|(i, _)| i));
    };
    let mut pos = 0;
    Box::new(std::iter::from_fn(move || loop {
        let i = pos + hay.get(pos..)?.find(first)?;
        if hay[i..].starts_with(needle) {
            pos = i + needle.len();
            return Some(i);
        }
        pos = i + first.len_utf8();
    }))
}

fn full_name_before(text: &str, surname: &str, before: usize) -> Option<String> {
    let w = crate::words::Words::builtin();
    let head = text.get(..before)?;
    for at in occurrences(head, surname).take(4) {
        let after = head[at + surname.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let prefix = head[..at].strip_suffix(' ')?;
        let first = prefix
            .rsplit(|c: char| !(c.is_alphabetic() || c == '-' || c == '.'))
            .next()?;
        let ok = first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().count() > 1
            && !w.is_title(&first.to_lowercase())
            && !w.is_function(&first.to_lowercase());
        if ok {
            return Some(format!("{first} {surname}"));
        }
    }
    None
}

/// Comparison keys of one speaker, kept next to it so that resolving a
/// mention does not fold every earlier speaker's name again.
struct Keys {
    /// `key(name)`.
    name: String,
    /// `last_word(name)`.
    last: String,
    /// Number of words of the name.
    words: usize,
    /// `head_noun(role)`.
    role_head: Option<String>,
    /// `key(role)`.
    role_key: Option<String>,
    /// `gender_of(name, role)`, once a pronoun asked for it.
    gender: std::cell::Cell<Option<Option<Gender>>>,
}

impl Keys {
    /// [`gender_of`] the speaker `s` these are the keys of, computed when
    /// first asked.
    fn gender(&self, s: &Speaker) -> Option<Gender> {
        if let Some(g) = self.gender.get() {
            return g;
        }
        let g = gender_of(&s.name, s.role.as_deref());
        self.gender.set(Some(g));
        g
    }
}

impl Keys {
    /// [`Keys`] of a speaker whose name's `key` and `last_word` may be
    /// known already (computed for the mention that names it).
    fn of(s: &Speaker, name_key: Option<&str>, last: Option<&str>) -> Keys {
        Keys {
            name: name_key.map_or_else(|| key(&s.name), str::to_owned),
            last: last.map_or_else(|| last_word(&s.name), str::to_owned),
            words: s.name.split_whitespace().count(),
            role_head: s.role.as_deref().map(head_noun),
            role_key: s.role.as_deref().map(key),
            gender: std::cell::Cell::new(None),
        }
    }
}

/// Two buffers for the comparison keys of one mention ([`resolve_one`]).
#[derive(Default)]
struct KeyBufs {
    key: String,
    last: String,
}

fn resolve_one(
    text: &str,
    speakers: &mut Vec<Speaker>,
    keys: &mut Vec<Keys>,
    recent: &[usize],
    m: &Mention,
    np: &crate::np::Np,
    bufs: &mut KeyBufs,
) -> Option<usize> {
    let most_recent = |pred: &dyn Fn(&Speaker, &Keys) -> bool| {
        recent
            .iter()
            .rev()
            .copied()
            .find(|&i| pred(&speakers[i], &keys[i]))
    };
    let position = |pred: &dyn Fn(&Speaker, &Keys) -> bool| {
        speakers
            .iter()
            .zip(keys.iter())
            .position(|(s, k)| pred(s, k))
    };
    // Whether the name or role of an existing speaker changed.
    let mut changed = None;
    let mut name_changed = false;
    // Whether `bufs` hold the `key` and `last_word` of a new speaker's name.
    let mut known = (false, false);
    let found = match np.kind {
        MentionKind::Pronoun => {
            let p = m.text.as_str();
            // No other character folds to these ASCII letters.
            if p.eq_ignore_ascii_case("he") || p.eq_ignore_ascii_case("she") {
                // The most recent person the pronoun agrees with (the
                // gender is asked only of the persons looked at, once each).
                most_recent(&|s, ks| {
                    (s.kind == SpeakerKind::Person || s.kind == SpeakerKind::Unknown)
                        && agrees(ks.gender(s), p)
                })
            } else if p.eq_ignore_ascii_case("they") {
                most_recent(&|s, _| {
                    matches!(s.kind, SpeakerKind::Group | SpeakerKind::Organization)
                })
            } else if p.eq_ignore_ascii_case("it") {
                most_recent(&|s, _| s.kind == SpeakerKind::Organization)
            } else {
                None
            }
        }
        MentionKind::Name => {
            key_into(&np.name, &mut bufs.key);
            last_word_into(&np.name, &mut bufs.last);
            let (k, lw) = (bufs.key.as_str(), bufs.last.as_str());
            let multi = np.name.split_whitespace().count() >= 2;
            let exact = position(&|s, ks| {
                s.kind == SpeakerKind::Person
                    && ks.name == k
                    && !other_office(np.role.as_deref(), s.role.as_deref())
            });
            let idx = exact.or_else(|| {
                if multi {
                    // An earlier surname-only speaker with the same last name.
                    // (Not one who holds another office: `Superintendent
                    // Holloway` is not `union president James Holloway`.)
                    position(&|s, ks| {
                        s.kind == SpeakerKind::Person
                            && ks.words == 1
                            && ks.name == lw
                            && !other_office(np.role.as_deref(), s.role.as_deref())
                    })
                } else {
                    most_recent(&|s, ks| {
                        s.kind == SpeakerKind::Person
                            && ks.last == lw
                            && !other_office(np.role.as_deref(), s.role.as_deref())
                    })
                }
            });
            match idx {
                Some(i) => {
                    if multi && keys[i].words < 2 {
                        speakers[i].name = np.name.clone();
                        changed = Some(i);
                        name_changed = true;
                    }
                    // (A role of `None` given to a speaker without one
                    // changes nothing: its keys stay.)
                    if speakers[i].role.is_none() && np.role.is_some() {
                        speakers[i].role = np.role.clone();
                        changed = Some(i);
                    }
                    Some(i)
                }
                None => {
                    speakers.push(Speaker {
                        name: np.name.clone(),
                        role: np.role.clone(),
                        kind: SpeakerKind::Person,
                        mentions: Vec::new(),
                    });
                    known = (true, true);
                    Some(speakers.len() - 1)
                }
            }
        }
        MentionKind::Surname => {
            last_word_into(&np.name, &mut bufs.last);
            let lw = bufs.last.as_str();
            match most_recent(&|s, ks| s.kind == SpeakerKind::Person && ks.last == lw)
                .or_else(|| position(&|s, ks| s.kind == SpeakerKind::Person && ks.last == lw))
            {
                Some(i) => Some(i),
                None => {
                    // `… followed by Beatriz Mendonça-Lage, …` earlier in the
                    // text names the person in full.
                    let name = full_name_before(text, &np.name, m.span.start)
                        .unwrap_or_else(|| np.name.clone());
                    speakers.push(Speaker {
                        name,
                        role: None,
                        kind: SpeakerKind::Person,
                        mentions: Vec::new(),
                    });
                    Some(speakers.len() - 1)
                }
            }
        }
        MentionKind::Role => {
            // `head_noun(name)`, `key(name)`
            last_word_into(&np.name, &mut bufs.last);
            key_into(&np.name, &mut bufs.key);
            let (head, k) = (bufs.last.as_str(), bufs.key.as_str());
            let person = most_recent(&|s, ks| {
                s.kind == SpeakerKind::Person && ks.role_head.as_deref() == Some(head)
            });
            let person = person.or_else(|| {
                position(&|s, ks| {
                    s.kind == SpeakerKind::Person && ks.role_key.as_deref() == Some(k)
                })
            });
            match person
                .or_else(|| position(&|s, ks| s.kind == SpeakerKind::Unknown && ks.name == k))
            {
                Some(i) => Some(i),
                None => {
                    speakers.push(Speaker {
                        name: np.name.clone(),
                        role: np.role.clone(),
                        kind: SpeakerKind::Unknown,
                        mentions: Vec::new(),
                    });
                    known = (true, true);
                    Some(speakers.len() - 1)
                }
            }
        }
        MentionKind::Organization | MentionKind::Group => {
            let kind = if np.kind == MentionKind::Group {
                SpeakerKind::Group
            } else {
                SpeakerKind::Organization
            };
            key_into(&np.name, &mut bufs.key);
            let k = bufs.key.as_str();
            match position(&|s, ks| s.kind == kind && ks.name == k) {
                Some(i) => Some(i),
                None => {
                    speakers.push(Speaker {
                        name: np.name.clone(),
                        role: None,
                        kind,
                        mentions: Vec::new(),
                    });
                    known = (true, false);
                    Some(speakers.len() - 1)
                }
            }
        }
    };
    if let Some(i) = changed {
        if name_changed {
            // The mention's name: its keys are in `bufs`.
            keys[i] = Keys::of(&speakers[i], Some(&bufs.key), Some(&bufs.last));
        } else {
            // Only the role changed.
            let role = speakers[i].role.as_deref();
            keys[i].role_head = role.map(head_noun);
            keys[i].role_key = role.map(key);
            keys[i].gender.set(None);
        }
    }
    if keys.len() < speakers.len() {
        if let Some(s) = speakers.last() {
            let name_key = known.0.then_some(bufs.key.as_str());
            let last = known.1.then_some(bufs.last.as_str());
            keys.push(Keys::of(s, name_key, last));
        }
    }
    if let Some(i) = found {
        add_mention(&mut speakers[i], m);
    }
    found
}
