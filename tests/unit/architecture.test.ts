// The shape of functions/: the feature folders form a tree over a plumbing floor, and no feature reaches
// into another's routes, repositories or request schemas; contract/ stands alone and reaches web/ as types
// only (README, "Architecture in brief").
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  folderCycles,
  folderOf,
  type ImportEdge,
  importEdges,
  importSpecifiers,
} from '../helpers/import-graph.ts';

/** The floor: may import only each other, never a feature, the assembly or an entry. */
const FLOOR = ['db', 'platform', 'http'];
/** The floor's own order, lowest first: a folder imports only folders before it. */
const FLOOR_ORDER = ['db', 'platform', 'http'];
/** The assembly: imports everything, imported only by the entries. */
const ASSEMBLY = 'app';
/** A feature's internals: its HTTP surface, its queries and its request schemas. */
const INTERNAL = /(^|\/)((?:[\w-]+-)?routes|(?:[\w-]+-)?repository|schemas)\.ts$/;

/** The HTTP layer by name: a feature's routers, its middleware, and its one mapping of domain errors to problems. */
const HTTP_FILE = /(^|\/)((?:[\w-]+-)?routes|middleware|http-errors)\.ts$/;
/**
 * A request service works on the request itself: it takes Hono's Context (or a handler type) or the request's
 * typed variables (AppEnv, StaffEnv, the Actor). Importing a port type that http/context.ts re-exports is not that.
 */
const REQUEST_SERVICE =
  /from 'hono(?:\/[\w-]+)?'|import (?:type )?\{[^}]*\b(?:AppEnv|StaffEnv|Actor)\b[^}]*\} from '\.\.\/http\/context\.ts'/;

const all = importEdges('functions');
/** Imports that leave functions/: only the contract may be imported that way. */
const leaving = all.filter((e) => e.to.startsWith('../'));
const edges = all.filter((e) => !e.to.startsWith('../'));
const crossing = edges.filter((e) => folderOf(e.from) !== folderOf(e.to));
const show = (list: ImportEdge[]) => list.map((e) => `${e.from} -> ${e.to}`);
const isEntry = (folder: string) => folder.endsWith('.ts');

describe('functions/ import graph', () => {
  it('is read from the real tree', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(crossing.some((e) => e.to === 'http/context.ts')).toBe(true);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('keeps the floor free of features, the assembly and the entries', () => {
    const up = crossing.filter((e) => FLOOR.includes(folderOf(e.from)) && !FLOOR.includes(folderOf(e.to)));
    expect(show(up)).toEqual([]);
  });

  it('orders the floor: db, then platform, then http', () => {
    const rank = (path: string) => FLOOR_ORDER.indexOf(folderOf(path));
    const back = crossing.filter((e) => rank(e.from) >= 0 && rank(e.to) > rank(e.from));
    expect(show(back)).toEqual([]);
  });

  it('lets only the entries import the assembly', () => {
    const into = crossing.filter((e) => folderOf(e.to) === ASSEMBLY && !isEntry(folderOf(e.from)));
    expect(show(into)).toEqual([]);
  });

  it("lets no feature import another feature's routes, repositories or schemas", () => {
    const feature = (f: string) => !FLOOR.includes(f) && f !== ASSEMBLY && !isEntry(f);
    const reaching = crossing.filter(
      (e) => feature(folderOf(e.from)) && feature(folderOf(e.to)) && INTERNAL.test(e.to),
    );
    expect(show(reaching)).toEqual([]);
  });
});

describe('AppError stays in the HTTP layer', () => {
  const importers = [...new Set(edges.filter((e) => e.to === 'http/problem.ts').map((e) => e.from))];
  const httpLayer = (path: string) =>
    ['http', ASSEMBLY].includes(folderOf(path)) ||
    HTTP_FILE.test(path) ||
    REQUEST_SERVICE.test(readFileSync(join('functions', path), 'utf8'));

  it('is imported only by http/, the assembly, route, middleware and http-errors files and request services', () => {
    expect(importers.length).toBeGreaterThan(20);
    const below = importers.filter((path) => !httpLayer(path));
    expect(below).toEqual([]);
  });

  it.each([
    ['rooms/livekit-gateway.ts', false],
    ['bookings/gate.ts', false],
    ['rooms/room-access.ts', false],
    ['rooms/http-errors.ts', true],
    ['staff/middleware.ts', true],
    ['bookings/book.ts', true],
  ])('classifies %s as HTTP layer: %s', (path, expected) => {
    expect(httpLayer(path)).toBe(expected);
  });
});

describe('contract/', () => {
  const specifiers = importSpecifiers('contract');

  it('imports only valibot and its own files', () => {
    const foreign = specifiers.filter(
      (s) => s.specifier !== 'valibot' && !(s.specifier.startsWith('.') && !escapes('contract', s)),
    );
    expect(foreign.map((s) => `${s.file}: ${s.specifier}`)).toEqual([]);
    expect(specifiers.some((s) => s.specifier === 'valibot')).toBe(true);
  });

  it('is what functions/ imports from outside its own tree', () => {
    expect(leaving.length).toBeGreaterThan(10);
    expect(show(leaving.filter((e) => !e.to.startsWith('../contract/')))).toEqual([]);
  });

  it('reaches web/ as types only, so the pages carry no schema code', () => {
    const web = importSpecifiers('web/src').filter((s) => /(^|\/)contract\//.test(s.specifier));
    expect(web.length).toBeGreaterThan(5);
    expect(web.filter((s) => !s.typeOnly).map((s) => `${s.file}: ${s.specifier}`)).toEqual([]);
    const functionsFromWeb = importSpecifiers('web/src').filter((s) => /(^|\/)functions\//.test(s.specifier));
    expect(functionsFromWeb).toEqual([]);
  });
});

/** True when a relative specifier of a file below root points outside root. */
function escapes(root: string, s: { file: string; specifier: string }): boolean {
  return relative(resolve(root), resolve(root, dirname(s.file), s.specifier)).startsWith('..');
}

describe('folderCycles', () => {
  it('finds a cycle through three folders and ignores edges inside one', () => {
    const cycle = [
      { from: 'a/x.ts', to: 'b/y.ts' },
      { from: 'b/y.ts', to: 'c/z.ts' },
      { from: 'c/z.ts', to: 'a/w.ts' },
      { from: 'a/x.ts', to: 'a/w.ts' },
      { from: 'd/v.ts', to: 'a/x.ts' },
    ];
    expect(folderCycles(cycle)).toEqual([['a', 'b', 'c']]);
    expect(folderCycles(cycle.slice(0, 2))).toEqual([]);
  });
});
