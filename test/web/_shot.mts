import { chromium } from 'playwright-core';
const [url, out, width = '1280', wait = '2000'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } });
p.on('console', (m) => console.log('console', m.type(), m.text()));
await p.goto(url!);
await p.waitForTimeout(Number(wait));
await p.screenshot({ path: out!, fullPage: true });
await b.close();
