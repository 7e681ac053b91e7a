/**
 * A sheet's data rows held compactly while the rest of the workbook is read: every cell's text in
 * one flat array (row after row, column after column), each row's sheet row number in a typed
 * array, and short texts kept once however often they occur (counts, months, field and channel
 * codes repeat on almost every row of a history sheet). A loader iterates it like an array of
 * CSV rows; each row's cells object is made when the row is reached and dropped after it, so a
 * sheet of a million rows costs about its cell texts and a pointer per cell, not a million objects.
 */
import type { CsvRow } from '../../solver/csv.ts';
import type { RowList } from '../../solver/dataset/types.ts';

/** Texts up to this length are kept once (longer ones, names and the like, rarely repeat). */
const SHARED_TEXT_LENGTH = 24;
/** At most this many distinct texts are kept once; past it, texts are stored as they come. */
const SHARED_TEXT_LIMIT = 200_000;

export class SheetRows implements RowList {
  private readonly texts: string[] = [];
  private lines = new Uint32Array(1024);
  private count = 0;
  private readonly shared = new Map<string, string>();

  /** `columns`: the documented column name of each stored cell, in the order `push` receives them. */
  constructor(private readonly columns: readonly string[]) {}

  get length(): number {
    return this.count;
  }

  /** Adds the row at sheet row `line`; `cells` holds one text per column, in the columns' order. */
  push(line: number, cells: readonly string[]): void {
    if (cells.length !== this.columns.length) throw new Error(`a sheet row of ${cells.length} cells for ${this.columns.length} columns`);
    if (this.count === this.lines.length) {
      const grown = new Uint32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[this.count] = line;
    this.count += 1;
    for (const text of cells) this.texts.push(this.keep(text));
  }

  private keep(text: string): string {
    if (text.length > SHARED_TEXT_LENGTH) return text;
    const known = this.shared.get(text);
    if (known !== undefined) return known;
    if (this.shared.size < SHARED_TEXT_LIMIT) this.shared.set(text, text);
    return text;
  }

  *[Symbol.iterator](): Iterator<CsvRow> {
    const width = this.columns.length;
    for (let r = 0; r < this.count; r += 1) {
      const cells: Record<string, string> = {};
      for (let c = 0; c < width; c += 1) cells[this.columns[c] as string] = this.texts[r * width + c] as string;
      yield { line: this.lines[r] as number, cells };
    }
  }
}
