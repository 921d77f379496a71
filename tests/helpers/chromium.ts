import fs from 'node:fs';

/** The system Chromium: $CHROMIUM_PATH, else /usr/bin/chromium. We never download a browser. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `No Chromium at ${candidate}. Install one with "sudo apt-get install -y chromium" (Debian/Ubuntu), ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary. The tests never download a browser.',
    );
  }
  return candidate;
}
