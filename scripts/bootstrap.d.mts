// Types of scripts/bootstrap.mjs for the tests (the script itself is plain JavaScript: it runs before node_modules exists).
export declare const ROOT: string;
export declare const INPUTS_FILE: string;
export declare const DIST_METAFILE: string;
export interface BuildTarget {
  readonly name: string;
  readonly out: string;
  readonly inputs: readonly string[];
  readonly skip?: readonly string[];
}
export declare const DIST: BuildTarget & { readonly entries: Readonly<Record<string, string>> };
export declare const WEB: BuildTarget;
export declare const installState: (root: string) => { readonly install: boolean; readonly reason: string };
export declare const inputsHash: (root: string, inputs: readonly string[], skip?: readonly string[]) => string;
export declare const buildState: (root: string, target: BuildTarget) => { readonly build: boolean; readonly hash: string; readonly reason: string };
export declare const replaceOutput: (root: string, out: string, hash: string, make: (tmp: string) => void | Promise<void>) => Promise<void>;
export declare const ensureInstall: (root: string) => boolean;
