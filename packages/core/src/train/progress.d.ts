import type { EpochSummary, StepRecord } from './records';
/** Where progress goes (e.g. `process.stderr`); `isTTY` selects the live line. */
export interface ProgressWriter {
    write(text: string): unknown;
    readonly isTTY?: boolean | undefined;
}
/** Totals shown in the progress line. */
export interface ProgressOptions {
    readonly totalSteps: number;
    readonly totalEpochs: number;
    /** Steps averaged for the steps/s figure (default 20). */
    readonly window?: number;
}
/** Progress callbacks for `train` (combine them with the run's other callbacks). */
export interface Progress {
    onStep(record: StepRecord): void;
    onEpoch(summary: EpochSummary): void;
    /** Ends a live line with a newline. */
    finish(): void;
}
/**
 * A progress display. On a TTY one live line is rewritten with `\r` after every step and kept at
 * the end of every epoch; otherwise one line per epoch is printed.
 *
 * @example
 * // TTY, after a step:  "\repoch 1/10 step 3/100 | 2.50 steps/s | loss 0.04120 | L_recon 0.04010 | L_dist 1.100 | σ 0.5000"
 * // epoch line:         "epoch 1/10 | 10 steps | 2.50 steps/s | loss 0.04120 | L_recon 0.04010 | L_dist 1.100 | σ 0.5000 | lr 0.01\n"
 * train({ …, callbacks: combineCallbacks(createProgress(process.stderr, { totalSteps, totalEpochs }), writer) });
 */
export declare function createProgress(writer: ProgressWriter, options: ProgressOptions): Progress;
