import { errorOn } from '$lib/server/errors';
import { localize, parseLocalized } from '$lib/server/contests/contest.service';
import { findContest } from '$lib/server/contests/contest.repository';
import { requireUser } from '$lib/server/http';
import { localizedJson } from '$lib/server/judging/criteria';
import { getPanelBallots } from '$lib/server/judging/panel.service';
import { wallTime, windowState } from '$lib/server/judging/round-dates';
import { zoneName } from '$lib/i18n/zone-name';
import { getJudgeRound } from '$lib/server/judging/scoring.service';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/**
 * Everything the judge's screen needs, and nothing that identifies a child: handles, titles,
 * the child's words, picture sizes. Images are fetched by handle through ./media.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const { db } = await getServices();
	const locale = event.locals.locale;
	const { round, criteria, items } = await getJudgeRound(db, user, event.params.roundId).catch(
		errorOn
	);
	const [contest, panel] = await Promise.all([
		findContest(db, round.contest_id),
		round.method === 'panel' ? getPanelBallots(db, user, round.id).catch(errorOn) : []
	]);
	const zone = contest?.time_zone ?? 'Asia/Shanghai';
	return {
		round: {
			id: round.id,
			method: round.method,
			allowMaybe: round.allow_maybe === 1,
			open: round.status === 'open',
			// Outside its dates a round is shown but saves are refused: the screen says why.
			window: windowState(round, Date.now()),
			opensAt:
				round.opens_at === null ? null : wallTime(round.opens_at, zone, zoneName(locale, zone)),
			closesAt:
				round.closes_at === null ? null : wallTime(round.closes_at, zone, zoneName(locale, zone)),
			contestTitle: contest ? localize(parseLocalized(contest.title), locale) : '',
			theme: contest ? localize(parseLocalized(contest.theme), locale) : ''
		},
		criteria: criteria.map((c) => ({
			id: c.id,
			label: localizedJson(c.label, locale),
			description: localizedJson(c.description, locale),
			min: c.min_value,
			max: c.max_value
		})),
		items,
		panel
	};
};
