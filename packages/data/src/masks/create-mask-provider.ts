import { join } from 'node:path';
import { UserError } from '@vad/core';
import { fullFrameMask } from './full-frame';
import type { MaskConfig } from './mask-config';
import type { Video } from '../types';
import type { MaskProvider } from './mask-provider';
import { motionMask } from './motion';
import { randomBoxMask } from './random-box';
import { loadTracks, tracksJsonMask } from './tracks-json';

/** Where the mask provider may look for files: the training split folder and the cache folder of a dataset on disk. */
export interface MaskContext {
  readonly trainDir?: string;
  /** Training videos: `tracks-json` must have boxes for at least one of them. */
  readonly train?: readonly Pick<Video, 'sourceName'>[];
  readonly cacheDir?: string; // `motion` stores per-video boxes here
}

/**
 * Builds the mask provider named by `config.type` (`none` → null: batches carry no masks).
 *
 * @example
 * await createMaskProvider({type: 'full-frame'}); // => a provider whose masks are all ones
 */
export async function createMaskProvider(config: MaskConfig, context: MaskContext = {}): Promise<MaskProvider | null> {
  switch (config.type) {
    case 'none':
      return null;
    case 'full-frame':
      return fullFrameMask();
    case 'random-box':
      return randomBoxMask(config);
    case 'motion':
      return motionMask(config, context.cacheDir);
    case 'tracks-json': {
      const file = config.file ?? (context.trainDir ? join(context.trainDir, 'tracked_bounding_boxes.json') : undefined);
      if (file === undefined) {
        throw new UserError('data.masks.file must name a tracked_bounding_boxes.json for a dataset without a training folder, but got nothing');
      }
      const index = await loadTracks(file);
      const names = context.train?.map((video) => video.sourceName) ?? [];
      if (names.length > 0 && !names.some((name) => index.has(name))) {
        const listed = (items: readonly string[]): string => `${items.slice(0, 4).join(', ')}${items.length > 4 ? ', …' : ''}`;
        throw new UserError(`${file}: data.masks boxes must be keyed by the training video folders (${listed(names)}), but the file has ${index.size === 0 ? 'no boxes' : `folders ${listed([...index.keys()])}`}`);
      }
      return tracksJsonMask(index, config);
    }
  }
}
