export {};
//# sourceMappingURL=data.js.map