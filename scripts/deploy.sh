#!/usr/bin/env bash
# make deploy: deploys what target/function.zip holds. A `bootstrap` at its root is the native build
# (provided.al2023); otherwise it is the JVM package (java21). PACKAGE=native|jvm, when given, must
# agree: a JVM zip on provided.al2023 (or the reverse) fails every invocation, so it is refused.
# For a native build the architecture is read from the bootstrap's ELF header as well.
set -euo pipefail
cd "$(dirname "$0")/.."
zip="${FUNCTION_ZIP:-target/function.zip}"
[ -f "$zip" ] || { echo "make deploy: no $zip; run \`make package\` (JVM) or \`make native\` first" >&2; exit 2; }
command -v unzip >/dev/null 2>&1 || { echo "make deploy: unzip is needed (scripts/tools.sh installs it)" >&2; exit 2; }

entries=$(unzip -Z1 "$zip")
params=()
if grep -qx 'bootstrap' <<<"$entries"; then
  held=native
  # e_machine, bytes 18-19 of the ELF header: 0x3e x86-64, 0xb7 aarch64.
  machine=$(unzip -p "$zip" bootstrap | head -c 20 | od -An -tx1 -j18 -N1 | tr -d ' \n')
  case "$machine" in
    3e) arch=x86_64 ;;
    b7) arch=arm64 ;;
    *) echo "make deploy: $zip's bootstrap is not an x86-64 or arm64 Linux executable" >&2; exit 2 ;;
  esac
  if [ -n "${ARCH:-}" ] && [ "$ARCH" != "$arch" ]; then
    echo "make deploy: ARCH=$ARCH, but $zip holds a native $arch bootstrap; refusing to deploy it" >&2; exit 2
  fi
  params+=("Architecture=$arch")
elif grep -q '^lib/.*\.jar$' <<<"$entries"; then
  held=jvm
else
  echo "make deploy: $zip is neither a native build (bootstrap) nor the JVM package (lib/*.jar)" >&2; exit 2
fi
if [ -n "${PACKAGE:-}" ] && [ "$PACKAGE" != "$held" ]; then
  echo "make deploy: PACKAGE=$PACKAGE, but $zip holds the $held build; refusing to deploy it" \
       "(run \`make package\` for jvm or \`make native\` for native, or drop PACKAGE)" >&2
  exit 2
fi
echo "Deploying $zip: the $held build (PackageType=$held${params:+ ${params[*]}})"
exec sam deploy --guided --parameter-overrides "PackageType=$held" "${params[@]}" "$@"
