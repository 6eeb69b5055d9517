const num = (x, digits = 4) => (x === null ? '-' : x.toPrecision(digits));
const fixed = (x, digits) => (x === null ? '-' : x.toFixed(digits));
/**
 * A progress display. On a TTY one live line is rewritten with `\r` after every step and kept at
 * the end of every epoch; otherwise one line per epoch is printed.
 *
 * @example
 * // TTY, after a step:  "\repoch 1/10 step 3/100 | 2.50 steps/s | loss 0.04120 | L_recon 0.04010 | L_dist 1.100 | σ 0.5000"
 * // epoch line:         "epoch 1/10 | 10 steps | 2.50 steps/s | loss 0.04120 | L_recon 0.04010 | L_dist 1.100 | σ 0.5000 | lr 0.01\n"
 * train({ …, callbacks: combineCallbacks(createProgress(process.stderr, { totalSteps, totalEpochs }), writer) });
 */
export function createProgress(writer, options) {
    const window = options.window ?? 20;
    const recent = [];
    let shown = 0; // length of the live line on screen
    const live = (line, end = '') => {
        writer.write(`\r${line}${' '.repeat(Math.max(0, shown - line.length))}${end}`);
        shown = end === '' ? line.length : 0;
    };
    return {
        onStep(r) {
            recent.push(r.ms);
            if (recent.length > window)
                recent.shift();
            if (writer.isTTY !== true)
                return;
            const rate = (1000 * recent.length) / Math.max(1e-9, recent.reduce((a, x) => a + x, 0));
            const terms = `loss ${num(r.loss)} | L_recon ${num(r.lRecon)} | L_dist ${num(r.lDist)} | σ ${fixed(r.sigma, 4)}`;
            live(`epoch ${r.epoch + 1}/${options.totalEpochs} step ${r.step + 1}/${options.totalSteps} | ${rate.toFixed(2)} steps/s | ${terms}${r.skipped ? ' | skipped' : ''}`);
        },
        onEpoch(e) {
            const all = e.steps + e.skipped;
            const rate = e.ms > 0 ? ((1000 * all) / e.ms).toFixed(2) : '-';
            const skipped = e.skipped > 0 ? ` (${e.skipped} skipped)` : '';
            const line = `epoch ${e.epoch + 1}/${e.totalEpochs} | ${all} steps${skipped} | ${rate} steps/s | loss ${num(e.loss)} | L_recon ${num(e.lRecon)} | L_dist ${num(e.lDist)} | σ ${fixed(e.sigma, 4)} | lr ${e.lr}`;
            if (writer.isTTY === true)
                live(line, '\n');
            else
                writer.write(`${line}\n`);
        },
        finish() {
            if (writer.isTTY === true && shown > 0)
                live('', '\n');
        },
    };
}
//# sourceMappingURL=progress.js.map