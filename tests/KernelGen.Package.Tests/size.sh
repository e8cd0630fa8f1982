#!/usr/bin/env bash
# What ResNet-18's 13 distinct layers cost a user's build: ResNet18Layers/ is built against the packed package with
# and without its Layers.cs, and this prints the generated C# (total bytes, largest file) and the time of an
# incremental rebuild (touch a source file, `dotnet build --no-restore`), median of alternating runs, for both.
# Usage: bash tests/KernelGen.Package.Tests/size.sh [rebuilds per variant, default 5]
set -uo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../eng/local-feed.sh"
runs=${1:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/kernelgen-size.XXXXXX")
trap 'local_feed_cleanup; rm -rf "$work"' EXIT

local_feed_pack "$work" || exit 1
for variant in with without; do
  mkdir -p "$work/$variant"
  cp "$here/Directory.Build.props" "$here/Directory.Packages.props" "$work/nuget.config" "$work/$variant/"
  cp -r "$here/ResNet18Layers" "$work/$variant/"
  flag=$([ $variant = with ] && echo true || echo false)
  if ! dotnet build "$work/$variant/ResNet18Layers" -c Release -p:KernelGenVersion="$KERNELGEN_VERSION" -p:WithLayers=$flag \
       >"$work/$variant.log" 2>&1; then
    echo "the $variant build failed:"; tail -n 30 "$work/$variant.log"; exit 1
  fi
done

generated="$work/with/ResNet18Layers/obj"
files=$(find "$generated" -path '*generated/KernelGen.Generators/*' -name '*.g.cs')
total=$(cat $files | wc -c)
largest=$(ls -S $files | head -n 1)
echo "generated C#: $(echo "$files" | wc -l) files, $total bytes in total, largest $(stat -c %s "$largest") bytes ($(basename "$largest"))"
ls -S $files | while read -r f; do printf '  %9d  %s\n' "$(stat -c %s "$f")" "$(basename "$f")"; done

declare -A times
for ((i = 0; i < runs; i++)); do
  for variant in with without; do
    touch "$work/$variant/ResNet18Layers/Other.cs"
    start=$(date +%s.%N)
    dotnet build "$work/$variant/ResNet18Layers" -c Release --no-restore -p:KernelGenVersion="$KERNELGEN_VERSION" \
      -p:WithLayers=$([ $variant = with ] && echo true || echo false) >"$work/rebuild.log" 2>&1 || { tail -n 30 "$work/rebuild.log"; exit 1; }
    times[$variant]+="$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN {print a - b}') "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with=$(echo "${times[with]}" | median); without=$(echo "${times[without]}" | median)
printf 'incremental rebuild (median of %d): with the layers %.2f s, without %.2f s, difference %.2f s\n' "$runs" "$with" "$without" "$(awk -v a="$with" -v b="$without" 'BEGIN {print a - b}')"
