#!/usr/bin/env node
// `npm start`: the server, from compiled JavaScript, built first when needed.
const { enableCompileCache } = require('node:module');
const { whenBuilt } = require('./built.js');
const { privateCacheDir } = require('./code-cache.js');
const { loadDotEnv } = require('./env.js');

loadDotEnv();
whenBuilt(() => {
  // Node 22 and later keep compiled code between starts (Node 20 has no such cache for ES modules).
  const cacheDir = enableCompileCache && privateCacheDir();
  if (cacheDir) enableCompileCache(cacheDir);
  // The server is ES modules. A failure to load it is an unhandled rejection: Node prints it, exits 1.
  import('../dist/adapters/main.js');
});
