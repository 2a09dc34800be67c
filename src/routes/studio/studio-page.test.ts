import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import WithI18n from '$lib/i18n/testing/WithI18n.svelte';
import StudioPage from './+page.svelte';
import type { StudioContest } from '$lib/server/entries/studio-contests.service';

const OPEN: StudioContest = {
	id: 'c1',
	title: 'Our forest',
	theme: 'Trees',
	closesAt: Date.UTC(2026, 11, 24),
	timeZone: 'Asia/Shanghai',
	board: { width: 1600, height: 1200 },
	entriesLeft: 1,
	templates: []
};

/** The studio page as the server renders it for a child with one saved drawing. */
function studio(contests: StudioContest[]): string {
	const data = {
		pseudonym: '小明 7',
		avatar: 'fox-green',
		studentId: 'student-1',
		drawings: [{ id: 'd1', title: 'My tree', revision: 1, updatedAt: 0, hasThumbnail: false }],
		contests
	};
	return render(WithI18n, { props: { locale: 'en', component: StudioPage, props: { data } } }).body;
}

describe('/studio and contests (issue 11)', () => {
	it('offers to enter a contest only while one is open to the child', () => {
		const open = studio([OPEN]);
		expect(open).toContain('Enter a contest');
		expect(open).toContain('href="/studio/submit/d1"');

		const none = studio([]);
		expect(none).not.toContain('Enter a contest');
		expect(none).not.toContain('/studio/submit/');
		expect(none).toContain('There is no contest to enter right now.');
		// "My artworks" stays: returned and earlier entries are still there to see.
		expect(none).toContain('href="/studio/entries"');
	});

	it('offers no entry when the child has used every place in the open contest', () => {
		const full = studio([{ ...OPEN, entriesLeft: 0 }]);
		expect(full).not.toContain('/studio/submit/');
	});
});
