//! The held-out cross-document speaker fixture (`tests/speakers/`: 27
//! original articles, gold corpus keys in `gold.tsv`), run through
//! `quotecheck report`: B-cubed F1 of the `speaker_key` column over the
//! gold quotes, the share of gold quotes found and the accuracy of the
//! name shown (`speakers.csv`'s name for the key).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use quotecheck_eval::score::keys::{load_gold_keys, score_keys, KeyedQuote};

// Floors below the figures measured on this fixture (docs/accuracy.md,
// "Corpus speakers"); each margin is stated next to it. The target
// for F1 is 0.95 (met); the errors left are listed in docs/accuracy.md.

/// Minimum B-cubed F1 of the speaker keys (measured 0.975; margin 0.025).
const MIN_F1: f64 = 0.95;
/// Minimum share of gold quotes found (measured 0.984, 186/189; margin 4 quotes).
const MIN_FOUND: f64 = 0.963;
/// Minimum accuracy of the name shown (measured 0.968, 180/186; margin 4 quotes).
const MIN_NAME: f64 = 0.945;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/speakers")
}

/// The rows of a CSV file as maps from column to cell.
fn rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let headers = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn held_out_speaker_keys_b_cubed() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/speakers")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "{} articles", files.len());
    let out = tempfile::tempdir().expect("tempdir");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["report", "-q", "--out"])
        .arg(out.path())
        .args(&files)
        .output()
        .expect("run quotecheck");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // The name shown for a key: speakers.csv's name for it.
    let names: HashMap<String, String> = rows(&out.path().join("speakers.csv"))
        .into_iter()
        .map(|r| (r["speaker_key"].clone(), r["speaker"].clone()))
        .collect();
    let quotes = rows(&out.path().join("quotes.csv"));
    // Documents are named by their file stem or path: map both to the stem.
    let stem = |doc: &str| {
        Path::new(doc)
            .file_stem()
            .map_or_else(|| doc.to_string(), |s| s.to_string_lossy().to_string())
    };
    let preds: Vec<KeyedQuote> = quotes
        .iter()
        .map(|q| {
            let key = q["speaker_key"].clone();
            let speaker = names.get(&key).unwrap_or(&q["speaker"]).clone();
            KeyedQuote {
                doc_id: stem(&q["doc_id"]),
                char_start: q["char_start"].parse().expect("char_start"),
                char_end: q["char_end"].parse().expect("char_end"),
                speaker_key: key,
                speaker,
            }
        })
        .collect();
    let texts: HashMap<String, String> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("article");
            (stem(&f.to_string_lossy()), text)
        })
        .collect();
    let gold = load_gold_keys(&dir().join("gold.tsv")).unwrap_or_else(|e| panic!("{e}"));
    // The fixture's shape: >= 10 people or organisations quoted in several
    // articles.
    let mut docs_of: HashMap<&str, std::collections::BTreeSet<&str>> = HashMap::new();
    for g in &gold {
        if !g.key.contains('/') {
            docs_of.entry(&g.key).or_default().insert(&g.doc_id);
        }
    }
    assert!(docs_of.values().filter(|d| d.len() >= 2).count() >= 10);
    let s = score_keys(&gold, &texts, &preds).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{}", s.render());
    assert!(s.f1 >= MIN_F1, "B-cubed F1 {:.3} < {MIN_F1}", s.f1);
    assert!(
        s.found_share() >= MIN_FOUND,
        "found {:.3} < {MIN_FOUND}",
        s.found_share()
    );
    assert!(
        s.name_accuracy() >= MIN_NAME,
        "name shown {:.3} < {MIN_NAME}",
        s.name_accuracy()
    );
}
