//! Property tests of the dedup pipeline on arbitrary claim lists: clusters
//! partition their members and every invariant of
//! `tests/support/dedup_invariants.rs` holds, whatever the order in which
//! documents are fed. Minimised inputs from the fuzz campaign
//! (`fuzz/fuzz_targets/dedup.rs`) are kept at the end.

use proptest::prelude::*;
use quotecheck_core::{CharIndex, QuoteKind, Span};
use quotecheck_dedup::{Claim, ClaimKind, DedupConfig, DedupReport, Deduper};

use crate::support::dedup_invariants;

const PIECES: &[&str] = &[
    "Police arrested two men in Leeds on Friday",
    "police arrested 2 men in Leeds on Friday!",
    "The minister did not resign",
    "The minister resigned",
    "We will win the election",
    "we will win the election, he said",
    "",
    " ",
    "“",
    "it",
    "the the the the the the",
    "Žilina’s bridge reopened",
    "3",
    "\0",
    "שלום עולם",
];

/// A claim list: (document, kind, speaker, text) tuples.
type Spec = Vec<(u8, bool, u8, String)>;

fn spec() -> impl Strategy<Value = Spec> {
    prop::collection::vec(
        (
            0u8..5,
            any::<bool>(),
            0u8..3,
            prop_oneof![
                prop::sample::select(PIECES).prop_map(str::to_string),
                prop::collection::vec(prop::sample::select(PIECES), 1..4).prop_map(|v| v.join(" ")),
                any::<String>(),
            ],
        ),
        0..40,
    )
}

fn build(spec: &Spec) -> Vec<(String, Vec<Claim>)> {
    let speakers = ["Ana Ruiz", "John Kerry", "Ruiz"];
    let mut out: Vec<(String, Vec<Claim>)> = Vec::new();
    for d in 0..5u8 {
        let id = format!("doc{d}");
        let mut text = String::new();
        let mut spans = Vec::new();
        for (doc, quote, speaker, t) in spec.iter().filter(|s| s.0 == d) {
            let _ = doc;
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(t);
            spans.push((Span::new(start, text.len()), *quote, *speaker));
        }
        if spans.is_empty() {
            continue;
        }
        let idx = CharIndex::new(&text);
        let claims = spans
            .into_iter()
            .filter_map(|(span, quote, speaker)| {
                let kind = if quote {
                    ClaimKind::Quote
                } else {
                    ClaimKind::Sentence
                };
                let speaker = quote.then(|| speakers[usize::from(speaker)].to_string());
                let mut c = Claim::at(&id, &text, &idx, span, kind, speaker)?;
                c.quote_kind = quote.then_some(QuoteKind::Direct);
                Some(c)
            })
            .collect();
        out.push((id, claims));
    }
    out
}

fn run(docs: &[(String, Vec<Claim>)], order: &[usize]) -> DedupReport {
    let mut dd = Deduper::new(DedupConfig::default());
    for &i in order {
        dd.add_claims(&docs[i].0, &docs[i].1);
    }
    dd.finish()
}

fn check(spec: &Spec) -> Result<(), String> {
    let docs = build(spec);
    let order: Vec<usize> = (0..docs.len()).collect();
    let report = run(&docs, &order);
    dedup_invariants::check_report(&docs, &report)?;
    let reversed: Vec<usize> = order.iter().rev().copied().collect();
    if run(&docs, &reversed) != report {
        return Err("report depends on the order of documents".into());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn clusters_partition_their_members(spec in spec()) {
        if let Err(e) = check(&spec) {
            prop_assert!(false, "{}", e);
        }
    }
}

#[test]
fn generated_claim_lists_have_clusters() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = spec();
    let mut with_clusters = 0;
    for _ in 0..100 {
        let s = strategy.new_tree(&mut runner).expect("spec").current();
        let docs = build(&s);
        let order: Vec<usize> = (0..docs.len()).collect();
        with_clusters += usize::from(!run(&docs, &order).clusters.is_empty());
    }
    assert!(
        with_clusters >= 30,
        "{with_clusters}/100 claim lists with clusters"
    );
}
