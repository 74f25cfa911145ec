//! The report is identical whatever the input order and thread count.

use proptest::prelude::*;
use quotecheck_core::Document;
use quotecheck_dedup::{dedup, DedupConfig, DedupReport, Deduper};

const SENTENCES: &[&str] = &[
    "Police arrested two men in Leeds on Friday after the attack.",
    "Two men were arrested by police in Leeds on Friday after the attack.",
    "Police arrested three men in Leeds on Friday after the attack.",
    "The central bank raised interest rates by half a point on Wednesday.",
    "The central bank raised interest rates by half a point.",
    "The minister did not resign over the scandal.",
    "The minister resigned over the scandal on Monday.",
    "The minister resigned over the scandal.",
    "Floods displaced 12,000 people in the northern region.",
    "Floods have displaced 12,000 people in the region, officials said.",
    "It rained.",
    "The talks will resume next week in Geneva.",
];

fn corpus(picks: &[Vec<usize>]) -> Vec<Document> {
    picks
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text: Vec<&str> = p.iter().map(|&k| SENTENCES[k % SENTENCES.len()]).collect();
            Document::new(format!("doc{i:02}"), text.join(" "))
        })
        .collect()
}

fn run(docs: &[Document], threads: usize) -> DedupReport {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool")
        .install(|| dedup(docs, &DedupConfig::default()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn order_and_threads_do_not_matter(
        picks in prop::collection::vec(prop::collection::vec(0usize..SENTENCES.len(), 1..5), 2..8),
        seed in any::<u64>(),
        threads in 1usize..4,
    ) {
        let docs = corpus(&picks);
        let baseline = run(&docs, 1);
        // A permutation of the documents derived from `seed`.
        let mut shuffled = docs.clone();
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(&run(&shuffled, threads), &baseline);

        // Streaming: sketches pushed in reverse order.
        let mut dd = Deduper::new(DedupConfig::default());
        let sketches: Vec<_> = shuffled.iter().rev().map(|d| {
            let a = quotecheck_core::analyze(d);
            dd.sketch(&d.id, &quotecheck_dedup::claims_from(d, &a))
        }).collect();
        for sk in sketches {
            dd.push(sk);
        }
        prop_assert_eq!(&dd.finish(), &baseline);
    }
}

#[test]
fn canonical_is_earliest_by_doc_id_then_offset() {
    let docs = corpus(&[vec![11, 0], vec![1], vec![0]]);
    let r = run(&docs, 2);
    assert_eq!(r.clusters.len(), 1);
    let c = &r.clusters[0];
    let canonical = c.canonical().expect("canonical");
    assert_eq!(&*canonical.doc_id, "doc00");
    assert!(canonical.char_start > 0);
    assert_eq!(c.doc_count, 3);
    let ids: Vec<_> = c.members.iter().map(|m| &*m.claim.doc_id).collect();
    assert_eq!(ids, ["doc00", "doc01", "doc02"]);
}
