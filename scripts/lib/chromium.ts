/**
 * The one place that knows where the browser is and how to start it, for the tests, the flyer
 * PDFs, the screenshots and the bench. We never download a browser: it is the system Chromium.
 */
import fs from 'node:fs';
import type { Browser, LaunchOptions } from '@playwright/test';

/** Flags for a headless Chromium in a container or CI: no sandbox, no GPU, no calls home. */
export const chromiumFlags: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the browser should be: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumCandidate(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The system Chromium, or an error that says how to get one. */
export function chromiumPath(): string {
  const candidate = chromiumCandidate();
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `No Chromium at ${candidate}. Install one with "sudo apt-get install -y chromium" (Debian/Ubuntu), ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary. The tools never download a browser.',
    );
  }
  return candidate;
}

/** Playwright launch options for the system Chromium; `extraFlags` come after the common ones. */
export function chromiumLaunchOptions(extraFlags: readonly string[] = []): LaunchOptions {
  return { executablePath: chromiumPath(), args: [...chromiumFlags, ...extraFlags] };
}

/** Starts the system Chromium through Playwright (imported late: a host without it gets chromiumPath's message first). */
export async function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  const options = chromiumLaunchOptions(extraFlags);
  const { chromium } = await import('@playwright/test');
  return chromium.launch(options);
}
