/** Identity helper that keeps the schema's inferred option type in `create`. */
export function defineModel(spec) {
    return spec;
}
//# sourceMappingURL=model-spec.js.map