"""How a key-result title opens, and the nouns it counts: the grammar the task-style rules read.

No part-of-speech tagger: word lists (task_words.py) plus a few facts of English that
hold in any domain: an imperative opens with its verb ("Publish 12 posts"), a subject
with "to" announces someone's work ("Team leads to run..."), a number opens a count
("40 calls per rep"), and a noun phrase's head is its last noun before a preposition.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrcli.language.task_signals import Signals, is_number
from okrcli.language.task_words import (
    AUDIENCE_NOUNS,
    COMMON_VERBS,
    HIRING_ROLES,
    MEETING_NOUNS,
    METRIC_NOUNS,
    MONITORING_OPENINGS,
    OUTCOME_VERBS,
    OUTPUT_NOUNS,
    OWN_PARTICIPLES,
    PEOPLE_NOUNS,
    ROLE_NOUNS,
    STATE_WORDS,
    TASK_VERBS,
    UPKEEP_STATES,
)

_PERSONAL = frozenset("i i'll i'm i've we we'll we're will shall want wants to plan aim going am should must can".split())
_PREFIXES = frozenset("re co pre double cross self un de up over under out mis".split())
_QUANTIFIERS = frozenset("every each all 100%".split())
_VERBS = TASK_VERBS | OUTCOME_VERBS
NOUNS = OUTPUT_NOUNS | AUDIENCE_NOUNS | MEETING_NOUNS | HIRING_ROLES | METRIC_NOUNS
_NAMED_BY_NUMBER = frozenset(
    "soc iso type v version level tier phase gen generation web line wave sprint p sev grade year step stage release "
    "chapter section module ks part round cohort series batch lane gate floor building pci wcag".split()
)
"""Words a number names rather than counts: "SOC 2", "Line 4", "Tier 1"."""
_DETERMINERS = frozenset("a an the our my their your its this these those".split())
_AMOUNT_OF = frozenset("number count amount volume total".split())
_CHANGE_WORDS = frozenset("-> up down :".split())
_OBJECT_OPENERS = frozenset("the a an our my their all every each this".split())
_IRREGULAR_PLURALS = frozenset("people children alumni staff youth men women police media data".split())
PHRASE_ENDS = frozenset(
    "the per a an on in for to with from across at by of and or that which who each every this next before after "
    "during into onto over under within than as via through among between about".split()
)


@dataclass(frozen=True)
class Opening:
    """How a title begins: its first meaningful word and what kind of start it is."""

    index: int
    """Position of the first meaningful token (after "I'll", "We will", "Personally"...)."""
    word: str
    kind: str
    """"outcome-verb", "task-verb", "number", "quantifier", "role", "audience" or "noun"."""
    personal: bool


def verb_of(token: str) -> str:
    """The verb a token is ("re-engage" -> engage, "syncs" -> sync), or "" when it is none we know."""
    if token in _VERBS:
        return token
    head, _, rest = token.partition("-")
    if rest and head in _PREFIXES and rest in _VERBS:
        return rest
    if token.startswith("re") and len(token) > 5 and token[2:] in TASK_VERBS:
        return token[2:]  # "relicense", "rewire"
    return ""


def is_verb_form(token: str) -> bool:
    """A known verb, bare or in the third person, that is not also one of our nouns ("posts", "reviews")."""
    if verb_of(token):
        return True
    if token in NOUNS or not token.endswith("s"):
        return False
    return bool(verb_of(token[:-1]) or token.endswith("es") and verb_of(token[:-2]))


def opening_of(sig: Signals, extra_task_verbs: frozenset[str] = frozenset(),
               extra_outcome_verbs: frozenset[str] = frozenset()) -> Opening:
    """The first meaningful word of the title and what kind of word it is.

    okr.toml's extra verbs win over the built-in lists, outcome verbs first.
    """
    tokens = sig.tokens
    i, personal = 0, False
    while i < len(tokens) and i < 4 and tokens[i] in _PERSONAL:
        personal, i = True, i + 1
    if i + 1 < len(tokens) and tokens[i].endswith("ly") and verb_of(tokens[i + 1]):
        i += 1  # "Personally call the top 10 partners"
    word = tokens[i] if i < len(tokens) else ""
    return Opening(i, word, _kind(sig, tokens[i:], extra_task_verbs, extra_outcome_verbs), personal)


def _kind(sig: Signals, tokens: tuple[str, ...], extra_task: frozenset[str], extra_outcome: frozenset[str]) -> str:
    word = tokens[0] if tokens else ""
    verb = verb_of(word)
    if not word:
        return "noun"
    if word in extra_outcome:
        return "outcome-verb"
    if word in extra_task or " ".join(tokens[:3]).startswith(MONITORING_OPENINGS):
        return "task-verb"
    if verb in ("keep", "maintain") and not sig.measured and any(t in UPKEEP_STATES for t in _joined(tokens)):
        return "task-verb"  # "Keep the docs up to date": upkeep
    if verb in OUTCOME_VERBS:
        return "outcome-verb"
    if verb:
        return "task-verb"
    if is_number(word) or word.endswith("%"):
        return "number"
    if word in _QUANTIFIERS:
        return "quantifier"
    head = subject_head(tokens)
    if word in ROLE_NOUNS or head in ROLE_NOUNS:
        return "role"
    if head in PEOPLE_NOUNS or word in PEOPLE_NOUNS and word.endswith("s"):
        return "audience"  # "Users create...", "Alumni to mentor..."; not "Partner portal live"
    if word not in NOUNS and (word.startswith("re-") or tokens[1:2] and tokens[1] in _OBJECT_OPENERS and not word.endswith(("s", "ing"))):
        return "task-verb"  # an imperative whose verb we do not know: "Re-tile the floor", "Wrangle the alerts"
    return "noun"


def _joined(tokens: tuple[str, ...]) -> list[str]:
    """Tokens plus hyphen-joined neighbours, so "up to date" also reads as "up-to-date"."""
    return list(tokens) + ["-".join(tokens[j : j + 3]) for j in range(len(tokens) - 2)]


def subject_head(tokens: tuple[str, ...]) -> str:
    """The last noun before the first verb or "to": "Security champions to review" -> champions."""
    for j, token in enumerate(tokens[:6]):
        if token == "to" or (j and is_verb_form(token)):
            return tokens[j - 1] if j else ""
    return ""


def has_subject_to_verb(tokens: tuple[str, ...]) -> bool:
    """"<someone> to <verb>": a plan for someone's work ("AEs to run a review with...")."""
    for j, token in enumerate(tokens[1:6], start=1):
        if token == "to":
            return j + 1 < len(tokens) and bool(verb_of(tokens[j + 1]))
        if is_verb_form(token):
            return False
    return False


def is_own_output(noun: str) -> bool:
    """A noun for something the team makes or holds ("posts", "workshops"), not for people outside it."""
    return bool(noun) and (noun in OUTPUT_NOUNS or noun in MEETING_NOUNS) and noun not in PEOPLE_NOUNS


def counted_noun(sig: Signals, start: int = 0) -> str:
    """The noun a number counts, the head of the phrase after it.

    "Publish 12 blog posts" -> posts, "2 guest posts per month" -> posts,
    "300 customers enable SSO" -> customers; "" when there is no count.
    """
    tokens = sig.tokens
    for j in range(start, min(len(tokens), start + 6)):
        if is_number(tokens[j]) and not tokens[j].endswith("%") and not (j and tokens[j - 1] in _NAMED_BY_NUMBER):
            return phrase_head(tokens[j + 1 : j + 5])
    return ""


def phrase_head(tokens: tuple[str, ...]) -> str:
    """The last word of the noun phrase that opens ``tokens``: "conference talk submissions this year" -> submissions.

    Leading determiners are skipped and "the number of X" is read as X. The phrase ends
    at a preposition, a number, a participle after its noun ("5 applications sent") or a
    verb after its subject ("5,000 riders rate their trip").
    """
    head, j = "", 0
    while j < len(tokens) and tokens[j] in _DETERMINERS:
        j += 1
    while j < len(tokens):
        token = tokens[j]
        if token in _AMOUNT_OF and j + 1 < len(tokens) and tokens[j + 1] == "of":
            j += 2
            continue
        if token in PHRASE_ENDS or token in _CHANGE_WORDS or is_number(token) or token.endswith("%"):
            break
        if head and (token.endswith("ed") or token in STATE_WORDS or token in OWN_PARTICIPLES):
            break  # "5 job applications sent"
        if head and _plural(head) and not token.endswith("s") and (verb_of(token) or token in COMMON_VERBS or token.endswith("ing")):
            break  # "2,500 learners enrol...", "800 teams calling...": a plural subject and its verb
        if head and token.endswith("s") and token not in NOUNS and is_verb_form(token):
            break  # "Chatbot hands off...": a subject and its verb
        head = token
        j += 1
    return head


def _plural(noun: str) -> bool:
    return noun in _IRREGULAR_PLURALS or noun.endswith("s") and not noun.endswith(("ss", "us", "is"))


def object_head(sig: Signals, opening: Opening) -> str:
    """The head noun of what the opening verb acts on: "Run a monthly NPS survey" -> survey."""
    rest = sig.tokens[opening.index + 1 : opening.index + 8]
    while rest and (rest[0] in ("a", "an", "the", "our", "my", "their", "all", "every", "each") or is_number(rest[0])):
        rest = rest[1:]
    head = ""
    for token in rest:
        if token in PHRASE_ENDS:
            break
        head = token
    return head
