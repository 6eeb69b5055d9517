/**
 * Calls every given callback set in order.
 *
 * @example
 * train({ …, callbacks: combineCallbacks(progress, metricsWriter, checkpointWriter) });
 */
export function combineCallbacks(...sets) {
    return {
        onStep: async (record) => {
            for (const s of sets)
                await s.onStep?.(record);
        },
        onEpoch: async (summary) => {
            for (const s of sets)
                await s.onEpoch?.(summary);
        },
        onCheckpoint: async (checkpoint) => {
            for (const s of sets)
                await s.onCheckpoint?.(checkpoint);
        },
    };
}
//# sourceMappingURL=records.js.map