/**
 * Bilinear resize in float32 exactly as PyTorch's CPU `upsample_bilinear2d` (align_corners = false,
 * no antialiasing) computes it — what `torchvision.transforms.Resize` does to the float frames of the
 * official DDL loader. PyTorch has two kernels that round differently in the last bit (≤ 6e-8):
 * - `planar` (contiguous NCHW with C > 1): separable, float32 with FMA — what the official loader's
 *   stacked [C, T, H, W] clips get for T > 1 (C3DSU);
 * - `interleaved` (channels-last memory or C = 1): the four weighted taps summed in double — what a
 *   single `read_image` frame (channels-last strides) and the official loader's T = 1 clips get.
 * Checked bit for bit against torch 1.13 / torchvision 0.14 on x86-64 with AVX2/FMA
 * (tools/parity/export_golden.py writes the golden frames the tests compare with).
 */

/** Which of PyTorch's two bilinear kernels to reproduce (see the module comment). */
export type BilinearKernel = 'planar' | 'interleaved';

const f32 = new Float32Array(1);
const bits = new Int32Array(f32.buffer);

/** The float32 next to `x` (a float32 value) in the direction of `toward`. */
function nextFloat32(x: number, toward: number): number {
  if (x === 0) return toward > 0 ? 1.401298464324817e-45 : -1.401298464324817e-45;
  f32[0] = x;
  bits[0] = (bits[0] as number) + ((toward > x) === (x > 0) ? 1 : -1);
  return f32[0] as number;
}

/**
 * fl32(a·b + c) with a single rounding, as an FMA instruction computes it (a, b, c float32 values):
 * a·b is exact in a double; the one case where rounding the double sum to float32 differs from the
 * exact result (a tie in float32 with a non-zero remainder) is resolved with the remainder's sign.
 *
 * @example
 * fmaf32(0.5, 0.5, 0.25); // => 0.5
 * fmaf32(1 + 2 ** -15, 2 ** -24 * (1 - 2 ** -15), 1 + 2 ** -23); // => 1 + 2 ** -23 (Math.fround of the double sum gives 1 + 2 ** -22)
 */
export function fmaf32(a: number, b: number, c: number): number {
  const product = a * b;
  const sum = product + c;
  const rounded = Math.fround(sum);
  if (rounded === sum) return rounded;
  const bv = sum - product;
  const remainder = product - (sum - bv) + (c - bv); // exact error of the double addition (TwoSum)
  if (remainder === 0) return rounded;
  const other = nextFloat32(rounded, sum);
  if ((rounded + other) / 2 !== sum) return rounded; // not a tie: the double sum rounds like the exact one
  return (remainder > 0) === (other > rounded) ? other : rounded;
}

/** One axis of the interpolation: source indices and float32 weights of every output position. */
interface AxisWeights {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly w0: Float32Array;
  readonly w1: Float32Array;
}

/**
 * PyTorch's `compute_source_index_and_lambda`: scale = fl32(in / out); source = scale·(o + ½) − ½ in
 * double (acc_type of float on CPU), clamped at 0; λ1 = fl32(source − ⌊source⌋), λ0 = fl32(1 − λ1).
 */
function axisWeights(inSize: number, outSize: number): AxisWeights {
  const axis = { i0: new Int32Array(outSize), i1: new Int32Array(outSize), w0: new Float32Array(outSize), w1: new Float32Array(outSize) };
  const scale = Math.fround(inSize / outSize);
  for (let o = 0; o < outSize; o++) {
    if (inSize === outSize) {
      axis.i0[o] = o;
      axis.i1[o] = o;
      axis.w0[o] = 1;
      continue;
    }
    const source = Math.max(0, scale * (o + 0.5) - 0.5);
    const index = Math.trunc(source);
    axis.i0[o] = index;
    axis.i1[o] = index < inSize - 1 ? index + 1 : index;
    const lambda1 = Math.fround(Math.min(Math.max(source - index, 0), 1));
    axis.w1[o] = lambda1;
    axis.w0[o] = Math.fround(1 - lambda1);
  }
  return axis;
}

/**
 * Resizes a row-major [height, width, channels] float32 image to [outHeight, outWidth, channels]
 * with half-pixel centres and no antialiasing, in the order and rounding of PyTorch's `kernel`:
 * planar out = fma(t0, λ0ʰ, t1·λ1ʰ) with t_k = fma(x[h_k, w0], λ0ʷ, x[h_k, w1]·λ1ʷ) in float32;
 * interleaved out = fl32(Σ x_ij · fl32(λiʰ·λjʷ)) summed in double.
 *
 * @throws Error when `src` does not hold height × width × channels values.
 * @example
 * // one row [0, 1] → 4 columns: source x = 0.5·(o + ½) − ½ → [0, 0.25, 0.75, 1]
 * resizeBilinear(Float32Array.of(0, 1), 1, 2, 1, 1, 4); // => Float32Array [0, 0.25, 0.75, 1]
 */
export function resizeBilinear(src: Float32Array, height: number, width: number, channels: number, outHeight: number, outWidth: number, kernel: BilinearKernel = 'planar'): Float32Array {
  if (src.length !== height * width * channels) {
    throw new Error(`resizeBilinear(src) must have ${height * width * channels} entries, but got ${src.length}`);
  }
  const rows = axisWeights(height, outHeight);
  const cols = axisWeights(width, outWidth);
  const out = new Float32Array(outHeight * outWidth * channels);
  for (let y = 0; y < outHeight; y++) {
    const top = (rows.i0[y] as number) * width * channels;
    const bottom = (rows.i1[y] as number) * width * channels;
    const h0 = rows.w0[y] as number;
    const h1 = rows.w1[y] as number;
    for (let x = 0; x < outWidth; x++) {
      const left = (cols.i0[x] as number) * channels;
      const right = (cols.i1[x] as number) * channels;
      const v0 = cols.w0[x] as number;
      const v1 = cols.w1[x] as number;
      const at = (y * outWidth + x) * channels;
      if (kernel === 'interleaved') {
        const [w00, w01, w10, w11] = [Math.fround(h0 * v0), Math.fround(h0 * v1), Math.fround(h1 * v0), Math.fround(h1 * v1)];
        for (let c = 0; c < channels; c++) {
          const sum = (src[top + left + c] as number) * w00 + (src[top + right + c] as number) * w01 + (src[bottom + left + c] as number) * w10 + (src[bottom + right + c] as number) * w11;
          out[at + c] = sum; // the Float32Array store rounds the double sum once
        }
        continue;
      }
      for (let c = 0; c < channels; c++) {
        const t0 = fmaf32(src[top + left + c] as number, v0, Math.fround((src[top + right + c] as number) * v1));
        const t1 = fmaf32(src[bottom + left + c] as number, v0, Math.fround((src[bottom + right + c] as number) * v1));
        out[at + c] = fmaf32(t0, h0, Math.fround(t1 * h1));
      }
    }
  }
  return out;
}

/**
 * uint8 → float32 in [0, 1] as PyTorch's `uint8_tensor / 255` (a correctly rounded float32 quotient;
 * multiplying by fl(1/255) differs in the last bit for some values).
 *
 * @example
 * bytesToUnit(Uint8Array.of(0, 51, 255)); // => Float32Array [0, 0.2, 1]
 */
export function bytesToUnit(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let k = 0; k < bytes.length; k++) out[k] = (bytes[k] as number) / 255;
  return out;
}
