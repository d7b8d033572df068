/**
 * Client-side routing on real URLs with the History API: the few routes of the public pages need no
 * routing library. The server answers any unknown non-API path with index.html (src/http/web.ts).
 */
import { useEffect, useRef, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const NAVIGATE = 'credence:navigate';

export function navigate(to: string): void {
  history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** The current path and query; re-renders on navigation and on the browser's back and forward. */
export function useLocation(): { path: string; search: string } {
  const read = () => ({ path: location.pathname, search: location.search });
  const [current, setCurrent] = useState(read);
  const shown = useRef(current);
  useEffect(() => {
    const update = () => {
      const next = read();
      // A new page starts at the top; a change of hash only (the skip link) keeps the browser's scrolling.
      if (next.path === shown.current.path && next.search === shown.current.search) return;
      shown.current = next;
      setCurrent(next);
      window.scrollTo(0, 0);
    };
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return current;
}

/** An anchor that navigates in the app on a plain click and behaves as a normal link otherwise (new tab…). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
