import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');

let loaded: Crypto | undefined;

/**
 * node:crypto, loaded on first use. Loading it costs a short command 5 ms, and a batch of
 * questions without conversations or locks never needs it; modules on that path ask here
 * instead of importing it (an import is loaded when the module is).
 */
export function nodeCrypto(): Crypto {
  loaded ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return loaded;
}
