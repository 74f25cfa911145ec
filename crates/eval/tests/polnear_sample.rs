//! Accuracy on a fixed sample of PolNeAR train articles (every 28th of the
//! 840, i.e. 30 articles), scored with mention-span speaker matching, and
//! the targets of the accuracy issue on the whole train split.
//!
//! The gold lives outside the repository in `../shared/bench/` (CI has it).
//! When it is missing the test fails, unless `QUOTECHECK_SKIP_BENCH=1`.
//! `QUOTECHECK_BENCH_DIR` overrides where to look.

use std::path::{Path, PathBuf};

use quotecheck_eval::gold::GoldDocument;
use quotecheck_eval::score::{load_gold, predict, score, ScoreOptions, ScoreReport};

// Floors a little below the figures measured on this sample (see
// docs/accuracy.md): a regression of a few points fails CI.
/// Minimum overall quote F1 on the sample (measured 0.722).
const MIN_F1: f64 = 0.70;
/// Minimum overall quote precision on the sample (measured 0.810; 0.823 at
/// the end of session 4, when recall was 0.618: see docs/accuracy.md).
const MIN_PRECISION: f64 = 0.79;
/// Minimum overall quote recall on the sample (measured 0.652).
const MIN_RECALL: f64 = 0.63;
/// Minimum speaker (mention IoU) accuracy over found quotes (measured 0.889).
const MIN_SPEAKER_ACCURACY: f64 = 0.86;
/// Minimum direct-quote F1 on the sample (measured 0.951).
const MIN_DIRECT_F1: f64 = 0.93;

/// Take every `STEP`-th article, starting with the first.
const STEP: usize = 28;
const GOLD_FILE: &str = "polnear-train.gold.jsonl";

/// `$QUOTECHECK_BENCH_DIR/polnear-train.gold.jsonl`, else the first
/// `shared/bench/polnear-train.gold.jsonl` in the repository's parent
/// directories (`../shared/bench` for a plain checkout).
fn bench_file() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("QUOTECHECK_BENCH_DIR") {
        let p = Path::new(&dir).join(GOLD_FILE);
        return p.is_file().then_some(p);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    root.ancestors()
        .skip(1)
        .map(|a| a.join("shared/bench").join(GOLD_FILE))
        .find(|p| p.is_file())
}

/// The gold file, `None` when it is missing and `QUOTECHECK_SKIP_BENCH=1`
/// (a missing file fails the test otherwise).
fn bench_or_skip() -> Option<PathBuf> {
    let path = bench_file();
    if path.is_none() {
        if std::env::var("QUOTECHECK_SKIP_BENCH").as_deref() == Ok("1") {
            eprintln!("QUOTECHECK_SKIP_BENCH=1: skipping the PolNeAR test");
            return None;
        }
        panic!(
            "PolNeAR gold {GOLD_FILE} not found in ../shared/bench (or $QUOTECHECK_BENCH_DIR); \
             set QUOTECHECK_SKIP_BENCH=1 to skip this test"
        );
    }
    path
}

/// The engine's predictions on `docs`, scored with mention-span speakers
/// and `errors` sample errors.
fn run(docs: &[GoldDocument], errors: usize) -> ScoreReport {
    let preds = predict(docs);
    score(
        docs,
        &preds,
        &ScoreOptions {
            mention_iou: true,
            errors,
        },
    )
}

#[test]
fn polnear_sample() {
    let Some(path) = bench_or_skip() else { return };
    let all = load_gold(&path).unwrap_or_else(|e| panic!("{e}"));
    let sample: Vec<GoldDocument> = all.into_iter().step_by(STEP).collect();
    assert!(sample.len() >= 25, "sample too small: {}", sample.len());
    let report = run(&sample, 10);
    println!(
        "PolNeAR sample: {} (every {STEP}th article)",
        path.display()
    );
    println!("{}", report.render_table());
    let o = &report.overall;
    assert!(o.f1 >= MIN_F1, "F1 {:.3} < {MIN_F1}", o.f1);
    assert!(
        o.precision >= MIN_PRECISION,
        "precision {:.3} < {MIN_PRECISION}",
        o.precision
    );
    assert!(
        o.recall >= MIN_RECALL,
        "recall {:.3} < {MIN_RECALL}",
        o.recall
    );
    let direct = report.by_kind.direct.f1;
    assert!(
        direct >= MIN_DIRECT_F1,
        "direct F1 {direct:.3} < {MIN_DIRECT_F1}"
    );
    assert!(
        report.speaker.overall.accuracy >= MIN_SPEAKER_ACCURACY,
        "speaker accuracy {:.3} < {MIN_SPEAKER_ACCURACY}",
        report.speaker.overall.accuracy
    );
}

/// The targets of the accuracy issue on the whole train split (figures in
/// docs/accuracy.md): unlike the sample's floors these are the targets
/// themselves, so that no change can land that misses one. They are not
/// floors with a margin: two are met with almost none (indirect F1 0.6001
/// against 0.60, direct speaker-mention accuracy 0.902 against 0.90), so a
/// change that costs either a few hundredths fails here by design.
#[test]
fn polnear_full_split_meets_targets() {
    let Some(path) = bench_or_skip() else { return };
    let all = load_gold(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.len(), 840, "the train split has 840 articles");
    let report = run(&all, 0);
    println!("{}", report.render_table());
    let k = &report.by_kind;
    let checks = [
        ("direct recall", k.direct.recall, 0.95),
        ("direct precision", k.direct.precision, 0.95),
        (
            "direct speaker-mention accuracy",
            report.speaker.by_kind.direct.accuracy,
            0.90,
        ),
        ("mixed recall", k.mixed.recall, 0.80),
        ("indirect F1", k.indirect.f1, 0.60),
        ("overall F1", report.overall.f1, 0.65),
    ];
    let missed: Vec<String> = checks
        .iter()
        .filter(|(_, got, target)| got < target)
        .map(|(what, got, target)| format!("{what} {got:.4} < {target}"))
        .collect();
    assert!(missed.is_empty(), "targets missed: {}", missed.join("; "));
    // No article skipped, whatever its quote marks: the engine reads every
    // article (it has no path that gives up), so an article without any
    // prediction is one whose attributions it all missed. Five are, four of
    // them headline-length stubs (under 300 characters); a sharp rise means
    // articles are being lost.
    assert!(
        report.documents_without_predictions.len() < all.len() / 100,
        "articles without any prediction: {:?}",
        report.documents_without_predictions
    );
}
