// Datasets and their contract (the frames every reader returns).
export { dataConfigSchema, dataKeysFor, datasetTypes, type DataConfig, type DatasetType } from './config';
export type { Dataset, SceneObject, TestVideo, Video } from './types';
export { createVideo, memoryStore, asTestVideo, type FrameStore, type VideoInfo } from './video';
export { openDataset, type OpenDatasetOptions } from './open-dataset';
export { summariseDataset } from './dataset-summary';
export { writeContactSheet } from './contact-sheet';

// Clips: training stream, test windows, the frame source of the simulators.
export { createTrainStream, createFrameSource, type TrainStreamOptions } from './train-stream';
export { testClips, type TestClipBatch, type TestClipsOptions } from './test-clips';
export * from './clip-window';

// Readers and decoders (frames on disk, videos, .mat/.npy ground truth).
export { decodeImage, frameBytes, type ResizeOptions } from './readers/decode-image';
export { decodeVideo, findFfmpeg } from './readers/decode-video';
export { describeResize, frameDtype, parseResize, resizeSchema, torchvisionResize, type ResizeMode } from './readers/resize-mode';
export { listFrameFolder, openFrameFolder, videoExtensions } from './readers/video-sources';
export { readNpy } from './readers/npy';

// The synthetic benchmark (and the drawing helpers its oracle-paste control reuses).
export { createSyntheticDataset, type FrameShape } from './synthetic/synthetic-dataset';
export { syntheticOptionsSchema, anomalyKinds, type AnomalyKind, type SyntheticOptions } from './synthetic/synthetic-options';
export { lerp, type Actor } from './synthetic/actors';
export { appearanceV2, difficultyRanges, paint } from './synthetic/events-v2';
export { figureOf, paintFigure } from './synthetic/render-video';

// Object masks.
export { createMaskProvider, type MaskContext } from './masks/create-mask-provider';
export { maskConfigSchema, maskTypes, type MaskConfig } from './masks/mask-config';
export type { MaskProvider } from './masks/mask-provider';
export { motionMask, motionBoxes, videoBackground, motionMaskOptions, type MotionMaskOptions } from './masks/motion';
export { indexTracks, loadTracks, tracksJsonMask, tracksJsonMaskOptions, type TrackIndex } from './masks/tracks-json';
export { randomBoxMask, randomBoxMaskOptions } from './masks/random-box';
export { fullFrameMask } from './masks/full-frame';

// Writers and downloads.
export { gtMat } from './writers/mat-writer';
export { npyUint8 } from './writers/npy-writer';
export { writeFramesDataset } from './writers/write-frames-dataset';
export { installDataset } from './download/install-dataset';
export { createProgressSink } from './download/progress';
export { datasetSource, defaultSourcesFile, loadSources } from './download/sources';

// Pixel operations on host arrays (resize, morphology, boxes) and file helpers.
export * from './pixels/index';
export { writeFileAtomic, writeJsonAtomic } from './io/atomic-write';
export { splitCsvLine } from './io/split-csv-line';
