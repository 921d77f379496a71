/**
 * Backups of the database, from the server's command line (and nightly, by
 * deploy/aaben-doer-backup.service):
 *   npm run backup -- --out FILE [--keep N]
 *   npm run backup -- --new-key FILE      on YOUR OWN computer, never the server
 * An online copy while the site takes posts, integrity-checked, with the form secret, encrypted
 * with age to env BACKUP_AGE_RECIPIENT when it is set (src/store/makeBackup.ts). `--keep N` (or env
 * BACKUP_KEEP) then deletes the older backups named like FILE beyond the newest N. Restore:
 * `npm run restore -- FILE` (scripts/restore.ts). It prints counts and file names, never a value.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { newAgeIdentity } from '#src/store/ageEncryption.ts';
import { makeBackup } from '#src/store/makeBackup.ts';
import { resolveDataDir } from '#src/store/openStore.ts';
import { pruneBackups } from '#src/store/pruneBackups.ts';

const usage = `Usage: npm run backup -- --out FILE [--keep N]
  --out FILE      where the backup goes (must not exist yet; its folder is made 0700)
  --keep N        then delete older backups named like FILE (other digits), keeping the newest N
                  (default: env BACKUP_KEEP; without either, nothing is deleted)
  --new-key FILE  make an age key pair: the secret key into FILE (0600), the public key printed.
                  Do this on your own computer, not on the server, and keep FILE safe.
The data directory is $DATA_DIR (default ./data). With BACKUP_AGE_RECIPIENT=age1… the backup is
encrypted with age; only the secret key can read it (npm run restore with AGE_IDENTITY=FILE).`;

const { values: opts } = parseArgs({
  options: {
    out: { type: 'string' },
    keep: { type: 'string' },
    'new-key': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

if (opts.help) {
  console.log(usage);
  process.exit(0);
}

if (opts['new-key']) {
  const { recipient, fileText } = await newAgeIdentity();
  try {
    writeFileSync(opts['new-key'], fileText, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    fail(`The key was not written: ${opts['new-key']} (${(error as { code?: string }).code ?? 'error'}).`);
  }
  console.log(`Secret key written to ${opts['new-key']}: keep it OFF the server, in two safe places; without it no backup can be read.`);
  console.log(`Public key, for BACKUP_AGE_RECIPIENT on the server:\n${recipient}`);
  process.exit(0);
}

if (!opts.out) fail(usage, 2);
const keepText = (opts.keep ?? process.env.BACKUP_KEEP ?? '').trim();
const keep = keepText === '' ? undefined : Number(keepText);
if (keep !== undefined && (!Number.isInteger(keep) || keep < 1))
  fail(`--keep (or BACKUP_KEEP) must be a whole number of 1 or more, got "${keepText}".`, 2);
const recipient = process.env.BACKUP_AGE_RECIPIENT?.trim() || undefined;

const started = Date.now();
try {
  const made = await makeBackup({ out: opts.out, dataDir: resolveDataDir(), recipient });
  const c = made.contents;
  console.log(
    `Backup made: ${made.file} (${Math.ceil(made.bytes / 1024)} KB, ${made.encrypted ? 'age-encrypted' : 'NOT encrypted'}, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s): ${c.requests} requests, ${c.staff} staff, ${c.passkeys} passkeys, ` +
      `${c.audit} audit rows, schema ${c.schemaVersion}, ${made.formSecret ? 'with' : 'WITHOUT'} the form secret.`,
  );
  if (!made.encrypted)
    console.error('Not encrypted: set BACKUP_AGE_RECIPIENT (docs/operations.md → Backups) before it leaves this server.');
  if (keep !== undefined) {
    const deleted = pruneBackups(made.file, keep);
    if (deleted.length > 0) console.log(`Deleted ${deleted.length} older backup(s), keeping the newest ${keep}: ${deleted.join(', ')}`);
  }
} catch (error) {
  fail((error as Error).message);
}
