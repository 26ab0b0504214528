#!/usr/bin/env bash
# Makes the ARC task files available as arc-data/arc-agi-1 and arc-data/arc-agi-2 (git-ignored):
# links to ../shared/arc-data beside the checkout when it is there, otherwise clones the public
# repositories. Idempotent: what is already there is left alone.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="$here/../../shared/arc-data"
declare -A upstream=([arc-agi-1]=https://github.com/fchollet/ARC-AGI [arc-agi-2]=https://github.com/arcprize/ARC-AGI-2)
for set in arc-agi-1 arc-agi-2; do
  [[ -e "$here/$set/training" ]] && continue
  rm -rf "${here:?}/$set"
  if [[ -d "$shared/$set/training" ]]; then
    ln -s "$(cd "$shared/$set" && pwd)" "$here/$set"
    continue
  fi
  echo "arc-data: cloning ${upstream[$set]}" >&2
  tmp="$(mktemp -d)"
  git clone --quiet --depth 1 "${upstream[$set]}" "$tmp/repo"
  mkdir -p "$here/$set"
  cp -r "$tmp/repo/data/training" "$tmp/repo/data/evaluation" "$here/$set/"
  rm -rf "$tmp"
done
echo "arc-data: $(ls "$here/arc-agi-1/training" | wc -l) + $(ls "$here/arc-agi-1/evaluation" | wc -l) ARC-AGI-1 tasks, $(ls "$here/arc-agi-2/training" | wc -l) + $(ls "$here/arc-agi-2/evaluation" | wc -l) ARC-AGI-2 tasks"
