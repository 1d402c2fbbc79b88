// Runs what a bin starts once dist/ is current: at once when it is, which is every run but the
// first after an edit (no build tools, no ES module loader), else after building it.
const { isStale } = require('../scripts/dist.cjs');

/** Calls `start` when dist/ is up to date; a build that fails says why on stderr and exits 1. */
function whenBuilt(start) {
  if (!isStale()) {
    start();
    return;
  }
  import('../scripts/build.js')
    .then(({ ensureBuilt }) => ensureBuilt())
    .then(start, (error) => {
      process.stderr.write(`${error?.message ?? error}\n`);
      process.exit(1);
    });
}

module.exports = { whenBuilt };
