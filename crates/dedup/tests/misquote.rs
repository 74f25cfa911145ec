//! Misquotes and conflicting attributions, with quote claims fed directly
//! (independent of the core engine's quote detection).

use quotecheck_core::{CharIndex, QuoteKind, Span};
use quotecheck_dedup::{Claim, ClaimKind, DedupConfig, Deduper, MisquoteKind};

fn quote(doc: &str, text: &str, speaker: &str) -> Claim {
    let full = format!("Intro. “{text}” said {speaker}.");
    let start = full.find(text).expect("quote in text");
    let idx = CharIndex::new(&full);
    let mut c = Claim::at(
        doc,
        &full,
        &idx,
        Span::new(start, start + text.len()),
        ClaimKind::Quote,
        Some(speaker.to_string()),
    )
    .expect("claim");
    c.quote_kind = Some(QuoteKind::Direct);
    c
}

#[test]
fn misquote_and_conflict_records() {
    // Four content words other than generic ones (a conflict needs them).
    let q = "We will not negotiate with the rebels under any circumstances this winter";
    let mut dd = Deduper::new(DedupConfig::default());
    dd.add_claims("a", &[quote("a", q, "Jane Doe")]);
    dd.add_claims(
        "b",
        &[quote(
            "b",
            "We will now negotiate with the rebels under any circumstances this winter",
            "Doe",
        )],
    );
    dd.add_claims("c", &[quote("c", q, "John Roe")]);
    dd.add_claims(
        "d",
        &[quote(
            "d",
            "The harvest was the best in a decade",
            "Jane Doe",
        )],
    );
    let report = dd.finish();

    let mis: Vec<_> = report.misquote_records().collect();
    assert_eq!(mis.len(), 1, "{:#?}", report.misquotes);
    assert_eq!((mis[0].doc_a.as_str(), mis[0].doc_b.as_str()), ("a", "b"));
    assert_eq!(mis[0].diff, "We will «not → now» negotiate with the …");
    assert_eq!(mis[0].kind, MisquoteKind::Misquote);
    assert_eq!(
        (mis[0].char_start_a, mis[0].char_end_a),
        (8, 8 + q.chars().count())
    );

    let conflicts: Vec<_> = report.conflict_records().collect();
    // a (Jane Doe) vs c (John Roe) is the same quote; b (Doe) vs c is a near
    // duplicate only by word similarity (0.9), but a negation differs: no
    // conflict (the negation rule).
    assert!(!conflicts.iter().any(|r| r.doc_a == "b" && r.doc_b == "c"));
    assert!(conflicts.iter().any(|r| r.doc_a == "a"
        && r.doc_b == "c"
        && r.diff.is_empty()
        && r.speaker_b == "John Roe"));
    assert!(conflicts.iter().all(|r| r.speaker_a != r.speaker_b));
    assert_eq!(report.stats.misquotes, 1);

    // The misquote pair is not a duplicate (negation differs); a and c are.
    assert_eq!(report.clusters.len(), 1);
    let docs: Vec<_> = report.clusters[0]
        .members
        .iter()
        .map(|m| &*m.claim.doc_id)
        .collect();
    assert_eq!(docs, ["a", "c"]);
}

#[test]
fn records_serialise_with_stable_names() {
    let mut dd = Deduper::new(DedupConfig::default());
    dd.add_claims(
        "x",
        &[Claim::whole(
            "x",
            "Three people were killed in the blast in Kabul.",
        )],
    );
    dd.add_claims(
        "y",
        &[Claim::whole(
            "y",
            "3 people were killed in the blast in Kabul",
        )],
    );
    let report = dd.finish();
    let recs = report.duplicate_records();
    assert_eq!(recs.len(), 2);
    let v = serde_json::to_value(&recs[1]).expect("json");
    for key in [
        "cluster_id",
        "doc_id",
        "claim",
        "char_start",
        "char_end",
        "canonical",
        "similarity",
        "reason",
        "byte_start",
        "byte_end",
        "canonical_doc_id",
        "speaker",
        "doc_count",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["reason"], "exact");
    assert_eq!(
        v["canonical"],
        "Three people were killed in the blast in Kabul."
    );
    assert_eq!(v["char_end"], 42);
}

#[test]
fn a_negation_between_two_remarks_is_no_misquote() {
    // One speaker, two remarks sharing `qualified to be governor` around a
    // `not`: 2 of the shorter quote's 4 evidence words shared (below the
    // rules' `change_min_content_share`), so no negation misquote.
    let mut dd = Deduper::new(DedupConfig::default());
    dd.add_claims(
        "a",
        &[quote(
            "a",
            "She keeps telling voters that I am, quote-unquote, not qualified to be governor",
            "Dana Whitlock",
        )],
    );
    dd.add_claims(
        "b",
        &[quote(
            "b",
            "Marisol's overwhelmingly qualified to be governor",
            "Whitlock",
        )],
    );
    // The same remark with its `not` dropped is still one.
    dd.add_claims(
        "c",
        &[quote(
            "c",
            "She keeps telling voters that I am, quote-unquote, qualified to be governor",
            "Dana Whitlock",
        )],
    );
    let report = dd.finish();
    let mis: Vec<_> = report.misquote_records().collect();
    assert_eq!(mis.len(), 1, "{:#?}", report.misquotes);
    assert_eq!((mis[0].doc_a.as_str(), mis[0].doc_b.as_str()), ("a", "c"));
}
