/** Data: dataset versions (switch the active one) and imports with their validation report, line by line. */
import { useId, useState } from 'react';
import type { InputProblem } from '../../../solver/domain.ts';
import { api, ApiError, TABLE_NAMES, TEMPLATE_TABLES, templateFile, type UploadPart, type UploadTemplate } from '../api.ts';
import { saveBlob } from '../session/saveExport.ts';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { formatInt } from '../format.ts';
import { importProblemText } from '../messages/importProblemText.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { RoleNote } from '../session/RoleNote.tsx';
import { usePermission } from '../session/SessionProvider.tsx';
import { useAsync } from '../useAsync.ts';

/** Whether a file is a workbook (sent as bytes) rather than CSV text. */
const isWorkbookFile = (name: string): boolean => /\.xls[xm]?$/i.test(name);

/**
 * Which chosen file is which upload part, by its name: a file whose name starts with a table's
 * (`centers.csv`, `staff-2026.xlsx`) is that table, alone or with others (the tables left out are
 * the active version's). One file named otherwise is a dossier-level export, except a workbook
 * not named `dossiers...`, which is read for its sheets (one per table). `unmatched` lists files
 * that are none of these (a second unnamed file).
 */
export const uploadParts = <F extends { readonly name: string }>(files: readonly F[]): { parts: Partial<Record<UploadPart, F>>; unmatched: F[] } => {
  const parts: Partial<Record<UploadPart, F>> = {};
  const rest: F[] = [];
  for (const file of files) {
    const table = TABLE_NAMES.find((t) => file.name.toLowerCase().startsWith(t));
    if (table !== undefined && parts[table] === undefined) parts[table] = file;
    else rest.push(file);
  }
  const [only] = rest;
  if (only !== undefined && rest.length === 1 && Object.keys(parts).length === 0) {
    const part = isWorkbookFile(only.name) && !only.name.toLowerCase().startsWith('dossier') ? 'workbook' : 'dossiers';
    return { parts: { [part]: only }, unmatched: [] };
  }
  return { parts, unmatched: rest };
};

export const DataPage = () => {
  const { lang, t } = useI18n();
  const id = useId();
  const versions = useAsync(() => api.datasets(), []);
  const reference = useReference();
  const [files, setFiles] = useState<File[]>([]);
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<readonly InputProblem[] | undefined>(undefined);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [activateNow, setActivateNow] = useState(true);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [activateError, setActivateError] = useState<{ version: number; error: Error } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const mayImport = usePermission('import');
  const mayActivate = usePermission('activate');
  const runImport = async () => {
    setBusy(true);
    setProblems(undefined);
    setResult(undefined);
    setError(undefined);
    try {
      const label = name.trim() || files.map((f) => f.name).join(', ');
      const { parts, unmatched } = uploadParts(files);
      const answer = unmatched.length === 0 ? await api.upload(parts, label, activateNow) : undefined;
      if (!answer) {
        setError(new Error(t('importUnmatched', { files: unmatched.map((f) => f.name).join(', ') })));
      } else if (answer.ok) {
        const replaced = answer.replaced ?? [];
        const ok = t('importOk', { id: answer.version?.version ?? '' });
        setResult({ ok: true, text: replaced.length > 0 && replaced.length < TABLE_NAMES.length ? `${ok}. ${t('importReplaced', { tables: replaced.join(', ') })}` : ok });
        setProblems(answer.warnings ?? []);
        versions.reload();
        if (activateNow) reference.reload();
      } else {
        setResult({ ok: false, text: t('importFailed', { n: answer.problems?.length ?? 0 }) });
        setProblems(answer.problems ?? []);
      }
    } catch (e) {
      if (e instanceof ApiError && e.problems.length > 0) {
        setProblems(e.problems);
        setResult({ ok: false, text: t('importFailed', { n: e.problems.length }) });
      } else setError(e instanceof Error ? e : new Error(String(e)));
    }
    setBusy(false);
  };
  const downloadTemplate = async (table: UploadTemplate) => {
    setError(undefined);
    try {
      const { blob, fileName } = await templateFile(table);
      saveBlob(blob, fileName);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const activate = async (version: number) => {
    setActivateError(undefined);
    try {
      await api.activateDataset(version);
      versions.reload();
      reference.reload();
    } catch (e) {
      setActivateError({ version, error: e instanceof Error ? e : new Error(String(e)) });
    }
  };
  return (
    <section className="screen" aria-labelledby="data-title">
      <div className="screen-head">
        <h1 id="data-title">{t('data')}</h1>
      </div>
      <div className="panel">
        <h2>{t('datasets')}</h2>
        <ErrorNote error={versions.error} onRetry={versions.reload} />
        {versions.loading && <Loading />}
        <table className="table stack" aria-label={t('datasets')}>
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col">{t('versionName')}</th>
              <th scope="col">{t('created')}</th>
              <th scope="col" className="num">{t('centers')}</th>
              <th scope="col" className="num">{t('staff')}</th>
              <th scope="col" className="num">{t('history')}</th>
              <th scope="col">{t('hash')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(versions.data ?? []).map((v) => (
              <tr key={v.version}>
                <td className="num" data-label="#">{v.version}</td>
                <td data-label={t('versionName')}>{v.name}</td>
                <td data-label={t('created')}>{v.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td className="num" data-label={t('centers')}>{formatInt(lang, v.counts.centers)}</td>
                <td className="num" data-label={t('staff')}>{formatInt(lang, v.counts.staff)}</td>
                <td className="num" data-label={t('history')}>{formatInt(lang, v.counts.historyRows)}</td>
                <td className="mono" data-label={t('hash')}>{v.hash.slice(0, 12)}</td>
                <td>
                  {v.active ? (
                    <span className="badge badge-good">✓ {t('active')}</span>
                  ) : (
                    <button type="button" onClick={() => void activate(v.version)} disabled={!mayActivate.allowed}>
                      {t('activate')}
                    </button>
                  )}
                  {activateError?.version === v.version && <ErrorNote error={activateError.error} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <RoleNote permission={mayActivate} />
      </div>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void runImport();
        }}
      >
        <h2>{t('import')}</h2>
        <p className="help">{t('importHelp')}</p>
        <div className="controls-row">
          <label htmlFor={`${id}-files`}>
            {t('file')}
            <input
              id={`${id}-files`}
              type="file"
              multiple
              accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
          </label>
          <label htmlFor={`${id}-name`}>
            {t('versionName')}
            <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={activateNow} onChange={(e) => setActivateNow(e.target.checked)} />
            {t('activate')}
          </label>
          <button type="submit" className="primary" disabled={files.length === 0 || busy || !mayImport.allowed}>
            {t('importRun')}
          </button>
        </div>
        <RoleNote permission={mayImport} />
        <p className="help">
          {t('templates')}{' '}
          {TEMPLATE_TABLES.map((table, i) => (
            <span key={table}>
              {i > 0 && ', '}
              <button type="button" className="link-button" onClick={() => void downloadTemplate(table)}>
                {table}.xlsx
              </button>
            </span>
          ))}
        </p>
        <ErrorNote error={error} />
        {result && (
          <p className={result.ok ? 'good' : 'bad'} role="status">
            {result.text}
          </p>
        )}
        {problems && problems.length > 0 && (
          <>
            <h3>{t('validationReport')}</h3>
            <table className="table compact validation stack">
              <thead>
                <tr>
                  <th scope="col">{t('file')}</th>
                  <th scope="col" className="num">{t('line')}</th>
                  <th scope="col">{t('column')}</th>
                  <th scope="col">{t('value')}</th>
                  <th scope="col">{t('problem')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <td className="mono" data-label={t('file')}>{p.file}</td>
                    <td className="num" data-label={t('line')}>{p.line ?? ''}</td>
                    <td className="mono" data-label={t('column')}>{p.column ?? ''}</td>
                    <td className="mono" data-label={t('value')}>{p.value ?? ''}</td>
                    <td data-label={t('problem')}>{importProblemText(lang, p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </form>
    </section>
  );
};
