#!/usr/bin/env bash
# Makes the ARC task files available as arc-data/arc-agi-1 and arc-data/arc-agi-2 (git-ignored),
# each with training/ and evaluation/: links to ../shared/arc-data beside the checkout when it is
# there, otherwise clones the public repositories (fchollet/ARC-AGI, arcprize/ARC-AGI-2) and keeps
# their data/training and data/evaluation. Idempotent: a set already in place is left alone.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="$here/../../shared/arc-data"
declare -A upstream=([arc-agi-1]=https://github.com/fchollet/ARC-AGI [arc-agi-2]=https://github.com/arcprize/ARC-AGI-2)
tmp=""
trap '[[ -n "$tmp" ]] && rm -rf "$tmp"' EXIT

for set in arc-agi-1 arc-agi-2; do
  [[ -d "$here/$set/training" && -d "$here/$set/evaluation" ]] && continue
  rm -rf "${here:?}/$set"   # a dangling link or a half-made copy
  if [[ -d "$shared/$set/training" && -d "$shared/$set/evaluation" ]]; then
    ln -s "$(cd "$shared/$set" && pwd)" "$here/$set"
    continue
  fi
  echo "arc-data: cloning ${upstream[$set]}" >&2
  tmp="$(mktemp -d)"
  git clone --quiet --depth 1 "${upstream[$set]}" "$tmp/repo"
  mkdir -p "$tmp/$set"
  cp -r "$tmp/repo/data/training" "$tmp/repo/data/evaluation" "$tmp/$set/"
  [[ -f "$tmp/repo/LICENSE" ]] && cp "$tmp/repo/LICENSE" "$tmp/$set/"
  mv "$tmp/$set" "$here/$set"   # only a complete copy takes the place
  rm -rf "$tmp"
  tmp=""
done

count() { find "$here/$1/" -maxdepth 1 -name '*.json' | wc -l; }
echo "arc-data: $(count arc-agi-1/training) + $(count arc-agi-1/evaluation) ARC-AGI-1 tasks," \
  "$(count arc-agi-2/training) + $(count arc-agi-2/evaluation) ARC-AGI-2 tasks"
