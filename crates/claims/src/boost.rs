//! Boosted regression trees that correct a linear re-ranker's scores.
//!
//! A [`Trees`] is a forest of complete binary trees of one depth, stored
//! flat (heap order: the children of node `k` are `2k + 1` and `2k + 2`),
//! each node a `(feature, value)` pair: an inner node sends a feature
//! vector left when `x[feature] <= value`, a leaf adds `value` to the
//! score. Being plain data, a fitted forest is compiled in as a constant
//! ([`crate::rerank_trees`]).
//!
//! [`fit_pairwise`] fits the trees by gradient boosting on the pairwise
//! (RankNet) loss of each query's candidates, starting from given scores
//! (the linear re-ranker's): every round computes the loss's first and
//! second derivatives per candidate, grows one tree of the given depth on
//! feature histograms (at most [`BINS`] cut points per feature, the
//! quantiles of the training rows), and adds its Newton leaf values scaled
//! by the shrinkage. Deterministic.
//!
//! ```
//! use quotecheck_claims::boost::{fit_pairwise, BoostConfig};
//! // The relevant candidate has feature 0 high and feature 1 low.
//! let mut queries = Vec::new();
//! for q in 0..40 {
//!     let xs = vec![[1.0, 1.0], [0.0, 0.0], [1.0, 0.0], [0.5, 0.5 + q as f32 / 100.0]];
//!     queries.push((xs, vec![false, false, true, false]));
//! }
//! let base: Vec<Vec<f32>> = queries.iter().map(|(x, _)| vec![0.0; x.len()]).collect();
//! let cfg = BoostConfig { trees: 20, depth: 2, shrinkage: 0.3, ..BoostConfig::default() };
//! let forest = fit_pairwise(&queries, &base, &cfg);
//! let t = forest.as_trees();
//! assert!(t.score(&[1.0, 0.0]) > t.score(&[1.0, 1.0]));
//! assert!(t.score(&[1.0, 0.0]) > t.score(&[0.0, 0.0]));
//! ```

/// Cut points per feature at most.
pub const BINS: usize = 32;

/// A forest as compiled-in data (module documentation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trees {
    /// Depth of every tree (0: no trees).
    pub depth: u8,
    /// The nodes, tree after tree, `2^(depth+1) − 1` per tree.
    pub nodes: &'static [(u8, f32)],
}

impl Trees {
    /// No trees: a score of 0.
    pub const NONE: Trees = Trees {
        depth: 0,
        nodes: &[],
    };

    /// Nodes per tree.
    fn stride(&self) -> usize {
        (1usize << (self.depth + 1)) - 1
    }

    /// The sum of the trees' leaf values for `x`.
    pub fn score(&self, x: &[f32]) -> f32 {
        if self.depth == 0 {
            return 0.0;
        }
        let mut sum = 0.0;
        for tree in self.nodes.chunks_exact(self.stride()) {
            let mut k = 0;
            for _ in 0..self.depth {
                let (f, v) = tree[k];
                k = if x[f as usize] <= v {
                    2 * k + 1
                } else {
                    2 * k + 2
                };
            }
            sum += tree[k].1;
        }
        sum
    }

    /// The number of trees.
    pub fn len(&self) -> usize {
        if self.depth == 0 {
            0
        } else {
            self.nodes.len() / self.stride()
        }
    }

    /// Whether there are no trees.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A fitted forest, owned (see [`Forest::as_trees`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Forest {
    /// Depth of every tree.
    pub depth: u8,
    /// The nodes (as [`Trees::nodes`]).
    pub nodes: Vec<(u8, f32)>,
}

impl Forest {
    /// The forest as [`Trees`] (leaks one copy: for fitting tools, which
    /// fit once and rank with the result).
    pub fn as_trees(&self) -> Trees {
        Trees {
            depth: self.depth,
            nodes: Box::leak(self.nodes.clone().into_boxed_slice()),
        }
    }

    /// The nodes as Rust source, a constant named `name`.
    pub fn to_rust(&self, name: &str) -> String {
        let mut s = format!(
            "pub const {name}: Trees = Trees {{\n    depth: {},\n    nodes: &[\n",
            self.depth
        );
        for chunk in self.nodes.chunks(4) {
            s.push_str("       ");
            for (f, v) in chunk {
                s.push_str(&format!(" ({f}, {v:e}),"));
            }
            s.push('\n');
        }
        s.push_str("    ],\n};\n");
        s
    }
}

/// Settings of [`fit_pairwise`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoostConfig {
    /// Boosting rounds (trees).
    pub trees: usize,
    /// Depth of each tree.
    pub depth: u8,
    /// Each tree's leaf values are scaled by this.
    pub shrinkage: f32,
    /// L2 penalty on leaf values (added to the leaf's second derivatives).
    pub lambda: f64,
    /// Least sum of second derivatives in a child of a split.
    pub min_hessian: f64,
}

impl Default for BoostConfig {
    fn default() -> Self {
        BoostConfig {
            trees: 100,
            depth: 3,
            shrinkage: 0.1,
            lambda: 1.0,
            min_hessian: 1.0,
        }
    }
}

/// Cut points of one feature: up to [`BINS`] distinct quantiles of `values`.
fn cuts(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_unstable_by(f32::total_cmp);
    let mut out: Vec<f32> = (1..=BINS)
        .map(|b| values[(b * (values.len() - 1)) / (BINS + 1)])
        .collect();
    out.dedup();
    out
}

/// Fit trees on the pairwise loss of each query's candidates (module
/// documentation), starting from `base` (one score per candidate, e.g. a
/// linear re-ranker's). Each element of `queries` holds one query's
/// feature vectors and relevance labels.
pub fn fit_pairwise<const N: usize>(
    queries: &[(Vec<[f32; N]>, Vec<bool>)],
    base: &[Vec<f32>],
    cfg: &BoostConfig,
) -> Forest {
    let rows: Vec<&[f32; N]> = queries.iter().flat_map(|(x, _)| x.iter()).collect();
    let mut forest = Forest {
        depth: cfg.depth,
        nodes: Vec::new(),
    };
    if rows.is_empty() || cfg.depth == 0 {
        return forest;
    }
    let cut: Vec<Vec<f32>> = (0..N)
        .map(|f| cuts(rows.iter().map(|x| x[f]).collect()))
        .collect();
    // Each row's bin per feature: the first cut ≥ the value (len = beyond).
    let bins: Vec<[u8; N]> = rows
        .iter()
        .map(|x| {
            let mut b = [0u8; N];
            for f in 0..N {
                b[f] = cut[f].partition_point(|&c| c < x[f]) as u8;
            }
            b
        })
        .collect();
    let mut score: Vec<f32> = base.iter().flatten().copied().collect();
    let stride = (1usize << (cfg.depth + 1)) - 1;
    for _ in 0..cfg.trees {
        // Derivatives of the pairwise loss.
        let mut g = vec![0f64; rows.len()];
        let mut h = vec![0f64; rows.len()];
        let mut start = 0;
        for (x, y) in queries {
            for i in (0..x.len()).filter(|&i| y[i]) {
                for j in (0..x.len()).filter(|&j| !y[j]) {
                    let d = f64::from(score[start + i] - score[start + j]);
                    let p = 1.0 / (1.0 + d.exp());
                    g[start + i] -= p;
                    g[start + j] += p;
                    let w = (p * (1.0 - p)).max(1e-6);
                    h[start + i] += w;
                    h[start + j] += w;
                }
            }
            start += x.len();
        }
        // Grow one complete tree level by level; `node[r]` = row r's node.
        let mut tree = vec![(0u8, 0f32); stride];
        let mut node = vec![0usize; rows.len()];
        for level in 0..cfg.depth {
            let first = (1usize << level) - 1;
            let width = 1usize << level;
            for k in first..first + width {
                // Histograms of (G, H) per feature and bin for rows at k.
                let mut hist = vec![[(0f64, 0f64); BINS + 1]; N];
                let (mut gt, mut ht) = (0f64, 0f64);
                for r in (0..rows.len()).filter(|&r| node[r] == k) {
                    gt += g[r];
                    ht += h[r];
                    for f in 0..N {
                        let e = &mut hist[f][bins[r][f] as usize];
                        e.0 += g[r];
                        e.1 += h[r];
                    }
                }
                let parent = gt * gt / (ht + cfg.lambda);
                let mut best: Option<(f64, u8, f32)> = None;
                for f in 0..N {
                    let (mut gl, mut hl) = (0f64, 0f64);
                    for (b, &c) in cut[f].iter().enumerate() {
                        gl += hist[f][b].0;
                        hl += hist[f][b].1;
                        let (gr, hr) = (gt - gl, ht - hl);
                        if hl < cfg.min_hessian || hr < cfg.min_hessian {
                            continue;
                        }
                        let gain =
                            gl * gl / (hl + cfg.lambda) + gr * gr / (hr + cfg.lambda) - parent;
                        if gain > 1e-9 && best.is_none_or(|b| gain > b.0) {
                            best = Some((gain, f as u8, c));
                        }
                    }
                }
                // No useful split: everything goes left.
                tree[k] = best.map_or((0, f32::INFINITY), |b| (b.1, b.2));
            }
            for r in 0..rows.len() {
                let (f, v) = tree[node[r]];
                node[r] = if rows[r][f as usize] <= v {
                    2 * node[r] + 1
                } else {
                    2 * node[r] + 2
                };
            }
        }
        // Newton leaf values.
        let leaves = 1usize << cfg.depth;
        let first = leaves - 1;
        let mut sums = vec![(0f64, 0f64); leaves];
        for r in 0..rows.len() {
            sums[node[r] - first].0 += g[r];
            sums[node[r] - first].1 += h[r];
        }
        for (l, (gs, hs)) in sums.iter().enumerate() {
            tree[first + l] = (0, (-gs / (hs + cfg.lambda)) as f32 * cfg.shrinkage);
        }
        for r in 0..rows.len() {
            score[r] += tree[node[r]].1;
        }
        forest.nodes.extend(tree);
    }
    forest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_made_tree_scores_by_its_path() {
        // x[1] <= 0.5 ? (x[0] <= 2 ? 1 : 2) : (x[0] <= 2 ? 3 : 4)
        static NODES: [(u8, f32); 7] = [
            (1, 0.5),
            (0, 2.0),
            (0, 2.0),
            (0, 1.0),
            (0, 2.0),
            (0, 3.0),
            (0, 4.0),
        ];
        let t = Trees {
            depth: 2,
            nodes: &NODES,
        };
        assert_eq!(t.len(), 1);
        assert_eq!(t.score(&[1.0, 0.0]), 1.0);
        assert_eq!(t.score(&[3.0, 0.0]), 2.0);
        assert_eq!(t.score(&[1.0, 1.0]), 3.0);
        assert_eq!(t.score(&[3.0, 1.0]), 4.0);
        assert_eq!(Trees::NONE.score(&[1.0, 1.0]), 0.0);
    }

    #[test]
    fn fitting_is_deterministic_and_round_trips_as_rust() {
        let queries: Vec<(Vec<[f32; 2]>, Vec<bool>)> = (0..10)
            .map(|q| {
                (
                    vec![[q as f32, 1.0], [0.5, 0.0], [1.0, 2.0]],
                    vec![false, true, false],
                )
            })
            .collect();
        let base: Vec<Vec<f32>> = queries.iter().map(|(x, _)| vec![0.0; x.len()]).collect();
        let cfg = BoostConfig {
            trees: 5,
            depth: 2,
            ..BoostConfig::default()
        };
        let a = fit_pairwise(&queries, &base, &cfg);
        assert_eq!(a, fit_pairwise(&queries, &base, &cfg));
        assert_eq!(a.nodes.len(), 5 * 7);
        let t = a.as_trees();
        assert!(t.score(&[0.5, 0.0]) > t.score(&[1.0, 2.0]));
        assert!(a
            .to_rust("X")
            .starts_with("pub const X: Trees = Trees {\n    depth: 2,"));
    }
}
