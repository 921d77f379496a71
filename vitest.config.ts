/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so unit tests can import astro:content-free modules and render
// components with the Container API. No build needed.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // npm test runs lint and astro check beside the unit tests on 2 cores: a test that starts a
    // CLI (interestCli, meetingNew, translationStatus) can need more than Vitest's default 5 s.
    testTimeout: 30_000,
  },
});
