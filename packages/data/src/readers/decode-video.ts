import { UserError } from '@vad/core';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { frameBytes, type ResizeOptions } from './decode-image';
import { isFloatResize, resizeFrame, sharpKernels } from './resize-mode';

const scaleFlags = { linear: 'bilinear', cubic: 'bicubic', lanczos3: 'lanczos', nearest: 'neighbor' } as const;

function executable(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && (stat.mode & 0o111) !== 0;
}

/**
 * Finds an ffmpeg binary: `$VAD_FFMPEG`, the one shipped by `@ffmpeg-installer/ffmpeg`, else `ffmpeg`
 * on PATH.
 *
 * @throws UserError explaining how to get one when none is executable.
 */
export function findFfmpeg(): string {
  const candidates: string[] = [];
  if (process.env.VAD_FFMPEG) candidates.push(process.env.VAD_FFMPEG);
  try {
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    candidates.push(installer.path);
  } catch (error) {
    candidates.push(`(@ffmpeg-installer/ffmpeg unavailable: ${(error as Error).message.split('\n')[0]})`);
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) candidates.push(join(dir, 'ffmpeg'));
  const found = candidates.find((c) => !c.startsWith('(') && executable(c));
  if (found === undefined) {
    throw new UserError(
      `decodeVideo: an ffmpeg binary must be available (npm ci installs @ffmpeg-installer/ffmpeg; or put ffmpeg on PATH, or set VAD_FFMPEG), but none of these is executable: ${candidates.slice(0, 3).join(', ')}`,
    );
  }
  return found;
}

/** Splits a byte stream into frames of `size` bytes, handing each complete frame to `onFrame`. */
function frameSplitter(size: number, onFrame: (frame: Uint8Array) => void): { push(chunk: Buffer): void; rest(): number } {
  let pending = new Uint8Array(size);
  let filled = 0;
  return {
    push: (chunk) => {
      for (let at = 0; at < chunk.length; ) {
        const take = Math.min(size - filled, chunk.length - at);
        pending.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === size) {
          onFrame(pending);
          pending = new Uint8Array(size);
          filled = 0;
        }
      }
    },
    rest: () => filled,
  };
}

/**
 * Decodes a video file with ffmpeg into frames [L, height, width, channels] (rawvideo through a pipe)
 * at the requested size; also reports the source size and frame rate. The float path
 * (`{ method: bilinear, antialias: false }`) has ffmpeg deliver source-size RGB and resizes each frame
 * like torchvision as it arrives; the other modes let ffmpeg's scaler resize (8 bits).
 *
 * @throws UserError naming the file when ffmpeg fails or the output is not whole frames.
 */
export async function decodeVideo(path: string, options: ResizeOptions): Promise<{ data: Uint8Array; frames: number; sourceWidth: number; sourceHeight: number; fps: number }> {
  const float = isFloatResize(options.resize);
  const source = float ? await probeSize(path) : null;
  const args = ['-hide_banner', '-nostdin', '-i', path, '-an'];
  if (!float) args.push('-vf', `scale=${options.width}:${options.height}:flags=${scaleFlags[sharpKernels[options.resize.method]]}`);
  args.push('-pix_fmt', options.channels === 1 ? 'gray' : 'rgb24', '-f', 'rawvideo', 'pipe:1');
  const child = spawn(findFfmpeg(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const frames: Uint8Array[] = [];
  const inSize = source === null ? options.height * options.width * options.channels : source.height * source.width * options.channels;
  const splitter = frameSplitter(inSize, (frame) => {
    frames.push(source === null ? frame : resizeFrame(frame, source.height, source.width, options.channels, options.height, options.width, options.resize));
  });
  let log = '';
  child.stdout.on('data', (c: Buffer) => splitter.push(c));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new UserError(`${path}: ffmpeg must decode the video, but it exited with ${code}: ${log.trim().split('\n').slice(-2).join(' ')}`);
  if (frames.length === 0 || splitter.rest() !== 0) throw new UserError(`${path}: decoded bytes must be whole frames of ${inSize}, but got ${frames.length} frames and ${splitter.rest()} bytes`);
  const frameSize = frameBytes(options);
  const data = new Uint8Array(frames.length * frameSize);
  frames.forEach((f, i) => data.set(f, i * frameSize));
  const stream = /Stream #\d+:\d+.*Video: .*?, (\d+)x(\d+)/.exec(log);
  const fps = /, ([\d.]+) fps/.exec(log);
  return { data, frames: frames.length, sourceWidth: Number(stream?.[1] ?? 0), sourceHeight: Number(stream?.[2] ?? 0), fps: Number(fps?.[1] ?? 25) };
}

/** Frame size of a video's first stream, from ffmpeg's banner (ffmpeg -i without output exits 1). */
async function probeSize(path: string): Promise<{ width: number; height: number }> {
  const child = spawn(findFfmpeg(), ['-hide_banner', '-nostdin', '-i', path], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  const m = /Stream #\d+:\d+.*Video: .*?, (\d+)x(\d+)/.exec(log);
  if (m === null) throw new UserError(`${path}: must be a video ffmpeg can read, but ffmpeg reported no video stream: ${log.trim().split('\n').slice(-1).join(' ')}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}
