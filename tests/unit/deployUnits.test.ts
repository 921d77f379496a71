/**
 * The systemd units in deploy/ as IT installs them: `systemd-analyze verify` finds nothing to say
 * about any of them, and `systemd-analyze security --offline=yes` scores the site's unit ≤ 2.0.
 * verify checks that every program a unit starts exists, so it runs with --root on a temporary
 * root holding the unit files unchanged, the system's own units, and each program at the path the
 * unit names: the project's node binary for /opt/aaben-doer/app/…, the machine's own for the rest.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const deployDir = 'deploy';
const appDir = '/opt/aaben-doer/app';
const systemUnits = ['/usr/lib/systemd/system', '/lib/systemd/system'].find((d) => spawnSync('test', ['-d', d]).status === 0);
const analyze = spawnSync('systemd-analyze', ['--version']);
const missing = analyze.error ? 'systemd-analyze is not installed (Debian: apt-get install systemd); .ci/run installs it' : null;
if (missing) console.warn(`deployUnits.test.ts skipped: ${missing}`);

const unitFiles = readdirSync(deployDir).filter((f) => /^aaben-doer.*\.(service|timer)$/.test(f));

/** The programs a unit file starts (Exec* lines; the first word after systemd's prefixes). */
function programsOf(unit: string): string[] {
  return [...unit.matchAll(/^Exec[A-Za-z]*=[-@:+!]*(\S+)/gm)].map((m) => m[1]!);
}

/** Puts `source` at `target`: a hard link where the file system allows it, else a copy. */
function place(source: string, target: string) {
  if (existsSync(target)) return;
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    linkSync(realpathSync(source), target);
  } catch {
    copyFileSync(realpathSync(source), target);
  }
}

describe.skipIf(missing !== null)(`deploy/ systemd units${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'deploy-units-'));
    cpSync(systemUnits!, path.join(root, 'usr/lib/systemd/system'), { recursive: true, verbatimSymlinks: true });
    for (const file of unitFiles) {
      place(path.join(deployDir, file), path.join(root, 'etc/systemd/system', file));
      for (const program of programsOf(readFileSync(path.join(deployDir, file), 'utf8'))) {
        const source = program.startsWith(`${appDir}/`) ? path.join('.', program.slice(appDir.length + 1)) : program;
        place(source, path.join(root, program));
      }
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('has the site, backup and pull units with their timers', () => {
    expect(unitFiles.sort()).toEqual([
      'aaben-doer-backup.service',
      'aaben-doer-backup.timer',
      'aaben-doer-pull.service',
      'aaben-doer-pull.timer',
      'aaben-doer.service',
    ]);
  });

  it('starts the site with the project’s own Node 22, from the code folder', () => {
    const unit = readFileSync(path.join(deployDir, 'aaben-doer.service'), 'utf8');
    expect(programsOf(unit)).toEqual([`${appDir}/node_modules/node/bin/node`]);
    expect(unit).toMatch(/^ExecStart=\S+ .*src\/server\/server\.ts$/m);
    expect(unit).toMatch(/^WorkingDirectory=\/opt\/aaben-doer\/app$/m);
  });

  it('the backup and pull units run only commands the project has', () => {
    const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
    const pull = readFileSync(path.join(deployDir, 'aaben-doer-pull.service'), 'utf8');
    const execLines = pull
      .split('\n')
      .filter((l) => l.startsWith('Exec'))
      .join('\n');
    const npmRuns = [...execLines.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(npmRuns).toEqual(['publish']);
    for (const script of npmRuns) expect(scripts, `npm run ${script}`).toContain(script);
    const backup = readFileSync(path.join(deployDir, 'aaben-doer-backup.service'), 'utf8');
    const backupScript = /node\/bin\/node \S+ (scripts\/\S+\.ts)/.exec(backup)?.[1];
    expect(backupScript).toBe('scripts/backup.ts');
    expect(existsSync(backupScript!), backupScript).toBe(true);
  });

  it.each(unitFiles)('systemd-analyze verify has nothing to say about %s', (file) => {
    const result = spawnSync('systemd-analyze', ['verify', `--root=${root}`, '--man=no', file], { encoding: 'utf8' });
    expect(result.stderr + result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('a misspelt setting would be reported (the check above can fail)', () => {
    const unit = readFileSync(path.join(deployDir, 'aaben-doer.service'), 'utf8').replace('ProtectSystem=', 'ProtectSystm=');
    const file = path.join(root, 'etc/systemd/system/misspelt.service');
    writeFileSync(file, unit);
    const result = spawnSync('systemd-analyze', ['verify', `--root=${root}`, '--man=no', 'misspelt.service'], { encoding: 'utf8' });
    expect(result.stderr).toMatch(/Unknown key 'ProtectSystm'/);
  });

  it('systemd-analyze security --offline=yes scores the site’s unit 2.0 or better', () => {
    const result = spawnSync('systemd-analyze', ['security', '--offline=yes', path.join(deployDir, 'aaben-doer.service')], {
      encoding: 'utf8',
    });
    const score = /Overall exposure level for aaben-doer\.service: (\d+\.\d+)/.exec(result.stdout)?.[1];
    expect(score, result.stdout + result.stderr).toBeDefined();
    expect(Number(score)).toBeLessThanOrEqual(2.0);
  });
});
