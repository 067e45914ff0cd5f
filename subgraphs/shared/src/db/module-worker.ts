/** Starts worker threads on modules of this package, from the built JavaScript and from the TypeScript sources alike. */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` (without extension) next to `importerUrl` (the caller's
 * `import.meta.url`): `<name>.js` in the build, `<name>.ts` when the caller itself runs from source (tsx, Vitest).
 * Sources are loaded through tsx's `tsImport`: Node 20 cannot load TypeScript, and the loader hooks that `tsx` installs
 * with `--import` do not reach worker threads on Node 20 (an inherited or explicit `--import tsx` still fails with
 * "Unknown file extension .ts"). The module reads `workerData` as usual; an error thrown while it loads becomes the
 * worker's 'error' event either way.
 */
export function startModuleWorker(importerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSource = importerUrl.endsWith('.ts');
  const entry = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, importerUrl);
  if (!fromSource) return new Worker(entry, options);
  // Resolved here, where tsx is reachable from the repository's node_modules; the evaluated script has no location.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(importerUrl)}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}
