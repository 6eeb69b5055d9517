// Element-wise kernels: broadcasting binary ops (float32 → float32, comparisons → bool), unary ops,
// AddN and the fused Adam update. Memory-bound loops, split over the OpenMP threads when large.
#include <cmath>
#include <functional>

#include "context.h"

namespace vad {
namespace {

constexpr int64_t kParallelMin = 1 << 17;
constexpr int kMaxRank = 6;

enum BinaryOp { kAdd = 0, kSub, kMul, kDiv, kSquaredDifference, kMaximum, kMinimum, kDivNoNan, kEqual = 10, kNotEqual, kGreater, kGreaterEqual, kLess, kLessEqual };

template <typename Out, typename F>
void broadcast(const float* a, const std::vector<int64_t>& as, const float* b, const std::vector<int64_t>& bs, const std::vector<int64_t>& shape, Out* out, F f) {
  const int rank = static_cast<int>(shape.size());
  const int64_t size = product(shape);
  bool aFull = true, bFull = true, aScalar = true, bScalar = true;
  int64_t expect = 1;
  for (int d = rank - 1; d >= 0; d--) {
    if (shape[d] != 1) {
      aFull = aFull && as[d] == expect;
      bFull = bFull && bs[d] == expect;
      aScalar = aScalar && as[d] == 0;
      bScalar = bScalar && bs[d] == 0;
    }
    expect *= shape[d];
  }
  if (aFull && bFull) {
#pragma omp parallel for simd schedule(static) if (size > kParallelMin)
    for (int64_t i = 0; i < size; i++) out[i] = f(a[i], b[i]);
    return;
  }
  if (aFull && bScalar) {
    const float s = b[0];
#pragma omp parallel for simd schedule(static) if (size > kParallelMin)
    for (int64_t i = 0; i < size; i++) out[i] = f(a[i], s);
    return;
  }
  if (aScalar && bFull) {
    const float s = a[0];
#pragma omp parallel for simd schedule(static) if (size > kParallelMin)
    for (int64_t i = 0; i < size; i++) out[i] = f(s, b[i]);
    return;
  }
  // General: rows of the last axis, each row's start found from the outer index.
  const int64_t inner = rank == 0 ? 1 : shape[rank - 1];
  const int64_t rows = inner == 0 ? 0 : size / inner;
  const int64_t ai = rank == 0 ? 0 : as[rank - 1], bi = rank == 0 ? 0 : bs[rank - 1];
#pragma omp parallel for schedule(static) if (size > kParallelMin)
  for (int64_t r = 0; r < rows; r++) {
    int64_t rem = r, ao = 0, bo = 0;
    for (int d = rank - 2; d >= 0; d--) {
      const int64_t idx = rem % shape[d];
      rem /= shape[d];
      ao += idx * as[d];
      bo += idx * bs[d];
    }
    const float* pa = a + ao;
    const float* pb = b + bo;
    Out* po = out + r * inner;
    for (int64_t k = 0; k < inner; k++) po[k] = f(pa[k * ai], pb[k * bi]);
  }
}

// binary(op, a, aStrides, b, bStrides, outShape, out): strides per output axis, 0 where broadcast.
Napi::Value Binary(const Napi::CallbackInfo& info) {
  return guarded(info, "binary", [&] {
    const int op = static_cast<int>(integer(info, 0));
    const float* a = f32(info, 1);
    const float* b = f32(info, 3);
    auto as = ints(info, 2), bs = ints(info, 4), shape = ints(info, 5);
    if (shape.size() > kMaxRank || as.size() != shape.size() || bs.size() != shape.size()) throw std::runtime_error("rank must be <= 6 with one stride per axis");
    if (op >= kEqual) {
      uint8_t* out = u8(info, 6);
      switch (op) {
        case kEqual: broadcast(a, as, b, bs, shape, out, [](float x, float y) -> uint8_t { return x == y; }); break;
        case kNotEqual: broadcast(a, as, b, bs, shape, out, [](float x, float y) -> uint8_t { return x != y; }); break;
        case kGreater: broadcast(a, as, b, bs, shape, out, [](float x, float y) -> uint8_t { return x > y; }); break;
        case kGreaterEqual: broadcast(a, as, b, bs, shape, out, [](float x, float y) -> uint8_t { return x >= y; }); break;
        case kLess: broadcast(a, as, b, bs, shape, out, [](float x, float y) -> uint8_t { return x < y; }); break;
        case kLessEqual: broadcast(a, as, b, bs, shape, out, [](float x, float y) -> uint8_t { return x <= y; }); break;
        default: throw std::runtime_error("unknown comparison " + std::to_string(op));
      }
      return;
    }
    float* out = f32(info, 6);
    switch (op) {
      case kAdd: broadcast(a, as, b, bs, shape, out, [](float x, float y) { return x + y; }); break;
      case kSub: broadcast(a, as, b, bs, shape, out, [](float x, float y) { return x - y; }); break;
      case kMul: broadcast(a, as, b, bs, shape, out, [](float x, float y) { return x * y; }); break;
      case kDiv: broadcast(a, as, b, bs, shape, out, [](float x, float y) { return x / y; }); break;
      case kSquaredDifference: broadcast(a, as, b, bs, shape, out, [](float x, float y) { return (x - y) * (x - y); }); break;
      case kMaximum: broadcast(a, as, b, bs, shape, out, [](float x, float y) { return std::isnan(x) || x > y ? x : y; }); break;
      case kMinimum: broadcast(a, as, b, bs, shape, out, [](float x, float y) { return std::isnan(x) || x < y ? x : y; }); break;
      case kDivNoNan: broadcast(a, as, b, bs, shape, out, [](float x, float y) { return y == 0.f ? 0.f : x / y; }); break;
      default: throw std::runtime_error("unknown binary op " + std::to_string(op));
    }
  });
}

enum UnaryOp { kRelu = 0, kSigmoid, kSqrt, kRsqrt, kSquare, kNeg, kExp, kLog, kAbs, kStep, kTanh, kReciprocal, kClip };

template <typename F>
void map(const float* x, float* y, int64_t n, F f) {
#pragma omp parallel for simd schedule(static) if (n > kParallelMin)
  for (int64_t i = 0; i < n; i++) y[i] = f(x[i]);
}

// unary(op, x, y, alpha, beta)
Napi::Value Unary(const Napi::CallbackInfo& info) {
  return guarded(info, "unary", [&] {
    const int op = static_cast<int>(integer(info, 0));
    const float* x = f32(info, 1);
    float* y = f32(info, 2);
    const int64_t n = static_cast<int64_t>(f32len(info, 1));
    const float alpha = static_cast<float>(number(info, 3)), beta = static_cast<float>(number(info, 4));
    switch (op) {
      case kRelu: map(x, y, n, [](float v) { return v > 0.f ? v : (std::isnan(v) ? v : 0.f); }); break;
      case kSigmoid: map(x, y, n, [](float v) { return 1.f / (1.f + std::exp(-v)); }); break;
      case kSqrt: map(x, y, n, [](float v) { return std::sqrt(v); }); break;
      case kRsqrt: map(x, y, n, [](float v) { return 1.f / std::sqrt(v); }); break;
      case kSquare: map(x, y, n, [](float v) { return v * v; }); break;
      case kNeg: map(x, y, n, [](float v) { return -v; }); break;
      case kExp: map(x, y, n, [](float v) { return std::exp(v); }); break;
      case kLog: map(x, y, n, [](float v) { return std::log(v); }); break;
      case kAbs: map(x, y, n, [](float v) { return std::fabs(v); }); break;
      case kStep: map(x, y, n, [alpha](float v) { return std::isnan(v) ? v : (v > 0.f ? 1.f : alpha); }); break;
      case kTanh: map(x, y, n, [](float v) { return std::tanh(v); }); break;
      case kReciprocal: map(x, y, n, [](float v) { return 1.f / v; }); break;
      case kClip: map(x, y, n, [alpha, beta](float v) { return std::isnan(v) ? v : std::min(beta, std::max(alpha, v)); }); break;
      default: throw std::runtime_error("unknown unary op " + std::to_string(op));
    }
  });
}

// addN([x0, x1, …], y): y = Σ xi, summed in argument order.
Napi::Value AddN(const Napi::CallbackInfo& info) {
  return guarded(info, "addN", [&] {
    Napi::Array list = info[0].As<Napi::Array>();
    std::vector<const float*> xs;
    for (uint32_t i = 0; i < list.Length(); i++) xs.push_back(list.Get(i).As<Napi::Float32Array>().Data());
    float* y = f32(info, 1);
    const int64_t n = static_cast<int64_t>(f32len(info, 1));
    const size_t k = xs.size();
#pragma omp parallel for schedule(static) if (n > kParallelMin)
    for (int64_t i = 0; i < n; i++) {
      float s = xs[0][i];
      for (size_t j = 1; j < k; j++) s += xs[j][i];
      y[i] = s;
    }
  });
}

// adam(p, m, v, g, lr, beta1, beta2, eps, correction1, correction2, pOut, mOut, vOut): the update of
// train/adam.ts in one pass: m' = β1m + (1−β1)g; v' = β2v + (1−β2)g²; p' = p − m'/(√v'/√c2 + ε)·lr/c1.
Napi::Value Adam(const Napi::CallbackInfo& info) {
  return guarded(info, "adam", [&] {
    const float *p = f32(info, 0), *m = f32(info, 1), *v = f32(info, 2), *g = f32(info, 3);
    const double b1d = number(info, 5), b2d = number(info, 6);
    const float lr = static_cast<float>(number(info, 4)), b1 = static_cast<float>(b1d), b2 = static_cast<float>(b2d);
    const float eps = static_cast<float>(number(info, 7));
    const float c1 = static_cast<float>(number(info, 8)), sc2 = static_cast<float>(std::sqrt(number(info, 9)));
    float *po = f32(info, 10), *mo = f32(info, 11), *vo = f32(info, 12);
    const int64_t n = static_cast<int64_t>(f32len(info, 0));
    // 1 − β in double, then rounded (as tfjs rounds the JS number 1 − β to a float32 scalar)
    const float step = static_cast<float>(number(info, 4) / number(info, 8)), ob1 = static_cast<float>(1.0 - b1d), ob2 = static_cast<float>(1.0 - b2d);
#pragma omp parallel for simd schedule(static) if (n > kParallelMin)
    for (int64_t i = 0; i < n; i++) {
      const float mi = m[i] * b1 + g[i] * ob1;
      const float vi = v[i] * b2 + (g[i] * g[i]) * ob2;
      mo[i] = mi;
      vo[i] = vi;
      po[i] = p[i] - (mi / (std::sqrt(vi) / sc2 + eps)) * step;
    }
  });
}

}  // namespace

void initElementwise(Napi::Env env, Napi::Object exports) {
  exports.Set("binary", Napi::Function::New(env, Binary));
  exports.Set("unary", Napi::Function::New(env, Unary));
  exports.Set("addN", Napi::Function::New(env, AddN));
  exports.Set("adam", Napi::Function::New(env, Adam));
}

}  // namespace vad
