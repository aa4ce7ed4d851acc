#!/usr/bin/env bash
# Builds the load balancer image of the compose cluster profile from Debian packages, without any image
# registry (docker/debian-rootfs.sh): HAProxy on a minbase root file system, with docker/balancer/haproxy.cfg
# (what the balancer does is described there). It runs as the unprivileged user haproxy. Skipped when this
# recipe already built the image.
#
# Usage: docker/build-balancer-image.sh [IMAGE]   (default local/haproxy:2; FORCE=1 rebuilds)
# Overrides: DEBIAN_SUITE, DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR (default: from the machine's apt sources).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=debian-rootfs.sh
. "$here/debian-rootfs.sh"

image="${1:-local/haproxy:2}"
recipe="$(recipe_hash "${BASH_SOURCE[0]}" "$here/debian-rootfs.sh" "$here"/balancer/*)"
if image_is_current "$image" "$recipe"; then
  echo "image $image exists, built by this recipe, nothing to do (FORCE=1 rebuilds)"
  exit 0
fi

start=$SECONDS
echo "building $image (recipe $recipe)"
debian_rootfs_image "$image-rootfs" "haproxy"
finish_image "$image" "$image-rootfs" "$recipe" "$here/balancer"
docker run --rm --entrypoint haproxy "$image" -c -q -f /etc/haproxy/haproxy.cfg \
  || { echo "haproxy refuses docker/balancer/haproxy.cfg" >&2; exit 1; }
echo "built $image in $((SECONDS - start)) s: $(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1 / 1e6}')"
