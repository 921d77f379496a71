/**
 * Information meetings in the built site: ended meetings disappear by the clock (page.clock,
 * never today's date), dates read the same in Danish, Arabic, Urdu and Farsi (Gregorian), the
 * calendar files parse with an independent parser, and a broken meeting file stops the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '../helpers/test.ts';
import ICAL from 'ical.js';
import { buildFixture } from '../helpers/buildFixture.ts';
import { siteConfig } from '#site.config.ts';

const uidDomain = new URL(siteConfig.siteUrl).hostname;

interface Listed {
  id: string;
  end: number;
}

/** The meetings the build put on a list page, in order, with their end times. */
async function listedMeetings(request: APIRequestContext, lang = 'da'): Promise<Listed[]> {
  const html = await (await request.get(`/${lang}/meetings/`)).text();
  return [...html.matchAll(/data-meeting-end="(\d+)" data-meeting-id="([^"]+)"/g)].map((m) => ({ end: Number(m[1]), id: m[2]! }));
}

const minute = 60_000;

test.describe('the meetings list, by the clock', () => {
  test('shows a meeting until its end and hides it after, without a rebuild', async ({ page, request }) => {
    const [first, second] = await listedMeetings(request);
    expect(second, 'the demo content needs two coming meetings').toBeDefined();

    await page.clock.setFixedTime(first!.end - minute);
    await page.goto('/da/meetings/');
    await expect(page.locator(`li[data-meeting-id="${first!.id}"]`)).toBeVisible();

    await page.clock.setFixedTime(first!.end + minute);
    await page.reload();
    await expect(page.locator(`li[data-meeting-id="${first!.id}"]`)).toBeHidden();
    await expect(page.locator(`li[data-meeting-id="${second!.id}"]`)).toBeVisible();
    await expect(page.getByText('Der er ikke planlagt noget møde lige nu.')).toBeHidden();
  });

  test('says that no meeting is planned, and how to call, when every meeting has ended', async ({ page, request }) => {
    const listed = await listedMeetings(request, 'ar');
    await page.clock.setFixedTime(Math.max(...listed.map((m) => m.end)) + minute);
    await page.goto('/ar/meetings/');
    await expect(page.locator('li[data-meeting-end]:visible')).toHaveCount(0);
    await expect(page.getByText('لا يوجد لقاء مخطط له حاليًا.')).toBeVisible();
    await expect(page.locator('[data-meeting-empty] a[href^="tel:+45"]')).toBeVisible();
  });

  test("marks a meeting's own page as over once it has ended", async ({ page, request }) => {
    const [first] = await listedMeetings(request);
    await page.clock.setFixedTime(first!.end - minute);
    await page.goto(`/da/meetings/${first!.id}/`);
    await expect(page.getByText('Dette møde er slut.')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Sæt i min kalender' })).toBeVisible();

    await page.clock.setFixedTime(first!.end + minute);
    await page.reload();
    await expect(page.getByText('Dette møde er slut.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sæt i min kalender' })).toBeHidden();
  });

  test('marks a cancelled meeting clearly until its time has passed', async ({ page, request }) => {
    const listed = await listedMeetings(request);
    await page.clock.setFixedTime(listed[0]!.end - minute);
    await page.goto('/da/meetings/');
    const cancelled = page.locator('li[data-meeting-end]', { has: page.locator('[data-meeting-cancelled]') }).first();
    await expect(cancelled).toBeVisible();
    await expect(cancelled.getByText('Aflyst', { exact: true })).toBeVisible();
    const id = await cancelled.getAttribute('data-meeting-id');
    const end = listed.find((m) => m.id === id)!.end;

    await page.clock.setFixedTime(end + minute);
    await page.reload();
    await expect(page.locator(`li[data-meeting-id="${id}"]`)).toBeHidden();
  });
});

test.describe('the next meeting on the home page', () => {
  test('shows the next meeting that happens, moves on when it ends, and says "call us" when none is left', async ({ page, request }) => {
    const coming = await listedMeetings(request);
    const homeHtml = await (await request.get('/da/')).text();
    const onHome = [...homeHtml.matchAll(/data-meeting-end="(\d+)" data-meeting-id="([^"]+)"/g)].map((m) => ({
      end: Number(m[1]),
      id: m[2]!,
    }));
    expect(onHome.length, 'the home page carries the coming meetings').toBeGreaterThan(1);
    const [first, second] = onHome;
    expect(coming.map((m) => m.id)).toContain(first!.id);

    await page.clock.setFixedTime(first!.end - minute);
    await page.goto('/da/');
    const home = page.locator('[data-next-meeting]');
    await expect(home.locator('li[data-meeting-end]:visible')).toHaveCount(1);
    await expect(home.locator(`li[data-meeting-id="${first!.id}"]`)).toBeVisible();

    await page.clock.setFixedTime(first!.end + minute);
    await page.reload();
    await expect(home.locator('li[data-meeting-end]:visible')).toHaveCount(1);
    await expect(home.locator(`li[data-meeting-id="${second!.id}"]`)).toBeVisible();

    await page.clock.setFixedTime(Math.max(...onHome.map((m) => m.end)) + minute);
    await page.reload();
    await expect(home.locator('li[data-meeting-end]:visible')).toHaveCount(0);
    await expect(home.getByText('Der er ikke planlagt noget møde lige nu.')).toBeVisible();
    await expect(home.locator('a[href^="tel:+45"]').first()).toBeVisible();
  });
});

/** Gregorian month names, written out here (not computed) so the test is independent of the code. */
const months: Record<string, string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ur: ['جنوری', 'فروری', 'مارچ', 'اپریل', 'مئی', 'جون', 'جولائی', 'اگست', 'ستمبر', 'اکتوبر', 'نومبر', 'دسمبر'],
  fa: ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'],
};
const persianSolarMonths = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

/** The numbers in a text, whatever digits it uses (Latin, Arabic-Indic ٣, Persian ۳). */
function numbersIn(text: string): number[] {
  const latin = text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  return (latin.match(/\d+/g) ?? []).map(Number);
}

test.describe('dates in every script', () => {
  test('the Farsi, Arabic and Urdu dates and times match the Danish one (Gregorian, Copenhagen time)', async ({ page, request }) => {
    const [first] = await listedMeetings(request);
    const read = async (lang: string) => {
      await page.goto(`/${lang}/meetings/${first!.id}/`);
      const date = page.locator('[data-meeting-date]');
      return {
        datetime: (await date.getAttribute('datetime'))!,
        date: await date.innerText(),
        time: await page.locator('[data-meeting-time]').innerText(),
      };
    };
    const da = await read('da');
    const [, year, month, day, hour, min] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(da.datetime)!.map(Number);
    for (const lang of ['da', 'ar', 'ur', 'fa']) {
      const shown = await read(lang);
      expect(shown.datetime).toBe(da.datetime);
      expect(numbersIn(shown.date).sort(), `${lang}: day and year in "${shown.date}"`).toEqual([day!, year!].sort());
      expect(shown.date, `${lang}: Gregorian month`).toContain(months[lang]![month! - 1]!);
      for (const solar of persianSolarMonths) expect(shown.date).not.toContain(` ${solar} `);
      expect(numbersIn(shown.time).slice(0, 2), `${lang}: start time in "${shown.time}"`).toEqual([hour!, min!]);
    }
  });
});

test.describe('calendar files', () => {
  test("a meeting's .ics parses with ical.js and starts at the page's time, in Copenhagen time", async ({ page, request }) => {
    const [first] = await listedMeetings(request);
    await page.goto(`/ar/meetings/${first!.id}/`);
    const datetime = (await page.locator('[data-meeting-date]').getAttribute('datetime'))!;
    const href = (await page.getByRole('link', { name: 'أضيفي إلى تقويمي' }).getAttribute('href'))!;
    const res = await request.get(href);
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    const vevent = new ICAL.Component(ICAL.parse(await res.text())).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(datetime).toISOString());
    // Written as Copenhagen wall time with a VTIMEZONE (ical-generator), so the instant above is exact.
    expect(event.startDate.zone.tzid).toBe('Europe/Copenhagen');
    expect(event.summary).toMatch(/[\u0600-\u06FF]/); // the summary is in Arabic
    expect(event.uid).toBe(`${first!.id}@${uidDomain}`);
  });

  test('the feed of each language lists the coming meetings, and the subscribe link is webcal:// on this host', async ({
    page,
    request,
    baseURL,
  }) => {
    const listed = await listedMeetings(request, 'fa');
    await page.goto('/fa/meetings/');
    const subscribe = page.getByRole('link', { name: 'همهٔ جلسه‌ها را در تقویم خود داشته باشید' });
    await expect(subscribe).toHaveAttribute('href', `webcal://${new URL(baseURL!).host}/fa/meetings.ics`);
    const feed = await (await request.get('/fa/meetings.ics')).text();
    const cal = new ICAL.Component(ICAL.parse(feed));
    expect(cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(listed.map((m) => `${m.id}@${uidDomain}`));
    expect(cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).endDate.toJSDate().getTime())).toEqual(listed.map((m) => m.end));
  });
});

test.describe('bad meeting content', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a meeting that ends before it starts fails the build, naming the file and the field', () => {
    const { status, output } = buildFixture((dir) => {
      fs.writeFileSync(
        path.join(dir, 'content/meetings/2027-02-02-broken.yaml'),
        'start: "2027-02-02T17:00:00+01:00"\nend: "2027-02-02T16:00:00+01:00"\nvenue: nowhere\n',
      );
    });
    expect(status).not.toBe(0);
    expect(output).toContain('content/meetings/2027-02-02-broken.yaml: end: the meeting ends (2027-02-02T16:00:00+01:00) before it starts');
    expect(output).toContain('content/meetings/2027-02-02-broken.yaml: venue: unknown venue "nowhere"');
  });
});
