"""The loader never raises: random and mutated YAML only ever produce diagnostics."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrcli.model.diagnostics import Diagnostic
from okrcli.usecases.pipeline import load_file
from tests.helpers import ACME, VALID_FILE

SEEDS = [VALID_FILE] + [p.read_text(encoding="utf-8") for p in sorted(ACME.glob("okrs/*/*.yaml"))[:3]]
YAML_BITS = [":", "- ", "  ", "\n", "[", "]", "{", "}", "&a ", "*a", "!!str ", "!x ", "'", '"', "#", "---\n", "\t", "? ", "|", ">", "%YAML 1.1\n", "2026-13-01", "1e999", ".nan", "0x1F", "~", "\x00", "\ufeff"]


def _check(tmp: Path, data: bytes) -> None:
    path = tmp / "fuzz.yaml"
    path.write_bytes(data)
    result = load_file(path)
    assert all(isinstance(d, Diagnostic) for d in result.diagnostics)
    for diag in result.diagnostics:
        assert diag.line >= 1 and diag.column >= 1
    if result.team_file is None:
        assert result.diagnostics, "a rejected file must say why"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path, data):
    _check(tmp_path, data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=8), max_size=40))
def test_yaml_shaped_text(tmp_path, pieces):
    _check(tmp_path, "".join(pieces).encode("utf-8", "surrogatepass"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=12), st.sampled_from(YAML_BITS) | st.text(max_size=6)),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_real_files(tmp_path, seed, edits):
    text = seed
    for position, cut, insert in edits:
        position %= len(text) + 1
        text = text[:position] + insert + text[position + cut :]
    _check(tmp_path, text.encode("utf-8", "surrogatepass"))
