/** A +45 number as Danes write it ("+45 43 97 00 00"); other countries in groups of three. */
export function formatPhone(e164: string): string {
  const dk = /^\+45(\d{8})$/.exec(e164);
  if (dk) return `+45 ${dk[1]!.replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  return e164.replace(/^(\+\d{2})(\d+)$/, (_, cc: string, rest: string) => `${cc} ${rest.replace(/(\d{3})(?=\d)/g, '$1 ')}`);
}
