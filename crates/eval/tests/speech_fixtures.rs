//! The speech-only fixtures (`tests/speech/`, 20 authored articles
//! annotated for speech only): every annotated offset slices back to its
//! text, and the engine's speech-only view stays above its floors.

use std::path::{Path, PathBuf};

use quotecheck_eval::gold::GoldDocument;
use quotecheck_eval::score::load_gold;
use quotecheck_eval::score::predict;
use quotecheck_eval::score::speech::score_speech;

// Floors about 3.5 points below the figures measured at 18dcd79
// (docs/accuracy.md, "Speech-only view"): the margin is about ten of the
// 287 gold quotes, room for small engine changes but not for a lost rule.

/// Minimum F1 of the speech-only view (measured 0.915).
const MIN_F1: f64 = 0.88;
/// Minimum exact-span F1 (measured 0.816).
const MIN_EXACT_F1: f64 = 0.78;
/// Minimum speaker accuracy by the name shown (measured 0.900, 242/269).
const MIN_NAME_ACCURACY: f64 = 0.86;
/// Minimum speaker accuracy by mention span (measured 0.944, 254/269).
const MIN_MENTION_ACCURACY: f64 = 0.91;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/speech")
}

fn gold() -> Vec<(PathBuf, GoldDocument)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir().display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .flat_map(|f| {
            let docs = load_gold(&f).unwrap_or_else(|e| panic!("{e}"));
            docs.into_iter().map(move |d| (f.clone(), d))
        })
        .collect()
}

fn slice(chars: &[char], start: usize, end: usize) -> Option<String> {
    (start <= end && end <= chars.len()).then(|| chars[start..end].iter().collect())
}

#[test]
fn every_speech_offset_slices_back() {
    let docs = gold();
    assert_eq!(docs.len(), 20, "tests/speech holds 20 articles");
    let mut quotes = 0;
    for (file, doc) in &docs {
        let at = |i: usize| format!("{}: quotes[{i}]", file.display());
        let txt = Path::new(&dir()).join(format!("{}.txt", doc.id));
        let raw =
            std::fs::read_to_string(&txt).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
        assert_eq!(
            raw,
            doc.text,
            "{}: text differs from {}",
            file.display(),
            txt.display()
        );
        let words = doc.text.split_whitespace().count();
        assert!(
            (300..=900).contains(&words),
            "{}: {words} words",
            file.display()
        );
        let chars: Vec<char> = doc.text.chars().collect();
        for (i, q) in doc.quotes.iter().enumerate() {
            quotes += 1;
            assert_eq!(
                slice(&chars, q.start, q.end).as_deref(),
                Some(q.quote.as_str()),
                "{}",
                at(i)
            );
            assert!(!q.quote.trim().is_empty(), "{}: empty quote", at(i));
            assert!(!q.speaker.is_empty(), "{}: no speaker", at(i));
            let (ms, me) = (
                q.mention_start.expect("mention"),
                q.mention_end.expect("mention"),
            );
            assert_eq!(
                slice(&chars, ms, me).as_deref(),
                Some(q.mention.as_str()),
                "{} mention",
                at(i)
            );
            match (q.cue_start, q.cue_end) {
                (Some(s), Some(e)) => {
                    assert_eq!(
                        slice(&chars, s, e).as_deref(),
                        Some(q.cue.as_str()),
                        "{} cue",
                        at(i)
                    )
                }
                _ => assert!(
                    q.cue.is_empty(),
                    "{}: cue {:?} without a span",
                    at(i),
                    q.cue
                ),
            }
        }
    }
    assert!(quotes >= 280, "{quotes} annotated quotes");
}

#[test]
fn speech_view_accuracy() {
    let gold: Vec<GoldDocument> = gold().into_iter().map(|(_, d)| d).collect();
    let preds = predict(&gold);
    let r = score_speech(&gold, &preds, 400);
    println!("{}", r.render_table());
    let checks = [
        ("F1", r.score.overall.f1, MIN_F1),
        ("exact-span F1", r.score.exact.f1, MIN_EXACT_F1),
        (
            "speaker (name shown)",
            r.speaker_name.accuracy,
            MIN_NAME_ACCURACY,
        ),
        (
            "speaker (mention span)",
            r.speaker_mention.accuracy,
            MIN_MENTION_ACCURACY,
        ),
    ];
    for (what, got, floor) in checks {
        assert!(got >= floor, "speech-only {what} {got:.3} < {floor}");
    }
}
