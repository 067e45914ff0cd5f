// Loaded with NODE_OPTIONS=--import (which refuses --cpu-prof; tsx is imported before it): profiles the process from start to exit and writes
// a .cpuprofile (Chrome DevTools / speedscope) into BENCH_CPU_PROFILE_DIR. The main-thread inspector session answers
// synchronously, so the profile can be taken in the 'exit' handler.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.BENCH_CPU_PROFILE_DIR;
// Worker threads (npm start's PGlite databases) inherit NODE_OPTIONS; a profiler session in them kept them from starting.
if (dir && isMainThread) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
