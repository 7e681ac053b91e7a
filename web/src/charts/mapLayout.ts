/**
 * Projection of the centers' coordinates onto the map (d3-geo Mercator, fitted to the centers).
 * Units far from the rest (Bach Long Vi, ~110 km offshore) would shrink the city to a corner, so
 * centers more than OUTLIER_KM from the median point go into an inset box, as atlases do for islands.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import { haversineKm } from '../../../solver/geo.ts';
import type { Center } from '../../../solver/domain.ts';

export const OUTLIER_KM = 60;

export interface PlacedCenter {
  readonly center: Center;
  readonly x: number;
  readonly y: number;
  /** Whether it is drawn in the inset box. */
  readonly inset: boolean;
  /** Radius (px) of a disc of the unit's area: an approximate extent of its territory. */
  readonly extentPx: number;
}

export interface MapLayout {
  readonly placed: readonly PlacedCenter[];
  readonly byCode: ReadonlyMap<string, PlacedCenter>;
  readonly inset: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } | undefined;
  /** Pixels per km at the map's center, for a scale bar. */
  readonly pxPerKm: number;
}

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const point = (p: GeoProjection, c: Center): [number, number] => p([c.lon, c.lat]) ?? [0, 0];

/** Lays out `centers` in a `width` x `height` box with `margin` px around. */
export const mapLayout = (centers: readonly Center[], width: number, height: number, margin = 24): MapLayout => {
  if (centers.length === 0) return { placed: [], byCode: new Map(), inset: undefined, pxPerKm: 1 };
  const midLat = median(centers.map((c) => c.lat));
  const midLon = median(centers.map((c) => c.lon));
  const far = (c: Center) => haversineKm(c.lat, c.lon, midLat, midLon) > OUTLIER_KM;
  const main = centers.filter((c) => !far(c));
  const outliers = centers.filter(far);
  const features = {
    type: 'MultiPoint' as const,
    coordinates: main.map((c) => [c.lon, c.lat]),
  };
  const projection = geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    features,
  );
  const [x0] = projection([midLon, midLat]) ?? [0, 0];
  const [x1] = projection([midLon + 1, midLat]) ?? [0, 0];
  const pxPerKm = Math.abs(x1 - x0) / haversineKm(midLat, midLon, midLat, midLon + 1);
  const insetBox = outliers.length > 0 ? { x: margin / 2, y: height - margin / 2 - 70, width: 110, height: 70 } : undefined;
  const placed: PlacedCenter[] = centers.map((center) => {
    const extentPx = Math.sqrt(center.areaKm2 / Math.PI) * pxPerKm;
    if (far(center) && insetBox) {
      const k = outliers.indexOf(center);
      return {
        center,
        x: insetBox.x + ((k + 1) * insetBox.width) / (outliers.length + 1),
        y: insetBox.y + insetBox.height / 2 + 6,
        inset: true,
        extentPx,
      };
    }
    const [x, y] = point(projection, center);
    return { center, x, y, inset: false, extentPx };
  });
  return { placed, byCode: new Map(placed.map((p) => [p.center.code, p])), inset: insetBox, pxPerKm };
};

/** A place name without its unit-type prefix, for labels: "Phường Kiến An" -> "Kiến An". */
export const shortName = (nameVi: string): string => nameVi.replace(/^(Phường|Xã|Đặc khu)\s+/u, '');

/**
 * Codes of up to `count` centers to label, largest `weight` first, skipping any whose label box
 * (about 6.5 px per character, 14 px high, right of its circle) would overlap one already placed.
 */
export const placeLabels = (
  placed: readonly PlacedCenter[],
  weight: (p: PlacedCenter) => number,
  radius: (w: number) => number,
  count: number,
): Set<string> => {
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const chosen = new Set<string>();
  for (const p of [...placed].sort((a, b) => weight(b) - weight(a))) {
    if (chosen.size >= count) break;
    const x0 = p.x + radius(weight(p)) + 2;
    const box = { x0, x1: x0 + shortName(p.center.nameVi).length * 6.5, y0: p.y - 9, y1: p.y + 5 };
    if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
    boxes.push(box);
    chosen.add(p.center.code);
  }
  return chosen;
};
