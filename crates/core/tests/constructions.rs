//! One sentence per construction: the quote the engine reports, its kind,
//! its speaker mention and its cue. Each row is a class of error that was
//! found on real news and fixed; a regression names the construction.

use quotecheck_core::{analyze, quote_records, Document, QuoteRecord};

/// `(text, kind, quote, mention, cue)`: the text must yield a quote record
/// with exactly this kind, quote text, mention and cue.
const CASES: &[(&str, &str, &str, &str, &str)] = &[
    // A speech cue with a hearer after a quote.
    (
        "\"There is much more that unites us,\" Clinton said to a raucous crowd in Philadelphia.",
        "direct",
        "There is much more that unites us,",
        "Clinton",
        "said",
    ),
    (
        "“Let me make it very clear,” he asserted to reporters on Tuesday.",
        "direct",
        "Let me make it very clear,",
        "he",
        "asserted",
    ),
    // ... and the hearer is not reported as content.
    (
        "“It was 50 percent more,” Trump added to People.",
        "direct",
        "It was 50 percent more,",
        "Trump",
        "added",
    ),
    // `New` opens a place name.
    (
        "\"He went for the easy political vote,\" the New Jersey governor said.",
        "direct",
        "He went for the easy political vote,",
        "the New Jersey governor",
        "said",
    ),
    (
        "New Jersey Gov. Chris Christie said he went for the easy vote.",
        "indirect",
        "he went for the easy vote",
        "New Jersey Gov. Chris Christie",
        "said",
    ),
    // A possessive in -s' inside the speaker phrase.
    (
        "“The numbers put our campaign on pace,” Jeff Weaver, Sanders’ campaign manager, said in a statement.",
        "direct",
        "The numbers put our campaign on pace,",
        "Jeff Weaver, Sanders’ campaign manager",
        "said",
    ),
    // A determiner and an owner before role words and a name.
    (
        "\"Dr. Carson invited both of us,\" the Post's senior politics editor Steven Ginsberg responded.",
        "direct",
        "Dr. Carson invited both of us,",
        "the Post's senior politics editor Steven Ginsberg",
        "responded",
    ),
    // A relative clause that reports speech is not part of the mention ...
    (
        "\"It is fine,\" said Bob Barkley, who said he typically votes Democratic.",
        "direct",
        "It is fine,",
        "Bob Barkley",
        "said",
    ),
    (
        "\"I like it,\" said Nicky Driscoll, 24, from Manchester, who said Sanders is best suited to win.",
        "direct",
        "I like it,",
        "Nicky Driscoll, 24, from Manchester",
        "said",
    ),
    // ... but one that describes the speaker is.
    (
        "\"It is fine,\" said Ms. Leon, who works as a secretary.",
        "direct",
        "It is fine,",
        "Ms. Leon, who works as a secretary",
        "said",
    ),
    // A colon introduction after an opening adjunct clause.
    (
        "When Trump suggested that Cuba would sue, Rubio went further: “If they sue us in a court in Miami, they’re going to lose.”",
        "direct",
        "If they sue us in a court in Miami, they’re going to lose.",
        "Rubio",
        ":",
    ),
    // An adverb between a cue and the colon before a quote.
    (
        "Rubio fired back forcefully: “If they sue us in a court in Miami, they’re going to lose.”",
        "direct",
        "If they sue us in a court in Miami, they’re going to lose.",
        "Rubio",
        "fired back",
    ),
    (
        "In a Fox interview later that day, Trump went even further: “If he goes forward and loses, it’s the end of his career.”",
        "direct",
        "If he goes forward and loses, it’s the end of his career.",
        "Trump",
        ":",
    ),
    // `as X put it` attributes what follows (and `put it` alone is no cue).
    (
        "As Rubio phrased it, the party must grow beyond its base.",
        "indirect",
        "the party must grow beyond its base",
        "Rubio",
        "phrased it",
    ),
    // A dash byline after a quote that opens its paragraph (vox pops).
    (
        "“The rent is too high for anyone my age.” — Maria Lopez, 34, a nurse in Halifax",
        "direct",
        "The rent is too high for anyone my age.",
        "Maria Lopez",
        "—",
    ),
    // A report inside an opening subordinate clause ends with the clause,
    // and the clause is not what the main subject said.
    (
        "After Trump said that Cuba would sue, Rubio went further: “They are going to lose.”",
        "indirect",
        "Cuba would sue",
        "Trump",
        "said",
    ),
    (
        "When Trump suggested that Cuba would sue, Rubio objected.",
        "indirect",
        "Cuba would sue",
        "Trump",
        "suggested",
    ),
    // An object relative clause is reported whole (PolNeAR's convention).
    (
        "He took the deal, which he described as “like an open orchid.”",
        "mixed",
        "which he described as “like an open orchid.”",
        "he",
        "described",
    ),
    // ... but not when the cue reports a clause of its own.
    (
        "It is less than half of what researchers say they need every year.",
        "indirect",
        "they need every year",
        "researchers",
        "say",
    ),
    // Inversion after a sentence that opens with a quoted fragment.
    (
        "“We’re extremely happy” about the decision, said RoseAnn DeMoro, executive director of National Nurses United.",
        "mixed",
        "“We’re extremely happy” about the decision",
        "RoseAnn DeMoro, executive director of National Nurses United",
        "said",
    ),
    // A speaker and a verb that no lexicon knows, right after a quote.
    (
        "“Would it be negotiable about the 11 million?” Hannity pressed.",
        "direct",
        "Would it be negotiable about the 11 million?",
        "Hannity",
        "pressed",
    ),
    (
        "“You know, it happens, right?” Trump went on, as if he didn’t hear her.",
        "direct",
        "You know, it happens, right?",
        "Trump",
        "went on",
    ),
    // A participle clause that opens the sentence is not what was said ...
    (
        "Asked if she believed Putin wanted Trump to win, Clinton said she was not going to jump to that conclusion.",
        "indirect",
        "she was not going to jump to that conclusion",
        "Clinton",
        "said",
    ),
    // ... and a demonstrative `that` is part of the report.
    (
        "Asked about his criticisms, Christie said that was a natural part of running against him.",
        "indirect",
        "that was a natural part of running against him",
        "Christie",
        "said",
    ),
    // An aside between dashes after the subject.
    (
        "Murphy — after a knock-on-wood gesture — told me he’s had a relatively tragedy-free life.",
        "indirect",
        "he’s had a relatively tragedy-free life",
        "Murphy",
        "told",
    ),
    // A plural head noun takes the base form of the cue.
    (
        "Sources close to Clinton say she stands fully behind President Obama.",
        "indirect",
        "she stands fully behind President Obama",
        "Sources close to Clinton",
        "say",
    ),
    (
        "In the free-trade zone, Chinese traders also say business is poor.",
        "indirect",
        "business is poor",
        "Chinese traders",
        "say",
    ),
    (
        "Senate Republicans say the plan will fail.",
        "indirect",
        "the plan will fail",
        "Senate Republicans",
        "say",
    ),
    // A survey share before a group.
    (
        "Six in 10 Virginia Democratic primary voters said Clinton is honest.",
        "indirect",
        "Clinton is honest",
        "Six in 10 Virginia Democratic primary voters",
        "said",
    ),
    // An opening clause after a sentence adverb.
    (
        "However, while the RNC says they are well on their way to their goal, they are not receiving help.",
        "indirect",
        "they are well on their way to their goal",
        "the RNC",
        "says",
    ),
    // An aside between the cue and the quote.
    (
        "Beck joked, again using an exaggerated Southern accent, “Amen, brother!”",
        "direct",
        "Amen, brother!",
        "Beck",
        "joked",
    ),
    // A number word and a modifier before a capitalised role noun.
    (
        "“The campaign has been really reluctant to jump in,” one senior Democrat said.",
        "direct",
        "The campaign has been really reluctant to jump in,",
        "one senior Democrat",
        "said",
    ),
    // An object cue's object may be a single name or pronoun.
    (
        "Both of his GOP senators strongly supported him.",
        "indirect",
        "him",
        "Both of his GOP senators",
        "supported",
    ),
    // An appositive after the source of `according to` is the source's.
    (
        "Forty-three percent of all contributions have come from women, according to an analysis by Crowdpac, a political crowdfunding website.",
        "indirect",
        "Forty-three percent of all contributions have come from women",
        "an analysis by Crowdpac, a political crowdfunding website",
        "according to",
    ),
    // An infinitive after a speech cue is no hearer.
    (
        "Sanders promised to take bold action should he win the presidency.",
        "indirect",
        "to take bold action should he win the presidency",
        "Sanders",
        "promised",
    ),
    // The writer's hedge: the whole clause, without a speaker ...
    (
        "However, the donors appear to have ties to the movement.",
        "indirect",
        "the donors appear to have ties to the movement",
        "",
        "appear",
    ),
    (
        "The sale is not expected to close before March.",
        "indirect",
        "The sale is not expected to close before March",
        "",
        "expected to",
    ),
    // ... a relative pronoun opens the clause ...
    (
        "The fight is among African Americans, who are expected to make up half of the electorate.",
        "indirect",
        "who are expected to make up half of the electorate",
        "",
        "expected to",
    ),
    // ... passive hedges need a form of `be` ...
    (
        "Twitter is increasingly seen as a source of news.",
        "indirect",
        "Twitter is increasingly seen as a source of news",
        "",
        "seen as",
    ),
    // ... and an appositive after the subject is skipped by the speaker parser.
    (
        "Clinton, casting herself as a champion of working people, appeared to assuage liberal concerns.",
        "indirect",
        "Clinton, casting herself as a champion of working people, appeared to assuage liberal concerns",
        "",
        "appeared",
    ),
    // A speaking verb reports its `about` complement past adjuncts ...
    (
        "Obama spoke at the White House on Tuesday about rights that had been denied victims.",
        "indirect",
        "rights that had been denied victims",
        "Obama",
        "spoke",
    ),
    (
        "He wrote in his memoir about the scandal.",
        "indirect",
        "the scandal",
        "He",
        "wrote",
    ),
    // A base form after `the law` is a verb when a clause follows ...
    (
        "Supporters of the law hope this is just a transition period.",
        "indirect",
        "this is just a transition period",
        "Supporters of the law",
        "hope",
    ),
    // ... and after a plural quantifier.
    (
        "Few think the tax will ever go into effect.",
        "indirect",
        "the tax will ever go into effect",
        "Few",
        "think",
    ),
    // An approximate quantity opens the report.
    (
        "The budget office said about half of the adjustment reflected revenue losses.",
        "indirect",
        "about half of the adjustment reflected revenue losses",
        "The budget office",
        "said",
    ),
    // `went on to` + cue reports ...
    (
        "D’Souza went on to explain that the commitment is unrelenting.",
        "indirect",
        "the commitment is unrelenting",
        "D’Souza",
        "explain",
    ),
    // ... and `continue to` + cue ...
    (
        "I continue to believe that our next president will have a plan for jobs.",
        "indirect",
        "our next president will have a plan for jobs",
        "I",
        "believe",
    ),
    (
        "Right afterward, Ted Cruz talked up his plans to force immigrants out.",
        "indirect",
        "his plans to force immigrants out",
        "Ted Cruz",
        "talked up",
    ),
    // ... so do `made it clear`, `weighed in on`, `fired back at` ...
    (
        "Many rank-and-file unionists made it clear they didn't agree with the choice.",
        "indirect",
        "they didn't agree with the choice",
        "Many rank-and-file unionists",
        "made it clear",
    ),
    (
        "Several presidential candidates weighed in on the deal.",
        "indirect",
        "the deal",
        "Several presidential candidates",
        "weighed in on",
    ),
    // ... `data` is plural ...
    (
        "Official data suggest that production peaked in 2013.",
        "indirect",
        "production peaked in 2013",
        "Official data",
        "suggest",
    ),
    // ... a cue's base form in the subject is a noun (`the voice`) ...
    (
        "The loss of the voice seemed to help other justices.",
        "indirect",
        "The loss of the voice seemed to help other justices",
        "",
        "seemed",
    ),
    // ... and a passive accusation is the writer's hedge.
    (
        "Dylann Roof is accused of killing nine people inside the church.",
        "indirect",
        "Dylann Roof is accused of killing nine people inside the church",
        "",
        "accused of",
    ),
    // `to` after a speaking verb opens the hearer ...
    (
        "They are talking to a small crowd about ways to help prisoners.",
        "indirect",
        "ways to help prisoners",
        "They",
        "talking",
    ),
    // ... `late last week` before the cue is an adjunct ...
    (
        "Surveys of voters late last week indicated that a third were undecided.",
        "indirect",
        "a third were undecided",
        "Surveys of voters",
        "indicated",
    ),
    // ... and `This seems` is a hedge.
    (
        "This seems like a fine and fair idea.",
        "indirect",
        "This seems like a fine and fair idea",
        "",
        "seems",
    ),
    // A past tense after a quantifier is a verb ...
    (
        "Many speculated that he might fail to turn out his supporters.",
        "indirect",
        "he might fail to turn out his supporters",
        "Many",
        "speculated",
    ),
    // ... and `agreed with` takes an object.
    (
        "Former President Bill Clinton agreed with the analysis.",
        "indirect",
        "the analysis",
        "Former President Bill Clinton",
        "agreed with",
    ),
    // `see`/`view`/`regard` report their object with `as` ...
    (
        "However, some saw Beck’s comments as simply part of his long opposition to Trump.",
        "indirect",
        "Beck’s comments as simply part of his long opposition to Trump",
        "some",
        "saw",
    ),
    // A stance with its object after a fixed phrase.
    (
        "Republican leaders expressed concern about the cost of the wall.",
        "indirect",
        "the cost of the wall",
        "Republican leaders",
        "expressed concern about",
    ),
    (
        "Sanders took issue with the trade deal.",
        "indirect",
        "the trade deal",
        "Sanders",
        "took issue with",
    ),
    // A stance adjective after its subject.
    (
        "Many Republicans are skeptical of the trade deal.",
        "indirect",
        "the trade deal",
        "Many Republicans",
        "skeptical of",
    ),
    // A time between `and` and the cue keeps the coordination.
    (
        "Scott has freed up $26 million in state funds and on Monday announced $5 million more was being sent to Miami-Dade County.",
        "indirect",
        "$5 million more was being sent to Miami-Dade County",
        "Scott",
        "announced",
    ),
    // Phrasal stances take their object.
    (
        "The appeals court sided with the state of Ohio.",
        "indirect",
        "the state of Ohio",
        "The appeals court",
        "sided with",
    ),
    // A semicolon ends a report ...
    (
        "Nearly all of the Democratic mayors have publicly endorsed her; last month, the campaign unveiled a plan.",
        "indirect",
        "her",
        "the Democratic mayors",
        "endorsed",
    ),
    // ... and a time adjunct is no part of an object.
    (
        "Jeb Bush endorsed Cruz on Wednesday.",
        "indirect",
        "Cruz",
        "Jeb Bush",
        "endorsed",
    ),
    // Documents and polls report after their content too ...
    (
        "Clinton leads by 10 points, the poll found.",
        "indirect",
        "Clinton leads by 10 points",
        "the poll",
        "found",
    ),
    // ... and plurals without an `s` take a base-form cue.
    (
        "The police say the suspects fled on foot.",
        "indirect",
        "the suspects fled on foot",
        "The police",
        "say",
    ),
    // A subject no phrase rule parses: the words that open its clause.
    (
        "But hacking specialists say the most harmful information might not be genuine.",
        "indirect",
        "the most harmful information might not be genuine",
        "hacking specialists",
        "say",
    ),
    (
        "A person familiar with the planning for Thursday’s meeting says the discussion will focus on unity.",
        "indirect",
        "the discussion will focus on unity",
        "A person familiar with the planning for Thursday’s meeting",
        "says",
    ),
    // ... also for an object cue.
    (
        "Families of those affected by mass shootings urged the senator to apologize.",
        "indirect",
        "the senator to apologize",
        "Families of those affected by mass shootings",
        "urged",
    ),
    // Evidence from any subject, and `find` with a `that` clause.
    (
        "Their experience shows that cutting emissions remains a difficult challenge.",
        "indirect",
        "cutting emissions remains a difficult challenge",
        "Their experience",
        "shows",
    ),
    (
        "What's more, she finds that sagging wages reduced earnings by $213 per adult.",
        "indirect",
        "sagging wages reduced earnings by $213 per adult",
        "she",
        "finds",
    ),
    // `which` is a relative subject like `who`.
    (
        "The award came from the Jewish National Fund, which supports building infrastructure in Israel.",
        "indirect",
        "building infrastructure in Israel",
        "which",
        "supports",
    ),
    // Reporting and stance verbs added by lemma, with all their forms.
    (
        "The governor downplayed the threat of a shutdown.",
        "indirect",
        "the threat of a shutdown",
        "The governor",
        "downplayed",
    ),
    (
        "She reaffirmed that the plan would go ahead.",
        "indirect",
        "the plan would go ahead",
        "She",
        "reaffirmed",
    ),
    (
        "Trump scoffed at the idea of a third-party run.",
        "indirect",
        "the idea of a third-party run",
        "Trump",
        "scoffed at",
    ),
    // A coordinated cue takes the subject after an opening adjunct.
    (
        "During the 2012 election, Mitt Romney ran on his ability to jolt the recovery and accused Obama of bungling it.",
        "indirect",
        "Obama of bungling it",
        "Mitt Romney",
        "accused",
    ),
    // An aside between double hyphens or long dashes.
    (
        "The Supreme Court justice -- who has been involved in a scuffle -- said she regretted her remarks.",
        "indirect",
        "she regretted her remarks",
        "The Supreme Court justice",
        "said",
    ),
    // `respond to` takes its object.
    (
        "An FBI spokesman did not immediately respond to a request for comment.",
        "indirect",
        "a request for comment",
        "An FBI spokesman",
        "respond to",
    ),
    // A contracted subject pronoun opens a clause.
    ("I think it’s good.", "indirect", "it’s good", "I", "think"),
    // A light verb with a reporting noun and its preposition.
    (
        "But Trump notably made no mention of Jeb Bush.",
        "indirect",
        "Jeb Bush",
        "Trump",
        "made no mention of",
    ),
    (
        "Clinton made a passionate case for raising the minimum wage.",
        "indirect",
        "raising the minimum wage",
        "Clinton",
        "made a passionate case for",
    ),
    // `call on` takes its object.
    (
        "Sen. Bernie Sanders of Vermont called on the Obama administration to block the deal.",
        "indirect",
        "the Obama administration to block the deal",
        "Sen. Bernie Sanders of Vermont",
        "called on",
    ),
    // A control verb or adjective before `to` leaves the report to the cue.
    (
        "Republicans were quick to point out that he had placed second.",
        "indirect",
        "he had placed second",
        "Republicans",
        "point out",
    ),
    (
        "The senator rebuked the administration for its handling of the crisis.",
        "indirect",
        "the administration for its handling of the crisis",
        "The senator",
        "rebuked",
    ),
    // After an object cue's noun `that` opens a relative clause, not the
    // report (but after an adjunct it is the complementiser).
    (
        "The State Department condemned attacks carried out by Russia that target civilians.",
        "indirect",
        "attacks carried out by Russia that target civilians",
        "The State Department",
        "condemned",
    ),
    (
        "Kowalczyk learned on Tuesday that she had lost her job.",
        "indirect",
        "she had lost her job",
        "Kowalczyk",
        "learned",
    ),
    // A reporting noun before its `that` clause, with its possessor.
    (
        "Fact-checkers examined Trump's false claims that he is an advocate for working people.",
        "indirect",
        "he is an advocate for working people",
        "Trump's",
        "claims",
    ),
    (
        "The rally came amid reports that the campaign was running out of money.",
        "indirect",
        "the campaign was running out of money",
        "",
        "reports",
    ),
    // ... and a few before their preposition (`praise for`, `doubts about`).
    (
        "The speech drew Trump's praise for the Republican platform.",
        "indirect",
        "the Republican platform",
        "Trump's",
        "praise",
    ),
    // ... but after a subject the word is the verb.
    (
        "Trump claims that the election is rigged.",
        "indirect",
        "the election is rigged",
        "Trump",
        "claims",
    ),
    // A quantifier opens its clause after a subordinator.
    (
        "He left, even though several oppose the nuclear deal with Tehran.",
        "indirect",
        "the nuclear deal with Tehran",
        "several",
        "oppose",
    ),
    // A progressive after a contracted pronoun; an intention's infinitive;
    // a finite clause of three words.
    (
        "They're saying the plan will fail.",
        "indirect",
        "the plan will fail",
        "They're",
        "saying",
    ),
    ("They want to compromise.", "indirect", "to compromise", "They", "want"),
    ("I know Americans are impatient.", "indirect", "Americans are impatient", "I", "know"),
    (
        "He spoke out against the nuclear deal with Iran.",
        "indirect",
        "the nuclear deal with Iran",
        "He",
        "spoke out against",
    ),
    // An opening participle clause with `that` reports for the main subject.
    (
        "Noting that only Sen. Mark Kirk voted with Democrats, Tester called for a new vote.",
        "indirect",
        "only Sen. Mark Kirk voted with Democrats",
        "Tester",
        "Noting",
    ),
    (
        "Critics reviled the plan as a giveaway to the banks.",
        "indirect",
        "the plan as a giveaway to the banks",
        "Critics",
        "reviled",
    ),
    // Verbs that report only with `as`.
    (
        "Clinton painted her rival as a one-issue candidate.",
        "indirect",
        "her rival as a one-issue candidate",
        "Clinton",
        "painted",
    ),
    // A base form after a singular word is a noun, which ends no report;
    // a hyphen without spaces is no dash.
    (
        "He said it might be difficult to build Democratic support during an election season.",
        "indirect",
        "it might be difficult to build Democratic support during an election season",
        "He",
        "said",
    ),
    (
        "Trump has promised to build a wall along the U.S.-Mexico border.",
        "indirect",
        "to build a wall along the U.S.-Mexico border",
        "Trump",
        "promised",
    ),
    (
        "Despite challenging the trustworthiness of the majority leader, Cruz said he could work with him.",
        "indirect",
        "the trustworthiness of the majority leader",
        "Cruz",
        "challenging",
    ),
    // An object pronoun ends a speaker's complement.
    (
        "The plan will fail, a source close to him said.",
        "indirect",
        "The plan will fail",
        "a source close to him",
        "said",
    ),
    (
        "Sources close to her say the plan will fail.",
        "indirect",
        "the plan will fail",
        "Sources close to her",
        "say",
    ),
    // A stance participle after its noun ends before the main verb.
    (
        "Democrats supporting Mrs. Clinton have pointed to Senator Harry Reid.",
        "indirect",
        "Mrs. Clinton",
        "Democrats",
        "supporting",
    ),
    // `…, as X noted`: the clause before the comma.
    (
        "Invoking Weimar Germany is a classic scare tactic, as David Dayen noted in The Intercept.",
        "indirect",
        "Invoking Weimar Germany is a classic scare tactic",
        "David Dayen",
        "noted",
    ),
    // A stance adjective before `that`.
    (
        "His supporters are optimistic that he’ll make a comeback in Texas.",
        "indirect",
        "he’ll make a comeback in Texas",
        "His supporters",
        "optimistic that",
    ),
    // A hearer after `to` before `that` (an apostrophe inside it is no quote).
    (
        "Sanders complained to CBS News' Charlie Rose that linking him to the massacre was unfair.",
        "indirect",
        "linking him to the massacre was unfair",
        "Sanders",
        "complained",
    ),
    // ... and after an aside, the sentence's subject.
    (
        "State Rep. Wendy Nanney (R), a leader of the coalition, suggested that Trump had not been exposed.",
        "indirect",
        "Trump had not been exposed",
        "State Rep. Wendy Nanney",
        "suggested",
    ),
    // Contracted negations and aspect adverbs between subject and cue.
    (
        "She has since said she would support a wage increase.",
        "indirect",
        "she would support a wage increase",
        "She",
        "said",
    ),
    (
        "CNN didn't report that Carson was dropping out.",
        "indirect",
        "Carson was dropping out",
        "CNN",
        "report",
    ),
    (
        "The Florida Republican would only say that his lack of knowledge was worrisome.",
        "indirect",
        "his lack of knowledge was worrisome",
        "The Florida Republican",
        "say",
    ),
    // A past tense right after a name is the verb, not a role word between
    // names (`Clinton ally James Carville`).
    (
        "Retired Army Col. Lawrence Wilkerson started Maher’s rant when he brought up the bombing and later said, “It’s not just Muslims shooting people.”",
        "direct",
        "It’s not just Muslims shooting people.",
        "Retired Army Col. Lawrence Wilkerson",
        "said",
    ),
    (
        "Perez hammered Trump, calling him a “train wreck” and “outsourcer in chief.”",
        "mixed",
        "him a “train wreck” and “outsourcer in chief.”",
        "Perez",
        "calling",
    ),
];

fn records(text: &str) -> Vec<QuoteRecord> {
    let doc = Document::new("case", text);
    quote_records(&doc, &analyze(&doc))
}

#[test]
fn constructions() {
    let mut failures = Vec::new();
    for &(text, kind, quote, mention, cue) in CASES {
        let recs = records(text);
        let hit = recs.iter().any(|r| {
            r.kind.as_str() == kind && r.quote == quote && r.mention == mention && r.cue == cue
        });
        if !hit {
            let got: Vec<String> = recs
                .iter()
                .map(|r| {
                    format!(
                        "{} {:?} mention={:?} cue={:?}",
                        r.kind.as_str(),
                        r.quote,
                        r.mention,
                        r.cue
                    )
                })
                .collect();
            failures.push(format!(
                "{text}\n  want {kind} {quote:?} mention={mention:?} cue={cue:?}\n  got  {got:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Texts that must yield exactly these quotes and nothing more.
const EXACTLY: &[(&str, &[&str])] = &[
    // ... and without `about` it reports nothing, nor ends another report.
    (
        "He said he would not endorse anyone when he speaks Thursday in Utah.",
        &["he would not endorse anyone when he speaks Thursday in Utah"],
    ),
    // A conjoined subject is plural (the mention is still only the last
    // name, `Wealth-X`: conjoined sources are not parsed yet).
    (
        "Forbes and Wealth-X say the United States has more billionaires.",
        &["the United States has more billionaires"],
    ),
    // A document's participle and time belong to the subject.
    (
        "A USA Today poll released this week found 66 percent of women have an unfavorable view of Trump.",
        &["66 percent of women have an unfavorable view of Trump"],
    ),
    // ... and nothing without it.
    ("Trump watched the returns and saw the crowd from his hotel.", &[]),
    // `appear` before a place is no hedge, nor an active `seen as`.
    ("Obama appeared on Fox News on Sunday.", &[]),
    ("Few voters have seen as many ads as Iowans.", &[]),
    // A quotation interrupted by its own attribution is one quote whose
    // text is the spoken words only, its pieces joined by ` … ` (the span
    // still covers the attribution, as PolNeAR annotates it) ...
    (
        "“It was 50 percent more,” Trump added to People. “That makes me feel good.”",
        &["It was 50 percent more, … That makes me feel good."],
    ),
    (
        "\"We will fight,\" said Jack Mozloom, a spokesman for the federation. \"And we will win.\"",
        &["We will fight, … And we will win."],
    ),
    // ... but a piece with a cue of its own stays a quote of its own ...
    (
        "“We need steady hands,” Clinton said. But she added, “Not a neutral president.”",
        &["We need steady hands,", "Not a neutral president."],
    ),
    // ... and so does a piece in the next paragraph.
    (
        "“We need steady hands,” Clinton said.\n\n“Not a neutral president.”",
        &["We need steady hands,", "Not a neutral president."],
    ),
    // `said to applause` reports nothing after the cue.
    (
        "\"That's not even an issue,\" he said to applause.",
        &["That's not even an issue,"],
    ),
    // A coordinated clause with its own subject ends the report ...
    (
        "Mrs. Clinton has said she intends to fill half her cabinet with women, and Ms. Brainard is among them.",
        &["she intends to fill half her cabinet with women"],
    ),
    // ... but the last item of a list does not.
    (
        "The Treasury Department said the two men, Arkady Voronin, 34, and Pavel Smelkov, 29, had developed the ransomware.",
        &["the two men, Arkady Voronin, 34, and Pavel Smelkov, 29, had developed the ransomware"],
    ),
    // An elaboration stays in the report.
    (
        "Manafort said Trump has several ways of reaching the number, including the unbound delegates.",
        &["Trump has several ways of reaching the number, including the unbound delegates"],
    ),
    // The relative pronoun opens the later report, not the earlier one.
    (
        "He defended the ruling, which I said was not a prison sentence.",
        &["the ruling", "which I said was not a prison sentence"],
    ),
    // The title of a linked article is no continuation of the speaker.
    (
        "“We will win,” Levine said.\n\n\"Met accused of whitewashing baby Jesus in new show,\" http://dnain.fo/1HSB5rF.",
        &["We will win,"],
    ),
    // A quote that ends its sentence is not handed to the next one.
    (
        "“We will win.” Smith walked to the stage.",
        &[],
    ),
    // A `that` later in the reported clause is no complementiser of the cue.
    (
        "Clinton said she would not go to that place.",
        &["she would not go to that place"],
    ),
    (
        "The office said it would study the result but that rent law remained a federal matter.",
        // (One report, as PolNeAR annotates it, whose parts are the two
        // coordinated contents.)
        &["it would study the result … rent law remained a federal matter"],
    ),
    // A parenthetical attribution followed by a participle reports what
    // precedes it.
    (
        "Sales were great, he said, wiping sweat off his face.",
        &["Sales were great"],
    ),
    // A question put to someone is reported without a speaker.
    (
        "When asked by Ingraham on Thursday about increasing the number of foreign workers, Cruz said no.",
        &["about increasing the number of foreign workers", "no"],
    ),
    (
        "During an interview in August, the actress was asked if she had ever been discriminated against.",
        &["if she had ever been discriminated against"],
    ),
    // A temporal clause after a quote that closes with a comma is narration.
    (
        "Sanders had previously said, “We’ll see,” when asked whether he would campaign for them.",
        &["We’ll see,", "whether he would campaign for them"],
    ),
    ("He put it on the table and left the room.", &[]),
    // A learned verb with a particle is another verb.
    (
        "His mother passed away Friday in La Romana, Dominican Republic.",
        &[],
    ),
    // The opening clause is no report of the later subject.
    (
        "When Trump suggested that Cuba would sue, Rubio objected.",
        &["Cuba would sue"],
    ),
    // A noun that looks like a cue, after words that are no subject.
    (
        "As of the last fundraising report, Deacon had raised $293,565.",
        &[],
    ),
    (
        "In Puerto Rico, 60 pledged delegates and seven superdelegates were at stake.",
        &[],
    ),
    ("Only time will tell if his staying power will last.", &[]),
    ("I find his message chilling.", &[]),
    ("She made a cake for the party.", &[]),
    ("He painted the house last summer.", &[]),
    // `found oneself`, `found a way`, `helped found`: no finding.
    ("He also found himself in a series of contentious exchanges.", &[]),
    ("Ever since Roger Ailes helped found Fox News in 1996, the network grew.", &[]),
    // After a possessive and before a bare noun a cue form is an adjective.
    (
        "Donors worry about meeting Trump's declared goal of $1 billion.",
        &[],
    ),
    // A naming participle after an indefinite noun phrase is no cue.
    (
        "The lawsuit was filed by a former staffer named Bradley Podliska.",
        &[],
    ),
    // An opening `As` clause ends its own report.
    (
        "As Trump said the plan would fail, Rubio objected.",
        &["the plan would fail"],
    ),
    // Web and widget labels in a live blog are no interview turns ...
    (
        "WATCH: Trudeau speaks to reporters in Ottawa on Tuesday\n\nVIDEO: Liberals table the budget bill today\n\nWATCH: The premier's budget speech in Toronto",
        &[],
    ),
    // ... nor is a currency table ...
    ("USD: 1.3621 -0.2%\n\nEUR: 1.4870 +0.1%\n\nGBP: 1.7302 +0.3%", &[]),
    // ... nor a list of labels each used once (candidates and their goals,
    // section headings): an interview has turn-taking ...
    (
        "Sanders: Win in a walk.\n\nClinton: Keep it close.\n\nRubio: Finish second.\n\nCruz: Just hang on.",
        &[],
    ),
    // ... but named speakers are.
    (
        "MARTIN: We lost half the harvest this year.\n\nJONES: The rain never came in time for us.\n\nMARTIN: Nobody could have planned for that.",
        &[
            "We lost half the harvest this year.",
            "The rain never came in time for us.",
            "Nobody could have planned for that.",
        ],
    ),
    // `add` and `maintain` report only a clause or a quote.
    (
        "The account from the CIA base chief adds a critical voice to the public record.",
        &[],
    ),
];

/// The pieces of an interrupted quotation slice back to the text, and the
/// record's span still covers them and the attribution between them.
#[test]
fn interrupted_quotation_parts_slice_back() {
    let text = "“It was 50 percent more,” Trump added to People. “That makes me feel good.”";
    let recs = records(text);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert!(!r.quote.contains("Trump added"), "{:?}", r.quote);
    let chars: Vec<char> = text.chars().collect();
    let texts: Vec<String> = r
        .parts
        .iter()
        .map(|p| chars[p.char_start..p.char_end].iter().collect())
        .collect();
    assert_eq!(
        texts,
        ["It was 50 percent more,", "That makes me feel good."]
    );
    assert!(r
        .parts
        .iter()
        .all(|p| text.get(p.byte_start..p.byte_end) == Some(p.text.as_str())));
    let hull: String = chars[r.char_start..r.char_end].iter().collect();
    assert!(hull.contains("Trump added to People"));
}

#[test]
fn nothing_more() {
    for &(text, want) in EXACTLY {
        let got: Vec<String> = records(text).into_iter().map(|r| r.quote).collect();
        assert_eq!(got, want, "{text}");
    }
}
