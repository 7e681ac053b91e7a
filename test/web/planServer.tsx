/**
 * What the fake server (fakeServer.ts) needs to answer like the real one about plans: a stored plan
 * record with the summary the server takes from its result (api/jobs/planSummary.ts, the real
 * function), its result, and the screens' shared reference data of a named web case.
 */
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { planSummary } from '../../api/jobs/planSummary.ts';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { I18nContext, translate, type Lang } from '../../web/src/i18n.ts';
import { makeReference, ReferenceContext, type Reference } from '../../web/src/reference.ts';
import type { FakeServer } from './fakeServer.ts';
import { caseTables, type CaseName } from './planResultCases.ts';

export interface StoredPlanOptions {
  readonly scenarioId?: string;
  readonly datasetVersion?: number;
  readonly finishedAt?: string;
}

/** A finished plan's record as GET /api/plans and /api/plans/:id send it. */
export const planRecord = (id: string, result: PlanResult, options: StoredPlanOptions = {}) => ({
  id,
  scenarioId: options.scenarioId ?? 's1',
  scenario: result.scenario,
  datasetVersion: options.datasetVersion ?? 1,
  datasetHash: 'a'.repeat(64),
  status: 'done' as const,
  stage: 'done',
  progress: 1,
  summary: planSummary(result),
  error: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  startedAt: '2026-11-27T10:00:01.000Z',
  finishedAt: options.finishedAt ?? '2026-11-27T10:00:07.000Z',
  createdBy: 'local',
});

/** Answers GET plans/ID and GET plans/ID/result for a finished plan; returns its record. */
export const servePlan = (server: FakeServer, id: string, result: PlanResult, options: StoredPlanOptions = {}) => {
  const record = planRecord(id, result, options);
  server.routes.set(`GET plans/${id}`, { status: 200, body: record });
  server.routes.set(`GET plans/${id}/result`, { status: 200, body: result });
  return record;
};

/** A saved scenario record whose levers are the result's (so the plan is not stale). */
export const scenarioRecord = (id: string, name: string, result: PlanResult) => ({
  id, name, description: '', scenario: result.scenario, revision: 1, createdAt: '2026-11-27T09:00:00.000Z', updatedAt: '2026-11-27T09:00:00.000Z',
});

/** The case's centers and fields as the screens' shared reference, with the active dataset version. */
export const caseReference = (name: CaseName, options: { readonly datasetVersion?: number; readonly setActivePlanId?: (id: string | undefined) => void } = {}): Reference => {
  const { centers, fields } = caseTables(name);
  return makeReference(centers, fields, undefined, options.setActivePlanId ?? (() => undefined), () => undefined, options.datasetVersion ?? 1);
};

/** Renders `node` in `lang` with `reference`. */
export const showWith = (reference: Reference, node: ReactNode, lang: Lang = 'vi') =>
  render(
    <I18nContext.Provider value={{ lang, t: (key, values) => translate(lang, key, values), setLang: () => undefined }}>
      <ReferenceContext.Provider value={reference}>{node}</ReferenceContext.Provider>
    </I18nContext.Provider>,
  );
