import { dataKeysFor } from '@vad/data';

/** Keys a typed mapping at dotted `path` keeps when its `type` changes; undefined: none (the mapping is replaced whole). */
export type TypeKeys = (path: string, type: string) => readonly string[] | undefined;

/**
 * The rule {@link mergeConfig} applies when a section's `type` changes: `data` keeps the keys every
 * dataset shares (frame size, channels, resize, masks, cache, integrity — not root, labels, scene or
 * synthetic); a plugin section (`model`, `simulator`, `schedule`, `data.masks`) is replaced whole,
 * because its options belong to the plugin it names (a UNet takes no C3DSU `frames: 3`).
 *
 * @example
 * sectionTypeKeys('data', 'ped2');       // => ['type', 'height', 'width', 'channels', 'resize', 'integrity', 'masks', 'cacheDir']
 * sectionTypeKeys('schedule', 'static'); // => undefined (replaced whole)
 */
export const sectionTypeKeys: TypeKeys = (path, type) => (path === 'data' ? dataKeysFor(type) : undefined);
