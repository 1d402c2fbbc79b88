import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** A key prefix no other test run uses: tests own their keys and never empty a shared database. */
export function testKeyPrefix(name: string): string {
  return `test:${name}:${randomUUID()}:`;
}

/** Deletes the keys under a test's own prefix (and only those). */
export async function deleteKeysUnder(prefix: string, url = 'redis://127.0.0.1:6379'): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(
        cursor,
        'MATCH',
        `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`,
        'COUNT',
        500,
      );
      cursor = next;
      if (batch.length > 0) await client.del(...batch);
    } while (cursor !== '0');
  } finally {
    await client.quit();
  }
}
