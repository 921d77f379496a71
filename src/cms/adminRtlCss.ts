/**
 * The admin's right-to-left rules, from the locales registry: every field for a `dir: 'rtl'`
 * language (ar, ur, fa today) is typed right to left, in per-language groups (`title.ar`) and in
 * the Arabic/Urdu/Farsi panes of translated pages. Sveltia marks fields with data-key-path and
 * panes with data-locale; its inputs use dir="auto", which guesses wrong on an empty field or a
 * line that starts with a Latin name.
 */
import { locales } from '#src/i18n/locales.ts';

const editable = ':is(input[type="text"], input:not([type]), textarea, [contenteditable="true"])';

export function adminRtlCss(): string {
  const rtl = locales.filter((l) => l.dir === 'rtl').map((l) => l.code);
  const scopes = rtl.flatMap((code) => [`[data-key-path$=".${code}"]`, `[data-locale="${code}"]`]);
  return (
    `/* Right-to-left languages from src/i18n/locales.ts: ${rtl.join(', ')} */\n` +
    `:is(${scopes.join(', ')}) ${editable} {\n  direction: rtl;\n  unicode-bidi: isolate;\n  text-align: start;\n}\n` +
    // The Danish source's hash is a code, not text in the language: it stays left to right.
    `section[data-key-path="translation.source"] :is(input[type="text"], input:not([type])) {\n  direction: ltr;\n}\n`
  );
}
