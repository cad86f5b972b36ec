import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

export interface CompiledFolders {
  /** Temp root mirroring the repo layout. */
  dir: string;
  /** `electron/core/profiles/profileService.ts` → the compiled `.js` path. */
  resolve(repoRelativeTsPath: string): string;
  dispose(): void;
}

const isRelative = (spec: string) => spec.startsWith('./') || spec.startsWith('../');
const hasExtension = (spec: string) => /\.(m?js|json)$/.test(spec);

/** Core's sources import `./x` (bundler style); Node's ESM loader needs `./x.js`. */
const addJsExtensions: ts.TransformerFactory<ts.SourceFile> = (context) => (file) => {
  const f = context.factory;
  const fix = (spec: ts.Expression | undefined) =>
    spec && ts.isStringLiteral(spec) && isRelative(spec.text) && !hasExtension(spec.text)
      ? f.createStringLiteral(`${spec.text}.js`)
      : spec;
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isImportDeclaration(node)) {
      return f.updateImportDeclaration(
        node,
        node.modifiers,
        node.importClause,
        fix(node.moduleSpecifier)!,
        node.attributes,
      );
    }
    if (ts.isExportDeclaration(node)) {
      return f.updateExportDeclaration(
        node,
        node.modifiers,
        node.isTypeOnly,
        node.exportClause,
        fix(node.moduleSpecifier),
        node.attributes,
      );
    }
    return node;
  };
  return ts.visitEachChild(file, visit, context);
};

/**
 * Transpiles the non-test .ts files of repo folders (not recursive) to plain ESM in a temp dir
 * that mirrors the repo, so a separate `node` process can import core — e.g. two app instances
 * writing the same profiles file. Unlike the harness's compileForNode, it rewrites the
 * extension-less relative imports core uses.
 */
export function compileForChildProcess(folders: string[]): CompiledFolders {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redlens-compiled-'));
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const folder of folders) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    for (const file of readdirSync(path.join(REPO_ROOT, folder))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const { outputText } = ts.transpileModule(readFileSync(path.join(REPO_ROOT, folder, file), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
        transformers: { after: [addJsExtensions] },
      });
      writeFileSync(path.join(dir, folder, file.replace(/\.ts$/, '.js')), outputText);
    }
  }
  return {
    dir,
    resolve: (p) => path.join(dir, p.replace(/\.ts$/, '.js')),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
