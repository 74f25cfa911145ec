//! `according to X`: a source named without a verb ([`Rule::IndirectAccordingTo`],
//! [`Rule::DirectAccordingTo`]).

use crate::engine::*;

impl<'a> Finder<'a> {
    /// `according to X`: the source runs from `to` to the next comma;
    /// the report is the rest of the unit, before or after it.
    pub(in crate::engine) fn according_to(
        &mut self,
        unit: Span,
        toks: &[Token<'a>],
        hit: &CueHit<'static>,
        cue: Span,
    ) -> Option<(Mention, Np)> {
        let text = self.text;
        let after_cue = hit.at + hit.len;
        // The source runs from `to` to the next comma (or the end).
        let src_end = (after_cue..toks.len())
            .find(|&k| {
                matches!(toks[k].text, "," | ";" | ":" | "." | "—" | "–" | "-")
                    || toks[k].is_quote_mark()
            })
            .unwrap_or(toks.len());
        let mut src_last = src_end;
        while src_last > after_cue && !toks[src_last - 1].is_word {
            src_last -= 1;
        }
        if src_last <= after_cue || src_last - after_cue > MAX_SOURCE_TOKENS {
            return None;
        }
        let np = np::forward(toks, after_cue, src_last, text)
            .map(|mut n| {
                n.last = src_last - 1;
                n
            })
            .unwrap_or_else(|| np::describe(toks, after_cue, src_last - 1, text));
        // `According to the city’s engineer, Dr. Lena Park, …`: an
        // appositive name after the role is part of the source.
        let (mut np, mut src_end) =
            match toks.get(src_end).filter(|t| t.text == ",").and_then(|_| {
                let name = np::forward(toks, src_end + 1, toks.len(), text)?;
                let closes = toks.get(name.last + 1).is_some_and(|t| t.text == ",");
                (closes && matches!(name.kind, MentionKind::Name)).then_some(name)
            }) {
                Some(mut name) => {
                    let end = name.last + 1;
                    name.role = Some(cut(text, toks[np.first].span.start, toks[np.last].span.end));
                    name.first = np.first;
                    (name, end)
                }
                None => (np, src_end),
            };
        // `…, according to an analysis by Crowdpac, a political
        // crowdfunding website.`: an appositive or relative clause after
        // the source belongs to it, and no report follows.
        let before_comma = hit.at > 0 && toks[hit.at - 1].text == ",";
        if before_comma
            && toks.get(src_end).is_some_and(|t| t.text == ",")
            && toks
                .get(src_end + 1)
                .is_some_and(|t| matches!(t.lower(), "a" | "an" | "which" | "who" | "whose"))
        {
            let end = (src_end + 1..toks.len())
                .find(|&k| matches!(toks[k].text, "," | ";" | "." | ":"))
                .unwrap_or(toks.len());
            if end == toks.len() || toks[end].text == "." {
                let mut last = end;
                while last > src_end + 1 && !toks[last - 1].is_word {
                    last -= 1;
                }
                np.last = last - 1;
                src_end = toks.len();
            }
        }
        let m = self.mention(toks, &np);
        let after_comma = toks.get(src_end).is_some_and(|t| t.text == ",");
        let lead = toks[..hit.at].iter().filter(|t| t.is_word).take(4).count();
        let content = if before_comma && after_comma {
            // `Since November, according to HRW, forces have killed …`:
            // the report surrounds its attribution.
            Span::new(unit.start, unit.end)
        } else if before_comma {
            // `…, according to X.`
            Span::new(unit.start, toks[hit.at - 1].span.start)
        } else if after_comma && lead <= 2 {
            // `(But) according to X, …`
            Span::new(
                toks.get(src_end + 1).map_or(unit.end, |t| t.span.start),
                unit.end,
            )
        } else if (src_end >= toks.len() - 1 || after_comma) && lead > 3 {
            // `… is ahead 46 to 39 according to a CBS poll.`, `… leads by
            // 271 delegates according to a count by the AP, but …`
            Span::new(unit.start, toks[hit.at].span.start)
        } else {
            return None;
        };
        let subj = (m, np);
        self.emit(
            content,
            cue,
            Some(&subj),
            hit.entry,
            Route::AccordingTo,
            None,
        );
        Some(subj)
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::tests::reports;

    #[test]
    fn source_after_the_report() {
        let r = reports("Prices will rise next year, according to the central bank.");
        assert_eq!(
            r,
            [(
                "indirect:according-to",
                "Prices will rise next year",
                "the central bank"
            )]
        );
    }

    #[test]
    fn source_before_the_report() {
        let r = reports("According to the mayor, the bridge will close in May.");
        assert_eq!(
            r,
            [(
                "indirect:according-to",
                "the bridge will close in May",
                "the mayor"
            )]
        );
    }
}
