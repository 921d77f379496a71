/**
 * A minimal RFC 5545 iCalendar writer: CRLF line ends, text escaping, lines folded at
 * 75 octets without splitting a UTF-8 character, times in UTC ("Z"), so no VTIMEZONE is
 * needed and every calendar app shows the meeting at the right local time.
 */

export interface IcsEvent {
  /** Globally unique and stable across builds and languages: `<meeting id>@<site host>`. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  geo?: { lat: number; lon: number };
  url?: string;
  cancelled?: boolean;
}

export interface IcsCalendarOptions {
  /** Identifies the program that made the file (RFC 5545 3.7.3). */
  prodId: string;
  /** When this file was made (DTSTAMP of every event). */
  dtstamp: Date;
  /** Language of the texts (LANGUAGE parameter), e.g. "ar". */
  lang: string;
  /** Calendar name shown by apps that subscribe to a feed. */
  name?: string;
  description?: string;
  /** How often subscribing apps should fetch again, as an ISO 8601 duration. */
  refreshInterval?: string;
}

const CRLF = '\r\n';

/** Escapes TEXT values: backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
export function icsEscapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n');
}

/** 20261203T160000Z */
export function icsUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('icsUtc(): invalid date');
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets; continuation lines start with a space (RFC 5545 3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  // for…of walks code points, so a multi-byte character is never cut in half.
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts too
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function textProp(name: string, value: string, lang: string): string {
  return `${name};LANGUAGE=${lang}:${icsEscapeText(value)}`;
}

function eventLines(event: IcsEvent, opts: IcsCalendarOptions): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsUtc(opts.dtstamp)}`,
    `DTSTART:${icsUtc(event.start)}`,
    `DTEND:${icsUtc(event.end)}`,
    // A cancelled meeting is a changed event: a higher SEQUENCE makes apps take the update.
    `SEQUENCE:${event.cancelled ? 1 : 0}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    textProp('SUMMARY', event.summary, opts.lang),
  ];
  if (event.description) lines.push(textProp('DESCRIPTION', event.description, opts.lang));
  if (event.location) lines.push(textProp('LOCATION', event.location, opts.lang));
  if (event.geo) lines.push(`GEO:${event.geo.lat.toFixed(6)};${event.geo.lon.toFixed(6)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR with `events`, ready to serve as text/calendar. */
export function icsCalendar(events: IcsEvent[], opts: IcsCalendarOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${opts.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (opts.name) lines.push(textProp('NAME', opts.name, opts.lang), `X-WR-CALNAME:${icsEscapeText(opts.name)}`);
  if (opts.description) lines.push(textProp('DESCRIPTION', opts.description, opts.lang), `X-WR-CALDESC:${icsEscapeText(opts.description)}`);
  if (opts.refreshInterval)
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${opts.refreshInterval}`, `X-PUBLISHED-TTL:${opts.refreshInterval}`);
  for (const event of events) lines.push(...eventLines(event, opts));
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
