#!/usr/bin/env bash
# Everything the tests need: a virtualenv (.venv) with the package and its test extras,
# plus Debian's chromium for the HTML report's browser test, and the editor and CI clients the
# tests drive: node with yaml-language-server and the SARIF multitool (npm, pinned by
# package-lock.json, installed into .node/), and shellcheck for actionlint's checks of run: steps.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the HTML report test" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
# Debian's packages the editor/CI client tests need (tests/test_editor_schema.py, tests/test_workflow.py)
missing=""
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
command -v shellcheck >/dev/null 2>&1 || missing="$missing shellcheck"
if [ -n "$missing" ]; then
  echo "installing Debian's$missing for the editor and CI client tests" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq $missing >/dev/null
fi
# npm packages, exactly as locked; skipped when .node/ already holds this lock's install
if ! { cmp -s package-lock.json .node/package-lock.json && [ -d .node/node_modules ]; }; then
  mkdir -p .node
  cp package.json package-lock.json .node/
  (cd .node && npm ci --no-audit --no-fund --loglevel=error)
fi
# the multitool's own postinstall only sets this bit, and npm may be told not to run install scripts
chmod u+x .node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
