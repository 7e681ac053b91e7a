/**
 * exceljs 4.4's streaming WorkbookReader with UTF-8 decoded across chunk boundaries. Its XML parser
 * decodes each inflated chunk of a zip entry on its own (lib/utils/parse-sax.js), so a Vietnamese
 * letter whose bytes straddle two chunks became two U+FFFD (`Nguyễn` read as `Nguy��n` in the
 * embedded staff table's round trip). Here the chunks reach it as text, decoded by a streaming
 * decoder; its parser passes text through unchanged. The overridden methods are exceljs's own
 * (lib/stream/xlsx/workbook-reader.js); the workbook round-trip test fails if they change.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

type Chunks = AsyncIterable<Buffer | string>;

interface ReaderInternals {
  _parseWorksheet(iterator: Chunks, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
}

type ReaderClass = new (input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

async function* decoded(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderClass;

export class Utf8WorkbookReader extends Base {
  /** The temporary files' streams of sheets exceljs deferred (met before the shared strings). */
  private readonly deferred: Readable[] = [];

  override _parseWorksheet(iterator: Chunks, sheetNo: string): Generator<unknown> {
    // A sheet met before the shared strings is read back from a temporary file, whose stream
    // exceljs opens before handing the sheet over and whose file it deletes as soon as the reader
    // moves on. A sheet passed over unread thus meets ENOENT, or keeps its file open, with no one
    // listening: an uncaught error that would end the process. Its errors are left to whoever
    // reads it (the async iterator rejects), and release() closes what was never read.
    if (iterator instanceof Readable) {
      iterator.on('error', () => undefined);
      this.deferred.push(iterator);
    }
    return super._parseWorksheet(decoded(iterator), sheetNo);
  }

  /** Closes the temporary files' streams of deferred sheets; call once the workbook is read, or given up. */
  release(): void {
    for (const stream of this.deferred) if (!stream.destroyed) stream.destroy();
    this.deferred.length = 0;
  }

  override _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    // A stream with an encoding emits text, decoded across chunks (node's StringDecoder).
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override _parseWorkbook(entry: Readable): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }

  override _parseStyles(entry: Readable): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }
}
