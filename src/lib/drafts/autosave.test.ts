import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type SaveStatus } from './autosave.ts';

describe('Autosave', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	function setup(save = vi.fn(async () => {})) {
		const statuses: SaveStatus[] = [];
		const autosave = new Autosave({ save, onStatus: (s) => statuses.push(s) });
		return { autosave, save, statuses };
	}

	it('saves once, 500 ms after a burst of changes', async () => {
		const { autosave, save, statuses } = setup();
		autosave.changed(0);
		autosave.changed(100);
		await vi.advanceTimersByTimeAsync(499);
		expect(save).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(save).toHaveBeenCalledTimes(1);
		expect(statuses.at(-1)).toBe('saved');
	});

	it('never waits more than a second while changes keep coming', async () => {
		const { autosave, save } = setup();
		for (let t = 0; t <= 900; t += 300) {
			vi.setSystemTime(t);
			autosave.changed(t);
			await vi.advanceTimersByTimeAsync(300);
		}
		expect(save).toHaveBeenCalledTimes(1);
	});

	it('flushes at once and keeps the change dirty after a failure', async () => {
		const failing = vi.fn(async () => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		const { autosave, statuses } = setup(failing);
		autosave.changed(0);
		await autosave.flush();
		expect(failing).toHaveBeenCalledTimes(1);
		expect(statuses.at(-1)).toBe('error');
		expect(autosave.isDirty).toBe(true);
	});

	it('saves a change made during a write right after it', async () => {
		let release = () => {};
		const save = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
		const { autosave } = setup(save);
		autosave.changed(0);
		const first = autosave.flush();
		autosave.changed(10);
		release();
		await first;
		await vi.advanceTimersByTimeAsync(600);
		release();
		expect(save).toHaveBeenCalledTimes(2);
	});
});
