#!/usr/bin/env node
// The command line (`npm run cli -- …`, the `rotabot` bin): compiled JavaScript, built first when
// needed, run with V8's code cache. CommonJS, like all of bin/ (see bin/package.json): a short
// command never starts Node's ES module loader.
const { join } = require('node:path');
const { CLI_FILE } = require('../scripts/dist.cjs');
const { whenBuilt } = require('./built.js');
const { runWithCodeCache } = require('./code-cache.js');
const { loadDotEnv } = require('./env.js');

loadDotEnv();
whenBuilt(() => runWithCodeCache(join(__dirname, '..', 'dist', CLI_FILE)));
