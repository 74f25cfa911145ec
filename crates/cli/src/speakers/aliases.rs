//! The user's speaker file (`--speakers FILE`): a newsroom's style sheet of
//! who is who, to merge or split speakers by hand.
//!
//! CSV with a header `key,name,aliases`: `key` is the speaker key to use,
//! `name` the display name, `aliases` the other ways the person is written,
//! separated by `;`. A speaker whose name (as the engine resolved it, or as
//! read without titles) or one of whose mentions is the name or an alias
//! (compared case-folded, NFC) gets that key; `speakers.csv` lists the
//! alias that matched in `matched_aliases`.
//!
//! ```text
//! key,name,aliases
//! bill-clinton,Bill Clinton,Mr. Clinton;former President Clinton
//! hillary-clinton,Hillary Clinton,Mrs. Clinton;Hillary Rodham Clinton;Secretary Clinton
//! ```

use std::collections::HashMap;
use std::path::Path;

use quotecheck_core::SpeakerRecord;

use super::name::fold;

/// An error in a speaker file, naming the file and the line.
#[derive(Debug, thiserror::Error)]
pub enum AliasError {
    /// The file could not be read.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A row is malformed.
    #[error("{path}:{line}: {message}")]
    Row {
        /// The file.
        path: String,
        /// 1-based line.
        line: u64,
        /// What went wrong.
        message: String,
    },
}

/// One person of the speaker file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    key: String,
    name: String,
}

/// The user's speakers, looked up by folded name or alias.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    people: Vec<Person>,
    /// folded alias -> (person, alias as written).
    by_alias: HashMap<String, (usize, String)>,
}

impl Aliases {
    /// Read a speaker file.
    pub fn read(path: &Path) -> Result<Aliases, AliasError> {
        let shown = path.display().to_string();
        let data = std::fs::read(path).map_err(|e| AliasError::Io {
            path: shown.clone(),
            message: crate::input::io_message(&e),
        })?;
        Aliases::parse(&data, &shown)
    }

    /// Parse a speaker file's bytes (`path` names it in errors).
    pub fn parse(data: &[u8], path: &str) -> Result<Aliases, AliasError> {
        let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::All)
            .from_reader(data);
        let row_err = |line: u64, message: String| AliasError::Row {
            path: path.to_string(),
            line,
            message,
        };
        let headers = reader
            .headers()
            .map_err(|e| row_err(1, e.to_string()))?
            .clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(k), Some(n)) = (col("key"), col("name")) else {
            return Err(row_err(1, "expected a header `key,name,aliases`".into()));
        };
        let a = col("aliases");
        let mut out = Aliases::default();
        for rec in reader.records() {
            let rec = rec.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                row_err(line, e.to_string())
            })?;
            let line = rec.position().map_or(0, |p| p.line());
            let key = rec.get(k).unwrap_or_default().to_string();
            let name = rec.get(n).unwrap_or_default().to_string();
            if key.is_empty() || name.is_empty() {
                return Err(row_err(line, "empty key or name".into()));
            }
            if out.people.iter().any(|p| p.key == key) {
                return Err(row_err(line, format!("key `{key}` listed twice")));
            }
            let i = out.people.len();
            out.people.push(Person {
                key,
                name: name.clone(),
            });
            let aliases = a.and_then(|a| rec.get(a)).unwrap_or_default();
            for alias in std::iter::once(name.as_str()).chain(aliases.split(';')) {
                let alias = alias.trim();
                if alias.is_empty() {
                    continue;
                }
                let f = fold(alias);
                if let Some((j, _)) = out.by_alias.get(&f) {
                    if *j != i {
                        return Err(row_err(
                            line,
                            format!("alias `{alias}` also belongs to `{}`", out.people[*j].key),
                        ));
                    }
                }
                out.by_alias.insert(f, (i, alias.to_string()));
            }
        }
        Ok(out)
    }

    /// Whether the file lists nobody.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The (key, display name, matched alias) of speaker `rec`, whose name
    /// without titles is `display`: its name first, then that reading,
    /// then its mentions in order.
    pub fn lookup(&self, rec: &SpeakerRecord, display: &str) -> Option<(&str, &str, &str)> {
        self.lookup_names(
            &rec.speaker,
            display,
            rec.mentions.iter().map(String::as_str),
        )
    }

    /// [`Aliases::lookup`] of a speaker's name, its reading without
    /// titles, and its mentions.
    pub fn lookup_names<'m>(
        &self,
        speaker: &'m str,
        display: &'m str,
        mentions: impl Iterator<Item = &'m str>,
    ) -> Option<(&str, &str, &str)> {
        if self.is_empty() {
            return None;
        }
        std::iter::once(speaker)
            .chain(std::iter::once(display))
            .chain(mentions)
            .find_map(|n| self.by_alias.get(&fold(n)))
            .map(|(i, alias)| {
                let p = &self.people[*i];
                (p.key.as_str(), p.name.as_str(), alias.as_str())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_lookup() {
        let a = Aliases::parse(
            "key,name,aliases\nbill-clinton,Bill Clinton,Mr. Clinton; Former President Clinton\n"
                .as_bytes(),
            "s.csv",
        )
        .unwrap_or_default();
        let rec = SpeakerRecord {
            doc_id: "d".into(),
            speaker: "Clinton".into(),
            role: String::new(),
            kind: "person".into(),
            mentions: vec!["MR. CLINTON".into()],
            quote_count: 1,
        };
        assert_eq!(
            a.lookup(&rec, "Clinton"),
            Some(("bill-clinton", "Bill Clinton", "Mr. Clinton"))
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = Aliases::parse(b"key,name\na,A\na,B\n", "s.csv").err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("s.csv:3: key `a` listed twice".into())
        );
        let e = Aliases::parse(b"id,who\n", "s.csv").err();
        assert!(e.is_some_and(|e| e.to_string().starts_with("s.csv:1:")));
        let e = Aliases::parse(b"key,name,aliases\na,A,X\nb,B,x\n", "s.csv").err();
        assert!(e.is_some_and(|e| e.to_string().contains("also belongs to `a`")));
    }
}
