import { z } from 'zod';
import { fullFrameMaskOptions } from './full-frame';
import { motionMaskOptions } from './motion';
import { randomBoxMaskOptions } from './random-box';
import { tracksJsonMaskOptions } from './tracks-json';

/** `none`: batches carry no mask (plain reconstruction training). */
export const noMaskOptions = z.strictObject({ type: z.literal('none') });

/** The `data.masks` section: where pseudo anomalies may go. */
export const maskConfigSchema = z.discriminatedUnion('type', [
  motionMaskOptions,
  tracksJsonMaskOptions,
  randomBoxMaskOptions,
  fullFrameMaskOptions,
  noMaskOptions,
]);
export type MaskConfig = z.infer<typeof maskConfigSchema>;
/** The options schema of each `data.masks.type`. */
export const maskOptionSchemas: Readonly<Record<string, z.ZodType>> = {
  motion: motionMaskOptions,
  'tracks-json': tracksJsonMaskOptions,
  'random-box': randomBoxMaskOptions,
  'full-frame': fullFrameMaskOptions,
  none: noMaskOptions,
};
/** Names accepted in `data.masks.type`. */
export const maskTypes = ['motion', 'tracks-json', 'random-box', 'full-frame', 'none'] as const;
