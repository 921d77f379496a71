/**
 * Which Danish version a translation was made from: the first 12 hex digits of the SHA-256 of
 * the Danish file's text. When the Danish file changes, translations made from it are outdated.
 */
import { createHash } from 'node:crypto';

export function sourceHash(danishFileText: string): string {
  return createHash('sha256').update(danishFileText.replace(/\r\n/g, '\n'), 'utf8').digest('hex').slice(0, 12);
}
