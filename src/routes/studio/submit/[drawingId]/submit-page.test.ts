import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import WithI18n from '$lib/i18n/testing/WithI18n.svelte';
import type { SubmittableContest } from '$lib/server/entries/studio-contests.service';
import SubmitPage from './+page.svelte';

const PARIS: SubmittableContest = {
	id: 'c1',
	title: 'Forêt',
	theme: 'Arbres',
	// 18:00 in Paris, 01:00 the next day in Shanghai.
	closesAt: Date.UTC(2026, 11, 3, 17),
	timeZone: 'Europe/Paris',
	ages: [8, 9]
};

function submitPage(contests: SubmittableContest[]): string {
	const data = {
		drawingId: 'd1',
		drawing: { id: 'd1', title: 'My tree', revision: 1, hasThumb: false },
		contests,
		resend: null,
		limits: { title: 60, about: 300 },
		student: { id: 's1' }
	};
	return render(WithI18n, { props: { locale: 'en', component: SubmitPage, props: { data } } }).body;
}

describe('/studio/submit', () => {
	it("shows a contest's closing time on that contest's clock", () => {
		const html = submitPage([PARIS]);
		expect(html).toContain('Dec 3, 2026, 6:00');
		expect(html).not.toContain('Dec 4, 2026');
	});

	it('shows its notes in the note box the rest of the app uses', () => {
		const html = submitPage([]);
		expect(html).toMatch(/<p class="alert note" role="status">[^<]+<\/p>/);
		expect(html).not.toContain('class="alert"');
	});
});
