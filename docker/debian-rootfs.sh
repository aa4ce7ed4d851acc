# Shared by the docker/build-*-image.sh scripts (sourced, not run): a minimal Debian root file system from the
# machine's own apt mirror (no image registry), imported as an image that a small Dockerfile then finishes.
# Each image carries the hash of its recipe (its build script, this file and its Dockerfile directory) in the
# label io.govflow.recipe, so it is rebuilt only when the recipe changes.

# recipe_hash FILE... : the first 16 hex digits of the sha256 over the files' contents, in the order given
recipe_hash() {
  cat "$@" | sha256sum | cut -c1-16
}

# image_is_current IMAGE RECIPE : true when IMAGE exists and was built by RECIPE (FORCE=1 says false)
image_is_current() {
  local built_by
  built_by="$(docker image inspect -f '{{index .Config.Labels "io.govflow.recipe"}}' "$1" 2>/dev/null || true)"
  [[ "${FORCE:-0}" != 1 && "$built_by" == "$2" ]]
}

debian_suite() {
  echo "${DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}"
}

# debian_mirror SUITE : the first mirror URI of the machine's apt sources that serves SUITE exactly
# (deb822 *.sources files or one-line sources.list entries)
debian_mirror() {
  local suite=$1 f
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

# debian_rootfs_image IMAGE PACKAGES [PREPARE] [TRIM] : debootstraps a minbase root file system, installs PACKAGES
# (space-separated, no recommends) with the suite's security updates when the machine's sources have them,
# trims it and imports it as IMAGE. PREPARE, when given, is a function called with the root file system's path
# before the packages are installed (e.g. to drop configuration that their maintainer scripts read); TRIM, a
# function called with it after, to remove what the image does not need beside the common trimming here.
# Services never start inside the build: policy-rc.d refuses every start.
debian_rootfs_image() {
  local image=$1 packages=$2 prepare=${3:-} trim=${4:-}
  local suite arch mirror security rootfs
  suite="$(debian_suite)"
  arch="$(dpkg --print-architecture)"
  mirror="${DEBIAN_MIRROR:-$(debian_mirror "$suite" | awk 'NR == 1')}"
  mirror="${mirror:-http://deb.debian.org/debian}"
  security="${DEBIAN_SECURITY_MIRROR:-$(debian_mirror "$suite-security" | awk 'NR == 1')}"

  rootfs="$(mktemp -d "${TMPDIR:-/tmp}/govflow-rootfs.XXXXXX")"
  # shellcheck disable=SC2064 # the paths are fixed now
  trap "rm -rf '$rootfs' '$rootfs.log'" EXIT
  echo "debootstrap $suite/$arch from $mirror, then: $packages"
  debootstrap --variant=minbase --arch="$arch" "$suite" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 || {
    echo "debootstrap failed; last lines of its log:" >&2
    tail -n 30 "$rootfs.log" >&2
    return 1
  }
  if [[ -n "$security" ]]; then
    echo "deb $security $suite-security main" >>"$rootfs/etc/apt/sources.list"
  fi
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod 755 "$rootfs/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  [[ -z "$prepare" ]] || "$prepare" "$rootfs"
  {
    chroot "$rootfs" apt-get update -q &&
      chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get -y -q upgrade &&
      # shellcheck disable=SC2086 # a list of package names
      chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $packages
  } >>"$rootfs.log" 2>&1 || {
    echo "installing $packages failed; last lines of the log:" >&2
    tail -n 30 "$rootfs.log" >&2
    return 1
  }

  chroot "$rootfs" apt-get clean
  rm -f "$rootfs/usr/sbin/policy-rc.d" "$rootfs/etc/resolv.conf"
  # documentation and message translations (the services log in English)
  find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
         "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
         "$rootfs"/var/log/*.log "$rootfs"/tmp/*
  [[ -z "$trim" ]] || "$trim" "$rootfs"
  tar -C "$rootfs" --numeric-owner -c . | docker import -c 'ENV LANG=C.UTF-8' - "$image" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
  trap - EXIT
}

# finish_image IMAGE ROOTFS_IMAGE RECIPE DIR : builds IMAGE from DIR's Dockerfile on ROOTFS_IMAGE (build arg
# ROOTFS_IMAGE, label io.govflow.recipe=RECIPE), then drops the intermediate tag and the image it replaces
finish_image() {
  local image=$1 rootfs_image=$2 recipe=$3 dir=$4 previous
  previous="$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)"
  # (the legacy builder's deprecation notice is noise here: BuildKit would need registry images)
  docker build -q --build-arg "ROOTFS_IMAGE=$rootfs_image" --label "io.govflow.recipe=$recipe" -t "$image" "$dir" \
    2>&1 >/dev/null | { grep -v -e DEPRECATED -e 'legacy builder' -e buildx -e 'docs.docker.com/go/buildx' -e '^\s*$' >&2 || true; }
  docker rmi "$rootfs_image" >/dev/null
  # the image an older recipe built, unless a container still uses it
  if [[ -n "$previous" && "$previous" != "$(docker image inspect -f '{{.Id}}' "$image")" ]]; then
    docker rmi "$previous" >/dev/null 2>&1 || true
  fi
}
