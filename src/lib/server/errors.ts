import { error, fail, isHttpError, isRedirect, json, type ActionFailure } from '@sveltejs/kit';
import type { MessageKey, Params } from '$lib/i18n/index.ts';

/**
 * The one way a service says "no": a catalog key the reader's language can show, and the HTTP
 * status a route should answer with. Services throw it; routes turn it into `fail()` (actions)
 * or `error()` (loads and endpoints) through the helpers below, so no route needs to know which
 * service threw. A thing the actor may not see is reported as 404, exactly like one that does not
 * exist (`DomainError.notFound`), so ids cannot be probed.
 */
export class DomainError extends Error {
	readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 503;
	readonly code: MessageKey;
	readonly params?: Params;

	constructor(status: DomainError['status'], code: MessageKey, params?: Params) {
		super(code);
		this.name = 'DomainError';
		this.status = status;
		this.code = code;
		this.params = params;
	}

	static invalid(code: MessageKey, params?: Params): DomainError {
		return new DomainError(400, code, params);
	}
	static notFound(code: MessageKey = 'error.notFound'): DomainError {
		return new DomainError(404, code);
	}
	static forbidden(code: MessageKey = 'error.forbidden'): DomainError {
		return new DomainError(403, code);
	}
	static conflict(code: MessageKey, params?: Params): DomainError {
		return new DomainError(409, code, params);
	}
	static tooMany(code: MessageKey, params?: Params): DomainError {
		return new DomainError(429, code, params);
	}
}

export function isDomainError(err: unknown): err is DomainError {
	return err instanceof DomainError;
}

/**
 * In a form action: a DomainError becomes `fail(status, { ...echo, error, errorParams })` so the
 * form shows the message beside the input the user typed; anything else is rethrown.
 */
export function failOn<T extends Record<string, unknown> = Record<never, never>>(
	err: unknown,
	echo?: T
): ActionFailure<T & { error: MessageKey; errorParams?: Params }> {
	if (!isDomainError(err)) throw err;
	return fail(err.status, {
		...(echo ?? ({} as T)),
		error: err.code,
		...(err.params ? { errorParams: err.params } : {})
	});
}

/**
 * Like failOn, for a page with several forms: the message goes under `<name>Error` (and its
 * parameters under `<name>Params`), so each form shows only its own.
 */
export function failAs<N extends string, T extends Record<string, unknown> = Record<never, never>>(
	err: unknown,
	name: N,
	echo?: T
): ActionFailure<T & { [K in `${N}Error`]: MessageKey } & { [K in `${N}Params`]?: Params }> {
	if (!isDomainError(err)) throw err;
	return fail(err.status, {
		...(echo ?? ({} as T)),
		[`${name}Error`]: err.code,
		...(err.params ? { [`${name}Params`]: err.params } : {})
	} as T & { [K in `${N}Error`]: MessageKey } & { [K in `${N}Params`]?: Params });
}

/** A JSON endpoint's refusal: `{ error: <key>, ...params }` with the error's status. */
export function jsonErrorOn(err: unknown, headers?: Record<string, string>): Response {
	if (!isDomainError(err)) throw err;
	return json({ error: err.code, ...err.params }, { status: err.status, headers });
}

/** In a load or endpoint: a DomainError becomes SvelteKit's `error()` with its catalog key. */
export function errorOn(err: unknown): never {
	if (isDomainError(err)) error(err.status, { message: err.code, key: err.code });
	throw err;
}

/**
 * Runs a service call for an action and maps its DomainError; SvelteKit's own `redirect()` and
 * `error()` pass through untouched.
 */
export async function tryAction<R, T extends Record<string, unknown> = Record<never, never>>(
	run: () => Promise<R>,
	echo?: T
): Promise<R | ActionFailure<T & { error: MessageKey; errorParams?: Params }>> {
	try {
		return await run();
	} catch (err) {
		if (isRedirect(err) || isHttpError(err)) throw err;
		return failOn(err, echo);
	}
}
