/**
 * The one entrance for untrusted calls from either transport: checks the method against the
 * contract's list, validates params with its schema, runs the method, and turns every outcome
 * into an Envelope. It never throws, so no bad call can crash main.
 */
import { ApiError, isMethod, parseParams, type Api, type Method } from '../../../shared/contract';
import type { Envelope } from '../../../shared/bridge';
import { envelopeOf } from '../library/envelope';

/** Returns a function that runs one untrusted (method, params) call against `api`. */
export function createDispatcher(
  api: Api,
): (method: unknown, params: unknown) => Promise<Envelope> {
  return async (method, params) => {
    try {
      if (!isMethod(method)) {
        throw new ApiError('UNKNOWN_METHOD', `There is no Api method ${JSON.stringify(method)}.`);
      }
      if (
        params !== undefined &&
        (typeof params !== 'object' || params === null || Array.isArray(params))
      ) {
        throw new ApiError('BAD_REQUEST', `Params of ${method} must be a JSON object.`);
      }
      const run = api[method] as (p: unknown) => Promise<unknown>;
      const result = await run(parseParams(method as Method, params));
      return { ok: true, result };
    } catch (error) {
      return envelopeOf(error, method);
    }
  };
}
