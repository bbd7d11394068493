#!/usr/bin/env bash
# Prove that `make run` and `make test` set up everything they need on a fresh Debian 12
# that has only python3, python3-venv, python3-pip, make, git, curl and ca-certificates
# (issue 12). A bookworm chroot is built once with debootstrap from this machine's Debian
# mirror and cached; each check runs in a fresh copy of it, in a clean environment
# (`env -i`), on a clone of this checkout's HEAD (committed state only).
#
#   sudo scripts/fresh_machine_check.sh [--only run|test] [--keep] [--rebuild] [--dir DIR]
#
#   --only run|test  run one of the two commands (default: both, `make run` first)
#   --keep           keep the chroot of this check (DIR/check) to look inside afterwards
#   --rebuild        build the cached base chroot (DIR/base) again
#   --dir DIR        where the chroots live (default: /var/tmp/fresh-machine)
#   --tests ARGS     pass ARGS to pytest (`make test PYTEST_ARGS=...`): a quicker check of what
#                    `make test` installs, e.g. --tests tests/test_html_valid.py (default: the suite)
#
# Exits non-zero if any step fails. The chroot shares this machine's network, so `make run`
# serves on port 8765, which must be free.
set -euo pipefail
{  # read to the end before running, so that editing this file during a check is harmless

PORT=8765
SERVE_TIMEOUT=900  # seconds for `make run` to install, migrate, load the demo and answer
PACKAGES="python3,python3-venv,python3-pip,make,git,curl,ca-certificates"
CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

only="" keep=0 rebuild=0 dir=/var/tmp/fresh-machine tests=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="${2:-}"; shift 2 ;;
    --keep) keep=1; shift ;;
    --rebuild) rebuild=1; shift ;;
    --dir) dir="${2:-}"; shift 2 ;;
    --tests) tests="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$only" in ""|run|test) ;; *) echo "--only takes run or test" >&2; exit 2 ;; esac
if [ "$(id -u)" != "0" ]; then
  echo "This check builds a chroot: run it as root (sudo $0)." >&2
  exit 1
fi

mkdir -p "$dir"
exec 9>"$dir/.lock"
if ! flock -n 9; then
  echo "Another fresh-machine check is running in $dir." >&2
  exit 1
fi

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
base="$dir/base"
root="$dir/check"
logs=$(mktemp -d "${TMPDIR:-/tmp}/fresh-machine-logs.XXXXXX")
results=()
failed=0

say() { printf '\n=== %s ===\n' "$*"; }
record() {  # record STEP STATUS SECONDS [DETAIL]
  results+=("$(printf '%-28s %-4s %6ss  %s' "$1" "$2" "$3" "${4:-}")")
  [ "$2" = PASS ] || failed=1
}

# The Debian mirror this machine uses for bookworm, and its security archive, read from
# /etc/apt/sources.list and sources.list.d (one-line and deb822 formats).
apt_sources() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] && awk '$1 == "deb" { sub(/\[[^]]*\] */, ""); print $2, $3 }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && awk 'BEGIN { RS = ""; FS = "\n" } {
      uris = ""; suites = ""
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs: */, "", uris) }
        if ($i ~ /^Suites:/) { suites = $i; sub(/^Suites: */, "", suites) }
      }
      n = split(uris, u, " "); m = split(suites, s, " ")
      for (a = 1; a <= n; a++) for (b = 1; b <= m; b++) print u[a], s[b]
    }' "$f"
  done
  return 0
}
mirror=$(apt_sources | awk '$2 == "bookworm" && !seen++ { print $1 }')
security=$(apt_sources | awk '$2 == "bookworm-security" && !seen++ { print $1 }')
if [ -z "$mirror" ]; then
  echo "No Debian mirror for bookworm in /etc/apt/sources.list(.d)." >&2
  exit 1
fi

# Mounts and the server are undone whatever happens.
server_pid=""
cleanup() {
  local status=$? pid mnt
  set +e
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
  fi
  # Anything else still running inside the check chroot (its own processes only).
  if [ -d "$root" ]; then
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
      [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$root" ] && kill -KILL "$pid" 2>/dev/null || true
    done
  fi
  for mnt in dev/shm dev/pts dev sys proc; do
    for r in "$root" "$base"; do
      if mountpoint -q "$r/$mnt" 2>/dev/null; then umount "$r/$mnt" 2>/dev/null || umount -l "$r/$mnt" || true; fi
    done
  done
  if [ "$keep" = 0 ] && [ -d "$root" ]; then rm -rf --one-file-system "$root"; fi
  rm -rf "$logs"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mount_system() {  # mount_system CHROOT
  mount -t proc proc "$1/proc"
  mount -t sysfs sysfs "$1/sys"
  mount --bind /dev "$1/dev"
  mount --bind /dev/pts "$1/dev/pts"
  mount -t tmpfs -o mode=1777 shm "$1/dev/shm"
  cp -L /etc/resolv.conf "$1/etc/resolv.conf"
}
umount_system() {
  local mnt
  for mnt in dev/shm dev/pts dev sys proc; do umount "$1/$mnt"; done
}
# This machine's own network setup goes into the chroot as an admin would put it on a new
# machine there: its resolver and any CA certificate it trusts beyond Debian's bundle (a
# TLS-inspecting proxy's), added the Debian way so that update-ca-certificates keeps it.
trust_host_cas() {  # trust_host_cas CHROOT: prints how many certificates it added
  local dst="$1/usr/local/share/ca-certificates/fresh-machine-host"
  rm -rf "$dst"
  mkdir -p "$dst"
  awk -v dst="$dst" '
    FNR == 1 { file++ }
    /-----BEGIN CERTIFICATE-----/ { block = "" }
    { block = block $0 "\n" }
    /-----END CERTIFICATE-----/ {
      if (file == 1) known[block] = 1
      else if (!(block in known)) { n++; out = dst "/host-" n ".crt"; printf "%s", block > out; close(out) }
    }' "$1/etc/ssl/certs/ca-certificates.crt" /etc/ssl/certs/ca-certificates.crt
  ls "$dst" | wc -l
}
in_chroot() {  # in_chroot CHROOT COMMAND: bash -lc COMMAND in a clean environment
  chroot "$1" env -i HOME=/root PATH="$CHROOT_PATH" LANG=C.UTF-8 bash -lc "$2" 9>&-
}

total_start=$SECONDS

# 1. The cached base: debootstrap, then the six packages and nothing they only recommend
#    (python3-pip recommends gcc: a fresh machine may well not have it).
if [ "$rebuild" = 1 ] || [ ! -f "$base/.fresh-machine-ready" ]; then
  say "Building a Debian 12 chroot in $base from $mirror"
  start=$SECONDS
  if ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  rm -rf --one-file-system "$base"
  mkdir -p "$base"
  debootstrap --variant=minbase bookworm "$base" "$mirror" > "$logs/debootstrap.log" 2>&1 \
    || { tail -n 30 "$logs/debootstrap.log"; echo "debootstrap failed" >&2; exit 1; }
  {
    echo "deb $mirror bookworm main"
    echo "deb $mirror bookworm-updates main"
    [ -z "$security" ] || echo "deb $security bookworm-security main"
  } > "$base/etc/apt/sources.list"
  [ -s "$base/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$base/etc/hosts"
  # No daemon starts inside a chroot when a package is installed.
  printf '#!/bin/sh\nexit 101\n' > "$base/usr/sbin/policy-rc.d"
  chmod 755 "$base/usr/sbin/policy-rc.d"
  mount_system "$base"
  in_chroot "$base" "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends ${PACKAGES//,/ } >/dev/null && apt-get clean" \
    || { umount_system "$base"; echo "Installing the base packages failed" >&2; exit 1; }
  umount_system "$base"
  touch "$base/.fresh-machine-ready"
  record "build chroot (debootstrap)" PASS $((SECONDS - start)) "bookworm minbase + ${PACKAGES//,/ }"
fi

# 2. A fresh copy of the base, with this checkout's HEAD cloned into /root/trainingsite.
say "Copying the base chroot and cloning $commit"
start=$SECONDS
rm -rf --one-file-system "$root"
cp -a "$base" "$root"
mount_system "$root"
extra_cas=$(trust_host_cas "$root")
if [ "$extra_cas" -gt 0 ]; then
  in_chroot "$root" "update-ca-certificates >/dev/null 2>&1"
  echo "  trusting $extra_cas CA certificate(s) of this machine that Debian's bundle lacks"
fi
git clone -q --no-checkout "$repo" "$root/root/trainingsite"
git -C "$root/root/trainingsite" checkout -q --detach "$commit"
in_chroot "$root" "python3 --version; make --version | head -n 1; git --version; curl --version | head -n 1; \
  for tool in npm node gcc java chromium msgfmt; do command -v \$tool >/dev/null && echo \"already there: \$tool\"; done; true" \
  | sed 's/^/  /'
record "copy chroot + clone" PASS $((SECONDS - start)) "$(git -C "$repo" log -1 --format='%h %s' | cut -c1-60)"

# 3. `make run`: serve, check / and /courses/ answer 200 and the logins were printed, stop.
if [ "$only" != test ]; then
  say "make run PORT=$PORT (in the background, up to ${SERVE_TIMEOUT}s)"
  start=$SECONDS
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
    record "make run" FAIL 0 "port $PORT is already in use on this machine"
  else
    setsid chroot "$root" env -i HOME=/root PATH="$CHROOT_PATH" LANG=C.UTF-8 \
      bash -lc "cd /root/trainingsite && exec make run PORT=$PORT" > "$logs/run.log" 2>&1 9>&- &
    server_pid=$!
    status="" detail=""
    while [ -z "$status" ]; do
      sleep 5
      if ! kill -0 "$server_pid" 2>/dev/null; then
        status=FAIL detail="make run stopped before serving (see its log above)"
      elif [ $((SECONDS - start)) -gt "$SERVE_TIMEOUT" ]; then
        status=FAIL detail="no answer within ${SERVE_TIMEOUT}s"
      else
        home=$(in_chroot "$root" "curl -s -o /dev/null -w '%{http_code}' --max-time 30 http://127.0.0.1:$PORT/" || true)
        [ "$home" = 200 ] || continue
        courses=$(in_chroot "$root" "curl -s -o /dev/null -w '%{http_code}' --max-time 30 http://127.0.0.1:$PORT/courses/" || true)
        if [ "$courses" = 200 ]; then
          status=PASS detail="/ and /courses/ answered 200"
        else
          status=FAIL detail="/ answered 200 but /courses/ answered $courses"
        fi
      fi
    done
    served=$((SECONDS - start))
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
    sed 's/password: [^ ]*/password: (printed)/' "$logs/run.log" | tail -n 40 | sed 's/^/  /'
    if [ "$status" = PASS ]; then
      for email in admin@example.org learner@example.org; do
        if ! grep -qE "login: http://127\.0\.0\.1:$PORT/.*email: $email  password: [^ ]+" "$logs/run.log"; then
          status=FAIL detail="no login line with a password for $email"
        fi
      done
    fi
    record "make run (serve / + /courses/)" "$status" "$served" "$detail"
  fi
fi

# 4. `make test`, the whole suite (or the --tests given), to the end.
if [ "$only" != run ]; then
  say "make test"
  start=$SECONDS
  set +e
  in_chroot "$root" "cd /root/trainingsite && make test ${tests:+PYTEST_ARGS=$(printf %q "$tests")}" 2>&1 | tee "$logs/test.log"
  code=${PIPESTATUS[0]}
  set -e
  closing=$(grep -E '^=+ .*(passed|failed|error|no tests ran).* in [0-9.]+s' "$logs/test.log" | tail -n 1 | tr -d '=' | sed 's/^ *//; s/ *$//')
  if [ "$code" = 0 ] && grep -qE '[1-9][0-9]* passed' <<<"$closing"; then
    record "make test" PASS $((SECONDS - start)) "$closing"
  else
    record "make test" FAIL $((SECONDS - start)) "exit $code; ${closing:-no pytest closing line}"
  fi
fi

# What the two commands installed on the bare machine.
installed=$(in_chroot "$root" "for tool in npm node gcc java chromium; do command -v \$tool >/dev/null && printf '%s ' \$tool; done; true")

say "Summary (commit $(git -C "$repo" rev-parse --short HEAD), mirror $mirror)"
printf '%s\n' "${results[@]}"
echo "installed by make on the bare machine: ${installed:-nothing}"
echo "total: $((SECONDS - total_start))s"
if [ "$keep" = 1 ]; then echo "chroot kept in $root (mounts undone)"; fi
if [ "$failed" = 0 ]; then echo "RESULT: PASS"; else echo "RESULT: FAIL"; fi
exit "$failed"
}
