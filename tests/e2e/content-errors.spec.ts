/**
 * Bad content fails the build, and the message names the file and the field.
 * (Builds a temporary copy of the site; content/ is never touched.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/test.ts';
import { buildFixture } from '../helpers/buildFixture.ts';

test.describe.configure({ timeout: 120_000 });

test('a page without a title fails the build naming the file and the field', () => {
  const { status, output } = buildFixture((dir) => {
    fs.writeFileSync(path.join(dir, 'content/pages/da/broken.mdx'), '---\ndescription: Ingen titel her.\n---\n\nTekst.\n');
  });
  expect(status).not.toBe(0);
  expect(output).toContain('broken.mdx');
  expect(output).toMatch(/title/);
});

test('a translation without its status fails the build naming the file and the field', () => {
  const { status, output } = buildFixture((dir) => {
    fs.writeFileSync(path.join(dir, 'content/pages/so/about.mdx'), '---\ntitle: Nagu saabsan\ndescription: Qoraal.\n---\n\nQoraal.\n');
  });
  expect(status).not.toBe(0);
  expect(output).toContain('content/pages/so/about.mdx');
  expect(output).toContain('field "translation" is missing');
});

test('an unsupported voice clip fails the build naming the file and how to send it', () => {
  const { status, output } = buildFixture((dir) => {
    fs.writeFileSync(path.join(dir, 'content/voice/hilsen.wma'), 'a Windows Media file');
  });
  expect(status).not.toBe(0);
  expect(output).toContain('content/voice/hilsen.wma: unsupported format ".wma"');
  expect(output).toMatch(/send it from the phone as a file/);
});
