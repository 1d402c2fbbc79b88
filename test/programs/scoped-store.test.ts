import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { scopeStore } from '../../src/store/scoped-store.js';

describe('a store seen through a program scope', () => {
  it('keeps its keys apart from another scope and from the unscoped store', async () => {
    const base = createMemoryStore();
    const a = scopeStore(base, 'program:a:');
    const b = scopeStore(base, 'program:b:');
    await a.set('run:announce:2026-12', 'done');
    expect(await b.get('run:announce:2026-12')).toBeNull();
    expect(await base.get('run:announce:2026-12')).toBeNull();
    expect(await base.get('program:a:run:announce:2026-12')).toBe('done');
    expect(await b.setIfAbsent('run:announce:2026-12', 'x')).toBe(true);
    expect(await a.increment('n', 1000)).toBe(1);
    expect(await b.increment('n', 1000)).toBe(1);
  });

  it('lists its own keys without the scope, and takes its own locks', async () => {
    const base = createMemoryStore();
    const a = scopeStore(base, 'program:a:');
    const b = scopeStore(base, 'program:b:');
    await a.set('sent:x', '1');
    await b.set('sent:y', '1');
    expect(await a.keys('sent:')).toEqual(['sent:x']);
    const release = await a.acquireLock('lock:remind', 1000);
    expect(release).not.toBeNull();
    expect(await b.acquireLock('lock:remind', 1000)).not.toBeNull();
    expect(await a.acquireLock('lock:remind', 1000)).toBeNull();
    await release!();
    expect(await a.acquireLock('lock:remind', 1000)).not.toBeNull();
  });

  it('closing a scope leaves the shared store open', async () => {
    const base = createMemoryStore();
    await base.set('k', 'v');
    await scopeStore(base, 'program:a:').close();
    expect(await base.get('k')).toBe('v');
  });
});
