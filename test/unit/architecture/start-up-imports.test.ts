import { dirname, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO } from "../../support/child-process.js";
import { sourceText } from "../../support/source-imports.js";

/**
 * What the serving process loads when it starts: the modules `src/main.ts` reaches through static value imports.
 * Type-only imports load nothing, and a dynamic `import()` loads at its first use. The console and every HR source
 * are loaded at first use (docs/decisions.md, "The gateway's idle memory"): a static import of either in the
 * start-up graph would bring their modules back into the idle gateway's memory without any test failing but this one.
 */
function startUpImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of valueImports(file)) {
      if (!specifier.startsWith(".")) {
        packages.add(specifier);
        continue;
      }
      const target = relative(REPO, resolve(REPO, dirname(file), specifier)).replace(/\.js$/, "");
      visit(existing(target));
    }
  };
  visit(entry);
  return { files, packages };
}

/** The specifiers of a file's static imports and re-exports that load a module (not `import type`). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, sourceText(file), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause !== undefined &&
          !clause.name &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

function existing(withoutExtension: string): string {
  for (const extension of [".ts", ".tsx"]) {
    const file = `${withoutExtension}${extension}`;
    try {
      sourceText(file);
      return file;
    } catch {}
  }
  throw new Error(`no source file for ${withoutExtension}`);
}

describe("what the gateway loads at start-up", () => {
  const { files, packages } = startUpImports("src/main.ts");

  it("reaches the SCIM API and the gateway (so the walk below means something)", () => {
    expect(files).toContain("src/gateway.ts");
    expect(files).toContain("src/scim/app.ts");
  });

  it("loads no HR source, and neither the XML parser nor the OAuth library they use", () => {
    // The one exception: config.toml's AFAS token is checked at load (config/load.ts) by the rule the source sends it by.
    const sources = [...files].filter((file) => /^src\/sources\/(nmbrs|afas|loket|youforce|oauth)\//.test(file));
    expect(sources).toEqual(["src/sources/afas/token.ts"]);
    expect([...packages].filter((name) => name === "fast-xml-parser" || name === "oauth4webapi")).toEqual([]);
  });

  it("loads the console's pages only at its first request", () => {
    expect(files).not.toContain("src/console/console-app.tsx");
  });
});
