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

    date: Day
    value: Number = Field(description="the metric's value on that date")
    confidence: Annotated[float, Field(strict=True, ge=0.0, le=1.0, allow_inf_nan=False)] | None = Field(
        None, description="the owner's belief, 0.0 to 1.0, that the target will be hit"
    )
    note: str | None = None
    by: str | None = None
    source: str | None = Field(None, description="the okr.toml source the value was pulled from (written by okr pull)")


class Rebaseline(_Strict):
    """A deliberate change of a key result's baseline or target after its period started, and why."""

    date: Day = Field(description="the day the new value takes effect")
    field: Literal["baseline", "target"]
    old: Number = Field(description="the value before the change")
    new: Number = Field(description="the value from `date` on")
    reason: Text = Field(description="why the value changed")
    by: str | None = None


class KeyResult(_Strict):
    """Measurable proof that the objective happened: a metric from baseline to target."""

    id: Slug
    title: Text
    baseline: Number
    target: Number
    unit: str | None = Field(None, description="%, days, USD ...")
    owner: str | None = Field(None, description="defaults to the objective's owner")
    weight: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)] = 1.0
    source: SourceField | None = None
    checkins: list[CheckIn] = Field(default_factory=list)
    rebaselines: list[Rebaseline] = Field(
        default_factory=list,
        description="re-baselines, oldest first: `okr rebaseline` appends one when the baseline or target changes",
    )


class Initiative(_Strict):
    """Work done to move a key result."""

    title: Text
    status: str | None = None
    link: str | None = None


def _initiative_kind(value: Any) -> str:
    return "text" if isinstance(value, str) else "detailed"


InitiativeEntry = Annotated[
    Union[Annotated[Text, Tag("text")], Annotated[Initiative, Tag("detailed")]],
    Discriminator(_initiative_kind),
]


class Objective(_Strict):
    """A qualitative aim with 2 to 5 key results."""

    id: Slug
    title: Text
    type: Literal["committed", "aspirational"]
    owner: str | None = None
    aligns_to: ReferenceText | None = None
    key_results: list[KeyResult] = Field(json_schema_extra={"minItems": 2, "maxItems": 5})
    """2 to 5: counted by the load pipeline's format checks (``rules/format.py``), not here,
    because a length check here would hide every error inside the list."""
    initiatives: list[InitiativeEntry] = Field(default_factory=list)
    retrospective: str | None = None
    notes: str | None = None

    def kr_owner(self, kr: KeyResult) -> str | None:
        return kr.owner or self.owner


class Guardrail(_Strict):
    """A health metric that must stay above or below a threshold."""

    id: Slug
    title: Text
    unit: str | None = None
    threshold: Number
    must_stay: Literal["above", "below"]
    checkins: list[CheckIn] = Field(default_factory=list)


class OkrFile(_Strict):
    """One team's OKRs for one period."""

    team: Slug
    period: PeriodName
    start: Day | None = Field(None, description="overrides the period's computed start")
    end: Day | None = Field(None, description="overrides the period's computed end")
    lead: str | None = None
    objectives: list[Objective] = Field(min_length=1)
    guardrails: list[Guardrail] = Field(default_factory=list)


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
    """The file format as a draft-07 JSON Schema (what yaml-language-server reads)."""
    schema = OkrFile.model_json_schema(ref_template="#/definitions/{model}")
    schema["definitions"] = schema.pop("$defs", {})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        **schema,
        "title": "okrcli OKR file",
    }
