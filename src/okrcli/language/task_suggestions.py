"""Outcome rewrites in the key result's own domain, picked from the words of its title.

A CI key result gets an engineering example, a sales one a sales example: an example
from another field teaches less than one the team recognises. Every example here is
itself an outcome the detector passes (tests/test_task_style_messages.py checks it).
"""

from __future__ import annotations

DOMAINS: tuple[tuple[str, frozenset[str], str], ...] = tuple(
    (name, frozenset(words.split()), example)
    for name, words, example in (
        ("engineering", "ci cd deploy deploys deployment deployments pipeline pipelines build builds release releases "
         "incident incidents outage outages on-call sre kubernetes k8s cluster clusters server servers api apis "
         "service services latency uptime backup backups infrastructure terraform monitoring alert alerts alerting "
         "database migration microservice microservices test tests flaky code repo repos runbook runbooks postmortem "
         "postmortems canary rollback staging production cloud aws gcp azure devops platform sdk", "Cut failed deployments from 12% to 3% of releases"),
        ("sales", "sales deal deals pipeline quota prospect prospects account accounts rep reps ae aes sdr sdrs bdr "
         "crm salesforce hubspot outbound dials demo demos proposal proposals upsell renewal renewals territory "
         "forecast buyers", "Raise the win rate on qualified deals from 18% to 25%"),
        ("marketing", "marketing campaign campaigns blog posts post content seo newsletter webinar webinars brand "
         "social linkedin twitter instagram tiktok youtube ads ad landing press launch-post articles article "
         "podcast influencer influencers video videos followers impressions", "Grow organic sign-ups from 400 to 700 a month"),
        ("support", "support ticket tickets agent agents queue help-center helpdesk zendesk freshdesk chat csat "
         "escalation escalations macros saved replies faq faqs knowledge-base contact returns return refund refunds "
         "self-serve self-service", "Raise CSAT from 82% to 90%"),
        ("people", "hire hires hiring recruit recruiting recruiters candidate candidates interview interviews onboarding "
         "onboard manager managers employee employees engagement training trained workshop mentoring mentor "
         "career performance review reviews 1:1 1:1s offsite culture benefits payroll hr people", "Cut regretted attrition from 14% to 8%"),
        ("finance", "finance invoice invoices budget budgets close ledger expense expenses cash accounts payable "
         "receivable reconciliation reconcile audit tax accruals netsuite erp procurement vendor vendors "
         "spend cfo board-pack forecast", "Reduce month-end close from 7 days to 4 days"),
        ("product", "product feature features roadmap prototype prototypes discovery user users activation onboarding "
         "flow experiment experiments a/b pricing ux design designs research usability beta", "Raise week-1 activation from 35% to 50%"),
        ("security", "security vulnerability vulnerabilities vuln vulns phishing pen pentest mfa sso soc iso 27001 "
         "access encryption patch patches threat siem edr secrets credentials firewall waf compliance", "Cut the phishing click rate from 12% to 3%"),
        ("education", "student students pupil pupils lesson lessons teacher teachers school schools course courses "
         "exam exams class classes curriculum homework tutor tutoring parents grades learners syllabus", "Raise the share of pupils at the expected standard from 65% to 75%"),
        ("personal", "run jog jogging gym workout workouts exercise read reading journal meditate meditation sleep "
         "habit habits diet weight steps walk walking swim cycle yoga practice learn language guitar piano "
         "myself my i", "Lower my resting heart rate from 72 to 64 bpm"),
        ("manufacturing", "line lines plant plants machine machines shop floor scrap shift shifts operator operators "
         "supplier suppliers maintenance oee kaizen 5s lean production assembly factory warehouse tooling", "Cut the scrap rate from 5% to 2.5%"),
        ("mobile", "app apps ios android mobile store testflight play push widget widgets screen screens", "Raise the App Store rating from 4.1 to 4.6"),
        ("developer-relations", "docs documentation developer developers devrel tutorial tutorials sample samples "
         "quickstart community hackathon meetup meetups talk talks github open-source", "Cut time to first API call from 40 minutes to 10"),
        ("public-sector", "citizen citizens resident residents council permit permits licence licences benefit "
         "applications public service services caseworker casework ministry agency municipal library libraries",
         "Cut permit processing time from 30 days to 10"),
        ("healthcare", "patient patients clinic clinics appointment appointments nurse nurses ward wards doctor "
         "doctors gp hospital triage care referral referrals discharge", "Cut the outpatient waiting time from 6 weeks to 3"),
        ("nonprofit", "donor donors donation donations volunteer volunteers fundraising fundraiser grant grants "
         "charity campaign beneficiaries", "Grow recurring donors from 800 to 1,200"),
        ("logistics", "order orders shipment shipments delivery deliveries warehouse fleet driver drivers route "
         "routes parcel parcels carrier carriers dispatch inventory stock", "Raise on-time deliveries from 88% to 96%"),
        ("legal", "contract contracts legal clause clauses nda ndas counsel litigation policy policies", "Cut contract turnaround from 10 days to 4"),
    )
)
GENERIC_EXAMPLE = "Raise repeat purchases from 20% to 30% of customers"


def domain_of(tokens: tuple[str, ...] | list[str]) -> str:
    """The domain whose words the title uses most (ties go to the earlier domain); "" when none."""
    best, best_hits = "", 0
    for name, words, _ in DOMAINS:
        hits = sum(1 for token in tokens if token in words)
        if hits > best_hits:
            best, best_hits = name, hits
    return best


def outcome_example(tokens: tuple[str, ...] | list[str]) -> str:
    """An outcome key result from the title's own domain, as an example of a rewrite."""
    domain = domain_of(tokens)
    for name, _, example in DOMAINS:
        if name == domain:
            return example
    return GENERIC_EXAMPLE
