"""YAML 1.2 core-schema resolution on libyaml, and the limits every read respects.

PyYAML resolves YAML 1.1 (``yes`` is true, ``010`` is octal, ``2026-10-05T..`` a
timestamp); yaml-language-server and most editors read YAML 1.2's core schema. The
read path (reader.py) and the write path's geometry (writer.py) both parse with this
loader so that okr and the editor agree on every scalar.
"""

from __future__ import annotations

import re

import yaml

try:  # pragma: no cover - which branch runs depends on the PyYAML build
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_NODES = 50_000
"""How many nodes alias expansion may add to a document (``*name`` repeating ``&name``).

A yearly company file with weekly check-ins has about 6,500 nodes and no aliases; a
billion-laughs document would expand to 3.8 billion.
"""

MAX_DOCUMENT_NODES = 2_000_000
"""How many values one document may hold without aliases (10,000 objectives are about 400,000)."""


MAX_DEPTH = 64
"""How deeply collections may nest; OKR files nest 6 levels."""

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"


class CoreLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """libyaml parser with YAML 1.2 core-schema resolution (plus plain dates)."""


CoreLoader.yaml_implicit_resolvers = {}
CoreLoader.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreLoader.add_implicit_resolver(NULL_TAG, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
CoreLoader.add_implicit_resolver(
    INT_TAG, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
CoreLoader.add_implicit_resolver(
    FLOAT_TAG,
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)
CoreLoader.add_implicit_resolver(TIMESTAMP_TAG, re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789"))
