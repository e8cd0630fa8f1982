#!/usr/bin/env bash
# Package test: what a user installs, used the way a user uses it.
#
#  1. pack     `dotnet pack KernelGen.sln` with a unique prerelease version into a temporary folder feed yields
#              exactly one KernelGen.<version>.nupkg with the expected files and no dependencies.
#  2. consumer Consumer/ (kernels of all six attributes, float and double, one with constant weights), copied
#              out of the repository and referencing KernelGen only by PackageReference from that feed, builds
#              with no warning and its kernels match ReferenceKernels on random data.
#  3. misuse   Misuse/ (a Conv2D kernel without its weights parameter) fails to build with KG0005.
#  4. aot      Consumer/ published with Native AOT (-r linux-x64); the native binary matches too.
#  5. warning  BiasNamedWeights/ (constant Weights, and a span named 'weights' in the bias slot) builds, with KG0017.
#
# Ends with 'package-tests: N passed, N failed' and exits non-zero on any failure. Nothing in the repository is
# written: builds go to a temporary folder, removed at the end (KEEP_PACKAGE_TEST_DIR=1 keeps it), and the
# package's copy in the NuGet global packages folder is removed too.
set -uo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kernelgen-package-test.XXXXXX")
feed="$work/feed"
started=$SECONDS

prefix=$(dotnet msbuild "$repo/src/KernelGen/KernelGen.csproj" -getProperty:VersionPrefix) || prefix=0.1.0
version="$prefix-ci.$(date -u +%Y%m%d%H%M%S).$$"
global_packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')

cleanup() {
  if [ -n "$global_packages" ]; then
    rm -rf "$global_packages/kernelgen/$version"
    rmdir "$global_packages/kernelgen" 2>/dev/null
  fi
  if [ "${KEEP_PACKAGE_TEST_DIR:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1 ($(($SECONDS - $2)) s)"; }
fail() { failed=$((failed + 1)); echo "FAIL $1: $2"; }
# The last lines of a log, for a failure.
show() { echo "---- $1 (last 40 lines)"; tail -n 40 "$1"; echo "----"; }
# MSBuild warnings (compiler, NuGet, trimming, AOT) in a log.
warnings() { grep -E ': warning [A-Z]+[0-9]+' "$1" | sort -u; }

echo "=== KernelGen package test: version $version, work folder $work"

# ---- 1. pack
t=$SECONDS
# --artifacts-path keeps the repository's bin/ and obj/ untouched; PackageOutputPath is the feed.
if ! dotnet pack "$repo/KernelGen.sln" -c Release -p:Version="$version" -p:PackageOutputPath="$feed/" \
     --artifacts-path "$work/artifacts" >"$work/pack.log" 2>&1; then
  fail pack "dotnet pack failed"; show "$work/pack.log"
else
  nupkg="$feed/KernelGen.$version.nupkg"
  files=$(cd "$feed" 2>/dev/null && ls)
  # Package content, less the OPC bookkeeping every package has.
  content=$(unzip -Z1 "$nupkg" 2>/dev/null | grep -v -E '^(\[Content_Types\]\.xml|_rels/|package/)' | sort | tr '\n' ' ')
  expected="KernelGen.nuspec README.md analyzers/dotnet/cs/KernelGen.Generators.dll lib/net10.0/KernelGen.dll lib/net10.0/KernelGen.xml "
  nuspec=$(unzip -p "$nupkg" KernelGen.nuspec 2>/dev/null)
  if [ "$files" != "KernelGen.$version.nupkg" ]; then
    fail pack "expected only KernelGen.$version.nupkg in the feed, found: $(echo $files)"
  elif [ "$content" != "$expected" ]; then
    fail pack "package content is '$content', expected '$expected'"
  elif grep -q -i -E '<dependency |Microsoft\.CodeAnalysis' <<<"$nuspec"; then
    fail pack "the nuspec declares dependencies:"$'\n'"$nuspec"
  elif ! grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || ! grep -q '<readme>README.md</readme>' <<<"$nuspec" \
       || ! grep -q '<repository type="git"' <<<"$nuspec" || ! grep -q '<description>' <<<"$nuspec"; then
    fail pack "the nuspec lacks license, readme, repository or description:"$'\n'"$nuspec"
  else
    pass "pack: one package, $(stat -c %s "$nupkg") bytes, lib + analyzer + docs + readme, no dependencies" "$t"
  fi
fi

# The consumers, copied out of the repository with their own Directory.*.props, and a nuget.config that adds the
# feed to the machine's sources (which still provide the SDK's packages).
mkdir -p "$work/consumers"
cp "$here/Directory.Build.props" "$here/Directory.Packages.props" "$work/consumers/"
for project in Consumer Misuse BiasNamedWeights; do
  mkdir -p "$work/consumers/$project"
  cp "$here/$project/"*.cs "$here/$project/$project.csproj" "$work/consumers/$project/"
done
cat >"$work/consumers/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="kernelgen-package-test" value="$feed" />
  </packageSources>
</configuration>
EOF
consumer="$work/consumers/Consumer"
props=(-c Release -p:KernelGenVersion="$version")

# ---- 2. consumer: build with no warning, then run
t=$SECONDS
if ! dotnet build "$consumer" "${props[@]}" >"$work/consumer-build.log" 2>&1; then
  fail consumer "the build failed"; show "$work/consumer-build.log"
elif [ -n "$(warnings "$work/consumer-build.log")" ]; then
  fail consumer "the build has warnings:"$'\n'"$(warnings "$work/consumer-build.log")"
elif grep -q -i 'Microsoft.CodeAnalysis' "$consumer/obj/project.assets.json"; then
  fail consumer "Microsoft.CodeAnalysis reached the consumer's dependencies (obj/project.assets.json)"
else
  generated=$(find "$consumer/obj" -path '*generated/KernelGen.Generators/*' -name '*.g.cs' | wc -l)
  declared=$(grep -c 'static partial void' "$consumer/Kernels.cs") # one generated file per declared kernel
  dotnet "$consumer/bin/Release/net10.0/Consumer.dll" >"$work/consumer-run.log" 2>&1
  code=$?
  sed 's/^/  /' "$work/consumer-run.log"
  if [ "$code" != 0 ]; then
    fail consumer "the kernels do not match the reference (exit code $code)"
  elif [ "$generated" != "$declared" ]; then
    fail consumer "expected $declared generated kernel files (one per kernel in Kernels.cs), found $generated"
  else
    pass "consumer: built with no warning, $generated kernels generated, all match the reference" "$t"
  fi
fi

# ---- 3. misuse: must not build, and must say KG0005
t=$SECONDS
if dotnet build "$work/consumers/Misuse" "${props[@]}" >"$work/misuse-build.log" 2>&1; then
  fail misuse "a kernel without its weights parameter built"
elif ! grep -q 'error KG0005' "$work/misuse-build.log"; then
  fail misuse "the build failed without KG0005"; show "$work/misuse-build.log"
else
  grep -m1 -o 'error KG0005.*' "$work/misuse-build.log" | sed -E 's/ \[[^]]*\.csproj\]$//; s/^/  /'
  pass "misuse: the build fails with KG0005" "$t"
fi

# ---- 4. aot: publish with Native AOT, run the native binary
t=$SECONDS
if ! dotnet publish "$consumer" "${props[@]}" -r linux-x64 -o "$work/aot" >"$work/aot-publish.log" 2>&1; then
  fail aot "the Native AOT publish failed"; show "$work/aot-publish.log"
elif [ -n "$(warnings "$work/aot-publish.log")" ]; then
  fail aot "the publish has warnings:"$'\n'"$(warnings "$work/aot-publish.log")"
elif [ ! -x "$work/aot/Consumer" ]; then
  fail aot "no native binary at $work/aot/Consumer"
else
  "$work/aot/Consumer" >"$work/aot-run.log" 2>&1
  code=$?
  sed 's/^/  /' "$work/aot-run.log"
  if [ "$code" != 0 ]; then
    fail aot "the native kernels do not match the reference (exit code $code)"
  elif ! grep -q '^Native AOT' "$work/aot-run.log"; then
    fail aot "the published binary did not run as Native AOT"
  else
    pass "aot: native binary ($(($(stat -c %s "$work/aot/Consumer") / 1024)) KiB), all match the reference" "$t"
  fi
fi

# ---- 5. warning: builds (warnings left as warnings), and says KG0017
t=$SECONDS
if ! dotnet build "$work/consumers/BiasNamedWeights" "${props[@]}" -p:TreatWarningsAsErrors=false >"$work/warning-build.log" 2>&1; then
  fail warning "the build failed"; show "$work/warning-build.log"
elif ! grep -q 'warning KG0017' "$work/warning-build.log"; then
  fail warning "no KG0017 for a span named 'weights' in the bias slot"; show "$work/warning-build.log"
else
  grep -m1 -o 'warning KG0017.*' "$work/warning-build.log" | sed -E 's/ \[[^]]*\.csproj\]$//; s/^/  /'
  pass "warning: a weights-named span in the bias slot of a constant-weights kernel gets KG0017" "$t"
fi

echo "package test took $(($SECONDS - started)) s"
echo "package-tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
