/**
 * The public search: results appear while typing (debounced), for a name in any script or an identifier.
 * The query lives in the URL (`/?q=`), so a search can be shared and survives back and reload.
 *
 * Timing marks for the e2e test: `search:start` when the debounce ends and the request leaves,
 * `search:painted` once the results are committed and painted; the measure `search` spans the two.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { searchEntities, type SearchHit } from '../api.js';
import { useI18n } from '../i18n/context.js';
import { displayName } from '../i18n/locales.js';
import { Link } from '../router.js';
import { entityHref } from './entity-ref.js';

const SEARCH_DEBOUNCE_MS = 100;

type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching'; q: string }
  | { kind: 'done'; q: string; hits: SearchHit[] }
  | { kind: 'failed'; q: string; message: string };

export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const { t, locale, formatNumber } = useI18n();
  const [query, setQuery] = useState(initialQuery);
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const inputId = useId();
  const hintId = useId();
  const pendingMeasure = useRef(false);

  useEffect(() => {
    const q = query.trim();
    const url = q === '' ? '/' : `/?q=${encodeURIComponent(q)}`;
    if (location.pathname + location.search !== url) history.replaceState(null, '', url);
    if (q === '') {
      setState({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      performance.clearMarks('search:start');
      performance.mark('search:start');
      pendingMeasure.current = true;
      setState({ kind: 'searching', q });
      searchEntities(q, controller.signal).then(
        (hits) => setState({ kind: 'done', q, hits }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ kind: 'failed', q, message: (error as Error).message });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  useLayoutEffect(() => {
    if (state.kind !== 'done' || !pendingMeasure.current) return;
    pendingMeasure.current = false;
    // After the commit, the next animation frame is followed by the paint; a task queued in it runs after that paint.
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        performance.clearMarks('search:painted');
        performance.mark('search:painted');
        performance.clearMeasures('search');
        performance.measure('search', 'search:start', 'search:painted');
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, [state]);

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t('search.title')}</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={inputId}>{t('search.label')}</label>
        <input
          id={inputId}
          type="search"
          value={query}
          placeholder={t('search.placeholder')}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          onChange={(event) => setQuery(event.target.value)}
        />
        <p id={hintId} className="hint">
          {t('search.hint')}
        </p>
      </form>
      <p role="status" className="status" data-testid="search-status">
        {state.kind === 'searching' && t('search.searching')}
        {state.kind === 'done' &&
          (state.hits.length === 0 ? t('search.noResults', { q: state.q }) : t('search.results', { count: formatNumber(state.hits.length) }))}
        {state.kind === 'failed' && t('search.error', { message: state.message })}
      </p>
      {state.kind === 'done' && state.hits.length > 0 && (
        <ol className="results" data-testid="search-results">
          {state.hits.map((hit) => {
            const name = displayName(hit.entity.names, locale) ?? t('entity.unnamed');
            const others = [...new Set(hit.entity.names.map((n) => n.value))].filter((value) => value !== name).slice(0, 3);
            return (
              <li key={hit.entity.id}>
                <Link href={entityHref(hit.entity)} className="result-name" lang={hit.entity.names.find((n) => n.value === name)?.lang}>
                  {name}
                </Link>
                {others.length > 0 && <p className="result-others">{others.join(' · ')}</p>}
                <p className="result-meta">
                  <span className="badge">{hit.entity.jurisdiction}</span>{' '}
                  {hit.entity.identifiers.map((id) => `${id.scheme}:${id.value}`).join(' · ')}{' '}
                  <span className="score">{t('search.score', { score: formatNumber(hit.score, { style: 'percent', maximumFractionDigits: 0 }) })}</span>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
