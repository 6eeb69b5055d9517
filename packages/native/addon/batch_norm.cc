// BatchNorm over the channels of NHWC data viewed as M rows × C channels, as PyTorch's
// BatchNorm2d: training (batch statistics, biased variance for normalising, running statistics
// moved by momentum towards the mean and the unbiased variance, optional fused ReLU), its backward
// (dβ = Σg, dγ = Σg·x̂, dx = γ/σ·(g − dβ/M − x̂·dγ/M) with g = dy·relu'(y)), and evaluation mode.
#include <cmath>

#include "context.h"
#include "parallel.h"

namespace vad {
namespace {

// bnTrain(x, M, C, gamma, beta, runMean, runVar, eps, momentum, relu, y, mean, var, newRunMean, newRunVar)
Napi::Value BnTrain(const Napi::CallbackInfo& info) {
  return guarded(info, "bnTrain", [&] {
    const float* x = f32(info, 0);
    const int64_t m = integer(info, 1), c = integer(info, 2);
    const float *gamma = f32(info, 3), *beta = f32(info, 4), *rm = f32(info, 5), *rv = f32(info, 6);
    const double eps = number(info, 7), momentum = number(info, 8);
    const bool relu = info[9].As<Napi::Boolean>().Value();
    float *y = f32(info, 10), *mean = f32(info, 11), *var = f32(info, 12), *nrm = f32(info, 13), *nrv = f32(info, 14);
    std::vector<double> sums = rowSums(m, 2 * c, [&](int64_t b, int64_t e, double* acc) {
      for (int64_t r = b; r < e; r++) {
        const float* row = x + r * c;
        for (int64_t k = 0; k < c; k++) {
          acc[k] += row[k];
          acc[c + k] += static_cast<double>(row[k]) * row[k];
        }
      }
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
    const float* sc = scale.data();
    const float* sh = shift.data();
#pragma omp parallel for schedule(static)
    for (int64_t r = 0; r < m; r++) {
      const float* in = x + r * c;
      float* out = y + r * c;
      if (relu) {
#pragma omp simd
        for (int64_t k = 0; k < c; k++) out[k] = std::max(0.f, in[k] * sc[k] + sh[k]);
      } else {
#pragma omp simd
        for (int64_t k = 0; k < c; k++) out[k] = in[k] * sc[k] + sh[k];
      }
    }
  });
}

// bnGrad(dy, x, y | null, M, C, mean, var, gamma, eps, dx, dgamma, dbeta)
Napi::Value BnGrad(const Napi::CallbackInfo& info) {
  return guarded(info, "bnGrad", [&] {
    const float* dy = f32(info, 0);
    const float* x = f32(info, 1);
    const float* y = info[2].IsNull() ? nullptr : f32(info, 2);
    const int64_t m = integer(info, 3), c = integer(info, 4);
    const float *mean = f32(info, 5), *var = f32(info, 6), *gamma = f32(info, 7);
    const double eps = number(info, 8);
    float *dx = f32(info, 9), *dgamma = f32(info, 10), *dbeta = f32(info, 11);
    std::vector<float> invstd(c);
    for (int64_t k = 0; k < c; k++) invstd[k] = static_cast<float>(1.0 / std::sqrt(static_cast<double>(var[k]) + eps));
    const float* is = invstd.data();
    std::vector<double> sums = rowSums(m, 2 * c, [&](int64_t b, int64_t e, double* acc) {
      for (int64_t r = b; r < e; r++) {
        const float *g = dy + r * c, *in = x + r * c, *out = y == nullptr ? nullptr : y + r * c;
        for (int64_t k = 0; k < c; k++) {
          const float gk = out == nullptr || out[k] > 0.f ? g[k] : 0.f;
          acc[k] += gk;
          acc[c + k] += static_cast<double>(gk) * ((in[k] - mean[k]) * is[k]);
        }
      }
    });
    std::vector<float> a(c), bq(c), mu(c);
    for (int64_t k = 0; k < c; k++) {
      dbeta[k] = static_cast<float>(sums[k]);
      dgamma[k] = static_cast<float>(sums[c + k]);
      a[k] = gamma[k] * is[k];                         // γ/σ
      bq[k] = static_cast<float>(sums[k] / m);          // dβ/M
      mu[k] = static_cast<float>(sums[c + k] / m);      // dγ/M
    }
    const float *pa = a.data(), *pb = bq.data(), *pm = mu.data();
#pragma omp parallel for schedule(static)
    for (int64_t r = 0; r < m; r++) {
      const float *g = dy + r * c, *in = x + r * c, *out = y == nullptr ? nullptr : y + r * c;
      float* d = dx + r * c;
      for (int64_t k = 0; k < c; k++) {
        const float gk = out == nullptr || out[k] > 0.f ? g[k] : 0.f;
        const float xhat = (in[k] - mean[k]) * is[k];
        d[k] = pa[k] * (gk - pb[k] - xhat * pm[k]);
      }
    }
  });
}

// bnInfer(x, M, C, mean, var, scale | null, offset | null, eps, y): y = (x − μ)/√(v + ε)·γ + β
Napi::Value BnInfer(const Napi::CallbackInfo& info) {
  return guarded(info, "bnInfer", [&] {
    const float* x = f32(info, 0);
    const int64_t m = integer(info, 1), c = integer(info, 2);
    const float *mean = f32(info, 3), *var = f32(info, 4);
    const float* gamma = info[5].IsNull() ? nullptr : f32(info, 5);
    const float* beta = info[6].IsNull() ? nullptr : f32(info, 6);
    const double eps = number(info, 7);
    float* y = f32(info, 8);
    std::vector<float> scale(c), shift(c);
    for (int64_t k = 0; k < c; k++) {
      const double s = (gamma == nullptr ? 1.0 : gamma[k]) / std::sqrt(static_cast<double>(var[k]) + eps);
      scale[k] = static_cast<float>(s);
      shift[k] = static_cast<float>((beta == nullptr ? 0.0 : beta[k]) - mean[k] * s);
    }
    const float *sc = scale.data(), *sh = shift.data();
#pragma omp parallel for schedule(static)
    for (int64_t r = 0; r < m; r++) {
#pragma omp simd
      for (int64_t k = 0; k < c; k++) y[r * c + k] = x[r * c + k] * sc[k] + sh[k];
    }
  });
}

}  // namespace

void initBatchNorm(Napi::Env env, Napi::Object exports) {
  exports.Set("bnTrain", Napi::Function::New(env, BnTrain));
  exports.Set("bnGrad", Napi::Function::New(env, BnGrad));
  exports.Set("bnInfer", Napi::Function::New(env, BnInfer));
}

}  // namespace vad
