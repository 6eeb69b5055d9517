/** Backends a run may ask for; `auto` picks tensorflow if loadable, else wasm, else cpu. */
export declare const backendChoices: readonly ["auto", "tensorflow", "wasm", "cpu"];
export type BackendChoice = (typeof backendChoices)[number];
/** Which backend was selected, and how (recorded next to every result). */
export interface BackendInfo {
    /** tfjs backend name actually in use: 'tensorflow', 'wasm' or 'cpu'. */
    readonly name: 'tensorflow' | 'wasm' | 'cpu';
    /** What was asked for. */
    readonly requested: BackendChoice;
    /** Package that provides it, e.g. '@tensorflow/tfjs-node-gpu'. */
    readonly provider: string;
    /** Why it was chosen (e.g. which candidates failed to load). */
    readonly detail: string;
}
/** Reads the choice from (in order) an explicit value, the `VAD_BACKEND` environment variable, or `auto`. */
export declare function resolveBackendChoice(explicit?: string, env?: NodeJS.ProcessEnv): BackendChoice;
/**
 * Activates a tfjs backend. `tensorflow` loads `@tensorflow/tfjs-node-gpu`, else `@tensorflow/tfjs-node`
 * (optional dependencies, loaded dynamically); `auto` falls back to wasm, then cpu.
 *
 * @throws UserError when `tensorflow` is asked for explicitly and neither package loads.
 * @example
 * const info = await initBackend('auto'); // => { name: 'wasm', provider: '@tensorflow/tfjs-backend-wasm', … }
 */
export declare function initBackend(choice?: BackendChoice): Promise<BackendInfo>;
