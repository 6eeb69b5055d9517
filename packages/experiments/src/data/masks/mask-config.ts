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
/** Names accepted in `data.masks.type`. */
export const maskTypes = ['motion', 'tracks-json', 'random-box', 'full-frame', 'none'] as const;
