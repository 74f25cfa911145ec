//! A planted claim corpus for `quotecheck dedup` end to end
//! (`scripts/bench-dedup.sh`): the seeded synthetic claims of
//! `quotecheck_dedup::synth` (planted near duplicates and planted number
//! changes) written as JSONL documents, and the score of the CLI's
//! `duplicates` output against the planted truth.
//!
//! ```text
//! dedup_corpus gen CLAIMS OUT.jsonl           # documents of 20 claims each
//! dedup_corpus eval CLAIMS DUPLICATES.jsonl   # recall, precision, numbers merged
//! ```
//!
//! A document's text is its claims joined by single spaces, so a claim of
//! the CLI's output is found again by its document and byte offset.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use quotecheck_dedup::synth::{SynthConfig, SynthCorpus, Truth};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Doc<'a> {
    id: &'a str,
    text: &'a str,
}

/// The fields of a `duplicates` row the score needs.
#[derive(Deserialize)]
struct Row {
    cluster_id: usize,
    doc_id: String,
    byte_start: usize,
}

fn corpus(claims: usize) -> SynthCorpus {
    SynthCorpus::new(SynthConfig {
        claims,
        ..SynthConfig::default()
    })
}

fn generate(claims: usize, out: &str) -> std::io::Result<()> {
    let c = corpus(claims);
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    let mut bytes = 0usize;
    for d in 0..c.docs() {
        let text = c
            .raw_doc_claims(d)
            .iter()
            .map(|cl| cl.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        bytes += text.len();
        serde_json::to_writer(
            &mut w,
            &Doc {
                id: &c.doc_id(d),
                text: &text,
            },
        )?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    eprintln!(
        "{} documents, {claims} claims, {bytes} bytes of text",
        c.docs()
    );
    Ok(())
}

fn evaluate(claims: usize, duplicates: &str) -> Result<(), Box<dyn std::error::Error>> {
    let c = corpus(claims);
    let k = c.config().claims_per_doc;
    // Claim index of every clustered row, by cluster.
    let mut offsets: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut cluster_of: HashMap<usize, usize> = HashMap::new();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    let (mut rows, mut unmatched) = (0usize, 0usize);
    for line in BufReader::new(std::fs::File::open(duplicates)?).lines() {
        let row: Row = serde_json::from_str(&line?)?;
        rows += 1;
        let Some(d) = row
            .doc_id
            .strip_prefix("synth-")
            .and_then(|s| s.parse::<usize>().ok())
        else {
            unmatched += 1;
            continue;
        };
        let offs = offsets
            .entry(d)
            .or_insert_with(|| c.raw_doc_claims(d).iter().map(|x| x.span.start).collect());
        let Ok(pos) = offs.binary_search(&row.byte_start) else {
            unmatched += 1;
            continue;
        };
        let i = d * k + pos;
        cluster_of.insert(i, row.cluster_id);
        members.entry(row.cluster_id).or_default().push(i);
    }
    let (mut reported, mut true_reported) = (0u64, 0u64);
    for m in members.values() {
        let mut groups: HashMap<usize, u64> = HashMap::new();
        for &i in m {
            let g = match c.truth(i) {
                Truth::NearDuplicateOf(b) => b,
                _ => i,
            };
            *groups.entry(g).or_default() += 1;
        }
        let n = m.len() as u64;
        reported += n * (n - 1) / 2;
        true_reported += groups.values().map(|&g| g * (g - 1) / 2).sum::<u64>();
    }
    let same = |a: usize, b: usize| {
        cluster_of
            .get(&a)
            .is_some_and(|x| cluster_of.get(&b) == Some(x))
    };
    let show_misses = std::env::var_os("QC_SHOW_MISSES").is_some();
    let (mut planted, mut found, mut changes, mut merged) = (0u64, 0u64, 0u64, 0u64);
    for i in 0..claims {
        match c.truth(i) {
            Truth::NearDuplicateOf(b) => {
                planted += 1;
                found += u64::from(same(i, b));
                if show_misses && !same(i, b) {
                    eprintln!(
                        "missed: {} ({:?}) | {} ({:?})",
                        c.claim(b),
                        cluster_of.get(&b),
                        c.claim(i),
                        cluster_of.get(&i)
                    );
                }
            }
            Truth::NumberChangeOf(b) => {
                changes += 1;
                merged += u64::from(same(i, b));
            }
            Truth::Fresh => {}
        }
    }
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!(
        "rows {rows} (not a planted claim: {unmatched}), clusters {}, recall {:.4} ({found}/{planted}), \
         precision {:.4} ({true_reported}/{reported}), number changes merged {merged} of {changes}",
        members.len(),
        ratio(found, planted),
        ratio(true_reported, reported),
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let claims = args.get(1).and_then(|s| s.parse::<usize>().ok());
    let result: Result<(), Box<dyn std::error::Error>> =
        match (args.first().map(String::as_str), claims, args.get(2)) {
            (Some("gen"), Some(n), Some(out)) => generate(n, out).map_err(Into::into),
            (Some("eval"), Some(n), Some(dups)) => evaluate(n, dups),
            _ => Err(
                "usage: dedup_corpus gen CLAIMS OUT.jsonl | eval CLAIMS DUPLICATES.jsonl".into(),
            ),
        };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
