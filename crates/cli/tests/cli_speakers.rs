//! The corpus speaker index on a cross-document fixture
//! (`tests/data/speakers-corpus/`: 26 short articles written for the test,
//! with the gold corpus key of each quote in `gold-keys.tsv`): B-cubed F1 of
//! the speaker keys over the gold quotes.

use std::collections::HashMap;
use std::path::Path;

use quotecheck::speakers::aliases::Aliases;
use quotecheck::speakers::{link_corpus, named_roles, NamedRole};
use quotecheck_core::{analyze, quote_records, speaker_records, Document};

/// B-cubed precision, recall and F1 of `pred` against `gold` (one cluster
/// label per item).
fn b_cubed(gold: &[String], pred: &[String]) -> (f64, f64, f64) {
    let n = gold.len();
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let same_pred = (0..n).filter(|&j| pred[j] == pred[i]).count() as f64;
        let same_gold = (0..n).filter(|&j| gold[j] == gold[i]).count() as f64;
        let both = (0..n)
            .filter(|&j| pred[j] == pred[i] && gold[j] == gold[i])
            .count() as f64;
        p += both / same_pred;
        r += both / same_gold;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    (p, r, 2.0 * p * r / (p + r))
}

#[test]
fn b_cubed_identity_and_split() {
    let g: Vec<String> = ["a", "a", "b"].iter().map(|s| s.to_string()).collect();
    assert_eq!(b_cubed(&g, &g), (1.0, 1.0, 1.0));
    let split: Vec<String> = ["a", "c", "b"].iter().map(|s| s.to_string()).collect();
    let (p, r, _) = b_cubed(&g, &split);
    assert_eq!(p, 1.0);
    assert!((r - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn corpus_speaker_keys_b_cubed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/speakers-corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut quotes = Vec::new();
    let mut speakers = Vec::new();
    let mut roles: Vec<(String, NamedRole)> = Vec::new();
    for f in &files {
        let id = f.file_stem().expect("stem").to_string_lossy().to_string();
        let doc = Document::new(id, std::fs::read_to_string(f).expect("article"));
        let analysis = analyze(&doc);
        quotes.extend(quote_records(&doc, &analysis));
        speakers.extend(speaker_records(&doc, &analysis));
        roles.extend(
            named_roles(&doc.text)
                .into_iter()
                .map(|r| (doc.id.clone(), r)),
        );
    }
    let roles: Vec<(&str, &NamedRole)> = roles.iter().map(|(d, r)| (d.as_str(), r)).collect();
    let index = link_corpus(&speakers, &roles, &Aliases::default());
    let gold_tsv = std::fs::read_to_string(dir.join("gold-keys.tsv")).expect("gold keys");
    let (mut gold, mut pred) = (Vec::new(), Vec::new());
    let mut people: HashMap<String, usize> = HashMap::new();
    for (i, line) in gold_tsv.lines().skip(1).enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [doc, snippet, key] = cols[..] else {
            panic!("bad gold line {line}")
        };
        let key_of = quotes
            .iter()
            .find(|q| q.doc_id == doc && q.quote.contains(snippet))
            .map(|q| {
                index
                    .key(&q.doc_id, &q.speaker, &q.speaker_role)
                    .to_string()
            })
            .filter(|k| !k.is_empty())
            // A quote not found, or found without a speaker: a cluster of its own.
            .unwrap_or_else(|| format!("missing #{i}"));
        if key_of != key {
            eprintln!("{doc} {snippet:?}: {key_of} (gold {key})");
        }
        gold.push(key.to_string());
        pred.push(key_of);
        if !key.contains('/') {
            *people.entry(key.to_string()).or_default() += 1;
        }
    }
    // The fixture's shape: >= 25 articles, >= 10 people quoted in several.
    assert!(files.len() >= 25);
    assert!(people.values().filter(|&&n| n >= 3).count() >= 10);
    let (p, r, f1) = b_cubed(&gold, &pred);
    eprintln!(
        "speaker keys B-cubed: P {p:.3} R {r:.3} F1 {f1:.3} over {} quotes",
        gold.len()
    );
    // Measured 0.9xx (docs/accuracy.md); the floor leaves a margin of 0.01.
    assert!(f1 >= 0.95, "B-cubed F1 {f1:.3}");
}

/// `quotecheck report -q --out OUT --speakers SHEET INPUTS…`.
fn report(out: &Path, sheet: &Path, inputs: &[&Path]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["report", "-q", "--out"])
        .arg(out)
        .arg("--speakers")
        .arg(sheet)
        .args(inputs)
        .output()
        .expect("run quotecheck")
}

#[test]
fn speakers_file_merges_and_reports_the_alias() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "“We will rebuild,” Mr. Clinton said.\n").expect("article");
    let other = dir.path().join("b.txt");
    std::fs::write(&other, "“We will win,” Hillary Clinton said.\n").expect("article");
    let sheet = dir.path().join("speakers.csv");
    std::fs::write(
        &sheet,
        "key,name,aliases\nbill-clinton,Bill Clinton,Mr. Clinton;former President Clinton\n",
    )
    .expect("sheet");
    let out = dir.path().join("out");
    let status = report(&out, &sheet, &[&article, &other]).status;
    assert!(status.success());
    let speakers = std::fs::read_to_string(out.join("speakers.csv")).expect("speakers.csv");
    let bill = speakers
        .lines()
        .find(|l| l.starts_with("bill-clinton,"))
        .unwrap_or_else(|| panic!("no bill-clinton row in {speakers}"));
    assert!(bill.starts_with("bill-clinton,Bill Clinton,"), "{bill}");
    // matched_aliases, then first_date and last_date (no dates given).
    assert!(bill.ends_with(",Mr. Clinton,,"), "{bill}");
    assert!(speakers.lines().any(|l| l.starts_with("hillary-clinton,")));
}

#[test]
fn bad_speakers_file_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "“Yes,” Ana Ruiz said.\n").expect("article");
    let sheet = dir.path().join("speakers.csv");
    std::fs::write(&sheet, "key,name\na,A\na,B\n").expect("sheet");
    let out = dir.path().join("out");
    let run = report(&out, &sheet, &[&article]);
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("speakers.csv:3: key `a` listed twice"),
        "{err}"
    );
    assert!(!out.join("quotes.csv").exists());
}
