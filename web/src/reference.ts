/** Centers, fields and the version of the active dataset, loaded once and shared by every screen. */
import { createContext, useContext } from 'react';
import type { Center, Field } from '../../solver/domain.ts';

export interface Reference {
  readonly centers: readonly Center[];
  readonly fields: readonly Field[];
  readonly centerByCode: ReadonlyMap<string, Center>;
  readonly fieldById: ReadonlyMap<string, Field>;
  /** The plan the overview shows, if one was solved or opened. */
  readonly activePlanId: string | undefined;
  readonly setActivePlanId: (id: string | undefined) => void;
  /** Loads centers and fields again (after another dataset version became active). */
  readonly reload: () => void;
  /** The active dataset version (GET /api/health); undefined while unknown. A plan of another version says so. */
  readonly datasetVersion: number | undefined;
}

export const makeReference = (
  centers: readonly Center[],
  fields: readonly Field[],
  activePlanId: string | undefined,
  setActivePlanId: (id: string | undefined) => void,
  reload: () => void = () => undefined,
  datasetVersion: number | undefined = undefined,
): Reference => ({
  centers,
  fields,
  centerByCode: new Map(centers.map((c) => [c.code, c])),
  fieldById: new Map(fields.map((f) => [f.field, f])),
  activePlanId,
  setActivePlanId,
  reload,
  datasetVersion,
});

export const ReferenceContext = createContext<Reference | undefined>(undefined);

export const useReference = (): Reference => {
  const ref = useContext(ReferenceContext);
  if (!ref) throw new Error('useReference requires a ReferenceContext provider');
  return ref;
};
