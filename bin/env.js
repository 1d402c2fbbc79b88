// Reads ./.env (KEY=value lines) into the environment when the file exists. A variable already
// set in the real environment wins, so `PORT=4000 npm start` beats PORT in .env, and Docker or
// systemd settings beat a stray file. Node's own parser: no dependency, same syntax as --env-file.
const { existsSync } = require('node:fs');
const { resolve } = require('node:path');

function loadDotEnv(path = resolve(process.cwd(), '.env')) {
  if (existsSync(path)) process.loadEnvFile(path);
}

module.exports = { loadDotEnv };
