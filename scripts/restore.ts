/**
 * Restores a backup made by `npm run backup` into the data directory, from the server's command line:
 *   npm run restore -- FILE [--force]
 * With AGE_IDENTITY=path (the age secret key file) for an encrypted backup. Into an empty
 * DATA_DIR only: one that holds a database or a form secret is refused unless --force, which
 * moves those aside (stop the server first). Checks integrity, migrates to this release's schema,
 * writes the form secret back (src/store/restoreBackup.ts). Prints counts, never a value.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '#src/store/openStore.ts';
import { restoreBackup } from '#src/store/restoreBackup.ts';

const usage = `Usage: npm run restore -- FILE [--force]
  FILE     a backup made by npm run backup (plain, or age-encrypted: then set AGE_IDENTITY=KEYFILE)
  --force  restore even though DATA_DIR holds a database: it is moved aside into DATA_DIR/replaced-<time>/.
           Stop the server first (systemctl stop aaben-doer).
The data directory is $DATA_DIR (default ./data).`;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});

if (opts.help) {
  console.log(usage);
  process.exit(0);
}
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

const started = Date.now();
try {
  const done = await restoreBackup({
    file,
    dataDir: resolveDataDir(),
    identityFile: process.env.AGE_IDENTITY || undefined,
    force: !!opts.force,
  });
  const c = done.contents;
  if (done.movedAside) console.log(`The data that was there is now in ${done.movedAside}.`);
  console.log(
    `Restored into ${done.dataDir} (${done.encrypted ? 'decrypted, ' : ''}integrity ok, schema ${done.fromVersion}` +
      `${done.toVersion !== done.fromVersion ? ` → ${done.toVersion}` : ''}, ${((Date.now() - started) / 1000).toFixed(1)} s): ` +
      `${c.requests} requests, ${c.staff} staff, ${c.passkeys} passkeys, ${c.audit} audit rows, ` +
      `${done.formSecret ? 'the form secret written back' : 'no form secret in the backup (a new one is made at start)'}.`,
  );
  console.log('Start the server (systemctl start aaben-doer), check /healthz and sign in to the inbox.');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
