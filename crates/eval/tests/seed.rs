//! The seed article (`fixtures/articles/kerry-lavrov`): every required gold
//! quote is found with its gold speaker, at most one false positive, and the
//! page boilerplate is recognised.

use std::path::PathBuf;

use quotecheck_core::{analyze, quote_records, CharIndex, Document, QuoteKind, QuoteRecord};
use quotecheck_eval::score::{load_gold, names_match, overlap, score, trim_chars, ScoreOptions};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/articles")
        .join(name)
}

/// The prediction whose (trimmed) span overlaps the gold span most; for
/// mixed predictions the fragment counts too.
fn best_prediction<'a>(
    chars: &[char],
    preds: &'a [QuoteRecord],
    gold: (usize, usize),
) -> Option<&'a QuoteRecord> {
    let gold = trim_chars(chars, gold.0, gold.1);
    preds
        .iter()
        .map(|p| {
            let mut ov = overlap(trim_chars(chars, p.char_start, p.char_end), gold);
            if p.kind == QuoteKind::Mixed {
                if let (Some(s), Some(e)) = (p.fragment_start, p.fragment_end) {
                    ov = ov.max(overlap(trim_chars(chars, s, e), gold));
                }
            }
            (ov, p)
        })
        .filter(|(ov, _)| *ov > 0)
        .max_by_key(|(ov, p)| (*ov, std::cmp::Reverse(p.char_start)))
        .map(|(_, p)| p)
}

#[test]
fn kerry_lavrov_seed() {
    let gold = load_gold(&fixture("kerry-lavrov.gold.json")).expect("seed gold loads");
    assert_eq!(gold.len(), 1);
    let g = &gold[0];
    let doc = Document::new(g.id.clone(), g.text.clone());
    let analysis = analyze(&doc);
    let preds = quote_records(&doc, &analysis);
    let report = score(
        &gold,
        &preds,
        &ScoreOptions {
            mention_iou: false,
            errors: 20,
        },
    );
    println!("{}", report.render_table());

    assert_eq!(report.gold_quotes, 14, "the seed has 14 required quotes");
    assert_eq!(
        report.overall.fn_, 0,
        "every required gold quote must be found (misses listed in the table above)"
    );
    assert_eq!(report.overall.tp, 14);
    assert!(
        report.overall.fp <= 1,
        "at most one false positive, got {} (listed in the table above)",
        report.overall.fp
    );

    // Every found required quote carries the gold speaker (by name, not
    // merely by an equal mention such as “He”).
    let chars: Vec<char> = g.text.chars().collect();
    let mut wrong = Vec::new();
    for q in g.quotes.iter().filter(|q| !q.optional) {
        let Some(p) = best_prediction(&chars, &preds, (q.start, q.end)) else {
            wrong.push(format!("{:?}: no prediction", q.quote));
            continue;
        };
        if !names_match(&q.speaker, &p.speaker) {
            wrong.push(format!(
                "{:?}: speaker {:?}, gold {:?}",
                q.quote, p.speaker, q.speaker
            ));
        }
    }
    assert!(wrong.is_empty(), "wrong speakers:\n{}", wrong.join("\n"));
    assert_eq!(
        report.speaker.overall.correct, report.speaker.overall.total,
        "speaker accuracy"
    );

    // The headline repeated at the foot and the comment widget lines.
    let idx = CharIndex::new(&g.text);
    let found: Vec<(usize, usize)> = analysis
        .boilerplate
        .iter()
        .map(|b| idx.char_span(*b))
        .collect();
    assert_eq!(g.boilerplate.len(), 3);
    for b in &g.boilerplate {
        assert!(
            found.iter().any(|&(s, e)| s <= b.start && b.end <= e),
            "boilerplate {:?} ({}..{}) not covered by {:?}",
            b.text,
            b.start,
            b.end,
            found
        );
    }
}
