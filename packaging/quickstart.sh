#!/usr/bin/env bash
# Podium's quick start on Debian 12 (the README's two commands):
#   packaging/quickstart.sh run [podium run options]   install what is needed, build, start the kiosk
#   packaging/quickstart.sh test                       install what is needed, build, run all tests
# Run it as root on a fresh machine (or as a user with sudo). Installing is skipped when every
# package is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and test dependencies, all from Debian 12's own archive.
PACKAGES=(
  build-essential cmake pkg-config
  libsdl2-dev libimgui-dev libstb-dev libgl-dev libegl-dev
  libsqlite3-dev nlohmann-json3-dev libtomlplusplus-dev doctest-dev libcurl4-openssl-dev libpq-dev
  libssl-dev
  # Excel workbooks as a feed: libzip for the container, expat for the XML inside, and
  # libxlsxwriter for the template (podium feed template).
  libzip-dev libexpat1-dev libxlsxwriter-dev
  # Time zones: Howard Hinnant's date library (the model for C++20's <chrono> zones, which GCC 12
  # lacks) reading the system's IANA database.
  libhowardhinnant-date-dev tzdata
  ca-certificates
  # The tests start their own PostgreSQL server (a private cluster on 127.0.0.1).
  postgresql
  # Mesa: OpenGL in software (llvmpipe) for headless rendering, and EGL for SDL's offscreen driver.
  libegl-mesa0 libgl1-mesa-dri libglx-mesa0
  # The package check (packaging/check-deb.sh): systemd-analyze, and socat as the notify socket.
  systemd socat
)

# Only the tests need these (not the kiosk): LibreOffice Calc, headless, saves workbooks the way a
# real spreadsheet program does, for the workbook reader's tests.
TEST_PACKAGES=(libreoffice-calc-nogui)

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "quickstart: installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "quickstart: run as root to install packages" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
  cmake --build build -j "$(nproc)"
}

case "${1:-}" in
  deps)
    install_packages
    ;;
  test-deps)
    install_packages "${TEST_PACKAGES[@]}"
    ;;
  run)
    shift
    install_packages
    build
    exec build/podium run "$@"
    ;;
  test)
    install_packages "${TEST_PACKAGES[@]}"
    # Warnings on Podium's own code are errors here, so they stay at zero.
    build -DPODIUM_WERROR=ON
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: packaging/quickstart.sh run [--windowed WxH] | test | deps | test-deps" >&2
    exit 2
    ;;
esac
