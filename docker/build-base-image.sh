#!/usr/bin/env bash
# Builds a minimal Java 17 runtime image from Debian packages, without any image registry:
# debootstrap (minbase + openjdk-17-jre-headless, fontconfig and the DejaVu fonts) from the machine's own apt
# mirror, then `docker import`. Java2D needs a font for text metrics (the history chart's titles, axes, legend):
# without one the JRE fails on the first text it measures.
# The image is what `--build-arg BASE_IMAGE=local/jre:17` expects; skipped when it already exists.
#
# Usage: docker/build-base-image.sh [IMAGE]   (default local/jre:17; FORCE=1 rebuilds)
# Overrides: DEBIAN_SUITE (default: this machine's codename), DEBIAN_MIRROR (default: from apt sources).
set -euo pipefail

image="${1:-local/jre:17}"

if [[ "${FORCE:-0}" != 1 ]] && docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image $image exists, nothing to do (FORCE=1 rebuilds)"
  exit 0
fi

# --- what to bootstrap --------------------------------------------------------------------
suite="${DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}"
arch="$(dpkg --print-architecture)"

# First mirror URI that serves "$suite" itself (not -security/-updates, not third-party repos),
# from deb822 *.sources files or one-line sources.list entries.
find_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    awk -v suite="$suite" '
      /^[[:space:]]*$/ { has_suite = 0; uri = ""; next }
      /^URIs:/   { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) has_suite = 1 }
      has_suite && uri != "" { print uri; exit }
    ' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    sed -E 's/\[[^]]*\]//' "$f" | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2 }'
  done
}
mirror="${DEBIAN_MIRROR:-}"
if [[ -z "$mirror" ]]; then
  mirror="$(find_mirror | awk 'NR == 1')"
fi
mirror="${mirror:-http://deb.debian.org/debian}"

echo "building $image: debootstrap $suite/$arch from $mirror"

# --- bootstrap the root file system -------------------------------------------------------
rootfs="$(mktemp -d "${TMPDIR:-/tmp}/govflow-jre-rootfs.XXXXXX")"
trap 'rm -rf "$rootfs" "$rootfs.log"' EXIT

start=$SECONDS
debootstrap --variant=minbase --arch="$arch" --include=openjdk-17-jre-headless,fontconfig,fonts-dejavu-core \
  "$suite" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 || {
  echo "debootstrap failed; last lines of its log:" >&2
  tail -n 30 "$rootfs.log" >&2
  exit 1
}
rm -f "$rootfs.log"

# --- trim what a runtime image does not need ------------------------------------------------
chroot "$rootfs" apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
       "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
       "$rootfs"/var/log/*.log "$rootfs"/tmp/*

# fontconfig keys its caches by the font directories' mtimes, nanoseconds included, which the imported tar does
# not keep: a user that cannot write a cache directory (the service's) then finds every cache stale and logs
# "Fontconfig error: No writable cache directories" on each lookup. Whole-second mtimes and a system cache built
# on them stay valid in the image.
now="$(date +%s)"
for dir in "$rootfs"/usr/share/fonts "$rootfs"/usr/local/share/fonts; do
  [[ -d "$dir" ]] && find "$dir" -type d -exec touch -m -d "@$now" {} +
done
chroot "$rootfs" fc-cache -s -f
[[ -n "$(chroot "$rootfs" fc-list 2>/dev/null)" ]] || { echo "no font in the root file system" >&2; exit 1; }

java_home="/usr/lib/jvm/java-17-openjdk-$arch"
[[ -x "$rootfs$java_home/bin/java" ]] || { echo "no java in $java_home of the root file system" >&2; exit 1; }

# --- import ---------------------------------------------------------------------------------
tar -C "$rootfs" --numeric-owner -c . \
  | docker import -c 'ENV LANG=C.UTF-8' -c "ENV JAVA_HOME=$java_home" - "$image" >/dev/null

echo "built $image in $((SECONDS - start)) s: $(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1 / 1e6}')"
