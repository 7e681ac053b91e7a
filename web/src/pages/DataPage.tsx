/** Data: dataset versions (switch the active one) and imports with their validation report, line by line. */
import { useId, useState } from 'react';
import type { InputProblem } from '../../../solver/domain.ts';
import { api, ApiError } from '../api.ts';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { formatInt } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useAsync } from '../useAsync.ts';

export const DataPage = () => {
  const { lang, t } = useI18n();
  const id = useId();
  const versions = useAsync(() => api.datasets(), []);
  const [files, setFiles] = useState<File[]>([]);
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<readonly InputProblem[] | undefined>(undefined);
  const [result, setResult] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [activateError, setActivateError] = useState<{ version: number; error: Error } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const runImport = async () => {
    setBusy(true);
    setProblems(undefined);
    setResult(undefined);
    setError(undefined);
    try {
      const texts: Record<string, string> = {};
      for (const f of files) texts[f.name] = await f.text();
      const answer = (await api.importTables(texts, name.trim() || files.map((f) => f.name).join(', '))) as { version?: number; warnings?: InputProblem[] };
      setResult(t('importOk', { id: answer.version ?? '' }));
      setProblems(answer.warnings ?? []);
      versions.reload();
    } catch (e) {
      if (e instanceof ApiError && e.problems.length > 0) {
        setProblems(e.problems);
        setResult(t('importFailed', { n: e.problems.length }));
      } else setError(e instanceof Error ? e : new Error(String(e)));
    }
    setBusy(false);
  };
  const activate = async (version: number) => {
    setActivateError(undefined);
    try {
      await api.activateDataset(version);
      versions.reload();
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
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col">{t('name')}</th>
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
                <td className="num">{v.version}</td>
                <td>{v.name}</td>
                <td>{v.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td className="num">{formatInt(lang, v.counts.centers)}</td>
                <td className="num">{formatInt(lang, v.counts.staff)}</td>
                <td className="num">{formatInt(lang, v.counts.historyRows)}</td>
                <td className="mono">{v.hash.slice(0, 12)}</td>
                <td>
                  {v.active ? (
                    <span className="badge badge-good">✓ {t('active')}</span>
                  ) : (
                    <button type="button" onClick={() => void activate(v.version)}>
                      {t('activate')}
                    </button>
                  )}
                  {activateError?.version === v.version && <ErrorNote error={activateError.error} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
            {t('name')}
            <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={files.length === 0 || busy}>
            {t('importRun')}
          </button>
        </div>
        <ErrorNote error={error} />
        {result && (
          <p className={problems && problems.length > 0 && result.startsWith(t('importFailed', { n: '' }).slice(0, 8)) ? 'bad' : 'good'} role="status">
            {result}
          </p>
        )}
        {problems && problems.length > 0 && (
          <>
            <h3>{t('validationReport')}</h3>
            <table className="table compact validation">
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
                    <td className="mono">{p.file}</td>
                    <td className="num">{p.line ?? ''}</td>
                    <td className="mono">{p.column ?? ''}</td>
                    <td className="mono">{p.value ?? ''}</td>
                    <td>{p.message}</td>
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
