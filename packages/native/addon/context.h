// Shared state of the addon: the oneDNN CPU engine and stream, the primitive cache (one entry per
// shape, created on first use and reused every step) and the scratch arena (grow-only buffers, so
// steady-state steps allocate nothing).
#pragma once

#include <napi.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <oneapi/dnnl/dnnl.hpp>

namespace vad {

/** Grow-only scratch buffers by slot; `growths` counts real allocations (steady state: constant). */
class Arena {
 public:
  /** A 64-byte aligned buffer of at least `bytes` for `slot`; contents are not preserved. */
  void* get(int slot, size_t bytes);
  size_t bytes() const;
  uint64_t growths() const { return growths_; }

 private:
  struct Block {
    void* data = nullptr;
    size_t size = 0;
  };
  std::vector<Block> blocks_;
  uint64_t growths_ = 0;
};

/** Arena slots: one per concurrent use inside a kernel call. */
enum Slot : int { kScratchpad = 0, kWeights, kDiffWeights, kGrad, kSlotCount };

struct Context {
  /** Threads for large work (setThreads, else OpenMP's default). */
  int threads = 1;
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  dnnl::stream stream{engine};
  std::unordered_map<std::string, std::shared_ptr<void>> cache;
  Arena arena;
  uint64_t primitivesCreated = 0;
};

Context& ctx();

/**
 * Runs the enclosed primitive creation or execution on 1 thread when the work is small (forking
 * costs more than it saves, and far more on a busy machine), else on all of ctx().threads.
 */
class ThreadScope {
 public:
  explicit ThreadScope(double work);
  ~ThreadScope();
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;

 private:
  int previous_;
};

/** Multiply-adds below which a convolution runs on one thread. */
constexpr double kSmallConvMacs = 4e6;

/** The cached entry under `key`, or nullptr. */
template <typename T>
T* cached(const std::string& key) {
  auto it = ctx().cache.find(key);
  return it == ctx().cache.end() ? nullptr : static_cast<T*>(it->second.get());
}

template <typename T>
T* store(const std::string& key, std::shared_ptr<T> value) {
  T* raw = value.get();
  ctx().cache[key] = std::static_pointer_cast<void>(value);
  ctx().primitivesCreated++;
  return raw;
}

/** Float32Array argument i (throws a TypeError otherwise). */
float* f32(const Napi::CallbackInfo& info, size_t i);
/** Length of Float32Array argument i. */
size_t f32len(const Napi::CallbackInfo& info, size_t i);
/** Uint8Array argument i. */
uint8_t* u8(const Napi::CallbackInfo& info, size_t i);
/** Integer array argument i, e.g. a shape. */
std::vector<int64_t> ints(const Napi::CallbackInfo& info, size_t i);
int64_t integer(const Napi::CallbackInfo& info, size_t i);
double number(const Napi::CallbackInfo& info, size_t i);
/** Product of dims. */
int64_t product(const std::vector<int64_t>& dims);

/** Runs `fn`, turning oneDNN and std errors into JS exceptions with the kernel's name. */
template <typename F>
Napi::Value guarded(const Napi::CallbackInfo& info, const char* name, F fn) {
  try {
    fn();
  } catch (const dnnl::error& e) {
    throw Napi::Error::New(info.Env(), std::string("vad native ") + name + ": oneDNN error " + std::to_string(static_cast<int>(e.status)) + " (" + e.what() + ")");
  } catch (const Napi::Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Napi::Error::New(info.Env(), std::string("vad native ") + name + ": " + e.what());
  }
  return info.Env().Undefined();
}

// Registration of each kernel family on the exports object.
void initConv(Napi::Env env, Napi::Object exports);
void initBatchNorm(Napi::Env env, Napi::Object exports);
void initElementwise(Napi::Env env, Napi::Object exports);
void initReduce(Napi::Env env, Napi::Object exports);
void initLayout(Napi::Env env, Napi::Object exports);
void initMatmul(Napi::Env env, Napi::Object exports);

}  // namespace vad
