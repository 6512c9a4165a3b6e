#!/usr/bin/env bash
# A real one-node Slurm (munge, slurmctld, slurmd) for tests, as root and
# without systemd (../shared/HPC-NOTES.md has the settings and why).
#   slurm/test_cluster.sh start <dir>   state, logs and slurm.conf under <dir>;
#                                       prints the SLURM_CONF to export
#   slurm/test_cluster.sh stop <dir>    scontrol shutdown, then munged
# Ports: BAOBAB_SLURM_PORT (slurmctld, default: a free one from 16817) and
# the next one for slurmd. Exits 77 when Slurm or munge is not installed.
set -euo pipefail
action=$1
dir=$(realpath -m "$2")

stop_cluster() {
  if [ -f "$dir/slurm.conf" ]; then
    SLURM_CONF="$dir/slurm.conf" timeout 10 scontrol shutdown >/dev/null 2>&1 || true
  fi
  for pidfile in slurmd.pid slurmctld.pid munged.pid; do
    [ -f "$dir/$pidfile" ] || continue
    pid=$(cat "$dir/$pidfile")
    for _ in $(seq 50); do  # an exited daemon can linger as a zombie
      state=$(ps -o stat= -p "$pid" 2>/dev/null || true)
      [ -z "$state" ] || [[ "$state" == Z* ]] && break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$dir/$pidfile"
  done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$action" in
stop)
  stop_cluster
  exit 0
  ;;
start) ;;
*)
  echo "usage: $0 start|stop <dir>" >&2
  exit 2
  ;;
esac

for tool in slurmctld slurmd munged mungekey sbatch scontrol; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (scripts/setup-debian.sh)"; exit 77; }
done
mkdir -p "$dir"/{state,spool,log,munge}
chown munge:munge "$dir/munge"
chmod 0711 "$dir" "$dir/munge"
[ -f "$dir/munge/munge.key" ] || mungekey -c -k "$dir/munge/munge.key" >/dev/null
chown munge:munge "$dir/munge/munge.key"
chmod 0400 "$dir/munge/munge.key"
socket="$dir/munge/munge.socket"
runuser -u munge -- munged --socket="$socket" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
  --seed-file="$dir/munge/munge.seed" --force
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
cp "$dir/munge/munged.pid" "$dir/munged.pid"

port=${BAOBAB_SLURM_PORT:-16817}
while ! port_free "$port" || ! port_free $((port + 1)); do port=$((port + 2)); done
host=$(hostname -s)
cpus=$(nproc)
cat >"$dir/slurm.conf" <<CONF
ClusterName=baobabtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket,cred_expire=5
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=pmix
SchedulerParameters=sched_interval=1,bf_interval=1
SlurmdParameters=config_overrides
KillWait=5
ReturnToService=2
PreemptType=preempt/partition_prio
PreemptMode=REQUEUE
NodeName=$host NodeAddr=127.0.0.1 CPUs=4 RealMemory=1000 State=UNKNOWN
PartitionName=batch Nodes=$host Default=YES MaxTime=INFINITE State=UP PriorityTier=1 GraceTime=60
PartitionName=urgent Nodes=$host MaxTime=INFINITE State=UP PriorityTier=10 PreemptMode=OFF
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -c
slurmd
for _ in $(seq 100); do
  if scontrol show node "$host" 2>/dev/null | grep -qE "State=(IDLE|MIXED)"; then
    echo "$SLURM_CONF"
    exit 0
  fi
  sleep 0.1
done
echo "slurm did not come up; logs in $dir/log" >&2
tail -5 "$dir"/log/*.log >&2 || true
stop_cluster
exit 1
