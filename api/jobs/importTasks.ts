/**
 * Validating an import, run in a worker thread: the loaders take seconds on a city's history
 * (~126k rows), which the event loop must not wait for. The parsed dataset goes back as JSON text
 * (one string copies fast between threads; an object graph of 126k rows does not).
 */
import { writeCsv } from '../../solver/csv.ts';
import type { Dataset, InputProblem } from '../../solver/domain.ts';
import { aggregateDossiers } from '../../solver/dataset/aggregateDossiers.ts';
import { historyCells } from '../../solver/dataset/datasetToCsv.ts';
import { loadDataset } from '../../solver/dataset/loadDataset.ts';
import { HISTORY_COLUMNS } from '../../solver/dataset/parseHistory.ts';
import type { DatasetFiles, NamedText } from '../../solver/dataset/types.ts';
import type { DatasetCounts } from '../storage/datasetStore.ts';

export type ValidatedImport =
  | {
      readonly ok: true;
      /**
       * The history table the import made (the dossier import merges one); absent when the history is
       * the one sent, which the caller holds already (a large table is not copied back between threads).
       */
      readonly history?: NamedText;
      readonly json: string;
      readonly counts: DatasetCounts;
      readonly warnings: readonly InputProblem[];
    }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

export const countsOf = (d: Dataset): DatasetCounts => ({
  centers: d.centers.length,
  fields: d.fields.length,
  historyRows: d.history.length,
  staff: d.staff.length,
});

/** The four tables through the loaders (all or nothing). */
export const validateTables = (files: DatasetFiles): ValidatedImport => {
  const loaded = loadDataset(files);
  if (!loaded.ok) return loaded;
  return { ok: true, json: JSON.stringify(loaded.value), counts: countsOf(loaded.value), warnings: loaded.warnings };
};

/**
 * Dossier-level rows aggregated onto `base`: for every (center, month) the export covers, its
 * history rows replace the base's; other months and centers keep theirs. The result goes through
 * the loaders like any import.
 */
export const mergeDossiers = (base: Dataset, baseFiles: DatasetFiles, file: NamedText, asOf?: string): ValidatedImport => {
  const known = { centers: new Set(base.centers.map((c) => c.code)), fields: new Set(base.fields.map((f) => f.field)) };
  const aggregated = aggregateDossiers(file, known, asOf === undefined ? {} : { asOf });
  if (!aggregated.ok) return aggregated;
  const covered = new Set(aggregated.value.map((r) => `${r.centerCode} ${r.month}`));
  const kept = base.history.filter((r) => !covered.has(`${r.centerCode} ${r.month}`));
  const history = [...kept, ...aggregated.value].sort((a, b) =>
    a.centerCode.localeCompare(b.centerCode) || a.month.localeCompare(b.month) || a.field.localeCompare(b.field) || a.channel.localeCompare(b.channel));
  const merged: NamedText = { name: 'history.csv', text: writeCsv(HISTORY_COLUMNS, history.map(historyCells)) };
  const validated = validateTables({ ...baseFiles, history: merged });
  return validated.ok ? { ...validated, history: merged } : validated;
};
