//! # quotecheck-core
//!
//! The document model and the attribution engine of quotecheck: split a news
//! article into paragraphs and sentences, recognise page boilerplate, find
//! direct, indirect and mixed quotes, and attribute each to a canonical
//! speaker.
//!
//! ## A tour
//!
//! A [`Document`] is an id and a text; [`analyze`] returns its
//! [`Analysis`]: paragraphs, sentences, boilerplate lines, [`Quote`]s (kind,
//! span, cue, mention, confidence and the rule that found it, `reason`) and
//! the document's canonical [`Speaker`]s. [`quote_records`] and
//! [`speaker_records`] flatten an analysis into the rows the CLI writes
//! (code-point offsets, speaker names instead of indices).
//!
//! ```
//! use quotecheck_core::{analyze, quote_records, Document, QuoteKind};
//!
//! let doc = Document::new(
//!     "example",
//!     "Mayor Ana Ruiz said the bridge would reopen. “It is safe,” Ruiz added.",
//! );
//! let analysis = analyze(&doc);
//!
//! // One indirect quote (`said the bridge …`), one direct quote.
//! let direct = analysis.quotes.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
//! assert_eq!(direct.span.slice(&doc.text), Some("It is safe,"));
//! assert_eq!(direct.cue.as_ref().map(|c| c.text.as_str()), Some("added"));
//!
//! // `Ruiz` is resolved to the speaker first named in full.
//! let speaker = analysis.speaker_of(direct).unwrap();
//! assert_eq!(speaker.name, "Ana Ruiz");
//! assert_eq!(analysis.speakers.len(), 1);
//!
//! // Rows as written by `quotecheck quotes` (offsets in code points).
//! let rows = quote_records(&doc, &analysis);
//! assert_eq!(rows.len(), analysis.quotes.len());
//! let row = rows.iter().find(|r| r.kind == QuoteKind::Direct).unwrap();
//! assert_eq!((row.char_start, row.speaker.as_str()), (46, "Ana Ruiz"));
//! ```
//!
//! All spans are byte offsets into the original text ([`Span`]); use
//! [`CharIndex`] or [`quote_records`] for code-point offsets.
//!
//! The modules are private: what other crates use is re-exported here.

mod boilerplate;
mod cue;
mod document;
mod engine;
mod marks;
mod name;
mod quote;
mod record;
mod scan;
mod segment;
mod span;
mod speaker;
mod token;
mod words;

pub use document::{Analysis, Document};
pub use engine::{analyze, confidence_features, feature_names, Rule};
pub use name::{given_names, name_key, nfc};
pub use quote::{Cue, Quote, QuoteKind, QuoteType};
pub use record::{
    quote_records, speaker_records, PartRecord, QuoteRecord, SpeakerRecord, PART_JOINER,
};
pub use span::{CharIndex, Span};
pub use speaker::{Mention, MentionKind, Speaker, SpeakerKind};
