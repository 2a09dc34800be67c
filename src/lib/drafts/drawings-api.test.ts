import { describe, expect, it, vi } from 'vitest';
import { getDrawing, putDrawing } from './drawings-api.ts';

const stored = (headers: Record<string, string>, status = 200) =>
	vi.fn(async () => new Response('{"version":2}', { status, headers }));

describe('getDrawing', () => {
	it('answers the stored text with its revision and decoded title', async () => {
		const fetchFn = stored({
			'x-drawing-revision': '3',
			'x-drawing-title': '%E6%88%91%E7%9A%84%E7%8C%AB'
		});
		const answer = await getDrawing(fetchFn, 'abc', { cache: 'no-store' });
		expect(answer).toEqual({
			status: 'ok',
			drawing: { text: '{"version":2}', title: '我的猫', revision: 3 }
		});
		expect(fetchFn).toHaveBeenCalledWith(
			'/studio/api/drawings/abc',
			expect.objectContaining({ method: 'GET', cache: 'no-store', redirect: 'manual' })
		);
	});

	it('hands back a refusal for its status, and a copy without revision as unreadable', async () => {
		const missing = await getDrawing(stored({}, 404), 'abc');
		expect(missing.status === 'refused' && missing.response.status).toBe(404);
		expect(await getDrawing(stored({ 'x-drawing-revision': 'x' }), 'abc')).toEqual({
			status: 'unreadable'
		});
		expect(
			await getDrawing(stored({ 'x-drawing-revision': '2', 'x-drawing-title': '%E0' }), 'a')
		).toMatchObject({ status: 'ok', drawing: { title: '' } });
	});

	it('rejects when no answer arrives', async () => {
		const offline = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
		await expect(getDrawing(offline, 'abc')).rejects.toThrow('Failed to fetch');
	});
});

describe('putDrawing', () => {
	it('sends meta, the document and the thumbnail as multipart to the drawing', async () => {
		const fetchFn = vi.fn(
			async (_url: RequestInfo | URL, _init?: RequestInit) => new Response('{}')
		);
		const doc = new Blob(['{"version":2}'], { type: 'application/json' });
		const thumb = new Blob(['jpeg'], { type: 'image/jpeg' });
		await putDrawing(fetchFn, 'abc', { baseRevision: 4, title: 'Sun', doc, thumb }, '/api/d');
		const [url, init] = fetchFn.mock.calls[0]!;
		expect(url).toBe('/api/d/abc');
		expect(init?.method).toBe('PUT');
		const body = init?.body as FormData;
		expect(JSON.parse(body.get('meta') as string)).toEqual({ baseRevision: 4, title: 'Sun' });
		expect(await (body.get('doc') as File).text()).toBe('{"version":2}');
		expect(await (body.get('thumb') as File).text()).toBe('jpeg');
	});
});
