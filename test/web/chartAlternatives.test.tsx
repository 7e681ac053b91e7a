// @vitest-environment happy-dom
/**
 * Every chart has a text alternative a screen reader can read (WCAG 1.1.1): the map is followed by
 * its centers as links (the way to a center without the map) or its transfers in words; each chart
 * is an image named by its title with its figures as a table folded under it, or a summary sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Center } from '../../solver/domain.ts';
import type { TradeoffPoint } from '../../solver/plan/tradeoffCurve.ts';
import { parseCenters } from '../../solver/dataset/parseCenters.ts';
import { CenterMap } from '../../web/src/charts/CenterMap.tsx';
import { ForecastChart } from '../../web/src/charts/ForecastChart.tsx';
import { GroupedBars } from '../../web/src/charts/GroupedBars.tsx';
import { LoadLateChart, type LoadLatePoint } from '../../web/src/charts/LoadLateChart.tsx';
import { TradeoffChart } from '../../web/src/charts/TradeoffChart.tsx';
import { UtilizationDumbbell } from '../../web/src/charts/UtilizationDumbbell.tsx';

let centers: readonly Center[] = [];

beforeAll(() => {
  // happy-dom's URL lacks file URLs (api/dataset-files.ts): read the embedded table directly.
  centers = parseCenters({ name: 'centers.csv', text: readFileSync(join(process.cwd(), 'data/haiphong/centers.csv'), 'utf8') }).rows;
});

afterEach(cleanup);

/** The rows of the table named `name`, each as its cells' texts. */
const tableRows = (name: string): string[][] =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));

const codeOf = (name: string): string => centers.find((c) => c.nameVi === name)?.code ?? '';

describe('the map of the centers', () => {
  it('is followed by a list of its 114 centers by name, each a link to its page with its utilization and dossiers', () => {
    const utilization = new Map([[codeOf('Phường Phù Liễn'), 4.93]]);
    const volume = new Map([[codeOf('Phường Phù Liễn'), 2828]]);
    render(<CenterMap centers={centers} volume={volume} utilization={utilization} onSelect={() => undefined} title="Bản đồ" hrefOf={(code) => `#/center/${code}`} />);
    const list = screen.getByText(/^Danh sách 114 trung tâm/).closest('details') as HTMLElement;
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(114);
    const names = links.map((a) => a.textContent ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    const phuLien = within(list).getByRole('link', { name: 'Phường Phù Liễn' });
    expect(phuLien.getAttribute('href')).toBe(`#/center/${codeOf('Phường Phù Liễn')}`);
    expect(phuLien.closest('li')?.textContent).toBe('Phường Phù Liễn: mức tải 493%, 2.828 hồ sơ/tháng');
  });

  it('without a way to the centers lists no centers, and lists its transfers in words', () => {
    const from = codeOf('Phường Kiến An');
    const to = codeOf('Phường Phù Liễn');
    render(<CenterMap centers={centers} volume={new Map()} utilization={new Map()} flows={[{ from, to, count: 3 }]} title="Điều động" />);
    expect(screen.queryByText(/^Danh sách 114 trung tâm/)).toBeNull();
    const list = screen.getByText('Các điều động trên bản đồ (3)').closest('details') as HTMLElement;
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Phường Kiến An → Phường Phù Liễn: 3']);
  });
});

describe('the charts', () => {
  it('the forecast chart is an image named by its title, with each month of history and forecast in its table', () => {
    render(
      <ForecastChart
        title="Hồ sơ tiếp nhận"
        history={[{ month: '2026-09', value: 410 }, { month: '2026-10', value: 1234 }]}
        forecast={[{ month: '2026-11', mean: 1300, lo80: 1100, hi80: 1500, lo95: 1000, hi95: 1650 }]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Hồ sơ tiếp nhận' })).toBeTruthy();
    expect(tableRows('Hồ sơ tiếp nhận')).toEqual([
      ['09/2026', '410', '', '', ''],
      ['10/2026', '1.234', '', '', ''],
      ['11/2026', '', '1.300', '1.100–1.500', '1.000–1.650'],
    ]);
  });

  it('the grouped bars have a row per category and a column per series, with the values the bars are labelled with', () => {
    render(
      <GroupedBars
        title="Người thiếu theo lĩnh vực"
        categoryHeading="Lĩnh vực"
        digits={1}
        categories={[{ id: 'land', label: 'Đất đai' }, { id: 'social', label: 'Bảo trợ xã hội' }]}
        series={[{ label: 'Phương án A', values: new Map([['land', 2.25], ['social', 0]]) }, { label: 'Phương án B', values: new Map([['land', 1]]) }]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Người thiếu theo lĩnh vực' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Người thiếu theo lĩnh vực' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Lĩnh vực', 'Phương án A', 'Phương án B']);
    expect(tableRows('Người thiếu theo lĩnh vực')).toEqual([['Đất đai', '2,3', '1,0'], ['Bảo trợ xã hội', '0,0', '0,0']]);
  });

  it('the utilization before and after has a row per center, highest before first', () => {
    render(
      <UtilizationDumbbell
        title="Mức tải trước và sau"
        rows={[{ code: '1', name: 'Kiến An', before: 0.9, after: 0.95 }, { code: '2', name: 'Phù Liễn', before: 4.93, after: 1.2 }, { code: '3', name: 'Đồ Sơn', before: null, after: 0.5 }]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Mức tải trước và sau' })).toBeTruthy();
    expect(tableRows('Mức tải trước và sau')).toEqual([['Phù Liễn', '493%', '120%'], ['Kiến An', '90%', '95%'], ['Đồ Sơn', '–', '50%']]);
  });

  it('the trade-off curve has a row per budget with a plan, "unlimited" last, and none for a budget without a plan', () => {
    const point = (maxTransfers: number | null, uncoveredHours: number | null): TradeoffPoint =>
      ({ maxTransfers, uncoveredHours, status: uncoveredHours === null ? 'infeasible' : 'optimal', transfers: 0, weightedUncoveredHours: uncoveredHours, objective: uncoveredHours, gap: 0, seconds: 1 }) as TradeoffPoint;
    render(<TradeoffChart title="Đánh đổi" points={[point(null, 800), point(10, 2500.4), point(0, 4000), point(5, null)]} />);
    expect(screen.getByRole('img', { name: 'Đánh đổi' })).toBeTruthy();
    expect(tableRows('Đánh đổi')).toEqual([['0', '4.000'], ['10', '2.500'], ['Không giới hạn', '800']]);
  });

  it('the load against late share says in a sentence how many points it draws and how many are implausible', () => {
    const at = (key: string, verdict: LoadLatePoint['verdict']): LoadLatePoint => ({ key, load: 1.2, lateShare: 0.01, verdict, label: key });
    render(<LoadLateChart title="Mức tải và trễ hạn" points={[at('a', 'overloaded_unseen'), at('b', 'overloaded_unseen'), at('c', 'late_unexplained'), at('d', 'consistent')]} />);
    const figure = screen.getByRole('img', { name: 'Mức tải và trễ hạn' }).closest('figure') as HTMLElement;
    expect(figure.querySelector('figcaption')?.textContent).toBe(
      '4 điểm, mỗi điểm là một trung tâm trong một tháng: 2 tháng quá tải mà không trễ hạn, 1 tháng trễ hạn khi tải thấp. Bảng bên dưới liệt kê các tháng.',
    );
  });
});
