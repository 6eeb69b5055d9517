#!/usr/bin/env bash
# Stops the cluster started by start.sh: cancels what is still queued or running (so that no task
# outlives slurmd), stops slurmd and slurmctld, and munged if start.sh started it; removes its folder.
set -uo pipefail
root=${VAD_SLURM_DIR:-/tmp/vad-slurm-local}
if [ -f "$root/slurm.conf" ]; then
  export SLURM_CONF=$root/slurm.conf
  jobs=$(squeue -h -o %A 2>/dev/null | sort -u)
  if [ -n "$jobs" ]; then
    # shellcheck disable=SC2086
    scancel $jobs
    for _ in $(seq 1 80); do [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break; sleep 0.25; done
  fi
fi
for pidfile in "$root"/run/slurmd-*.pid "$root"/run/slurmctld.pid "$root"/run/munged.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
done
rm -rf "$root"
