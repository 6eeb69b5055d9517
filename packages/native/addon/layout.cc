// Data movement: transpose (any permutation, rank ≤ 6), concat along an axis, and copying slices,
// all on float32 data (bytes of 4).
#include <cstring>

#include "context.h"

namespace vad {
namespace {

constexpr int64_t kParallelMin = 1 << 17;

// transpose(x, shape, perm, y): y[i0..] = x[permuted], iterating y contiguously by rows of its last axis.
Napi::Value Transpose(const Napi::CallbackInfo& info) {
  return guarded(info, "transpose", [&] {
    const float* x = f32(info, 0);
    auto shape = ints(info, 1), perm = ints(info, 2);
    float* y = f32(info, 3);
    const int rank = static_cast<int>(shape.size());
    std::vector<int64_t> inStride(rank, 1), outShape(rank), strideOfOut(rank);
    for (int d = rank - 2; d >= 0; d--) inStride[d] = inStride[d + 1] * shape[d + 1];
    for (int d = 0; d < rank; d++) {
      outShape[d] = shape[perm[d]];
      strideOfOut[d] = inStride[perm[d]];
    }
    const int64_t size = product(shape);
    if (size == 0) return;
    const int64_t inner = rank == 0 ? 1 : outShape[rank - 1];
    const int64_t innerStride = rank == 0 ? 1 : strideOfOut[rank - 1];
    const int64_t rows = size / inner;
#pragma omp parallel for schedule(static) if (size > kParallelMin)
    for (int64_t r = 0; r < rows; r++) {
      int64_t rem = r, off = 0;
      for (int d = rank - 2; d >= 0; d--) {
        off += (rem % outShape[d]) * strideOfOut[d];
        rem /= outShape[d];
      }
      float* out = y + r * inner;
      const float* in = x + off;
      if (innerStride == 1) {
        std::memcpy(out, in, inner * sizeof(float));
      } else {
        for (int64_t k = 0; k < inner; k++) out[k] = in[k * innerStride];
      }
    }
  });
}

// concat([x0, …], [width0, …], outer, y): each xi is [outer, widthi]; y is [outer, Σ widthi].
Napi::Value Concat(const Napi::CallbackInfo& info) {
  return guarded(info, "concat", [&] {
    Napi::Array list = info[0].As<Napi::Array>();
    auto widths = ints(info, 1);
    const int64_t outer = integer(info, 2);
    float* y = f32(info, 3);
    std::vector<const float*> xs;
    int64_t total = 0;
    for (uint32_t i = 0; i < list.Length(); i++) {
      xs.push_back(list.Get(i).As<Napi::Float32Array>().Data());
      total += widths[i];
    }
#pragma omp parallel for schedule(static) if (outer * total > kParallelMin)
    for (int64_t o = 0; o < outer; o++) {
      float* out = y + o * total;
      for (size_t i = 0; i < xs.size(); i++) {
        std::memcpy(out, xs[i] + o * widths[i], widths[i] * sizeof(float));
        out += widths[i];
      }
    }
  });
}

// slice(x, shape, begin, size, y, paste): y = the box [begin, begin + size) of x; with paste = true
// the other way round, the box of x (shape `shape`) is overwritten by y (a dense `size` block).
Napi::Value Slice(const Napi::CallbackInfo& info) {
  return guarded(info, "slice", [&] {
    float* x = f32(info, 0);
    auto shape = ints(info, 1), begin = ints(info, 2), size = ints(info, 3);
    float* y = f32(info, 4);
    const bool paste = info.Length() > 5 && info[5].As<Napi::Boolean>().Value();
    const int rank = static_cast<int>(shape.size());
    std::vector<int64_t> stride(rank, 1);
    for (int d = rank - 2; d >= 0; d--) stride[d] = stride[d + 1] * shape[d + 1];
    const int64_t total = product(size);
    if (total == 0) return;
    const int64_t inner = rank == 0 ? 1 : size[rank - 1];
    const int64_t rows = total / inner;
#pragma omp parallel for schedule(static) if (total > kParallelMin)
    for (int64_t r = 0; r < rows; r++) {
      int64_t rem = r, off = rank == 0 ? 0 : begin[rank - 1];
      for (int d = rank - 2; d >= 0; d--) {
        off += (begin[d] + rem % size[d]) * stride[d];
        rem /= size[d];
      }
      if (paste) {
        std::memcpy(x + off, y + r * inner, inner * sizeof(float));
      } else {
        std::memcpy(y + r * inner, x + off, inner * sizeof(float));
      }
    }
  });
}

}  // namespace

void initLayout(Napi::Env env, Napi::Object exports) {
  exports.Set("transpose", Napi::Function::New(env, Transpose));
  exports.Set("concat", Napi::Function::New(env, Concat));
  exports.Set("slice", Napi::Function::New(env, Slice));
}

}  // namespace vad
