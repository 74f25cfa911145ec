//! Cue detection: the lexicon's matches in a unit, and the vetoes that keep
//! a cue word that is not a reporting verb here (a name part, a noun, an
//! infinitive, a passive) from being read as one.

use crate::engine::vetoes::{vetoed, CueSite};
use crate::engine::*;

impl<'a> Finder<'a> {
    /// The cues of the unit, read at the tokens that may start one
    /// (`starts`, in order: no other word may), into `out` (cleared first).
    /// A cue's other words start no cue.
    pub(in crate::engine) fn cues(
        &self,
        toks: &[Token<'a>],
        starts: &[u32],
        out: &mut Vec<CueHit<'static>>,
    ) {
        let lex = Lexicon::builtin();
        out.clear();
        let mut free = 0;
        for &i in starts {
            let i = i as usize;
            if i < free {
                continue;
            }
            if let Some((len, entry)) = self.cue_at(lex, toks, i) {
                out.push(CueHit { at: i, len, entry });
                free = i + len;
            }
        }
    }

    pub(in crate::engine) fn cue_at(
        &self,
        lex: &'static Lexicon,
        toks: &[Token<'a>],
        i: usize,
    ) -> Option<(usize, &'static CueEntry)> {
        let t = &toks[i];
        if !t.is_word || !t.may_start_cue() {
            return None;
        }
        let l = t.lower();
        if self.in_quote(t.span) {
            return None;
        }
        if l == "according" && toks.get(i + 1).is_some_and(|n| n.lower() == "to") {
            static ACC: CueEntry = CueEntry {
                lemma: String::new(),
                class: CueClass::According,
                quote_type: crate::QuoteType::Speech,
                gerund: false,
                participle: false,
                base: false,
                learned: false,
                traits: LemmaTraits::NONE,
            };
            return Some((2, &ACC));
        }
        // A capitalised cue word inside a sentence is part of a name (`State
        // Department`), except in a headline (`Christie Says He Would …`).
        if i > 0 && t.is_capitalized() && !toks[i - 1].is_quote_mark() && !self.headline(toks) {
            return None;
        }
        let (len, entry) = lex.match_start(toks, i, t.cue_start())?;
        // A passive hedge needs a form of `be` (`is said to be`); else the
        // first word is a cue of its own (`said to reporters`) or none.
        let (len, entry) = if entry.is_passive_hedge() && !after_be(toks, i) {
            (1, lex.token_entry(t)?)
        } else {
            (len, entry)
        };
        // `made no mention of`, `gave a speech about`: a light verb reports
        // only with a reporting noun, and the cue runs to its preposition.
        if entry.class == CueClass::Object && entry.traits.has(LemmaTraits::LIGHT) {
            return light_complement(toks, i + len).map(|end| (end - i, entry));
        }
        let site = CueSite {
            toks,
            i,
            len,
            entry,
        };
        if vetoed(&site) {
            return None;
        }
        Some((len, entry))
    }

    /// [`Finder::title_case`] of the current unit, computed when first asked.
    pub(in crate::engine) fn headline(&self, toks: &[Token<'a>]) -> bool {
        match self.headline.get() {
            Some(h) => h,
            None => {
                let h = self.title_case(toks);
                self.headline.set(Some(h));
                h
            }
        }
    }

    /// Is the unit a title-case headline?
    pub(in crate::engine) fn title_case(&self, toks: &[Token<'a>]) -> bool {
        let (mut words, mut caps) = (0usize, 0usize);
        for t in toks.iter().filter(|t| t.is_word && t.text.len() > 3) {
            words += 1;
            caps += usize::from(t.is_capitalized());
        }
        words >= HEADLINE_MIN_WORDS && caps * 100 >= words * HEADLINE_CAPS_PERCENT
    }
}
