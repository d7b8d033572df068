/**
 * The reading thread of `feed-reader.ts`: for each pull it reads pages one after another, following their `next`
 * cursors, at most PAGES_AHEAD pages ahead of what the main thread has taken, and stops at the end of the feed, at a
 * page it cannot follow, at an error, or when told to.
 */
import { parentPort } from 'node:worker_threads';
import { PAGES_AHEAD, readPage, type FeedRequest, type ReaderReply, type ReaderRequest } from './feed-reader.js';

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
  try {
    for (let after = request.after; ; ) {
      const page = await readPage(request, after);
      const state = sessions.get(session);
      if (!state) return;
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
  }
  sessions.delete(session);
}
