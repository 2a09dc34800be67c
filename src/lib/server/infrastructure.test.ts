import { describe, expect, it } from 'vitest';
import { ImageRejectedError } from './media/image.ts';
import { isInfrastructureError } from './infrastructure.ts';

function withCode(code: string, message = code): Error {
	return Object.assign(new Error(message), { code });
}

describe('isInfrastructureError', () => {
	it('recognises unreachable sockets, also when wrapped as a cause or in an AggregateError', () => {
		expect(isInfrastructureError(withCode('ECONNREFUSED'))).toBe(true);
		expect(isInfrastructureError(new Error('fetch failed', { cause: withCode('ETIMEDOUT') }))).toBe(
			true
		);
		expect(
			isInfrastructureError(new AggregateError([withCode('EHOSTUNREACH')], 'all failed'))
		).toBe(true);
	});

	it('recognises S3 service faults by name or 5xx status, but not client errors', () => {
		expect(isInfrastructureError(Object.assign(new Error('x'), { name: 'SlowDown' }))).toBe(true);
		const status = (httpStatusCode: number) =>
			Object.assign(new Error('s3'), { name: 'S3ServiceException', $metadata: { httpStatusCode } });
		expect(isInfrastructureError(status(503))).toBe(true);
		expect(isInfrastructureError(status(500))).toBe(true);
		expect(isInfrastructureError(status(403))).toBe(false);
		expect(isInfrastructureError(status(404))).toBe(false);
	});

	it('recognises PostgreSQL connection and shutdown states, and a busy SQLite', () => {
		expect(isInfrastructureError(withCode('08006'))).toBe(true);
		expect(isInfrastructureError(withCode('57P01'))).toBe(true);
		expect(isInfrastructureError(withCode('SQLITE_BUSY'))).toBe(true);
		expect(isInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
		// A constraint violation or a syntax error is the query's fault.
		expect(isInfrastructureError(withCode('23505'))).toBe(false);
		expect(isInfrastructureError(withCode('42601'))).toBe(false);
	});

	it('leaves failures of the work itself alone', () => {
		expect(
			isInfrastructureError(new ImageRejectedError({ ok: false, reason: 'format', detail: 'gif' }))
		).toBe(false);
		expect(isInfrastructureError(new TypeError('x is undefined'))).toBe(false);
		expect(isInfrastructureError('ECONNREFUSED')).toBe(false);
		expect(isInfrastructureError(null)).toBe(false);
		// A cycle of causes must not hang the check.
		const a: Error & { cause?: unknown } = new Error('a');
		a.cause = a;
		expect(isInfrastructureError(a)).toBe(false);
	});
});
