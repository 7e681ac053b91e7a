/**
 * The shell: header with navigation, the signed-in user (token mode) and the language switch, then
 * the screen the URL names, once the session allows it (web/src/session/: sign-in in token mode,
 * nothing in local mode).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from './api.ts';
import { ErrorNote, Loading } from './components/ErrorNote.tsx';
import { I18nContext, translate, useI18n, type Lang, type MessageKey } from './i18n.ts';
import { makeReference, ReferenceContext } from './reference.ts';
import { hrefOf, useRoute, type Screen } from './route.ts';
import { useAsync } from './useAsync.ts';
import { Overview } from './pages/Overview.tsx';
import { CenterPage } from './pages/CenterPage.tsx';
import { Planner } from './pages/Planner.tsx';
import { Compare } from './pages/Compare.tsx';
import { DataPage } from './pages/DataPage.tsx';
import { ModelCheckPage } from './pages/ModelCheckPage.tsx';
import { SessionGate } from './session/SessionGate.tsx';
import { SessionProvider, useSession } from './session/SessionProvider.tsx';
import { UserMenu } from './session/UserMenu.tsx';

const NAV: readonly [Screen, MessageKey][] = [
  ['overview', 'navOverview'],
  ['center', 'navCenter'],
  ['planner', 'navPlanner'],
  ['compare', 'navCompare'],
  ['check', 'navModelCheck'],
  ['data', 'navData'],
];

/** Screens that show a period of the address: moving between them keeps it. */
const PERIOD_SCREENS: ReadonlySet<Screen> = new Set(['overview', 'center']);

const storedLang = (): Lang => (localStorage.getItem('lang') === 'en' ? 'en' : 'vi');

export const App = () => {
  const [lang, setLangState] = useState<Lang>(storedLang);
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
  return (
    <I18nContext.Provider value={i18n}>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nContext.Provider>
  );
};

const Shell = () => {
  const { lang, t, setLang } = useI18n();
  const phase = useSession()?.phase;
  const signedIn = phase === undefined || phase.kind === 'active' || phase.kind === 'expired';
  const route = useRoute();
  const firstScreen = useRef(true);
  useEffect(() => {
    // After a navigation (not the first load), move focus to the new screen, as a page load would.
    if (firstScreen.current) firstScreen.current = false;
    else document.getElementById('main')?.focus();
  }, [route.screen]);
  return (
    <>
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
        {signedIn && (
          // While the sign-in dialog covers the screens, navigating away would drop what they hold.
          <nav aria-label={lang === 'vi' ? 'Màn hình' : 'Screens'} inert={phase?.kind === 'expired'}>
            <ul className="nav">
              {NAV.map(([screen, key]) => (
                <li key={screen}>
                  <a href={hrefOf(screen, undefined, PERIOD_SCREENS.has(screen) ? route.query : {})} aria-current={route.screen === screen ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <UserMenu />
        <button type="button" className="lang-switch" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} aria-label={`${t('language')}: ${t('switchTo')}`}>
          {t('switchTo')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <SessionGate>
          <Workspace screen={route.screen} param={route.param} />
        </SessionGate>
      </main>
    </>
  );
};

/** The screens, with the centers and fields every screen shares (loaded once signed in). */
const Workspace = ({ screen, param }: { readonly screen: Screen; readonly param: string | undefined }) => {
  const [activePlanId, setActivePlanId] = useState<string | undefined>(() => localStorage.getItem('activePlan') ?? undefined);
  const setActive = (id: string | undefined) => {
    if (id) localStorage.setItem('activePlan', id);
    else localStorage.removeItem('activePlan');
    setActivePlanId(id);
  };
  const reference = useAsync(async () => {
    const [centers, fields, health] = await Promise.all([api.centers(), api.fields(), api.health()]);
    return { centers, fields, datasetVersion: health.datasetVersion };
  }, []);
  const ref = useMemo(
    () =>
      reference.data
        ? makeReference(reference.data.centers, reference.data.fields, activePlanId, setActive, reference.reload, reference.data.datasetVersion)
        : undefined,
    [reference.data, activePlanId],
  );
  return (
    <>
      {reference.loading && <Loading />}
      <ErrorNote error={reference.error} onRetry={reference.reload} />
      {ref && (
        <ReferenceContext.Provider value={ref}>
          {screen === 'overview' && <Overview />}
          {screen === 'center' && <CenterPage code={param} />}
          {screen === 'planner' && <Planner scenarioId={param} />}
          {screen === 'compare' && <Compare />}
          {screen === 'check' && <ModelCheckPage />}
          {screen === 'data' && <DataPage />}
        </ReferenceContext.Provider>
      )}
    </>
  );
};
