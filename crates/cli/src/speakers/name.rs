//! Speaker names read for linking across documents: Unicode-normalised,
//! case-folded comparison forms; titles and roles split off a person's name;
//! given names and surname (with its particles); the type of speaker a name
//! stands for; and the names that are no speaker at all (numbers, time
//! words, pronouns, clauses).

use unicode_normalization::UnicodeNormalization;

/// Titles and role words that may stand before a person's name; they are
/// the speaker's role, never part of the name (`Mayor de Blasio` is role
/// `Mayor`, name `de Blasio`).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "pres", "professor", "sen", "senator", "rep",
    "representative", "gov", "governor", "gen", "general", "president", "vice", "secretary",
    "mayor", "speaker", "judge", "justice", "rev", "reverend", "father", "sister", "sir", "dame",
    "lord", "lady", "col", "colonel", "lt", "capt", "captain", "adm", "admiral", "sgt",
    "chancellor", "minister", "prime", "premier", "ambassador", "chairman", "chairwoman", "chair",
    "commissioner", "councilman", "councilwoman", "councillor", "councilor", "coun", "cllr",
    "congressman",
    "congresswoman", "assemblyman", "assemblywoman", "attorney", "leader", "former", "house",
    "senate", "majority", "minority", "state", "u.s", "us", "candidate", "nominee", "chief",
    "executive", "director", "officer", "spokesman", "spokeswoman", "presidential", "republican",
    "democratic", "democrat", "gop", "first", "sheriff", "king", "queen", "prince", "princess",
    "pope", "rabbi", "imam", "st", "saint",
];

/// Words that belong to the surname that follows them (`de Blasio`,
/// `van Gogh`, `bin Salman`); `al-` and `el-` are written joined.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "van", "von", "la",
    "le", "al", "el", "bin", "ibn", "ben", "ter", "ten", "zu", "y", "st",
];

/// Name suffixes, not part of the surname (`Donald Trump Jr.` keeps
/// `jr` as a given-name mark so father and son stay apart).
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Capitalised words that open a sentence and are glued to a name by the
/// engine (`But Mrs. Clinton`, `When Trump`).
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "but", "and", "or", "so", "yet", "when", "while", "like", "as", "if", "then", "now", "also",
    "even", "still", "meanwhile", "after", "before", "since", "though", "although", "because", "i",
    "video", "photo", "watch", "read", "related", "update", "breaking", "footage", "of", "the",
    "a", "an", "is", "was", "has", "does", "did", "can",
    "should", "would", "could", "says", "said",
];

/// Occupation nouns that, written before a name (`Fisherman Alain
/// Comeau`, `Economist Jane Doe`), are the person's role, not a given name
/// (none is also a common given name: no `Hunter`, `Baker`, `Mason`).
#[rustfmt::skip]
const OCCUPATIONS: &[&str] = &[
    "fisherman", "fisherwoman", "farmer", "rancher", "developer", "teacher", "nurse", "lawyer",
    "student", "activist", "economist", "historian", "author", "novelist", "businessman",
    "businesswoman", "pastor", "physician", "doctor", "engineer", "contractor", "shopkeeper",
    "retiree", "pollster", "strategist", "consultant", "columnist", "commentator", "comedian",
    "actor", "actress", "singer", "filmmaker", "journalist", "reporter", "photographer",
    "lobbyist", "billionaire", "investor", "entrepreneur", "miner", "plumber", "electrician",
    "trucker", "chef", "restaurateur", "landlord", "researcher", "scientist", "epidemiologist",
    "coach", "organizer", "organiser", "volunteer", "protester", "homeowner", "shopowner",
];

/// Pronouns: a speaker named by one is unresolved.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me", "his", "hers",
    "its", "their", "theirs", "our", "my", "who", "whom", "this", "that", "these", "those", "one",
    "someone", "somebody", "anyone", "everyone", "nobody",
];

/// Time words: `when`, `today`, `on Friday`, `this past week`.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "when", "then", "now", "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening",
    "night", "week", "weekend", "month", "year", "day", "days", "weeks", "months", "years",
    "later", "earlier", "ago", "last", "next", "past", "this", "on", "in", "at", "the", "a",
    "recently", "soon", "once", "time",
];

/// Words that may stand around a number without making it a speaker
/// (`another 12 percent`, `a mere 9 percent`, `about three in 10`).
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "percent", "per", "cent", "pct", "in", "of", "a", "an", "the", "another", "some", "about",
    "nearly", "almost", "roughly", "only", "just", "mere", "full", "more", "than", "less", "fewer",
    "over", "under", "around", "approximately", "staggering", "zero", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "half", "third", "quarter", "majority", "them", "those",
];

/// Finite verbs seen inside noun phrases the engine took for a speaker
/// (`his right knee blew out`, `Police receive 911 calls`).
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "says", "said", "say", "shows", "showed",
    "blew", "achieved", "receive", "receives", "garners", "garnered", "need", "needs", "remain",
    "remains", "left", "warns", "warned", "accused", "accuses", "claims", "claimed", "told",
    "tells", "called", "calls", "wrote", "writes", "aimed", "fired", "added", "argued", "asked",
    "insisted", "noted", "explained", "declared", "tweeted", "attacked", "instructed",
];

/// Head nouns of a person known only by a role (`a senior official`,
/// `a spokesman for the campaign`): an unnamed source.
#[rustfmt::skip]
const SOURCE_HEADS: &[&str] = &[
    "official", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "source",
    "person", "member", "strategist", "operative", "staffer", "insider", "diplomat", "officer",
    "lawmaker", "representative", "analyst", "expert", "executive", "employee", "veteran", "donor",
    "supporter", "voter", "resident", "witness", "lawyer", "attorney", "judge", "agent",
    "consultant", "pollster", "friend", "associate", "ally", "confidant",
];

/// Leading words of an unnamed source (`a`, `an`, `one`, `another`).
const INDEFINITE: &[&str] = &["a", "an", "one", "another", "some"];

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// The comparison form of `s`: NFC, case-folded (lower case), curly
/// apostrophes as `'`, whitespace collapsed. Composed and decomposed
/// accents give the same form.
///
/// ```
/// use quotecheck::speakers::name::fold;
/// assert_eq!(fold("Jose\u{301}  O’Neil"), fold("JOSÉ O'Neil"));
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // (NFC leaves ASCII as it is; the common case, without the
        // normaliser's per-character work.)
        return fold_nfc(s);
    }
    let nfc: String = s.nfc().collect();
    fold_nfc(&nfc)
}

/// [`fold`] of a text already in NFC.
fn fold_nfc(nfc: &str) -> String {
    let mut out = String::with_capacity(nfc.len());
    if nfc.is_ascii() {
        // The same, byte by byte.
        for w in nfc.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.bytes().map(|b| match b {
                b'`' => '\'',
                _ => char::from(b.to_ascii_lowercase()),
            }));
        }
        return out;
    }
    for w in nfc.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '’' | '‘' | '`' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Lower-case letters and digits of `s` (NFC), words joined with `-`: the
/// readable part of a speaker key.
///
/// ```
/// use quotecheck::speakers::name::slug;
/// assert_eq!(slug("Dr. José  O’Neil-Smith"), "dr-josé-o-neil-smith");
/// assert_eq!(slug("Jose\u{301}"), slug("José"));
/// ```
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.nfc() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// A word's comparison form without surrounding punctuation or a
/// possessive (`Clinton’s` → `clinton`, `Mr.` → `mr`).
fn bare(word: &str) -> String {
    let w = fold(word);
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w.strip_suffix("'s").unwrap_or(w);
    w.trim_end_matches('\'').to_string()
}

/// Whether a word opens with a capital, or is a joined particle before a
/// capitalised name (`al-Haddad`, `el-Sisi`), which reads as one.
fn capitalised(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    w.chars().next().is_some_and(char::is_uppercase)
        || w.split_once('-').is_some_and(|(p, rest)| {
            is_in(PARTICLES, p) && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Courtesy titles and offices that, written before a capitalised name,
/// show that the name is a person's (`Dr. Amira al-Haddad`,
/// `Provincial health officer Dr. Amira al-Haddad`).
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sen",
    "senator",
    "gov",
    "governor",
    "rep",
    "mayor",
    "chancellor",
    "councillor",
    "coun",
    "minister",
    "judge",
    "sir",
    "dame",
];

/// Whether `name` is a person's name behind a title (`Dr. al-Haddad`):
/// a title word followed only by capitalised words or particles.
///
/// ```
/// use quotecheck::speakers::name::is_titled_name;
/// assert!(is_titled_name("Provincial health officer Dr. Amira al-Haddad"));
/// assert!(!is_titled_name("Dr. Seuss Enterprises said"));
/// assert!(!is_titled_name("the mayor"));
/// ```
pub fn is_titled_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        is_in(PERSON_TITLES, &bare(w))
            && capitalised(w)
            && i + 1 < words.len()
            && words[i + 1..]
                .iter()
                .all(|n| capitalised(n) || is_in(PARTICLES, &bare(n)))
            && words[i + 1..].iter().any(|n| capitalised(n))
    })
}

/// The gender a title or given name shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gender {
    /// `Mrs.`, `Ms.`, a female given name.
    Female,
    /// `Mr.`, a male given name.
    Male,
}

struct GivenNames {
    female: std::collections::HashSet<&'static str>,
    male: std::collections::HashSet<&'static str>,
}

fn given_names() -> &'static GivenNames {
    static NAMES: std::sync::OnceLock<GivenNames> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let (female, male) = quotecheck_core::given_names();
        GivenNames {
            female: female.iter().copied().collect(),
            male: male.iter().copied().collect(),
        }
    })
}

/// The gender of a given name (folded), when it almost always belongs to
/// one gender (`data/first_names.txt` of the core crate).
pub fn given_name_gender(word: &str) -> Option<Gender> {
    let names = given_names();
    if names.female.contains(word) {
        Some(Gender::Female)
    } else if names.male.contains(word) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn title_gender(title: &str) -> Option<Gender> {
    match title {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "congressman" | "councilman"
        | "assemblyman" | "chairman" | "spokesman" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister"
        | "congresswoman" | "councilwoman" | "assemblywoman" | "chairwoman" | "spokeswoman" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The gender the courtesy title opening a mention shows (`Mr. van der
/// Berg` → male), when it has one; a mention with no title shows none.
pub fn mention_title_gender(mention: &str) -> Option<Gender> {
    let mut words = mention.split_whitespace();
    let first = bare(words.next()?);
    words.next()?;
    if matches!(first.as_str(), "mr" | "mrs" | "ms" | "miss") {
        title_gender(&first)
    } else {
        None
    }
}

/// A person's name read for linking.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonName {
    /// Given names and initials, folded, without dots (`donald`, `j`).
    pub given: Vec<String>,
    /// The surname, folded, with its particles (`de blasio`).
    pub surname: String,
    /// A suffix (`jr`), folded.
    pub suffix: Option<String>,
    /// The name as written, without titles, possessives or clause words.
    pub display: String,
    /// Titles and role words split off the front, as written.
    pub titles: Vec<String>,
    /// The gender the titles or the first given name show.
    pub gender: Option<Gender>,
    /// The gender the titles or the role show (not the given name).
    pub title_gender: Option<Gender>,
}

impl PersonName {
    /// Whether the name has a given name (`Bill Clinton`, not `Clinton`).
    pub fn is_full(&self) -> bool {
        !self.given.is_empty()
    }
}

/// Read a person's `name` as the engine wrote it, with its `role` (the
/// engine may put a given name in the role: `Bill` + `Clinton`).
///
/// Titles and roles in front are split off; so are sentence openers (`But`),
/// lower-case words at either end (`accused Trump`, `Trump creepily`), a
/// trailing `of …` (`Robert Gordon of Northwestern University`) and
/// possessives (`Mrs. Clinton’s`). `None` when no name is left.
///
/// ```
/// use quotecheck::speakers::name::parse_person;
/// let p = parse_person("Mayor de Blasio", "").unwrap();
/// assert_eq!((p.surname.as_str(), p.titles.join(" ")), ("de blasio", "Mayor".into()));
/// let p = parse_person("Clinton", "Former President Bill").unwrap();
/// assert_eq!((p.given.join(" "), p.display.as_str()), ("bill".into(), "Bill Clinton"));
/// assert_eq!(parse_person("Trump creepily", "").unwrap().display, "Trump");
/// ```
pub fn parse_person(name: &str, role: &str) -> Option<PersonName> {
    let nfc: String = name.nfc().collect();
    let mut words: Vec<&str> = nfc.split_whitespace().collect();
    // `… of Northwestern University`, `…, the mayor`
    if let Some(i) = words.iter().position(|w| *w == "of" || w.ends_with(',')) {
        if i > 0 {
            if words[i].ends_with(',') {
                words.truncate(i + 1);
            } else {
                words.truncate(i);
            }
        }
    }
    let mut titles = Vec::new();
    // An owner before the name (`BlazeTV’s Glenn Beck`) is not part of it.
    if let Some(i) = words
        .iter()
        .rposition(|w| w.ends_with("’s") || w.ends_with("'s"))
    {
        if i + 1 < words.len() {
            words.drain(..=i);
        }
    }
    // A title inside the name ends what comes before it (`Vermont Sen.
    // Bernie Sanders`, `Former President Bill Clinton`).
    if let Some(i) = words.iter().rposition(|w| {
        matches!(
            bare(w).as_str(),
            "sen"
                | "gov"
                | "rep"
                | "dr"
                | "mr"
                | "mrs"
                | "ms"
                | "president"
                | "senator"
                | "governor"
                | "mayor"
                | "secretary"
                | "speaker"
        )
    }) {
        if i + 1 < words.len()
            && words[i + 1..]
                .iter()
                .all(|w| capitalised(w) || is_in(PARTICLES, &bare(w)))
        {
            titles.extend(words[..=i].iter().map(|w| w.to_string()));
            words.drain(..=i);
        }
    }
    // Leading titles, openers and lower-case words (not particles before a
    // capitalised word).
    while let Some(&w) = words.first() {
        let b = bare(w);
        // A run of particles before a capitalised word (`van der Berg`).
        let particle = particle_at(&words, 0);
        if words.len() > 1 && (is_in(TITLES, &b) || is_in(OPENERS, &b)) {
            if is_in(TITLES, &b) {
                titles.push(w.to_string());
            }
            words.remove(0);
        } else if !particle && !capitalised(w) {
            words.remove(0);
        } else {
            break;
        }
    }
    // A capitalised role noun before a given name (`Developer Frank
    // Petrov`, `Superintendent Margaret Holloway`), or an occupation noun
    // before a name (`Fisherman Alain Comeau`).
    if words.len() >= 3
        && (is_in(OCCUPATIONS, &bare(words[0]))
            || given_name_gender(&bare(words[0])).is_none()
                && given_name_gender(&bare(words[1])).is_some())
    {
        titles.push(words.remove(0).to_string());
    }
    // Trailing lower-case words (verbs, adverbs, `campaign`), numbers.
    while let Some(&w) = words.last() {
        if !capitalised(w) || is_in(VERBS, &bare(w)) {
            words.pop();
        } else {
            break;
        }
    }
    // A word in the middle that is lower case and no particle ends the name
    // (`Trump monster fired off`).
    if let Some(i) = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(i, w)| !capitalised(w) && !particle_at(&words, *i))
        .map(|(i, _)| i)
    {
        words.truncate(i);
    }
    let mut suffix = None;
    let mut suffix_written = None;
    if words.len() > 1 {
        if let Some(&w) = words.last() {
            let b = bare(w);
            if is_in(SUFFIXES, &b) {
                suffix = Some(b);
                suffix_written = words.pop();
            }
        }
    }
    if words.is_empty() {
        return None;
    }
    // Surname: the last word with the particles before it.
    let mut s = words.len() - 1;
    while s > 0 && is_in(PARTICLES, &bare(words[s - 1])) && !capitalised(words[s - 1]) {
        s -= 1;
    }
    // A capitalised particle that opens a name of two words is the surname
    // (`De Blasio`), not a given name.
    if s == 1
        && is_in(
            &["de", "van", "von", "del", "della", "di", "da", "al", "bin"],
            &bare(words[0]),
        )
    {
        s = 0;
    }
    let mut given: Vec<String> = words[..s]
        .iter()
        .map(|w| bare(w).trim_end_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let mut display_words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let mut surname = words[s..]
        .iter()
        .map(|w| bare(w))
        .collect::<Vec<_>>()
        .join(" ");
    // The engine files a given name before a surname as the role (`Former
    // President Bill` + `Clinton`, `Councilman Luis de la` + `Vega`).
    if given.is_empty() {
        let role_words: Vec<&str> = role.split_whitespace().collect();
        let mut r = role_words.len();
        while s == 0
            && r > 0
            && !capitalised(role_words[r - 1])
            && is_in(PARTICLES, &bare(role_words[r - 1]))
        {
            r -= 1;
            surname = format!("{} {surname}", bare(role_words[r]));
            display_words.insert(0, role_words[r].to_string());
        }
        if let Some(last) = r.checked_sub(1).map(|i| role_words[i]) {
            let b = bare(last);
            let before_particle = r < role_words.len();
            if capitalised(last)
                && (given_name_gender(&b).is_some() || before_particle)
                && !is_in(TITLES, &b)
            {
                given.push(b);
                display_words.insert(0, last.to_string());
            }
        }
    }
    if let Some(last) = display_words.last_mut() {
        let trimmed = strip_possessive(last);
        *last = trimmed;
    }
    display_words.extend(suffix_written.map(strip_possessive));
    if surname.is_empty() || !surname.chars().any(char::is_alphabetic) {
        return None;
    }
    let role_titles = role.split_whitespace().map(bare);
    let shown = titles
        .iter()
        .map(|t| bare(t))
        .chain(role_titles)
        .find_map(|t| title_gender(&t));
    let gender = shown.or_else(|| given.first().and_then(|g| given_name_gender(g)));
    Some(PersonName {
        given,
        surname,
        suffix,
        display: display_words.join(" "),
        titles,
        gender,
        title_gender: shown,
    })
}

/// Whether `words[i]` is a particle of the surname after it: particles up
/// to a capitalised word (`von der Leyen`).
fn particle_at(words: &[&str], i: usize) -> bool {
    let mut j = i;
    while let Some(w) = words.get(j) {
        if capitalised(w) {
            return j > i;
        }
        if !is_in(PARTICLES, &bare(w)) {
            return false;
        }
        j += 1;
    }
    false
}

fn strip_possessive(w: &str) -> String {
    for p in ["’s", "'s", "’", "'"] {
        if let Some(s) = w.strip_suffix(p) {
            return s.to_string();
        }
    }
    w.to_string()
}

/// Why a speaker name is no speaker, when it is none.
///
/// ```
/// use quotecheck::speakers::name::junk_reason;
/// assert_eq!(junk_reason("63 percent"), Some("number"));
/// assert_eq!(junk_reason("when"), Some("time word"));
/// assert_eq!(junk_reason("him"), Some("unresolved pronoun"));
/// assert_eq!(junk_reason("his right knee blew out"), Some("clause"));
/// assert_eq!(junk_reason("72 percent of Democrats"), None);
/// assert_eq!(junk_reason("Ana Ruiz"), None);
/// ```
pub fn junk_reason(name: &str) -> Option<&'static str> {
    let words: Vec<String> = name.split_whitespace().map(bare).collect();
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let numeric = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '-'))
    };
    let number_word = |w: &str| {
        numeric(w) || is_in(NUMBER_WORDS, w) || w.split('-').all(|p| is_in(NUMBER_WORDS, p))
    };
    if words.iter().all(|w| number_word(w)) && words.iter().any(|w| *w != "the") {
        return Some("number");
    }
    if words.iter().all(|w| is_in(TIME_WORDS, w)) {
        return Some("time word");
    }
    if words.len() == 1 && is_in(PRONOUNS, words[0]) {
        return Some("unresolved pronoun");
    }
    if words.len() == 1 && matches!(words[0], "video" | "photo" | "image" | "watch" | "footage") {
        return Some("not a speaker");
    }
    // A finite verb after the first word: a clause, not a name.
    if words.len() >= 3 && words[1..].iter().any(|w| is_in(VERBS, w)) {
        return Some("clause");
    }
    None
}

/// What a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpeakerType {
    /// A named person.
    Person,
    /// An organisation (or place) named by a proper noun.
    Organisation,
    /// A group of people (`officials`, `protesters`, `Democrats`).
    Group,
    /// One person known only by a role (`a senior official`).
    UnnamedSource,
}

impl SpeakerType {
    /// The value of the `speaker_type` column.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organisation => "organisation",
            SpeakerType::Group => "group",
            SpeakerType::UnnamedSource => "unnamed source",
        }
    }
}

/// The type of a speaker the engine filed as `kind` (`person`,
/// `organization`, `group`, `unknown`) under `name`.
///
/// ```
/// use quotecheck::speakers::name::{speaker_type, SpeakerType};
/// assert_eq!(speaker_type("a senior official", "organization"), SpeakerType::UnnamedSource);
/// assert_eq!(speaker_type("White House officials", "organization"), SpeakerType::Group);
/// assert_eq!(speaker_type("the Treasury", "organization"), SpeakerType::Organisation);
/// ```
pub fn speaker_type(name: &str, kind: &str) -> SpeakerType {
    let words: Vec<String> = name.split_whitespace().map(bare).collect();
    let head = words.last().map(String::as_str).unwrap_or_default();
    let first = words.first().map(String::as_str).unwrap_or_default();
    let singular_head = head.strip_suffix('s').unwrap_or(head);
    match kind {
        "person" => SpeakerType::Person,
        "group" => SpeakerType::Group,
        _ if is_in(SOURCE_HEADS, head) => SpeakerType::UnnamedSource,
        _ if is_in(INDEFINITE, first) && words.len() > 1 && is_in(SOURCE_HEADS, singular_head) => {
            SpeakerType::UnnamedSource
        }
        _ if head.ends_with('s') && is_in(SOURCE_HEADS, singular_head) => SpeakerType::Group,
        _ if matches!(
            head,
            "officials"
                | "leaders"
                | "protesters"
                | "democrats"
                | "republicans"
                | "people"
                | "critics"
                | "supporters"
                | "voters"
                | "aides"
                | "advisers"
                | "experts"
                | "analysts"
                | "executives"
                | "watchers"
                | "members"
                | "residents"
        ) =>
        {
            SpeakerType::Group
        }
        "unknown" => SpeakerType::UnnamedSource,
        _ => SpeakerType::Organisation,
    }
}

/// Kin nouns and the gender each shows.
const KIN: &[(&str, Gender)] = &[
    ("brother", Gender::Male),
    ("sister", Gender::Female),
    ("husband", Gender::Male),
    ("wife", Gender::Female),
    ("son", Gender::Male),
    ("daughter", Gender::Female),
    ("father", Gender::Male),
    ("mother", Gender::Female),
    ("widow", Gender::Female),
    ("widower", Gender::Male),
];

/// A kinship noun phrase with a possessive pronoun (`Her brother`, `his
/// older brother`): the pronoun's gender and the kin noun's.
///
/// ```
/// use quotecheck::speakers::name::{kinship, Gender};
/// assert_eq!(kinship("Her brother"), Some((Gender::Female, Gender::Male)));
/// assert_eq!(kinship("his late wife"), Some((Gender::Male, Gender::Female)));
/// assert_eq!(kinship("their son"), None);
/// ```
pub fn kinship(phrase: &str) -> Option<(Gender, Gender)> {
    let words: Vec<String> = phrase.split_whitespace().map(bare).collect();
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let owner = match words[0].as_str() {
        "his" => Gender::Male,
        "her" => Gender::Female,
        _ => return None,
    };
    let last = words.last()?;
    KIN.iter()
        .find(|(k, _)| k == last)
        .map(|&(_, kin)| (owner, kin))
}

/// The head noun of a role (`the Republican nominee` → `nominee`), folded.
pub fn role_head(role: &str) -> String {
    let head = role
        .split_whitespace()
        .map(bare)
        .rfind(|w| !is_in(PARTICLES, w))
        .unwrap_or_default();
    // Abbreviated titles read as their role noun.
    match head.as_str() {
        "gov" => "governor".into(),
        "sen" => "senator".into(),
        "rep" => "representative".into(),
        "pres" => "president".into(),
        "supt" => "superintendent".into(),
        "gen" => "general".into(),
        "coun" | "cllr" | "councilor" => "councillor".into(),
        "prof" => "professor".into(),
        _ => head,
    }
}

/// Whether a person in role `held` (a [`role_head`]) is what a text means
/// by the role `asked` (`the lawmaker` for a senator or a representative).
pub fn role_matches(asked: &str, held: &str) -> bool {
    const LEGISLATORS: &[&str] = &[
        "representative",
        "senator",
        "congressman",
        "congresswoman",
        "assemblyman",
        "assemblywoman",
        "councillor",
        "councilman",
        "councilwoman",
        "legislator",
        "lawmaker",
    ];
    asked == held || (matches!(asked, "lawmaker" | "legislator") && is_in(LEGISLATORS, held))
}

/// Whether `word` can stand in a person's name: capitalised, or a
/// particle (`van`, `de`, `al-Haddad`).
pub fn is_name_word(word: &str) -> bool {
    capitalised(word) || is_in(PARTICLES, &bare(word))
}

/// Whether `name` opens with an indefinite word (`a mayor`, `one aide`).
pub fn is_indefinite(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| is_in(INDEFINITE, &bare(w)))
}

/// Whether a folded word is a title or role word.
pub fn is_title(word: &str) -> bool {
    is_in(TITLES, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_and_possessives() {
        for (name, role, display) in [
            ("accused Trump", "", "Trump"),
            ("Trump creepily", "", "Trump"),
            ("Mrs. Clinton’s", "", "Clinton"),
            ("Hillary Clinton aimed to hit high", "", "Hillary Clinton"),
            ("Trump monster fired off", "", "Trump"),
            ("But Mrs. Clinton", "", "Clinton"),
            (
                "House Speaker Paul D. Ryan of Wisconsin",
                "",
                "Paul D. Ryan",
            ),
            ("Donald Trump’s", "", "Donald Trump"),
            ("BlazeTV’s Glenn Beck", "", "Glenn Beck"),
            ("Pres. Obama", "", "Obama"),
            ("Fisherman Alain Comeau", "", "Alain Comeau"),
        ] {
            let p = parse_person(name, role);
            assert_eq!(p.map(|p| p.display), Some(display.to_string()), "{name}");
        }
    }

    #[test]
    fn given_names_surnames_and_particles() {
        let p = parse_person("Donald J. Trump", "").unwrap_or_default();
        assert_eq!(p.given, vec!["donald", "j"]);
        assert_eq!(p.surname, "trump");
        let p = parse_person("Bill de Blasio", "").unwrap_or_default();
        assert_eq!(
            (p.given.join(" "), p.surname),
            ("bill".into(), "de blasio".into())
        );
        let p = parse_person("Ursula von der Leyen", "").unwrap_or_default();
        assert_eq!(p.surname, "von der leyen");
        // A surname of two particles alone keeps both (`der-berg` was the key).
        let p = parse_person("van der Berg", "Mayor").unwrap_or_default();
        assert_eq!((p.given.len(), p.surname.as_str()), (0, "van der berg"));
        assert_eq!(p.display, "van der Berg");
        let p = parse_person("Donald Trump Jr.", "").unwrap_or_default();
        assert_eq!(p.suffix.as_deref(), Some("jr"));
        assert_eq!(p.display, "Donald Trump Jr.");
        let p = parse_person("Mrs. Clinton", "").unwrap_or_default();
        assert_eq!((p.gender, p.given.len()), (Some(Gender::Female), 0));
        let p = parse_person("Clinton", "Mr.").unwrap_or_default();
        assert_eq!(p.gender, Some(Gender::Male));
        assert!(parse_person("creepily", "").is_none());
    }

    #[test]
    fn junk() {
        for (n, r) in [
            ("42%", "number"),
            ("another 12 percent", "number"),
            ("Twenty-four percent", "number"),
            ("on Friday", "time word"),
            ("this past week", "time word"),
            ("Her", "unresolved pronoun"),
            ("Video", "not a speaker"),
        ] {
            assert_eq!(junk_reason(n), Some(r), "{n}");
        }
        for n in ["officials", "Kristen Day", "the Treasury", "White House"] {
            assert_eq!(junk_reason(n), None, "{n}");
        }
    }

    #[test]
    fn nfc() {
        assert_eq!(slug("Rebecca An\u{303}ez"), slug("Rebecca Añez"));
        assert_eq!(fold("O’NEIL"), "o'neil");
    }
}
