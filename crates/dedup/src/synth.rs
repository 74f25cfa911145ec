//! Synthetic claims (todo).
