//! Canonical speakers: `he`/`she` resolved to the person named as the
//! subject of an earlier sentence (not to an older speaker), organisations
//! named in full, and a name in apposition to a role.

use quotecheck_core::{analyze, quote_records, Document};

/// The speaker of the quote whose text starts with `quote`.
fn speaker_of(text: &str, quote: &str) -> String {
    let doc = Document::new("case", text);
    let recs = quote_records(&doc, &analyze(&doc));
    recs.iter()
        .find(|r| r.quote.starts_with(quote))
        .unwrap_or_else(|| panic!("no quote {quote:?} in {recs:#?}"))
        .speaker
        .clone()
}

#[test]
fn pronoun_after_a_named_subject() {
    let text = "Pruett’s attorney, Lisa Marchetti, argued that her client had repaid the money.\n\
                Judge Margaret Reyes addressed him directly.\n\
                “People gave you their money,” she said.\n";
    assert_eq!(speaker_of(text, "People gave"), "Margaret Reyes");
}

#[test]
fn pronoun_after_a_subject_behind_an_opening_adjunct() {
    let text = "Pruett’s attorney, Lisa Marchetti, argued that her client had repaid the money.\n\
                Before announcing the sentence, U.S. District Judge Margaret Okonkwo-Reyes \
                addressed Mr. Pruett directly.\n\
                “People gave you their money,” she said.\n";
    assert_eq!(speaker_of(text, "People gave"), "Margaret Okonkwo-Reyes");
}

#[test]
fn pronoun_keeps_the_last_speaker_without_a_newer_subject() {
    let text = "Lisa Marchetti, the defence attorney, said her client had repaid the money.\n\
                The hearing lasted two hours.\n\
                “He is sorry,” she said.\n";
    assert_eq!(speaker_of(text, "He is sorry"), "Lisa Marchetti");
}

#[test]
fn pronoun_after_a_surname_subject_of_a_named_person() {
    let text = "Gary L. Pruett, 58, pleaded guilty in September.\n\
                Pruett’s attorney, Lisa Marchetti, argued that her client had repaid the money.\n\
                Pruett, wearing a tan jail uniform, apologized to donors.\n\
                “I am ashamed,” he said.\n";
    assert_eq!(speaker_of(text, "I am ashamed"), "Gary L. Pruett");
}

#[test]
fn a_capitalised_word_that_names_no_one_is_no_subject() {
    let text = "Lisa Marchetti, the defence attorney, said her client had repaid the money.\n\
                Gulfport, a city of 72,000, has three courthouses.\n\
                “He is sorry,” she said.\n";
    assert_eq!(speaker_of(text, "He is sorry"), "Lisa Marchetti");
}

/// The speaker and role of the first quote of `text`.
fn first_speaker(text: &str) -> (String, String) {
    let doc = Document::new("case", text);
    let recs = quote_records(&doc, &analyze(&doc));
    let r = recs
        .first()
        .unwrap_or_else(|| panic!("no quote in {text:?}"));
    (r.speaker.clone(), r.speaker_role.clone())
}

#[test]
fn organisations_are_named_in_full() {
    for (text, name) in [
        (
            "The Chamber of Real Estate, which represents landlords, said the cap was unworkable.",
            "Chamber of Real Estate",
        ),
        (
            "The U.S. Chamber of Commerce said the tariffs would hurt.",
            "U.S. Chamber of Commerce",
        ),
        (
            "The city's Department of Parks and Recreation said the garden would stay.",
            "Department of Parks and Recreation",
        ),
        (
            "The Department of Health and Human Services said the rule was final.",
            "Department of Health and Human Services",
        ),
    ] {
        assert_eq!(first_speaker(text).0, name, "{text}");
    }
    // Two people joined by `and` speak together: both are named (not the
    // second alone).
    assert_eq!(
        first_speaker("Smith and Jones said the deal was done.").0,
        "Smith and Jones"
    );
}

#[test]
fn a_name_in_apposition_to_a_role_with_a_complement_is_the_speaker() {
    assert_eq!(
        first_speaker("A spokesperson at Westminster, Catriona Bell, said the quota was fair."),
        (
            "Catriona Bell".to_string(),
            "A spokesperson at Westminster".to_string()
        )
    );
    assert_eq!(
        first_speaker("A spokesman for Sanders, Michael Briggs, said the campaign was ready.").0,
        "Michael Briggs"
    );
}

#[test]
fn he_and_she_agree_with_a_speaker_of_known_gender() {
    let text = "Gary Pruett pleaded guilty in September.\n\
                His attorney, Lisa Marchetti, said her client had repaid the money.\n\
                “I am sorry,” he said.\n";
    assert_eq!(speaker_of(text, "I am sorry"), "Gary Pruett");
    let text = "Senator Mary Landrieu said the bill was dead.\n\
                The spokesman, Tom Reed, said the vote would wait.\n\
                “We will try again,” she said.\n";
    assert_eq!(speaker_of(text, "We will try again"), "Mary Landrieu");
    // A given name used for both (Chris) agrees with either pronoun.
    let text = "Chris Jansing said the hearing was over.\n“It is done,” she said.\n";
    assert_eq!(speaker_of(text, "It is done"), "Chris Jansing");
}

#[test]
fn same_surname_in_another_office_is_another_person() {
    let text = "“We are paying down debt,” Gov. Okafor said.\n\n\
                Sen. Nadia Okafor said that the budget shortchanges schools.\n\n\
                “The cities pay the bills,” Sen. Okafor said.\n";
    assert_eq!(speaker_of(text, "We are paying"), "Okafor");
    assert_eq!(speaker_of(text, "The cities"), "Nadia Okafor");
    let text = "“We need more time,” Superintendent Holloway said.\n\n\
                Union president James Holloway said that the delay was a victory.\n";
    assert_eq!(speaker_of(text, "We need more"), "Holloway");
}

#[test]
fn pronoun_after_a_surname_subject_named_in_full_earlier_in_the_text() {
    // `Rubio` is never a speaker before the pronoun, but the text names
    // Marco Rubio: the previous sentence's subject wins over the last
    // speaker (Tilton).
    let text = "Rio Tilton is certain he will vote for Marco Rubio.\n\
                “I should hope so,” Tilton said. After a pause, he added: “Now I will look.”\n\
                Rubio opposes abortion. But he said he has supported exceptions.\n";
    assert_eq!(speaker_of(text, "he has supported"), "Marco Rubio");
}

#[test]
fn pronoun_after_a_title_and_surname_subject() {
    let text = "“We will appeal,” said Tom Berg, the lawyer.\n\
                Mr. Pruett, who wore a tan uniform, apologized to donors.\n\
                He said that he had repaid the money.\n";
    assert_eq!(speaker_of(text, "he had repaid"), "Pruett");
}

#[test]
fn contracted_pronoun_is_no_name() {
    let text = "Former Gov. Jeb Bush says the measures are unlawful.\n\
                Bush is panning the measures in an op-ed. He’s comparing the actions to \
                the immigration order and says Obama is flouting the process.\n";
    assert_eq!(speaker_of(text, "Obama is flouting"), "Jeb Bush");
}

#[test]
fn content_before_its_pronoun_speaker_names_no_antecedent() {
    // `Mr. Trump` is the subject of the content, not the speaker (a guard
    // for the title + surname subjects that pronouns now take).
    let text = "“I need a candidate who will not lie to me,” Mr. Gidley said.\n\
                Mr. Trump, who is not taking large donations, fits that bill for many people, \
                he added.\n";
    assert_eq!(speaker_of(text, "Mr. Trump, who"), "Gidley");
}

#[test]
fn a_surname_subject_of_the_other_gender_is_no_antecedent() {
    // `Clinton` stands for Hillary Clinton: no antecedent of `he` (a guard
    // for the surname subjects that pronouns now take).
    let text = "Hillary Clinton spoke in Ohio on Monday.\n\
                “We will win,” said Tom Berg, a delegate.\n\
                Clinton made an appearance of sorts, courtesy of a delegate in a mask.\n\
                “It was funny,” he said.\n";
    assert_ne!(speaker_of(text, "It was funny"), "Hillary Clinton");
}

#[test]
fn a_title_or_given_name_of_another_person_keeps_same_surnames_apart() {
    let text = "Hillary Clinton said on Monday that she would win.\n\
                Mr. Clinton said he was proud of her.\n\
                “We will campaign together,” Mrs. Clinton said.\n\
                Bill Clinton added that the campaign was strong.\n";
    assert_eq!(speaker_of(text, "she would win"), "Hillary Clinton");
    assert_eq!(speaker_of(text, "he was proud"), "Bill Clinton");
    assert_eq!(speaker_of(text, "We will campaign"), "Hillary Clinton");
    assert_eq!(speaker_of(text, "the campaign was strong"), "Bill Clinton");
}

#[test]
fn a_possessive_is_not_part_of_the_name() {
    let text = "Mrs. Okafor’s spokesman was silent. Mrs. Okafor’s said the plan would pass.\n";
    assert!(!speaker_of(text, "the plan would pass").ends_with("’s"));
}

#[test]
fn pronoun_after_a_subject_behind_an_opening_adjunct_or_conjunction() {
    let text = "Bernie Sanders spoke in Ohio.\n\
                “We will win,” said Naureen Jahangir, a supporter.\n\
                On the same day as the rally, Sanders was on CNN.\n\
                He said there had been some good gains.\n";
    assert_eq!(speaker_of(text, "there had been"), "Bernie Sanders");
    let text = "“We will win,” said Naureen Jahangir, a supporter.\n\
                On the Republican side, leading candidate Donald Trump caused consternation.\n\
                He said the judge was biased.\n";
    assert_eq!(speaker_of(text, "the judge was biased"), "Donald Trump");
}

#[test]
fn a_person_met_in_a_relative_clause_is_not_the_next_he() {
    // (Christie speaks only in the relative clause; the sentence is about
    // Rubio.)
    let text = "“We will win,” said Marco Rubio, a senator.\n\
                Speaking to “CBS This Morning” Monday, Rubio refrained from attacking his \
                rivals, particularly Govs. Jeb Bush and Chris Christie, who say the senator \
                lacks experience.\n\
                He said his performance at the debate was fine.\n";
    assert_eq!(speaker_of(text, "his performance"), "Marco Rubio");
    // A relative clause on the sentence's own subject keeps it the newest.
    let text = "“We will win,” said Marco Rubio, a senator.\n\
                Donald Trump, who said the debate was rigged, was subdued tonight.\n\
                He said he would win.\n";
    assert_eq!(speaker_of(text, "he would win"), "Donald Trump");
}

#[test]
fn he_and_she_are_never_a_place_or_a_thing() {
    let text = "“We will win,” said Marco Rubio, a senator.\n\
                Vermont said the primary would be close.\n\
                The State Department’s recent email dump showed the messages were routine.\n\
                “It was a long day,” he said.\n";
    assert_eq!(speaker_of(text, "It was a long day"), "Marco Rubio");
}

#[test]
fn a_name_before_its_age_and_an_appositive_with_a_place_is_the_speaker() {
    let text = "''I just don't think she's been truthful,'' Cecelia Purner, 67, a retired \
                representative in Allentown, Pa., said in an interview. But, she added, \
                ''I think she'll make a good president.''\n";
    assert_eq!(speaker_of(text, "I just don't"), "Cecelia Purner");
    assert_eq!(speaker_of(text, "I think she'll"), "Cecelia Purner");
}

#[test]
fn an_organisation_of_new_york_and_new_jersey_is_named_in_full() {
    let text = "The Port Authority of New York and New Jersey said the bridge was closed.\n";
    assert_eq!(
        speaker_of(text, "the bridge"),
        "Port Authority of New York and New Jersey"
    );
}

#[test]
fn a_person_of_a_place_is_the_person() {
    let text = "Republican Rep. Lee Zeldin of New York said the bridge was closed.\n";
    assert_eq!(speaker_of(text, "the bridge"), "Lee Zeldin");
    // (Not a one-word name without a title: an organisation's own name.)
    let text = "The Republic of Turkey said the bridge was closed.\n";
    assert_ne!(speaker_of(text, "the bridge"), "Republic");
}

#[test]
fn an_embassy_in_a_city_is_the_embassy() {
    let text = "The U.S. Embassy in Moscow said the visas were delayed.\n";
    assert_eq!(speaker_of(text, "the visas"), "U.S. Embassy in Moscow");
}

#[test]
fn coordinated_subjects_are_named_together() {
    let text = "Clinton and Sanders say the plan is wrong.\n";
    assert_eq!(speaker_of(text, "the plan"), "Clinton and Sanders");
    let text = "Mr. Trump and Mrs. Clinton said the plan is wrong.\n";
    assert_eq!(speaker_of(text, "the plan"), "Mr. Trump and Mrs. Clinton");
    // (An organisation's `and` stays inside its name.)
    let text = "The Department of Health and Human Services said the plan is wrong.\n";
    assert_eq!(
        speaker_of(text, "the plan"),
        "Department of Health and Human Services"
    );
}

#[test]
fn name_particles_belong_to_the_surname() {
    for (text, name, role) in [
        (
            "Mayor de Blasio said the schools would reopen.",
            "de Blasio",
            "Mayor",
        ),
        ("The city is ready, de Blasio said.", "de Blasio", ""),
        (
            "Minister Ursula von der Leyen said the army was ready.",
            "Ursula von der Leyen",
            "Minister",
        ),
        (
            "Mr. bin Salman said the talks were over.",
            "bin Salman",
            "Mr.",
        ),
        (
            "Director Ahmed al-Hashimi said the talks had failed.",
            "Ahmed al-Hashimi",
            "Director",
        ),
        (
            "Judge Vincent van Gogh said the case was closed.",
            "Vincent van Gogh",
            "Judge",
        ),
        ("Bill Clinton said the plan was sound.", "Bill Clinton", ""),
        // (A number is no particle.)
        (
            "In the end, ten Republicans said the bill was dead.",
            "Republicans",
            "",
        ),
    ] {
        assert_eq!(
            first_speaker(text),
            (name.to_string(), role.to_string()),
            "{text}"
        );
    }
}

#[test]
fn a_surname_with_a_particle_joins_the_full_name() {
    let text = "Mayor Bill de Blasio said the schools would reopen.\n\
                De Blasio added that the teachers were ready.\n\
                Later, de Blasio said the unions agreed.\n\
                Al Gore said the plan was late.\n\
                Gore said it again.\n";
    assert_eq!(speaker_of(text, "the schools"), "Bill de Blasio");
    assert_eq!(speaker_of(text, "the teachers"), "Bill de Blasio");
    assert_eq!(speaker_of(text, "the unions"), "Bill de Blasio");
    assert_eq!(speaker_of(text, "the plan was late"), "Al Gore");
    assert_eq!(speaker_of(text, "it again"), "Al Gore");
}

#[test]
fn a_possessor_opening_a_sentence_is_its_subject() {
    let text = "Ben Carson met reporters on Monday, said Steven Ginsberg, an editor.\n\
                Carson’s renewed endorsement of his team came with caveats. \
                He may add to his senior staff, he said.\n";
    assert_eq!(speaker_of(text, "He may add"), "Ben Carson");
    // (Not a possessor whose noun is someone else.)
    let text = "Lisa Marchetti said the hearing was over.\n\
                Gary Pruett pleaded guilty in September.\n\
                Pruett’s lawyer sat next to him in court.\n\
                “It was the right thing,” she said.\n";
    assert_eq!(speaker_of(text, "It was the right"), "Lisa Marchetti");
}

#[test]
fn a_they_for_an_organisation_does_not_hide_a_newer_subject() {
    let text = "Betty Friedan, the feminist leader, said Mrs. Schlafly was wrong.\n\
                Both houses of Congress had passed it, they said, by a wide vote.\n\
                Mrs. Schlafly’s pronouncements drove her antagonists to distraction.\n\
                She said that ''sex education is a sales party.''\n";
    assert_eq!(speaker_of(text, "sex education"), "Schlafly");
}

#[test]
fn the_subject_of_a_that_clause_when_the_sentence_names_no_one() {
    let text = "Senator Ted Cruz said the debate was fair.\n\
                But much of the debate was so subdued that Mr. Trump was prompted to joke.\n\
                He said that the stage was civil.\n";
    assert_eq!(speaker_of(text, "the stage was civil"), "Trump");
    // (Not when the sentence's subject is a person or a pronoun.)
    let text = "Senator Ted Cruz said the debate was fair.\n\
                He agreed that Mr. Trump may struggle in Indiana.\n\
                He said that the stage was civil.\n";
    assert_eq!(speaker_of(text, "the stage was civil"), "Ted Cruz");
}

#[test]
fn a_surname_modifying_a_noun_is_no_subject() {
    let text = "Al Cardenas, a strategist, said the race was close.\n\
                Hillary Clinton spoke in Miami on Monday.\n\
                Clinton campaign officials defend their strategy.\n\
                “We are on time,” he added.\n";
    assert_eq!(speaker_of(text, "We are on time"), "Al Cardenas");
}

/// The speaker and reason of the quote whose text starts with `quote`.
fn speaker_and_reason(text: &str, quote: &str) -> (String, String) {
    let doc = Document::new("case", text);
    let recs = quote_records(&doc, &analyze(&doc));
    let r = recs
        .iter()
        .find(|r| r.quote.starts_with(quote))
        .unwrap_or_else(|| panic!("no quote {quote:?} in {recs:#?}"));
    (r.speaker.clone(), r.reason.clone())
}

#[test]
fn a_phrase_that_names_no_one_leaves_the_speaker_empty_with_a_reason() {
    for (text, quote, why) in [
        (
            "In the poll, 63 percent said the economy was improving.",
            "the economy",
            "number",
        ),
        (
            "Along with her husband, Milton Berg, a money manager, she has given to many \
             candidates, but plans to narrow her support to one.",
            "to narrow",
            "not a name",
        ),
        (
            "Most Southern states that will hold contests March 1 say they have sizable \
             minority populations.",
            "will hold",
            "not a name",
        ),
        (
            "“We will win,” he said.",
            "We will win",
            "unresolved pronoun",
        ),
    ] {
        let (speaker, reason) = speaker_and_reason(text, quote);
        assert_eq!(speaker, "", "{text}");
        assert!(
            reason.ends_with(&format!("; no speaker: {why}")),
            "{text}: {reason}"
        );
    }
    // (A group with a number is a speaker.)
    let (speaker, reason) = speaker_and_reason(
        "In the poll, 72 percent of Democrats said the economy was improving.",
        "the economy",
    );
    assert_eq!(speaker, "72 percent of Democrats");
    assert!(!reason.contains("no speaker"));
}

#[test]
fn a_heading_in_capitals_is_no_antecedent() {
    let text = "Netanyahu and Obama: a tortured relationship.\n\n\
                ABSTRACT. When Prime Minister Benjamin Netanyahu arrived, the two had reasons to talk.\n\n\
                FULL TEXT. Benjamin Netanyahu felt squeezed in.\n\
                “That was no way to treat me,” he complained.\n";
    assert_eq!(speaker_of(text, "That was no way"), "Benjamin Netanyahu");
}
