//! Evaluation of claim retrieval: mean average precision at k, and a reader
//! for the CLEF-2020 CheckThat! Task 2 files (tweets, verified claims and
//! relevance judgements, as in `../shared/bench/claims/`).
//!
//! The data itself is never part of the repository: benchmarks and tests
//! read it at run time.
//!
//! ```
//! use quotecheck_claims::eval::average_precision;
//! // The one relevant claim ranked second: AP@5 = 1/2.
//! assert_eq!(average_precision(&[7, 3, 9], &[3], 5), 0.5);
//! assert_eq!(average_precision(&[7, 9], &[3], 5), 0.0);
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The benchmark data folder, `../shared/bench/claims` beside the
/// workspace.
pub fn default_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/claims")
}

/// Average precision at `k` of a ranking (claim ids, best first) given the
/// relevant ids: the mean, over the relevant claims (at most `k` of them),
/// of the precision at the rank of each one found in the first `k`.
pub fn average_precision<T: PartialEq>(ranking: &[T], relevant: &[T], k: usize) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let mut found = 0usize;
    let mut sum = 0.0;
    for (i, id) in ranking.iter().take(k).enumerate() {
        if relevant.contains(id) {
            found += 1;
            sum += found as f64 / (i + 1) as f64;
        }
    }
    sum / relevant.len().min(k) as f64
}

/// One tweet of CLEF-2020 Task 2 with the verified claims it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// `train` or `dev`.
    pub split: String,
    /// The tweet's id.
    pub id: String,
    /// The tweet's text.
    pub text: String,
    /// Ids of the verified claims it makes.
    pub relevant: Vec<String>,
}

/// The CLEF-2020 Task 2 train+dev data.
#[derive(Debug, Clone, Default)]
pub struct Clef {
    /// Verified claims: (id, text), in file order.
    pub claims: Vec<(String, String)>,
    /// The tweets with their judgements, in file order.
    pub queries: Vec<Query>,
}

/// Rows of a tab-separated file with a header: each row split into at most
/// `cols` fields.
fn tsv_rows(path: &Path, cols: usize) -> Result<Vec<Vec<String>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<String> = line.splitn(cols, '\t').map(str::to_string).collect();
        if fields.len() != cols {
            return Err(format!(
                "{}:{}: expected {cols} tab-separated fields",
                path.display(),
                i + 1
            ));
        }
        rows.push(fields);
    }
    Ok(rows)
}

impl Clef {
    /// The verified claims as fact-checks (no verdict, URL or date), in
    /// file order: what a [`crate::FactIndex`] over CLEF is built from.
    pub fn fact_checks(&self) -> Vec<crate::FactCheck> {
        self.claims
            .iter()
            .map(|(id, claim)| crate::FactCheck {
                id: id.clone(),
                claim: claim.clone(),
                verdict: String::new(),
                url: String::new(),
                date: String::new(),
            })
            .collect()
    }

    /// Read `clef2020t2-vclaims.tsv`, `clef2020t2-queries.train-dev.tsv`
    /// and `clef2020t2-qrels.train-dev.tsv` from `dir`.
    pub fn read(dir: &Path) -> Result<Clef, String> {
        let claims = tsv_rows(&dir.join("clef2020t2-vclaims.tsv"), 2)?
            .into_iter()
            .map(|mut r| (std::mem::take(&mut r[0]), std::mem::take(&mut r[1])))
            .collect();
        let mut relevant: HashMap<String, Vec<String>> = HashMap::new();
        for r in tsv_rows(&dir.join("clef2020t2-qrels.train-dev.tsv"), 3)? {
            relevant.entry(r[1].clone()).or_default().push(r[2].clone());
        }
        let queries = tsv_rows(&dir.join("clef2020t2-queries.train-dev.tsv"), 3)?
            .into_iter()
            .map(|r| Query {
                relevant: relevant.get(&r[1]).cloned().unwrap_or_default(),
                split: r[0].clone(),
                id: r[1].clone(),
                text: r[2].clone(),
            })
            .collect();
        Ok(Clef { claims, queries })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_precision_counts_every_relevant_claim() {
        assert_eq!(
            average_precision(&[1, 2, 3], &[1, 3], 5),
            (1.0 + 2.0 / 3.0) / 2.0
        );
        assert_eq!(average_precision(&[9, 9, 9, 9, 9, 1], &[1], 5), 0.0);
        assert_eq!(average_precision::<u32>(&[], &[], 5), 0.0);
    }

    #[test]
    fn reads_the_three_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let w = |name: &str, s: &str| std::fs::write(dir.path().join(name), s).expect("write");
        w(
            "clef2020t2-vclaims.tsv",
            "vclaim_id\tvclaim\n0\tA claim.\n1\tB\tclaim.\n",
        );
        w(
            "clef2020t2-queries.train-dev.tsv",
            "split\ttweet_id\ttweet\ntrain\t5\tSaying a claim\n",
        );
        w(
            "clef2020t2-qrels.train-dev.tsv",
            "split\ttweet_id\tvclaim_id\ntrain\t5\t0\n",
        );
        let clef = Clef::read(dir.path()).expect("read");
        assert_eq!(clef.claims[1], ("1".to_string(), "B\tclaim.".to_string()));
        assert_eq!(clef.queries[0].relevant, ["0"]);
        w(
            "clef2020t2-qrels.train-dev.tsv",
            "split\ttweet_id\tvclaim_id\ntrain\t5\n",
        );
        assert!(Clef::read(dir.path())
            .expect_err("an error")
            .contains(":2:"));
    }
}

/// One MRPC pair: gold label and the two sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MrpcPair {
    /// True when the two sentences say the same thing.
    pub label: bool,
    /// The first sentence.
    pub a: String,
    /// The second sentence.
    pub b: String,
}

/// Read an MRPC pairs file (`id`, `label`, `text_a`, `text_b`, tab
/// separated, with a header).
pub fn mrpc_pairs(path: &Path) -> Result<Vec<MrpcPair>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .skip(1)
        .map(|(i, l)| match l.splitn(4, '\t').collect::<Vec<_>>()[..] {
            [_, label, a, b] => Ok(MrpcPair {
                label: label == "1",
                a: a.to_string(),
                b: b.to_string(),
            }),
            _ => Err(format!("{}:{}: expected 4 columns", path.display(), i + 1)),
        })
        .collect()
}

/// Precision, recall and F1 of pair decisions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScores {
    /// Flagged pairs that are true pairs.
    pub precision: f64,
    /// True pairs flagged.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
}

/// Deduplicate the distinct sentences of `pairs` in one run (each a
/// document of one sentence claim; with `hook`, as `dedup --semantic`)
/// and score "both sentences in one cluster" against the labels.
pub fn pair_scores(
    pairs: &[MrpcPair],
    hook: Option<&mut dyn quotecheck_dedup::LinkHook>,
) -> PairScores {
    use quotecheck_dedup::{claim::Claim, DedupConfig, Deduper};
    let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for p in pairs {
        for s in [p.a.as_str(), p.b.as_str()] {
            let n = ids.len();
            ids.entry(s).or_insert(n);
        }
    }
    let mut dd = Deduper::new(DedupConfig::default());
    for (s, &i) in &ids {
        let id = format!("s{i:05}");
        dd.add_claims(&id, &[Claim::whole(&id, s)]);
    }
    let report = match hook {
        Some(h) => dd.finish_with(h),
        None => dd.finish(),
    };
    let mut cluster_of = vec![usize::MAX; ids.len()];
    for c in &report.clusters {
        for m in &c.members {
            if let Some(i) = m
                .claim
                .doc_id
                .strip_prefix('s')
                .and_then(|x| x.parse::<usize>().ok())
            {
                cluster_of[i] = c.id;
            }
        }
    }
    let (mut tp, mut flagged, mut positive) = (0usize, 0usize, 0usize);
    for p in pairs {
        let (a, b) = (cluster_of[ids[p.a.as_str()]], cluster_of[ids[p.b.as_str()]]);
        let same = a != usize::MAX && a == b;
        flagged += usize::from(same);
        tp += usize::from(same && p.label);
        positive += usize::from(p.label);
    }
    let precision = if flagged > 0 {
        tp as f64 / flagged as f64
    } else {
        1.0
    };
    let recall = tp as f64 / positive.max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    PairScores {
        precision,
        recall,
        f1,
    }
}
