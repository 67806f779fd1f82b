#!/usr/bin/env bash
# The README's first steps, end to end, exactly as a new user runs them: `./kumo up` with the embedded
# database and broker (no MySQL, no RabbitMQ), then Debian's unmodified `openstack` CLI, then
# `./kumo down`. Runs in a throw-away state directory and HOME, so it touches nothing of the user's.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
export KUMO_STATE_DIR="$WORK/state"
export HOME="$WORK/home"
unset KUMO_DB_URL KUMO_AMQP_URL OS_CLOUD OS_AUTH_URL OS_CLIENT_CONFIG_FILE
mkdir -p "$HOME"
OPENSTACK=/usr/bin/openstack
[[ -x "$OPENSTACK" ]] || OPENSTACK=openstack

passed=0
failed=0
check() { # description, command...
  local what="$1"; shift
  local out
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); echo "ok   $what"
  else
    failed=$((failed + 1)); echo "FAIL $what"; echo "$out" | tail -5 | sed 's/^/     /'
  fi
}
refuses() { ! "$@"; }
# the output is captured first: grep -q in a pipe would close it early and kill the CLI with SIGPIPE
contains() { local needle="$1" out; shift; out=$("$@") || return 1; grep -q -- "$needle" <<< "$out"; }

cleanup() {
  "$ROOT/kumo" down >/dev/null 2>&1 || true
  if ((failed > 0)); then
    echo "--- identity log (last 40 lines)"; tail -40 "$KUMO_STATE_DIR/logs/identity.log" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! "$ROOT/kumo" up; then
  echo "walkthrough: 0 passed, 1 failed"
  tail -40 "$KUMO_STATE_DIR/logs/"*.log 2>/dev/null
  exit 1
fi

admin() { "$OPENSTACK" --os-cloud kumo-admin "$@"; }
demo() { "$OPENSTACK" --os-cloud kumo "$@"; }

check "admin token issue" contains project_id admin token issue
check "catalog lists compute, network, image, volumev3" \
  bash -c "'$OPENSTACK' --os-cloud kumo-admin catalog list -f value -c Type | sort | tr '\n' ' ' | grep -q 'compute identity image network placement volumev3'"
check "project create team-a" admin project create team-a
check "user create alice in team-a" admin user create --project team-a --password s3cret alice
check "role add member" admin role add --project team-a --user alice member
check "alice gets a token for team-a" "$OPENSTACK" --os-auth-url "http://127.0.0.1:5000/v3" --os-username alice \
  --os-password s3cret --os-project-name team-a --os-user-domain-name Default --os-project-domain-name Default \
  --os-identity-api-version 3 token issue
check "wrong password is refused" refuses "$OPENSTACK" --os-auth-url "http://127.0.0.1:5000/v3" --os-username alice \
  --os-password wrong --os-project-name team-a --os-user-domain-name Default --os-project-domain-name Default \
  --os-identity-api-version 3 token issue

credential=$(demo application credential create jenkins -f value -c id -c secret 2>&1)
check "demo creates application credential jenkins" test "$(echo "$credential" | wc -l)" -eq 2
check "a token from the application credential" "$OPENSTACK" --os-auth-url "http://127.0.0.1:5000/v3" \
  --os-auth-type v3applicationcredential --os-application-credential-id "$(echo "$credential" | sed -n 1p)" \
  --os-application-credential-secret "$(echo "$credential" | sed -n 2p)" --os-identity-api-version 3 token issue
check "registered limit list shows the compute defaults" contains servers admin registered limit list
check "limit list" admin limit list
check "the demo member may not create projects" refuses demo project create nope
check "role assignment list --names" contains alice@Default admin role assignment list --project team-a --names

echo "walkthrough: $passed passed, $failed failed"
((failed == 0))
