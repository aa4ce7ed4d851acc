#!/usr/bin/env bash
# Creates the database passwords of the compose cluster profile, once: random 64-hex-digit values in
# DIR/postgres-superuser.password, govflow-owner.password and govflow-app.password (DIR: GOVFLOW_SECRETS_DIR,
# else docker/secrets, which git ignores). Existing files are kept, so running it again changes nothing.
# The directory is its owner's only (0700); the files are 0644 because compose bind-mounts them into the
# containers, whose users (postgres, govflow) are not their owner on the host.
#
# Usage: docker/secrets.sh [DIR]
set -euo pipefail

dir="${1:-${GOVFLOW_SECRETS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets}}"
mkdir -p "$dir"
chmod 700 "$dir"
for name in postgres-superuser govflow-owner govflow-app; do
  file="$dir/$name.password"
  if [[ -s "$file" ]]; then
    echo "$file exists, kept"
    continue
  fi
  (umask 022 && head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n' >"$file")
  echo "created $file"
done
