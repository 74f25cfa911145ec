//! The dedup pipeline on arbitrary claim lists: no panic, clusters partition
//! their members (`tests/support/dedup_invariants.rs`), and the report does
//! not depend on the order in which documents are fed.
//!
//! Input layout: records separated by 0xFF; the first byte of a record
//! picks the document (low 3 bits), the claim kind (bit 3), the speaker
//! (bits 4-5) and whether it starts a new document text (bit 6); the rest is
//! the claim text (lossy UTF-8). Claims of a document are laid out one
//! after the other in that document's text, so their offsets are real.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck_core::{CharIndex, QuoteKind, Span};
use quotecheck_dedup::{Claim, ClaimKind, DedupConfig, DedupReport, Deduper};

#[path = "../../crates/dedup/tests/support/dedup_invariants.rs"]
mod dedup_invariants;

const SPEAKERS: [&str; 4] = ["Ana Ruiz", "John Kerry", "the ministry", "Ruiz"];

fn build(data: &[u8]) -> Vec<(String, Vec<Claim>)> {
    let mut texts: Vec<(
        String,
        Vec<(Span, ClaimKind, Option<String>, Option<QuoteKind>)>,
    )> = (0..8).map(|_| (String::new(), Vec::new())).collect();
    for rec in data.split(|&b| b == 0xFF).take(200) {
        let Some((&h, body)) = rec.split_first() else {
            continue;
        };
        let d = usize::from(h & 7);
        let kind = if h & 8 != 0 {
            ClaimKind::Quote
        } else {
            ClaimKind::Sentence
        };
        let body = String::from_utf8_lossy(body);
        let (text, claims) = &mut texts[d];
        if !text.is_empty() {
            text.push_str(if h & 64 != 0 { "\n\n" } else { " " });
        }
        let start = text.len();
        text.push_str(&body);
        let span = Span::new(start, text.len());
        let (speaker, qk) = if kind == ClaimKind::Quote {
            let s = SPEAKERS[usize::from((h >> 4) & 3)].to_string();
            let qk = if h & 128 != 0 {
                QuoteKind::Indirect
            } else {
                QuoteKind::Direct
            };
            (Some(s), Some(qk))
        } else {
            (None, None)
        };
        claims.push((span, kind, speaker, qk));
    }
    texts
        .into_iter()
        .enumerate()
        .filter(|(_, (_, c))| !c.is_empty())
        .map(|(i, (text, cs))| {
            let id = format!("doc{i}");
            let idx = CharIndex::new(&text);
            let claims = cs
                .into_iter()
                .filter_map(|(span, kind, speaker, qk)| {
                    let mut c = Claim::at(&id, &text, &idx, span, kind, speaker)?;
                    c.quote_kind = qk;
                    Some(c)
                })
                .collect();
            (id, claims)
        })
        .collect()
}

fn run(docs: &[(String, Vec<Claim>)], order: impl Iterator<Item = usize>) -> DedupReport {
    let mut dd = Deduper::new(DedupConfig::default());
    for i in order {
        dd.add_claims(&docs[i].0, &docs[i].1);
    }
    dd.finish()
}

fuzz_target!(|data: &[u8]| {
    let docs = build(data);
    let report = run(&docs, 0..docs.len());
    if let Err(e) = dedup_invariants::check_report(&docs, &report) {
        panic!("invariant violated: {e}\ndocs: {docs:#?}");
    }
    let reversed = run(&docs, (0..docs.len()).rev());
    assert_eq!(report, reversed, "report depends on input order");
});
