import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import WithI18n from '$lib/i18n/testing/WithI18n.svelte';
import VoteButton from './VoteButton.svelte';

describe('VoteButton dates', () => {
	it("reads the vote's dates on the contest's clock, with the hour and the zone's name", () => {
		const props = {
			state: 'open',
			mine: 'none',
			opensAt: null,
			// 18:00 in Paris, already 01:00 the next day in Shanghai.
			closesAt: Date.UTC(2026, 11, 3, 17),
			timeZone: 'Europe/Paris',
			endpoint: '/exhibitions/x/y/vote'
		};
		const html = render(WithI18n, {
			props: { locale: 'zh-CN', component: VoteButton, props }
		}).body;
		expect(html).toContain('投票截止：2026年12月3日 18:00 · 巴黎');
	});
});
