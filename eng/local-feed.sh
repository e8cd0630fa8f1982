# Sourced by scripts that build projects against the packed KernelGen package, as a user's project would:
#   source eng/local-feed.sh; local_feed_pack <work-folder>
# packs the runtime library (its project reference builds the generator it packs) with a unique prerelease version
# into <work-folder>/feed, writes <work-folder>/nuget.config naming that feed (beside the machine's usual sources),
# and sets KERNELGEN_VERSION and LOCAL_FEED. local_feed_cleanup removes the
# version from the NuGet global packages folder again; call it from the caller's EXIT trap.
# Nothing in the repository is written: the pack's build goes to <work-folder>/artifacts.

local_feed_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

local_feed_pack() {
  local work=$1
  local prefix
  prefix=$(dotnet msbuild "$local_feed_repo/src/KernelGen/KernelGen.csproj" -getProperty:VersionPrefix) || prefix=0.1.0
  KERNELGEN_VERSION="$prefix-local.$(date -u +%Y%m%d%H%M%S).$$"
  LOCAL_FEED_GLOBAL_PACKAGES=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')
  LOCAL_FEED="$work/feed"
  mkdir -p "$LOCAL_FEED"
  if ! dotnet pack "$local_feed_repo/src/KernelGen/KernelGen.csproj" -c Release -p:Version="$KERNELGEN_VERSION" \
       -p:PackageOutputPath="$LOCAL_FEED/" --artifacts-path "$work/artifacts" >"$work/pack.log" 2>&1 \
     || [ ! -f "$LOCAL_FEED/KernelGen.$KERNELGEN_VERSION.nupkg" ]; then
    echo "dotnet pack failed:"; tail -n 40 "$work/pack.log"
    return 1
  fi
  cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="kernelgen-local" value="$LOCAL_FEED" />
  </packageSources>
</configuration>
CONFIG
}

local_feed_cleanup() {
  if [ -n "${LOCAL_FEED_GLOBAL_PACKAGES:-}" ] && [ -n "${KERNELGEN_VERSION:-}" ]; then
    rm -rf "$LOCAL_FEED_GLOBAL_PACKAGES/kernelgen/$KERNELGEN_VERSION"
    rmdir "$LOCAL_FEED_GLOBAL_PACKAGES/kernelgen" 2>/dev/null
  fi
  return 0
}
