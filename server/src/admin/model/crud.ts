// The five operations every model resource answers (list, read, create, replace, delete), each write one recorded
// change (changes.ts) checked as deeply as the server's load: the value's own schema (shared/src/model), then the
// rows it refers to and clashes with (resource checks). Optimistic concurrency: every record carries a `version`
// (also its ETag); a write whose `If-Match` names an older version is refused with 409 and the current record.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiErr, listSchema, versioned } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { recordChange } from '../changes.js';
import { ApiError, notFound, parseWith } from '../errors.js';
import { insertRow, updateRow, type CrossProblem, type Rec, type Resource } from './resource.js';
import { cascadeDelete } from './cascade.js';

/** A record's version: the first 16 hex digits of the SHA-256 of its JSON. */
export function versionOf(record: unknown): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 16);
}

/** A record with its version, as every answer carries it. */
export function withVersion<R extends object>(record: R): R & { version: string } {
  return { ...record, version: versionOf(record) };
}

const idParam = z.object({ id: z.coerce.number().int().positive() });

function idOf(req: FastifyRequest): number {
  return parseWith(idParam, req.params, 'the URL').id;
}

/** Reads one record, or undefined. */
export function readRecord<R extends Rec>(db: Database.Database, res: Resource<R>, id: number): R | undefined {
  const row = db.prepare(`SELECT * FROM ${res.table} WHERE id = ?`).get(id);
  return row === undefined ? undefined : res.fromRow(row as never);
}

function mustRead<R extends Rec>(db: Database.Database, res: Resource<R>, id: number): R {
  const rec = readRecord(db, res, id);
  if (!rec) throw notFound(`${res.noun} ${id}`);
  return rec;
}

function refuse(p: CrossProblem | null | undefined): void {
  if (p) throw new ApiError(p.status, p.code, p.message, p.fields);
}

/** Refuses a write whose If-Match names another version than the record's (409 with the current record). */
export function checkIfMatch(req: FastifyRequest, current: object, noun: string): void {
  const header = req.headers['if-match'];
  if (header === undefined || header === '*') return;
  const wanted = String(header).split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
  const version = versionOf(current);
  if (!wanted.includes(version)) {
    throw new ApiError(409, ApiErr.STALE, `${noun} was changed by someone else since you read it; here is its current state`, undefined, withVersion(current));
  }
}

function listQuery(res: Resource, query: Record<string, unknown>): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  for (const [param, column] of Object.entries(res.filters ?? {})) {
    const v = query[param];
    if (v === undefined) continue;
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new ApiError(400, ApiErr.VALIDATION, `${param} must be a whole number`, [{ path: param, message: `${param} must be a whole number`, code: ApiErr.VALIDATION }]);
    where.push(`${column} = ?`);
    args.push(n);
  }
  if (typeof query.q === 'string' && query.q !== '' && res.search) {
    where.push(`(${res.search.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    for (let i = 0; i < res.search.length; i++) args.push(like);
  }
  const sql = `SELECT * FROM ${res.table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${res.order ?? 'id'}`;
  return { sql, args };
}

/** Registers list/read/create/replace/delete for `res` under /api/<name>. */
export function registerCrud(app: FastifyInstance, ctx: AdminContext, res: Resource): void {
  const base = `/api/${res.name}`;
  const tags = ['model'];
  const one = versioned(res.schema);
  app.get(base, { config: { doc: { summary: `List ${res.name}${res.filters ? ` (filters: ${Object.keys(res.filters).join(', ')})` : ''}`, tags, response: listSchema(one) } } }, async (req) => {
    const { sql, args } = listQuery(res, req.query as Record<string, unknown>);
    return { items: (ctx.db.prepare(sql).all(...args) as never[]).map((row) => withVersion(res.fromRow(row))) };
  });
  app.get(`${base}/:id`, { config: { doc: { summary: `Read one ${res.noun}`, tags, response: one } } }, async (req, reply) => {
    const rec = withVersion(mustRead(ctx.db, res, idOf(req)));
    return reply.header('etag', `"${rec.version}"`).send(rec);
  });
  app.post(base, { config: { doc: { summary: `Create a ${res.noun} (M2-Why header: the commit-log message)`, tags, body: res.input, response: one } } }, async (req, reply) => {
    const value = parseWith(res.input, req.body, `the ${res.noun}`);
    refuse(res.check?.(ctx.db, value, undefined));
    const id = recordChangeFor(ctx, req, res, 'created', (db) => {
      const prepared = res.prepare ? res.prepare(db, value) : { value };
      const newId = insertRow(db, res.table, res.toRow(prepared.value));
      const extra = res.afterCreate?.(db, newId, prepared.value);
      return { id: newId, what: `${res.label(prepared.value)} (id ${newId})${[prepared.note, extra].filter(Boolean).map((n) => `, ${n}`).join('')}` };
    });
    const rec = withVersion(mustRead(ctx.db, res, id));
    return reply.code(201).header('etag', `"${rec.version}"`).header('location', `${base}/${id}`).send(rec);
  });
  app.put(`${base}/:id`, { config: { doc: { summary: `Replace a ${res.noun} (If-Match: its version; M2-Why: the message)`, tags, body: res.input, response: one } } }, async (req, reply) => {
    const id = idOf(req);
    const value = parseWith(res.input, req.body, `the ${res.noun}`) as { id?: number };
    if (value.id !== undefined && value.id !== id) {
      throw new ApiError(400, ApiErr.VALIDATION, `the body's id ${value.id} is not the URL's ${id}`, [{ path: 'id', message: `id must be ${id} (or left out)`, code: ApiErr.VALIDATION }]);
    }
    recordChangeFor(ctx, req, res, 'updated', (db) => {
      const current = mustRead(db, res, id);
      checkIfMatch(req, current, `${res.noun} ${id}`);
      refuse(res.check?.(db, value, id));
      const prepared = res.prepare ? res.prepare(db, value) : { value };
      updateRow(db, res.table, id, res.toRow(prepared.value));
      const extra = res.afterUpdate?.(db, current, prepared.value);
      return { id, what: `${res.label(prepared.value)} (id ${id})${[prepared.note, extra].filter(Boolean).map((n) => `, ${n}`).join('')}` };
    });
    const rec = withVersion(mustRead(ctx.db, res, id));
    return reply.header('etag', `"${rec.version}"`).send(rec);
  });
  app.delete(`${base}/:id`, { config: { doc: { summary: `Delete a ${res.noun} (If-Match: its version; ?cascade=1 also deletes what belongs to it)`, tags } } }, async (req) => {
    const id = idOf(req);
    const cascade = ['1', 'true'].includes(String((req.query as Record<string, unknown>).cascade ?? ''));
    recordChangeFor(ctx, req, res, 'deleted', (db) => {
      const current = mustRead(db, res, id);
      checkIfMatch(req, current, `${res.noun} ${id}`);
      refuse(res.blocks?.(db, id));
      if (!cascade) refuse(res.inUse?.(db, id));
      const also = cascade ? cascadeDelete(db, res.table, id) : '';
      db.prepare(`DELETE FROM ${res.table} WHERE id = ?`).run(id);
      return { id, what: `${res.label(current)} (id ${id})${also ? `, with ${also}` : ''}` };
    });
    return { deleted: id };
  });
}

function recordChangeFor(ctx: AdminContext, req: FastifyRequest, res: Resource, verb: string, fn: (db: Database.Database) => { id: number; what: string }): number {
  let done = { id: 0, what: '' };
  recordChange(ctx, req, { what: () => `${res.noun} ${verb}: ${done.what}` }, (db) => {
    done = fn(db);
  });
  return done.id;
}
