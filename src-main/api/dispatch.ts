import { z } from 'zod';
import { AppError, toErrorPayload } from '../common/errors';
import { contract, METHOD_NAMES, type MethodName, type Params, type Result } from './contract';
import type { ApiDescription, MulticallResult } from './types';

export interface CallContext {
  host: 'electron' | 'headless' | 'in-process';
}

/** One handler per contract method, except the two the dispatcher itself answers. */
export type Handlers = {
  [M in Exclude<MethodName, 'system.listApi' | 'system.multicall'>]: (params: Params<M>, ctx: CallContext) => Promise<Result<M>>;
};

export type Dispatch = (method: string, params: unknown, ctx: CallContext) => Promise<unknown>;

function isMethod(m: string): m is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, m);
}

/** Validates a payload against the method's schema: a coded BAD_REQUEST naming the fields. */
export function validateParams<M extends MethodName>(method: M, params: unknown): Params<M> {
  const parsed = contract[method].input.safeParse(params ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
    const first = issues[0];
    const where = first?.path ? `"${first.path}"` : 'the request';
    throw new AppError('BAD_REQUEST', `Invalid ${method} request: ${where} ${first?.message ?? 'is invalid'}`, {
      method,
      field: first?.path,
      issues,
    });
  }
  return parsed.data as Params<M>;
}

let apiDescription: ApiDescription[] | undefined;
export function describeApi(): ApiDescription[] {
  apiDescription ??= METHOD_NAMES.map((method) => ({
    method,
    doc: contract[method].doc,
    params: z.toJSONSchema(contract[method].input, { unrepresentable: 'any', io: 'input' }),
  }));
  return apiDescription;
}

/**
 * The single entry point both hosts use: validate, route to the handler, and answer the two
 * system methods (listApi, multicall) here.
 */
export function createDispatch(handlers: Handlers): Dispatch {
  const dispatch: Dispatch = async (method, params, ctx) => {
    if (!isMethod(method)) throw new AppError('UNKNOWN_METHOD', `Unknown method "${method}"`, { method });
    const p = validateParams(method, params);
    if (method === 'system.listApi') return describeApi();
    if (method === 'system.multicall') {
      const { calls } = p as Params<'system.multicall'>;
      const out: MulticallResult[] = [];
      for (const c of calls) {
        if (c.method === 'system.multicall') {
          out.push({ ok: false, error: { code: 'BAD_REQUEST', message: 'system.multicall cannot be nested' } });
          continue;
        }
        try {
          out.push({ ok: true, result: await dispatch(c.method, c.params, ctx) });
        } catch (e) {
          out.push({ ok: false, error: toErrorPayload(e) });
        }
      }
      return out;
    }
    const h = handlers[method as keyof Handlers] as (params: unknown, ctx: CallContext) => Promise<unknown>;
    return h(p, ctx);
  };
  return dispatch;
}
