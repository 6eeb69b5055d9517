export {};
//# sourceMappingURL=simulator.js.map