/**
 * age encryption of backup files (https://age-encryption.org, the pure-TypeScript `age-encryption`
 * package: no binary needed), streamed from file to file so a large database never sits in memory.
 * The server holds only the public key (a recipient, `age1…`): what it encrypts, only the holder of
 * the identity (`AGE-SECRET-KEY-1…`, kept off the server) can read. Files are written 0600, under a
 * temporary name first, and never over an existing file.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, rm, link } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';

/** The first line of every age file ("age-encryption.org/v1"): how a restore tells it from a plain SQLite file. */
export const ageHeader = 'age-encryption.org/v1';

/** True when `firstBytes` (the start of a file) are an age file's header. */
export function isAgeEncrypted(firstBytes: Uint8Array): boolean {
  return Buffer.from(firstBytes.subarray(0, ageHeader.length)).toString('latin1') === ageHeader;
}

/** A recipient age accepts (X25519 `age1…` or post-quantum `age1pq1…`), else an Error saying what is wrong (never echoing the value). */
export function checkRecipient(recipient: string): string {
  const trimmed = recipient.trim();
  const refusal = new Error(
    'BACKUP_AGE_RECIPIENT is not an age public key: it must be the "age1…" line age-keygen prints as "Public key:".',
  );
  if (!/^age1[0-9a-z]{20,}$/.test(trimmed)) throw refusal;
  try {
    // Parses the key and its checksum (a typo is caught here, not at 2:30 at night).
    new Encrypter().addRecipient(trimmed);
  } catch {
    throw refusal;
  }
  return trimmed;
}

/**
 * The identities in an age identity file (what `age-keygen -o FILE` writes: comment lines starting
 * with #, one `AGE-SECRET-KEY-…` per line). Throws when there is none.
 */
export async function readAgeIdentities(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const identities = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (identities.length === 0 || identities.some((l) => !l.startsWith('AGE-SECRET-KEY-'))) {
    throw new Error(`${file} is not an age identity file: it must hold lines starting with AGE-SECRET-KEY- (made by age-keygen).`);
  }
  return identities;
}

/** A new identity and its recipient, as the text of an identity file in age-keygen's format. */
export async function newAgeIdentity(now = new Date()): Promise<{ identity: string; recipient: string; fileText: string }> {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const fileText = `# created: ${now.toISOString().replace(/\.\d+Z$/, 'Z')}\n# public key: ${recipient}\n${identity}\n`;
  return { identity, recipient, fileText };
}

/** Writes a web stream to `target` (0600, which must not exist) via `<target>.partial`, synced, then linked into place. */
async function writeStreamTo(stream: ReadableStream<Uint8Array>, target: string): Promise<number> {
  const partial = `${target}.partial`;
  const handle = await open(partial, 'wx', 0o600);
  try {
    for await (const chunk of Readable.fromWeb(stream as WebReadableStream<Uint8Array>)) await handle.write(chunk as Uint8Array);
    await handle.sync();
    const { size } = await handle.stat();
    await handle.close();
    // A link, not a rename: it fails instead of replacing a file that appeared at `target` meanwhile.
    await link(partial, target);
    await rm(partial);
    return size;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

/** Encrypts the file at `source` to `recipient` into `target` (0600, must not exist); resolves with its size in bytes. */
export async function encryptFile(source: string, target: string, recipient: string): Promise<number> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(checkRecipient(recipient));
  const plain = Readable.toWeb(createReadStream(source)) as unknown as ReadableStream<Uint8Array>;
  return writeStreamTo(await encrypter.encrypt(plain), target);
}

/** Decrypts the age file at `source` with `identities` into `target` (0600, must not exist); rejects when none of them fits. */
export async function decryptFile(source: string, target: string, identities: readonly string[]): Promise<number> {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  const sealed = Readable.toWeb(createReadStream(source)) as unknown as ReadableStream<Uint8Array>;
  return writeStreamTo(await decrypter.decrypt(sealed), target);
}
