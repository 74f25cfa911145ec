//! Speakers and their mentions: names, roles, organisations, pronouns and
//! surnames, resolved to one canonical speaker per document.

use serde::{Deserialize, Serialize};

use crate::span::Span;

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
) -> (Vec<crate::quote::Quote>, Vec<Speaker>) {
    let _ = text;
    let mut speakers: Vec<Speaker> = Vec::new();
    // Order of use, most recent last.
    let mut recent: Vec<usize> = Vec::new();
    let mut by_start: Vec<(usize, Option<usize>)> = Vec::new();
    // The mention of each quote that has one, so continuations can show it.
    let mut mention_at: Vec<(usize, Mention)> = Vec::new();
    let mut quotes = Vec::with_capacity(cands.len());
    for c in cands {
        let speaker = match (&c.mention, c.inherit) {
            (Some((m, np)), _) => resolve_one(&mut speakers, &recent, m, np),
            (None, Some(src)) => by_start
                .iter()
                .rev()
                .find(|(s, _)| *s == src)
                .and_then(|(_, sp)| *sp),
            _ => None,
        };
        if let Some(s) = speaker {
            recent.retain(|&r| r != s);
            recent.push(s);
        }
        by_start.push((c.span.start, speaker));
        if let Some((m, _)) = &c.mention {
            mention_at.push((c.span.start, m.clone()));
        }
        quotes.push(crate::quote::Quote {
            kind: c.kind,
            span: c.span,
            fragment: c.fragment,
            cue: c.cue,
            mention: c.mention.map(|(m, _)| m).or_else(|| {
                c.inherit.and_then(|src| {
                    mention_at
                        .iter()
                        .rev()
                        .find(|(s, _)| *s == src)
                        .map(|(_, m)| m.clone())
                })
            }),
            speaker,
            confidence: c.confidence.clamp(0.0, 1.0),
            reason: c.reason.to_string(),
        });
    }
    (quotes, speakers)
}

fn key(s: &str) -> String {
    let l = s.trim().to_lowercase().replace('’', "'");
    let l = l.strip_prefix("the ").unwrap_or(&l).to_string();
    l.trim_end_matches("'s").trim_end_matches('\'').to_string()
}

fn last_word(s: &str) -> String {
    key(s.split_whitespace().last().unwrap_or(""))
}

fn head_noun(role: &str) -> String {
    last_word(role)
}

fn add_mention(sp: &mut Speaker, m: &Mention) {
    if !sp.mentions.iter().any(|x| x.span == m.span) {
        sp.mentions.push(m.clone());
        sp.mentions.sort_by_key(|x| x.span.start);
    }
}

fn resolve_one(
    speakers: &mut Vec<Speaker>,
    recent: &[usize],
    m: &Mention,
    np: &crate::np::Np,
) -> Option<usize> {
    let most_recent = |pred: &dyn Fn(&Speaker) -> bool| {
        recent.iter().rev().copied().find(|&i| pred(&speakers[i]))
    };
    let found = match np.kind {
        MentionKind::Pronoun => {
            let p = m.text.to_lowercase();
            match p.as_str() {
                "he" | "she" | "who" => most_recent(&|s| {
                    s.kind == SpeakerKind::Person || s.kind == SpeakerKind::Unknown
                }),
                "they" => most_recent(&|s| {
                    matches!(s.kind, SpeakerKind::Group | SpeakerKind::Organization)
                }),
                "it" => most_recent(&|s| s.kind == SpeakerKind::Organization),
                _ => None,
            }
        }
        MentionKind::Name => {
            let k = key(&np.name);
            let lw = last_word(&np.name);
            let multi = np.name.split_whitespace().count() >= 2;
            let exact = speakers
                .iter()
                .position(|s| s.kind == SpeakerKind::Person && key(&s.name) == k);
            let idx = exact.or_else(|| {
                if multi {
                    // An earlier surname-only speaker with the same last name.
                    speakers.iter().position(|s| {
                        s.kind == SpeakerKind::Person
                            && s.name.split_whitespace().count() == 1
                            && key(&s.name) == lw
                    })
                } else {
                    most_recent(&|s| s.kind == SpeakerKind::Person && last_word(&s.name) == lw)
                }
            });
            match idx {
                Some(i) => {
                    if multi && speakers[i].name.split_whitespace().count() < 2 {
                        speakers[i].name = np.name.clone();
                    }
                    if speakers[i].role.is_none() {
                        speakers[i].role = np.role.clone();
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
                    Some(speakers.len() - 1)
                }
            }
        }
        MentionKind::Surname => {
            let lw = last_word(&np.name);
            match most_recent(&|s| s.kind == SpeakerKind::Person && last_word(&s.name) == lw)
                .or_else(|| {
                    speakers
                        .iter()
                        .position(|s| s.kind == SpeakerKind::Person && last_word(&s.name) == lw)
                }) {
                Some(i) => Some(i),
                None => {
                    speakers.push(Speaker {
                        name: np.name.clone(),
                        role: None,
                        kind: SpeakerKind::Person,
                        mentions: Vec::new(),
                    });
                    Some(speakers.len() - 1)
                }
            }
        }
        MentionKind::Role => {
            let head = head_noun(&np.name);
            let k = key(&np.name);
            let person = most_recent(&|s| {
                s.kind == SpeakerKind::Person
                    && s.role.as_deref().is_some_and(|r| head_noun(r) == head)
            });
            let person = person.or_else(|| {
                speakers.iter().position(|s| {
                    s.kind == SpeakerKind::Person && s.role.as_deref().is_some_and(|r| key(r) == k)
                })
            });
            match person.or_else(|| {
                speakers
                    .iter()
                    .position(|s| s.kind == SpeakerKind::Unknown && key(&s.name) == k)
            }) {
                Some(i) => Some(i),
                None => {
                    speakers.push(Speaker {
                        name: np.name.clone(),
                        role: np.role.clone(),
                        kind: SpeakerKind::Unknown,
                        mentions: Vec::new(),
                    });
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
            let k = key(&np.name);
            match speakers
                .iter()
                .position(|s| s.kind == kind && key(&s.name) == k)
            {
                Some(i) => Some(i),
                None => {
                    speakers.push(Speaker {
                        name: np.name.clone(),
                        role: None,
                        kind,
                        mentions: Vec::new(),
                    });
                    Some(speakers.len() - 1)
                }
            }
        }
    };
    if let Some(i) = found {
        add_mention(&mut speakers[i], m);
    }
    found
}
