/** The page frame (header with navigation and language switcher, main content) and the routes. */
import { useEffect, useId } from 'react';
import { useI18n } from './i18n/context.js';
import { LOCALES, LOCALE_NAMES, type Locale } from './i18n/locales.js';
import { EntityPage } from './pages/entity-page.js';
import { SearchPage } from './pages/search-page.js';
import { VerifyPage } from './pages/verify-page.js';
import { Link, useLocation } from './router.js';

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
        </nav>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        <Route key={path} path={path} search={search} />
      </main>
    </>
  );
}
