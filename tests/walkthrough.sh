#!/usr/bin/env bash
# The README's first steps, end to end, exactly as a new user runs them: `./kumo up` with the embedded
# database and broker (no MySQL, no RabbitMQ), then Debian's unmodified `openstack` CLI, then
# `./kumo down`. Runs in a throw-away state directory and HOME, so it touches nothing of the user's.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
REAL_HOME="$HOME" # Maven's settings and local repository, for the browser test
export KUMO_STATE_DIR="$WORK/state"
export HOME="$WORK/home"
unset KUMO_DB_URL KUMO_AMQP_URL OS_CLOUD OS_AUTH_URL OS_CLIENT_CONFIG_FILE
# a host agent with the fake driver, so that servers boot (the real drivers come with issue 7)
export KUMO_AGENT_DRIVER=fake
# the services start in about two thirds of the time with the client compiler only; the test runs them briefly
export KUMO_JAVA_OPTS="-XX:TieredStopAtLevel=1"
mkdir -p "$HOME"
OPENSTACK=/usr/bin/openstack
[[ -x "$OPENSTACK" ]] || OPENSTACK=openstack

passed=0
failed=0
check() { # description, command...
  local what="$1"; shift
  local out started=$EPOCHREALTIME took
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); took=$(elapsed "$started"); echo "ok   $what ($took s)"
  else
    failed=$((failed + 1)); took=$(elapsed "$started"); echo "FAIL $what ($took s)"; echo "$out" | tail -5 | sed 's/^/     /'
  fi
}
elapsed() { awk -v from="$1" -v to="$EPOCHREALTIME" 'BEGIN { printf "%.1f", to - from }'; }
refuses() { ! "$@"; }
# the output is captured first: grep -q in a pipe would close it early and kill the CLI with SIGPIPE
contains() { local needle="$1" out; shift; out=$("$@") || return 1; grep -q -- "$needle" <<< "$out"; }

cleanup() {
  "$ROOT/kumo" down >/dev/null 2>&1 || true
  if ((failed > 0)); then
    local kept; kept="/tmp/kumo-walkthrough-logs-$(date +%Y%m%d-%H%M%S)"
    cp -r "$KUMO_STATE_DIR/logs" "$kept" 2>/dev/null && echo "--- all service logs kept in $kept"
    echo "--- identity log (last 40 lines)"; tail -40 "$KUMO_STATE_DIR/logs/identity.log" 2>/dev/null
    echo "--- image log (last 40 lines)"; tail -40 "$KUMO_STATE_DIR/logs/image.log" 2>/dev/null
    echo "--- network log (last 40 lines)"; tail -40 "$KUMO_STATE_DIR/logs/network.log" 2>/dev/null
    echo "--- scheduler log (last 40 lines)"; tail -40 "$KUMO_STATE_DIR/logs/scheduler.log" 2>/dev/null
    echo "--- compute log (last 40 lines)"; tail -40 "$KUMO_STATE_DIR/logs/compute.log" 2>/dev/null
    echo "--- agent log (last 20 lines)"; tail -20 "$KUMO_STATE_DIR/logs/agent.log" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

up_started=$EPOCHREALTIME
if ! "$ROOT/kumo" up; then
  echo "walkthrough: 0 passed, 1 failed"
  tail -40 "$KUMO_STATE_DIR/logs/"*.log 2>/dev/null
  exit 1
fi

echo "./kumo up took $(elapsed "$up_started") s"
admin() { "$OPENSTACK" --os-cloud kumo-admin "$@"; }
demo() { "$OPENSTACK" --os-cloud kumo "$@"; }

check "admin token issue" contains project_id admin token issue
check "catalog lists the services that run: compute, network, image, volume, placement" \
  bash -c "'$OPENSTACK' --os-cloud kumo-admin catalog list -f value -c Type | sort | tr '\n' ' ' \
  | grep -qx 'block-storage compute identity image network placement volumev3 '"
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
  --os-application-credential-secret="$(echo "$credential" | sed -n 2p)" --os-identity-api-version 3 token issue
check "registered limit list shows the compute defaults" contains servers admin registered limit list
check "limit list" admin limit list
check "the demo member may not create projects" refuses demo project create nope
check "role assignment list --names" contains alice@Default admin role assignment list --project team-a --names

# images (issue 3): a real qcow2 from qemu-img when installed, else a raw disk
if command -v qemu-img >/dev/null; then
  qemu-img create -q -f qcow2 "$WORK/disk.img" 16M && format=qcow2
else
  head -c 4194304 /dev/urandom > "$WORK/disk.img" && format=raw
fi
alice() { "$OPENSTACK" --os-auth-url "http://127.0.0.1:5000/v3" --os-username alice --os-password s3cret \
  --os-project-name team-a --os-user-domain-name Default --os-project-domain-name Default --os-identity-api-version 3 "$@"; }
check "image create --file ($format)" demo image create --file "$WORK/disk.img" --disk-format "$format" \
  --container-format bare --property hypervisor_type=qemu tiny
check "image list shows tiny" contains tiny demo image list
check "image show: active, with checksum" contains active demo image show tiny -f value -c status
check "image save is byte-identical" bash -c "'$OPENSTACK' --os-cloud kumo image save --file '$WORK/copy.img' tiny \
  && cmp '$WORK/disk.img' '$WORK/copy.img'"
check "image set --property --tag" demo image set --property os_distro=debian --tag ci tiny
check "image show has the property and the tag" bash -c "'$OPENSTACK' --os-cloud kumo image show tiny -f json \
  | grep -q '\"os_distro\": \"debian\"' && '$OPENSTACK' --os-cloud kumo image show tiny -f json | grep -q ci"
image_id=$(demo image show tiny -f value -c id 2>/dev/null)
team_a=$(admin project show team-a -f value -c id 2>/dev/null)
check "image add project (share with team-a)" demo image add project tiny "$team_a"
check "team-a accepts the shared image" alice image set --accept "$image_id"
check "team-a now lists it" contains "$image_id" alice image list
check "a member may not make it public" refuses demo image set --public tiny
check "admin makes it public" admin image set --public tiny
check "image delete" demo image delete tiny
check "the image is gone" refuses demo image show "$image_id"

# networks (issue 4)
check "network create net1" demo network create net1
check "subnet create sub1" demo subnet create --network net1 --subnet-range 10.10.0.0/24 --dns-nameserver 10.10.0.2 sub1
check "port create p1" demo port create --network net1 p1
check "port list shows p1 with an address from sub1" contains 10.10.0. demo port list
check "security group rule create --proto tcp --dst-port 22 default" \
  demo security group rule create --proto tcp --dst-port 22 default
check "the default group now lets SSH in" contains 22 demo security group rule list default
check "admin creates a shared VLAN provider network" admin network create --provider-network-type vlan \
  --provider-physical-network physnet1 --provider-segment 120 --share prod-vlan120
check "the same VLAN is never given twice" refuses admin network create --provider-network-type vlan \
  --provider-physical-network physnet1 --provider-segment 120 prod-vlan120-again
check "a member may not create provider networks" refuses demo network create --provider-network-type vlan \
  --provider-physical-network physnet1 --provider-segment 121 sneaky
check "the demo member sees the shared network" contains prod-vlan120 demo network list
check "quota list --network --detail shows port usage" contains port demo quota list --network --detail
check "quota show: compute and network quotas of the project" bash -c "'$OPENSTACK' --os-cloud kumo quota show -f json \
  | tr -d ' ' | grep -q '\"instances\":10' && '$OPENSTACK' --os-cloud kumo quota show -f json | grep -q '\"ports\"'"
check "port delete, subnet delete, network delete" bash -c "'$OPENSTACK' --os-cloud kumo port delete p1 \
  && '$OPENSTACK' --os-cloud kumo subnet delete sub1 && '$OPENSTACK' --os-cloud kumo network delete net1"

# placement (issue 5): the scheduler's Placement API through osc-placement
check "resource provider create" admin resource provider create wt-host
rp=$(admin resource provider show "$(admin resource provider list --name wt-host -f value -c uuid 2>/dev/null)" \
  -f value -c uuid 2>/dev/null)
check "resource provider inventory set VCPU and MEMORY_MB" admin resource provider inventory set "$rp" \
  --resource VCPU=4 --resource VCPU:allocation_ratio=2.0 --resource MEMORY_MB=2048
check "trait create CUSTOM_WALKTHROUGH" admin --os-placement-api-version 1.6 trait create CUSTOM_WALKTHROUGH
check "resource provider trait set" admin --os-placement-api-version 1.6 resource provider trait set \
  --trait CUSTOM_WALKTHROUGH --trait COMPUTE_QEMU "$rp"
check "allocation candidate list finds it for 6 vCPUs with the trait" contains "$rp" \
  admin --os-placement-api-version 1.17 allocation candidate list --resource VCPU=6 --required CUSTOM_WALKTHROUGH
check "no candidate for 9 vCPUs (capacity 4 x 2.0)" refuses contains "$rp" \
  admin --os-placement-api-version 1.17 allocation candidate list --resource VCPU=9
check "a member may not read placement" refuses demo resource provider list
check "resource provider delete" admin resource provider delete "$rp"

# compute (issue 6): flavors, key pairs and compute services through the CLI's novaclient and openstacksdk
check "flavor list shows the default flavors" contains m1.tiny demo flavor list
check "flavor show m1.small: 2048 MB" contains 2048 demo flavor show m1.small -f value -c ram
check "admin creates c1.small with a pids limit" admin flavor create --vcpus 1 --ram 256 --disk 1 \
  --property kumo:pids_limit=256 c1.small
check "flavor show c1.small has the property" contains pids_limit demo flavor show c1.small
check "a member may not create flavors" refuses demo flavor create --vcpus 1 --ram 64 --disk 1 nope
ssh-keygen -q -t ed25519 -N '' -C walkthrough -f "$WORK/id_ed25519"
fingerprint=$(ssh-keygen -l -E md5 -f "$WORK/id_ed25519.pub" | awk '{print $2}'); fingerprint=${fingerprint#MD5:}
check "keypair create --public-key k1" demo keypair create --public-key "$WORK/id_ed25519.pub" k1
check "keypair show k1 has ssh-keygen's fingerprint" contains "$fingerprint" demo keypair show k1
check "keypair create k2 (server-generated) prints its private key" contains "PRIVATE KEY" demo keypair create k2
check "keypair list shows both" bash -c "'$OPENSTACK' --os-cloud kumo keypair list -f value -c Name | sort | tr '\n' ' ' | grep -q 'k1 k2'"
check "keypair delete k1 k2" demo keypair delete k1 k2
check "compute service list (admin)" admin compute service list
check "a member may not list compute services" refuses demo compute service list

# servers (issue 6) on the fake driver's host, through novaclient at microversion 2.1
host=$(hostname)
await_status() { # server, status
  local i
  for i in $(seq 60); do
    [[ "$("$OPENSTACK" --os-cloud kumo server show "$1" -f value -c status 2>/dev/null)" == "$2" ]] && return 0
    sleep 1
  done
  return 1
}
check "hypervisor list shows this machine's host" contains "$host" admin hypervisor list
check "compute service list shows it up" contains up admin compute service list --host "$host"
check "image create kumo-tiny" demo image create --file "$WORK/disk.img" --disk-format "$format" kumo-tiny
check "network create net2 with a subnet" bash -c "'$OPENSTACK' --os-cloud kumo network create net2 >/dev/null \
  && '$OPENSTACK' --os-cloud kumo subnet create --network net2 --subnet-range 10.30.0.0/24 sub2 >/dev/null"
check "keypair create --public-key k3" demo keypair create --public-key "$WORK/id_ed25519.pub" k3
printf '#cloud-config\nhostname: vm1\n' > "$WORK/ud.txt"
check "server create --wait vm1" demo server create --flavor m1.tiny --image kumo-tiny --network net2 \
  --key-name k3 --user-data "$WORK/ud.txt" --wait vm1
check "server list shows vm1 ACTIVE" contains ACTIVE demo server list --name vm1
check "limits show --absolute counts vm1" contains "totalInstancesUsed 1" demo limits show --absolute -f value
check "usage show: the project's server hours" contains "Servers" demo usage show
check "usage list (admin): every project's" admin usage list
check "server show vm1 has an address on net2" contains 10.30.0. demo server show vm1 -f value -c addresses
check "server stop vm1 → SHUTOFF" bash -c "'$OPENSTACK' --os-cloud kumo server stop vm1 && $(declare -f await_status); OPENSTACK='$OPENSTACK' await_status vm1 SHUTOFF"
check "server start vm1 → ACTIVE" bash -c "'$OPENSTACK' --os-cloud kumo server start vm1 && $(declare -f await_status); OPENSTACK='$OPENSTACK' await_status vm1 ACTIVE"
check "server reboot --hard --wait vm1" demo server reboot --hard --wait vm1
check "server set --property (metadata)" demo server set --property owner=jenkins vm1
check "server show vm1 has the property" contains owner demo server show vm1 -f value -c properties
check "a locked server refuses stop, unlocked it may" bash -c "'$OPENSTACK' --os-cloud kumo server lock vm1 \
  && ! '$OPENSTACK' --os-cloud kumo server stop vm1 2>/dev/null && '$OPENSTACK' --os-cloud kumo server unlock vm1"
check "availability zone list --compute" contains available demo availability zone list --compute
check "server group create --policy anti-affinity g1" demo server group create --policy anti-affinity g1
check "server group list shows g1" contains g1 demo server group list
check "server group delete g1" demo server group delete g1
check "server event list vm1 shows create, stop, start, reboot, lock and unlock" bash -c "'$OPENSTACK' --os-cloud kumo server event list vm1 -f value -c Action | tr '\\n' ' ' | grep -q 'unlock lock reboot start stop create'"
check "server event show (admin) lists the build's steps" contains compute__do_build_and_run_instance admin server event show \
    "$("$OPENSTACK" --os-cloud kumo server show vm1 -f value -c id)" \
    "$("$OPENSTACK" --os-cloud kumo server event list vm1 -f value -c 'Request ID' | tail -1)"
check "console log show vm1 ends at its login prompt" contains "vm1 login:" demo console log show vm1
vm1_id=$("$OPENSTACK" --os-cloud kumo server show vm1 -f value -c id)
check "server show --diagnostics (admin): vm1's figures from its host" contains vda_read admin server show \
  --diagnostics "$vm1_id"
check "a member may not read diagnostics" refuses demo server show --diagnostics vm1
check "the agent's /actuator/prometheus has vm1's series" contains "kumo_instance_running{host=\"$host\",uuid=\"$vm1_id\"} 1" \
  curl -sf http://127.0.0.1:8790/actuator/prometheus
check "server rebuild --wait vm1 (same image)" demo server rebuild --image kumo-tiny --wait vm1
check "vm1 keeps its address through the rebuild" contains 10.30.0. demo server show vm1 -f value -c addresses
check "server event list vm1 shows the rebuild" contains rebuild demo server event list vm1
check "another project cannot see vm1" refuses alice server show vm1
check "admin disables the host for maintenance" admin compute service set --disable --disable-reason maintenance \
  "$host" nova-compute
check "compute service list shows it disabled" contains disabled admin compute service list --host "$host"
check "a server cannot be placed on a disabled host" bash -c "'$OPENSTACK' --os-cloud kumo server create --flavor m1.tiny \
  --image kumo-tiny --network net2 --wait vm2 2>&1 | grep -q -i 'error'"
check "admin enables the host again" admin compute service set --enable "$host" nova-compute
check "server delete --wait vm1 vm2" demo server delete --wait vm1 vm2
check "the servers' ports are gone with them" refuses contains 10.30.0. demo port list --network net2

# volumes (issue 8): kept as sparse files by the agent's storage role
# polls a volume's (or, with "snapshot", a snapshot's) status until it is the one wanted: volume_is [snapshot] name status
volume_is() {
  local kind=volume
  [[ "$1" == snapshot ]] && { kind="volume snapshot"; shift; }
  local i
  for i in $(seq 1 40); do
    # shellcheck disable=SC2086
    [[ "$(demo $kind show "$1" -f value -c status 2>/dev/null)" == "$2" ]] && return 0
    sleep 0.5
  done
  return 1
}
volume_gone() { # [snapshot] name
  local kind=volume
  [[ "$1" == snapshot ]] && { kind="volume snapshot"; shift; }
  local i
  # shellcheck disable=SC2086
  for i in $(seq 1 40); do demo $kind show "$1" >/dev/null 2>&1 || return 0; sleep 0.5; done
  return 1
}
check "volume create --size 1 data1" demo volume create --size 1 --property purpose=walkthrough data1
check "data1 becomes available" volume_is data1 available
check "volume list shows data1" contains data1 demo volume list
check "volume show has the property" contains walkthrough demo volume show data1 -f value -c properties
check "volume set --size 2 (extend)" demo volume set --size 2 data1
check "data1 is 2 GiB once extended" bash -c "for i in \$(seq 1 40); do [[ \$('$OPENSTACK' --os-cloud kumo \
  volume show data1 -f value -c size) == 2 ]] && exit 0; sleep 0.5; done; exit 1"
check "server create --wait vm3" demo server create --flavor m1.tiny --image kumo-tiny --network net2 --wait vm3
check "server add volume vm3 data1" demo server add volume vm3 data1
check "data1 becomes in-use" volume_is data1 in-use
check "server show vm3 lists data1 among its volumes" contains "$(demo volume show data1 -f value -c id)" \
  demo server show vm3 -f value -c volumes_attached
check "volume show data1: attached to vm3 as /dev/vdb" contains /dev/vdb demo volume show data1 -f value -c attachments
check "a volume in use cannot be deleted" refuses demo volume delete data1
check "a volume in use cannot be attached twice" refuses demo server add volume vm3 data1
check "server remove volume vm3 data1" demo server remove volume vm3 data1
check "data1 is available again" volume_is data1 available
check "server event list vm3 shows attach_volume and detach_volume" bash -c "'$OPENSTACK' --os-cloud kumo server \
  event list vm3 -f value -c Action | tr '\\n' ' ' | grep -q 'detach_volume attach_volume create'"
check "volume snapshot create --volume data1 snap1" demo volume snapshot create --volume data1 snap1
check "snap1 becomes available" volume_is snapshot snap1 available
check "volume create --snapshot snap1 data1-copy" demo volume create --snapshot snap1 data1-copy
check "data1-copy becomes available" volume_is data1-copy available
check "volume create --image kumo-tiny --size 1 boot1" demo volume create --image kumo-tiny --size 1 boot1
check "boot1 becomes available, bootable" bash -c "for i in \$(seq 1 40); do [[ \$('$OPENSTACK' --os-cloud kumo \
  volume show boot1 -f value -c bootable) == true && \$('$OPENSTACK' --os-cloud kumo volume show boot1 -f value \
  -c status) == available ]] && exit 0; sleep 0.5; done; exit 1"
check "a volume with snapshots is not deleted" refuses demo volume delete data1
check "quota show has the volume quotas" bash -c "'$OPENSTACK' --os-cloud kumo quota show -f json | tr -d ' ' \
  | grep -q '\"volumes\":10'"
check "a member may not create volume types" refuses demo volume type create gold
check "admin creates volume type gold on the local backend" admin volume type create \
  --property volume_backend_name=local gold
check "volume create --type gold" demo volume create --type gold --size 1 golden
check "golden becomes available" volume_is golden available
check "volume snapshot delete snap1" demo volume snapshot delete snap1
check "snap1 is gone" volume_gone snapshot snap1
check "volume delete data1 data1-copy boot1 golden" demo volume delete data1 data1-copy boot1 golden
volumes_gone() { local v; for v in "$@"; do volume_gone "$v" || return 1; done; }
check "the volumes are gone" volumes_gone data1 data1-copy boot1 golden
check "server delete --wait vm3" demo server delete --wait vm3

# the dashboard (issue 9): served by ./kumo up, every page behind its login form
check "the dashboard serves its login form" contains "Log in to Kumo" curl -sf http://127.0.0.1:8080/login
check "a dashboard page without a session goes to the login form" bash -c "curl -s -o /dev/null -w '%{redirect_url}' \
  http://127.0.0.1:8080/instances | grep -q '/login$'"

# ... and in a real browser: DashboardBrowserIT drives Debian's headless chromium against this cloud (log in,
# create a volume, launch an instance and watch it become ACTIVE, its console log, attach, delete, log out; bad
# input kept with the API's message; an operator disables and enables the compute host). Screenshots of the
# main pages are kept in dashboard/target/screenshots.
# shellcheck disable=SC1091
source "$KUMO_STATE_DIR/secrets.env"
check "the dashboard in headless chromium (DashboardBrowserIT)" env HOME="$REAL_HOME" mvn -B -o -q -f "$ROOT/pom.xml" \
  -pl common,dashboard test-compile failsafe:integration-test failsafe:verify -Dit.test=DashboardBrowserIT \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dkumo.e2e.url=http://127.0.0.1:8080 -Dkumo.e2e.image=kumo-tiny \
  -Dkumo.e2e.demo-password="$KUMO_DEMO_PASSWORD" -Dkumo.e2e.admin-password="$KUMO_ADMIN_PASSWORD"

echo "walkthrough: $passed passed, $failed failed"
((failed == 0))
