import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { SignedInUserCache } from './signed-in-user-cache';
import { UserEntity } from './user.entity';

const user = (name: string) => Object.assign(new UserEntity(), { id: 'u1', name, tokenVersion: 0 });

function loader() {
  const pending: Array<(value: UserEntity | null) => void> = [];
  const load = () => new Promise<UserEntity | null>((resolve) => pending.push(resolve));
  return { load, pending };
}

describe(SignedInUserCache.name, () => {
  const newCache = () => new SignedInUserCache({ subscribers: [] } as unknown as DataSource);

  it('loads a user once for all the requests that miss together, each getting its own copy', async () => {
    const cache = newCache();
    const { load, pending } = loader();
    const callers = Array.from({ length: 20 }, () => cache.share('u1', load));
    expect(pending).toHaveLength(1);
    pending[0](user('李同学'));
    const users = await Promise.all(callers);
    expect(users.map((entry) => entry?.name)).toEqual(Array.from({ length: 20 }, () => '李同学'));
    users[0]!.name = 'changed by a handler';
    expect(users[1]!.name).toBe('李同学');
    expect(cache.get('u1')?.name).toBe('李同学');
  });

  it('keeps a row loaded across a write to users out of the cache', async () => {
    const cache = newCache();
    const { load, pending } = loader();
    const before = cache.share('u1', load);
    cache.clear();
    const after = cache.share('u1', load);
    expect(pending).toHaveLength(2);
    pending[0](user('old'));
    expect((await before)?.name).toBe('old');
    expect(cache.get('u1')).toBeNull();
    pending[1](user('new'));
    expect((await after)?.name).toBe('new');
    expect(cache.get('u1')?.name).toBe('new');
  });
});
