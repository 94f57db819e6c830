import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { REPO } from "./child-process.js";

/** Every TypeScript file under `folder` of the repository (e.g. "src"), as paths relative to the repository. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(join(REPO, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"))
    .map((file) => join(folder, file))
    .sort();
}

export function sourceText(file: string): string {
  return readFileSync(join(REPO, file), "utf8");
}

/**
 * The repository files a file imports (static, dynamic and type-only imports and re-exports alike: a type-only
 * loop is still two modules that cannot be understood apart), resolved from the `.js` specifiers NodeNext needs.
 */
export function localImports(file: string): string[] {
  return importSpecifiers(file)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => {
      const target = relative(REPO, resolve(REPO, dirname(file), specifier));
      return target.replace(/\.js$/, target.endsWith(".js") && isTsx(target) ? ".tsx" : ".ts");
    });
}

/** Every module specifier a file imports or re-exports, as written ("node:fs", "../clock.js"). */
export function importSpecifiers(file: string): string[] {
  return ts.preProcessFile(sourceText(file), true, true).importedFiles.map((imported) => imported.fileName);
}

function isTsx(jsPath: string): boolean {
  try {
    readFileSync(join(REPO, jsPath.replace(/\.js$/, ".tsx")));
    return true;
  } catch {
    return false;
  }
}

/** The import cycles among `files`, each as the files around the loop (one entry per strongly connected group). */
export function importCycles(files: readonly string[]): string[][] {
  const known = new Set(files);
  const edges = new Map(files.map((file) => [file, localImports(file).filter((target) => known.has(target))]));
  // Tarjan's strongly connected components: any component of more than one file, or a file importing itself, is a loop.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || edges.get(file)!.includes(file)) cycles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}
