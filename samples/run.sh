#!/usr/bin/env bash
# Builds and runs the samples against the KernelGen package, the way a user's project gets it.
#
#   bash samples/run.sh [image] [lenet] [--quick] [other arguments for the samples]
#
# With no sample named, runs both. --quick (for CI) times fewer and shorter batches; it and any other argument are
# passed to every sample run.
#
#  1. pack   the runtime library (and with it the generator) with a unique prerelease version
#            (<VersionPrefix>-local.<UTC time>.<pid>) into a temporary folder feed (eng/local-feed.sh).
#  2. each   sample restores KernelGen from that feed by PackageReference (no project reference), builds with no
#            warning (warnings are errors) and runs; it exits non-zero when a generated kernel differs from the
#            reference.
#
# Builds go to a temporary folder (KEEP_SAMPLES_DIR=1 keeps it), so bin/ and obj/ stay out of the repository; the
# only files written in it are the ImageFiltering sample's output PNGs, next to its photo. The package's copy in the
# NuGet global packages folder is removed at the end. Exits non-zero if any step fails.
set -uo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)

samples=()
pass_through=()
for arg in "$@"; do
  case "$arg" in
    image | ImageFiltering) samples+=(ImageFiltering) ;;
    lenet | LeNet) samples+=(LeNet) ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) pass_through+=("$arg") ;;
  esac
done
[ ${#samples[@]} -gt 0 ] || samples=(ImageFiltering LeNet)

source "$repo/eng/local-feed.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/kernelgen-samples.XXXXXX")
started=$SECONDS

cleanup() {
  local_feed_cleanup
  if [ "${KEEP_SAMPLES_DIR:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

failed=()
# The last lines of a log, for a failure.
show() { echo "---- $1 (last 40 lines)"; tail -n 40 "$1"; echo "----"; }
# MSBuild warnings (compiler, NuGet) in a log.
warnings() { grep -E ': warning [A-Z]+[0-9]+' "$1" | sort -u; }

echo "=== KernelGen samples (${samples[*]}), work folder $work"

# ---- 1. pack
t=$SECONDS
local_feed_pack "$work" || { echo "FAIL pack"; exit 1; }
version=$KERNELGEN_VERSION feed=$LOCAL_FEED
echo "packed KernelGen.$version.nupkg ($(($SECONDS - t)) s)"

# ---- 2. each sample: restore from the feed (added to the machine's usual sources), build, run.
for sample in "${samples[@]}"; do
  t=$SECONDS
  project="$here/$sample/$sample.csproj"
  out="$work/bin/$sample"
  log="$work/$sample-build.log"
  echo "=== $sample"
  # The build's obj/ and bin/ go under the work folder, so nothing is written in the repository.
  if ! dotnet build "$project" -c Release -p:KernelGenVersion="$version" -p:RestoreAdditionalProjectSources="$feed" \
       --artifacts-path "$work/build" -o "$out" >"$log" 2>&1; then
    echo "FAIL $sample: the build failed"; show "$log"; failed+=("$sample"); continue
  fi
  if [ -n "$(warnings "$log")" ]; then
    echo "FAIL $sample: the build has warnings:"; warnings "$log"; failed+=("$sample"); continue
  fi
  echo "built in $(($SECONDS - t)) s"
  t=$SECONDS
  dotnet "$out/$sample.dll" "${pass_through[@]}"
  code=$?
  if [ "$code" != 0 ]; then
    echo "FAIL $sample: exit code $code"; failed+=("$sample")
  else
    echo "PASS $sample (ran in $(($SECONDS - t)) s)"
  fi
done

echo "samples took $(($SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "samples: ${#failed[@]} failed (${failed[*]})"
  exit 1
fi
echo "samples: all ${#samples[@]} passed"
