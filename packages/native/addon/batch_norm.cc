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
      std::vector<float> block(2 * c, 0.f);
      float *s1 = block.data(), *s2 = block.data() + c;
      for (int64_t r = b; r < e; r++) {
        const float* row = x + r * c;
#pragma omp simd
        for (int64_t k = 0; k < c; k++) {
          s1[k] += row[k];
          s2[k] += row[k] * row[k];
        }
        if ((r - b) % 64 == 63 || r == e - 1) {  // flush float block sums into double every 64 rows
          for (int64_t k = 0; k < 2 * c; k++) {
            acc[k] += block[k];
            block[k] = 0.f;
          }
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
#pragma omp parallel for schedule(static) if (m * c > (1 << 15))
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
    std::vector<float> invstd(c), shift(c);
    for (int64_t k = 0; k < c; k++) {
      invstd[k] = static_cast<float>(1.0 / std::sqrt(static_cast<double>(var[k]) + eps));
      shift[k] = -mean[k] * invstd[k];
    }
    const float *is = invstd.data(), *sh = shift.data();
    std::vector<double> sums = rowSums(m, 2 * c, [&](int64_t b, int64_t e, double* acc) {
      std::vector<float> block(2 * c, 0.f);
      float *sg = block.data(), *sgx = block.data() + c;
      for (int64_t r = b; r < e; r++) {
        const float *g = dy + r * c, *in = x + r * c;
        float* out = dx + r * c;
        if (y != nullptr) {
          const float* yr = y + r * c;
#pragma omp simd
          for (int64_t k = 0; k < c; k++) out[k] = yr[k] > 0.f ? g[k] : 0.f;
        } else {
#pragma omp simd
          for (int64_t k = 0; k < c; k++) out[k] = g[k];
        }
#pragma omp simd
        for (int64_t k = 0; k < c; k++) {
          sg[k] += out[k];
          sgx[k] += out[k] * (in[k] * is[k] + sh[k]);
        }
        if ((r - b) % 64 == 63 || r == e - 1) {  // flush float block sums into double every 64 rows
          for (int64_t k = 0; k < 2 * c; k++) {
            acc[k] += block[k];
            block[k] = 0.f;
          }
        }
      }
    });
    std::vector<float> a(c), bq(c), mu(c);
    for (int64_t k = 0; k < c; k++) {
      dbeta[k] = static_cast<float>(sums[k]);
      dgamma[k] = static_cast<float>(sums[c + k]);
      a[k] = gamma[k] * is[k];                     // γ/σ
      bq[k] = static_cast<float>(sums[k] / m);      // dβ/M
      mu[k] = static_cast<float>(sums[c + k] / m);  // dγ/M
    }
    const float *pa = a.data(), *pb = bq.data(), *pm = mu.data();
#pragma omp parallel for schedule(static) if (m * c > (1 << 15))
    for (int64_t r = 0; r < m; r++) {
      const float* in = x + r * c;
      float* d = dx + r * c;
#pragma omp simd
      for (int64_t k = 0; k < c; k++) d[k] = pa[k] * (d[k] - pb[k] - (in[k] * is[k] + sh[k]) * pm[k]);
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
#pragma omp parallel for schedule(static) if (m * c > (1 << 15))
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
