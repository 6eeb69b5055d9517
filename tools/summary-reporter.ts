import type { Reporter, TestModule } from 'vitest/node';

/**
 * Vitest reporter that ends the run with the plain line the CI reads: `N passed, N failed`
 * (skipped tests are counted on the line before it, so the last line is exactly that form). A failed file without a failed test (it does not import, or a
 * beforeAll hook threw) counts as one failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let moduleFailed = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') moduleFailed++;
        else skipped++;
      }
      // a file that fails with no failed test (does not import, or a beforeAll threw) counts once
      failed += module.state() === 'failed' && moduleFailed === 0 ? 1 : moduleFailed;
    }
    failed += unhandledErrors.length;
    const skippedLine = skipped > 0 ? `${skipped} skipped (each spec prints why)\n` : '';
    process.stdout.write(`\n${skippedLine}${passed} passed, ${failed} failed\n`);
  }
}
