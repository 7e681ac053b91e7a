/**
 * The command line of every command the same way: `--help` (or `-h`) prints the command's help on
 * standard output and exits 0; an unknown or malformed option is one line naming it, then the usage,
 * on standard error, exit code 2; never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandText {
  /** One line: `usage: npm run NAME -- ...`. */
  readonly usage: string;
  /** What the command does, its options and exit codes (printed after the usage by --help). */
  readonly help: string;
}

export type Parsed<T> = { readonly ok: true; readonly values: T; readonly positionals: readonly string[] } | { readonly ok: false; readonly exitCode: 0 | 2; readonly stdout: string; readonly stderr: string };

/** Parses `argv` against `options` (a `help` option is added). */
export const parseCommandLine = <O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
  text: CommandText,
  allowPositionals = false,
): Parsed<ReturnType<typeof parseArgs<{ options: O & { help: { type: 'boolean'; short: 'h' } }; allowPositionals: boolean; strict: true }>>['values']> => {
  try {
    const parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } }, allowPositionals, strict: true });
    if ((parsed.values as { help?: boolean }).help === true) return { ok: false, exitCode: 0, stdout: `${text.usage}\n\n${text.help}\n`, stderr: '' };
    return { ok: true, values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    return { ok: false, exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n${text.usage}\n` };
  }
};

/** Writes a refused or --help parse's text and gives its exit code. */
export const endParse = (parsed: { readonly exitCode: 0 | 2; readonly stdout: string; readonly stderr: string }): number => {
  process.stdout.write(parsed.stdout);
  process.stderr.write(parsed.stderr);
  return parsed.exitCode;
};

/**
 * `parseCommandLine` for a command that checks its options' values itself: the options, or the text
 * to print (`help`: the usage and help for standard output; else the problem and the usage).
 */
export const parseOptions = <O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O, text: CommandText) => {
  const parsed = parseCommandLine(argv, options, text);
  if (parsed.ok) return { ok: true as const, values: parsed.values };
  return parsed.exitCode === 0 ? { ok: false as const, message: parsed.stdout.trimEnd(), help: true as const } : { ok: false as const, message: parsed.stderr.trimEnd() };
};
