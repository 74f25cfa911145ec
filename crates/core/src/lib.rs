//! # quotecheck-core
//!
//! The document model and the attribution engine of quotecheck: split a news
//! article into paragraphs and sentences, recognise page boilerplate, find
//! direct, indirect and mixed quotes, and attribute each to a canonical
//! speaker.
//!
//! ```
//! use quotecheck_core::{analyze, Document, QuoteKind};
//!
//! let doc = Document::new(
//!     "example",
//!     "Mayor Ana Ruiz said the bridge would reopen. “It is safe,” Ruiz added.",
//! );
//! let analysis = analyze(&doc);
//! let direct = analysis.quotes.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
//! assert_eq!(direct.span.slice(&doc.text), Some("It is safe,"));
//! assert_eq!(analysis.speaker_of(direct).unwrap().name, "Ana Ruiz");
//! ```
//!
//! All spans are byte offsets into the original text ([`Span`]); use
//! [`CharIndex`] or [`quote_records`] for code-point offsets.

pub mod boilerplate;
pub mod cue;
pub mod document;
pub mod engine;
pub mod marks;
pub mod quote;
pub mod record;
mod scan;
pub mod segment;
pub mod span;
pub mod speaker;
pub mod token;
pub mod words;

pub use document::{Analysis, Document};
pub use engine::analyze;
pub use quote::{Cue, Quote, QuoteKind};
pub use record::{quote_records, speaker_records, PartRecord, QuoteRecord, SpeakerRecord};
pub use span::{CharIndex, Span};
pub use speaker::{Mention, MentionKind, Speaker, SpeakerKind};
