/**
 * The reading thread of `feed-reader.ts`: for each pull it reads pages one after another, following their `next`
 * cursors, at most PAGES_AHEAD pages ahead of what the main thread has taken, and stops at the end of the feed, at a
 * page it cannot follow, at an error, or when told to. With `askAhead` it asks for the next page as soon as an
 * answer's headers name its cursor (`nextCursorHint`), while it reads this one.
 */
import { parentPort } from 'node:worker_threads';
import { askPage, nextCursorHint, PAGES_AHEAD, readAnswer, type FeedRequest, type ReaderReply, type ReaderRequest } from './feed-reader.js';

const port = parentPort!;
/** Per pull: pages posted and not yet taken, and how to wake the reader waiting for room. */
const sessions = new Map<number, { ahead: number; wake?: () => void }>();

port.on('message', (message: ReaderRequest) => {
  if (message.type === 'start') {
    sessions.set(message.session, { ahead: 0 });
    void read(message.session, message.request);
    return;
  }
  const state = sessions.get(message.session);
  if (!state) return;
  if (message.type === 'stop') sessions.delete(message.session);
  else state.ahead--;
  state.wake?.();
});

async function read(session: number, request: FeedRequest): Promise<void> {
  const post = (reply: ReaderReply) => port.postMessage(reply);
  const stopped = new AbortController();
  const ask = (after: string) => {
    const cancel = new AbortController();
    const answer = askPage(request, after, AbortSignal.any([stopped.signal, cancel.signal]));
    // A failure counts only if the answer is read (below); one asked for ahead may never be.
    answer.catch(() => undefined);
    return { after, answer, cancel };
  };
  // The page asked for. With `askAhead`, the next one is asked for as soon as this one's answer names its cursor: the
  // partner builds it while this thread reads and decodes this one and waits for room, so one answer at most is held
  // besides the pages read ahead. It is dropped if the signed cursor is another.
  let asked: ReturnType<typeof ask> | undefined;
  try {
    for (let after = request.after; ; ) {
      if (asked?.after !== after) {
        asked?.cancel.abort();
        asked = ask(after);
      }
      const answer = await asked.answer;
      const state = sessions.get(session);
      if (!state) return;
      const hint = nextCursorHint(answer.headers.get('link'), answer.url);
      asked = hint !== undefined && request.askAhead ? ask(hint) : undefined;
      const page = await readAnswer(answer);
      if (!sessions.has(session)) return;
      post({ session, type: 'page', page });
      state.ahead++;
      const decoded = page.jws && 'page' in page.jws.decoded ? page.jws.decoded.page : undefined;
      if (!decoded?.more) break;
      after = decoded.next;
      while (state.ahead >= PAGES_AHEAD && sessions.has(session)) await new Promise<void>((resolve) => (state.wake = resolve));
      if (!sessions.has(session)) return;
    }
    post({ session, type: 'end' });
  } catch (error) {
    if (sessions.has(session)) post({ session, type: 'error', message: (error as Error).message });
  } finally {
    sessions.delete(session);
    stopped.abort();
  }
}
