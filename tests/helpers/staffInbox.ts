/** What the inbox's e2e specs do behind the browser: invite by the staff CLI, and put a request straight into the database. */
import { execFileSync } from 'node:child_process';
import type { DatabaseSync } from 'node:sqlite';

/** Invites by the staff CLI with `env` (DATA_DIR, PUBLIC_ORIGIN of the test server); returns the link it prints. */
export function inviteByCli(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const out = execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/staff.ts', 'invite', ...args], {
    env,
    encoding: 'utf8',
  });
  return /^(http\S+)$/m.exec(out)![1]!;
}

/** Adds one new request (Asha, Somali, call back any time) as the form would store it; returns its id. */
export function addRequest(d: DatabaseSync): number {
  return Number(
    d
      .prepare(
        `INSERT INTO interest
           (created_at, first_name, phone, language, contact_method, best_time, activities, interpreter, consent_version, consent_language)
         VALUES (?, 'Asha', '+4520111111', 'so', 'call', 'any', '[]', 0, 'v', 'so')`,
      )
      .run(new Date().toISOString()).lastInsertRowid,
  );
}
