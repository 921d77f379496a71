/** Starts the production server as a child process, for the e2e tests and the bench. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The production server's entry file, relative to the project (package.json "serve" runs it too). */
export const serverEntry = 'src/server/server.ts';

export interface RunningServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  process: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far (its log). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** The project folder; default the current one. */
  root?: string;
  /** 0 (the default) takes any free port. */
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Starts the server on 127.0.0.1 and resolves once it says where it is listening. */
export async function startServer({ root = '.', port = 0, env = {}, timeoutMs = 30_000 }: StartServerOptions = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [path.resolve(root, serverEntry)], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server did not start within ${timeoutMs / 1000} s${port ? ` (is port ${port} taken?)` : ''}:\n${out}`));
    }, timeoutMs);
    child.stdout!.on('data', () => {
      const match = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${out}`));
    });
  });
  return { url, process: child, output: () => out, stop };
}
