/**
 * A public UI string, read from src/i18n/ui/<lang>.json. Playwright's loader cannot import the
 * JSON UI files through translate.ts, so the browser tests read them here.
 */
import fs from 'node:fs';

export const uiText = (lang: string, key: string): string => JSON.parse(fs.readFileSync(`src/i18n/ui/${lang}.json`, 'utf8'))[key];
