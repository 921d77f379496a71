// Temporary probe (not committed): one Lighthouse run, with request priorities and the LCP element.
import { launchChromium } from './lib/chromium.ts';
const { default: lighthouse } = await import('lighthouse');
const url = process.argv[2];
const port = 9333;
const browser = await launchChromium([`--remote-debugging-port=${port}`, '--disable-dev-shm-usage']);
try {
  const r = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  const a = r.lhr.audits;
  console.log('perf', r.lhr.categories.performance.score, 'FCP', a['first-contentful-paint'].numericValue, 'LCP', a['largest-contentful-paint'].numericValue, 'CLS', a['cumulative-layout-shift'].numericValue, 'bench', r.lhr.environment.benchmarkIndex);
  for (const it of a['network-requests'].details.items) console.log(it.priority, it.resourceType, Math.round(it.networkRequestTime), Math.round(it.networkEndTime), it.transferSize, it.url.slice(-60));
  const rb = a['render-blocking-insight'] ?? a['render-blocking-resources'];
  console.log('render-blocking', JSON.stringify(rb?.details?.items?.map(i=>[i.url, i.wastedMs]) ?? null));
  const lcpEl = a['largest-contentful-paint-element'] ?? a['lcp-breakdown-insight'];
  console.log('lcp el', JSON.stringify(lcpEl?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? lcpEl?.details?.items?.[0]).slice(0,300));
  const fs = await import('node:fs'); fs.writeFileSync('/tmp/lh/last.json', JSON.stringify(r.lhr));
} finally { await browser.close(); }
