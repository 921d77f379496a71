import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import FallbackContent from '#src/components/FallbackContent.astro';

describe('FallbackContent', () => {
  it('marks Danish text on an Arabic page as Danish, left-to-right, with a notice in Arabic', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(FallbackContent, {
      props: { lang: 'ar', contentLang: 'da' },
      slots: { default: '<p>Det er gratis.</p>' },
    });
    expect(html).toContain('هذه الصفحة غير مترجمة إلى العربية بعد');
    expect(html).toMatch(/<div lang="da" dir="ltr"[^>]*data-fallback-content[^>]*>\s*<p>Det er gratis\.<\/p>/);
  });

  it('adds nothing when the text is in her language', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(FallbackContent, {
      props: { lang: 'ar', contentLang: 'ar' },
      slots: { default: '<p>إنه مجاني.</p>' },
    });
    expect(html.trim()).toBe('<p>إنه مجاني.</p>');
  });
});
