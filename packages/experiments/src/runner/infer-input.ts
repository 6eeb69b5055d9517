import { existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { UserError } from '@vad/core';
import { decodeImage, frameBytes, type ResizeOptions, decodeVideo, listFrameFolder, videoExtensions } from '@vad/data';

/** Decoded input of `vad infer`: frames [L, H, W, C] at one size (stored bytes, see `frameDtype`), and the frame rate. */
export interface InferInput {
  readonly name: string;
  readonly frames: number;
  readonly fps: number;
  readonly data: Uint8Array;
  /** Size of the source frames (0 when unknown). */
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

/**
 * Decodes a video file (any format ffmpeg reads) or a folder of numbered frames to
 * [L, height, width, channels] at `resize`'s size (uint8, or float32 bytes for the torchvision resize).
 *
 * @throws UserError when the path is missing, not a video/frames folder, or unreadable.
 */
export async function readInferInput(path: string, resize: ResizeOptions, fps = 25): Promise<InferInput> {
  if (!existsSync(path)) throw new UserError(`vad infer: INPUT must be a video file or a frames folder, but ${path} does not exist`);
  const name = basename(path, extname(path)) || 'input';
  if (statSync(path).isDirectory()) {
    const folder = await listFrameFolder(path);
    const size = frameBytes(resize);
    const data = new Uint8Array(folder.files.length * size);
    let source = { sourceWidth: 0, sourceHeight: 0 };
    for (const [i, file] of folder.files.entries()) {
      const image = await decodeImage(file, resize);
      data.set(image.data, i * size);
      source = { sourceWidth: image.sourceWidth, sourceHeight: image.sourceHeight };
    }
    return { name, frames: folder.files.length, fps, data, ...source };
  }
  if (!(videoExtensions as readonly string[]).includes(extname(path).toLowerCase())) {
    throw new UserError(`vad infer: INPUT must be a video (${videoExtensions.join(', ')}) or a frames folder, but got ${path}`);
  }
  const video = await decodeVideo(path, resize);
  return { name, frames: video.frames, fps: video.fps > 0 ? video.fps : fps, data: video.data, sourceWidth: video.sourceWidth, sourceHeight: video.sourceHeight };
}
