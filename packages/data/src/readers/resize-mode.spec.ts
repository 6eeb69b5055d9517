import { describe, expect, it } from 'vitest';
import { describeResize, frameDtype, isFloatResize, parseResize, resizeFrame, resizeKey, torchvisionResize } from './resize-mode';

describe('resize modes', () => {
  it('names each mode for the evaluation card and keys the frame cache on it', () => {
    expect(describeResize(torchvisionResize)).toBe('bilinear, no antialias (torchvision), float32');
    expect(describeResize(parseResize({ quantize: true }))).toBe('bilinear, no antialias (torchvision), rounded to 8 bits');
    expect(describeResize(parseResize('linear'))).toBe('bilinear, antialiased (sharp linear / ffmpeg), 8 bits');
    expect(describeResize(parseResize({ method: 'nearest' }))).toBe('nearest, 8 bits');
    const keys = [torchvisionResize, parseResize({ quantize: true }), parseResize('linear'), parseResize('cubic'), parseResize('nearest')].map(resizeKey);
    expect(new Set(keys).size).toBe(5);
  });

  it('stores float32 frames only for the unquantised torchvision mode', () => {
    expect([frameDtype(torchvisionResize), frameDtype(parseResize({ quantize: true })), frameDtype(parseResize('linear'))]).toEqual(['float32', 'uint8', 'uint8']);
    expect([isFloatResize(torchvisionResize), isFloatResize(parseResize('lanczos3'))]).toEqual([true, false]);
  });

  it('resizes uint8 sources as torchvision does: / 255 then bilinear, as float32 bytes or rounded to 8 bits', () => {
    const float = resizeFrame(Uint8Array.of(0, 255), 1, 2, 1, 1, 4, torchvisionResize);
    expect(Array.from(new Float32Array(float.buffer))).toEqual([0, 0.25, 0.75, 1]);
    expect(Array.from(resizeFrame(Uint8Array.of(0, 255), 1, 2, 1, 1, 4, parseResize({ quantize: true })))).toEqual([0, 64, 191, 255]);
  });
});
