/**
 * What the server does with its database before it opens it (src/store/backupBeforeUpgrade.ts):
 * a backup when this release will migrate it, and a clear refusal, with a non-zero exit, when the
 * file was written by a newer release. Logs file names and versions, never a value.
 */
import { backupBeforeUpgrade } from '#src/store/backupBeforeUpgrade.ts';
import { NewerSchemaError } from '#src/store/migrations.ts';
import { resolveDataDir } from '#src/store/openStore.ts';

/** The exit code of a server that refuses its database (systemd shows it; the tests expect it). */
export const refusedDatabaseExitCode = 3;

/** Backs up before a migration; on a database newer than the code, says so and ends the process. */
export async function upgradeOnStart(dataDir = resolveDataDir(), env: Record<string, string | undefined> = process.env): Promise<void> {
  try {
    const backup = await backupBeforeUpgrade({ dataDir, recipient: env.BACKUP_AGE_RECIPIENT?.trim() || undefined });
    if (backup) {
      console.log(
        `database: schema ${backup.fromVersion} → ${backup.toVersion}; backed up first to ${backup.file}` +
          `${backup.encrypted ? ' (age-encrypted)' : ''}; migrating`,
      );
    }
  } catch (error) {
    if (!(error instanceof NewerSchemaError)) throw error;
    console.error(`database: refused. ${error.message}`);
    process.exit(refusedDatabaseExitCode);
  }
}
