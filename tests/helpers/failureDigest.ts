/**
 * A Playwright reporter that prints, once more at the very end of the run, each failed test with
 * its first error lines. The line reporter prints an error where it happens, hundreds of lines
 * before the end; a CI log that keeps only its tail then says which test failed but not why.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** How many lines of each error are repeated. */
const errorLines = 30;

// eslint-disable-next-line no-control-regex -- the terminal colour codes in Playwright's messages
const colours = /\u001b\[[0-9;]*m/g;

export default class FailureDigest implements Reporter {
  private failures: { test: TestCase; result: TestResult }[] = [];

  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // 'unexpected': failed, timed out, or passed when marked to fail (retries are 0, so the one result).
    if (test.outcome() === 'unexpected') {
      this.failures.push({ test, result });
    }
  }

  onEnd(): void {
    if (this.failures.length === 0) return;
    const out: string[] = ['', `==== ${this.failures.length} failed, again, with why ====`];
    for (const { test, result } of this.failures) {
      const where = `${test.location.file.replace(`${process.cwd()}/`, '')}:${test.location.line}`;
      const title = test.titlePath().filter(Boolean).join(' › ');
      const status = result.status === 'passed' ? 'passed, though marked to fail,' : result.status;
      out.push('', `✘ ${title} (${where}) — ${status} after ${(result.duration / 1000).toFixed(1)} s`);
      for (const error of result.errors) {
        const text = (error.stack ?? error.message ?? String(error.value ?? '')).replace(colours, '');
        out.push(
          ...text
            .split('\n')
            .slice(0, errorLines)
            .map((line) => `    ${line}`),
        );
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
