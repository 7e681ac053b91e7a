/**
 * Dataset versions: list, import (the four tables as JSON or multipart/form-data, or dossier-level
 * rows), activate. Imports answer with the loaders' report (file, line, column, value, message);
 * a refused import stores nothing (422). Importing and activating need the admin role.
 */
import { Type } from '@sinclair/typebox';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { parseDate } from '../../solver/dataset/parseDate.ts';
import { WORKBOOK_TABLES, type WorkbookTable } from '../../solver/dataset/tableHeadings.ts';
import type { DatasetTable, ImportFile } from '../workbook/workbookImport.ts';
import { errors, List } from '../schemas/common.ts';
import { DatasetVersionSchema, ImportDossiersBody, ImportReply, ImportTablesBody, VersionParams } from '../schemas/datasetSchemas.ts';
import type { ImportOutcome } from '../storage/datasetService.ts';
import type { Routes } from './context.ts';
import { found, httpError, notFound } from './httpError.ts';

/**
 * Largest import body, bytes. Validating an import holds its tables several times over (the text,
 * the rows, the parsed dataset, its JSON); `npm run bench:import` measured the server's peak at
 * 724 MB for the embedded 5.9 MB import, 924 MB for 11.8 MB and 1,229 MB for 17.8 MB (bench/README.md).
 * 12 MB keeps it under 1 GB: twice the embedded Hai Phong tables (46 months of 114 centers), or
 * about one month of a province's dossier-level export.
 */
export const IMPORT_BODY_LIMIT = 12 * 1024 * 1024;

/** The words of a 413 for an import over the limit, with what to do instead. */
export const IMPORT_TOO_LARGE = `the import is larger than its limit of ${IMPORT_BODY_LIMIT / 1024 / 1024} MB (the limit keeps the server under 1 GB of memory): import fewer months at a time (a dossier-level export month by month; a history table of the months since 2023 only)`;

const TABLES = ['centers', 'fields', 'history', 'staff'] as const;
/** The file parts of an upload: a table each (CSV or .xlsx), a workbook of several, or a dossier export. */
const PARTS = [...TABLES, 'workbook', 'dossiers'] as const;

const Version = Type.Ref(DatasetVersionSchema);

/**
 * Reads the four files of a multipart import; a missing or non-UTF-8 part is a 400 naming it, and so
 * is a body that ends before its last part does (a cut upload), or a part over the size limit.
 */
const multipartFiles = async (request: FastifyRequest): Promise<UploadParts> => {
  try {
    return await readParts(request);
  } catch (error) {
    if ((error as { expose?: boolean }).expose === true) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw httpError(413, IMPORT_TOO_LARGE);
    if (code !== undefined && code.startsWith('FST_')) throw httpError(400, `the multipart body is not valid: ${(error as Error).message}`);
    // busboy's words for a body cut short or malformed ("Unexpected end of form", "Malformed part header").
    throw httpError(400, `the multipart body is incomplete or malformed (${(error as Error).message}); nothing was imported`);
  }
};

const readParts = async (request: FastifyRequest): Promise<UploadParts> => {
  // Imported here, not at start: the workbook modules load exceljs (1.4 s).
  const { isWorkbookName } = await import('../workbook/workbookImport.ts');
  const texts = new Map<string, ImportFile>();
  const fields = new Map<string, string>();
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'workbook' || isWorkbookName(part.filename)) {
        texts.set(part.fieldname, { name: part.filename || `${part.fieldname}.xlsx`, bytes });
        continue;
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw httpError(400, `${part.filename}: the file is not UTF-8 text (save it as "CSV UTF-8")`);
      }
      texts.set(part.fieldname, { name: part.filename || `${part.fieldname}.csv`, text });
    } else {
      fields.set(part.fieldname, String(part.value));
    }
  }
  const unknown = [...texts.keys()].filter((k) => !(PARTS as readonly string[]).includes(k));
  if (unknown.length > 0) throw httpError(400, `unknown file part${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}: the parts are named centers, fields, history, staff, workbook (a workbook with a sheet per table) or dossiers`);
  if (texts.size === 0) throw httpError(400, 'no file part: send one or more of centers, fields, history, staff and workbook (a table left out is the active version\'s), or dossiers');
  const dossiers = texts.get('dossiers');
  if (dossiers !== undefined && texts.size > 1) throw httpError(400, 'a dossiers part goes alone: the tables are imported apart from a dossier-level export');
  const asOf = fields.get('asOf');
  return {
    files: Object.fromEntries([...texts.entries()]) as UploadParts['files'],
    ...(dossiers === undefined ? {} : { dossiers }),
    name: fields.get('name') ?? 'upload',
    activate: fields.get('activate') === 'true',
    ...(asOf === undefined || asOf === '' ? {} : { asOf }),
  };
};

interface UploadParts {
  readonly files: Partial<Record<DatasetTable | 'workbook', ImportFile>>;
  /** A dossier-level export, CSV or workbook (then the only file part). */
  readonly dossiers?: ImportFile;
  readonly name: string;
  readonly activate: boolean;
  readonly asOf?: string;
}

/** True for a real calendar day written YYYY-MM-DD (`2026-02-30` and `2026-99-99` are not). */
const isCalendarDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text) === text;

const importReply = (outcome: ImportOutcome) =>
  outcome.ok ? { ok: true, version: outcome.version, warnings: outcome.warnings, ...(outcome.replaced === undefined ? {} : { replaced: outcome.replaced }) } : { ok: false, problems: outcome.problems };

export const datasetRoutes: Routes = (api, { datasets, storage, prepare }) => {
  api.get('/datasets', {
    config: { access: 'viewer' },
    schema: { tags: ['datasets'], summary: 'Dataset versions, newest first', response: { 200: List(Version) } },
  }, async () => storage.datasets.list());

  api.get('/datasets/:version', {
    config: { access: 'viewer' },
    schema: { tags: ['datasets'], summary: 'One dataset version', params: VersionParams, response: { 200: Version, ...errors(400, 404) } },
  }, async (request) => found(storage.datasets.get(request.params.version), 'dataset version', request.params.version));

  api.post('/datasets', {
    config: { access: 'admin' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['datasets'],
      summary: 'Import one or more of the four CSV tables (JSON with their texts); a table left out is the active version\'s',
      body: ImportTablesBody,
      response: { 201: ImportReply, 422: ImportReply, ...errors(400, 401, 403, 413) },
    },
  }, async (request, reply) => {
    const { name, activate, ...files } = request.body;
    if (TABLES.every((t) => files[t] === undefined)) throw httpError(400, 'body must have one or more of the tables centers, fields, history and staff (a table left out is the active version\'s)');
    const outcome = await datasets.importTables(files, name, request.user.name, activate ?? false);
    if (outcome.ok && outcome.version.active) prepare(outcome.version.version);
    return reply.code(outcome.ok ? 201 : 422).send(importReply(outcome));
  });

  api.post('/datasets/upload', {
    config: { access: 'admin' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['datasets'],
      summary: 'Import one or more of the four tables, as CSV or .xlsx (multipart/form-data: file parts centers, fields, history, staff, or workbook for one .xlsx with a sheet per table; fields name, activate); a table left out is the active version\'s. A file part dossiers alone (CSV or .xlsx, field asOf) imports a dossier-level export',
      consumes: ['multipart/form-data'],
      response: { 201: ImportReply, 422: ImportReply, ...errors(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw httpError(415, 'send multipart/form-data with one or more of the file parts centers, fields, history and staff');
    const { files, dossiers, name, activate, asOf } = await multipartFiles(request);
    if (asOf !== undefined && !isCalendarDate(asOf)) throw httpError(400, `asOf must be a calendar date as YYYY-MM-DD, got "${asOf}"`);
    const outcome = dossiers === undefined
      ? await datasets.importTables(files, name, request.user.name, activate)
      : await datasets.importDossiers(dossiers, name, asOf, request.user.name, activate);
    if (outcome.ok && outcome.version.active) prepare(outcome.version.version);
    return reply.code(outcome.ok ? 201 : 422).send(importReply(outcome));
  });

  api.post('/datasets/dossiers', {
    config: { access: 'admin' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['datasets'],
      summary: 'Import dossier-level rows onto the active version (replaces the history of every center and month they cover)',
      body: ImportDossiersBody,
      response: { 201: ImportReply, 422: ImportReply, ...errors(400, 401, 403, 413) },
    },
  }, async (request, reply) => {
    const { name, activate, asOf, dossiers } = request.body;
    if (asOf !== undefined && !isCalendarDate(asOf)) throw httpError(400, `body/asOf must be a calendar date as YYYY-MM-DD, got "${asOf}"`);
    const outcome = await datasets.importDossiers(dossiers, name, asOf, request.user.name, activate ?? false);
    if (outcome.ok && outcome.version.active) prepare(outcome.version.version);
    return reply.code(outcome.ok ? 201 : 422).send(importReply(outcome));
  });

  api.get('/datasets/templates/:table', {
    config: { access: 'viewer' },
    schema: {
      tags: ['datasets'],
      summary: 'The template workbook of a table (centers, fields, history, staff, dossiers): Vietnamese headings, a note row, drop-down lists of the active version\'s center codes and field ids',
      params: Type.Object({ table: Type.Union(WORKBOOK_TABLES.map((t) => Type.Literal(t))) }),
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: Type.Unknown(), ...errors(400) },
    },
  }, async (request, reply) => {
    const table = request.params.table as WorkbookTable;
    const { templateFileName, templateWorkbook } = await import('../workbook/templateWorkbook.ts');
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${templateFileName(table)}"`)
      .send(await templateWorkbook(table, datasets.active().dataset));
  });

  api.post('/datasets/:version/activate', {
    config: { access: 'admin' },
    schema: { tags: ['datasets'], summary: 'Make a version the active one', params: VersionParams, response: { 200: Version, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    if (!storage.datasets.activate(request.params.version, request.user.name)) throw notFound('dataset version', request.params.version);
    prepare(request.params.version);
    return storage.datasets.get(request.params.version) as NonNullable<ReturnType<typeof storage.datasets.get>>;
  });
};
