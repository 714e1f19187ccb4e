#!/usr/bin/env bash
# Records the compatibility baseline (release-baseline/, read by api-gate): the version in the POMs and a copy of every
# spec under specs/. Run by build-support/release.sh after a successful deployment; docs/releasing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-$(./mvnw -q -N help:evaluate -Dexpression=project.version -DforceStdout)}
rm -rf release-baseline/specs
mkdir -p release-baseline/specs
(cd specs && find . -name '*.yaml' -not -path './src/*' -not -path './target/*' -exec cp --parents {} ../release-baseline/specs/ \;)
echo "$version" > release-baseline/VERSION
echo "Baseline recorded: release-baseline/VERSION = $version, release-baseline/specs/."
