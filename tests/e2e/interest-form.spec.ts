/**
 * The "call me back" form against the production server: a woman registers with JavaScript
 * off in Arabic; errors come back GOV.UK style in her language with her input kept; every
 * bad-input class gets its answer and no row; bots are dropped silently; quick exit leaves.
 */
import { expect, test } from '../helpers/test.ts';
import { axeViolations } from '../helpers/axe.ts';
import { openInterestStore } from '#src/store/interest.ts';
import { e2eDataDir, formBody, formToken, postInterest, validFields } from '../helpers/interestServer.ts';
import { langs, type Lang } from '#src/i18n/locales.ts';
import { localDigits } from '#src/i18n/localDigits.ts';
import { siteConfig } from '#site.config.ts';
import { reminderWorkingDays } from '#src/inbox/mailNotices.ts';
import { uiText } from '../helpers/uiText.ts';

/** Rows stored for one phone number (in the shared server's database). */
function rowsFor(phone: string) {
  const store = openInterestStore({ dataDir: e2eDataDir });
  try {
    return store.findByPhone(phone.startsWith('+') ? phone : `+45${phone}`);
  } finally {
    store.close();
  }
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a woman registers in Arabic, end to end', async ({ page }) => {
    await page.goto('/ar/interest/');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('اتصلوا بي');
    await page.getByLabel('اسمك الأول').fill('فاطمة');
    // Arabic-Indic digits with spaces, as her phone's keyboard types them.
    await page.getByLabel('رقم هاتفك').fill('٢٠ ١٢ ٣٤ ٥٦');
    await expect(page.getByLabel('بأي لغة تفضلين أن نتحدث؟')).toHaveValue('ar');
    await page.getByLabel('اكتبوا لي على واتساب').check();
    await page.getByLabel('قبل الظهر (9–12)').check();
    const activities = page.locator('input[name="activity"]');
    const activity = (await activities.count()) > 0 ? await activities.first().getAttribute('value') : null;
    if (activity) await activities.first().check();
    await page.getByLabel(uiText('ar', 'interest.interpreter.label')).check();
    await page.locator('#interest-consent').check();
    const phone = '+4520123456';
    const before = rowsFor(phone).length;
    await page.waitForTimeout(3100); // the minimum fill time: a person is never quicker
    await page.getByRole('button', { name: 'إرسال' }).click();

    await expect(page).toHaveURL(/\/ar\/interest\/thanks\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('شكرًا! سنتواصل معك قريبًا');
    const rows = rowsFor(phone);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      firstName: 'فاطمة',
      phone,
      language: 'ar',
      contactMethod: 'whatsapp',
      bestTime: 'morning',
      activities: activity ? [activity] : [],
      interpreter: true,
      consentLanguage: 'ar',
    });
    expect(rows.at(-1)!.consentVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  test('errors come back in her language, GOV.UK style, with what she typed kept', async ({ page }) => {
    await page.goto('/ar/interest/');
    await page.getByLabel('اسمك الأول').fill('فاطمة');
    await page.getByLabel('رقم هاتفك').fill('12 34');
    await page.getByLabel('اكتبوا لي على واتساب').check();
    await page.waitForTimeout(3100);
    const [response] = await Promise.all([page.waitForResponse('**/api/interest'), page.getByRole('button', { name: 'إرسال' }).click()]);
    expect(response.status()).toBe(400);

    await expect(page).toHaveTitle(/^خطأ: اتصلوا بي/);
    const summary = page.locator('[data-error-summary]');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('heading')).toHaveText('هناك مشكلة');
    await expect(summary.getByRole('link')).toHaveText([/اكتبي رقم هاتف من 8 إلى 15 رقمًا/, /ضعي علامة لتقولي نعم/]);
    await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#interest-phone');
    await expect(summary.getByRole('link').last()).toHaveAttribute('href', '#interest-consent');
    await expect(page.getByLabel('اسمك الأول')).toHaveValue('فاطمة');
    await expect(page.getByLabel('رقم هاتفك')).toHaveValue('12 34');
    await expect(page.getByLabel('رقم هاتفك')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('اكتبوا لي على واتساب')).toBeChecked();

    // She corrects it on the same page and it goes through.
    await page.getByLabel('رقم هاتفك').fill('20 12 34 57');
    await page.locator('#interest-consent').check();
    await page.waitForTimeout(3100);
    await page.getByRole('button', { name: 'إرسال' }).click();
    await expect(page).toHaveURL(/\/ar\/interest\/thanks\/$/);
  });

  test('the quick exit is a plain link to a neutral site, labelled in her language', async ({ page }) => {
    await page.goto('/ur/interest/');
    const exit = page.getByRole('link', { name: 'صفحے سے جلدی نکلیں' });
    await expect(exit).toHaveAttribute('href', 'https://www.dmi.dk/');
    await expect(exit).toHaveAttribute('rel', 'noreferrer');
  });
});

test('the error page passes axe, in Urdu, and its summary takes focus', async ({ page }) => {
  await page.goto('/ur/interest/');
  await page.getByLabel('آپ کا پہلا نام').fill('\u202Eعائشہ');
  await page.waitForTimeout(3100);
  await page.getByRole('button', { name: 'بھیجیں' }).click();
  await expect(page).toHaveTitle(/^غلطی: /);
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
});

test('quick exit replaces the form in the history, so "back" does not show it', async ({ page }) => {
  await page.route('https://www.dmi.dk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Vejret</title>' }));
  await page.goto('/ar/');
  await page.goto('/ar/interest/');
  await page.getByRole('link', { name: 'اخرجي من الصفحة بسرعة' }).click();
  await expect(page).toHaveURL('https://www.dmi.dk/');
  await page.goBack();
  await expect(page).toHaveURL(/\/ar\/$/);
});

test('the form page carries a fresh signed start time and is never cached', async ({ request }) => {
  const first = await request.get('/da/interest/');
  const second = await request.get('/da/interest/');
  const token = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1];
  const [a, b] = [token(await first.text()), token(await second.text())];
  expect(a).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
  expect(b).not.toBe(a);
  expect(first.headers()['cache-control']).toBe('no-store');
});

test.describe('bad input gets a clear answer and no row', () => {
  test('a body over 16 KB is refused with 413', async ({ baseURL }) => {
    const fields = validFields({ name: 'x'.repeat(17 * 1024) });
    expect((await postInterest(baseURL!, fields)).status).toBe(413);
    expect(rowsFor(fields.phone as string)).toEqual([]);
  });

  test('a content type other than a form is refused with 415', async ({ baseURL }) => {
    const fields = validFields();
    const response = await fetch(new URL('/api/interest', baseURL), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/json', Origin: new URL(baseURL!).origin },
      body: JSON.stringify(fields),
    });
    expect(response.status).toBe(415);
    expect(rowsFor(fields.phone as string)).toEqual([]);
  });

  test('a wrong or missing Origin is refused with 403', async ({ baseURL }) => {
    const fields = validFields();
    expect((await postInterest(baseURL!, fields, { Origin: 'https://evil.example' })).status).toBe(403);
    const missing = await fetch(new URL('/api/interest', baseURL), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formBody(fields),
    });
    expect(missing.status).toBe(403);
    expect((await postInterest(baseURL!, fields, { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(rowsFor(fields.phone as string)).toEqual([]);
  });

  const formAgain: [string, (f: ReturnType<typeof validFields>) => ReturnType<typeof validFields>, RegExp][] = [
    ['a phone without 8–15 digits', (f) => ({ ...f, phone: '1234 567' }), /اكتبي رقم هاتف من 8 إلى 15 رقمًا/],
    ['a bidi override in the name', (f) => ({ ...f, name: 'فاطمة\u202Eexe.txt' }), /في اسمك رموز لا نستطيع استخدامها/],
    ['a control character in the name', (f) => ({ ...f, name: 'فاطمة\u0000' }), /في اسمك رموز لا نستطيع استخدامها/],
    ['an unknown activity', (f) => ({ ...f, activity: 'casino' }), /اختاري من القائمة فقط/],
    ['an unknown language', (f) => ({ ...f, language: 'xx' }), /اختاري لغة من القائمة/],
    ['a repeated single-value field', (f) => ({ ...f, contact: ['call', 'sms'] }), /هذا الحقل وصل مرتين/],
    ['a missing consent', ({ consent: _c, ...f }) => f, /ضعي علامة لتقولي نعم/],
  ];
  for (const [what, change, message] of formAgain) {
    test(`${what}: the form again, in Arabic, with an error`, async ({ baseURL }) => {
      const fields = change(validFields());
      const response = await postInterest(baseURL!, fields);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('<html lang="ar" dir="rtl"');
      expect(html).toMatch(/<title>خطأ: /);
      expect(html).toMatch(message);
      expect(rowsFor(fields.phone as string)).toEqual([]);
    });
  }

  test('bots are dropped silently: a filled honeypot or a too quick or forged start time still gets 303', async ({ baseURL }) => {
    for (const fields of [
      validFields({ extra_note: 'http://spam.example' }),
      validFields({ token: formToken(undefined, 0) }),
      validFields({ token: `${Date.now().toString(36)}.${'A'.repeat(43)}` }),
    ]) {
      const response = await postInterest(baseURL!, fields);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/ar/interest/thanks/');
      expect(rowsFor(fields.phone as string)).toEqual([]);
    }
  });
});

test('every server response carries the security headers', async ({ request, baseURL }) => {
  const answers = [
    await request.get('/ar/interest/'),
    await request.get('/ar/interest/thanks/'),
    await request.get('/no-such-page/'),
    await postInterest(baseURL!, validFields({ phone: '1' })),
    await postInterest(baseURL!, validFields(), { Origin: 'https://evil.example' }),
  ];
  for (const answer of answers) {
    const get = (name: string) =>
      'headers' in answer && typeof answer.headers === 'function' ? answer.headers()[name] : (answer as Response).headers.get(name);
    const csp = get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(get('x-content-type-options')).toBe('nosniff');
    expect(get('referrer-policy')).toBe('no-referrer');
    expect(get('permissions-policy')).toContain('camera=()');
  }
});

test('a stylesheet, a script and a font carry only the headers that apply to them, nosniff always', async ({ request }) => {
  const page = await (await request.get('/ar/')).text();
  const css = page.match(/<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/)?.[1];
  const js = page.match(/<script data-src="(\/_astro\/[^" ]+\.js)"/)?.[1];
  expect(css && js).toBeTruthy();
  const font = (await (await request.get(css!)).text()).match(/url\((\/_astro\/[^)]+\.woff2)\)/)?.[1];
  expect(font).toBeTruthy();
  for (const url of [css!, js!, font!]) {
    const headers = (await request.get(url)).headers();
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['permissions-policy'], url).toBeUndefined();
    // A script keeps the CSP: a worker started from it runs under that policy.
    expect(headers['content-security-policy'], url).toEqual(
      url.endsWith('.js') ? expect.stringContaining("default-src 'self'") : undefined,
    );
  }
});

test('the registration leaves no personal data in the URL', async ({ baseURL }) => {
  const response = await postInterest(baseURL!, validFields());
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/ar/interest/thanks/');
});

test('the receiver’s answer page and the receiver itself send a visitor who opens them to the form', async ({ baseURL }) => {
  const reply = await fetch(new URL('/ar/interest/reply/', baseURL), { redirect: 'manual' });
  expect(reply.status).toBe(303);
  expect(reply.headers.get('location')).toMatch(/\/ar\/interest\/$/);
  const receiver = await fetch(new URL('/api/interest', baseURL), { redirect: 'manual' });
  expect(receiver.status).toBe(303);
});

test('with JavaScript, a phone number that will not pass is pointed out as soon as she leaves the field', async ({ page }) => {
  await page.goto('/ar/interest/');
  const phone = page.getByLabel('رقم هاتفك');
  await phone.fill('١٢ ٣٤');
  await page.getByLabel('اسمك الأول').focus();
  await expect(page.locator('#interest-phone-live')).toHaveText(/اكتبي رقم هاتف من 8 إلى 15 رقمًا/);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await phone.fill('١٢ ٣٤ ٥٦ ٧٨');
  await page.getByLabel('اسمك الأول').focus();
  await expect(page.locator('#interest-phone-live')).toHaveText('');
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
});

test('the thanks page in every language says, in her digits, within how many working days we contact her: the reminder’s number', async ({
  page,
}) => {
  for (const lang of langs) {
    await page.goto(`/${lang}/interest/thanks/`);
    const promise = page.locator('[data-callback-promise]');
    await expect(promise, lang).toContainText(localDigits(reminderWorkingDays, lang));
    await expect(promise, lang).toContainText(siteConfig.openingHours[lang] ?? siteConfig.openingHours.da);
    const [before] = uiText(lang, 'interest.thanks.when').split('{{days}}');
    await expect(promise, lang).toContainText(before!.trim());
  }
});

/** The whole hours a label names (minutes like ":00" aside), in Western digits. */
function labelHours(label: string): number[] {
  const western = label.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  return [...western.replace(/:\d\d/g, '').matchAll(/\d+/g)].map((m) => Number(m[0]));
}

test('every callback choice, in every language and on the referral form, lies within the opening hours', async ({ page }) => {
  const opens = Math.min(...siteConfig.openingPeriods.map((p) => p.opens));
  const closes = Math.max(...siteConfig.openingPeriods.map((p) => p.closes));
  const pages: [Lang, string][] = [
    ...langs.map((l): [Lang, string] => [l, `/${l}/interest/`]),
    ['da', '/da/partners/refer/'],
    ['en', '/en/partners/refer/'],
  ];
  for (const [lang, url] of pages) {
    await page.goto(url);
    const choices = page.locator('input[type="radio"][name="time"]');
    expect(await choices.count(), url).toBeGreaterThan(0);
    for (const input of await choices.all()) {
      const value = await input.getAttribute('value');
      const label = (await input.locator('xpath=ancestor::label[1]').innerText()).trim();
      if (value === 'any') {
        expect(label, url).toBe(uiText(lang, 'interest.time.any'));
        continue;
      }
      const hours = labelHours(label);
      expect(hours, `${url} ${value}: ${label}`).toHaveLength(2);
      expect(hours[0]!, `${url} ${value}: ${label}`).toBeGreaterThanOrEqual(opens);
      expect(hours[1]!, `${url} ${value}: ${label}`).toBeLessThanOrEqual(closes);
      // A part of the day lies within one period, every day of it (the afternoon on Monday–Thursday).
      expect(
        siteConfig.openingPeriods.some((p) => p.opens <= hours[0]! && hours[1]! <= p.closes),
        `${url} ${value}`,
      ).toBe(true);
    }
  }
});
