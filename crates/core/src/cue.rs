//! Reporting cues (work in progress).
