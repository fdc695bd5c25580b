#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the test suite needs (Qt's offscreen
# platform libraries, fonts, poppler for PDF checks, Xvfb for screenshots).
# Does nothing when they are already there; needs root (or sudo) otherwise.
set -euo pipefail

packages=(
    libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0
    fonts-dejavu-core poppler-utils xvfb
)

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian-like system; install Qt's runtime libraries yourself" >&2
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "system-deps: missing ${missing[*]}; run as root to install them" >&2
        exit 1
    fi
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
