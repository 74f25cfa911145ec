//! Speaker resolution, the engine's last stage: the mentions of candidate
//! quotes (names, roles, organisations, pronouns and surnames) resolved to
//! one canonical speaker per document.

use std::collections::BTreeSet;

use super::np::{is_name_particle, is_person_noun, org_in_full, org_starting, us_state, Np};
use super::wordsets::{gendered_pronoun, relative_pronoun};
use super::Cand;
use crate::quote::Quote;
use crate::speaker::{Mention, MentionKind, Speaker, SpeakerKind};
use crate::words::{with_lowercase, WordSet};

type FxMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<crate::cue::FxHasher>>;

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
    cands: Vec<Cand>,
    persons: &[(Mention, Np)],
) -> (Vec<Quote>, Vec<Speaker>) {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut keys: Vec<Keys> = Vec::new();
    // The speakers by key and by order of use.
    let mut recent = Lookup::default();
    let mut by_start: FxMap<usize, Option<usize>> =
        FxMap::with_capacity_and_hasher(cands.len(), Default::default());
    // The mention of each quote that has one, so continuations can show it.
    // The quote (index into `quotes`) whose mention serves that start.
    let mut mention_at: FxMap<usize, usize> =
        FxMap::with_capacity_and_hasher(cands.len(), Default::default());
    let mut quotes = Vec::with_capacity(cands.len());
    // Why the quote at each start has no speaker, when its phrase names no
    // one (for the continuations that follow it).
    let mut no_speaker_at: FxMap<usize, &'static str> = FxMap::default();
    let mut bufs = KeyBufs::default();
    // The gender of each person in `persons`, once asked.
    let mut person_gender: Vec<Option<Option<Gender>>> = vec![None; persons.len()];
    for c in cands {
        let speaker = match (&c.mention, c.inherit) {
            (Some((m, np)), _) => {
                // `the airline` after `Northwind Air` was named: the
                // organisation in full.
                let full = class_org(text, m, np);
                let np = full.as_ref().unwrap_or(np);
                // `he`/`she` after a newly named person (`Tom Berg disagreed.
                // “…,” he said.`) refers to that person, not an older speaker.
                // (`np.name`: the pronoun of `He’s`.)
                let newer = (np.kind == MentionKind::Pronoun
                    && with_lowercase(&np.name, gendered_pronoun))
                .then(|| {
                    // (Before the content too: in `Mr. Trump … fits that
                    // bill, he added` the content's subject is not the
                    // speaker.)
                    let limit = m.span.start.min(c.span.start);
                    let pm_start = |k: usize| persons[k].0.span.start;
                    let k = persons.partition_point(|(pm, _)| pm.span.start < limit);
                    // The subjects since the last speaker's last mention,
                    // newest first: the newest that agrees.
                    (k.saturating_sub(3)..k)
                        .rev()
                        // (The newest person: a `they` that went to an
                        // organisation since is no newer antecedent.)
                        .take_while(|&k| {
                            recent.newest(Field::Personish, "").next().is_none_or(|r| {
                                speakers[r]
                                    .mentions
                                    .last()
                                    .is_none_or(|lm| lm.span.start < persons[k].0.span.start)
                            })
                        })
                        // (`Lisa Marchetti argued …` is no antecedent of `he`;
                        // nor `Clinton` when the Clinton of the text is
                        // Hillary.)
                        .find(|&k| {
                            let g = *person_gender[k].get_or_insert_with(|| {
                                let (_, pnp) = &persons[k];
                                // (A surname: the gender of the speaker
                                // or the full name it stands for.)
                                gender_of(&pnp.name, pnp.role.as_deref())
                                    .or_else(|| {
                                        let last = last_word(&pnp.name);
                                        let i = recent.newest(Field::PersonLast, &last).next()?;
                                        keys[i].gender(&speakers[i])
                                    })
                                    .or_else(|| {
                                        let last = pnp.name.split_whitespace().last()?;
                                        let full = full_name_before(text, last, pm_start(k))?;
                                        gender_of(&full, None)
                                    })
                            });
                            let name = &persons[k].1.name;
                            agrees(g, &np.name) && !is_place_name(name) && !all_caps(name)
                        })
                })
                .flatten()
                .map(|k| &persons[k]);
                match newer {
                    Some((pm, pnp)) => {
                        let id = resolve_one(
                            text,
                            &mut speakers,
                            &mut keys,
                            &mut recent,
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
                    None => resolve_one(
                        text,
                        &mut speakers,
                        &mut keys,
                        &mut recent,
                        m,
                        np,
                        &mut bufs,
                    ),
                }
            }
            (None, Some(src)) => by_start.get(&src).copied().flatten(),
            _ => None,
        };
        // A phrase that names no one (`Perhaps`, `63 percent`, `FULL
        // TEXT`) is no speaker; a continuation keeps its source's reason.
        // (An `he`/`she` that found no one is an unresolved pronoun.)
        let no_speaker = match (&c.mention, c.inherit) {
            (Some((_, np)), _) => match speaker {
                Some(s) => no_name_reason(&speakers[s].name),
                None => (np.kind == MentionKind::Pronoun
                    && with_lowercase(&np.name, gendered_pronoun))
                .then_some("unresolved pronoun"),
            },
            (None, Some(src)) => no_speaker_at.get(&src).copied(),
            _ => None,
        };
        let speaker = speaker.filter(|_| no_speaker.is_none());
        if let Some(why) = no_speaker {
            no_speaker_at.insert(c.span.start, why);
        }
        // A speaker met only through a relative pronoun (`…, particularly
        // Chris Christie, who say …. He dismissed …`) is not the one a
        // later `he`/`she` means: the clause is about someone the sentence
        // mentions in passing, so the sentence's subject stays the newest.
        // (`Trump, who relishes …, was understated. He …`: a relative
        // clause on the sentence's own subject leaves it the newest.)
        let relative = c.mention.as_ref().is_some_and(|(m, np)| {
            with_lowercase(&m.text, relative_pronoun)
                && !opens_sentence(text, &np.name, m.span.start)
        });
        if let Some(s) = speaker.filter(|_| !relative) {
            recent.touch(s, speakers[s].kind, &keys[s]);
        }
        by_start.insert(c.span.start, speaker);
        if c.mention.is_some() {
            mention_at.insert(c.span.start, quotes.len());
        }
        quotes.push(Quote {
            kind: c.kind,
            span: c.span,
            parts: Vec::new(),
            fragment: c.fragment,
            cue: c.cue,
            mention: c.mention.map(|(m, _)| m).or_else(|| {
                c.inherit
                    .and_then(|src| mention_at.get(&src))
                    .and_then(|&q| quotes.get(q))
                    .and_then(|q: &Quote| q.mention.clone())
            }),
            speaker,
            // Type and calibrated confidences: set by `assess::assess`.
            quote_type: crate::QuoteType::Speech,
            confidence: c.confidence.clamp(0.0, 1.0),
            speaker_confidence: 0.0,
            reason: c.reason.to_string(),
            no_speaker,
        });
    }
    (quotes, speakers)
}

/// `the airline`, `the club`, `the utility` (a definite class noun as the
/// speaker) as the one organisation of that class the text named in full
/// before the mention ([`org_in_full`]), when there is exactly one.
fn class_org(text: &str, m: &Mention, np: &Np) -> Option<Np> {
    if !matches!(np.kind, MentionKind::Organization | MentionKind::Role)
        || np.name.contains(' ')
        || !m
            .text
            .get(..4)
            .is_some_and(|d| d.eq_ignore_ascii_case("the "))
    {
        return None;
    }
    let noun = np.name.to_lowercase();
    let name = org_in_full(text, m.span.start, &noun)?;
    Some(Np {
        kind: MentionKind::Organization,
        name,
        role: None,
        ..np.clone()
    })
}

/// Why a speaker named `name` is no one, when it is none: a number or
/// percentage alone (`63 percent`, `18%`), a phrase of
/// `data/not_names.tsv` (`FULL TEXT`, `when`, `Perhaps`, `Southern`), or a
/// pronoun with a contracted verb or a possessive pronoun written as a name
/// (`I’m`, `They’re`, `his`).
///
/// ```text
/// 63 percent → number; Friday → time word; Perhaps → not a name;
/// You’ve → unresolved pronoun; Ana Ruiz, 72 percent of Democrats → none
/// ```
pub(super) fn no_name_reason(name: &str) -> Option<&'static str> {
    static LIST: std::sync::OnceLock<FxMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    let name = name.trim();
    // (Names are rarely this short or long: most names stop here.)
    if name.len() > 24 || name.is_empty() {
        return None;
    }
    let numeric = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '-'))
    };
    let mut words = name.split_whitespace();
    if words.next().is_some_and(numeric)
        && words
            .all(|w| numeric(w) || with_lowercase(w, |l| matches!(l, "percent" | "per" | "cent")))
    {
        return Some("number");
    }
    let list = LIST.get_or_init(|| {
        include_str!("../../data/not_names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    let folded = if name.contains('’') {
        std::borrow::Cow::Owned(name.replace('’', "'"))
    } else {
        std::borrow::Cow::Borrowed(name)
    };
    with_lowercase(&folded, |l| {
        list.get(l).copied().or_else(|| {
            let (base, rest) = l.split_once('\'').unwrap_or((l, ""));
            let pronoun = matches!(
                base,
                "i" | "you" | "we" | "they" | "it" | "who" | "that" | "there"
            );
            let contracted = matches!(rest, "m" | "ve" | "re" | "ll" | "d" | "s");
            let possessive = rest.is_empty()
                && matches!(l, "his" | "her" | "its" | "their" | "him" | "them" | "it");
            (pronoun && contracted || possessive).then_some("unresolved pronoun")
        })
    })
}

/// The given names of `data/first_names.txt` (female, male), lower case.
fn given_name_sets() -> &'static (WordSet, WordSet) {
    static NAMES: std::sync::OnceLock<(WordSet, WordSet)> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let (female, male) = crate::name::given_names();
        (
            WordSet::new(female.iter().copied()),
            WordSet::new(male.iter().copied()),
        )
    })
}

/// Whether `lower` (a lower-case word) is a given name of either gender.
pub(super) fn is_given_name(lower: &str) -> bool {
    let (female, male) = given_name_sets();
    female.contains(lower) || male.contains(lower)
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
    let (female, male) = given_name_sets();
    // `Associated Press’s Lisa Lerer`: the person's name follows the last
    // possessive.
    let name = name
        .rfind("’s ")
        .map(|i| &name[i + "’s ".len()..])
        .or_else(|| name.rfind("'s ").map(|i| &name[i + 3..]))
        .unwrap_or(name);
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

/// Whether the relative pronoun at byte `at` follows `name` opening its
/// sentence (`Trump, who …`), so that the clause is about the sentence's
/// subject.
fn opens_sentence(text: &str, name: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    let before = before.trim_end().trim_end_matches(',').trim_end();
    let last = name.split_whitespace().last().unwrap_or(name);
    let Some(i) = before
        .rfind(last)
        .filter(|&i| i + last.len() == before.len())
    else {
        return false;
    };
    // The words before the surname: its given name or title, then the
    // sentence's start.
    let head = before[..i].trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            matches!(
                c,
                '.' | '!' | '?' | '\n' | '"' | '“' | '”' | ':' | ';' | ','
            )
        })
        .map_or(0, |(k, c)| k + c.len_utf8());
    let words = head[start..].split_whitespace().count();
    words <= 3 && name.split_whitespace().count() + 1 >= words
}

/// Whether speaker `s` may be a person `he`/`she` refers to: a person's
/// name that is not a place (`Vermont`), or an unnamed speaker whose head
/// noun names a person (`a top aide`, not `the email dump`).
fn person_like(s: &Speaker) -> bool {
    if all_caps(&s.name) || no_name_reason(&s.name).is_some() {
        return false;
    }
    match s.kind {
        SpeakerKind::Person => !is_place_name(&s.name),
        SpeakerKind::Unknown => {
            let head = s.name.split_whitespace().last().unwrap_or_default();
            let head = head.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            gender_of(&s.name, s.role.as_deref()).is_some() || with_lowercase(head, is_person_noun)
        }
        _ => false,
    }
}

/// A name in capitals only (`FULL TEXT`, `ISIL`, `HP`): a heading or an
/// organisation's initials, never the person a `he`/`she` means.
pub(super) fn all_caps(name: &str) -> bool {
    let mut letters = name.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// A place written as a name (`South Carolina`, `Vermont`, `Paris`): a US
/// state or a place of `data/places.txt`.
fn is_place_name(name: &str) -> bool {
    let n = name.trim();
    let n = n.strip_prefix("the ").unwrap_or(n);
    with_lowercase(n, |l| {
        us_state(l) || !l.contains(' ') && crate::words::Words::builtin().is_place(l)
    })
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
        "coun" | "councillor" | "councilor" | "councilman" | "councilwoman" | "alderman" => {
            Some("councillor")
        }
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

/// Whether the person named `np` (of gender `g`, when its title or given
/// name shows one) is someone else than speaker `s` of the same surname:
/// the two show different genders (`Mr. Clinton`, `Hillary Clinton`), or
/// both names start with a different given name (`Bill Clinton`, `Hillary
/// Clinton`).
fn other_person(np: &Np, g: Option<Gender>, s: &Speaker, ks: &Keys) -> bool {
    if g.is_some_and(|g| ks.gender(s).is_some_and(|h| h != g)) {
        return true;
    }
    let given = |name: &str| {
        let mut words = name.split_whitespace();
        let first = words.next()?;
        words.next()?;
        let first = first.to_lowercase();
        is_given_name(&first).then_some(first)
    };
    matches!((given(&np.name), given(&s.name)), (Some(a), Some(b)) if a != b)
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

/// The number of words of a name, a surname with its particles counting
/// as one (`de Blasio`, `De Blasio` are a surname alone, `Bill de Blasio`
/// a full name). (`Al` opens `Al Gore`: only `al` in lower case.)
fn name_words(name: &str) -> usize {
    let mut words = name.split_whitespace().peekable();
    let mut n = 0;
    while let Some(w) = words.next() {
        let particle = words.peek().is_some()
            && (is_name_particle(w) || w != "Al" && with_lowercase(w, is_name_particle));
        n += usize::from(!particle);
    }
    n
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
pub(super) fn occurrences<'h>(
    hay: &'h str,
    needle: &'h str,
) -> Box<dyn Iterator<Item = usize> + 'h> {
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
            // `John Q. Harlan`: a middle initial is no given name; the word
            // before it is.
            let initial = first.len() == 2 && first.ends_with('.');
            let given = initial
                .then(|| {
                    let before = prefix[..prefix.len() - first.len()].strip_suffix(' ')?;
                    let g = before
                        .rsplit(|c: char| !(c.is_alphabetic() || c == '-'))
                        .next()?;
                    let l = g.to_lowercase();
                    (g.starts_with(char::is_uppercase)
                        && g.chars().count() > 1
                        && !w.is_title(&l)
                        && !w.is_function(&l))
                    .then_some(g)
                })
                .flatten();
            return Some(match given {
                Some(g) => format!("{g} {first} {surname}"),
                None => format!("{first} {surname}"),
            });
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
            words: name_words(&s.name),
            role_head: s.role.as_deref().map(head_noun),
            role_key: s.role.as_deref().map(key),
            gender: std::cell::Cell::new(None),
        }
    }
}

/// What [`resolve_one`] looks a speaker up by (with a key string; the
/// last three with the empty key: every speaker of that kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    PersonName,
    PersonSingleName,
    PersonLast,
    PersonRoleHead,
    PersonRoleKey,
    UnknownName,
    OrgName,
    GroupName,
    /// Persons and unknown speakers (`he`, `she`).
    Personish,
    AnyOrg,
    AnyGroup,
}

/// The fields a speaker of `kind` with keys `ks` is found by.
fn fields(kind: SpeakerKind, ks: &Keys) -> Vec<(Field, &str)> {
    let mut out = Vec::with_capacity(6);
    match kind {
        SpeakerKind::Person => {
            out.push((Field::PersonName, ks.name.as_str()));
            // (By the surname: `de Blasio` is a single name too.)
            if ks.words == 1 {
                out.push((Field::PersonSingleName, ks.last.as_str()));
            }
            out.push((Field::PersonLast, ks.last.as_str()));
            if let Some(h) = &ks.role_head {
                out.push((Field::PersonRoleHead, h.as_str()));
            }
            if let Some(k) = &ks.role_key {
                out.push((Field::PersonRoleKey, k.as_str()));
            }
            out.push((Field::Personish, ""));
        }
        SpeakerKind::Unknown => {
            out.push((Field::UnknownName, ks.name.as_str()));
            out.push((Field::Personish, ""));
        }
        SpeakerKind::Organization => {
            out.push((Field::OrgName, ks.name.as_str()));
            out.push((Field::AnyOrg, ""));
        }
        SpeakerKind::Group => {
            out.push((Field::GroupName, ks.name.as_str()));
            out.push((Field::AnyGroup, ""));
        }
    }
    out
}

/// The speakers with one key: by index, and those used by (stamp, index).
type KeySets = (BTreeSet<usize>, BTreeSet<(u64, usize)>);

/// The speakers of a document by [`Field`] and key: the first speaker
/// (lowest index) and the most recently used ones, so that resolving a
/// mention costs O(log n) instead of a scan of every speaker.
#[derive(Default)]
struct Lookup {
    /// Use counter.
    tick: u64,
    /// When each speaker was last used (0: never).
    stamp: Vec<u64>,
    /// The speaker used last.
    last: Option<usize>,
    /// Per [`Field`] (as index) and key: the speakers with that key, and
    /// those used at least once by (stamp, speaker).
    sets: Vec<FxMap<String, KeySets>>,
}

impl Lookup {
    fn add(&mut self, i: usize, kind: SpeakerKind, ks: &Keys) {
        if self.stamp.len() <= i {
            self.stamp.resize(i + 1, 0);
        }
        if self.sets.is_empty() {
            self.sets
                .resize_with(Field::AnyGroup as usize + 1, FxMap::default);
        }
        let stamp = self.stamp[i];
        for (f, k) in fields(kind, ks) {
            let map = &mut self.sets[f as usize];
            let e = match map.get_mut(k) {
                Some(e) => e,
                None => map.entry(k.to_owned()).or_default(),
            };
            e.0.insert(i);
            if stamp > 0 {
                e.1.insert((stamp, i));
            }
        }
    }

    fn remove(&mut self, i: usize, kind: SpeakerKind, ks: &Keys) {
        let stamp = self.stamp.get(i).copied().unwrap_or(0);
        for (f, k) in fields(kind, ks) {
            if let Some(e) = self.sets.get_mut(f as usize).and_then(|m| m.get_mut(k)) {
                e.0.remove(&i);
                e.1.remove(&(stamp, i));
            }
        }
    }

    /// Speaker `i` was used now.
    fn touch(&mut self, i: usize, kind: SpeakerKind, ks: &Keys) {
        self.remove(i, kind, ks);
        if self.stamp.len() <= i {
            self.stamp.resize(i + 1, 0);
        }
        self.tick += 1;
        self.stamp[i] = self.tick;
        self.last = Some(i);
        self.add(i, kind, ks);
    }

    fn get(&self, f: Field, k: &str) -> Option<&KeySets> {
        self.sets.get(f as usize).and_then(|m| m.get(k))
    }

    /// The first speaker with key `k`.
    fn first(&self, f: Field, k: &str) -> Option<usize> {
        self.get(f, k).and_then(|e| e.0.first().copied())
    }

    /// The speakers with key `k`, lowest index first.
    fn all(&self, f: Field, k: &str) -> impl Iterator<Item = usize> + '_ {
        self.get(f, k).into_iter().flat_map(|e| e.0.iter().copied())
    }

    /// The used speakers with key `k`, most recent first.
    fn newest(&self, f: Field, k: &str) -> impl Iterator<Item = usize> + '_ {
        self.get(f, k)
            .into_iter()
            .flat_map(|e| e.1.iter().rev().map(|&(_, i)| i))
    }

    /// The most recently used speaker with key `k`, with its stamp.
    fn newest_stamp(&self, f: Field, k: &str) -> Option<(u64, usize)> {
        self.get(f, k).and_then(|e| e.1.last().copied())
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
    recent: &mut Lookup,
    m: &Mention,
    np: &Np,
    bufs: &mut KeyBufs,
) -> Option<usize> {
    // (Lookups by key in `recent`, not scans of every speaker: a document
    // of 80,000 speakers was quadratic.)
    let most_recent = |field: Field, key: &str| recent.newest(field, key).next();
    let position = |field: Field, key: &str| recent.first(field, key);
    // Whether the name or role of an existing speaker changed.
    let mut changed = None;
    let mut name_changed = false;
    // Whether `bufs` hold the `key` and `last_word` of a new speaker's name.
    let mut known = (false, false);
    // The gender a name mention shows for the speaker it joins.
    let mut shown_gender = None;
    let found = match np.kind {
        MentionKind::Pronoun => {
            let p = np.name.as_str();
            if with_lowercase(p, gendered_pronoun) {
                // The most recent person the pronoun agrees with (the
                // gender is asked only of the persons looked at, once each).
                // (Never a place or a thing: `South Carolina`, `the State
                // Department’s recent email dump`.)
                recent
                    .newest(Field::Personish, "")
                    .find(|&i| agrees(keys[i].gender(&speakers[i]), p) && person_like(&speakers[i]))
            } else if p.eq_ignore_ascii_case("they") {
                let group = recent.newest_stamp(Field::AnyGroup, "");
                let org = recent.newest_stamp(Field::AnyOrg, "");
                group.max(org).map(|(_, i)| i)
            } else if p.eq_ignore_ascii_case("it") {
                most_recent(Field::AnyOrg, "")
            } else {
                None
            }
        }
        MentionKind::Name => {
            key_into(&np.name, &mut bufs.key);
            last_word_into(&np.name, &mut bufs.last);
            let (k, lw) = (bufs.key.as_str(), bufs.last.as_str());
            let multi = name_words(&np.name) >= 2;
            // (Not a speaker who holds another office: `Superintendent
            // Holloway` is not `union president James Holloway`.)
            // (Nor one whose title, gender or given name shows another
            // person: `Mr. Clinton` is not `Mrs. Clinton`, `Bill Clinton`
            // not `Hillary Clinton`.)
            let gender = std::cell::OnceCell::new();
            let office_ok = |i: usize| {
                !other_office(np.role.as_deref(), speakers[i].role.as_deref())
                    && !other_person(
                        np,
                        *gender.get_or_init(|| gender_of(&np.name, np.role.as_deref())),
                        &speakers[i],
                        &keys[i],
                    )
            };
            let exact = recent.all(Field::PersonName, k).find(|&i| office_ok(i));
            let idx = exact.or_else(|| {
                if multi {
                    // An earlier surname-only speaker with the same last name.
                    recent
                        .all(Field::PersonSingleName, lw)
                        .find(|&i| office_ok(i))
                } else {
                    recent.newest(Field::PersonLast, lw).find(|&i| office_ok(i))
                }
            });
            match idx {
                Some(i) => {
                    // `Mr. van der Berg` joining `Mayor Gerrit van der Berg`:
                    // the title shows the person's gender from now on, so
                    // that `Ms. van der Berg` is someone else.
                    shown_gender = *gender.get_or_init(|| gender_of(&np.name, np.role.as_deref()));
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
            match most_recent(Field::PersonLast, lw).or_else(|| position(Field::PersonLast, lw)) {
                Some(i) => Some(i),
                None => {
                    // `… followed by Beatriz Mendonça-Lage, …` earlier in the
                    // text names the person in full.
                    // (Else `Brightline Home Products` before `Brightline
                    // said` names an organisation.)
                    let (name, kind) = match full_name_before(text, &np.name, m.span.start) {
                        Some(n) => (n, SpeakerKind::Person),
                        None => org_starting(text, m.span.start, &np.name).map_or_else(
                            || (np.name.clone(), SpeakerKind::Person),
                            |n| (n, SpeakerKind::Organization),
                        ),
                    };
                    let org = (kind == SpeakerKind::Organization)
                        .then(|| position(Field::OrgName, &key(&name)))
                        .flatten();
                    if org.is_some() {
                        org
                    } else {
                        speakers.push(Speaker {
                            name,
                            role: None,
                            kind,
                            mentions: Vec::new(),
                        });
                        Some(speakers.len() - 1)
                    }
                }
            }
        }
        MentionKind::Role => {
            // `head_noun(name)`, `key(name)`
            last_word_into(&np.name, &mut bufs.last);
            key_into(&np.name, &mut bufs.key);
            let (head, k) = (bufs.last.as_str(), bufs.key.as_str());
            let person = most_recent(Field::PersonRoleHead, head);
            let person = person.or_else(|| position(Field::PersonRoleKey, k));
            match person.or_else(|| position(Field::UnknownName, k)) {
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
            let field = if kind == SpeakerKind::Group {
                Field::GroupName
            } else {
                Field::OrgName
            };
            match position(field, k) {
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
        recent.remove(i, speakers[i].kind, &keys[i]);
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
        recent.add(i, speakers[i].kind, &keys[i]);
    }
    if keys.len() < speakers.len() {
        if let Some(s) = speakers.last() {
            let name_key = known.0.then_some(bufs.key.as_str());
            let last = known.1.then_some(bufs.last.as_str());
            keys.push(Keys::of(s, name_key, last));
            recent.add(keys.len() - 1, s.kind, &keys[keys.len() - 1]);
        }
    }
    if let Some(i) = found {
        if let Some(g) = shown_gender.filter(|_| keys[i].gender(&speakers[i]).is_none()) {
            keys[i].gender.set(Some(Some(g)));
        }
        add_mention(&mut speakers[i], m);
    }
    found
}
