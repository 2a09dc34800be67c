import { describe, expect, it } from 'vitest';
import {
	queueKey,
	SubmissionQueue,
	type PendingSubmission,
	type QueueBackend
} from './submission-queue.ts';

class MapBackend implements QueueBackend {
	map = new Map<string, unknown>();
	async get(key: string) {
		return this.map.get(key);
	}
	async put(key: string, value: PendingSubmission) {
		this.map.set(key, value);
	}
	async delete(key: string) {
		this.map.delete(key);
	}
	async range(lower: string, upper: string) {
		return [...this.map].filter(([k]) => k >= lower && k <= upper).map(([, v]) => v);
	}
}

function pending(over: Partial<PendingSubmission> = {}): PendingSubmission {
	return {
		studentId: 's1',
		drawingId: 'd1',
		contestId: 'c1',
		age: 8,
		title: 'My tree',
		about: 'A tall tree',
		key: 'key-1',
		image: new Blob(['png']),
		queuedAt: 100,
		...over
	};
}

describe('SubmissionQueue', () => {
	it('keeps a submission with its words, age and key until it is removed', async () => {
		const queue = new SubmissionQueue(new MapBackend());
		await queue.add(pending());
		expect(await queue.find('s1', 'd1')).toMatchObject({
			title: 'My tree',
			about: 'A tall tree',
			age: 8,
			key: 'key-1'
		});
		await queue.rekey('s1', 'd1', 'key-2');
		expect((await queue.find('s1', 'd1'))!.key).toBe('key-2');
		await queue.remove('s1', 'd1');
		expect(await queue.find('s1', 'd1')).toBeNull();
	});

	it('never shows one child the submissions of another on a shared computer', async () => {
		const backend = new MapBackend();
		const queue = new SubmissionQueue(backend);
		await queue.add(pending({ drawingId: 'd2', queuedAt: 200 }));
		await queue.add(pending());
		await queue.add(pending({ studentId: 's10', drawingId: 'd3' }));
		expect((await queue.list('s1')).map((p) => p.drawingId)).toEqual(['d1', 'd2']);
		expect(await queue.find('s10', 'd1')).toBeNull();
		// A record under one child's key that names another child is ignored too.
		backend.map.set(queueKey('s1', 'd9'), pending({ studentId: 's2', drawingId: 'd9' }));
		expect(await queue.find('s1', 'd9')).toBeNull();
	});

	it('ignores records that are not whole submissions', async () => {
		const backend = new MapBackend();
		const queue = new SubmissionQueue(backend);
		backend.map.set(queueKey('s1', 'd1'), { ...pending(), image: 'not a blob' });
		backend.map.set(queueKey('s1', 'd2'), { ...pending({ drawingId: 'd2' }), key: '' });
		expect(await queue.list('s1')).toEqual([]);
	});
});
