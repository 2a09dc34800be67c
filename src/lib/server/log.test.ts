import { describe, expect, it } from 'vitest';
import { formatLogLine, logFormat, requestIdFrom } from './log.ts';

const AT = new Date('2026-12-03T04:00:00.000Z');

describe('log lines', () => {
	it('are one JSON object per line by default, leaving out undefined fields', () => {
		expect(logFormat({})).toBe('json');
		const line = formatLogLine(
			'json',
			'info',
			'request',
			{ status: 200, route: '/x', skip: undefined },
			AT
		);
		expect(line).not.toContain('\n');
		expect(JSON.parse(line)).toEqual({
			time: '2026-12-03T04:00:00.000Z',
			level: 'info',
			msg: 'request',
			status: 200,
			route: '/x'
		});
	});

	it('read as text for a person with LOG_FORMAT=text, quoting values with spaces', () => {
		expect(logFormat({ LOG_FORMAT: 'text' })).toBe('text');
		expect(
			formatLogLine(
				'text',
				'warn',
				'job will retry',
				{ kind: 'entry.process', error: 'Error: a b' },
				AT
			)
		).toBe('2026-12-03T04:00:00.000Z WARN job will retry kind=entry.process error="Error: a b"');
	});

	it("take the proxy's request id only when it is a plain token", () => {
		expect(requestIdFrom('abc-123.X_y:1')).toBe('abc-123.X_y:1');
		for (const bad of [null, '', 'a b', 'x'.repeat(65), 'id\n{"level":"error"}'])
			expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
	});
});
