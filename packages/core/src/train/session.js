import * as tf from '@tensorflow/tfjs';
import { describeValue, UserError } from '../errors';
import { createRng, restoreRng } from '../rng';
import { createAdam, disposeAdam } from './adam';
import { loadCheckpointWeights, recordOf, tensorOf } from './checkpoint';
const inUnit = (x) => Number.isFinite(x) && x > 0 && x < 1;
function createLogit(schedule) {
    const t = schedule.trainable;
    if (t === undefined || !schedule.enabled)
        return null;
    if (!inUnit(t.initialSigma))
        throw new UserError(`train: schedule "${schedule.type}" initialSigma must be in (0, 1), but got ${describeValue(t.initialSigma)}`);
    if (t.bounds !== undefined && !(inUnit(t.bounds[0]) && inUnit(t.bounds[1]) && t.bounds[0] < t.bounds[1])) {
        throw new UserError(`train: schedule "${schedule.type}" bounds must be [lo, hi] with 0 < lo < hi < 1, but got ${describeValue(t.bounds)}`);
    }
    if (!(Number.isFinite(t.lrMultiplier) && t.lrMultiplier >= 0)) {
        throw new UserError(`train: schedule "${schedule.type}" lrMultiplier must be a finite number ≥ 0, but got ${describeValue(t.lrMultiplier)}`);
    }
    const variable = tf.tidy(() => tf.variable(tf.scalar(Math.log(t.initialSigma / (1 - t.initialSigma)))));
    return { variable, lrMultiplier: t.lrMultiplier, ...(t.bounds !== undefined ? { bounds: t.bounds } : {}) };
}
/** A fresh session: streams forked from `seed` ('simulator', 'schedule', 'shuffle'), ℓ at its initial σ. */
export function createSession(parts) {
    const root = createRng(parts.seed);
    const { options } = parts;
    return {
        ...parts,
        source: parts.source,
        loss: { mode: options.lossMode, lambda: options.lambda, epsilon: options.epsilon, maxErrorMargin: options.maxErrorMargin },
        logit: createLogit(parts.schedule),
        optimizers: { model: createAdam(options.adam), logit: createAdam(options.adam) },
        rngs: { simulator: root.fork('simulator'), schedule: root.fork('schedule') },
        shuffleSeed: root.fork('shuffle').nextSeed(),
        scheduleState: parts.schedule.initialState(),
        history: [],
        previousSigma: null,
        step: 0,
    };
}
/** σ of the next step: from ℓ when learned, from the schedule (explicit context and state) otherwise. */
export function decideSigma(session, epoch, step) {
    const { schedule, options } = session;
    if (!schedule.enabled)
        return { input: null, sigma: null, logit: null };
    if (session.logit !== null) {
        const logit = session.logit.variable.dataSync()[0] ?? NaN;
        return { input: { kind: 'learned', logit: session.logit }, sigma: 1 / (1 + Math.exp(-logit)), logit };
    }
    const random = session.rngs.schedule;
    const context = {
        step,
        epoch,
        stepsPerEpoch: session.stepsPerEpoch,
        totalEpochs: options.epochs,
        totalSteps: options.epochs * session.stepsPerEpoch,
        previousSigma: session.previousSigma,
        history: [...session.history],
        random: () => random.next(),
    };
    const decision = schedule.next(context, session.scheduleState);
    if (!(Number.isFinite(decision.sigma) && decision.sigma >= 0 && decision.sigma <= 1)) {
        throw new UserError(`train: schedule "${schedule.type}" must give σ in [0, 1], but got ${describeValue(decision.sigma)} at step ${step}`);
    }
    session.scheduleState = decision.state;
    return { input: { kind: 'fixed', sigma: decision.sigma }, sigma: decision.sigma, logit: null };
}
/** Records a step for the schedules' history window (only steps with pseudo terms are observations). */
export function observe(session, step, sigma, values) {
    if (sigma !== null)
        session.previousSigma = sigma;
    if (sigma === null || values.lDist === null || values.p === null || values.n === null)
        return;
    session.history.push({ step, sigma, lDist: values.lDist, p: values.p, n: values.n, lRecon: values.lRecon });
    if (session.history.length > session.options.historyWindow)
        session.history.shift();
}
const slotRecords = (adam) => [...adam.slots].map(([name, s]) => ({ name, step: s.step, shape: [...s.m.shape], m: recordOf(name, s.m).values, v: recordOf(name, s.v).values }));
/** A snapshot of the session (host copies; training may continue). */
export function captureCheckpoint(session, config) {
    const { model } = session;
    return {
        version: 1,
        model: { type: model.type, geometry: model.geometry },
        step: session.step,
        epoch: Math.floor(session.step / session.stepsPerEpoch),
        stepsPerEpoch: session.stepsPerEpoch,
        weights: model.variables().map((v) => recordOf(v.name, v.variable)),
        logit: session.logit === null ? null : (session.logit.variable.dataSync()[0] ?? null),
        sigma: session.previousSigma,
        optimizer: { model: slotRecords(session.optimizers.model), logit: slotRecords(session.optimizers.logit) },
        rng: { simulator: session.rngs.simulator.state(), schedule: session.rngs.schedule.state(), shuffleSeed: session.shuffleSeed },
        schedule: { type: session.schedule.type, state: session.scheduleState, history: [...session.history] },
        config,
    };
}
function restoreAdam(adam, records) {
    disposeAdam(adam);
    for (const r of records) {
        const m = tensorOf({ shape: r.shape, values: r.m });
        const v = tensorOf({ shape: r.shape, values: r.v });
        adam.slots.set(r.name, { m: tf.variable(m, false), v: tf.variable(v, false), step: r.step });
        tf.dispose([m, v]);
    }
}
/** Continues from `checkpoint`: weights (shape-checked), ℓ, Adam, streams, schedule state, step. */
export function restoreSession(session, checkpoint) {
    const { schedule } = session;
    if (checkpoint.schedule.type !== schedule.type) {
        throw new UserError(`loadCheckpoint: schedule must be "${checkpoint.schedule.type}" as in the checkpoint, but got "${schedule.type}"`);
    }
    if (checkpoint.stepsPerEpoch !== session.stepsPerEpoch) {
        throw new UserError(`loadCheckpoint: data stepsPerEpoch must be ${checkpoint.stepsPerEpoch} as in the checkpoint, but got ${session.stepsPerEpoch}`);
    }
    if ((checkpoint.logit === null) !== (session.logit === null)) {
        throw new UserError(`loadCheckpoint: learned ℓ must be ${session.logit === null ? 'absent' : 'present'} in the checkpoint, but got ${checkpoint.logit}`);
    }
    loadCheckpointWeights(session.model, checkpoint);
    const { logit } = session;
    if (logit !== null && checkpoint.logit !== null)
        tf.tidy(() => logit.variable.assign(tf.scalar(checkpoint.logit)));
    restoreAdam(session.optimizers.model, checkpoint.optimizer.model);
    restoreAdam(session.optimizers.logit, checkpoint.optimizer.logit);
    session.rngs = { simulator: restoreRng(checkpoint.rng.simulator), schedule: restoreRng(checkpoint.rng.schedule) };
    session.shuffleSeed = checkpoint.rng.shuffleSeed;
    session.scheduleState = checkpoint.schedule.state;
    session.history = [...checkpoint.schedule.history];
    session.previousSigma = checkpoint.sigma;
    session.step = checkpoint.step;
}
/** Frees what the session owns (ℓ and the optimiser state; the model stays the caller's). */
export function disposeSession(session) {
    session.logit?.variable.dispose();
    disposeAdam(session.optimizers.model);
    disposeAdam(session.optimizers.logit);
}
//# sourceMappingURL=session.js.map