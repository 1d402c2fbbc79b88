// Preloaded into a server process the benchmarks start (node --expose-gc --import ./bench/gc-probe.mjs …):
// on the message "gc" from the parent, collects garbage fully and answers with the process's memory.
// It adds no route and changes nothing else in the server.
if (process.send && typeof globalThis.gc === 'function') {
  const gc = globalThis.gc;
  process.on('message', (message) => {
    if (message !== 'gc') return;
    gc();
    // A second pass frees what the first one's finalizers released.
    setImmediate(() => {
      gc();
      const { rss, heapUsed, external } = process.memoryUsage();
      process.send?.({ rss, heapUsed, external });
    });
  });
  // The channel must not keep a stopping server alive.
  process.channel?.unref();
}
