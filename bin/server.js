#!/usr/bin/env node
// `npm start`: the server, from compiled JavaScript, built first when needed, run with V8's code
// cache. CommonJS, like all of bin/ (see bin/package.json).
const { join } = require('node:path');
const { SERVER_FILE } = require('../scripts/dist.cjs');
const { whenBuilt } = require('./built.js');
const { runWithCodeCache } = require('./code-cache.js');
const { loadDotEnv } = require('./env.js');

loadDotEnv();
whenBuilt(() => runWithCodeCache(join(__dirname, '..', 'dist', SERVER_FILE)));
