import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arrayScript, reportScript, shellQuote, type ArrayScriptInput } from './sbatch-script';
import { slurmOptionsSchema } from './slurm-options';

const base: ArrayScriptInput = {
  jobName: 'vad-tiny-0b559988',
  experiment: 'tiny',
  dir: '/scratch/runs/tiny',
  cwd: '/home/ana/vad',
  trials: ['none-48015880-seed1', 'learned-e75b3f65-seed1'],
  command: ['/usr/bin/node', '/home/ana/vad/packages/experiments/bin/vad.js', 'train', '/home/ana/vad/tiny.yaml', '--out', '/scratch/runs/tiny', '--set', 'trainer.epochs=2'],
  options: slurmOptionsSchema.parse({}),
};

describe('arrayScript', () => {
  it('writes one array task per trial with the singleton dependency, requeue and the time-limit hook', () => {
    expect(arrayScript(base)).toBe(`#!/bin/bash
# vad run --launcher slurm: experiment tiny, 2 trial(s), one array task each.
# Kept so it can be read and resubmitted as is: sbatch THIS_FILE (finished trials are skipped, unfinished ones resume).
#SBATCH --job-name=vad-tiny-0b559988
#SBATCH --array=0-1
#SBATCH --dependency=singleton
#SBATCH --output=/scratch/runs/tiny/slurm/logs/%A_%a.log
#SBATCH --open-mode=append
#SBATCH --chdir=/home/ana/vad
#SBATCH --ntasks=1
#SBATCH --requeue
#SBATCH --signal=B:USR2@120
set -uo pipefail
trials=(
  none-48015880-seed1
  learned-e75b3f65-seed1
)
trial=\${trials[$SLURM_ARRAY_TASK_ID]}
task="\${SLURM_ARRAY_JOB_ID}_\${SLURM_ARRAY_TASK_ID}"
export VAD_TASK_LOG=/scratch/runs/tiny/slurm/logs/"$task.log"
echo "vad: trial $trial, task $task on $(hostname), attempt $(( \${SLURM_RESTART_COUNT:-0} + 1 ))"
/usr/bin/node /home/ana/vad/packages/experiments/bin/vad.js train /home/ana/vad/tiny.yaml --out /scratch/runs/tiny --set trainer.epochs=2 --trial "$trial" &
child=$!
# 120 s before the time limit SLURM sends USR2 (--signal): checkpoint, then requeue this task.
near_limit() {
  if [ "\${SLURM_RESTART_COUNT:-0}" -ge 3 ]; then echo "vad: time limit near, but $task was requeued 3 times already"; return; fi
  echo "vad: time limit near: checkpointing $trial and requeueing $task"
  kill -TERM "$child"; wait "$child"
  scontrol requeue "$task"
  exit 0
}
trap near_limit USR2
# Preemption, scontrol requeue and scancel send SIGTERM: vad train stops after the current step and checkpoints.
trap 'kill -TERM "$child" 2>/dev/null' TERM
while kill -0 "$child" 2>/dev/null; do wait "$child"; done
wait "$child"
`);
  });

  it('adds every resource option as an #SBATCH line, in a fixed order, and the setup lines before the trial', () => {
    const options = slurmOptionsSchema.parse({
      partition: 'gpu',
      time: '1-12:00:00',
      cpusPerTask: 4,
      mem: '16G',
      gpusPerTask: 1,
      parallelism: 8,
      account: 'vision-lab',
      qos: 'normal',
      extra: ['--constraint=a100', '--mail-type=FAIL'],
      setup: ['module load nodejs/20'],
      requeue: false,
      timeoutRequeues: 0,
    });
    const lines = arrayScript({ ...base, options }).split('\n');
    expect(lines.filter((line) => line.startsWith('#SBATCH'))).toEqual([
      '#SBATCH --job-name=vad-tiny-0b559988',
      '#SBATCH --array=0-1%8',
      '#SBATCH --dependency=singleton',
      '#SBATCH --output=/scratch/runs/tiny/slurm/logs/%A_%a.log',
      '#SBATCH --open-mode=append',
      '#SBATCH --chdir=/home/ana/vad',
      '#SBATCH --ntasks=1',
      '#SBATCH --no-requeue',
      '#SBATCH --partition=gpu',
      '#SBATCH --time=1-12:00:00',
      '#SBATCH --account=vision-lab',
      '#SBATCH --qos=normal',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --mem=16G',
      '#SBATCH --gpus-per-task=1',
      '#SBATCH --constraint=a100',
      '#SBATCH --mail-type=FAIL',
    ]);
    expect(lines.indexOf('module load nodejs/20')).toBe(lines.findIndex((line) => line.includes('vad.js train')) - 1);
    expect(lines.some((line) => line.includes('near_limit'))).toBe(false); // timeoutRequeues 0: no USR2 hook
  });

  it('quotes paths with spaces for bash and #SBATCH, and doubles % in the log pattern', () => {
    const script = arrayScript({ ...base, dir: '/scratch/my runs/100%', cwd: '/home/ana/it\'s', command: ['/usr/bin/node', '/x/vad.js', 'train', "/home/ana/it's/a b.yaml"] });
    expect(script).toContain('#SBATCH --output="/scratch/my runs/100%%/slurm/logs/%A_%a.log"');
    expect(script).toContain(`#SBATCH --chdir=/home/ana/it's`);
    expect(script).toContain(`export VAD_TASK_LOG='/scratch/my runs/100%/slurm/logs'/"$task.log"`);
    expect(script).toContain(`/usr/bin/node /x/vad.js train '/home/ana/it'\\''s/a b.yaml' --trial "$trial" &`);
    expect(shellQuote('a-b_c.d/e:f=g,h@i+j%')).toBe('a-b_c.d/e:f=g,h@i+j%');
    expect(shellQuote('$HOME')).toBe(`'$HOME'`);
  });

  it('writes the report job script with partition, time, account, QoS and extra lines but no per-trial resources', () => {
    const options = slurmOptionsSchema.parse({ partition: 'gpu', time: 30, gpusPerTask: 1, mem: '8G', extra: ['--constraint=a100'], setup: ['source ~/venv/bin/activate'] });
    expect(reportScript({ ...base, options, command: ['/usr/bin/node', '/x/vad.js', 'report', '/scratch/runs/tiny'] })).toBe(`#!/bin/bash
# vad run --launcher slurm: report of experiment tiny, submitted with --dependency=afterany:<array job>.
#SBATCH --job-name=vad-tiny-0b559988-report
#SBATCH --output=/scratch/runs/tiny/slurm/logs/report-%j.log
#SBATCH --chdir=/home/ana/vad
#SBATCH --ntasks=1
#SBATCH --partition=gpu
#SBATCH --time=30
#SBATCH --constraint=a100
set -euo pipefail
source ~/venv/bin/activate
/usr/bin/node /x/vad.js report /scratch/runs/tiny
`);
  });
});

// The generated script run by bash (no SLURM needed): the trial's exit code comes through, and a
// SIGTERM to the batch shell reaches the trial, which can finish its checkpoint before the task ends.
describe('arrayScript under bash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vad-sbatch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const trialProgram = join(dir, 'trial.mjs');
  writeFileSync(
    trialProgram,
    `import { appendFileSync } from 'node:fs';
const [out, mode] = process.argv.slice(2);
appendFileSync(out, 'args ' + process.argv.slice(4).join(' ') + '\\n');
if (mode === 'exit3') process.exit(3);
process.on('SIGTERM', () => setTimeout(() => { appendFileSync(out, 'checkpointed\\n'); process.exit(130); }, 300));
appendFileSync(out, 'started\\n');
setTimeout(() => process.exit(0), 20000);
`,
  );

  // A stand-in for scontrol that records how it was called (the requeue itself is SLURM's business).
  writeFileSync(join(dir, 'scontrol'), `#!/bin/sh\necho "scontrol $*" >> "${join(dir, 'scontrol.txt')}"\n`);
  chmodSync(join(dir, 'scontrol'), 0o755);

  function runScript(mode: string, onStart?: (pid: number, out: string) => void, restarts = 0): Promise<{ code: number | null; out: string }> {
    const out = join(dir, `${mode}.txt`);
    const script = join(dir, `${mode}.sh`);
    writeFileSync(script, arrayScript({ ...base, dir, cwd: dir, command: [process.execPath, trialProgram, out, mode] }));
    const env = { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}`, SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_JOB_ID: '77', SLURM_RESTART_COUNT: String(restarts) };
    return new Promise((resolve) => {
      const bash = spawn('bash', [script], { env, stdio: 'ignore' });
      if (onStart) {
        const poll = setInterval(() => {
          if (existsSync(out) && readFileSync(out, 'utf8').includes('started')) (clearInterval(poll), onStart(bash.pid as number, out));
        }, 50);
      }
      bash.on('close', (code) => resolve({ code, out: readFileSync(out, 'utf8') }));
    });
  }

  it('runs the array task\'s trial with --trial and returns its exit code', async () => {
    const result = await runScript('exit3');
    expect(result.code).toBe(3);
    expect(result.out).toBe('args --trial learned-e75b3f65-seed1\n');
  });

  it('forwards SIGTERM and waits for the trial to checkpoint and exit', async () => {
    const result = await runScript('term', (pid) => process.kill(pid, 'SIGTERM'));
    expect(result.out).toBe('args --trial learned-e75b3f65-seed1\nstarted\ncheckpointed\n');
    expect(result.code).toBe(130);
  });

  it('near the time limit (USR2) checkpoints the trial and requeues its own task', async () => {
    const result = await runScript('usr2', (pid) => process.kill(pid, 'SIGUSR2'));
    expect(result.out).toBe('args --trial learned-e75b3f65-seed1\nstarted\ncheckpointed\n');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'scontrol.txt'), 'utf8')).toBe('scontrol requeue 77_1\n');
  });

  it('lets the task run into its time limit once it was requeued timeoutRequeues times', async () => {
    rmSync(join(dir, 'scontrol.txt'), { force: true });
    const result = await runScript('usr2-last', (pid) => {
      process.kill(pid, 'SIGUSR2');
      setTimeout(() => process.kill(pid, 'SIGTERM'), 300); // what SLURM sends at the limit
    }, 3);
    expect(result.out).toBe('args --trial learned-e75b3f65-seed1\nstarted\ncheckpointed\n');
    expect(result.code).toBe(130);
    expect(existsSync(join(dir, 'scontrol.txt'))).toBe(false);
  });
});
