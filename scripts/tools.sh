#!/usr/bin/env bash
# Installs what the build and tests need when a fresh machine lacks it: Maven, a JDK 17+ and Node.js
# (Debian packages), moto_server (SSM emulator, Step Functions interpreter), cfn-lint with the SAM
# translator, pytest (Python packages), and asl-validator and jsonata (npm, pinned in src/test/deploy).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
command -v unzip >/dev/null 2>&1 || need_apt+=(unzip)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} ..."
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}"
fi

pip_install() {
  python3 -m pip install -q "$@" 2>/dev/null || python3 -m pip install -q --break-system-packages "$@"
}
command -v moto_server >/dev/null 2>&1 || { echo "Installing moto[server] ..."; pip_install 'moto[server]'; }
command -v cfn-lint >/dev/null 2>&1 || { echo "Installing cfn-lint ..."; pip_install cfn-lint; }
python3 -c 'import samtranslator' 2>/dev/null || { echo "Installing aws-sam-translator ..."; pip_install aws-sam-translator; }
python3 -c 'import pytest' 2>/dev/null || { echo "Installing pytest ..."; pip_install pytest; }
[ -x src/test/deploy/node_modules/.bin/asl-validator ] && [ -f src/test/deploy/node_modules/jsonata/package.json ] || {
  echo "Installing asl-validator and jsonata ..."; (cd src/test/deploy && npm ci --no-audit --no-fund --loglevel=error); }
hash -r
