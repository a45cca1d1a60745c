// Reads the imports of functions/**, contract/** and web/src/** so the architecture test can check the graph.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportEdge {
  from: string;
  to: string;
}

// Static imports, re-exports and dynamic import('...') with a literal specifier.
const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

export interface ImportSpecifier {
  /** The importing file, relative to root. */
  file: string;
  specifier: string;
  /** `import type` / `export type`: erased at build time, no bundle cost. */
  typeOnly: boolean;
}

// Each static import or re-export statement with its specifier, and whether it is type-only.
const statementPattern =
  /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Every import and re-export statement of the files below root, with its specifier as written. */
export function importSpecifiers(root: string): ImportSpecifier[] {
  const base = resolve(root);
  return sourceFiles(base).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(statementPattern)].map((m) => ({
      file: relative(base, file),
      specifier: m[3] ?? m[4] ?? '',
      typeOnly: !!m[2],
    })),
  );
}

/** Every import from one file below root to another file (paths relative to root, with extension). */
export function importEdges(root: string): ImportEdge[] {
  const base = resolve(root);
  return sourceFiles(base).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(importPattern)]
      .map((match) => match[1] ?? '')
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({
        from: relative(base, file),
        to: relative(base, resolve(dirname(file), spec)),
      }));
  });
}

/**
 * The folder directly below root a path belongs to. A file at the root stands for itself (the entries),
 * except env.ts: the configuration is part of the platform floor and stays at the root only because every
 * operator document names it.
 */
export function folderOf(path: string): string {
  if (path === 'env.ts') return 'platform';
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash);
}

/** Strongly connected groups of more than one folder (Tarjan), each sorted; empty when the graph is a DAG. */
export function folderCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    next.get(a)?.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return groups;
}
