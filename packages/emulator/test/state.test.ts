// Identities: one user, three ids; and registration on first sight stops at a bound.
import { describe, expect, it } from 'vitest';
import { deriveUser, MAX_USERS, State } from '../src/state.js';

describe('identities', () => {
  it('a user known by any id answers all three; derived ids are stable and distinct', () => {
    const state = new State();
    const user = state.userFor('alice', 'user_id', true) as ReturnType<typeof deriveUser>;
    expect(user).toEqual({ open_id: 'ou_alice', union_id: 'on_alice', user_id: 'alice' });
    expect(state.findUser('on_alice', 'union_id')).toBe(user);
    expect(state.findUser('ou_alice')).toBe(user);
    expect(state.findUser('alice', 'open_id')).toBeUndefined();
    expect(deriveUser('on_bob', 'union_id')).toEqual({ open_id: 'ou_bob', union_id: 'on_bob', user_id: 'bob' });
  });

  it(`registers at most ${MAX_USERS} users on first sight`, () => {
    const state = new State();
    for (let i = 0; i < MAX_USERS; i++) state.userFor(`ou_${i}`, 'open_id', true);
    expect(state.users.size).toBe(MAX_USERS);
    expect(state.userFor('ou_one_too_many', 'open_id', true)).toBe('full');
    expect((state.userFor('ou_7', 'open_id', true) as { user_id: string }).user_id).toBe('7');
  });
});
