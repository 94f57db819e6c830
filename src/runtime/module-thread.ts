import { Worker } from "node:worker_threads";

/**
 * Starts a thread on a module beside `base` (the caller's import.meta.url): `<name>.js` in dist. Run from source
 * (tsx, vitest) it is `<name>.ts`, which a thread can load only after registering tsx's loader in that thread (a
 * `--import tsx` in the thread's execArgv is not applied to its entry module on Node 20).
 */
export function startModuleThread(base: string, name: string, workerData: unknown): Worker {
  const fromSource = base.endsWith(".ts");
  const entry = new URL(`./${name}${fromSource ? ".ts" : ".js"}`, base);
  if (!fromSource) return new Worker(entry, { workerData });
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: [] });
}
