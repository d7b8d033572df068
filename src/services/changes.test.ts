/** Rebuilding in-memory state beside the copy in use, catching up with the changes heard meanwhile. */
import { describe, expect, it } from 'vitest';
import { rebuildBeside } from './changes.js';

describe('rebuildBeside', () => {
  it('applies the changes heard during the build, and those heard while applying them, before it returns', async () => {
    const heard = new Set<string>();
    const applied: string[][] = [];
    const fresh = await rebuildBeside(
      heard,
      async () => {
        heard.add('a').add('b');
        return { built: true };
      },
      async (state, ids) => {
        expect(state).toEqual({ built: true });
        applied.push(ids);
        if (ids.includes('a')) heard.add('c');
      },
    );
    expect(fresh).toEqual({ built: true });
    expect(applied).toEqual([['a', 'b'], ['c']]);
    expect(heard.size).toBe(0);
  });

  it('applies nothing when nothing changed', async () => {
    const applied: string[][] = [];
    await rebuildBeside(new Set(), async () => 1, async (_, ids) => void applied.push(ids));
    expect(applied).toEqual([]);
  });
});
