//! The integration tests of `quotecheck-eval`, in one binary: the engine's
//! accuracy on the seed article, the annotated fixtures and PolNeAR.

mod fixtures_accuracy;
mod polnear_sample;
mod seed;
mod speech_fixtures;
