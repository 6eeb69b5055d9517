// Test data shared by the specs (excluded from the build).
// Fixture drawn with numpy default_rng(7), scores rounded to 0.1 so many ties; every value
// the specs expect for it was computed with scikit-learn 1.6.1 (numpy 2.4.6, scipy 1.17.1).
export const fixtureLabels = [0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1];
export const fixtureScores = [
  0.2, 0.5, 0.3, 0.9, 0.8, 0.4, 0.5, 0.3, 0.3, 0.5, 0.6, 0.8, 0.4, 0.2, 0.2, 0.1, 0.5, 0.2, 0.6, 0.4, 0.8, 0.8, 0.4, 0.5, 0.7, 0.1,
  0.2, 0.1, 0.6, 0.1, 0.4, 0.6, 0.9, 0.8, 0.1, 0.9, 0.6, 0.9, 0.3, 0.5,
];

/** Mulberry32: a seeded generator for test data (tests must not use Math.random). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

