import { DomainError } from '../../../src/lib/server/errors.ts';

/**
 * A service call's outcome as one value to compare: the id it returned, or the DomainError it
 * threw as `{ ok: false, error, params? }`. Anything else thrown is a real failure.
 */
export async function outcome(
	promise: Promise<string>
): Promise<
	{ ok: true; id: string } | { ok: false; error: string; params?: Record<string, string | number> }
> {
	try {
		return { ok: true, id: await promise };
	} catch (err) {
		if (!(err instanceof DomainError)) throw err;
		return err.params
			? { ok: false, error: err.code, params: err.params }
			: { ok: false, error: err.code };
	}
}

/** The message key of the DomainError a call threw; 'no error' when it succeeded. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		throw err;
	}
	return 'no error';
}
