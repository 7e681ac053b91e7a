/**
 * Stable codes for the messages the solver writes for people (import problems, scenario problems,
 * infeasibility conflicts). Each message keeps its English text (the CLI, the API's `message` and
 * tests read it) and carries, alongside, a code and the values its sentence is made of, so a client
 * can say the same in another language (the web planner: Vietnamese first). A code never changes
 * meaning; a new sentence gets a new code. Parameters are plain strings and numbers, numbers in the
 * unit the code's documentation names (hours, km, people, working days).
 */

/** The values a coded message is made of, e.g. `{ min: 0, max: 500 }` or `{ center: '11311', centerName: 'Phù Liễn' }`. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A code and its parameters, carried next to an English `message`. */
export interface Coded<C extends string = string> {
  readonly code: C;
  readonly params: MessageParams;
}

/** `params` without the entries whose value is undefined (optional numbers), so JSON stays minimal. */
export const paramsOf = (entries: Readonly<Record<string, string | number | undefined>>): MessageParams =>
  Object.fromEntries(Object.entries(entries).filter((e): e is [string, string | number] => e[1] !== undefined));
