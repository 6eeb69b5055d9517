import { UserError } from '@vad/core';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import type { ResizeOptions } from './decode-image';

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

/**
 * Decodes a video file with ffmpeg into uint8 frames [L, height, width, channels] (rawvideo through a
 * pipe), resized exactly to the requested size; also reports the source size and frame rate.
 *
 * @throws UserError naming the file when ffmpeg fails or the output is not whole frames.
 */
export async function decodeVideo(path: string, options: ResizeOptions): Promise<{ data: Uint8Array; frames: number; sourceWidth: number; sourceHeight: number; fps: number }> {
  const args = ['-hide_banner', '-nostdin', '-i', path, '-an', '-vf', `scale=${options.width}:${options.height}:flags=${scaleFlags[options.kernel]}`];
  args.push('-pix_fmt', options.channels === 1 ? 'gray' : 'rgb24', '-f', 'rawvideo', 'pipe:1');
  const child = spawn(findFfmpeg(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let log = '';
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new UserError(`${path}: ffmpeg must decode the video, but it exited with ${code}: ${log.trim().split('\n').slice(-2).join(' ')}`);
  const data = new Uint8Array(Buffer.concat(chunks));
  const frameSize = options.height * options.width * options.channels;
  if (data.length === 0 || data.length % frameSize !== 0) throw new UserError(`${path}: decoded bytes must be whole frames of ${frameSize}, but got ${data.length}`);
  const stream = /Stream #\d+:\d+.*Video: .*?, (\d+)x(\d+)/.exec(log);
  const fps = /, ([\d.]+) fps/.exec(log);
  return { data, frames: data.length / frameSize, sourceWidth: Number(stream?.[1] ?? 0), sourceHeight: Number(stream?.[2] ?? 0), fps: Number(fps?.[1] ?? 25) };
}
