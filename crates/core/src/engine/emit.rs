//! From content to candidate: trims the content a rule found, decides the
//! quote's kind (direct, mixed, indirect) and credits it to a [`Rule`] with
//! the rule's confidence.

use crate::engine::rules::{EVIDENCE_AFTER_CONFIDENCE, LEARNED_STANCE_CONFIDENCE};
use crate::engine::*;

impl<'a> Finder<'a> {
    /// The cue written at `span`.
    pub(in crate::engine) fn cue_of(&self, span: Span) -> Cue {
        Cue {
            text: cut(self.text, span.start, span.end),
            span,
        }
    }

    /// Emit a quote for content after a cue. Returns whether one was emitted.
    pub(in crate::engine) fn emit(
        &mut self,
        content: Span,
        cue: Span,
        subj: Option<&(Mention, Np)>,
        entry: &CueEntry,
        route: Route,
        inherit: Option<usize>,
    ) -> bool {
        let text = self.text;
        let class = entry.class;
        let content = content.trim(text);
        if content.is_empty() {
            return false;
        }
        let qs = self.quoted_in(content);
        // Content that is (or opens) a quoted span is a direct quote.
        for k in qs.clone() {
            let q = self.quoted[k];
            let outer = q.outer();
            let starts_at_quote = q.open.start <= content.start + 1
                && q.open.start >= content.start.saturating_sub(1);
            // Direct only when the content *is* the quote; words outside the
            // marks make it mixed (`that Romney “had a crazy policy”`).
            let reaches_end = outer.end + 2 >= content.end;
            if starts_at_quote && reaches_end {
                // A short title (`told “Fox and Friends,”`, `titled
                // “Dangerous”`) or noun phrase is not what was said.
                // Counted without collecting: only up to six words matter.
                let mut n_words = 0usize;
                let mut title = true;
                let mut last_word = None;
                for w in q.content.slice(text).unwrap_or_default().split_whitespace() {
                    n_words += 1;
                    if n_words <= TITLE_MAX_WORDS {
                        title &= w.chars().next().is_some_and(|c| !c.is_lowercase());
                    }
                    last_word = Some(w);
                }
                let title = n_words <= TITLE_MAX_WORDS && title;
                let sentence = last_word.is_some_and(|w| w.ends_with(['.', '!', '?', '…']));
                // `said, “We’ll see,” when …`: a quote set off after the cue
                // by a comma or colon is speech, however short.
                let set_off = cue.end <= q.open.start
                    && text
                        .get(cue.end..q.open.start)
                        .is_some_and(|g| matches!(g.trim(), "," | ":"));
                if (n_words < DIRECT_MIN_WORDS && !set_off || title) && !sentence {
                    return false;
                }
                self.claimed[k] = true;
                let r = route.direct_rule();
                let conf = r.direct_confidence(q.close.is_some());
                self.cands.push(Cand {
                    kind: QuoteKind::Direct,
                    span: q.content,
                    fragment: None,
                    cue: Some(self.cue_of(cue)),
                    mention: subj.cloned(),
                    inherit,
                    confidence: conf,
                    reason: r,
                });
                // Further quotes in the same content (`said: “A.” “B.”`) follow the same speaker.
                return true;
            }
        }
        let content =
            content.trim_matches(text, |c| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        let content = trim_final_period(text, content);
        // `endorsed Cruz Wednesday`: the time is the endorsement's, not part
        // of what was endorsed.
        let content = if class == CueClass::Object && cue.end <= content.start {
            trim_trailing_time(text, content)
        } else {
            content
        };
        // Content that opens before its cue (`…, according to X.`, `A, they
        // say, B.`) may open with anything; content right after a verb must
        // not be an adjunct.
        let before_cue = content.start < cue.start;
        // `endorsed Clinton`, `supported him` (an object cue's object) and
        // `46 percent of voters said yes` may be a single word.
        let one_word = content.slice(text).is_some_and(|c| {
            !c.contains(char::is_whitespace)
                && match class {
                    CueClass::Object => {
                        c.starts_with(|ch: char| ch.is_uppercase())
                            || matches!(c, "him" | "her" | "them" | "it")
                    }
                    CueClass::Speech => with_lowercase(c, |l| matches!(l, "yes" | "no")),
                    _ => false,
                }
        });
        if !before_cue && !one_word && !plausible_content(text, content) {
            return false;
        }
        let (kind, fragment) = self.kind_of(content, qs);
        let r = match (kind, class, route) {
            (QuoteKind::Mixed, _, _) => Rule::MixedCue,
            (_, _, Route::Nominal) => Rule::IndirectNominal,
            (_, CueClass::According, _) => Rule::IndirectAccordingTo,
            (_, CueClass::Belief, _) => Rule::IndirectBelief,
            (_, CueClass::Evidence, _) => Rule::IndirectEvidence,
            (_, CueClass::Hedge, _) => Rule::IndirectHedge,
            (_, CueClass::About | CueClass::Object, _) => Rule::IndirectObject,
            (_, _, Route::Gerund) => Rule::IndirectGerund,
            (_, _, Route::Coordinated) => Rule::IndirectCoordinated,
            (_, _, Route::Fallback) => Rule::IndirectFallback,
            _ => Rule::IndirectCueBefore,
        };
        // A learned stance (`voted`, `approved`) is reported with less
        // confidence than a hand-listed cue, so that editors can filter it.
        let conf = if kind == QuoteKind::Indirect && class == CueClass::Object && entry.learned {
            LEARNED_STANCE_CONFIDENCE
        } else {
            r.confidence()
        };
        self.cands.push(Cand {
            kind,
            span: content,
            fragment,
            cue: Some(self.cue_of(cue)),
            mention: subj.cloned(),
            inherit,
            confidence: conf,
            reason: r,
        });
        true
    }

    /// Emit a quote for content before its attribution (`…, he said.`).
    pub(in crate::engine) fn emit_before(
        &mut self,
        content: Span,
        cue: Span,
        subj: &(Mention, Np),
        class: CueClass,
    ) {
        let text = self.text;
        let content = content.trim_matches(text, |c| {
            c.is_whitespace() || matches!(c, ',' | '—' | '–' | ';')
        });
        if content.is_empty() {
            return;
        }
        let qs = self.quoted_in(content);
        // The quote that ends right before the attribution and opens the
        // content (`“…,” he said`).
        if let Some(k) = qs.clone().next_back() {
            let q = self.quoted[k];
            let opens = text
                .get(content.start..q.open.start)
                .is_some_and(|gap| gap.trim().is_empty());
            let opens = opens || qs.len() == 1 && q.open.start <= content.start;
            if q.outer().end + 2 >= content.end && opens {
                self.claimed[k] = true;
                self.cands.push(Cand {
                    kind: QuoteKind::Direct,
                    span: q.content,
                    fragment: None,
                    cue: Some(self.cue_of(cue)),
                    mention: Some(subj.clone()),
                    inherit: None,
                    confidence: Rule::DirectCueAfter.direct_confidence(q.close.is_some()),
                    reason: Rule::DirectCueAfter,
                });
                return;
            }
        }
        // `…, the poll found.`: documents and polls report too.
        let evidence = class == CueClass::Evidence
            && matches!(subj.1.kind, MentionKind::Organization | MentionKind::Group);
        if !matches!(class, CueClass::Speech | CueClass::Object) && !evidence {
            return;
        }
        let content =
            content.trim_matches(text, |c| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        let content = trim_final_period(text, content);
        if content
            .slice(text)
            .is_none_or(|c| c.split_whitespace().nth(1).is_none())
        {
            return;
        }
        let (kind, fragment) = self.kind_of(content, qs);
        let rule = if kind == QuoteKind::Mixed {
            Rule::MixedCueAfter
        } else {
            Rule::IndirectCueAfter
        };
        self.cands.push(Cand {
            kind,
            span: content,
            fragment,
            cue: Some(self.cue_of(cue)),
            mention: Some(subj.clone()),
            inherit: None,
            confidence: if evidence {
                EVIDENCE_AFTER_CONFIDENCE
            } else {
                rule.confidence()
            },
            reason: rule,
        });
    }
}
