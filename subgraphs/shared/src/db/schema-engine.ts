/**
 * Loads Prisma's own schema engine compiled to WebAssembly. The native `schema-engine` binary that `prisma migrate`
 * downloads is unavailable offline; the WASM build does the same diffing and migration bookkeeping through a driver
 * adapter, so the migrations it writes and the `_prisma_migrations` rows it records are those `prisma migrate deploy`
 * would produce.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as SchemaEngineWasm from '@prisma/schema-engine-wasm';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type EngineModule = typeof SchemaEngineWasm;
type WasmExports = Record<string, unknown>;
// Node has WebAssembly at runtime; @types/node does not declare it without the DOM lib, so type the part we use.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: WasmExports } }> };
  }
).WebAssembly;
let modulePromise: Promise<EngineModule> | undefined;

/** Instantiates the WASM module once per process (the glue module keeps it in a module-level slot). */
async function loadEngineModule(): Promise<EngineModule> {
  modulePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as EngineModule & {
      __wbg_set_wasm(exports: WasmExports): void;
    };
    // The package does not export its .wasm file, so locate it next to the entry point.
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const { instance } = await wasmRuntime.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return modulePromise;
}

/** Opens a schema engine over `adapterFactory` for the given schema files ([path, content] pairs). */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodels: [string, string][],
): Promise<SchemaEngine> {
  const mod = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const debug = () => {};
  return mod.SchemaEngine.new({ datamodels }, debug, adapter);
}
