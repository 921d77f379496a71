/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so unit tests can import astro:content-free modules and render
// components with the Container API. No build needed.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A test that starts a CLI (interestCli, meetingNew, translationStatus) can need more than
    // Vitest's default 5 s on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
