"""How okr writes every JSON document it prints (score, report, validate/lint, SARIF): one place.

Strict JSON only: ``allow_nan=False`` makes a NaN or an infinity a loud bug instead of
output no JSON parser accepts (``NaN`` is not JSON); the scores are made finite where they
are computed (``scoring/progress.py``), so this never fires on any file okr accepts.
"""

from __future__ import annotations

import json
from typing import Any

from okrcli.model.text import json_escaped


def json_document(data: Any) -> str:
    """``data`` as indented JSON (UTF-8 text, control characters as ``\\u`` escapes), never NaN or Infinity."""
    return json_escaped(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
