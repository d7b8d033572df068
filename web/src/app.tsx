/** The page frame (header with navigation and language switcher, main content) and the routes. */
import { lazy, Suspense, useEffect, useId } from 'react';
import { useI18n } from './i18n/context.js';
import { LOCALES, LOCALE_NAMES, displayName, type Locale } from './i18n/locales.js';
import { EntityPage } from './pages/entity-page.js';
import { SearchPage } from './pages/search-page.js';
import { VerifyPage } from './pages/verify-page.js';
import { Link, navigate, useLocation } from './router.js';
import { useSession } from './session.js';

// portal and console: loaded on first use, so the public pages' first load does not carry them.
const SignInPage = lazy(() => import('./pages/sign-in-page.js').then((m) => ({ default: m.SignInPage })));
const PortalHome = lazy(() => import('./pages/portal-home.js').then((m) => ({ default: m.PortalHome })));
const PortalSubject = lazy(() => import('./pages/portal-subject.js').then((m) => ({ default: m.PortalSubject })));
const ConsoleQueues = lazy(() => import('./pages/console-queues.js').then((m) => ({ default: m.ConsoleQueues })));
const ConsoleRecords = lazy(() => import('./pages/console-records.js').then((m) => ({ default: m.ConsoleRecords })));
const ConsoleRecord = lazy(() => import('./pages/console-record.js').then((m) => ({ default: m.ConsoleRecord })));
// simulation and transparency: their charts (ECharts) load with them, never with the search page.
const SimulationPage = lazy(() => import('./pages/simulation-page.js').then((m) => ({ default: m.SimulationPage })));
const TransparencyPage = lazy(() => import('./pages/transparency-page.js').then((m) => ({ default: m.TransparencyPage })));

/** Who is signed in, the way to their portal or console, and signing in or out. */
function SessionMenu() {
  const { t, locale } = useI18n();
  const { principal, entityNames, signOut } = useSession();
  if (principal === undefined) return null;
  if (principal.role === 'anonymous') {
    return (
      <div className="session">
        <Link href="/sign-in">{t('nav.signIn')}</Link>
      </div>
    );
  }
  const who =
    principal.role === 'entity'
      ? (displayName(entityNames, locale) ?? principal.entityId ?? '')
      : principal.role === 'officer'
        ? t('session.officer', { authority: principal.authority ?? '' })
        : principal.role;
  const home = principal.role === 'entity' ? { href: '/portal', text: t('nav.portal') } : principal.role === 'officer'
        ? { href: '/console', text: t('nav.console') }
        : principal.role === 'policy-admin'
          ? { href: '/simulation', text: t('nav.simulation') }
          : undefined;
  return (
    <div className="session" data-testid="session">
      <span>
        {t('session.signedInAs')} <strong data-testid="session-who">{who}</strong>
      </span>
      {home !== undefined && <Link href={home.href}>{home.text}</Link>}
      <button type="button" className="secondary" onClick={() => void signOut().then(() => navigate('/'))} data-testid="sign-out">
        {t('nav.signOut')}
      </button>
    </div>
  );
}

function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={locale} onChange={(event) => setLocale(event.target.value as Locale)} data-testid="language">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}

function Route({ path, search }: { path: string; search: string }) {
  if (path === '/') return <SearchPage initialQuery={new URLSearchParams(search).get('q') ?? ''} />;
  if (path === '/verify') return <VerifyPage />;
  const entity = /^\/entities\/([^/]+)$/.exec(path);
  if (entity?.[1] !== undefined) return <EntityPage reference={decodeURIComponent(entity[1])} />;
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/simulation') return <SimulationPage />;
  if (path === '/transparency') return <TransparencyPage />;
  if (path === '/portal') return <PortalHome />;
  const subject = /^\/portal\/subjects\/([^/]+)$/.exec(path);
  if (subject?.[1] !== undefined) return <PortalSubject subject={decodeURIComponent(subject[1])} />;
  if (path === '/console') return <ConsoleQueues />;
  if (path === '/console/records') return <ConsoleRecords />;
  const record = /^\/console\/records\/(\d+)$/.exec(path);
  if (record?.[1] !== undefined) return <ConsoleRecord id={Number(record[1])} />;
  return <NotFound />;
}

export function App() {
  const { t } = useI18n();
  const { path, search } = useLocation();
  const here = (href: string) => (path === href ? 'page' : undefined);

  useEffect(() => {
    if (!path.startsWith('/entities/')) document.title = t('app.name');
  }, [path, t]);

  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header>
        <div className="brand">
          <Link href="/" className="brand-name">
            {t('app.name')}
          </Link>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('app.name')}>
          <Link href="/" aria-current={here('/')}>
            {t('nav.search')}
          </Link>
          <Link href="/verify" aria-current={here('/verify')}>
            {t('nav.verify')}
          </Link>
          <Link href="/transparency" aria-current={here('/transparency')}>
            {t('nav.transparency')}
          </Link>
        </nav>
        <SessionMenu />
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('form.loading')}</p>}>
          <Route key={path} path={path} search={search} />
        </Suspense>
      </main>
    </>
  );
}
