/**
 * Staff tool for interest registrations ("call me back"). Run on the server machine:
 *   npm run interest -- export --csv [--out file.csv | --out -]
 *   npm run interest -- export --xlsx [--out file.xlsx]
 *   npm run interest -- purge [--days 180]
 *   npm run interest -- find --phone "12 34 56 78"
 *   npm run interest -- delete --id 17 | --phone "12 34 56 78"
 *   npm run interest -- status
 * It prints counts and file names, never a woman's data, except `find`, which is asked for it.
 */
import { writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { siteConfig } from '#site.config.ts';
import { interestCsv } from '#src/interest/interestCsv.ts';
import { interestSettings } from '#src/interest/interestSettings.ts';
import { openInterestStore } from '#src/store/interest.ts';
import { normalisePhone } from '#src/forms/normalisePhone.ts';

const usage = `Usage: npm run interest -- <command>
  export --csv [--out FILE]   write every registration to a CSV file for Excel (default interest-<date>.csv; "-" = stdout)
  export --xlsx [--out FILE]  the same as an Excel workbook (default interest-<date>.xlsx): phone numbers as text, dates as dates
  purge [--days N]            delete registrations older than the retention period (site.config.ts: retentionDays)
  find --phone NUMBER         show the registrations with this phone number
  delete --id ID              delete one registration (a woman asked us to)
  delete --phone NUMBER       delete every registration with this phone number
  status                      number of registrations, database file, retention period
The data directory is $DATA_DIR (default ./data).`;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    csv: { type: 'boolean' },
    xlsx: { type: 'boolean' },
    out: { type: 'string' },
    days: { type: 'string' },
    phone: { type: 'string' },
    id: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const command = positionals[0];
if (!command || opts.help) {
  console.log(usage);
  process.exit(command ? 0 : 1);
}

const settings = interestSettings(siteConfig);
const store = openInterestStore({ dataDir: settings.dataDir });

/** "1 registration", "2 registrations". */
const registrations = (n: number) => `${n} registration${n === 1 ? '' : 's'}`;

function phoneArg(raw: string): string {
  const result = normalisePhone(raw);
  if (!result.ok) fail(`"${raw}" is not a phone number with 8–15 digits.`);
  return result.phone;
}

function fail(message: string): never {
  console.error(message);
  store.close();
  process.exit(2);
}

switch (command) {
  case 'export': {
    if (opts.xlsx) {
      // Loaded only here: the spreadsheet library is large, and the other commands never need it.
      const { requestsStore } = await import('#src/store/requests.ts');
      const { requestsXlsx, xlsxRows } = await import('#src/inbox/requestsXlsx.ts');
      const rows = xlsxRows(requestsStore(store.db).list('all', 0));
      const file = path.resolve(opts.out ?? `interest-${new Date().toISOString().slice(0, 10)}.xlsx`);
      writeFileSync(file, await requestsXlsx(rows, { retentionDays: settings.retentionDays }), { mode: 0o600 });
      chmodSync(file, 0o600);
      console.log(`${registrations(rows.length)} written to ${file}`);
      break;
    }
    if (!opts.csv) fail('Say which format: npm run interest -- export --csv   or   --xlsx');
    const rows = store.all();
    const csv = interestCsv(rows);
    if (opts.out === '-') {
      process.stdout.write(csv);
    } else {
      const file = path.resolve(opts.out ?? `interest-${new Date().toISOString().slice(0, 10)}.csv`);
      // Only the staff member's own account can read the file; delete it when the calls are made.
      writeFileSync(file, csv, { mode: 0o600 });
      chmodSync(file, 0o600);
      console.log(`${registrations(rows.length)} written to ${file}`);
    }
    break;
  }
  case 'purge': {
    const days = opts.days ? Number(opts.days) : settings.retentionDays;
    if (!Number.isInteger(days) || days < 1) fail('--days must be a whole number of days, 1 or more.');
    const removed = store.purge(days);
    console.log(`${registrations(removed)} older than ${days} days deleted; ${store.count()} left.`);
    break;
  }
  case 'find': {
    if (!opts.phone) fail('Say which number: npm run interest -- find --phone "12 34 56 78"');
    const rows = store.findByPhone(phoneArg(opts.phone));
    if (rows.length === 0) console.log('No registrations with that number.');
    for (const r of rows) console.log(`id ${r.id} · ${r.createdAt} · ${r.firstName} · ${r.phone} · ${r.language} · ${r.contactMethod}`);
    break;
  }
  case 'delete': {
    if (opts.id) {
      const id = Number(opts.id);
      if (!Number.isInteger(id)) fail('--id must be a number (see "find").');
      console.log(store.delete(id) ? `Registration ${id} deleted.` : `There is no registration ${id}.`);
    } else if (opts.phone) {
      const rows = store.findByPhone(phoneArg(opts.phone));
      for (const r of rows) store.delete(r.id);
      console.log(`${registrations(rows.length)} with that number deleted.`);
    } else {
      fail('Say which: npm run interest -- delete --id 17   or   --phone "12 34 56 78"');
    }
    break;
  }
  case 'status': {
    console.log(`${registrations(store.count())} in ${store.file}; kept ${settings.retentionDays} days.`);
    break;
  }
  default:
    fail(`Unknown command "${command}".\n\n${usage}`);
}
store.close();
