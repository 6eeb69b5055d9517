// BatchNorm over the channels of NHWC data viewed as M rows × C channels, as PyTorch's
// BatchNorm2d: training (batch statistics, biased variance for normalising, running statistics
// moved by momentum towards the mean and the unbiased variance, optional fused ReLU), its backward
// (dβ = Σg, dγ = Σg·x̂, dx = γ/σ·(g − dβ/M − x̂·dγ/M) with g = dy·relu'(y)), and evaluation mode.
//
// Channel counts are small (8 …), so the loops run over "virtual rows" of V = lcm(C, 16) values
// (V/C real rows) with per-channel constants repeated to length V: long, vectorisable inner loops.
// Hot loops are compiled for AVX-512, AVX2 and baseline x86-64 and picked at load time.
#include <cmath>
#include <numeric>

#include "context.h"
#include "parallel.h"

#define VAD_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

namespace vad {
namespace {

constexpr int64_t kParallelMin = 1 << 17;

/** The virtual-row view of M × C data. */
struct Rows {
  int64_t c, v, vrows, tail;  // channels, virtual width, full virtual rows, leftover real rows
  Rows(int64_t m, int64_t channels) : c(channels) {
    const int64_t l = std::lcm<int64_t>(channels, 16);
    v = l <= 512 ? l : channels;
    vrows = m * c / v;
    tail = m - vrows * (v / c);
  }
  /** A per-channel vector repeated to length v. */
  std::vector<float> repeat(const std::vector<float>& perChannel) const {
    std::vector<float> out(v);
    for (int64_t j = 0; j < v; j++) out[j] = perChannel[j % c];
    return out;
  }
};

/** s1 += x, s2 += x² over `n` virtual rows of width v. */
VAD_CLONES void sumsBlock(const float* x, int64_t n, int64_t v, float* s1, float* s2) {
  for (int64_t r = 0; r < n; r++) {
    const float* row = x + r * v;
    for (int64_t k = 0; k < v; k++) {
      s1[k] += row[k];
      s2[k] += row[k] * row[k];
    }
  }
}

/** y = max(0?, x·scale + shift) over `n` rows of width v. */
VAD_CLONES void affineBlock(const float* x, int64_t n, int64_t v, const float* scale, const float* shift, bool relu, float* y) {
  for (int64_t r = 0; r < n; r++) {
    const float* in = x + r * v;
    float* out = y + r * v;
    if (relu) {
      for (int64_t k = 0; k < v; k++) out[k] = std::max(0.f, in[k] * scale[k] + shift[k]);
    } else {
      for (int64_t k = 0; k < v; k++) out[k] = in[k] * scale[k] + shift[k];
    }
  }
}

/** g = dy·[y > 0] (or dy) into `g`; sg += g, sgx += g·(x·is + sh), over `n` rows of width v. */
VAD_CLONES void gradSumsBlock(const float* dy, const float* y, const float* x, int64_t n, int64_t v, const float* is, const float* sh, float* g, float* sg, float* sgx) {
  for (int64_t r = 0; r < n; r++) {
    const float *d = dy + r * v, *in = x + r * v;
    float* out = g + r * v;
    if (y != nullptr) {
      const float* yr = y + r * v;
      for (int64_t k = 0; k < v; k++) out[k] = yr[k] > 0.f ? d[k] : 0.f;
    } else {
      for (int64_t k = 0; k < v; k++) out[k] = d[k];
    }
    for (int64_t k = 0; k < v; k++) {
      sg[k] += out[k];
      sgx[k] += out[k] * (in[k] * is[k] + sh[k]);
    }
  }
}

/** dx = a·(g − b − x̂·mu) in place over `n` rows of width v, x̂ = x·is + sh. */
VAD_CLONES void gradApplyBlock(const float* x, int64_t n, int64_t v, const float* a, const float* b, const float* mu, const float* is, const float* sh, float* dx) {
  for (int64_t r = 0; r < n; r++) {
    const float* in = x + r * v;
    float* d = dx + r * v;
    for (int64_t k = 0; k < v; k++) d[k] = a[k] * (d[k] - b[k] - (in[k] * is[k] + sh[k]) * mu[k]);
  }
}

/**
 * Per-channel sums (2·C doubles) of a virtual-row kernel: `body(begin, n, acc1, acc2)` adds `n`
 * virtual rows from `begin` into float accumulators, flushed into double every 64 virtual rows
 * (the tail rows go through the same body with width C).
 */
template <typename Body>
std::vector<double> channelSums(const Rows& rows, Body body) {
  const int64_t v = rows.v, c = rows.c;
  std::vector<double> fold = rowSums(rows.vrows, 2 * v, [&](int64_t b, int64_t e, double* acc) {
    std::vector<float> block(2 * v, 0.f);
    for (int64_t r = b; r < e; r += 64) {
      body(r, std::min<int64_t>(64, e - r), v, block.data(), block.data() + v);
      for (int64_t k = 0; k < 2 * v; k++) {
        acc[k] += block[k];
        block[k] = 0.f;
      }
    }
  });
  std::vector<double> sums(2 * c, 0.0);
  for (int64_t j = 0; j < v; j++) {
    sums[j % c] += fold[j];
    sums[c + j % c] += fold[v + j];
  }
  if (rows.tail > 0) {
    std::vector<float> block(2 * c, 0.f);
    body(-1, rows.tail, c, block.data(), block.data() + c);  // begin −1: the tail rows
    for (int64_t k = 0; k < 2 * c; k++) sums[k] += block[k];
  }
  return sums;
}

/** Splits `total` virtual rows over the threads (when large) and calls fn(begin, n). */
template <typename Fn>
void parallelRows(int64_t total, int64_t width, Fn fn) {
#pragma omp parallel for schedule(static) if (total * width > kParallelMin)
  for (int64_t b = 0; b < total; b += 256) fn(b, std::min<int64_t>(256, total - b));
}

// bnTrain(x, M, C, gamma, beta, runMean, runVar, eps, momentum, relu, y, mean, var, newRunMean, newRunVar)
Napi::Value BnTrain(const Napi::CallbackInfo& info) {
  return guarded(info, "bnTrain", [&] {
    const float* x = f32(info, 0);
    const int64_t m = integer(info, 1), c = integer(info, 2);
    const float *gamma = f32(info, 3), *beta = f32(info, 4), *rm = f32(info, 5), *rv = f32(info, 6);
    const double eps = number(info, 7), momentum = number(info, 8);
    const bool relu = info[9].As<Napi::Boolean>().Value();
    float *y = f32(info, 10), *mean = f32(info, 11), *var = f32(info, 12), *nrm = f32(info, 13), *nrv = f32(info, 14);
    const Rows rows(m, c);
    const float* tailX = x + rows.vrows * rows.v;
    std::vector<double> sums = channelSums(rows, [&](int64_t b, int64_t n, int64_t w, float* s1, float* s2) {
      sumsBlock(b < 0 ? tailX : x + b * w, n, w, s1, s2);
    });
    std::vector<float> scale(c), shift(c);
    for (int64_t k = 0; k < c; k++) {
      const double mu = sums[k] / m;
      const double v = std::max(0.0, sums[c + k] / m - mu * mu);
      mean[k] = static_cast<float>(mu);
      var[k] = static_cast<float>(v);
      const double unbiased = v * m / std::max<int64_t>(m - 1, 1);
      nrm[k] = static_cast<float>((1 - momentum) * rm[k] + momentum * mu);
      nrv[k] = static_cast<float>((1 - momentum) * rv[k] + momentum * unbiased);
      const double s = gamma[k] / std::sqrt(v + eps);
      scale[k] = static_cast<float>(s);
      shift[k] = static_cast<float>(beta[k] - mu * s);
    }
    const std::vector<float> sc = rows.repeat(scale), sh = rows.repeat(shift);
    parallelRows(rows.vrows, rows.v, [&](int64_t b, int64_t n) { affineBlock(x + b * rows.v, n, rows.v, sc.data(), sh.data(), relu, y + b * rows.v); });
    if (rows.tail > 0) affineBlock(tailX, rows.tail, c, scale.data(), shift.data(), relu, y + rows.vrows * rows.v);
  });
}

// bnGrad(dy, x, y | null, M, C, mean, var, gamma, eps, dx, dgamma, dbeta). Pass 1 writes g (dy masked by
// y > 0 when y is given) into dx and sums g and g·x̂ per channel; pass 2 turns dx into the result in place.
Napi::Value BnGrad(const Napi::CallbackInfo& info) {
  return guarded(info, "bnGrad", [&] {
    const float* dy = f32(info, 0);
    const float* x = f32(info, 1);
    const float* y = info[2].IsNull() ? nullptr : f32(info, 2);
    const int64_t m = integer(info, 3), c = integer(info, 4);
    const float *mean = f32(info, 5), *var = f32(info, 6), *gamma = f32(info, 7);
    const double eps = number(info, 8);
    float *dx = f32(info, 9), *dgamma = f32(info, 10), *dbeta = f32(info, 11);
    const Rows rows(m, c);
    std::vector<float> invstd(c), shift(c);
    for (int64_t k = 0; k < c; k++) {
      invstd[k] = static_cast<float>(1.0 / std::sqrt(static_cast<double>(var[k]) + eps));
      shift[k] = -mean[k] * invstd[k];
    }
    const std::vector<float> isv = rows.repeat(invstd), shv = rows.repeat(shift);
    const int64_t t0 = rows.vrows * rows.v;  // offset of the tail rows
    std::vector<double> sums = channelSums(rows, [&](int64_t b, int64_t n, int64_t w, float* sg, float* sgx) {
      const int64_t o = b < 0 ? t0 : b * w;
      const bool tail = b < 0;
      gradSumsBlock(dy + o, y == nullptr ? nullptr : y + o, x + o, n, w, tail ? invstd.data() : isv.data(), tail ? shift.data() : shv.data(), dx + o, sg, sgx);
    });
    std::vector<float> a(c), bq(c), mu(c);
    for (int64_t k = 0; k < c; k++) {
      dbeta[k] = static_cast<float>(sums[k]);
      dgamma[k] = static_cast<float>(sums[c + k]);
      a[k] = gamma[k] * invstd[k];                  // γ/σ
      bq[k] = static_cast<float>(sums[k] / m);      // dβ/M
      mu[k] = static_cast<float>(sums[c + k] / m);  // dγ/M
    }
    const std::vector<float> av = rows.repeat(a), bv = rows.repeat(bq), mv = rows.repeat(mu);
    parallelRows(rows.vrows, rows.v, [&](int64_t b, int64_t n) {
      gradApplyBlock(x + b * rows.v, n, rows.v, av.data(), bv.data(), mv.data(), isv.data(), shv.data(), dx + b * rows.v);
    });
    if (rows.tail > 0) gradApplyBlock(x + t0, rows.tail, c, a.data(), bq.data(), mu.data(), invstd.data(), shift.data(), dx + t0);
  });
}

// bnInfer(x, M, C, mean, var, scale | null, offset | null, eps, y, relu?): y = (x − μ)/√(v + ε)·γ + β, then ReLU if asked
Napi::Value BnInfer(const Napi::CallbackInfo& info) {
  return guarded(info, "bnInfer", [&] {
    const float* x = f32(info, 0);
    const int64_t m = integer(info, 1), c = integer(info, 2);
    const float *mean = f32(info, 3), *var = f32(info, 4);
    const float* gamma = info[5].IsNull() ? nullptr : f32(info, 5);
    const float* beta = info[6].IsNull() ? nullptr : f32(info, 6);
    const double eps = number(info, 7);
    float* y = f32(info, 8);
    const bool relu = info.Length() > 9 && info[9].As<Napi::Boolean>().Value();
    const Rows rows(m, c);
    std::vector<float> scale(c), shift(c);
    for (int64_t k = 0; k < c; k++) {
      const double s = (gamma == nullptr ? 1.0 : gamma[k]) / std::sqrt(static_cast<double>(var[k]) + eps);
      scale[k] = static_cast<float>(s);
      shift[k] = static_cast<float>((beta == nullptr ? 0.0 : beta[k]) - mean[k] * s);
    }
    const std::vector<float> sc = rows.repeat(scale), sh = rows.repeat(shift);
    parallelRows(rows.vrows, rows.v, [&](int64_t b, int64_t n) { affineBlock(x + b * rows.v, n, rows.v, sc.data(), sh.data(), relu, y + b * rows.v); });
    const int64_t t0 = rows.vrows * rows.v;
    if (rows.tail > 0) affineBlock(x + t0, rows.tail, c, scale.data(), shift.data(), relu, y + t0);
  });
}

}  // namespace

void initBatchNorm(Napi::Env env, Napi::Object exports) {
  exports.Set("bnTrain", Napi::Function::New(env, BnTrain));
  exports.Set("bnGrad", Napi::Function::New(env, BnGrad));
  exports.Set("bnInfer", Napi::Function::New(env, BnInfer));
}

}  // namespace vad
