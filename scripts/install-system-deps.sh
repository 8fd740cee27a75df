#!/usr/bin/env bash
# Installs what the tests need outside npm: pnpm 12.4.2, LibreOffice 25 (bookworm-backports) and Chromium.
# Idempotent: each step is skipped when its tool is already at the right version.
set -euo pipefail

if [ "$(pnpm --version 2>/dev/null || true)" != "12.4.2" ]; then
  npm i -g pnpm@12.4.2 >/dev/null
fi

need_lo=1
if command -v soffice >/dev/null 2>&1; then
  # Debian's 7.4 ignores w:isLgl (prints 一-1 where Word prints 1-1); only 24+ is accepted.
  major=$(soffice --version 2>/dev/null | sed -n 's/^LibreOffice \([0-9]*\)\..*/\1/p')
  [ -n "$major" ] && [ "$major" -ge 24 ] && need_lo=0
fi
if [ "$need_lo" = 1 ]; then
  sources=/etc/apt/sources.list.d/debian.sources
  uris=$(sed -n 's/^URIs: *//p' "$sources" | grep -v security | head -n 1)
  uris=${uris:-http://deb.debian.org/debian}
  cat > /etc/apt/sources.list.d/bookworm-backports.sources <<SRC
Types: deb
URIs: $uris
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq -t bookworm-backports --no-install-recommends \
    libreoffice-writer-nogui fonts-wqy-zenhei >/dev/null
fi

# Headless Chromium for the editor's end-to-end tests and browser benchmarks (driven by playwright-core).
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
