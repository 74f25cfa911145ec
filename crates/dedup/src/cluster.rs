//! Clustering: union-find over exact and verified near-duplicate links.
//!
//! Claims are numbered in their canonical order (document id, then byte
//! offset; see [`crate::Deduper`]), so the **canonical** claim of a cluster —
//! the earliest — is simply its smallest member. The partition found by
//! union-find does not depend on the order in which links are added.
//!
//! ```
//! use quotecheck_dedup::cluster::{groups, UnionFind};
//! let mut uf = UnionFind::new(6);
//! uf.union(4, 1);
//! uf.union(1, 3);
//! uf.union(5, 2);
//! assert!(uf.same(3, 4));
//! assert_eq!(groups(&mut uf), vec![vec![1, 3, 4], vec![2, 5]]);
//! ```

/// A disjoint-set forest with union by size and path halving.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    /// `n` singleton sets `0..n`.
    pub fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// True when there are no elements.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    /// Merge the sets of `a` and `b`; true when they were different.
    pub fn union(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        true
    }

    /// True when `a` and `b` are in the same set.
    pub fn same(&mut self, a: u32, b: u32) -> bool {
        self.find(a) == self.find(b)
    }

    /// Size of `x`'s set.
    pub fn set_size(&mut self, x: u32) -> usize {
        let r = self.find(x);
        self.size[r as usize] as usize
    }
}

/// The sets with at least two elements, each sorted ascending, ordered by
/// their smallest element. Deterministic for a given partition.
pub fn groups(uf: &mut UnionFind) -> Vec<Vec<u32>> {
    let n = uf.len();
    let mut slot = vec![u32::MAX; n];
    let mut out: Vec<Vec<u32>> = Vec::new();
    for x in 0..n as u32 {
        if uf.set_size(x) < 2 {
            continue;
        }
        let r = uf.find(x) as usize;
        if slot[r] == u32::MAX {
            slot[r] = out.len() as u32;
            out.push(Vec::new());
        }
        out[slot[r] as usize].push(x);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singletons_are_not_groups() {
        let mut uf = UnionFind::new(3);
        assert!(groups(&mut uf).is_empty());
        assert!(!uf.is_empty());
    }

    #[test]
    fn union_is_order_independent() {
        let links = [(0u32, 5u32), (5, 9), (2, 3), (9, 1), (7, 8)];
        let mut a = UnionFind::new(10);
        for &(x, y) in &links {
            a.union(x, y);
        }
        let mut b = UnionFind::new(10);
        for &(x, y) in links.iter().rev() {
            b.union(y, x);
        }
        assert_eq!(groups(&mut a), groups(&mut b));
        assert_eq!(groups(&mut a)[0], vec![0, 1, 5, 9]);
    }

    #[test]
    fn union_reports_merges() {
        let mut uf = UnionFind::new(4);
        assert!(uf.union(0, 1));
        assert!(!uf.union(1, 0));
        assert_eq!(uf.set_size(1), 2);
    }
}
