#include "context.h"

#include <omp.h>

#include <cstdlib>
#include <stdexcept>

namespace vad {

// One context per JS thread (worker threads each get their own engine, cache and arena).
Context& ctx() {
  static thread_local Context instance = [] {
    Context c;
    c.threads = omp_get_max_threads();
    return c;
  }();
  return instance;
}

ThreadScope::ThreadScope(double work) : previous_(omp_get_max_threads()) {
  omp_set_num_threads(work < kSmallConvMacs ? 1 : ctx().threads);
}

ThreadScope::~ThreadScope() { omp_set_num_threads(previous_); }

void* Arena::get(int slot, size_t bytes) {
  if (slot < 0) throw std::runtime_error("arena slot must be >= 0");
  if (static_cast<size_t>(slot) >= blocks_.size()) blocks_.resize(slot + 1);
  Block& b = blocks_[slot];
  if (b.size < bytes) {
    std::free(b.data);
    size_t size = (bytes + 63) / 64 * 64;
    b.data = std::aligned_alloc(64, size);
    if (b.data == nullptr) throw std::runtime_error("arena: out of memory");
    b.size = size;
    growths_++;
  }
  return b.data;
}

size_t Arena::bytes() const {
  size_t total = 0;
  for (const Block& b : blocks_) total += b.size;
  return total;
}

float* f32(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsTypedArray() || info[i].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
    throw Napi::TypeError::New(info.Env(), "argument " + std::to_string(i) + " must be a Float32Array");
  }
  return info[i].As<Napi::Float32Array>().Data();
}

size_t f32len(const Napi::CallbackInfo& info, size_t i) {
  f32(info, i);
  return info[i].As<Napi::Float32Array>().ElementLength();
}

uint8_t* u8(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsTypedArray() || info[i].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(info.Env(), "argument " + std::to_string(i) + " must be a Uint8Array");
  }
  return info[i].As<Napi::Uint8Array>().Data();
}

std::vector<int64_t> ints(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsArray()) throw Napi::TypeError::New(info.Env(), "argument " + std::to_string(i) + " must be an array of integers");
  Napi::Array a = info[i].As<Napi::Array>();
  std::vector<int64_t> out(a.Length());
  for (uint32_t k = 0; k < a.Length(); k++) out[k] = a.Get(k).As<Napi::Number>().Int64Value();
  return out;
}

int64_t integer(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Number>().Int64Value(); }
double number(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Number>().DoubleValue(); }

int64_t product(const std::vector<int64_t>& dims) {
  int64_t p = 1;
  for (int64_t d : dims) p *= d;
  return p;
}

}  // namespace vad
