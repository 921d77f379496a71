/**
 * Weekly sessions and local events in the built site. The clock-dependent checks build a copy
 * of the site AS OF 15 March 2027 (SITE_NOW) with one fixture series around the 28 March clock
 * change, then move the reader's clock (page.clock): the week before and after the change, a
 * skip date, a cancelled date, and after the series' last day. The demo build's calendar files
 * are parsed with ical.js; a bad session file stops the build naming file and field.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sirv from 'sirv';
import { expect, test, type Page } from '../helpers/test.ts';
import ICAL from 'ical.js';
import { buildFixture } from '../helpers/buildFixture';

const session = `activity: network-health
title: { da: Tirsdagsgruppe, ar: مجموعة الثلاثاء, fa: گروه سه‌شنبه, ur: منگل کا گروپ }
venue: beboerhuset-greve-nord
start: "10:00"
end: "12:00"
weekdays: [tuesday]
from: 2027-03-02
until: 2027-04-20
skip:
  - date: 2027-04-13
cancelledDates:
  - date: 2027-03-23
    reason: { da: Medarbejderne er på kursus. }
childcare: true
womenOnly: true
`;

/** Copenhagen wall time → instant (winter +01:00 until 28 March 2027, then summer +02:00). */
const at = (iso: string) => new Date(iso).getTime();
/** The keys in view once calendarClock.ts has run: it runs after the first paint, maybe after `load`. */
const keysShown = async (page: Page, selector: string) => {
  await page.locator('html[data-calendar-clock="applied"]').waitFor({ state: 'attached' });
  return page.locator(`${selector} li[data-key]:visible`).evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
};

test.describe('the calendar by the clock, in a site built on 15 March 2027', () => {
  test.describe.configure({ mode: 'serial', timeout: 330_000 });
  let server: http.Server | undefined;
  let site = '';
  let dist = '';

  test.beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'aaben-doer-calendar-'));
    const previous = process.env.SITE_NOW;
    process.env.SITE_NOW = '2027-03-15T08:00:00Z';
    try {
      const { status, output } = buildFixture(
        (dir) => {
          // The demo events stay (none falls in the weeks tested); the sessions are only the fixture's.
          fs.rmSync(path.join(dir, 'content/sessions'), { recursive: true, force: true });
          fs.mkdirSync(path.join(dir, 'content/sessions'));
          fs.writeFileSync(path.join(dir, 'content/sessions/tirsdagsgruppe.yaml'), session);
        },
        (dir) => fs.cpSync(path.join(dir, 'dist/client'), dist, { recursive: true }),
        { timeout: 270_000 },
      );
      expect(status, output.slice(-3000)).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.SITE_NOW;
      else process.env.SITE_NOW = previous;
    }
    const port = Number(process.env.E2E_PORT ?? 4322) + 1;
    server = http.createServer(sirv(dist, { dev: false, etag: true }));
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${port}`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    fs.rmSync(dist, { recursive: true, force: true });
  });

  test('the week before the clock change: the cancelled date marked, then 10.00 in summer time too', async ({ page }) => {
    await page.clock.setFixedTime(at('2027-03-22T12:00:00+01:00'));
    await page.goto(`${site}/da/activities/network-health/`);
    const times = page.locator('[data-times]');
    expect(await keysShown(page, '[data-times]')).toEqual([
      'session-tirsdagsgruppe-2027-03-23',
      'session-tirsdagsgruppe-2027-03-30',
      'session-tirsdagsgruppe-2027-04-06',
    ]);
    const first = times.locator('li[data-key$="2027-03-23"]');
    await expect(first.getByText('Aflyst', { exact: true })).toBeVisible();
    await expect(first.getByText('Medarbejderne er på kursus.')).toBeVisible();
    // The same wall time on both sides of 28 March: 09:00Z in winter, 08:00Z in summer.
    await expect(first.locator('[data-time]')).toHaveText('10.00–12.00');
    await expect(first.locator('[data-time]')).toHaveAttribute('datetime', '2027-03-23T09:00:00.000Z');
    const after = times.locator('li[data-key$="2027-03-30"]');
    await expect(after.locator('[data-date]')).toHaveText('tirsdag den 30. marts 2027');
    await expect(after.locator('[data-time]')).toHaveText('10.00–12.00');
    await expect(after.locator('[data-time]')).toHaveAttribute('datetime', '2027-03-30T08:00:00.000Z');

    await page.goto(`${site}/da/calendar/`);
    const thisWeek = page.locator('section[data-week-start]:visible').first();
    await expect(thisWeek.getByText('Denne uge', { exact: true })).toBeVisible();
    await expect(thisWeek.locator('li[data-key="session-tirsdagsgruppe-2027-03-23"]').getByText('Aflyst', { exact: true })).toBeVisible();
    const nextWeek = page.locator('section[data-week-start]:visible').nth(1);
    await expect(nextWeek.getByText('Næste uge', { exact: true })).toBeVisible();
    await expect(nextWeek.locator('li[data-key="session-tirsdagsgruppe-2027-03-30"] [data-time]')).toHaveText('10.00–12.00');
    await expect(page.locator('section[data-week-start]:visible')).toHaveCount(2);
  });

  test('the week after the clock change: the session shows until it ends, and the skip date is left out', async ({ page }) => {
    await page.clock.setFixedTime(at('2027-03-30T11:30:00+02:00'));
    await page.goto(`${site}/da/activities/network-health/`);
    expect(await keysShown(page, '[data-times]')).toEqual([
      'session-tirsdagsgruppe-2027-03-30',
      'session-tirsdagsgruppe-2027-04-06',
      'session-tirsdagsgruppe-2027-04-20',
    ]);

    await page.clock.setFixedTime(at('2027-03-30T12:01:00+02:00'));
    await page.reload();
    expect(await keysShown(page, '[data-times]')).toEqual(['session-tirsdagsgruppe-2027-04-06', 'session-tirsdagsgruppe-2027-04-20']);

    await page.goto(`${site}/da/calendar/`);
    expect(await keysShown(page, '[data-weeks]')).toEqual(['session-tirsdagsgruppe-2027-04-06']);
    await expect(page.locator('[data-week-empty]:visible')).toHaveText(['Der sker ikke mere i denne uge.']);
  });

  test("after the series' last day: no times, and how to reach us instead", async ({ page }) => {
    await page.clock.setFixedTime(at('2027-04-20T12:01:00+02:00'));
    await page.goto(`${site}/da/activities/network-health/`);
    expect(await keysShown(page, '[data-times]')).toEqual([]);
    await expect(page.getByText('Der er ingen faste tider lige nu.', { exact: false })).toBeVisible();
  });

  test('Farsi, Arabic and Urdu name the same Gregorian day as Danish', async ({ page }) => {
    await page.clock.setFixedTime(at('2027-03-29T09:00:00+02:00'));
    const expected: Record<string, string> = {
      da: 'tirsdag den 30. marts 2027',
      fa: 'سه‌شنبه ۳۰ مارس ۲۰۲۷',
      ar: 'الثلاثاء، 30 مارس 2027',
      ur: 'منگل، 30 مارچ، 2027',
    };
    for (const [lang, day] of Object.entries(expected)) {
      await page.goto(`${site}/${lang}/calendar/`);
      await expect(page.locator('li[data-day="2027-03-30"] time').first()).toHaveText(day);
      await expect(page.locator('[data-label="this"]:visible')).toHaveCount(1);
    }
  });
});

test.describe('the calendar files of the demo site', () => {
  function parse(text: string) {
    const vcal = new ICAL.Component(ICAL.parse(text));
    for (const tz of vcal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    return vcal;
  }

  test('/<lang>/calendar.ics has meetings, each weekly session as one RRULE series, and events, in Copenhagen time', async ({
    request,
  }) => {
    const response = await request.get('/fa/calendar.ics');
    expect(response.headers()['content-type']).toContain('text/calendar');
    const vcal = parse(await response.text());
    expect(vcal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    const events = vcal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const uids = events.map((e) => e.uid);
    expect(uids.filter((u) => u.startsWith('session-kvindegruppe@'))).toHaveLength(1);
    const group = events.find((e) => e.uid.startsWith('session-kvindegruppe@'))!;
    expect(group.isRecurring()).toBe(true);
    expect(group.summary).toBe('گروه زنان');
    expect(group.startDate.zone.tzid).toBe('Europe/Copenhagen');
    expect(group.startDate.hour).toBe(10);
    expect(uids.some((u) => u.startsWith('event-'))).toBe(true);
  });

  test('/<lang>/activities/<slug>.ics holds that activity only', async ({ request }) => {
    const vcal = parse(await (await request.get('/ar/activities/guidance.ics')).text());
    expect(vcal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual([
      expect.stringMatching(/^session-aaben-cafe@/),
    ]);
  });
});

test('a session with an unknown weekday stops the build, naming the file and the field', () => {
  test.setTimeout(240_000);
  const { status, output } = buildFixture((dir) => {
    fs.writeFileSync(path.join(dir, 'content/sessions/broken.yaml'), session.replace('[tuesday]', '[tirsdag]'));
  });
  expect(status).not.toBe(0);
  expect(output).toContain('content/sessions/broken.yaml: weekdays.0: unknown weekday "tirsdag"');
});
