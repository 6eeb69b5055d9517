// Entry point of the vad_native addon: kernel families, thread control and arena/cache counters.
#include <omp.h>

#include <algorithm>

#include "context.h"

namespace vad {
namespace {

// stats() → { arenaBytes, arenaGrowths, cachedPrimitives, primitivesCreated, threads }
Napi::Value Stats(const Napi::CallbackInfo& info) {
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("arenaBytes", Napi::Number::New(info.Env(), static_cast<double>(ctx().arena.bytes())));
  o.Set("arenaGrowths", Napi::Number::New(info.Env(), static_cast<double>(ctx().arena.growths())));
  o.Set("cachedPrimitives", Napi::Number::New(info.Env(), static_cast<double>(ctx().cache.size())));
  o.Set("primitivesCreated", Napi::Number::New(info.Env(), static_cast<double>(ctx().primitivesCreated)));
  o.Set("threads", Napi::Number::New(info.Env(), ctx().threads));
  return o;
}

// setThreads(n): OpenMP threads for oneDNN and every kernel of this addon.
Napi::Value SetThreads(const Napi::CallbackInfo& info) {
  ctx().threads = static_cast<int>(std::max<int64_t>(1, integer(info, 0)));
  omp_set_num_threads(ctx().threads);
  return info.Env().Undefined();
}

// version() → oneDNN's "major.minor.patch" and the CPU ISA it dispatches to.
Napi::Value Version(const Napi::CallbackInfo& info) {
  const dnnl_version_t* v = dnnl_version();
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("onednn", std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch));
  o.Set("isa", static_cast<double>(static_cast<int>(dnnl::get_effective_cpu_isa())));
  return o;
}

}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  initConv(env, exports);
  initBatchNorm(env, exports);
  initElementwise(env, exports);
  initReduce(env, exports);
  initLayout(env, exports);
  initMatmul(env, exports);
  exports.Set("stats", Napi::Function::New(env, Stats));
  exports.Set("setThreads", Napi::Function::New(env, SetThreads));
  exports.Set("version", Napi::Function::New(env, Version));
  return exports;
}

}  // namespace vad

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return vad::Init(env, exports); }

NODE_API_MODULE(vad_native, InitAddon)
