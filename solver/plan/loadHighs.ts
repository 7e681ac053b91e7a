/**
 * Loads HiGHS (WebAssembly) once per process or worker; every solve reuses the instance.
 * Passing it into solvePlan keeps solver/ free of module-level state.
 */
import highsLoader from 'highs';
import type { Highs } from 'highs';

let loading: Promise<Highs> | null = null;

/** The package is CommonJS; its type declares a namespace, at runtime the default export is the loader. */
export const loadHighs = (): Promise<Highs> => {
  loading ??= (highsLoader as unknown as () => Promise<Highs>)();
  return loading;
};
