/** Data: dataset versions (switch the active one) and imports with their validation report, line by line. */
import { useId, useState } from 'react';
import type { InputProblem } from '../../../solver/domain.ts';
import { api, ApiError, TABLE_NAMES, type TableName } from '../api.ts';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { formatInt } from '../format.ts';
import { importProblemText } from '../messages/importProblemText.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { RoleNote } from '../session/RoleNote.tsx';
import { usePermission } from '../session/SessionProvider.tsx';
import { useAsync } from '../useAsync.ts';

/** Which chosen file is which table, by its name (`centers.csv`, `history-2026.csv`...). */
export const matchTables = (
  files: readonly { readonly name: string; readonly text: string }[],
): { found: Partial<Record<TableName, { name: string; text: string }>>; missing: TableName[] } => {
  const found: Partial<Record<TableName, { name: string; text: string }>> = {};
  for (const table of TABLE_NAMES) {
    const file = files.find((f) => f.name.toLowerCase().startsWith(table));
    if (file) found[table] = { name: file.name, text: file.text };
  }
  return { found, missing: TABLE_NAMES.filter((table) => found[table] === undefined) };
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
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const label = name.trim() || files.map((f) => f.name).join(', ');
      const tables = matchTables(texts);
      const answer =
        tables.missing.length === 0
          ? await api.importTables(tables.found as Record<TableName, { name: string; text: string }>, label, activateNow)
          : texts.length === 1 && texts[0]
            ? await api.importDossiers(texts[0], label, activateNow)
            : undefined;
      if (!answer) {
        setError(new Error(t('importMissing', { files: tables.missing.map((m) => `${m}.csv`).join(', ') })));
      } else if (answer.ok) {
        setResult({ ok: true, text: t('importOk', { id: answer.version?.version ?? '' }) });
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
            <input id={`${id}-files`} type="file" multiple accept=".csv,text/csv" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
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
