{
  "targets": [
    {
      "target_name": "vad_native",
      "sources": [
        "addon/addon.cc",
        "addon/context.cc",
        "addon/conv.cc",
        "addon/batch_norm.cc",
        "addon/elementwise.cc",
        "addon/reduce.cc",
        "addon/layout.cc",
        "addon/matmul.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": ["-std=c++17", "-O3", "-fopenmp", "-fexceptions"],
      "ldflags": ["-fopenmp"],
      "libraries": ["-ldnnl"]
    }
  ]
}
