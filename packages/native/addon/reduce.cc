// Reductions of x viewed as [outer, K, inner] over K (any contiguous run of axes): sum and mean in
// double, max and min. Parallel over outer rows, or over K with per-thread partial rows combined in
// thread order when there are few outer rows (channel sums of NHWC data: outer = 1).
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "context.h"

namespace vad {
namespace {

enum ReduceOp { kSum = 0, kMax, kMin, kMean };

double initial(int op) {
  if (op == kMax) return -std::numeric_limits<double>::infinity();
  if (op == kMin) return std::numeric_limits<double>::infinity();
  return 0.0;
}

inline double combine(int op, double acc, double v) {
  if (op == kMax) return std::isnan(v) || v > acc ? v : acc;
  if (op == kMin) return std::isnan(v) || v < acc ? v : acc;
  return acc + v;
}

/** acc[j] ⊕= x[k·inner + j] for k in [k0, k1). */
void accumulate(int op, const float* x, int64_t k0, int64_t k1, int64_t inner, double* acc) {
  for (int64_t k = k0; k < k1; k++) {
    const float* row = x + k * inner;
    if (op == kSum || op == kMean) {
      for (int64_t j = 0; j < inner; j++) acc[j] += row[j];
    } else {
      for (int64_t j = 0; j < inner; j++) acc[j] = combine(op, acc[j], row[j]);
    }
  }
}

// reduce(op, x, outer, K, inner, y)
Napi::Value Reduce(const Napi::CallbackInfo& info) {
  return guarded(info, "reduce", [&] {
    const int op = static_cast<int>(integer(info, 0));
    const float* x = f32(info, 1);
    const int64_t outer = integer(info, 2), k = integer(info, 3), inner = integer(info, 4);
    float* y = f32(info, 5);
    const double scale = op == kMean ? 1.0 / std::max<int64_t>(k, 1) : 1.0;
    const int64_t work = outer * k * inner;
    const int maxThreads = work > (1 << 17) ? omp_get_max_threads() : 1;
    if (outer >= maxThreads || k < 2) {
#pragma omp parallel for schedule(static) num_threads(maxThreads)
      for (int64_t o = 0; o < outer; o++) {
        std::vector<double> acc(inner, initial(op));
        accumulate(op, x + o * k * inner, 0, k, inner, acc.data());
        for (int64_t j = 0; j < inner; j++) y[o * inner + j] = static_cast<float>(acc[j] * scale);
      }
      return;
    }
    const int threads = std::max(1, std::min<int>(maxThreads, static_cast<int>(k)));
    for (int64_t o = 0; o < outer; o++) {
      std::vector<double> partial(static_cast<size_t>(threads) * inner, initial(op));
      const float* base = x + o * k * inner;
#pragma omp parallel num_threads(threads)
      {
        const int t = omp_get_thread_num();
        accumulate(op, base, k * t / threads, k * (t + 1) / threads, inner, partial.data() + t * inner);
      }
      for (int64_t j = 0; j < inner; j++) {
        double acc = partial[j];
        for (int t = 1; t < threads; t++) acc = op == kSum || op == kMean ? acc + partial[t * inner + j] : combine(op, acc, partial[t * inner + j]);
        y[o * inner + j] = static_cast<float>(acc * scale);
      }
    }
  });
}

}  // namespace

void initReduce(Napi::Env env, Napi::Object exports) { exports.Set("reduce", Napi::Function::New(env, Reduce)); }

}  // namespace vad
