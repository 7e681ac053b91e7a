/** The shell: header with navigation and language switch, then the screen the URL names. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from './api.ts';
import { ErrorNote, Loading } from './components/ErrorNote.tsx';
import { I18nContext, translate, type Lang, type MessageKey } from './i18n.ts';
import { makeReference, ReferenceContext } from './reference.ts';
import { hrefOf, useRoute, type Screen } from './route.ts';
import { useAsync } from './useAsync.ts';
import { Overview } from './pages/Overview.tsx';
import { CenterPage } from './pages/CenterPage.tsx';
import { Planner } from './pages/Planner.tsx';
import { Compare } from './pages/Compare.tsx';
import { DataPage } from './pages/DataPage.tsx';

const NAV: readonly [Screen, MessageKey][] = [
  ['overview', 'navOverview'],
  ['center', 'navCenter'],
  ['planner', 'navPlanner'],
  ['compare', 'navCompare'],
  ['data', 'navData'],
];

const storedLang = (): Lang => (localStorage.getItem('lang') === 'en' ? 'en' : 'vi');

export const App = () => {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const [activePlanId, setActivePlanId] = useState<string | undefined>(() => localStorage.getItem('activePlan') ?? undefined);
  const route = useRoute();
  const i18n = useMemo(
    () => ({
      lang,
      t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => translate(lang, key, values),
      setLang: (next: Lang) => {
        localStorage.setItem('lang', next);
        setLangState(next);
      },
    }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${i18n.t('appTitle')} – ${i18n.t('city')}`;
  }, [lang, i18n]);
  const firstScreen = useRef(true);
  useEffect(() => {
    // After a navigation (not the first load), move focus to the new screen, as a page load would.
    if (firstScreen.current) firstScreen.current = false;
    else document.getElementById('main')?.focus();
  }, [route.screen]);
  const setActive = (id: string | undefined) => {
    if (id) localStorage.setItem('activePlan', id);
    else localStorage.removeItem('activePlan');
    setActivePlanId(id);
  };
  const reference = useAsync(async () => {
    const [centers, fields] = await Promise.all([api.centers(), api.fields()]);
    return { centers, fields };
  }, []);
  const ref = useMemo(
    () => (reference.data ? makeReference(reference.data.centers, reference.data.fields, activePlanId, setActive, reference.reload) : undefined),
    [reference.data, activePlanId],
  );
  const { t } = i18n;
  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip-link" href="#main">
        {lang === 'vi' ? 'Chuyển tới nội dung' : 'Skip to content'}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <div className="brand-title">{t('appTitle')}</div>
            <div className="brand-sub">{t('city')}</div>
          </div>
        </div>
        <nav aria-label={lang === 'vi' ? 'Màn hình' : 'Screens'}>
          <ul className="nav">
            {NAV.map(([screen, key]) => (
              <li key={screen}>
                <a href={hrefOf(screen)} aria-current={route.screen === screen ? 'page' : undefined}>
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          className="lang-switch"
          onClick={() => i18n.setLang(lang === 'vi' ? 'en' : 'vi')}
          aria-label={`${t('language')}: ${t('switchTo')}`}
        >
          {t('switchTo')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {reference.loading && <Loading />}
        <ErrorNote error={reference.error} onRetry={reference.reload} />
        {ref && (
          <ReferenceContext.Provider value={ref}>
            {route.screen === 'overview' && <Overview />}
            {route.screen === 'center' && <CenterPage code={route.param} />}
            {route.screen === 'planner' && <Planner scenarioId={route.param} />}
            {route.screen === 'compare' && <Compare />}
            {route.screen === 'data' && <DataPage />}
          </ReferenceContext.Provider>
        )}
      </main>
    </I18nContext.Provider>
  );
};
