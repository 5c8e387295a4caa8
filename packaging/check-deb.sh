#!/usr/bin/env bash
# Checks Podium's Debian package end to end, the way a device gets it:
#   packaging/check-deb.sh [PACKAGE.deb]     (default: the one in build-deb/)
# Lintian, its control data and contents, the service unit (systemd-analyze), install, the installed
# binary as the podium user (--version, render, the systemd notify/watchdog protocol), an upgrade
# that must keep the store, the settings, the PIN and a changed conffile, then remove and purge.
# It installs and purges the package, so it refuses to run where podium is already installed:
# run it as root in a throwaway container or VM (the CI does).
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:-$(ls build-deb/podium_*.deb)}
[ "$(id -u)" -eq 0 ] || { echo "check-deb: run as root" >&2; exit 1; }
if dpkg-query -W -f='${Status}' podium 2>/dev/null | grep -q installed; then
    echo "check-deb: podium is installed here; this check would purge its store. Use a container." >&2
    exit 1
fi

step() { echo; echo "== check-deb: $*"; }
fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
listener=""
cleanup() {
    [ -n "$listener" ] && kill "$listener" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# As the service runs it: the podium user, a bare environment, the store in the state directory.
# setpriv execs (no process in between), so a background job's $! is podium itself.
as_podium() {
    setpriv --reuid=podium --regid=podium --init-groups -- env -i PATH=/usr/bin:/bin HOME=/var/lib/podium \
        STATE_DIRECTORY=/var/lib/podium "$@"
}

step "lintian (Debian policy: errors and warnings fail; overrides say why in the package)"
command -v lintian >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends lintian
lintian --fail-on error,warning --tag-display-limit 0 "$deb" 2>&1 | grep -v "running with root privileges" || true
lintian --fail-on error,warning "$deb" >/dev/null 2>&1 || fail "lintian reports errors or warnings"

step "control data ($deb)"
dpkg-deb -I "$deb" | tee "$work/info"
version=$(dpkg-deb -f "$deb" Version)
depends=$(dpkg-deb -f "$deb" Depends)
# From dpkg-shlibdeps (what the binary links) and the explicit ones (what it loads or reads).
dep_names=$(sed 's/ ([^)]*)//g; s/, /\n/g' <<<"$depends")
for dep in libc6 libstdc++6 libsdl2-2.0-0 libsqlite3-0 libcurl4 libpq5 libssl3 libegl1 \
    libegl-mesa0 libgl1 libglx-mesa0 libgl1-mesa-dri tzdata ca-certificates adduser; do
    grep -qxF "$dep" <<<"$dep_names" || fail "Depends lacks $dep: $depends"
done
grep -qx ' /etc/podium/podium.toml' <(dpkg-deb -I "$deb" conffiles | sed 's/^/ /') ||
    fail "/etc/podium/podium.toml is not a conffile"
for s in postinst prerm postrm; do
    dpkg-deb -I "$deb" "$s" >/dev/null || fail "no $s script"
done

step "contents"
dpkg-deb -c "$deb" | tee "$work/contents"
for f in ./usr/bin/podium ./usr/share/podium/fonts/Inter-Regular.otf \
    ./usr/share/podium/fonts/LICENSE-Inter.txt ./usr/share/podium/demo/demo-feed.json \
    ./etc/podium/podium.toml ./usr/lib/systemd/system/podium.service \
    ./usr/share/man/man1/podium.1.gz ./usr/share/podium/kiosk/cage/podium-cage.service \
    ./usr/share/podium/kiosk/cage/podium.service.d/cage.conf \
    ./usr/share/podium/kiosk/xinit/podium-xinit.service ./usr/share/podium/kiosk/xinit/xsession \
    ./usr/share/podium/kiosk/lobby.toml; do
    awk '{print $6}' "$work/contents" | grep -qx "$f" || fail "missing $f"
done
# Everything belongs to root; the state directory is made by postinst, not shipped.
awk '$2 != "root/root" {print; bad=1} END {exit bad}' "$work/contents" || fail "files not owned by root"
! awk '{print $6}' "$work/contents" | grep -q '^\./var/' || fail "ships files in /var"

step "install (dpkg -i, then apt-get -f install for any missing Depends)"
dpkg -i "$deb" || apt-get -f install -y -q
status=$(dpkg-query -W -f='${Status} ${Version}' podium)
echo "$status"
[ "$status" = "install ok installed $version" ] || fail "not installed: $status"
chown podium "$work" # the podium user writes its test files here

step "the service unit"
unit=/usr/lib/systemd/system/podium.service
# verify exits 0 on warnings such as an unknown key; any word about the unit is a failure.
systemd-analyze verify "$unit" 2>&1 | tee "$work/verify"
! grep -q "podium" "$work/verify" || fail "systemd-analyze verify complains about $unit"
for line in Type=notify WatchdogSec=180 Restart=always User=podium StateDirectory=podium \
    CacheDirectory=podium Environment=XDG_CACHE_HOME=/var/cache/podium \
    ProtectSystem=strict ProtectHome=yes NoNewPrivileges=yes PrivateTmp=yes \
    'ExecStart=/usr/bin/podium --config /etc/podium/podium.toml run'; do
    grep -qx "$line" "$unit" || fail "$unit lacks $line"
done
# Informational: systemd's own exposure score for the sandbox (lower is better).
systemd-analyze security --offline=true --no-pager "$unit" 2>/dev/null | tail -n 1 || true

step "user and directories"
entry=$(getent passwd podium)
echo "$entry"
grep -q ':/var/lib/podium:/usr/sbin/nologin$' <<<"$entry" ||
    fail "podium is not a system user with home /var/lib/podium and no shell"
[ "$(stat -c '%U:%G %a' /var/lib/podium)" = "podium:podium 750" ] || fail "/var/lib/podium owner/mode"
man -w podium >/dev/null 2>&1 || [ -f /usr/share/man/man1/podium.1.gz ] || fail "no man page"

step "the installed binary, as the podium user"
as_podium podium --version | tee "$work/version"
grep -q "${version%%[-+~]*}" "$work/version" || fail "--version does not say $version"
as_podium podium --help | grep -q '^Usage: podium' || fail "--help"
as_podium podium config check /etc/podium/podium.toml
as_podium podium --config /etc/podium/podium.toml render --slide leaderboard --size 1280x720 \
    --out "$work/leaderboard.png"
[ "$(head -c 8 "$work/leaderboard.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "render did not write a PNG"
echo "render: $(stat -c %s "$work/leaderboard.png") bytes of PNG"
as_podium podium render --slide leaderboard --size 1920x1080 --format text | head -n 5
# render only reads: on a fresh install it shows the demo from memory and creates no store.
[ ! -e /var/lib/podium/podium.db ] || fail "render created a store in /var/lib/podium"

step "systemd notify protocol: READY=1, WATCHDOG=1 from the render loop, STOPPING=1"
# `podium run` in SDL's offscreen driver, with the variables systemd sets for Type=notify and
# WatchdogSec=4 (the loop must then wake and ping at least every second).
socat -u "UNIX-RECV:$work/notify,mode=0666" "OPEN:$work/notified,creat,append" &
listener=$!
for _ in $(seq 50); do [ -S "$work/notify" ] && break; sleep 0.1; done
# Spelled out, not as_podium: a function in the background is a subshell, and $! must be podium.
setpriv --reuid=podium --regid=podium --init-groups -- env -i PATH=/usr/bin:/bin \
    HOME=/var/lib/podium STATE_DIRECTORY=/var/lib/podium NOTIFY_SOCKET="$work/notify" \
    WATCHDOG_USEC=4000000 SDL_VIDEODRIVER=offscreen \
    podium --config /etc/podium/podium.toml run >"$work/run.log" 2>&1 &
player=$!
sleep 8
kill -TERM "$player"
status=0
wait "$player" || status=$?
sleep 0.5
kill "$listener" 2>/dev/null || true
listener=""
cat "$work/run.log"
messages=$(cat "$work/notified" 2>/dev/null || true)
pings=$(grep -o 'WATCHDOG=1' <<<"$messages" | wc -l)
echo "notify: $(grep -o 'READY=1' <<<"$messages" | wc -l) READY=1, $pings WATCHDOG=1," \
    "$(grep -o 'STOPPING=1' <<<"$messages" | wc -l) STOPPING=1; exit status $status"
grep -q 'READY=1' <<<"$messages" || fail "no READY=1"
[ "$pings" -ge 4 ] || fail "only $pings watchdog pings in 8 s"
grep -q 'STOPPING=1' <<<"$messages" || fail "no STOPPING=1"
[ "$status" -eq 0 ] || fail "podium run exited $status on SIGTERM"
[ -f /var/lib/podium/podium.db ] || fail "no store in /var/lib/podium after podium run"

step "upgrade keeps the store, the settings, the PIN and a changed conffile"
echo 123456 | as_podium podium admin set-pin
printf '[display]\nlanguage = "nl"\n' >"$work/nl.toml"
as_podium podium config apply "$work/nl.toml"
echo '# changed on this device' >>/etc/podium/podium.toml
store_before=$(sha256sum /var/lib/podium/podium.db | cut -d' ' -f1)
conf_before=$(sha256sum /etc/podium/podium.toml | cut -d' ' -f1)
# The same package with a higher version: a real upgrade through every maintainer script.
dpkg-deb -R "$deb" "$work/next"
sed -i "s/^Version: .*/Version: $version+check1/" "$work/next/DEBIAN/control"
dpkg-deb -b --root-owner-group "$work/next" "$work/next.deb" >/dev/null
dpkg -i --force-confold "$work/next.deb"
dpkg-query -W -f='${Version}\n' podium | grep -qx "$version+check1" || fail "upgrade did not install"
[ "$(sha256sum /var/lib/podium/podium.db | cut -d' ' -f1)" = "$store_before" ] ||
    fail "the upgrade changed the store"
[ "$(sha256sum /etc/podium/podium.toml | cut -d' ' -f1)" = "$conf_before" ] ||
    fail "the upgrade replaced the changed conffile"
# The kept store (its PIN hash and the language set above are in it) still opens and plays.
as_podium podium render --slide leaderboard --size 1280x720 --format text | head -n 3
echo "store and conffile unchanged by the upgrade ($store_before)"

step "remove keeps state, config and user; purge deletes state and config"
dpkg -r podium
[ ! -e /usr/bin/podium ] || fail "remove left /usr/bin/podium"
[ ! -e "$unit" ] || fail "remove left the unit"
[ ! -e /usr/share/podium ] || fail "remove left /usr/share/podium"
[ -f /var/lib/podium/podium.db ] || fail "remove deleted the store"
[ -f /etc/podium/podium.toml ] || fail "remove deleted the conffile"
dpkg --purge podium
dpkg-query -W podium >/dev/null 2>&1 && fail "podium still known to dpkg after purge"
[ ! -e /var/lib/podium ] || fail "purge left /var/lib/podium"
[ ! -e /etc/podium ] || fail "purge left /etc/podium"
getent passwd podium >/dev/null || fail "purge removed the podium user (policy: it stays)"
echo "removed and purged: no binary, unit, assets, store or config left; user podium kept"

step "OK: $deb"
