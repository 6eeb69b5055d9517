import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '@vad/core';
import { z } from 'zod';

/** The URL table shipped with the package (`dataset-sources.json` at the package root). */
export const defaultSourcesFile = fileURLToPath(new URL('../../dataset-sources.json', import.meta.url));

const extractRule = z.strictObject({
  from: z.string(), // folder inside the archive ("" = the whole archive), with a trailing slash
  to: z.string(), // folder under the dataset root ("" = the root itself)
});

const archiveSchema = z.strictObject({
  file: z.string().regex(/^[\w.-]+\.(tar\.gz|tgz|zip)$/, 'must be a file name ending in .tar.gz, .tgz or .zip'),
  url: z.string().url().nullable(), // null: no direct official URL (a manual step, or a mirror only)
  mirrors: z.record(z.string(), z.string().url()).default({}),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  bytes: z.number().int().positive().optional(), // exact size when published (checked before extraction)
  approxSize: z.string().optional(),
  extract: z.array(extractRule).min(1),
});

const datasetSchema = z.strictObject({
  title: z.string(),
  homepage: z.string().url(),
  licence: z.string(),
  citation: z.string(),
  provenance: z.string(),
  manual: z.array(z.string()).optional(), // steps shown when an archive has no direct URL
  archives: z.array(archiveSchema).min(1),
  layout: z.array(z.string()).min(1), // paths that must exist in the root after extraction
});

const sourcesSchema = z.strictObject({ $comment: z.string().optional(), datasets: z.record(z.string(), datasetSchema) });

export type ArchiveSource = z.output<typeof archiveSchema>;
export type DatasetSource = z.output<typeof datasetSchema>;
export type DatasetSources = z.output<typeof sourcesSchema>;

/**
 * Reads and validates a dataset URL table (default: the shipped `dataset-sources.json`).
 *
 * @throws UserError naming the file and every invalid field.
 * @example
 * loadSources().datasets['ped2']?.archives[0]?.file; // => 'UCSD_Anomaly_Dataset.tar.gz'
 */
export function loadSources(file: string = defaultSourcesFile): DatasetSources {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file}: the dataset URL table must be a readable JSON file, but got ${(error as Error).message}`);
  }
  const parsed = sourcesSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(parsed.error.issues.map((i) => `${file}: ${i.path.join('.')} ${i.message}`).join('\n'));
  return parsed.data;
}

/**
 * The entry of `dataset` in `sources`.
 *
 * @throws UserError listing the known datasets.
 */
export function datasetSource(sources: DatasetSources, dataset: string, where: string): DatasetSource {
  const entry = sources.datasets[dataset];
  if (entry === undefined) throw new UserError(`${where}: dataset must be one of ${Object.keys(sources.datasets).join(', ')}, but got ${JSON.stringify(dataset)}`);
  return entry;
}
