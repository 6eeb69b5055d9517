// Deterministic row-parallel channel sums: rows [0, M) split into one static range per thread,
// each thread accumulating its own C-vector in double, combined in thread order (so results are
// identical from run to run for a fixed thread count).
#pragma once

#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace vad {

/** Calls body(rowBegin, rowEnd, acc) per thread, acc being that thread's `width`-wide doubles; returns Σ acc. */
template <typename Body>
std::vector<double> rowSums(int64_t rows, int64_t width, Body body) {
  const int threads = std::max(1, std::min<int>(omp_get_max_threads(), static_cast<int>(rows * width / (1 << 17) + 1)));
  std::vector<double> partial(static_cast<size_t>(threads) * width, 0.0);
#pragma omp parallel num_threads(threads)
  {
    const int t = omp_get_thread_num();
    const int64_t begin = rows * t / threads, end = rows * (t + 1) / threads;
    body(begin, end, partial.data() + t * width);
  }
  std::vector<double> total(width, 0.0);
  for (int t = 0; t < threads; t++)
    for (int64_t c = 0; c < width; c++) total[c] += partial[t * width + c];
  return total;
}

}  // namespace vad
