//! Fact-check files: claims already checked, with their verdicts.
//!
//! Three formats, chosen by the file's extension:
//!
//! - **CSV** (`.csv`) with a header row: columns `id` and `claim`
//!   (required), `verdict`, `url`, `date` (optional, any order; other
//!   columns are ignored);
//! - **JSON Lines** (`.jsonl`, `.ndjson`): one object per line with the same
//!   fields (`id` may be a number); blank lines are skipped;
//! - **JSON** (`.json`): schema.org `ClaimReview` markup — one `ClaimReview`
//!   object, a list of them, or a feed holding them (`@graph`,
//!   `itemListElement`, or a `DataFeed`'s `dataFeedElement[].item`); the
//!   claim is `claimReviewed`, the verdict `reviewRating.alternateName`,
//!   the id `@id`, else `url`, else the position in the file; the date
//!   `datePublished`. A list of plain `{id, claim, …}` objects is read too.
//!
//! A bad file is an error naming the file and the position (line, or
//! line:column for JSON; the record's position in a ClaimReview list).
//!
//! ```
//! use quotecheck_claims::factcheck::parse_claim_review;
//! let json = r#"{"@type": "ClaimReview", "url": "https://example.org/fc/1",
//!   "claimReviewed": "The moon landing was faked",
//!   "reviewRating": {"@type": "Rating", "alternateName": "False"}}"#;
//! let checks = parse_claim_review(json, "fc.json").unwrap();
//! assert_eq!(checks[0].verdict, "False");
//! assert_eq!(checks[0].id, "https://example.org/fc/1");
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

/// One checked claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactCheck {
    /// The fact-check's id.
    pub id: String,
    /// The claim that was checked.
    pub claim: String,
    /// The verdict (`False`, `Mostly true`, …); empty when not given.
    #[serde(default)]
    pub verdict: String,
    /// The fact-check's address; empty when not given.
    #[serde(default)]
    pub url: String,
    /// When it was published; empty when not given.
    #[serde(default)]
    pub date: String,
}

/// A fact-check file that cannot be read.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{path}{}: {message}", position.as_ref().map(|p| format!(":{p}")).unwrap_or_default())]
pub struct FactCheckError {
    /// The file.
    pub path: String,
    /// Where in the file (`12` for a line, `3:7` for line:column, `record 4`).
    pub position: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl FactCheckError {
    fn new(path: &str, position: Option<String>, message: impl Into<String>) -> Self {
        FactCheckError {
            path: path.to_string(),
            position,
            message: message.into(),
        }
    }
}

/// Read a fact-check file (format by extension, see the module docs).
pub fn read_factchecks(path: &Path) -> Result<Vec<FactCheck>, FactCheckError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| FactCheckError::new(&name, None, e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        FactCheckError::new(&name, Some(format!("byte {offset}")), "invalid UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let checks = match ext.as_str() {
        "csv" => parse_csv(text, &name)?,
        "jsonl" | "ndjson" => parse_jsonl(text, &name)?,
        "json" => parse_claim_review(text, &name)?,
        _ => {
            return Err(FactCheckError::new(
                &name,
                None,
                "unknown fact-check format (expected .csv, .jsonl, .ndjson or .json)",
            ))
        }
    };
    if checks.is_empty() {
        return Err(FactCheckError::new(
            &name,
            None,
            "no fact-checks in the file",
        ));
    }
    Ok(checks)
}

/// A JSON id (string or number) as text.
fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn str_field(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Parse fact-checks in CSV (see the module docs); `name` is for errors.
pub fn parse_csv(text: &str, name: &str) -> Result<Vec<FactCheck>, FactCheckError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let err =
        |line: Option<u64>, m: String| FactCheckError::new(name, line.map(|l| l.to_string()), m);
    let headers = reader
        .headers()
        .map_err(|e| err(Some(1), e.to_string()))?
        .clone();
    let col = |n: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(n))
    };
    let (Some(id), Some(claim)) = (col("id"), col("claim")) else {
        return Err(err(
            Some(1),
            "the header needs the columns id and claim".into(),
        ));
    };
    let (verdict, url, date) = (col("verdict"), col("url"), col("date"));
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| {
            let line = e.position().map(|p| p.line());
            err(line, e.to_string())
        })?;
        let line = row.position().map(|p| p.line());
        let get = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("").to_string();
        let check = FactCheck {
            id: get(Some(id)),
            claim: get(Some(claim)),
            verdict: get(verdict),
            url: get(url),
            date: get(date),
        };
        if check.id.is_empty() || check.claim.trim().is_empty() {
            return Err(err(line, "empty id or claim".into()));
        }
        out.push(check);
    }
    Ok(out)
}

/// One plain record (`{id, claim, verdict?, url?, date?}`) from JSON.
fn plain_record(v: &Value) -> Result<FactCheck, String> {
    let id = v
        .get("id")
        .and_then(id_text)
        .ok_or("missing id (a string or a number)")?;
    let claim = str_field(v, "claim");
    if claim.trim().is_empty() {
        return Err("missing or empty claim".into());
    }
    Ok(FactCheck {
        id,
        claim,
        verdict: str_field(v, "verdict"),
        url: str_field(v, "url"),
        date: str_field(v, "date"),
    })
}

/// Parse fact-checks in JSON Lines (see the module docs).
pub fn parse_jsonl(text: &str, name: &str) -> Result<Vec<FactCheck>, FactCheckError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |col: Option<usize>| {
            Some(match col {
                Some(c) => format!("{}:{c}", i + 1),
                None => (i + 1).to_string(),
            })
        };
        let v: Value = serde_json::from_str(line)
            .map_err(|e| FactCheckError::new(name, at(Some(e.column())), e.to_string()))?;
        out.push(plain_record(&v).map_err(|m| FactCheckError::new(name, at(None), m))?);
    }
    Ok(out)
}

/// Whether a JSON object is of schema.org type `ty` (`@type` a string or a list).
fn has_type(v: &Value, ty: &str) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => s == ty || s.ends_with(&format!("/{ty}")),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(ty)),
        _ => false,
    }
}

/// Collect the ClaimReview objects (or plain records) of a JSON value.
fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        Value::Object(map) => {
            if has_type(v, "ClaimReview") || (map.contains_key("claim") && map.contains_key("id")) {
                out.push(v);
                return;
            }
            for key in ["@graph", "itemListElement", "dataFeedElement", "item"] {
                if let Some(inner) = map.get(key) {
                    collect(inner, out);
                }
            }
        }
        _ => {}
    }
}

/// One ClaimReview (or a plain record) as a fact-check; `n` is its 1-based
/// position, the id of last resort.
fn review(v: &Value, n: usize) -> Result<FactCheck, String> {
    if !has_type(v, "ClaimReview") {
        return plain_record(v);
    }
    let claim = str_field(v, "claimReviewed");
    if claim.trim().is_empty() {
        return Err("ClaimReview without claimReviewed".into());
    }
    let url = str_field(v, "url");
    let id = v
        .get("@id")
        .and_then(id_text)
        .or_else(|| (!url.is_empty()).then(|| url.clone()))
        .unwrap_or_else(|| n.to_string());
    let rating = v.get("reviewRating");
    let verdict = rating
        .map(|r| {
            let name = str_field(r, "alternateName");
            if name.is_empty() {
                str_field(r, "name")
            } else {
                name
            }
        })
        .unwrap_or_default();
    Ok(FactCheck {
        id,
        claim,
        verdict,
        url,
        date: str_field(v, "datePublished"),
    })
}

/// Parse fact-checks from ClaimReview JSON (see the module docs).
pub fn parse_claim_review(text: &str, name: &str) -> Result<Vec<FactCheck>, FactCheckError> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        FactCheckError::new(
            name,
            Some(format!("{}:{}", e.line(), e.column())),
            e.to_string(),
        )
    })?;
    let mut found = Vec::new();
    collect(&v, &mut found);
    if found.is_empty() {
        return Err(FactCheckError::new(
            name,
            None,
            "no ClaimReview objects (expected a ClaimReview, a list of them, or a feed)",
        ));
    }
    found
        .iter()
        .enumerate()
        .map(|(i, r)| {
            review(r, i + 1)
                .map_err(|m| FactCheckError::new(name, Some(format!("record {}", i + 1)), m))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns_in_any_order() {
        let c = parse_csv("claim,id,verdict\nThe earth is flat,7,False\n", "f.csv").expect("csv");
        assert_eq!(c[0].id, "7");
        assert_eq!(c[0].verdict, "False");
        assert_eq!(c[0].url, "");
    }

    #[test]
    fn csv_errors_name_the_line() {
        let e = parse_csv("id,text\n1,x\n", "f.csv").expect_err("an error");
        assert_eq!(
            e.to_string(),
            "f.csv:1: the header needs the columns id and claim"
        );
        let e = parse_csv("id,claim\n1,ok\n2,\n", "f.csv").expect_err("an error");
        assert_eq!(e.position.as_deref(), Some("3"));
        let e = parse_csv("id,claim\n1,ok\n2,a,b\n", "f.csv").expect_err("an error");
        assert_eq!(e.position.as_deref(), Some("3"));
    }

    #[test]
    fn jsonl_numbers_as_ids_and_errors_with_line() {
        let c = parse_jsonl("{\"id\": 3, \"claim\": \"x y\"}\n\n", "f.jsonl").expect("jsonl");
        assert_eq!(c[0].id, "3");
        let e = parse_jsonl("{\"id\": 3, \"claim\": \"x\"}\n{\"id\": 4\n", "f.jsonl")
            .expect_err("an error");
        assert!(e.to_string().starts_with("f.jsonl:2:"), "{e}");
        let e = parse_jsonl("{\"claim\": \"x\"}\n", "f.jsonl").expect_err("an error");
        assert_eq!(
            e.to_string(),
            "f.jsonl:1: missing id (a string or a number)"
        );
    }

    #[test]
    fn claim_review_feeds() {
        let feed = r#"{"@context": "https://schema.org", "@type": "DataFeed",
          "dataFeedElement": [{"@type": "DataFeedItem", "item": [
            {"@type": "ClaimReview", "@id": "a", "claimReviewed": "X happened",
             "datePublished": "2020-01-02", "reviewRating": {"name": "Wrong"}},
            {"@type": ["ClaimReview"], "claimReviewed": "Y happened"}]}]}"#;
        let c = parse_claim_review(feed, "f.json").expect("feed");
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].id.as_str(), c[0].verdict.as_str()), ("a", "Wrong"));
        assert_eq!(c[0].date, "2020-01-02");
        assert_eq!(c[1].id, "2");
        let graph = r#"{"@graph": [{"@type": "ClaimReview", "claimReviewed": "Z"}]}"#;
        assert_eq!(parse_claim_review(graph, "g.json").expect("graph").len(), 1);
    }

    #[test]
    fn claim_review_errors() {
        let e =
            parse_claim_review("[{\"@type\": \"ClaimReview\"}]", "f.json").expect_err("an error");
        assert_eq!(
            e.to_string(),
            "f.json:record 1: ClaimReview without claimReviewed"
        );
        let e = parse_claim_review("{\"a\": 1}", "f.json").expect_err("an error");
        assert!(e.message.starts_with("no ClaimReview"));
        let e = parse_claim_review("[1,", "f.json").expect_err("an error");
        assert!(e.position.as_deref().is_some_and(|p| p.starts_with("1:")));
    }

    #[test]
    fn files_by_extension() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("x.txt");
        std::fs::write(&p, "id,claim\n1,a\n").expect("write");
        assert!(read_factchecks(&p)
            .expect_err("an error")
            .message
            .contains("unknown"));
        let p = dir.path().join("x.csv");
        std::fs::write(&p, "\u{feff}id,claim\n1,a\n").expect("write");
        assert_eq!(read_factchecks(&p).expect("csv").len(), 1);
        std::fs::write(&p, "id,claim\n").expect("write");
        assert!(read_factchecks(&p)
            .expect_err("an error")
            .message
            .contains("no fact-checks"));
        std::fs::write(&p, b"id,claim\n1,\xff\n").expect("write");
        assert_eq!(
            read_factchecks(&p).expect_err("an error").message,
            "invalid UTF-8"
        );
    }
}
