/** The moves of a plan as arrows for the map: one per pair of centers, with how many people take it. */
import type { MapFlow } from './CenterMap.tsx';

export const mapFlows = (moves: readonly { readonly from: string; readonly to: string }[]): MapFlow[] => {
  const flows = new Map<string, { from: string; to: string; count: number }>();
  for (const m of moves) {
    const key = `${m.from}>${m.to}`;
    const flow = flows.get(key) ?? { from: m.from, to: m.to, count: 0 };
    flow.count += 1;
    flows.set(key, flow);
  }
  return [...flows.values()];
};
