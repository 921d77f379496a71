/**
 * ESLint for the whole tree (npm run lint, and so npm test): JavaScript and TypeScript
 * (typescript-eslint), Astro components (eslint-plugin-astro) with its accessibility rules
 * (jsx-a11y, strict). Formatting is Prettier's job (prettier --check in npm run lint).
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, packages, staff data and tool reports; content/ is data checked by the build's schemas.
    ignores: ['dist/', '.astro/', 'node_modules/', 'public/', 'content/', 'data/', 'shots/'],
  },
  { ignores: ['bench-results/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  astro.configs['jsx-a11y-strict'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Prettier cannot break a string, so long lines are split by hand. Excepted: URLs, regular
      // expressions, and data: a line that is one plain string (an SVG path, a fixture's text).
      'max-len': [
        'error',
        { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignorePattern: String.raw`^\s*([\w$]+: )?'[^']*',?$` },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Typed lint: a promise nobody awaits (a mail, a database write) hides its error, so these
    // rules read the types (typescript-eslint's project service, the same tsconfig as astro check).
    // Astro's parser cannot use the project service (it would fall back to a whole program per
    // file, five times slower here), so components' front matter is linted without types.
    files: ['**/*.ts'],
    ignores: ['**/*.astro/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Browser code: the scripts that pages ship, and <script> blocks inside components.
    files: ['src/browser/**', '**/*.astro/*.js', '**/*.astro/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // One direction between the two: the calendar shows meetings, so it imports src/meetings/, never the reverse.
    files: ['src/meetings/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['#src/calendar/*', '**/calendar/*'], message: 'src/calendar/ imports src/meetings/, not the other way round.' },
          ],
        },
      ],
    },
  },
);
