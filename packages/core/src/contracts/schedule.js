/**
 * The σ-schedule contract, as the trainer sees it. The schedules package implements it structurally
 * (it is pure and does not import core); these types are the single source of truth for the trainer.
 */
export {};
//# sourceMappingURL=schedule.js.map