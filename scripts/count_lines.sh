#!/usr/bin/env bash
# Lines of application code, of demo Python and of demo data files (wc -l, blank lines and
# comments included), for the files git tracks in this checkout, so a refactor's size shows:
#
#   scripts/count_lines.sh            # in the working tree's root (or any folder of it)
#
#   application code: Python in the apps and trainingsite/, without migrations, tests and demo
#   demo Python:      any Python whose job is demo content: */demo/*.py, a top-level demo/
#                     package and the load_demo_content command
#   demo data files:  the other files under demo folders (YAML, Markdown, JSON...); binary
#                     files (images) are counted as files, not lines
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

# Tracked and new (not ignored) files, so uncommitted work counts too.
files() { git ls-files --cached --others --exclude-standard -- "$@" | sort -u | while read -r f; do [ -f "$f" ] && echo "$f"; done; }
lines() { xargs -r -d '\n' cat -- | wc -l; }

is_demo='(^|/)demo/|/management/commands/load_demo_content\.py$'
app_dirs=$(for d in */; do d=${d%/}; if [ -f "$d/apps.py" ] || [ "$d" = trainingsite ]; then echo "$d"; fi; done)

app=$(files $app_dirs | grep -E '\.py$' | grep -vE '(^|/)migrations/|(^|/)tests?/|(^|/)tests?(_[^/]*)?\.py$' | grep -vE "$is_demo" || true)
demo_py=$(files | grep -E '\.py$' | grep -E "$is_demo" | grep -vE '^tests/' || true)
demo_data=$(files | grep -E '(^|/)demo/' | grep -vE '\.py$' | grep -vE '^tests/' || true)
demo_text=$(for f in $demo_data; do grep -Iq . "$f" 2>/dev/null && echo "$f"; done || true)
demo_binary=$(( $(grep -c . <<<"$demo_data" || true) - $(grep -c . <<<"$demo_text" || true) ))

count() { if [ -n "$1" ]; then lines <<<"$1"; else echo 0; fi; }
files_in() { grep -c . <<<"$1" || true; }

printf '%-20s %7s lines in %4s files  (apps: %s)\n' "application code" "$(count "$app")" "$(files_in "$app")" "$(echo $app_dirs)"
printf '%-20s %7s lines in %4s files\n' "demo Python" "$(count "$demo_py")" "$(files_in "$demo_py")"
printf '%-20s %7s lines in %4s files  (+ %s binary files)\n' "demo data files" "$(count "$demo_text")" "$(files_in "$demo_text")" "$demo_binary"
