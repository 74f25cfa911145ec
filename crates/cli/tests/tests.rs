//! The integration tests of the `quotecheck` binary and library, in one
//! binary (ripgrep's layout): one module per area. Test inputs are in the
//! workspace's `tests/data/` and `fixtures/`.

mod cli_bad_input;
mod cli_dedup;
mod cli_e2e;
mod cli_findings;
mod cli_inputs;
mod cli_match;
mod cli_model;
mod cli_offsets;
mod cli_oom;
mod cli_progress;
mod cli_props;
mod cli_reliability;
mod cli_reliability2;
mod cli_review;
mod cli_semantic;
mod cli_speaker_fixture;
mod cli_speakers;
mod cli_stream;
mod common;
