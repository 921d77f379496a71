import { describe, expect, it } from 'vitest';
import { DENSEST_BROTLI_QUALITY, PAGE_BROTLI_QUALITY, brotliQualityFor } from '../../scripts/lib/brotliQuality.ts';

describe('brotliQualityFor()', () => {
  it('gives the landing pages (language chooser, each home page) and hashed assets the densest level', () => {
    for (const file of ['index.html', 'da/index.html', 'ur/index.html', '_astro/site-1.js', '_astro/DemoNotice.css']) {
      expect(brotliQualityFor(file), file).toBe(DENSEST_BROTLI_QUALITY);
    }
    expect(brotliQualityFor('so\\index.html')).toBe(DENSEST_BROTLI_QUALITY);
  });

  it('gives the flyer generator pages and the language blocks they fetch the densest level', () => {
    for (const file of ['da/flyer/index.html', 'ur/flyer/index.html', 'ar/flyer/block.json']) {
      expect(brotliQualityFor(file), file).toBe(DENSEST_BROTLI_QUALITY);
    }
    for (const file of ['da/flyer/print/index.html', 'xx/flyer/index.html', 'da/flyer/other.json']) {
      expect(brotliQualityFor(file), file).toBe(PAGE_BROTLI_QUALITY);
    }
  });

  it('gives every other page, feed and index file the faster page level', () => {
    expect(PAGE_BROTLI_QUALITY).toBeLessThan(DENSEST_BROTLI_QUALITY);
    for (const file of [
      'da/meetings/index.html',
      'da/meetings/x/index.html',
      'xx/index.html',
      'da/calendar.ics',
      'pagefind/pagefind.js',
      '404.html',
    ]) {
      expect(brotliQualityFor(file), file).toBe(PAGE_BROTLI_QUALITY);
    }
  });
});
