"""The word lists behind the task-style detector, grouped by what a word tells about a key result.

The lists are general English and general work vocabulary, not any one team's jargon:
the detector has to hold on domains nobody here has seen, so a word belongs in a list
because of what it means ("publish" makes something, "acquire" wins something from
someone else), never because one statement needed it.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CHANGE_VERBS = _words(
    """
    increase raise grow reduce cut decrease improve lower shorten boost lift double triple quadruple halve drop
    minimize minimise maximize maximise eliminate accelerate expand slash trim shrink speed decline lessen
    diminish narrow widen deepen strengthen lose
    """
)
"""Verbs that already say which way a metric moves."""

WIN_VERBS = _words(
    """
    acquire attract win earn land generate gain convert collect get bring drive sell secure enrol enroll
    sign book close onboard activate engage re-engage reactivate retain place serve save
    """
)
"""Verbs of winning something from other people: what they count is other people's doing."""

BENEFIT_VERBS = _words(
    """
    help support serve house feed protect vaccinate immunise immunize treat cure employ place graduate rescue
    rehome resettle insure cover reach benefit empower connect upskill
    """
)
"""Verbs of doing good to people: "Support 500 families" counts people reached, a result."""

LEVEL_VERBS = _words("meet meets pass passes hit hits score scores stay stays remain remains comply complies achieve achieves reach reaches exceed exceeds")
"""What a subject does when it reaches a level: "Every service meets its SLO"."""

COMMON_VERBS = _words(
    """
    use uses enrol enrols enroll enrolls install installs join joins attend attends sign signs buy buys visit visits
    read reads watch watches open opens choose chooses leave leaves download downloads adopt adopts contribute
    contributes submit submits complete completes create creates rate rates call calls pay pays renew renews
    subscribe subscribes register registers apply applies book books order orders share shares recommend recommends
    return returns upgrade upgrades switch switches log logs click clicks reply replies post posts vote votes
    donate donates give gives answer answers start starts finish finishes pass passes stay stays reach reaches
    meet meets get gets make makes take takes report reports save saves spend spends try tries keep keeps
    """
)
"""Verbs people outside the team do ("customers use", "learners enrol"): they end the subject's noun phrase."""

OUTCOME_VERBS = CHANGE_VERBS | _words(
    """
    achieve reach hit attain maintain keep sustain retain exceed surpass beat stay remain outperform outsell
    acquire attract win earn land generate gain convert get bring drive sell save score rank top
    """
)
"""Verbs whose object is a result: a level reached or held, or something won from others."""

PRODUCTION_VERBS = _words(
    """
    publish write create produce record film shoot ship release launch send post compile prepare draft build
    make add submit design develop author edit translate document deliver give present run hold host conduct
    organise organize complete finish do have file issue craft curate assemble package print distribute mail
    email call dial pitch demo teach lecture stream blog tweet upload gather collect source
    """
)
"""Verbs of making or doing: the count after them is the team's own output."""

STRONG_TASK_VERBS = _words(
    """
    launch implement build create develop design migrate conduct organize organise host finish install
    upgrade refactor rewrite redesign integrate automate recruit interview prototype revamp rebuild overhaul
    configure announce draft document finalize finalise decommission containerise containerize replace switch
    move audit test label tag review train call visit survey inspect migrate
    """
)
"""Verbs that name work even when a percentage follows ("Audit 10% of pallets", "Migrate 100% of services")."""

TASK_VERBS = PRODUCTION_VERBS | _words(
    """
    implement deploy roll introduce start begin establish define plan research attend install upgrade refactor
    rewrite redesign integrate automate pilot update add replace set setup kick deliver recruit interview
    survey evaluate assess review identify select purchase buy procure train onboard test prototype outline
    map schedule coordinate facilitate finalize finalise formalize formalise standardize standardise revamp
    rebuild overhaul configure enable participate mentor announce open renovate triage answer reply respond
    contact visit meet sit take study practise practice learn shadow spend block walk read calibrate
    reconcile audit inspect clean tidy sort fix patch repair refresh rename restructure reorganise reorganize
    consolidate centralise centralize decommission retire sunset archive remove delete switch move transfer
    port containerise containerize modernise modernize digitise digitize rollout stand spin negotiate
    renegotiate sign apply register certify license licence validate verify catalogue catalog inventory
    benchmark analyse analyze investigate explore brainstorm prioritise prioritize scope specify estimate
    budget forecast model simulate rehearse drill exercise share circulate promote advertise market
    showcase exhibit sponsor coach support help assist guide escalate route assign tag label categorise
    categorize classify moderate localise localize embed wire connect link sync import export backfill seed
    populate provision harden encrypt rotate scan lock upskill reskill educate inform notify communicate brief
    debrief report celebrate equip furnish stock order pack dispatch commission retrofit refurbish paint
    renew relocate merge split jog swim cycle hike meditate journal stretch cook bake volunteer fundraise
    canvass mail phone text message interview screen shortlist headhunt mentor pair observe shadow cover
    staff appoint nominate elect invite welcome host recognise recognize reward thank
    accompany chair lead manage own run operate administer process handle resolve
    follow check verify ensure monitor track watch measure oversee supervise enforce comply align agree
    sign-off approve hand handover transition offboard digitalise simplify streamline clarify
    document redesign refine iterate experiment pilot sketch storyboard script proofread translate
    plant harvest deliver distribute transport load unload ship store pick count audit weigh sample
    vaccinate screen treat examine teach tutor grade mark assess test coach counsel advise consult rate
    """
) | STRONG_TASK_VERBS
"""Verbs that name work when they open a key result."""


MONITORING_OPENINGS = (
    "ensure", "make sure", "monitor", "track", "keep an eye", "keep tabs", "keep track", "watch", "oversee",
    "follow up", "reach out", "check in on", "stay on top", "look into", "keep watch", "report on", "be aware",
    "measure", "stay close", "keep close", "keep up with", "stay up to date", "keep an overview",
)
"""Openings of vague or monitoring activity: "Ensure backups are tested", "Reach out to..."."""

UPKEEP_STATES = _words("up-to-date current green clean tidy healthy updated accurate documented organised organized stocked")
""""Keep X up to date", "Keep CI green": upkeep, an activity, when nothing is measured."""

OUTPUT_NOUNS = _words(
    """
    post posts article articles video videos clip clips tutorial tutorials guide guides runbook runbooks playbook
    playbooks page pages doc docs template templates script scripts test tests rule rules report reports brief
    briefs plan plans course courses module modules lesson lessons workshop workshops webinar webinars episode
    episodes podcast podcasts newsletter newsletters case-study case-studies whitepaper whitepapers ebook
    ebooks infographic infographics feature features sample samples example examples demo demos prototype
    prototypes experiment experiments campaign campaigns email emails call calls dial dials meeting meetings
    session sessions visit visits interview interviews audit audits assessment assessments event events meetup
    meetups talk talks presentation presentations reply replies macro macros snippet snippets dashboard
    dashboards widget widgets component components sop sops instruction instructions checklist checklists
    battlecard battlecards deck decks policy policies procedure procedures drill drills simulation simulations
    recipe recipes screencast screencasts blogs op-eds op-ed press-releases release-notes faqs faq apps app
    plugin plugins library libraries package packages endpoints worksheets worksheet handouts flashcards quizzes
    quiz assignments lesson-plans clubs club trainings training classes class seminars seminar lectures
    lecture cohorts cohort books book chapters drafts proposals proposal rfps bids pitches outreach messages
    letters postcards flyers posters banners ads creatives assets designs mockups wireframes illustrations
    photos photographs images graphics shorts reels stories threads tweets livestreams streams test-cases
    automations bots playlists guidebooks handbooks manuals flows forms surveys questionnaires
    testimonials quotes observations transcripts papers preprints publications studies submissions
    repos repositories issues prs pull-requests commits patches fixes releases builds
    notebooks datasets analyses memos specs rfcs adrs diagrams charts visualisations visualizations
    tours trips walks runs miles kilometres kilometers km laps sketches paintings songs
    qbrs ebrs check-ins checks monitors probes alerts outlines summaries translations subtitles captions labels
    """
)
"""Things a team makes or does: counting them counts the team's own output."""

MEETING_NOUNS = _words(
    """
    meeting meetings call calls session sessions workshop workshops webinar webinars roundtable roundtables
    town-hall town-halls townhall townhalls office-hour office-hours meetup meetups ama amas conference
    conferences summit summits event events standup standups stand-up stand-ups huddle huddles retro retros
    retrospective retrospectives hackathon hackathons offsite offsites dinner dinners lunch lunches breakfast
    breakfasts visit visits walk walks panel panels talk talks presentation presentations clinic clinics
    drop-in drop-ins open-day open-days evening evenings fair fairs trade-show trade-shows expo expos 1:1 1:1s
    one-to-one one-to-ones one-on-one one-on-ones check-in check-ins sync syncs review reviews briefing
    briefings assembly assemblies tour tours demo-day demo-days bootcamp bootcamps seminar seminars lecture
    lectures class classes masterclass masterclasses livestream livestreams gathering gatherings social socials
    ceremony ceremonies board-meeting game-day game-days tabletop tabletops kickoff kickoffs kick-off kick-offs
    all-hands lunch-and-learn lunch-and-learns consultation consultations surgery surgeries qbr qbrs ebr ebrs
    demo demos interview interviews
    """
)
"""Gatherings: holding them is activity, whatever the number."""

PEOPLE_NOUNS = _words(
    """
    user users customer customers client clients subscriber subscribers follower followers member members visitor
    visitors reader readers viewer viewers listener listeners registrant registrants applicant applicants
    attendee attendees participant participants learner learners student students pupil pupils patient
    patients citizen citizens resident residents donor donors volunteer volunteers partner partners developer
    developers buyer buyers shopper shoppers guest guests traveller travellers passenger passengers rider
    riders driver drivers family families household households parent parents alumni merchants sellers vendors
    suppliers employers candidates contributors adopters takers respondents sponsors investors fans audience
    audiences businesses companies organisations organizations schools hospitals venues labs teams prospects
    people adults children youth tenants farmers athletes players gamers creators authors
    researchers scientists clinicians physicians doctors nurses employees recipients beneficiaries
    """
)
"""People and organisations outside the team: what they do is a result."""

RESULT_NOUNS = _words(
    """
    account accounts logo logos lead leads mql mqls sql sqls opportunity opportunities download downloads
    install installs installation installations sign-up sign-ups signup signups registration registrations
    application applications referral referrals response responses star stars backlink backlinks mention
    mentions citation citations enrolment enrolments enrollment enrollments order orders purchase purchases
    transaction transactions booking bookings revenue arr mrr trial trials activation activations upgrade
    upgrades renewal renewals donation donations pledge pledges vote votes like likes share shares impression
    impressions view views click clicks play plays ratings rating subscriptions subscription seats seat
    workspace workspaces tenants adoption uptake sales units deals wins placements
    """
)
"""What other people do or give, counted: a result."""

AUDIENCE_NOUNS = PEOPLE_NOUNS | RESULT_NOUNS

ROLE_NOUNS = _words(
    """
    team teams squad squads engineer engineers advocate advocates manager managers lead leads rep reps ae aes
    sdr sdrs bdr bdrs csm csms recruiter recruiters agent agents analyst analysts pm pms designer designers
    sre sres champion champions tech techs technician technicians teacher teachers tutor tutors head heads
    supervisor supervisors staff officer officers nurse nurses clinician clinicians coach coaches controller
    controllers accountant accountants dev devs programmer programmers marketer marketers writer writers
    editor editors trainer trainers inspector inspectors caseworker caseworkers worker workers operator
    operators director directors executive executives exec execs founder founders admin admins administrator
    administrators consultant consultants specialist specialists associate associates steward stewards chef
    chefs planner planners scientists leadership leaders owner owners crew crews maintainers mentors
    reviewers moderators organisers organizers hosts facilitators coordinators
    """
)
"""People on the team whose work a key result would be describing."""

HIRING_ROLES = ROLE_NOUNS | _words(
    """
    hires people heads fte ftes employees scientists nurses assistants apprentices interns graduates
    contractors salespeople sellers developers members
    """
)
"""What "Hire N ..." or "Grow the team from A to B ..." counts."""

THIRD_PARTY_MODIFIERS = _words(
    "dependent external third-party community community-built user-generated customer-built partner-built inbound "
    "organic referred independent outside"
)
"""Modifiers that make a thing someone else's: "dependent repositories", "community-built integrations"."""

METRIC_NOUNS = _words(
    """
    rate rates ratio share average avg mean median score scores speed rating ratings rank ranking percentage proportion
    time latency uptime availability nps csat ces enps churn retention conversion cost costs margin yield
    accuracy index satisfaction engagement velocity throughput frequency cadence turnaround lag
    coverage adoption utilisation utilization occupancy attainment compliance p50 p90 p95 p99 apdex mttr mttd
    """
)
"""Nouns that name a measure: a noun phrase built on one is a metric, not a deliverable."""

STATE_WORDS = (
    "live", "launched", "released", "shipped", "published", "approved", "signed off", "signed-off", "merged",
    "rolled out", "deployed", "issued", "agreed", "commissioned", "handed over", "configured", "documented",
    "implemented", "completed", "complete", "done", "finished", "in place", "installed", "delivered", "migrated",
    "generated", "set up", "operational", "in production", "go-live", "went live", "exists", "exist", "built",
    "created", "written", "drafted", "finalised", "finalized", "ratified", "ready for", "stood up",
    "up and running", "available in", "available on", "on maven central", "in the app store", "rewritten",
    "redesigned", "replaced", "retired", "decommissioned", "upgraded", "integrated", "automated", "opened",
    "updated", "refreshed", "certified", "accredited", "signed", "submitted to", "filed", "passed", "tested",
    "established", "introduced", "hired", "recruited", "staffed", "appointed", "funded", "purchased", "procured",
)
"""Words that close a noun phrase with the end state of a deliverable ("SDK v3 released")."""

OWN_PARTICIPLES = _words(
    """
    published written documented added created shipped recorded produced delivered completed run held conducted
    launched released built prepared drafted sent made given hosted filmed posted filed designed translated
    migrated fixed closed reviewed audited labelled labeled tagged triaged answered planted cleaned repaired
    inspected visited trained coached installed distributed collected gathered sourced interviewed called
    contacted surveyed tested drilled painted printed mailed emailed delivered built renovated refurbished
    """
)
"""Participles of the team's own doing: "12 postmortems published", "5 job applications sent"."""

THIRD_PARTY_AGENTS = (
    "used by", "adopted by", "picked up by", "cited by", "downloaded by", "starred by", "forked by", "installed by",
    "bought by", "purchased by", "read by", "watched by", "attended by", "rated by", "recommended by",
    "referenced by", "reused by", "endorsed by", "chosen by", "preferred by", "requested by", "visited by",
    "joined by", "shared by", "built by", "contributed by", "submitted by", "completed by", "opened by",
    "taken up by", "relied on by", "trusted by", "funded by", "backed by", "covered by", "featured by",
    "accepted", "selected for", "shortlisted", "awarded", "invited to speak", "merged upstream", "cited",
    "featured in", "mentioned in", "quoted in",
)
"""A passive with another party as agent: "Dataset used by 50 external labs" counts their doing."""

FREQUENCY_UNITS = (
    "day", "morning", "afternoon", "evening", "night", "weekday", "weekend", "week", "fortnight", "month",
    "quarter", "term", "semester", "year", "sprint", "shift", "iteration", "release", "cycle", "season",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "half", "session", "lesson",
)
"""Periods after "every", "a", "per": "every Monday", "twice a week"."""

LEVEL_NAMES = (
    "a1", "a2", "b1", "b2", "c1", "c2", "red", "amber", "yellow", "green", "bronze", "silver", "gold", "platinum",
    "good", "outstanding", "fair", "poor", "inadequate", "requires improvement", "junior", "mid", "senior", "beginner",
    "intermediate", "advanced", "fluent", "conversational", "basic", "tier 1", "tier 2", "tier 3", "level 1", "level 2",
    "level 3", "level 4", "grade a", "grade b", "grade c", "a", "b", "c", "d", "e", "f",
)
"""Named levels a change can go between: "from A2 to B2", "from amber to green"."""
