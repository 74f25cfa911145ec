# Writes the cross-document speaker fixture: one .txt per article and
# gold-keys.tsv (doc_id, a snippet of the quote, the gold corpus key).
import os, re, sys
out = sys.argv[1]
A = {}
def art(doc, *paras):
    A[doc] = paras

art("01-budget-vote",
 ("Mayor Elena Marsh defended the city budget on Monday as the council prepared for a final vote.", None),
 ("“We cut what we could without closing a single library,” Marsh said at a news conference.", "elena-marsh"),
 ("Councilman Luis de la Vega, who chairs the finance committee, said that the plan still leaves a gap of four million dollars.", "luis-de-la-vega"),
 ("“The numbers do not add up yet,” Mr. de la Vega said.", "luis-de-la-vega"),
 ("The mayor said that she would meet with union leaders before the vote.", "elena-marsh"))
art("02-restaurant-permits",
 ("Tom Marsh, who owns the Harbor Grill on Front Street, has joined a group of restaurant owners asking for faster permits.", None),
 ("“I waited eleven weeks for a sign permit,” Tom Marsh said.", "tom-marsh"),
 ("Mr. Marsh, the husband of Mayor Elena Marsh, said that he had never asked his wife for help.", "tom-marsh"),
 ("A spokeswoman for the mayor said that the mayor had no role in permit decisions.", "02-restaurant-permits/a-spokeswoman-for-the-mayor"))
art("03-police-staffing",
 ("Police Chief Daniel Kwan told the council on Tuesday that the department is short forty officers.", "daniel-kwan"),
 ("“We are asking the same people to work double shifts,” Kwan said.", "daniel-kwan"),
 ("Mayor Elena Marsh said that new recruits would start training in the spring.", "elena-marsh"),
 ("“Help is coming, and it is coming soon,” Marsh said.", "elena-marsh"))
art("04-governor-roads",
 ("Gov. Raymond Okafor signed a road repair bill on Wednesday in the state capital.", None),
 ("“Every county gets its share, and every share is spent in the open,” Okafor said.", "raymond-okafor"),
 ("State Sen. Nadia Okafor, who is not related to the governor, voted against the bill.", None),
 ("“It is a good bill with a bad formula,” Nadia Okafor said.", "nadia-okafor"),
 ("The governor said that he would revisit the formula next year.", "raymond-okafor"))
art("05-health-clinic",
 ("Dr. Helen Brandt, the city health commissioner, opened a new clinic in the Eastside neighborhood on Thursday.", None),
 ("“People here have waited too long for a doctor close to home,” Brandt said.", "helen-brandt"),
 ("Aisha Rahman, who organized residents to ask for the clinic, said that the fight took six years.", "aisha-rahman"),
 ("“We never stopped asking,” she said.", "aisha-rahman"))
art("06-school-closures",
 ("Superintendent Margaret Holloway proposed closing two elementary schools on Friday.", None),
 ("“Enrollment has fallen by a third in ten years,” Holloway said.", "margaret-holloway"),
 ("James Holloway, the president of the teachers union, said that the union would fight the plan.", "james-holloway"),
 ("“Closing schools is not a budget strategy,” James Holloway said.", "james-holloway"),
 ("The two are not related.", None))
art("07-stadium-deal",
 ("Developer Frank Petrov unveiled plans for a new stadium near the river on Monday.", None),
 ("“This will be the best thing to happen to the waterfront in fifty years,” Petrov said.", "frank-petrov"),
 ("Councilman Luis de la Vega said that the city should not pay for the land.", "luis-de-la-vega"),
 ("“Not one public dollar for a private stadium,” de la Vega said.", "luis-de-la-vega"))
art("08-budget-final",
 ("The city council approved the budget late on Tuesday by a vote of six to three.", None),
 ("“This budget keeps every library open,” Mayor Marsh said after the vote.", "elena-marsh"),
 ("Mr. de la Vega, who voted no, said that the gap would return next year.", "luis-de-la-vega"),
 ("Officials said that the budget takes effect on July 1.", "08-budget-final/officials"))
art("09-governor-visit",
 ("Governor Raymond Okafor visited the flooded river towns on Saturday.", None),
 ("“We will rebuild every bridge the water took,” the governor said.", "raymond-okafor"),
 ("Mayor Elena Marsh, who joined him, said that the city would open two shelters.", "elena-marsh"),
 ("“Nobody sleeps in a car tonight,” Marsh said.", "elena-marsh"))
art("10-union-contract",
 ("The teachers union and the school district reached a tentative contract on Sunday.", None),
 ("“Our members will have the final word,” union president James Holloway said.", "james-holloway"),
 ("Margaret Holloway, the superintendent, said that the deal keeps class sizes under twenty-five.", "margaret-holloway"),
 ("“It was a hard year, but it ends well,” she said.", "margaret-holloway"))
art("11-petrov-profile",
 ("Frank J. Petrov grew up four blocks from the river he now wants to transform.", None),
 ("“My father fished off that pier,” Petrov said in an interview.", "frank-petrov"),
 ("His critics said that he has broken promises before.", "11-petrov-profile/his-critics"),
 ("Aisha Rahman, a neighborhood organizer, said that Petrov’s last project displaced forty families.", "aisha-rahman"))
art("12-senate-race",
 ("State Sen. Nadia Okafor announced on Monday that she will run for Congress.", "nadia-okafor"),
 ("“Our district needs someone who reads the bills,” Okafor said.", "nadia-okafor"),
 ("A spokesman for her opponent said that the race would be about results.", "12-senate-race/a-spokesman-for-her-opponent"))
art("13-police-overtime",
 ("Overtime spending at the police department rose by half last year, according to a city audit.", None),
 ("Chief Daniel Kwan said that the overtime reflects the staffing shortage.", "daniel-kwan"),
 ("“I would rather pay for new officers than for tired ones,” the chief said.", "daniel-kwan"),
 ("Councilman Luis de la Vega said that the audit raised serious questions.", "luis-de-la-vega"))
art("14-measles",
 ("City health officials confirmed three cases of measles on Wednesday.", None),
 ("“Vaccination is the best protection we have,” Dr. Brandt said.", "helen-brandt"),
 ("Helen Brandt, the health commissioner, said that the clinics would extend their hours.", "helen-brandt"),
 ("Superintendent Margaret Holloway said that schools would check vaccination records.", "margaret-holloway"))
art("15-river-cleanup",
 ("Volunteers pulled two tons of trash from the river on Saturday.", None),
 ("“The river belongs to everyone, so everyone should clean it,” said Aisha Rahman, who organized the event.", "aisha-rahman"),
 ("Tom Marsh donated lunch for the volunteers from his restaurant.", None),
 ("“It is the least I can do,” Marsh said.", "tom-marsh"))
art("16-stadium-hearing",
 ("More than two hundred people packed a hearing on the stadium plan on Tuesday night.", None),
 ("Frank Petrov told the council that the stadium would create a thousand jobs.", "frank-petrov"),
 ("“Show us the study,” said Aisha Rahman, who spoke against the plan.", "aisha-rahman"),
 ("Ms. Rahman said that the jobs would mostly be seasonal.", "aisha-rahman"),
 ("Mayor Elena Marsh said that she had not decided.", "elena-marsh"))
art("17-governor-budget",
 ("Gov. Raymond Okafor released his state budget on Thursday.", None),
 ("“We are paying down debt for the first time in a decade,” Gov. Okafor said.", "raymond-okafor"),
 ("Sen. Nadia Okafor said that the budget shortchanges city schools.", "nadia-okafor"),
 ("“The cities pay the bills and get the leftovers,” Sen. Okafor said.", "nadia-okafor"))
art("18-crime-report",
 ("Violent crime fell by eight percent last year, the police department reported on Monday.", None),
 ("“The credit belongs to officers on the street,” Police Chief Daniel Kwan said.", "daniel-kwan"),
 ("Mayor Marsh said that the city would add patrols downtown.", "elena-marsh"),
 ("A senior police official said that property crime had risen.", "18-crime-report/a-senior-police-official"))
art("19-grill-inspection",
 ("The Harbor Grill passed its health inspection on Friday after a failed inspection last month.", None),
 ("Owner Tom Marsh said that the kitchen had been rebuilt.", "tom-marsh"),
 ("“We fixed everything they asked us to fix,” he said.", "tom-marsh"),
 ("Dr. Helen Brandt said that the department treats every restaurant the same way.", "helen-brandt"))
art("20-school-board",
 ("The school board delayed a vote on the closing plan on Wednesday.", None),
 ("“We need more time to hear from parents,” Superintendent Holloway said.", "margaret-holloway"),
 ("Union president James Holloway said that the delay was a victory for families.", "james-holloway"),
 ("Parents said that they would keep coming to meetings.", "20-school-board/parents"))
art("21-council-ethics",
 ("Councilman Luis de la Vega filed an ethics complaint on Monday over the stadium talks.", None),
 ("“The public deserves to know who met with whom,” de la Vega said.", "luis-de-la-vega"),
 ("Frank Petrov said that the complaint was a political stunt.", "frank-petrov"),
 ("“I have nothing to hide,” Mr. Petrov said.", "frank-petrov"))
art("22-flood-aid",
 ("Federal aid for the spring floods arrived on Tuesday, the governor’s office said.", None),
 ("“This money goes to families first,” Gov. Raymond Okafor said.", "raymond-okafor"),
 ("Mayor Elena Marsh said that the city would hire inspectors to check damaged homes.", "elena-marsh"),
 ("“We will not let anyone move back into an unsafe house,” the mayor said.", "elena-marsh"))
art("23-clinic-funding",
 ("The Eastside clinic will stay open through next year, the health department said on Thursday.", None),
 ("“The state came through,” said Helen Brandt, the city health commissioner.", "helen-brandt"),
 ("State Sen. Nadia Okafor, who wrote the funding amendment, said that more clinics would follow.", "nadia-okafor"),
 ("Aisha Rahman said that residents would hold the state to that promise.", "aisha-rahman"))
art("24-police-academy",
 ("Thirty-two recruits started training at the police academy on Monday.", None),
 ("“This is the largest class in eight years,” Chief Kwan said.", "daniel-kwan"),
 ("Daniel Kwan said that the class would finish in the fall.", "daniel-kwan"),
 ("Mayor Elena Marsh, who spoke at the ceremony, said that she had kept her promise.", "elena-marsh"))
art("25-year-review",
 ("Mayor Elena Marsh looked back on her first year in office in a speech on Friday.", None),
 ("“We kept the libraries open, and we kept our word,” Marsh said.", "elena-marsh"),
 ("Her husband, Tom Marsh, said that the year had been hard on the family.", "tom-marsh"),
 ("“She works every weekend,” Tom Marsh said.", "tom-marsh"),
 ("Councilman Luis de la Vega said that the second year would be harder.", "luis-de-la-vega"))
art("26-teachers-rally",
 ("Hundreds of teachers rallied outside the school district office on Thursday.", None),
 ("“We are not going anywhere,” James Holloway told the crowd.", "james-holloway"),
 ("Mr. Holloway said that the union would file a grievance if the schools close.", "james-holloway"),
 ("Protesters said that they would return every week.", "26-teachers-rally/protesters"))

gold = ["doc_id\tsnippet\tkey"]
for doc, paras in A.items():
    text = "\n\n".join(p for p, _ in paras) + "\n"
    open(os.path.join(out, doc + ".txt"), "w").write(text)
    for p, key in paras:
        if key is None:
            continue
        m = re.search(r"“([^”]{1,30})", p)
        if m:
            snip = m.group(1)
        else:
            m = re.search(r" that (.{1,30})", p)
            if not m:
                print("no snippet:", p)
                continue
            snip = m.group(1)
        gold.append(f"{doc}\t{snip.rstrip('.')}\t{key}")
open(os.path.join(out, "gold-keys.tsv"), "w").write("\n".join(gold) + "\n")
print(len(A), len(gold) - 1)
