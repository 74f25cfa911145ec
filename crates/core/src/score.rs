//! Scoring predicted quotes against gold annotations.
