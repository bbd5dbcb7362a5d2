import { DomainException } from './domain.exception';
import { ShareState, ShareStore, ShareTokens } from './share-tokens';

/** A store in memory; `interfere` changes the nonce before each compare-and-set, as a rival would. */
function store(
  initial: ShareState | undefined,
  interfere = false,
): ShareStore & { state?: ShareState } {
  const box: ShareStore & { state?: ShareState } = {
    state: initial && { ...initial },
    shareState: async () => box.state && { ...box.state },
    setShare: async (_id, expected, nonce, hash) => {
      if (!box.state) return false;
      if (interfere) box.state = { nonce: `rival-${Math.random()}`, hash: 'rival' };
      if (box.state.nonce !== expected) return false;
      box.state = { nonce, hash };
      return true;
    },
  };
  return box;
}

describe('ShareTokens', () => {
  const tokens = new ShareTokens('x'.repeat(32), 'proef-link');

  it('makes a link once, shows the same one again, and replaces it only when asked', async () => {
    const kept = store({ nonce: null, hash: null });
    const made = await tokens.settle(kept, 'a');
    expect(made).toMatchObject({ created: true });
    expect(tokens.shown('a', kept.state!)).toBe(made!.token);
    expect(await tokens.settle(kept, 'a')).toEqual({ token: made!.token, created: false });
    const replaced = await tokens.settle(kept, 'a', true);
    expect(replaced!.created).toBe(true);
    expect(replaced!.token).not.toBe(made!.token);
  });

  it('does not show a link made under another key or for another thing', async () => {
    const kept = store({ nonce: null, hash: null });
    const made = await tokens.settle(kept, 'a');
    expect(new ShareTokens('y'.repeat(32), 'proef-link').shown('a', kept.state!)).toBeUndefined();
    expect(new ShareTokens('x'.repeat(32), 'andere-link').shown('a', kept.state!)).toBeUndefined();
    expect(tokens.shown('b', kept.state!)).toBeUndefined();
    expect(made!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers undefined for a thing that is not there, and gives up after rounds lost to others', async () => {
    expect(await tokens.settle(store(undefined), 'a')).toBeUndefined();
    await expect(tokens.settle(store({ nonce: null, hash: null }, true), 'a')).rejects.toThrow(
      DomainException,
    );
  });
});
