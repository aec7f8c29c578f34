#!/usr/bin/env bash
# Regenerates the PublicAPI.Unshipped.txt files of the shipped libraries (src/*) after public APIs were
# added, changed or removed (for example after merging branches):
#   - creates PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt where a library has none;
#   - RS0017 (an entry whose API is gone): the entry is removed from Unshipped. An entry in Shipped is a
#     released API: removing it is a breaking change, so it is only recorded (as `*REMOVED*<entry>` in
#     Unshipped) with --allow-breaking; otherwise the script lists it and fails;
#   - RS0016 (a public API without an entry): `dotnet format analyzers` adds the entry to Unshipped;
#   - sorts Unshipped and drops duplicate lines (a union merge of two branches keeps both sides' lines).
# Usage: scripts/update-public-api.sh [--allow-breaking] [src/Project/Project.csproj ...]
# Exit 0 only when every library then builds without RS0016/RS0017 (other build errors are shown too).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

allow_breaking=0
projects=()
for arg in "$@"; do
  case "$arg" in
    --allow-breaking) allow_breaking=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) projects+=("$(realpath "$arg")") ;;
  esac
done
if [ ${#projects[@]} -eq 0 ]; then
  mapfile -t projects < <(realpath src/*/*.csproj)
fi

# One throwaway solution holding just these projects: one build and one workspace load for all of them.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet new sln --format sln -n PublicApi -o "$work" >/dev/null
dotnet sln "$work/PublicApi.sln" add "${projects[@]}" >/dev/null

for proj in "${projects[@]}"; do
  dir=$(dirname "$proj")
  for kind in Shipped Unshipped; do
    [ -f "$dir/PublicAPI.$kind.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI.$kind.txt"
  done
done

build() { dotnet build "$work/PublicApi.sln" -v q -nologo -clp:NoSummary 2>&1 || true; }

# 1. RS0017 first: a changed signature is one entry gone plus one API added.
#    Diagnostics read "<dir>/PublicAPI.Unshipped.txt(<line>,<col>): error RS0017: ...".
status=0
breaking=()
while IFS=$'\t' read -r file line; do
  [ -n "$file" ] || continue
  case "$file" in
    *PublicAPI.Unshipped.txt) sed -i "${line}s/^/#DELETE#/" "$file" ;;
    *PublicAPI.Shipped.txt)
      entry=$(sed -n "${line}p" "$file")
      if [ $allow_breaking -eq 1 ]; then
        echo "*REMOVED*$entry" >> "$(dirname "$file")/PublicAPI.Unshipped.txt"
        echo "recorded removed shipped API (breaking): $entry"
      else
        breaking+=("$file: $entry")
      fi ;;
  esac
done < <(build | grep -oE '[^ ]*PublicAPI\.(Shipped|Unshipped)\.txt\([0-9]+,[0-9]+\): error RS0017' \
           | sed -E 's/\(([0-9]+),[0-9]+\): error RS0017$/\t\1/' | LC_ALL=C sort -u)
for proj in "${projects[@]}"; do
  file="$(dirname "$proj")/PublicAPI.Unshipped.txt"
  n=$(grep -c '^#DELETE#' "$file" || true)
  if [ "$n" -gt 0 ]; then
    sed -i '/^#DELETE#/d' "$file"
    echo "$(basename "$proj" .csproj): removed $n unshipped entries whose API is gone"
  fi
done
if [ ${#breaking[@]} -gt 0 ]; then
  echo "BREAKING: shipped APIs no longer exist (rerun with --allow-breaking to record their removal):" >&2
  printf '  %s\n' "${breaking[@]}" >&2
  status=1
fi

# 2. RS0016: the analyzer's own code fix writes the missing entries into Unshipped. It is run per project
#    (on a whole solution, `dotnet format` was seen to fix only the first project), and only where needed.
mapfile -t missing < <(build | grep -E 'error RS0016' | grep -oE '\[[^]]*\.csproj\]' | tr -d '[]' | LC_ALL=C sort -u)
for proj in "${missing[@]}"; do
  echo "$(basename "$proj" .csproj): adding untracked public APIs"
  dotnet format analyzers "$proj" --diagnostics RS0016 --severity error -v q >/dev/null 2>&1 || true
done

# 3. Sort each Unshipped file (the `#nullable enable` header first) and drop duplicate lines.
for proj in "${projects[@]}"; do
  file="$(dirname "$proj")/PublicAPI.Unshipped.txt"
  tmp=$(mktemp)
  { echo '#nullable enable'
    grep -v -e '^#nullable enable$' -e '^[[:space:]]*$' "$file" | LC_ALL=C sort -u || true
  } > "$tmp"
  mv "$tmp" "$file"
done

# 4. Check: the libraries build and no public API is left untracked.
out=$(build)
if grep -qE 'error [A-Z]+[0-9]+' <<< "$out"; then
  grep -E 'error [A-Z]+[0-9]+' <<< "$out" | LC_ALL=C sort -u | head -30 >&2
  echo "The libraries still fail to build: see the errors above." >&2
  status=1
else
  for proj in "${projects[@]}"; do
    echo "$(basename "$proj" .csproj): $(($(wc -l < "$(dirname "$proj")/PublicAPI.Unshipped.txt") - 1)) unshipped entries"
  done
fi
exit $status
