import { afterEach, describe, expect, it, vi } from 'vitest';
import { handle } from './hooks.server.ts';

afterEach(() => vi.restoreAllMocks());

/** The least of a RequestEvent the hook reads on its way to /healthz. */
function healthzEvent(url: string, headers: Record<string, string> = {}) {
	return {
		request: new Request(url, { headers }),
		url: new URL(url),
		route: { id: '/healthz' },
		cookies: { get: () => undefined },
		locals: {}
	} as unknown as Parameters<typeof handle>[0]['event'];
}

describe('request log line', () => {
	it('names the route, method, status, duration and request id; never the query string', async () => {
		const lines: string[] = [];
		vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
			lines.push(String(chunk));
			return true;
		});
		const response = await handle({
			event: healthzEvent('http://sprout.test/healthz?token=s3cret-reset-token', {
				'x-request-id': 'proxy-42'
			}),
			resolve: async () => new Response('ok')
		});
		expect(response.headers.get('x-request-id')).toBe('proxy-42');
		const line = lines.find((l) => l.includes('"msg":"request"'));
		expect(line).toBeDefined();
		expect(line).not.toContain('s3cret');
		expect(JSON.parse(line!)).toMatchObject({
			level: 'info',
			requestId: 'proxy-42',
			method: 'GET',
			route: '/healthz',
			status: 200,
			who: 'anonymous'
		});
		expect(typeof JSON.parse(line!).ms).toBe('number');
	});
});
