//! Extra links from outside the engine: a [`LinkHook`] (the claims crate's
//! semantic matcher behind `quotecheck dedup --semantic`) proposes pairs of
//! claims that the lexical rule does not link, and verifies a claim against
//! a cluster's canonical claim.
//!
//! The engine keeps its own rules in charge:
//!
//! - a proposed link must pass the hard gates of [`crate::verify`] (numbers
//!   as [`crate::VerifyConfig::numbers`] says, the same number of
//!   negations), and never links overlapping claims of one document;
//! - links never chain: after exact and near links have formed the lexical
//!   groups, hook links merge them, and each merged group is split again
//!   into clusters: the canonical (earliest) claim's lexical group, and each
//!   other lexical group whose members are, every one, a near duplicate of
//!   the canonical claim or accepted by [`LinkHook::verify`] against it
//!   ([`crate::Reason::Semantic`], with the hook's score). Lexical groups
//!   are never broken up: a rejected group joins the rest, whose earliest
//!   claim is the canonical claim of the next cluster.
//!
//! A group whose splitting would take more than [`VERIFY_BUDGET`] calls of
//! [`LinkHook::verify`] per member keeps the rest as lexical groups (a guard
//! against a pathological group; never met on real data).
//!
//! The hook sees the claims' texts only when [`crate::DedupConfig::keep_text`]
//! is on (else empty texts).

use std::collections::HashMap;

use rayon::prelude::*;

use crate::cluster::{groups, UnionFind};
use crate::engine::Finisher;
use crate::record::Cluster;
use crate::verify::{verify, FeatureRef, Rejection, Similarity, VerifyConfig};

/// Calls of [`LinkHook::verify`] allowed per member of a merged group.
pub const VERIFY_BUDGET: usize = 64;

/// One claim as a [`LinkHook`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct HookClaim<'a> {
    /// Document number (claims of one document share it).
    pub doc: u32,
    /// The claim as written (empty when the text is not kept).
    pub text: &'a str,
    /// Its content, numbers and negations.
    pub features: FeatureRef<'a>,
}

/// Extra links between claims, found and verified outside the engine.
pub trait LinkHook: Sync {
    /// Pairs `(a, b, score)` of claims (positions in `claims`, which are in
    /// the report's canonical order) that the hook's rule calls the same
    /// claim. Called once per run, before any [`LinkHook::verify`].
    fn links(&mut self, claims: &[HookClaim<'_>]) -> Vec<(u32, u32, f32)>;

    /// The hook's score when its rule accepts `member` as the same claim as
    /// `canonical` (positions as in [`LinkHook::links`]), else `None`.
    fn verify(&self, canonical: u32, member: u32) -> Option<f32>;
}

impl Finisher {
    /// The hard gates: numbers and negations agree.
    fn gates(&self, a: u32, b: u32) -> bool {
        let cfg = VerifyConfig {
            min_tokens: 0,
            ..self.config.verify
        };
        !matches!(
            verify(self.features(a), self.features(b), &cfg),
            Err(Rejection::NumbersDiffer | Rejection::NegationDiffers)
        )
    }

    /// Whether `member` may join the cluster of `canonical`: `Some(None)`
    /// as a near duplicate, `Some(Some(score))` by the hook's rule.
    fn accepts(&self, canonical: u32, member: u32, hook: &dyn LinkHook) -> Option<Option<f32>> {
        if self.overlapping(canonical, member) || !self.gates(canonical, member) {
            return None;
        }
        let (a, b) = (self.features(canonical), self.features(member));
        if verify(a, b, &self.config.verify).is_ok() {
            return Some(None);
        }
        hook.verify(canonical, member).map(Some)
    }

    /// Clusters when a hook adds links to the lexical groups in `uf`, in
    /// order of their canonical claims.
    pub(crate) fn hook_clusters(
        &self,
        hook: &mut dyn LinkHook,
        uf: &mut UnionFind,
        rep: &[u32],
        best: &[Option<Similarity>],
    ) -> Vec<Cluster> {
        let n = self.store.metas.len() as u32;
        let lexical: Vec<u32> = (0..n).map(|r| uf.find(r)).collect();
        let claims: Vec<HookClaim<'_>> = (0..n)
            .map(|r| HookClaim {
                doc: self.meta(r).doc,
                text: self.store.text(self.meta(r)),
                features: self.features(r),
            })
            .collect();
        let links = hook.links(&claims);
        drop(claims);
        for (a, b, _) in links {
            if a != b && a < n && b < n && !self.overlapping(a, b) && self.gates(a, b) {
                uf.union(a, b);
            }
        }
        let hook: &dyn LinkHook = hook;
        let mut out: Vec<(u32, Cluster)> = groups(uf)
            .par_iter()
            .flat_map_iter(|g| self.split(g, &lexical, hook, rep, best))
            .collect();
        out.sort_unstable_by_key(|c| c.0);
        out.into_iter().map(|c| c.1).collect()
    }

    /// Split a merged group into clusters without chaining (module doc).
    fn split(
        &self,
        group: &[u32],
        lexical: &[u32],
        hook: &dyn LinkHook,
        rep: &[u32],
        best: &[Option<Similarity>],
    ) -> Vec<(u32, Cluster)> {
        let mut out = Vec::new();
        let mut budget = VERIFY_BUDGET.saturating_mul(group.len());
        let mut rest: Vec<u32> = group.to_vec();
        while rest.len() >= 2 {
            if budget < rest.len() {
                // Pathological: keep the lexical groups of the rest.
                let mut by_root: Vec<(u32, u32)> =
                    rest.iter().map(|&r| (lexical[r as usize], r)).collect();
                by_root.sort_unstable();
                for g in by_root.chunk_by(|x, y| x.0 == y.0) {
                    let g: Vec<u32> = g.iter().map(|x| x.1).collect();
                    if let Some(c) = self.cluster(&g, rep, best, None) {
                        out.push((g[0], c));
                    }
                }
                break;
            }
            let canonical = rest[0];
            let root = lexical[canonical as usize];
            // The rest by lexical group (stable: each unit stays sorted).
            let mut units: Vec<(u32, u32)> =
                rest.iter().map(|&r| (lexical[r as usize], r)).collect();
            units.sort_by_key(|x| x.0);
            let mut members = Vec::new();
            let mut semantic = HashMap::new();
            let mut rejected = Vec::new();
            for unit in units.chunk_by(|x, y| x.0 == y.0) {
                if unit[0].0 == root {
                    members.extend(unit.iter().map(|x| x.1));
                    continue;
                }
                budget = budget.saturating_sub(unit.len());
                let scores: Option<Vec<(u32, Option<f32>)>> = unit
                    .iter()
                    .map(|&(_, r)| self.accepts(canonical, r, hook).map(|s| (r, s)))
                    .collect();
                match scores {
                    Some(scores) => {
                        for (r, s) in scores {
                            members.push(r);
                            if let Some(s) = s {
                                semantic.insert(r, s);
                            }
                        }
                    }
                    None => rejected.extend(unit.iter().map(|x| x.1)),
                }
            }
            members.sort_unstable();
            rejected.sort_unstable();
            if let Some(c) = self.cluster(&members, rep, best, Some(&semantic)) {
                out.push((canonical, c));
            }
            rest = rejected;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::claim::Claim;
    use crate::{DedupConfig, Deduper, Reason};

    use super::*;

    /// Links every claim to the next; accepts only the listed pairs.
    struct Stub {
        accept: Vec<(u32, u32)>,
    }

    impl LinkHook for Stub {
        fn links(&mut self, claims: &[HookClaim<'_>]) -> Vec<(u32, u32, f32)> {
            (1..claims.len() as u32).map(|i| (i - 1, i, 0.9)).collect()
        }
        fn verify(&self, canonical: u32, member: u32) -> Option<f32> {
            self.accept.contains(&(canonical, member)).then_some(0.9)
        }
    }

    fn run(texts: &[&str], accept: Vec<(u32, u32)>) -> Vec<Vec<(String, Reason)>> {
        let mut dd = Deduper::new(DedupConfig::default());
        for (i, t) in texts.iter().enumerate() {
            let id = format!("d{i}");
            dd.add_claims(&id, &[Claim::whole(&id, t)]);
        }
        let report = dd.finish_with(&mut Stub { accept });
        report
            .clusters
            .iter()
            .map(|c| {
                c.members
                    .iter()
                    .map(|m| (m.claim.doc_id.to_string(), m.reason))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn hook_links_never_chain() {
        let texts = [
            "Apples are grown in the orchards of Kent every year.",
            "Kent orchards yield apples annually.",
            "The harvest in Kent brings fruit to market.",
        ];
        // d0–d1 accepted, d1–d2 linked but d2 not accepted against d0.
        let got = run(&texts, vec![(0, 1)]);
        assert_eq!(
            got,
            [[
                ("d0".into(), Reason::Canonical),
                ("d1".into(), Reason::Semantic)
            ]]
        );
        // Accepting d1–d2 too: d2 is left over, alone, so no second cluster.
        let got = run(&texts, vec![(0, 1), (1, 2)]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].len(), 2);
    }

    #[test]
    fn hook_links_keep_the_number_and_negation_gates() {
        let texts = [
            "Three people died in the fire in Leeds on Friday.",
            "Four people died in the fire in Leeds on Friday.",
            "Nobody said the bridge would not reopen soon.",
        ];
        assert!(run(&texts, vec![(0, 1), (1, 2), (0, 2)]).is_empty());
    }

    #[test]
    fn lexical_groups_stay_whole() {
        let texts = [
            "The weather in Oslo was cold and wet on Sunday morning.",
            "Police in Leeds arrested two men after the match on Friday.",
            "Police in Leeds arrested two men after the match on Friday night.",
        ];
        // d0 accepts d1 but not d2; d1 and d2 are near duplicates: the pair
        // stays a cluster of its own, and d0 stays alone.
        let got = run(&texts, vec![(0, 1)]);
        assert_eq!(
            got,
            [[
                ("d1".into(), Reason::Canonical),
                ("d2".into(), Reason::Near)
            ]]
        );
    }
}
