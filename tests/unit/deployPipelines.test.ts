/**
 * The reference pipelines in deploy/pipelines/ cannot run here, so they are read: each is valid
 * YAML, runs only on a push to main, runs the tests' quick part and the build in that order, ships
 * dist/ with rsync, switches with `npm run publish -- --from DIR` on the server, and every
 * npm command in it is `npm ci` or a script package.json defines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);

interface Step {
  run?: string;
}
interface ActionsWorkflow {
  on: { push: { branches: string[] } };
  jobs: Record<string, { steps: Step[] }>;
}
interface GitlabCi {
  deploy: { rules: { if: string }[]; script: string[] };
}

/** The shell lines a pipeline runs, in order. */
function shellLines(file: string): string[] {
  const doc: unknown = parse(readFileSync(`deploy/pipelines/${file}`, 'utf8'));
  const lines =
    file === 'gitlab-ci.yml'
      ? (doc as GitlabCi).deploy.script
      : Object.values((doc as ActionsWorkflow).jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])));
  return lines.flatMap((l) => l.split('\n')).filter((l) => l.trim() !== '');
}

/** Every `npm …` command in a line, e.g. ["ci"], ["run", "build"]. */
function npmCommands(line: string): string[][] {
  return [...line.matchAll(/\bnpm ((?:run )?[\w:-]+)/g)].map((m) => m[1]!.split(' '));
}

describe.each(['gitlab-ci.yml', 'forgejo.yml', 'github.yml'])('deploy/pipelines/%s', (file) => {
  const lines = shellLines(file);

  it('runs on a push to main only', () => {
    const doc: unknown = parse(readFileSync(`deploy/pipelines/${file}`, 'utf8'));
    if (file === 'gitlab-ci.yml') expect((doc as GitlabCi).deploy.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == "main"' }]);
    else expect((doc as ActionsWorkflow).on).toEqual({ push: { branches: ['main'] } });
  });

  it('installs, runs the quick tests and builds, in that order, before it ships', () => {
    const order = ['npm ci', 'npm run lint', 'npm run check', 'npm run test:unit', 'npm run build', 'rsync '];
    const at = order.map((command) => lines.findIndex((l) => l.trim().startsWith(command)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  // --from copies the upload into a new release and switches; DATA_DIR is named because an SSH
  // session has none of the unit's environment (followed by hand, --activate and a missing DATA_DIR both failed).
  it('ships dist/ into a new folder and publishes it with npm run publish -- --from in the data folder', () => {
    const rsync = lines.find((l) => l.trim().startsWith('rsync '))!;
    const target = /"aaben-doer@\$DEPLOY_HOST:(\S+)\/"/.exec(rsync)?.[1];
    expect(rsync).toMatch(/ dist\/ /);
    expect(target).toMatch(/^\/var\/lib\/aaben-doer\/incoming\/\$\w+$/);
    const publish = lines.find((l) => l.includes('npm run publish'));
    expect(publish).toContain(
      `"cd /opt/aaben-doer/app && DATA_DIR=/var/lib/aaben-doer npm run publish -- --from ${target} && rm -rf ${target}"`,
    );
  });

  it('runs no npm command but npm ci and the scripts package.json defines', () => {
    const used = lines.flatMap(npmCommands);
    expect(used.length).toBeGreaterThan(0);
    for (const [command, script] of used) {
      if (command === 'run') expect(scripts, `npm run ${script}`).toContain(script);
      else expect(command).toBe('ci');
    }
  });
});
