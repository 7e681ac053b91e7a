import { renderToStaticMarkup } from 'react-dom/server';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { loadDatasetDir } from '../../api/dataset-files.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
import { CenterMap } from '../../web/src/charts/CenterMap.tsx';
import { UtilizationLegend, VolumeLegend } from '../../web/src/charts/Legends.tsx';
import { CoverageHeatmap } from '../../web/src/charts/CoverageHeatmap.tsx';
import { ForecastChart } from '../../web/src/charts/ForecastChart.tsx';
import { historyTotals } from '../../web/src/seriesMath.ts';

const d = await loadDatasetDir();
if (!d.ok) throw new Error('load');
const w = computeWorkload(d.value, [], { period: '2026-10', quantile: 0.8 });
const volume = new Map<string, number>();
for (const f of w.fields) volume.set(f.centerCode, (volume.get(f.centerCode) ?? 0) + f.direct + f.online);
const util = new Map(w.centers.map((c) => [c.centerCode, c.utilization]));
const cov = w.fields.map((f) => ({ centerCode: f.centerCode, field: f.field, required: f.requiredHours, assigned: f.coveredHours, uncovered: f.uncoveredHours }));
const nameOf = (c: string) => d.value.centers.find((x) => x.code === c)?.nameVi ?? c;
const hist = historyTotals(d.value.history.filter((h) => h.centerCode === d.value.centers[5]!.code), { field: undefined, channel: undefined });
const css = readdirSync('/work/main/web/dist/assets').filter((f) => f.endsWith('.css')).map((f) => readFileSync('/work/main/web/dist/assets/' + f, 'utf8')).join('\n');
const html = renderToStaticMarkup(
  <main>
    <div className="overview-grid"><div className="panel"><CenterMap centers={d.value.centers} volume={volume} utilization={util} title="map" onSelect={() => {}} />
    <div className="legends"><UtilizationLegend title="Mức tải" /><VolumeLegend title="Hồ sơ" max={Math.max(...volume.values())} /></div></div>
    <div className="panel"><CoverageHeatmap coverage={cov} fields={d.value.fields} nameOf={nameOf} /></div></div>
    <div className="panel"><ForecastChart history={hist} forecast={[]} title="f" /></div>
  </main>,
);
writeFileSync('/tmp/prev/p.html', `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>${css}</style></head><body>${html}</body></html>`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto('file:///tmp/prev/p.html');
await page.screenshot({ path: '/tmp/prev/p.png', fullPage: true });
await browser.close();
console.log('ok', w.totals.overloadedCenters);
