import { chromium } from 'playwright-core';
// usage: _crop.mts png out x y w h  (renders the PNG in the browser and clips)
const [src, out, x, y, w, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 2000, height: 1200 } });
await p.goto('file://' + src);
await p.screenshot({ path: out!, clip: { x: Number(x), y: Number(y), width: Number(w), height: Number(h) }, fullPage: true });
await b.close();
