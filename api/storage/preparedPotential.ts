/**
 * The transfer potential of a plan input (solver/plan/transferPotential.ts: about fifteen linear
 * relaxations, ~1.2 s on Hai Phong) kept as a prepared file (preparedFiles.ts) under a hash of
 * exactly what it reads (potentialInputKey) and of its code and HiGHS's version: a plan command that
 * changes only the budget, minimum staff, hires or weights reads it back instead of solving them again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanInput } from '../../solver/plan/planInput.ts';
import { potentialInputKey, type TransferPotential } from '../../solver/plan/transferPotential.ts';
import { REPO_ROOT } from '../repoPaths.ts';
import { DEFAULT_FORECAST_DIR } from './forecastFiles.ts';
import { readPrepared, writePrepared, type PreparedKey } from './preparedFiles.ts';
import { sourceHash } from './sourceHash.ts';

export const PREPARED_POTENTIAL_FORMAT = 1;

let codeHash: string | undefined;
/** The potential's code (transferPotential.ts and its imports) and the HiGHS package's version. */
export const potentialCodeHash = (): string => {
  if (codeHash !== undefined) return codeHash;
  let highs = 'unknown';
  try {
    highs = String((JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'highs', 'package.json'), 'utf8')) as { version?: unknown }).version);
  } catch {
    // A missing package.json gives the key "unknown": still one key per code.
  }
  codeHash = `${sourceHash(REPO_ROOT, ['solver/plan/transferPotential.ts'])}|highs ${highs}`;
  return codeHash;
};

const keyOf = (input: PlanInput): PreparedKey => ({
  kind: 'potential',
  key: createHash('sha256').update(potentialInputKey(input)).digest('hex'),
  code: potentialCodeHash(),
  format: PREPARED_POTENTIAL_FORMAT,
});

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isPotential = (x: unknown): x is TransferPotential => {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  const byField = p['remainingByField'];
  return finite(p['uncoveredAtBest']) && finite(p['seconds']) && typeof byField === 'object' && byField !== null && Object.values(byField).every(finite);
};

/** The potential kept for this input, or null (`log` says why a file was not used). */
export const preparedPotential = (input: PlanInput, options: { readonly preparedDir?: string; readonly log?: (message: string) => void } = {}): TransferPotential | null => {
  const read = readPrepared(options.preparedDir ?? DEFAULT_FORECAST_DIR, keyOf(input));
  if (!read.ok) {
    if (read.reason !== 'missing') options.log?.(`the prepared transfer potential ${read.file} is ${read.reason}: computed again`);
    return null;
  }
  let value: unknown = null;
  try {
    value = JSON.parse(read.body.toString('utf8'));
  } catch {
    value = null;
  }
  if (!isPotential(value)) {
    options.log?.(`the prepared transfer potential ${read.file} is not a potential: computed again`);
    return null;
  }
  options.log?.(`transfer potential computed before (prepared file ${read.file})`);
  return value;
};

/** Keeps `potential` as this input's; false (and `log`) when the folder cannot be written. */
export const keepPotential = (input: PlanInput, potential: TransferPotential, options: { readonly preparedDir?: string; readonly log?: (message: string) => void } = {}): boolean => {
  const written = writePrepared(options.preparedDir ?? DEFAULT_FORECAST_DIR, keyOf(input), Buffer.from(JSON.stringify(potential), 'utf8'));
  if (!written.ok) options.log?.(`the transfer potential could not be kept (${written.reason}): the next run computes it again`);
  return written.ok;
};
