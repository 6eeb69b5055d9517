import type { HostBatch } from '../contracts/data';
import type { ModelGeometry } from '../contracts/model';
import type { Rng } from '../rng';
/**
 * A synthetic host batch for timing: uniform pixels and, in every clip and frame, one object box
 * of a quarter of the frame's width and height at a random position (so L_dist is active).
 *
 * @example
 * syntheticBatch({ frames: 3, height: 64, width: 64, channels: 3 }, 8, rng).masks; // 16×16 boxes
 */
export declare function syntheticBatch(geometry: ModelGeometry, batch: number, rng: Rng): HostBatch;
