// 2-D convolutions (NHWC activations, HWIO weights as tfjs stores them) on oneDNN: forward with
// fused bias and ReLU/sigmoid post-op, backward data, backward weights (+ bias), and one fused
// backward that applies the activation's derivative first. Primitives are cached per geometry;
// weights are reordered into the layout oneDNN picks, through the arena.
#include <array>
#include <cmath>

#include "context.h"
#include "parallel.h"

namespace vad {
namespace {

using namespace dnnl;
using tag = memory::format_tag;
using dt = memory::data_type;

struct Geometry {
  int64_t n, h, w, ci, kh, kw, co, ho, wo;
  int64_t sh, sw, pt, pl, pb, pr, dh, dw;
  bool bias;
  double macs() const { return static_cast<double>(n) * ho * wo * co * ci * kh * kw; }
  std::string key() const {
    std::string k;
    for (int64_t v : {n, h, w, ci, kh, kw, co, ho, wo, sh, sw, pt, pl, pb, pr, dh, dw}) k += std::to_string(v) + ",";
    return k + (bias ? "b" : "-");
  }
};

struct ConvEntry {
  memory::desc src, dst, wUser, biasMd;
  memory::dims strides, dil, padL, padR;
  convolution_forward::primitive_desc hint;
  std::array<primitive, 3> fwd;  // by activation: linear, relu, sigmoid
  std::array<bool, 3> hasFwd{false, false, false};
  std::array<convolution_forward::primitive_desc, 3> fwdPd;
  bool hasBd = false, hasBw = false;
  convolution_backward_data::primitive_desc bdPd;
  primitive bd;
  convolution_backward_weights::primitive_desc bwPd;
  primitive bw;
};

primitive_attr userScratchpad() {
  primitive_attr attr;
  attr.set_scratchpad_mode(scratchpad_mode::user);
  return attr;
}

ConvEntry& entry(const Geometry& g) {
  const std::string key = "conv:" + g.key();
  if (ConvEntry* e = cached<ConvEntry>(key)) return *e;
  auto e = std::make_shared<ConvEntry>();
  e->src = memory::desc({g.n, g.ci, g.h, g.w}, dt::f32, tag::nhwc);
  e->dst = memory::desc({g.n, g.co, g.ho, g.wo}, dt::f32, tag::nhwc);
  e->wUser = memory::desc({g.co, g.ci, g.kh, g.kw}, dt::f32, tag::hwio);
  e->biasMd = memory::desc({g.co}, dt::f32, tag::x);
  e->strides = {g.sh, g.sw};
  e->dil = {g.dh - 1, g.dw - 1};
  e->padL = {g.pt, g.pl};
  e->padR = {g.pb, g.pr};
  memory::desc wAny({g.co, g.ci, g.kh, g.kw}, dt::f32, tag::any);
  auto desc = g.bias ? convolution_forward::desc(prop_kind::forward_training, algorithm::convolution_direct, e->src, wAny, e->biasMd, e->dst, e->strides, e->dil, e->padL, e->padR)
                     : convolution_forward::desc(prop_kind::forward_training, algorithm::convolution_direct, e->src, wAny, e->dst, e->strides, e->dil, e->padL, e->padR);
  e->hint = convolution_forward::primitive_desc(desc, userScratchpad(), ctx().engine);
  return *store(key, e);
}

primitive& forward(ConvEntry& e, const Geometry& g, int activation) {
  if (!e.hasFwd[activation]) {
    memory::desc wAny({g.co, g.ci, g.kh, g.kw}, dt::f32, tag::any);
    auto desc = g.bias ? convolution_forward::desc(prop_kind::forward_training, algorithm::convolution_direct, e.src, wAny, e.biasMd, e.dst, e.strides, e.dil, e.padL, e.padR)
                       : convolution_forward::desc(prop_kind::forward_training, algorithm::convolution_direct, e.src, wAny, e.dst, e.strides, e.dil, e.padL, e.padR);
    primitive_attr attr = userScratchpad();
    if (activation > 0) {
      post_ops ops;
      ops.append_eltwise(1.f, activation == 1 ? algorithm::eltwise_relu : algorithm::eltwise_logistic, 0.f, 0.f);
      attr.set_post_ops(ops);
    }
    e.fwdPd[activation] = convolution_forward::primitive_desc(desc, attr, ctx().engine);
    e.fwd[activation] = convolution_forward(e.fwdPd[activation]);
    e.hasFwd[activation] = true;
    ctx().primitivesCreated++;
  }
  return e.fwd[activation];
}

void backwardData(ConvEntry& e, const Geometry& g) {
  if (e.hasBd) return;
  memory::desc wAny({g.co, g.ci, g.kh, g.kw}, dt::f32, tag::any);
  convolution_backward_data::desc desc(algorithm::convolution_direct, e.src, wAny, e.dst, e.strides, e.dil, e.padL, e.padR);
  e.bdPd = convolution_backward_data::primitive_desc(desc, userScratchpad(), ctx().engine, e.hint);
  e.bd = convolution_backward_data(e.bdPd);
  e.hasBd = true;
  ctx().primitivesCreated++;
}

void backwardWeights(ConvEntry& e, const Geometry& g) {
  if (e.hasBw) return;
  memory::desc wAny({g.co, g.ci, g.kh, g.kw}, dt::f32, tag::any);
  auto desc = g.bias ? convolution_backward_weights::desc(algorithm::convolution_direct, e.src, wAny, e.biasMd, e.dst, e.strides, e.dil, e.padL, e.padR)
                     : convolution_backward_weights::desc(algorithm::convolution_direct, e.src, wAny, e.dst, e.strides, e.dil, e.padL, e.padR);
  e.bwPd = convolution_backward_weights::primitive_desc(desc, userScratchpad(), ctx().engine, e.hint);
  e.bw = convolution_backward_weights(e.bwPd);
  e.hasBw = true;
  ctx().primitivesCreated++;
}

/** Cached reorder between two descs (weights to and from oneDNN's layout). */
reorder& reorderFor(const memory::desc& from, const memory::desc& to) {
  memory::desc a = from, b = to;
  std::string key = "reorder:";
  // A desc's identity: its C struct bytes (format, dims, strides, blocking).
  key.append(reinterpret_cast<const char*>(&a.data), sizeof(a.data));
  key.append(reinterpret_cast<const char*>(&b.data), sizeof(b.data));
  if (reorder* r = cached<reorder>(key)) return *r;
  return *store(key, std::make_shared<reorder>(reorder::primitive_desc(ctx().engine, a, ctx().engine, b)));
}

/** The weights in `want`'s layout: the user pointer itself, or a reorder into the arena. */
void* weightsAs(const ConvEntry& e, const memory::desc& want, float* user, int slot) {
  if (want == e.wUser) return user;
  void* buf = ctx().arena.get(slot, want.get_size());
  memory from(e.wUser, ctx().engine, user), to(want, ctx().engine, buf);
  reorderFor(e.wUser, want).execute(ctx().stream, from, to);
  return buf;
}

void* scratch(const memory::desc& md) { return ctx().arena.get(kScratchpad, md.get_size() > 0 ? md.get_size() : 64); }

Geometry geometry(const Napi::CallbackInfo& info, size_t xShape, size_t wShape, size_t yShape, size_t geom, bool bias) {
  auto xs = ints(info, xShape), ws = ints(info, wShape), ys = ints(info, yShape), gs = ints(info, geom);
  if (xs.size() != 4 || ws.size() != 4 || ys.size() != 4 || gs.size() != 8) throw std::runtime_error("shapes must be 4-D and geometry 8 numbers");
  return Geometry{xs[0], xs[1], xs[2], xs[3], ws[0], ws[1], ws[3], ys[1], ys[2], gs[0], gs[1], gs[2], gs[3], gs[4], gs[5], gs[6], gs[7], bias};
}

void runForward(const Geometry& g, float* x, float* w, float* b, float* y, int activation) {
  ThreadScope threads(g.macs());
  ConvEntry& e = entry(g);
  primitive& p = forward(e, g, activation);
  const auto& pd = e.fwdPd[activation];
  void* wp = weightsAs(e, pd.weights_desc(), w, kWeights);
  memory xm(e.src, ctx().engine, x), wm(pd.weights_desc(), ctx().engine, wp), ym(e.dst, ctx().engine, y);
  memory sm(pd.scratchpad_desc(), ctx().engine, scratch(pd.scratchpad_desc()));
  std::unordered_map<int, memory> args{{DNNL_ARG_SRC, xm}, {DNNL_ARG_WEIGHTS, wm}, {DNNL_ARG_DST, ym}, {DNNL_ARG_SCRATCHPAD, sm}};
  if (g.bias) args.emplace(DNNL_ARG_BIAS, memory(e.biasMd, ctx().engine, b));
  p.execute(ctx().stream, args);
  ctx().stream.wait();
}

void runBackwardData(const Geometry& g, float* dy, float* w, float* dx) {
  ThreadScope threads(g.macs());
  ConvEntry& e = entry(g);
  backwardData(e, g);
  void* wp = weightsAs(e, e.bdPd.weights_desc(), w, kWeights);
  memory dym(e.dst, ctx().engine, dy), wm(e.bdPd.weights_desc(), ctx().engine, wp), dxm(e.src, ctx().engine, dx);
  memory sm(e.bdPd.scratchpad_desc(), ctx().engine, scratch(e.bdPd.scratchpad_desc()));
  e.bd.execute(ctx().stream, {{DNNL_ARG_DIFF_DST, dym}, {DNNL_ARG_WEIGHTS, wm}, {DNNL_ARG_DIFF_SRC, dxm}, {DNNL_ARG_SCRATCHPAD, sm}});
  ctx().stream.wait();
}

/**
 * dw by oneDNN; db (when asked for) as channel sums of dy accumulated in double, not by oneDNN's
 * float32 bias reduction: the bias of a conv feeding a train-mode BatchNorm has an exactly-zero
 * gradient, and a float32 sum over N·Ho·Wo rows leaves ~1e-8 of it, which Adam's first step
 * g/(|g| + ε) turns into a full-size move (the golden parity step checks this against PyTorch).
 */
void runBackwardWeights(const Geometry& geom, float* x, float* dy, float* dw, float* db) {
  ThreadScope threads(geom.macs());
  Geometry g = geom;
  g.bias = false;
  ConvEntry& e = entry(g);
  backwardWeights(e, g);
  const memory::desc want = e.bwPd.diff_weights_desc();
  const bool direct = want == e.wUser;
  void* dwp = direct ? static_cast<void*>(dw) : ctx().arena.get(kDiffWeights, want.get_size());
  memory xm(e.src, ctx().engine, x), dym(e.dst, ctx().engine, dy), dwm(want, ctx().engine, dwp);
  memory sm(e.bwPd.scratchpad_desc(), ctx().engine, scratch(e.bwPd.scratchpad_desc()));
  e.bw.execute(ctx().stream, {{DNNL_ARG_SRC, xm}, {DNNL_ARG_DIFF_DST, dym}, {DNNL_ARG_DIFF_WEIGHTS, dwm}, {DNNL_ARG_SCRATCHPAD, sm}});
  if (!direct) {
    memory user(e.wUser, ctx().engine, dw);
    reorderFor(want, e.wUser).execute(ctx().stream, dwm, user);
  }
  ctx().stream.wait();
  if (db == nullptr) return;
  const int64_t co = g.co;
  const std::vector<double> sums = rowSums(g.n * g.ho * g.wo, co, [&](int64_t begin, int64_t end, double* acc) {
    for (int64_t r = begin; r < end; r++) {
      const float* row = dy + r * co;
      for (int64_t c = 0; c < co; c++) acc[c] += row[c];
    }
  });
  for (int64_t c = 0; c < co; c++) db[c] = static_cast<float>(sums[c]);
}

/** g = dy · f'(y) for the fused activation (relu: y > 0; sigmoid: y·(1 − y)). */
float* activationGrad(float* dy, float* y, int64_t size, int activation) {
  if (activation == 0) return dy;
  float* g = static_cast<float*>(ctx().arena.get(kGrad, size * sizeof(float)));
  if (activation == 1) {
#pragma omp parallel for simd schedule(static) if (size > (1 << 17))
    for (int64_t i = 0; i < size; i++) g[i] = y[i] > 0.f ? dy[i] : 0.f;
  } else {
#pragma omp parallel for simd schedule(static) if (size > (1 << 17))
    for (int64_t i = 0; i < size; i++) g[i] = dy[i] * (y[i] * (1.f - y[i]));
  }
  return g;
}

// convForward(x, xShape, w, wShape, bias | null, y, yShape, geom, activation)
Napi::Value ConvForward(const Napi::CallbackInfo& info) {
  return guarded(info, "convForward", [&] {
    const bool hasBias = !info[4].IsNull();
    Geometry g = geometry(info, 1, 3, 6, 7, hasBias);
    runForward(g, f32(info, 0), f32(info, 2), hasBias ? f32(info, 4) : nullptr, f32(info, 5), static_cast<int>(integer(info, 8)));
  });
}

// convBackwardData(dy, dyShape, w, wShape, dx, dxShape, geom)
Napi::Value ConvBackwardData(const Napi::CallbackInfo& info) {
  return guarded(info, "convBackwardData", [&] {
    Geometry g = geometry(info, 5, 3, 1, 6, false);
    runBackwardData(g, f32(info, 0), f32(info, 2), f32(info, 4));
  });
}

// convBackwardWeights(x, xShape, dy, dyShape, dw, wShape, geom)
Napi::Value ConvBackwardWeights(const Napi::CallbackInfo& info) {
  return guarded(info, "convBackwardWeights", [&] {
    Geometry g = geometry(info, 1, 5, 3, 6, false);
    runBackwardWeights(g, f32(info, 0), f32(info, 2), f32(info, 4), nullptr);
  });
}

// convBackward(x, xShape, w, wShape, y | null, dy, dyShape, geom, activation, dx, dw, db | null)
Napi::Value ConvBackward(const Napi::CallbackInfo& info) {
  return guarded(info, "convBackward", [&] {
    const bool hasBias = !info[11].IsNull();
    const int activation = static_cast<int>(integer(info, 8));
    Geometry g = geometry(info, 1, 3, 6, 7, hasBias);
    float* dy = f32(info, 5);
    float* grad = activationGrad(dy, activation == 0 ? nullptr : f32(info, 4), g.n * g.ho * g.wo * g.co, activation);
    Geometry data = g;
    data.bias = false;
    runBackwardData(data, grad, f32(info, 2), f32(info, 9));
    runBackwardWeights(g, f32(info, 0), grad, f32(info, 10), hasBias ? f32(info, 11) : nullptr);
  });
}

}  // namespace

void initConv(Napi::Env env, Napi::Object exports) {
  exports.Set("convForward", Napi::Function::New(env, ConvForward));
  exports.Set("convBackwardData", Napi::Function::New(env, ConvBackwardData));
  exports.Set("convBackwardWeights", Napi::Function::New(env, ConvBackwardWeights));
  exports.Set("convBackward", Napi::Function::New(env, ConvBackward));
}

}  // namespace vad
