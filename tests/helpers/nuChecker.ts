/**
 * The W3C Nu HTML checker (the checker of validator.w3.org/nu, from the vnu-jar package) on the
 * machine's own Java: `java` must be on the PATH (.ci/run installs default-jre-headless where it
 * is missing; the package's own Java download is never run). One Java start checks every file.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** One message of the checker's JSON report (--format json). */
interface NuMessage {
  /** "error", or "non-document-error" when a file could not be read at all. */
  type: string;
  /** The file, as a file: URL. */
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  /** The markup around the error. */
  extract?: string;
}

/**
 * Every error the Nu checker finds in the .html files of the given files and folders (warnings
 * are not errors), each as "where:line:column: message (extract)"; `nameOf` says how to name a file.
 */
export async function nuCheckerErrors(paths: string[], nameOf: (file: string) => string = (file) => file): Promise<string[]> {
  // The quick compiler only: a run this short spends less than half the CPU time (it needs a larger stack then).
  const java = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-jar', vnuJar];
  const args = [...java, '--errors-only', '--skip-non-html', '--format', 'json', '--stdout', '--exit-zero-always', ...paths];
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('java', args, { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error('The Nu checker needs Java: no "java" on the PATH (apt-get install default-jre-headless; .ci/run does).', {
      cause: error,
    });
  }
  const { messages } = JSON.parse(stdout) as { messages: NuMessage[] };
  return messages.map((m) => {
    const where = m.url ? nameOf(fileURLToPath(m.url)) : '(no file)';
    const extract = m.extract ? ` in ${JSON.stringify(m.extract.slice(0, 120))}` : '';
    return `${where}:${m.lastLine ?? 0}:${m.firstColumn ?? 0}: ${m.type}: ${m.message}${extract}`;
  });
}
