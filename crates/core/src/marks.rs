//! Quote marks (work in progress).
