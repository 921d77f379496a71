/**
 * Nothing moves when an image loads: every <img> of the build (staff portraits, flyer drawings)
 * carries its width and height, so the browser reserves the space before the file arrives.
 * (Lighthouse once measured CLS 0.248 on /fa/, blaming a portrait and a late second Vazirmatn weight.)
 */
import fs from 'node:fs';
import { expect, test } from '../helpers/test.ts';
import { builtPages, clientDir } from '../../scripts/lib/builtPages.ts';

test('every built image has its width and height, so nothing shifts when it loads', () => {
  const pages = builtPages().filter((page) => page.endsWith('/') || page.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(0);
  const unsized = pages.flatMap((page) => {
    const imgs = fs.readFileSync(`${clientDir}${page.endsWith('/') ? `${page}index.html` : page}`, 'utf8').match(/<img\b[^>]*>/g) ?? [];
    return imgs.filter((img) => !/\swidth="\d+"/.test(img) || !/\sheight="\d+"/.test(img)).map((img) => `${page}: ${img}`);
  });
  expect(unsized).toEqual([]);
});
