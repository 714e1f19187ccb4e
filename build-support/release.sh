#!/usr/bin/env bash
# The release command (docs/releasing.md):
#
#   build-support/release.sh [repository folder] [more Maven arguments, e.g. -Dgpg.keyname=<key id>]
#
# 1. Refuses to run unless CHANGELOG.md has a section "## [<version>]" for the version in the POMs.
# 2. Deploys the user-facing artifacts with build-support/deploy-local.sh (tests and both compatibility gates run
#    first; nothing is deployed unless every module passes) into the release repository, by default
#    ~/.transferkit/release-repository: the one the Java API gate reads released jars from.
# 3. Records the compatibility baseline: release-baseline/VERSION and a copy of specs/ in release-baseline/specs.
# Then commit CHANGELOG.md and release-baseline/, and tag the commit v<version>.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(realpath -m "${1:-$HOME/.transferkit/release-repository}")
[ $# -ge 1 ] && shift
version=$(./mvnw -q -N help:evaluate -Dexpression=project.version -DforceStdout)
release=${version%-SNAPSHOT}
grep -q "^## \[$release\]" CHANGELOG.md || { echo "CHANGELOG.md has no section '## [$release]'" >&2; exit 1; }
build-support/deploy-local.sh "$repo" -Dtransferkit.releaseRepository="$repo" "$@"
build-support/record-baseline.sh "$version"
echo "Released $version into $repo; baseline recorded in release-baseline/ (commit it, then tag v$release)."
