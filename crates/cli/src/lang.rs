//! The language of a document, detected from its first kilobyte with
//! `whatlang` (the same language as from 2 KB on every PolNeAR train article
//! and fixture, at half the cost: detection was a third of a `dedup` run), so that a French or Spanish article is not silently
//! reported as having no quotes: quotecheck's cues and speaker rules are
//! English (direct quotes in « », „ “ and other marks are still found).

/// Bytes of text the detection looks at (the start of the document).
pub const SAMPLE: usize = 1024;

/// The detected language of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-3 code (`eng`, `fra`, `spa`, …).
    pub code: &'static str,
    /// English name (`French`).
    pub name: &'static str,
}

impl Language {
    /// True for English.
    pub fn is_english(&self) -> bool {
        self.code == "eng"
    }
}

/// The language of `text`, when `whatlang` is confident about it.
///
/// ```
/// use quotecheck::lang::detect;
/// let fr = "Le maire a déclaré que le pont serait rouvert lundi après trois \
///           semaines de travaux. « C'est sûr », a-t-elle dit aux journalistes.";
/// assert_eq!(detect(fr).map(|l| l.code), Some("fra"));
/// ```
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    let lang = info.lang();
    Some(Language {
        code: lang.code(),
        name: lang.eng_name(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_spanish_german() {
        let en = "The mayor said on Friday that the bridge over the river would reopen \
                  on Monday after three weeks of repairs, and residents were relieved.";
        assert_eq!(detect(en).map(|l| l.is_english()), Some(true));
        let es = "El alcalde dijo el viernes que el puente sobre el río volvería a abrir \
                  el lunes después de tres semanas de obras, y los vecinos se alegraron.";
        assert_eq!(detect(es).map(|l| l.code), Some("spa"));
        let de = "Der Bürgermeister sagte am Freitag, die Brücke über den Fluss werde am \
                  Montag nach drei Wochen Bauarbeiten wieder geöffnet.";
        assert_eq!(detect(de).map(|l| l.name), Some("German"));
        assert_eq!(detect("ok"), None);
    }
}
