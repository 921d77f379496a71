import { describe, expect, it } from 'vitest';
import { interestCsv, neutraliseFormula, phoneCell } from '#src/interest/interestCsv.ts';

const row = {
  id: 1,
  createdAt: '2026-11-25T10:00:00.000Z',
  firstName: 'أمل',
  phone: '+4512345678',
  language: 'ar',
  contactMethod: 'sms' as const,
  bestTime: 'any',
  activities: ['danish-course', 'cycling'],
  interpreter: true,
  consentVersion: 'v1',
  consentLanguage: 'ar',
};

describe('interestCsv()', () => {
  it('starts with a UTF-8 BOM and keeps Arabic names as they are', () => {
    const csv = interestCsv([row]);
    expect(csv.startsWith('\uFEFF"ID",')).toBe(true);
    expect(csv).toContain('"أمل"');
  });

  it('neutralises a formula-looking name', () => {
    const csv = interestCsv([{ ...row, firstName: '=HYPERLINK("http://evil","x")' }]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv.split('\r\n')[1]).not.toMatch(/(^|,)"=HYPERLINK/);
  });

  it('keeps the phone number as text, with its plus sign', () => {
    expect(phoneCell('+4512345678')).toBe('"=""+4512345678"""');
    expect(interestCsv([row])).toContain('"=""+4512345678"""');
  });

  it('never writes a phone cell that is anything but digits as a formula', () => {
    expect(phoneCell('+45"&cmd')).toBe(`"'+45""&cmd"`);
  });
});

describe('neutraliseFormula()', () => {
  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '  =1', '＝1'])('makes %j inert', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Ayşe')).toBe('Ayşe');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });
});
