//! Reading gold and prediction files (JSON or JSONL, errors naming file,
//! line and column) and predicting gold documents with the engine.

use super::*;

pub(super) fn read(path: &Path) -> Result<String, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// serde_json's message without its trailing ` at line L column C`.
pub(super) fn parse_error(path: &Path, e: &serde_json::Error) -> Error {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    Error::Parse {
        path: path.display().to_string(),
        line: e.line().max(1),
        message: msg.strip_suffix(&suffix).unwrap_or(&msg).to_string(),
    }
}

/// Parse a stream of JSON values (one object, or JSON Lines), returning each
/// value with the 1-based line on which it starts.
pub(super) fn parse_stream<T: DeserializeOwned>(
    path: &Path,
    text: &str,
) -> Result<Vec<(usize, T)>, Error> {
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<T>();
    let (mut counted_to, mut line) = (0usize, 1usize);
    loop {
        let before = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Err(e)) => return Err(parse_error(path, &e)),
            Some(Ok(value)) => {
                let rest = &text[before..];
                let start = before + (rest.len() - rest.trim_start().len());
                line += text[counted_to..start].matches('\n').count();
                counted_to = start;
                out.push((line, value));
            }
        }
    }
    Ok(out)
}

/// Load gold documents from a file holding one gold JSON object (possibly
/// pretty-printed) or JSON Lines with one gold object per line.
///
/// Every document is validated ([`GoldDocument::validate`]): offsets must be
/// in bounds (in code points) and slice back to the annotated text, and
/// document ids must be unique. Errors name the file and the line.
///
/// ```
/// use quotecheck_eval::score::load_gold;
/// let dir = std::env::temp_dir().join(format!("qc-load-gold-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("g.jsonl");
/// std::fs::write(&path, concat!(
///     r#"{"id": "a", "text": "He said “yes”.", "quotes": [{"kind": "direct", "quote": "yes", "start": 9, "end": 12}]}"#, "\n",
///     r#"{"id": "b", "text": "No quotes here."}"#, "\n",
/// )).unwrap();
/// let gold = load_gold(&path).unwrap();
/// assert_eq!(gold.len(), 2);
///
/// std::fs::write(&path, r#"{"id": "a", "text": "He said “yes”.", "quotes": [{"kind": "direct", "quote": "yes", "start": 8, "end": 11}]}"#).unwrap();
/// let err = load_gold(&path).unwrap_err().to_string();
/// assert!(err.contains("document a") && err.contains("quotes[0]"), "{err}");
/// ```
pub fn load_gold(path: &Path) -> Result<Vec<GoldDocument>, Error> {
    let text = read(path)?;
    let docs = parse_stream::<GoldDocument>(path, &text)?;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (line, doc) in &docs {
        if let Some(first) = seen.insert(doc.id.as_str(), *line) {
            return Err(Error::Gold {
                path: path.display().to_string(),
                doc_id: doc.id.clone(),
                message: format!("line {line}: duplicate document id (first on line {first})"),
            });
        }
        doc.validate().map_err(|message| Error::Gold {
            path: path.display().to_string(),
            doc_id: doc.id.clone(),
            message: format!("line {line}: {message}"),
        })?;
    }
    Ok(docs.into_iter().map(|(_, d)| d).collect())
}

/// Load predicted quotes: JSON Lines of [`QuoteRecord`] (one per line, as
/// written by `quotecheck attribute --format jsonl`) or one JSON array of
/// them. Errors name the file and the line.
///
/// ```
/// use quotecheck_eval::score::load_predictions;
/// let path = std::env::temp_dir().join(format!("qc-preds-{}.json", std::process::id()));
/// std::fs::write(&path, r#"[{"doc_id": "a", "kind": "direct", "quote": "yes",
///     "char_start": 9, "char_end": 12, "confidence": 0.8}]"#).unwrap();
/// let preds = load_predictions(&path).unwrap();
/// assert_eq!(preds[0].doc_id, "a");
/// ```
pub fn load_predictions(path: &Path) -> Result<Vec<QuoteRecord>, Error> {
    let text = read(path)?;
    if text.trim_start().starts_with('[') {
        return serde_json::from_str::<Vec<QuoteRecord>>(&text).map_err(|e| parse_error(path, &e));
    }
    Ok(parse_stream::<QuoteRecord>(path, &text)?
        .into_iter()
        .map(|(_, r)| r)
        .collect())
}

/// Run the engine on every gold document's text and flatten the result into
/// quote records (sequentially, in gold order).
///
/// ```
/// use quotecheck_eval::gold::GoldDocument;
/// use quotecheck_eval::score::predict;
/// let gold: GoldDocument = serde_json::from_str(r#"{"id": "d", "text": "“Yes,” she said."}"#).unwrap();
/// let records = predict(&[gold]);
/// assert!(records.iter().all(|r| r.doc_id == "d"));
/// ```
pub fn predict(gold: &[GoldDocument]) -> Vec<QuoteRecord> {
    gold.iter()
        .flat_map(|g| {
            let doc = Document::new(g.id.clone(), g.text.clone());
            let analysis = quotecheck_core::analyze(&doc);
            quotecheck_core::quote_records(&doc, &analysis)
        })
        .collect()
}
