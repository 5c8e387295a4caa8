#!/usr/bin/env bash
# Builds Podium's Debian package with CPack:
#   packaging/build-deb.sh [BUILD_DIR]      (default build-deb/) -> BUILD_DIR/podium_VERSION_ARCH.deb
# Needs the build dependencies (packaging/quickstart.sh deps) and dpkg-dev (for dpkg-shlibdeps).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-deb}

# Release, in its own build dir, installed under /usr: the binary finds its assets through the
# compiled-in /usr/share/podium. No tests here: they run in build/ with warnings as errors.
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF
cmake --build "$dir" -j "$(nproc)"
rm -f "$dir"/podium_*.deb # so exactly one package is left for check-deb.sh
(cd "$dir" && cpack -G DEB)
ls "$dir"/podium_*.deb
