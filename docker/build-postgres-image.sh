#!/usr/bin/env bash
# Builds the PostgreSQL 15 image of the compose cluster profile from Debian packages, without any image
# registry (docker/debian-rootfs.sh): postgresql-15 on a minbase root file system, then docker/postgres/ on top
# (entry point, first-start initialisation, pg_isready health check; it runs as the unprivileged user postgres).
# Skipped when this recipe already built the image.
#
# Usage: docker/build-postgres-image.sh [IMAGE]   (default local/postgres:15; FORCE=1 rebuilds)
# Overrides: DEBIAN_SUITE, DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR (default: from the machine's apt sources).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=debian-rootfs.sh
. "$here/debian-rootfs.sh"

image="${1:-local/postgres:15}"
recipe="$(recipe_hash "${BASH_SOURCE[0]}" "$here/debian-rootfs.sh" "$here"/postgres/*)"
if image_is_current "$image" "$recipe"; then
  echo "image $image exists, built by this recipe, nothing to do (FORCE=1 rebuilds)"
  exit 0
fi

# The server's data directory is made at the container's first start (docker/postgres/entrypoint.sh), never
# by the package: no cluster in the image.
no_main_cluster() {
  mkdir -p "$1/etc/postgresql-common/createcluster.d"
  echo "create_main_cluster = false" >"$1/etc/postgresql-common/createcluster.d/govflow.conf"
}

# The JIT compiler (LLVM, ~130 MB with its solver) is off: the service's statements are short OLTP queries
# that JIT would only slow down. Without its provider library PostgreSQL treats JIT as unavailable.
without_jit() {
  rm -rf "$1"/usr/lib/postgresql/15/lib/llvmjit* "$1"/usr/lib/postgresql/15/lib/bitcode
  rm -f "$1"/usr/lib/*-linux-gnu/libLLVM-* "$1"/usr/lib/*-linux-gnu/libz3.so*
}

start=$SECONDS
echo "building $image (recipe $recipe)"
debian_rootfs_image "$image-rootfs" "postgresql-15" no_main_cluster without_jit
finish_image "$image" "$image-rootfs" "$recipe" "$here/postgres"
echo "built $image in $((SECONDS - start)) s: $(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1 / 1e6}')"
