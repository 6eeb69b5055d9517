#!/usr/bin/env bash
# Stops the cluster started by start.sh (slurmd, slurmctld, and munged if start.sh started it) and
# removes its folder.
set -uo pipefail
root=${VAD_SLURM_DIR:-/tmp/vad-slurm-local}
for pidfile in "$root"/run/slurmd-*.pid "$root"/run/slurmctld.pid "$root"/run/munged.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
done
rm -rf "$root"
