// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Center } from '../../solver/domain.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCenters } from '../../solver/dataset/parseCenters.ts';
import { CenterMap } from '../../web/src/charts/CenterMap.tsx';
import { mapLayout } from '../../web/src/charts/mapLayout.ts';

let centers: readonly Center[] = [];

beforeAll(() => {
  // api/dataset-files.ts resolves paths with file URLs, which happy-dom's URL does not support: read the table directly.
  const text = readFileSync(join(process.cwd(), 'data/haiphong/centers.csv'), 'utf8');
  centers = parseCenters({ name: 'centers.csv', text }).rows;
});

afterEach(cleanup);

describe('CenterMap on the embedded Hai Phong centers', () => {
  it('draws one focusable, named circle per center', () => {
    render(<CenterMap centers={centers} volume={new Map()} utilization={new Map()} onSelect={() => undefined} title="map" />);
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(114);
    expect(buttons.every((b) => b.getAttribute('tabindex') === '0')).toBe(true);
    expect(screen.getByRole('button', { name: /^Phường Phù Liễn:/ })).toBeTruthy();
  });

  it('opens a center with the keyboard', () => {
    const onSelect = vi.fn();
    render(<CenterMap centers={centers} volume={new Map()} utilization={new Map()} onSelect={onSelect} title="map" />);
    const kienAn = screen.getByRole('button', { name: /^Phường Kiến An:/ });
    fireEvent.keyDown(kienAn, { key: 'Enter' });
    const code = centers.find((c) => c.nameVi === 'Phường Kiến An')?.code;
    expect(onSelect).toHaveBeenCalledWith(code);
  });

  it('puts Bach Long Vi, ~110 km offshore, in an inset and keeps the rest inside the frame', () => {
    const layout = mapLayout(centers, 720, 560);
    const inset = layout.placed.filter((p) => p.inset).map((p) => p.center.nameVi);
    expect(inset).toEqual(['Đặc khu Bạch Long Vĩ']);
    for (const p of layout.placed) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(720);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(560);
    }
  });
});
