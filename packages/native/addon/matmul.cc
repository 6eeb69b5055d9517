// Batched matrix products on oneDNN's sgemm (row-major): C[b] = op(A[b])·op(B[b]), a batch of 1
// broadcasting against the other operand's batch.
#include "context.h"

namespace vad {
namespace {

// matmul(a, batchA, b, batchB, m, n, k, transposeA, transposeB, c)
Napi::Value Matmul(const Napi::CallbackInfo& info) {
  return guarded(info, "matmul", [&] {
    const float* a = f32(info, 0);
    const int64_t batchA = integer(info, 1);
    const float* b = f32(info, 2);
    const int64_t batchB = integer(info, 3);
    const int64_t m = integer(info, 4), n = integer(info, 5), k = integer(info, 6);
    const bool ta = info[7].As<Napi::Boolean>().Value(), tb = info[8].As<Napi::Boolean>().Value();
    float* c = f32(info, 9);
    const int64_t batch = std::max(batchA, batchB);
    for (int64_t i = 0; i < batch; i++) {
      const float* ai = a + (batchA == 1 ? 0 : i) * m * k;
      const float* bi = b + (batchB == 1 ? 0 : i) * k * n;
      dnnl::status s = dnnl::sgemm(ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, k, 1.f, ai, ta ? m : k, bi, tb ? k : n, 0.f, c + i * m * n, n);
      if (s != dnnl::status::success) throw std::runtime_error("sgemm failed with status " + std::to_string(static_cast<int>(s)));
    }
  });
}

}  // namespace

void initMatmul(Napi::Env env, Napi::Object exports) { exports.Set("matmul", Napi::Function::New(env, Matmul)); }

}  // namespace vad
