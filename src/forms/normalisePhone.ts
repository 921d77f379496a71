/**
 * Her phone number as people type it, and the characters no typed text may hold: the rules every
 * form (src/forms/formFields.ts), the staff CLI and the browser's live check share.
 */

export const phoneMinDigits = 8;
export const phoneMaxDigits = 15;

// Embeddings, overrides and isolates (U+202A–202E, U+2066–2069) can make text display as
// something else; C0/C1 controls and line separators break CSV and logs. ZWNJ/ZWJ stay allowed:
// Persian and Urdu spelling needs them.
const forbiddenText = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

/** True when `text` holds a bidi override/embedding/isolate or a control character. */
export function hasForbiddenCharacters(text: string): boolean {
  return forbiddenText.test(text);
}

/**
 * Normalises a phone number as people type it: Arabic-Indic (٠-٩) and Persian (۰-۹) digits,
 * spaces, dashes, dots, brackets, "+45"/"0045". Eight digits without a country code are Danish.
 */
export function normalisePhone(raw: string): { ok: true; phone: string } | { ok: false; code: 'missing' | 'invalid' } {
  let s = raw.normalize('NFKC');
  if (hasForbiddenCharacters(s)) return { ok: false, code: 'invalid' };
  s = s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    // Separators people type, and the direction marks RTL keyboards add around numbers.
    .replace(/[\s\-.()/\u200E\u200F\u061C]/gu, '');
  if (s === '') return { ok: false, code: 'missing' };
  let international = false;
  if (s.startsWith('+')) {
    international = true;
    s = s.slice(1);
  } else if (s.startsWith('00')) {
    international = true;
    s = s.slice(2);
  }
  if (!/^[0-9]+$/.test(s) || s.length < phoneMinDigits || s.length > phoneMaxDigits) {
    return { ok: false, code: 'invalid' };
  }
  if (international) return { ok: true, phone: `+${s}` };
  if (s.length === 8) return { ok: true, phone: `+45${s}` };
  return { ok: true, phone: s };
}
