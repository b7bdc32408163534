import type { Reporter, TestModule } from 'vitest/node';

/**
 * CI recognises a closing line "N passed, N failed"; Vitest's own summary has another shape,
 * so this reporter adds that line after the default output.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      let failedTests = 0;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failedTests += 1;
        else skipped += 1;
      }
      // A file can fail with every test passed (a failing afterAll, e.g. a deprecation warning).
      failed += testModule.state() === 'failed' && failedTests === 0 ? 1 : failedTests;
    }
    failed += unhandledErrors.length;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
