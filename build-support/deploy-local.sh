#!/usr/bin/env bash
# Release-shaped deployment of TransferKit's user-facing artifacts into a file-based Maven repository.
#
#   build-support/deploy-local.sh <repository folder> [more Maven arguments, e.g. -DskipTests]
#
# Deploys the BOM, the parent POM, client-core, client-circle, client-wyre, client-streambird and the sandbox (main,
# -sources and -javadoc jars, POMs) with .md5, .sha1, .sha256 and .sha512 checksums. With -Dgpg.keyname=<key id>
# every file is also signed (.asc; profile "sign" in pom.xml). The version deployed is the version in the POMs;
# docs/releasing.md describes the whole release.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <repository folder> [Maven arguments...]" >&2; exit 2; }
repo=$(realpath -m "$1")
shift
cd "$(dirname "$0")/.."
mkdir -p "$repo"
# The published modules: the BOM's list (bom/pom.xml, the sandbox's specs included) plus the two POMs a client's POM
# refers to; codegen (build-time only, not deployed) generates the clients; api-gate (not deployed) runs the
# compatibility gates on them before anything is deployed.
# Nothing goes to the local repository (~/.m2): -Dmaven.install.skip.
exec ./mvnw -B --no-transfer-progress deploy -DdeployAtEnd=true -Dmaven.install.skip=true \
  -pl bom,:transferkit-parent,specs,codegen,client-core,client-circle,client-wyre,client-streambird,sandbox,api-gate \
  -DaltDeploymentRepository="transferkit-local::file://$repo" \
  -Daether.checksums.algorithms=SHA-512,SHA-256,SHA-1,MD5 \
  "$@"
