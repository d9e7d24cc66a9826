"""Pydantic models of the OKR file format.  Validators only; no IO.

The models are the single source of the format: the loader validates parsed
YAML against them, ``okr schema`` prints their JSON Schema, and
docs/format.md describes them field by field.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    WithJsonSchema,
    Discriminator,
    Field,
    Tag,
)
from pydantic_core import PydanticCustomError

from okrcli.model.periods import PERIOD_PATTERN, period_problem
from okrcli.model.references import REFERENCE_PATTERN, SLUG_PATTERN
from okrcli.model.source_ref import SourceField, SourceRef

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _date_from_text(value: Any) -> Any:
    # YAML gives unquoted dates as date objects; a quoted "2026-10-05" is accepted too.
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _period_from_number(value: Any) -> Any:
    # `period: 2026` is an integer in YAML; it names the year.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _computable_period(value: str) -> str:
    # the form is checked by the pattern; this refuses the names whose dates cannot exist (0000, 9999-Q4)
    problem = period_problem(value)
    if problem is not None:
        raise PydanticCustomError("period_not_computable", "{problem}", {"problem": problem})
    return value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, description="lowercase letters, digits and hyphens")]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Day = Annotated[
    date,
    BeforeValidator(_date_from_text),
    Field(strict=True),
    WithJsonSchema({"type": "string", "format": "date", "description": "YYYY-MM-DD"}),
]
PeriodName = Annotated[
    str,
    BeforeValidator(_period_from_number),
    Field(pattern=PERIOD_PATTERN),
    AfterValidator(_computable_period),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PERIOD_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9998},
            ],
            "description": "2026-Q4, 2026-H1 or 2026",
        }
    ),
]
ReferenceText = Annotated[
    str,
    Field(
        pattern=REFERENCE_PATTERN,
        description="team/objective, team/objective/kr, or PERIOD:team/objective",
    ),
]
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CheckIn(_Strict):
    """A dated update of a key result or guardrail."""

    date: Day = Field(description="the day the value was measured, YYYY-MM-DD", examples=["2026-10-05"])
    value: Number = Field(description="the metric's value on that date, in the key result's unit", examples=[6.5])
    confidence: Annotated[float, Field(strict=True, ge=0.0, le=1.0, allow_inf_nan=False)] | None = Field(
        None,
        description="the owner's belief, 0.0 to 1.0, that the target will be hit by the period's end",
        examples=[0.6],
    )
    note: str | None = Field(None, description="what moved the number, or what blocks it", examples=["pilot live for 2 of 3 banks"])
    by: str | None = Field(None, description="who checked in, when not the owner")
    source: str | None = Field(None, description="the okr.toml source the value was pulled from (written by okr pull)")


class Rebaseline(_Strict):
    """A deliberate change of a key result's baseline or target after its period started, and why."""

    date: Day = Field(description="the day the new value takes effect")
    field: Literal["baseline", "target"] = Field(description="which value changed: baseline or target")
    old: Number = Field(description="the value before the change")
    new: Number = Field(description="the value from `date` on")
    reason: Text = Field(description="why the value changed")
    by: str | None = Field(None, description="who changed it")


class KeyResult(_Strict):
    """Measurable proof that the objective happened: a metric from baseline to target."""

    id: Slug = Field(description="the key result's id, unique in its objective: team/objective/kr names it", examples=["close-time"])
    title: Text = Field(
        description="the result as a sentence: a verb, the metric, from baseline to target; an outcome, not a task",
        examples=["Reduce month-end close from 7 days to 4 days"],
    )
    baseline: Number = Field(
        description="where the metric stood when the period started: progress runs from here to target", examples=[7]
    )
    target: Number = Field(
        description="where the metric should be at the period's end: above the baseline to grow it, below to reduce it",
        examples=[4],
    )
    unit: str | None = Field(None, description="the metric's unit, shown after its numbers", examples=["days", "%", "USD"])
    owner: str | None = Field(None, description="who checks this key result in (default: the objective's owner)", examples=["omar"])
    weight: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)] = Field(
        1.0, description="how much it counts in the objective's score, relative to the other key results (default 1)", examples=[2]
    )
    source: SourceField | None = None
    checkins: list[CheckIn] = Field(
        default_factory=list,
        description="dated values, oldest first, each with the owner's confidence: `okr checkin` appends them",
    )
    rebaselines: list[Rebaseline] = Field(
        default_factory=list,
        description="re-baselines, oldest first: `okr rebaseline` appends one when the baseline or target changes",
    )


class Initiative(_Strict):
    """Work done to move a key result."""

    title: Text = Field(description="the work, in a few words", examples=["Automate bank reconciliation"])
    status: str | None = Field(None, description="where the work stands", examples=["planned", "in progress", "done"])
    link: str | None = Field(None, description="where the work is tracked: a ticket, document or project", examples=["https://tracker.example/FIN-42"])


def _initiative_kind(value: Any) -> str:
    return "text" if isinstance(value, str) else "detailed"


InitiativeEntry = Annotated[
    Union[Annotated[Text, Tag("text")], Annotated[Initiative, Tag("detailed")]],
    Discriminator(_initiative_kind),
]


class Objective(_Strict):
    """A qualitative aim with 2 to 5 key results."""

    id: Slug = Field(description="the objective's id, unique in the file: team/objective names it", examples=["faster-close"])
    title: Text = Field(
        description="the aim in words, qualitative and without numbers (its key results carry them)",
        examples=["Close the books fast enough to steer by them"],
    )
    type: Literal["committed", "aspirational"] = Field(
        description="committed: will be met in full, the bar is 1.0 and a miss needs a retrospective; "
        "aspirational: a stretch, where 0.7 is a strong result"
    )
    owner: str | None = Field(None, description="who is accountable for it; its key results' default owner", examples=["omar"])
    aligns_to: ReferenceText | None = Field(
        None,
        description="the objective or key result this one supports: team/objective, team/objective/kr, "
        "or PERIOD:team/objective for another period's",
        examples=["company/grow-revenue"],
    )
    key_results: list[KeyResult] = Field(
        description="2 to 5 measurable results that prove the objective happened, each a metric from baseline to target",
        json_schema_extra={"minItems": 2, "maxItems": 5},
    )
    """2 to 5: counted by the load pipeline's format checks (``rules/format.py``), not here,
    because a length check here would hide every error inside the list."""
    initiatives: list[InitiativeEntry] = Field(
        default_factory=list,
        description="the work planned to move the key results: a title, or {title, status, link}; tasks belong here, not in key results",
    )
    retrospective: str | None = Field(
        None, description="after the period: what drove the score; expected when a committed objective is missed"
    )
    notes: str | None = Field(None, description="anything else worth knowing")

    def kr_owner(self, kr: KeyResult) -> str | None:
        return kr.owner or self.owner


class Guardrail(_Strict):
    """A health metric that must stay above or below a threshold."""

    id: Slug = Field(description="the guardrail's id, unique in the file", examples=["churn"])
    title: Text = Field(description="the health metric in words", examples=["Monthly customer churn stays below 2%"])
    unit: str | None = Field(None, description="the metric's unit, shown after its numbers", examples=["%"])
    threshold: Number = Field(description="the limit the metric must not cross", examples=[2])
    must_stay: Literal["above", "below"] = Field(
        description="above: breached when a check-in falls below the threshold; below: breached when one rises above it"
    )
    checkins: list[CheckIn] = Field(default_factory=list, description="dated values, oldest first: `okr checkin` appends them")


class OkrFile(_Strict):
    """One team's OKRs for one period."""

    team: Slug = Field(description="the team's id; the file is okrs/PERIOD/TEAM.yaml", examples=["finance", "customer-success"])
    period: PeriodName = Field(description="a quarter (2026-Q4), a half (2026-H1) or a year (2026)", examples=["2026-Q4"])
    start: Day | None = Field(None, description="the period's first day, when not the calendar's", examples=["2026-10-05"])
    end: Day | None = Field(None, description="the period's last day, when not the calendar's", examples=["2027-01-08"])
    lead: str | None = Field(None, description="who leads the team's OKRs", examples=["omar-haddad"])
    objectives: list[Objective] = Field(min_length=1, description="the team's objectives, each with 2 to 5 key results")
    guardrails: list[Guardrail] = Field(
        default_factory=list, description="health metrics that must stay above or below a threshold while the objectives are pursued"
    )


MODEL_NAMES = {
    "OkrFile": "file",
    "Objective": "objective",
    "KeyResult": "key result",
    "CheckIn": "check-in",
    "Rebaseline": "re-baseline",
    "Guardrail": "guardrail",
    "Initiative": "initiative",
    "SourceRef": "source",
}


def model_at(path: tuple) -> type[BaseModel]:
    """Which model describes the mapping found at ``path`` inside a file."""
    model: type[BaseModel] = OkrFile
    for part in path:
        if isinstance(part, int):
            continue
        nested = {
            (OkrFile, "objectives"): Objective,
            (OkrFile, "guardrails"): Guardrail,
            (Objective, "key_results"): KeyResult,
            (Objective, "initiatives"): Initiative,
            (KeyResult, "checkins"): CheckIn,
            (KeyResult, "source"): SourceRef,
            (KeyResult, "rebaselines"): Rebaseline,
            (Guardrail, "checkins"): CheckIn,
        }.get((model, part))
        if nested is None:
            break
        model = nested
    return model


def json_schema() -> dict:
    """The file format as a draft-07 JSON Schema (what yaml-language-server reads).

    Reshaped for editors by :func:`okrcli.model.editor_schema.editor_schema`: no null
    defaults, one schema per optional field, readable messages for patterns.
    """
    from okrcli.model.editor_schema import editor_schema

    schema = OkrFile.model_json_schema(ref_template="#/definitions/{model}")
    schema["definitions"] = schema.pop("$defs", {})
    return editor_schema(
        {
            "$schema": "http://json-schema.org/draft-07/schema#",
            **schema,
            "title": "okrcli OKR file",
        }
    )
