/**
 * `npm test`: every check, in the order that lets the slow ones overlap on a small machine.
 *   1. lint and `astro check` side by side: each is mostly one core, and lint only reads files,
 *      so together they take about as long as the longer of them;
 *   2. the unit tests (not beside `astro check` or the build: all three run Astro's content sync,
 *      which writes the same files);
 *   3. the build (with the flyer PDFs), which the browser tests visit;
 *   4. the browser tests.
 * Steps side by side print their output whole when they end (never interleaved); a step alone
 * streams it. Then a table of how long each step took. The first phase that fails stops the run with a non-zero exit code.
 */
import { spawn } from 'node:child_process';

/** A step: its name in the table, the command and its arguments. */
type Step = [name: string, command: string, args: string[]];

const phases: Step[][] = [
  [
    ['lint', 'npm', ['run', 'lint']],
    ['astro check', 'npm', ['run', 'check']],
  ],
  [['unit tests', 'npm', ['run', 'test:unit']]],
  [['build', 'npm', ['run', 'build']]],
  [['browser tests', 'npm', ['run', 'test:e2e']]],
];

interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
}

/** Runs one step; `collect` keeps its output and prints it when the step ends. */
function run(name: string, command: string, args: string[], collect: boolean): Promise<StepResult> {
  const started = performance.now();
  if (!collect) process.stdout.write(`\n==== ${name} ====\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: collect ? 'pipe' : 'inherit' });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const ok = code === 0;
      process.stdout.write(`\n==== ${name}: ${ok ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s ====\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ name, ok, seconds });
    });
  });
}

const started = performance.now();
const results: StepResult[] = [];
let failed = false;
for (const phase of phases) {
  const done = await Promise.all(phase.map(([name, command, args]) => run(name, command, args, phase.length > 1)));
  results.push(...done);
  if (done.some((r) => !r.ok)) {
    failed = true;
    break;
  }
}
const total = (performance.now() - started) / 1000;
console.log('\n==== npm test ====');
for (const r of results) console.log(`${r.name.padEnd(14)} ${r.ok ? 'passed' : 'FAILED'} ${r.seconds.toFixed(0).padStart(5)} s`);
console.log(`${'total'.padEnd(21)} ${total.toFixed(0).padStart(5)} s (${(total / 60).toFixed(1)} min)`);
process.exit(failed ? 1 : 0);
