# Sourced by the other scripts: puts the pinned tools on PATH.
# shellcheck shell=bash
SAMIZDAT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/versions.env
. "$SAMIZDAT_ROOT/scripts/versions.env"
SAMIZDAT_TOOLS=${SAMIZDAT_TOOLS:-$HOME/.cache/samizdat-tools}
export PATH="$SAMIZDAT_TOOLS/binaryen-$BINARYEN_VERSION/node_modules/.bin:$SAMIZDAT_TOOLS/wasm-split-$WASM_SPLIT_VERSION/bin:$HOME/.cargo/bin:$PATH"
export SAMIZDAT_MASTODON_MOCK="$SAMIZDAT_TOOLS/venv-mastodon-mock-$MASTODON_MOCK_VERSION/bin/mastodon_mock"
export SAMIZDAT_MOTO_SERVER="$SAMIZDAT_TOOLS/venv-moto-$MOTO_VERSION/bin/moto_server"
export SAMIZDAT_S3RVER="$SAMIZDAT_TOOLS/s3rver-$S3RVER_VERSION/node_modules/.bin/s3rver"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export TRUNK_SKIP_VERSION_CHECK=true
export SAMIZDAT_ROOT SAMIZDAT_TOOLS
