/**
 * Tells an outage from a bad input. A job that fails because the database or the object store
 * cannot be reached has done nothing wrong: counting that against its attempts turned a 15-second
 * storage restart into "please send your drawing again" for a whole class. Such failures are
 * retried for as long as an outage plausibly lasts, without using up the job's attempts.
 */

/** Socket and file-system errors that mean "the other side is not there (yet)". */
const SYSTEM_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_SOCKET',
	'UND_ERR_CLOSED',
	// Disk full or unwritable: an operator has to act, the image is fine.
	'ENOSPC',
	'EIO',
	'EROFS',
	'EMFILE',
	'ENFILE',
	// SQLite under a long write lock.
	'SQLITE_BUSY',
	'SQLITE_LOCKED'
]);

/** AWS SDK error names that mean the service, not the request, is at fault. */
const SDK_NAMES = new Set([
	'TimeoutError',
	'RequestTimeout',
	'RequestTimeoutException',
	'ServiceUnavailable',
	'SlowDown',
	'InternalError',
	'ThrottlingException',
	'NetworkingError',
	// Ours: services.ts could not start the database or the store.
	'ServiceUnavailableError'
]);

/**
 * PostgreSQL SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P
 * operator intervention (admin shutdown, cannot connect now).
 */
function isPostgresOutage(code: string): boolean {
	return /^(08|53)[0-9A-Z]{3}$/.test(code) || /^57P0[1-4]$/.test(code);
}

interface ErrorLike {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	cause?: unknown;
	errors?: unknown;
	$metadata?: { httpStatusCode?: unknown };
}

/** Walks `cause` chains and AggregateErrors (fetch and the SDK wrap socket errors). */
export function isInfrastructureError(error: unknown, depth = 0): boolean {
	if (depth > 5 || typeof error !== 'object' || error === null) return false;
	const e = error as ErrorLike;
	if (typeof e.code === 'string' && (SYSTEM_CODES.has(e.code) || isPostgresOutage(e.code)))
		return true;
	if (typeof e.name === 'string' && SDK_NAMES.has(e.name)) return true;
	const status = e.$metadata?.httpStatusCode;
	if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
	// pg reports a dropped connection with these messages and no code.
	if (
		typeof e.message === 'string' &&
		/Connection terminated|connection timeout|Client has encountered a connection error/i.test(
			e.message
		)
	)
		return true;
	if (Array.isArray(e.errors) && e.errors.some((inner) => isInfrastructureError(inner, depth + 1)))
		return true;
	return isInfrastructureError(e.cause, depth + 1);
}
