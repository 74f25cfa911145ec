//! Unit tests of the corpus speaker index.

use super::*;
use std::collections::BTreeMap;

/// The key of `name` in `doc`, the same for every role it has.
fn key<'i>(idx: &'i SpeakerIndex, doc: &str, name: &str) -> &'i str {
    let ks = idx.keys_of_name(doc, name);
    assert!(ks.windows(2).all(|w| w[0] == w[1]), "{doc} {name}: {ks:?}");
    ks.first().copied().unwrap_or("")
}

fn sp(doc: &str, name: &str, kind: &str, role: &str, quotes: usize) -> SpeakerRecord {
    SpeakerRecord {
        doc_id: doc.into(),
        speaker: name.into(),
        role: role.into(),
        kind: kind.into(),
        mentions: vec![name.into()],
        quote_count: quotes,
    }
}

#[test]
fn full_names_and_titled_surnames_link() {
    let idx = link(&[
        sp("a", "Ana Ruiz", "person", "Mayor", 2),
        sp("b", "Dr. Ana Ruiz", "person", "", 1),
        sp("c", "Ms. Ruiz", "person", "", 1),
        sp("c", "ANA  RUIZ", "person", "mayor of Springfield", 0),
    ]);
    assert_eq!(key(&idx, "a", "Ana Ruiz"), "ana-ruiz");
    assert_eq!(key(&idx, "b", "Dr. Ana Ruiz"), "ana-ruiz");
    assert_eq!(key(&idx, "c", "Ms. Ruiz"), "ana-ruiz");
    assert_eq!(idx.records.len(), 1);
    let r = &idx.records[0];
    assert_eq!(r.speaker, "Ana Ruiz");
    assert_eq!(r.doc_ids, vec!["a", "b", "c"]);
    assert_eq!(r.roles, vec!["Mayor", "mayor of Springfield"]);
    assert_eq!(r.quote_count, 4);
    assert_eq!(
        (r.speaker_type.as_str(), r.gender.as_str()),
        ("person", "female")
    );
}

#[test]
fn same_surname_people_stay_apart() {
    let idx = link(&[
        sp("a", "Clinton", "person", "Former President Bill", 2),
        sp("a", "Hillary Clinton", "person", "", 3),
        sp("b", "Mrs. Clinton", "person", "", 1),
        sp("c", "Bill Clinton", "person", "", 1),
        sp("c", "Hillary Rodham Clinton", "person", "", 1),
        sp("c", "Mr. Clinton", "person", "", 1),
        sp("d", "Clinton", "person", "", 1),
    ]);
    assert_eq!(key(&idx, "a", "Clinton"), "bill-clinton");
    assert_eq!(key(&idx, "a", "Hillary Clinton"), "hillary-clinton");
    assert_eq!(key(&idx, "b", "Mrs. Clinton"), "hillary-clinton");
    assert_eq!(key(&idx, "c", "Hillary Rodham Clinton"), "hillary-clinton");
    assert_eq!(key(&idx, "c", "Mr. Clinton"), "bill-clinton");
    // Both named in two documents: a bare surname elsewhere is ambiguous.
    assert_eq!(key(&idx, "d", "Clinton"), "d/clinton");
}

#[test]
fn dominant_full_name_takes_a_bare_surname() {
    let mut recs = vec![sp("e1", "Ivanka Trump", "person", "", 1)];
    for d in ["d1", "d2", "d3"] {
        recs.push(sp(d, "Donald J. Trump", "person", "", 1));
    }
    recs.push(sp("x", "Trump", "person", "", 1));
    recs.push(sp("e1", "Mr. Trump", "person", "", 1));
    let idx = link(&recs);
    assert_eq!(key(&idx, "x", "Trump"), "donald-trump");
    // In its document the title's gender picks Donald over Ivanka.
    assert_eq!(key(&idx, "e1", "Mr. Trump"), "donald-trump");
    assert_eq!(key(&idx, "d1", "Donald J. Trump"), "donald-trump");
}

#[test]
fn particles_and_roles() {
    let idx = link(&[
        sp("a", "Blasio", "person", "Mayor de", 1),
        sp("b", "Bill de Blasio", "person", "", 1),
        sp("b", "the mayor", "unknown", "", 2),
        sp("c", "the mayor", "unknown", "", 1),
    ]);
    assert_eq!(key(&idx, "a", "Blasio"), "bill-de-blasio");
    // Document b names Bill de Blasio, the mayor of document a: its
    // `the mayor` is he; document c names nobody.
    assert_eq!(key(&idx, "b", "the mayor"), "bill-de-blasio");
    assert_eq!(key(&idx, "c", "the mayor"), "c/the-mayor");
    let idx = link(&[
        sp("a", "Blasio", "person", "Mayor de", 1),
        sp("a", "the mayor", "unknown", "", 2),
    ]);
    assert_eq!(key(&idx, "a", "the mayor"), "de-blasio");
}

#[test]
fn roles_join_the_person_named_in_that_role() {
    let idx = link(&[
        sp("a", "Barack Obama", "person", "President", 1),
        sp("a", "the president", "unknown", "", 2),
        sp(
            "a",
            "Donald Trump",
            "person",
            "the Republican presidential nominee",
            1,
        ),
        sp("a", "the Republican nominee", "unknown", "", 1),
        sp("b", "the president", "unknown", "", 1),
    ]);
    assert_eq!(key(&idx, "a", "the president"), "barack-obama");
    assert_eq!(key(&idx, "a", "the Republican nominee"), "donald-trump");
    assert_eq!(key(&idx, "b", "the president"), "b/the-president");
}

#[test]
fn junk_speakers_get_no_key() {
    let idx = link(&[
        sp("a", "63 percent", "group", "", 1),
        sp("a", "when", "unknown", "", 1),
        sp("a", "him", "unknown", "", 1),
        sp("a", "accused Trump", "person", "", 1),
        sp("a", "warns Clinton", "person", "", 1),
    ]);
    assert_eq!(key(&idx, "a", "63 percent"), "");
    assert_eq!(idx.dropped("a", "63 percent", ""), Some("number"));
    assert_eq!(idx.dropped("a", "when", ""), Some("time word"));
    assert_eq!(idx.dropped("a", "him", ""), Some("unresolved pronoun"));
    assert_eq!(key(&idx, "a", "accused Trump"), "trump");
    assert_eq!(key(&idx, "a", "warns Clinton"), "clinton");
}

#[test]
fn groups_sources_and_organisations() {
    let idx = link(&[
        sp("a", "officials", "group", "", 1),
        sp("b", "officials", "group", "", 1),
        sp("a", "the Treasury", "organization", "", 1),
        sp("b", "the Treasury", "organization", "", 2),
        sp("a", "authority", "organization", "", 1),
        sp("a", "a State Department official", "organization", "", 1),
        sp("b", "a State Department official", "organization", "", 1),
    ]);
    assert_eq!(key(&idx, "a", "authority"), "a/authority");
    assert_eq!(key(&idx, "a", "officials"), "a/officials");
    assert_eq!(key(&idx, "b", "officials"), "b/officials");
    assert_eq!(key(&idx, "b", "the Treasury"), "treasury");
    assert_eq!(
        key(&idx, "b", "a State Department official"),
        "b/a-state-department-official"
    );
    let types: BTreeMap<_, _> = idx
        .records
        .iter()
        .map(|r| (r.speaker_key.as_str(), r.speaker_type.as_str()))
        .collect();
    assert_eq!(types["treasury"], "organisation");
    assert_eq!(types["a/officials"], "group");
    assert_eq!(types["a/a-state-department-official"], "unnamed source");
}

#[test]
fn keys_do_not_depend_on_input_order() {
    let recs = vec![
        sp("a", "Ana Ruiz", "person", "Mayor", 2),
        sp("b", "Ruiz", "person", "", 1),
        sp("c", "Tom Ruiz", "person", "", 1),
        sp("c", "Ruiz", "person", "", 1),
        sp("d", "Berg", "person", "", 1),
    ];
    let a = link(&recs);
    let mut rev = recs.clone();
    rev.reverse();
    let b = link(&rev);
    for r in &recs {
        assert_eq!(
            a.key(&r.doc_id, &r.speaker, &r.role),
            b.key(&r.doc_id, &r.speaker, &r.role)
        );
    }
    let names = |i: &SpeakerIndex| {
        let mut v: Vec<_> = i
            .records
            .iter()
            .map(|r| (r.speaker_key.clone(), r.speaker.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&a), names(&b));
}

#[test]
fn user_aliases_merge_and_split() {
    let aliases = Aliases::parse(
        b"key,name,aliases\nbill-clinton,Bill Clinton,Mr. Clinton;Clinton\n",
        "s.csv",
    )
    .unwrap_or_default();
    let idx = link_with(
        &[
            sp("a", "Clinton", "person", "", 1),
            sp("b", "Hillary Clinton", "person", "", 1),
        ],
        &aliases,
    );
    assert_eq!(key(&idx, "a", "Clinton"), "bill-clinton");
    assert_eq!(key(&idx, "b", "Hillary Clinton"), "hillary-clinton");
    let bill = idx.records.iter().find(|r| r.speaker_key == "bill-clinton");
    assert_eq!(
        bill.map(|r| (r.speaker.as_str(), r.matched_aliases.join(";"))),
        Some(("Bill Clinton", "Clinton".to_string()))
    );
}

#[test]
fn initials_and_indefinite_roles() {
    let idx = link(&[
        sp("a", "J. R. Whitcomb", "person", "", 1),
        sp("a", "Gary L. Pruett", "person", "", 1),
        sp("b", "Daniel Prescott", "person", "Mayor", 1),
        sp("b", "A mayor", "unknown", "", 1),
    ]);
    assert_eq!(key(&idx, "a", "J. R. Whitcomb"), "j-r-whitcomb");
    assert_eq!(key(&idx, "a", "Gary L. Pruett"), "gary-pruett");
    assert_eq!(key(&idx, "b", "A mayor"), "b/a-mayor");
}

#[test]
fn held_roles_initials_and_organisation_short_names() {
    let roles = [NamedRole {
        head: "senator".into(),
        name: "Thomas R. Whitlock".into(),
    }];
    let named: Vec<(&str, &NamedRole)> = vec![("d", &roles[0])];
    let idx = link_corpus(
        &[
            sp("a", "Thomas R. Whitlock", "person", "Sen.", 2),
            sp("a", "Eleanor Whitlock", "person", "", 1),
            sp("b", "R. Whitlock", "person", "", 1),
            sp("d", "Whitlock", "person", "", 1),
            sp("e", "Whitlock", "person", "", 1),
            sp("f", "Northwind Energy Corp.", "organization", "", 1),
            sp("f", "Northwind", "person", "", 1),
            sp("g", "Northwind", "person", "", 1),
        ],
        &named,
        &Aliases::default(),
    );
    // Initials that fit one full name; a document naming the senator.
    assert_eq!(key(&idx, "b", "R. Whitlock"), "thomas-whitlock");
    assert_eq!(key(&idx, "d", "Whitlock"), "thomas-whitlock");
    // Two Whitlocks and no evidence: a key of the document.
    assert_eq!(key(&idx, "e", "Whitlock"), "e/whitlock");
    // A corporate suffix dropped; the short name joins it where both are.
    assert_eq!(key(&idx, "f", "Northwind Energy Corp."), "northwind-energy");
    assert_eq!(key(&idx, "f", "Northwind"), "northwind-energy");
    assert_eq!(key(&idx, "g", "Northwind"), "northwind");
}

#[test]
fn named_roles_read_particles_appositions_and_lines() {
    let r = named_roles(
        "Mayor Gerrit van der Berg said.\nUnion president Hannah Brennan agreed.\n\
         Dr. Amira al-Haddad, the provincial health officer, said so.\n\
         By Daniel Hsu, Des Moines Register\nState Rep. Ana Ruiz spoke.",
    );
    let pairs: Vec<(&str, &str)> = r
        .iter()
        .map(|r| (r.head.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("mayor", "Gerrit van der Berg"),
            ("president", "Hannah Brennan"),
            ("officer", "Dr. Amira al-Haddad"),
            ("representative", "Ana Ruiz"),
        ]
    );
}

#[test]
fn one_name_two_roles_two_keys() {
    // The engine keeps `Mayor van der Berg` and `Councillor van der Berg`
    // apart in document c: both named `van der Berg`, with their roles.
    let idx = link(&[
        sp("a", "Gerrit van der Berg", "person", "Mayor", 1),
        sp("b", "Ingrid van der Berg", "person", "Councillor", 1),
        sp("c", "van der Berg", "person", "Mayor", 1),
        sp("c", "van der Berg", "person", "Councillor", 2),
    ]);
    assert_eq!(idx.key("c", "van der Berg", "Mayor"), "gerrit-van-der-berg");
    assert_eq!(
        idx.key("c", "van der Berg", "Councillor"),
        "ingrid-van-der-berg"
    );
    assert_eq!(idx.key("c", "van der Berg", ""), "");
    let count = |k: &str| {
        idx.records
            .iter()
            .find(|r| r.speaker_key == k)
            .map(|r| r.quote_count)
    };
    assert_eq!(count("gerrit-van-der-berg"), Some(2));
    assert_eq!(count("ingrid-van-der-berg"), Some(3));
}

#[test]
fn a_noun_phrase_with_a_name_in_apposition_is_that_person() {
    let mut sister = sp("a", "His sister", "unknown", "His sister", 2);
    sister.mentions = vec!["His sister, Coun. Ingrid van der Berg".into(), "She".into()];
    let mut critic = sp("b", "most persistent critic", "unknown", "", 1);
    critic.mentions = vec!["most persistent critic, Coun. Ingrid van der Berg, who".into()];
    let mut nominee = sp("c", "vice presidential nominee", "unknown", "", 1);
    nominee.mentions = vec!["vice presidential nominee, Sen. Tim Kaine (D-Va.)".into()];
    let mut advisers = sp("c", "his advisers", "group", "", 1);
    advisers.mentions = vec!["his advisers, Tad Devine".into()];
    let idx = link(&[sister, critic, nominee, advisers]);
    assert_eq!(key(&idx, "a", "His sister"), "ingrid-van-der-berg");
    assert_eq!(
        key(&idx, "b", "most persistent critic"),
        "ingrid-van-der-berg"
    );
    assert_eq!(key(&idx, "c", "vice presidential nominee"), "tim-kaine");
    // A group stays a group.
    assert_eq!(key(&idx, "c", "his advisers"), "c/his-advisers");
    let ingrid = idx
        .records
        .iter()
        .find(|r| r.speaker_key == "ingrid-van-der-berg");
    assert_eq!(
        ingrid.map(|r| r.speaker.as_str()),
        Some("Ingrid van der Berg")
    );
}

#[test]
fn a_titles_gender_picks_the_person_of_the_document_known_to_have_it() {
    let mut gerrit = sp("a", "Gerrit van der Berg", "person", "Mayor", 2);
    gerrit.mentions.push("Mr. van der Berg".into());
    let mut ingrid = sp("b", "Ingrid van der Berg", "person", "Coun.", 1);
    ingrid.mentions.push("Ms. van der Berg".into());
    let idx = link(&[
        gerrit.clone(),
        sp("c", "Gerrit van der Berg", "person", "Mayor", 1),
        sp("d", "Gerrit van der Berg", "person", "Mayor", 1),
        sp("e", "Gerrit van der Berg", "person", "Mayor", 1),
        ingrid,
        sp("f", "Gerrit van der Berg", "person", "Mayor", 1),
        sp("f", "Ingrid van der Berg", "person", "", 1),
        sp("f", "van der Berg", "person", "Ms.", 1),
        sp("f", "van der Berg", "person", "Mr.", 1),
    ]);
    assert_eq!(idx.key("f", "van der Berg", "Ms."), "ingrid-van-der-berg");
    assert_eq!(idx.key("f", "van der Berg", "Mr."), "gerrit-van-der-berg");
}

#[test]
fn a_kin_noun_is_the_other_person_of_the_family() {
    let mut jane = sp("a", "Jane Sanders", "person", "", 1);
    jane.mentions.push("Mrs. Sanders".into());
    let idx = link(&[
        sp("a", "Bernie Sanders", "person", "Sen.", 3),
        jane,
        sp("a", "his wife", "unknown", "", 2),
        sp("a", "Her sister", "unknown", "", 1),
        sp("b", "Bernie Sanders", "person", "", 1),
        sp("b", "his wife", "unknown", "", 1),
    ]);
    // Not the possessor: the woman who shares his surname.
    assert_eq!(key(&idx, "a", "his wife"), "jane-sanders");
    // No other woman named Sanders in the document. (`Her brother` would
    // be Bernie Sanders: the rule reads genders, not the kind of kin.)
    assert_eq!(key(&idx, "a", "Her sister"), "a/her-sister");
    // No woman named Sanders in document b.
    assert_eq!(key(&idx, "b", "his wife"), "b/his-wife");
}

#[test]
fn every_office_passes_the_office_filter() {
    for o in OFFICES {
        let cap = format!("{}{}.", o[..1].to_uppercase(), &o[1..]);
        assert!(is_office(o) && is_office(&cap), "{o}");
    }
    for w in ["mayors", "Ma", "Chiefs,", "", "said", "Presidential"] {
        assert!(!is_office(w), "{w}");
    }
}
