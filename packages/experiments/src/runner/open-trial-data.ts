import { createMaskProvider, openDataset, type DataConfig, type Dataset, type MaskProvider } from '@vad/data';

/** A trial's data: the dataset and the mask provider for its training clips (null: no masks). */
export interface TrialData {
  readonly dataset: Dataset;
  readonly masks: MaskProvider | null;
}

/** Opens the dataset and mask provider a trial's `data:` section describes. */
export async function openTrialData(config: DataConfig): Promise<TrialData> {
  const dataset = await openDataset(config);
  return { dataset, masks: await createMaskProvider(config.masks, dataset) };
}
