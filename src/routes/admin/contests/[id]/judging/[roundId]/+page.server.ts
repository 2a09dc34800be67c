import { renderSVG } from 'uqr';
import { formatDate, translate } from '$lib/i18n/index';
import { entryMediaUrl } from '$lib/server/entries/media-access';
import { errorOn, tryAction } from '$lib/server/errors';
import { localize, parseLocalized } from '$lib/server/contests/contest.service';
import { listAgeBands } from '$lib/server/contests/contest.repository';
import { field, requireUser } from '$lib/server/http';
import {
	listContestAwards,
	overrideAward,
	proposeAwards,
	renameAward,
	publishResults
} from '$lib/server/judging/award.service';
import { judgeDistributionSvg, progressSvg, reliabilitySvg } from '$lib/server/judging/charts';
import { closeRound, overrideAdvancement } from '$lib/server/judging/close.service';
import { localizedJson } from '$lib/server/judging/criteria';
import { createInvite } from '$lib/server/judging/invite.service';
import { listRounds } from '$lib/server/judging/judging.repository';
import {
	organizerHandle,
	getRoundResults,
	judgeDistributions,
	pairwiseSummary
} from '$lib/server/judging/results.service';
import {
	addJudgeAccount,
	assignRound,
	getRoundDashboard,
	openRound,
	setJudgeActive,
	setRoundDisagreement
} from '$lib/server/judging/round.service';
import { awardName } from '$lib/server/judging/published-awards.service';
import { panelSummary } from '$lib/server/judging/panel-results.service';
import { wallTime, windowState } from '$lib/server/judging/round-dates';
import { zoneName } from '$lib/i18n/zone-name';
import { saveCriteria, setRoundDates } from '$lib/server/judging/round-settings.service';
import { flaggedNow } from '$lib/server/judging/triage.service';
import type { CriterionRowInput } from '$lib/server/judging/criteria-form';
import { LOCALES, type Locale } from '$lib/i18n/index';
import { epochToLocal } from '$lib/server/contests/time-zone';
import { getServices } from '$lib/server/services';
import { listUsersByRole } from '$lib/server/users/user.repository';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event, 'organizer');
	const { db } = await getServices();
	const { id: contestId, roundId } = event.params;
	const locale = event.locals.locale;
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
		translate(locale, key, params);
	const board = await getRoundDashboard(db, actor, contestId, roundId).catch(errorOn);
	const { round } = board;
	const [bands, accounts, distributions, rounds] = await Promise.all([
		listAgeBands(db, [contestId]),
		listUsersByRole(db, 'judge'),
		judgeDistributions(db, round),
		listRounds(db, contestId)
	]);
	const bandLabel = (id: string | null) => {
		const band = bands.find((b) => b.id === id);
		return band ? band.label || `${band.min_age}–${band.max_age}` : t('judging.progress.allBands');
	};
	// Bands in the contest's order (youngest first), not by their random ids.
	const bandPlace = (id: string | null) => {
		const at = bands.findIndex((b) => b.id === id);
		return at === -1 ? bands.length : at;
	};
	const inBandOrder = <T>(rows: T[], bandOf: (row: T) => string | null): T[] =>
		rows.toSorted((a, b) => bandPlace(bandOf(a)) - bandPlace(bandOf(b)));
	const isLast = rounds.at(-1)?.id === round.id;
	const results =
		round.status === 'closed' ? await getRoundResults(db, actor, contestId, roundId) : [];
	const awards =
		round.status === 'closed' && isLast ? await listContestAwards(db, actor, contestId) : [];
	const rankOf = new Map(results.map((r) => [r.entryId, r]));
	const tiedHandles = (entryId: string, bandId: string | null) => {
		const mine = rankOf.get(entryId);
		if (!mine || mine.rank === null) return [];
		return awards
			.filter((o) => o.entry_id !== entryId && o.age_band_id === bandId)
			.map((o) => rankOf.get(o.entry_id))
			.filter((o) => o !== undefined && o.rank === mine.rank && o.bandId === mine.bandId)
			.map((o) => o!.handle);
	};
	const onPanel = new Set(board.progress.map((p) => p.userId));
	const pairwise = round.method === 'pairwise';
	const summary =
		pairwise && round.status !== 'draft'
			? await pairwiseSummary(db, actor, contestId, roundId)
			: null;
	const panel =
		round.method === 'panel' && round.status === 'closed'
			? (await panelSummary(db, actor, contestId, roundId)).map((g) => ({
					...g,
					band: bandLabel(g.bandId)
				}))
			: [];
	const zone = board.contest.time_zone;
	// Triage while the round runs: which artworks the judges disagree on, by organizer handle.
	const flagged =
		round.method === 'rubric' && round.status === 'open'
			? (await flaggedNow(db, round)).map((f) => ({
					handle: organizerHandle(round.handle_secret, f.entryId),
					judges: f.judges
				}))
			: [];
	const number = (digits: number) => (v: number) =>
		new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
	const reliability = summary
		? {
				comparisons: summary.comparisons,
				groups: summary.groups.map((g, i) => ({
					band: bandLabel(g.bandId),
					comparisons: g.comparisons,
					ssr: g.ssr === null ? null : number(2)(g.ssr),
					splitHalf: g.splitHalf === null ? null : number(2)(g.splitHalf),
					reached: g.ssr !== null && g.ssr >= 0.8,
					needed: g.needed,
					components: g.components,
					chart: reliabilitySvg(g.curve, {
						id: `reliability-${i}`,
						title: `${t('judging.bt.chart')} · ${bandLabel(g.bandId)}`,
						description: t('judging.bt.advice'),
						target: 0.8,
						targetLabel: t('judging.bt.target'),
						format: number(2)
					})
				}))
			}
		: null;
	// Pairwise work is per judge (their share of comparisons), not per band.
	const progressRows = pairwise
		? board.progress
				.filter((p) => p.active)
				.map((p) => ({ label: p.name, done: p.done, total: p.total }))
		: board.bandProgress.map((b) => ({ label: bandLabel(b.id), done: b.done, total: b.total }));
	return {
		contest: {
			id: contestId,
			status: board.contest.status,
			title: localize(parseLocalized(board.contest.title), locale)
		},
		round: {
			id: round.id,
			position: round.position,
			method: round.method,
			status: round.status,
			perEntry: round.per_entry,
			perBand: round.per_band === 1,
			advanceKind: round.advance_kind,
			advanceValue: round.advance_value,
			allowMaybe: round.allow_maybe === 1,
			disagreement: round.disagreement,
			closedAt: round.closed_at
				? formatDate(locale, round.closed_at, { dateStyle: 'medium', timeStyle: 'short' })
				: null,
			closedReason: round.closed_reason,
			timeZone: zone,
			opensAt:
				round.opens_at === null ? null : wallTime(round.opens_at, zone, zoneName(locale, zone)),
			closesAt:
				round.closes_at === null ? null : wallTime(round.closes_at, zone, zoneName(locale, zone)),
			opensInput: round.opens_at === null ? '' : epochToLocal(round.opens_at, zone),
			closesInput: round.closes_at === null ? '' : epochToLocal(round.closes_at, zone),
			overdue: round.status === 'open' && windowState(round, Date.now()) === 'after'
		},
		panel,
		flagged,
		isLast,
		created: event.url.searchParams.has('created'),
		criteria: board.criteria.map((c) => ({
			id: c.id,
			label: localizedJson(c.label, locale),
			description: localizedJson(c.description, locale),
			min: c.min_value,
			max: c.max_value,
			weight: c.weight
		})),
		scoringStarted: board.scoringStarted,
		// The editor's rows: every language as stored, for the organizer to change.
		criteriaRows: board.criteria.map((c, i) => ({
			id: c.id,
			label: parseLabel(c.label),
			description: parseLabel(c.description),
			weight: String(c.weight),
			min: String(c.min_value),
			max: String(c.max_value),
			place: String(i + 1),
			remove: false
		})),
		entryCount: board.entryCount,
		assignmentCount: board.assignmentCount,
		shortfall: board.shortfall,
		openInvites: board.openInvites,
		judges: board.progress.map((p) => ({
			...p,
			flagged: distributions.find((d) => d.id === p.id)?.flagged ?? false
		})),
		accounts: accounts
			.filter((a) => !onPanel.has(a.id))
			.map((a) => ({ id: a.id, name: a.display_name, email: a.email })),
		bandProgress: board.bandProgress.map((b) => ({ ...b, label: bandLabel(b.id) })),
		reliability,
		progressChart: progressSvg(progressRows, {
			id: 'progress-chart',
			title: t('judging.results.progressChart'),
			description: t('judging.progress.title')
		}),
		judgesChart: distributions.some((d) => d.scores.length > 0)
			? judgeDistributionSvg(
					distributions.map((d) => ({ label: d.name, scores: d.scores })),
					{
						id: 'judges-chart',
						title: t('judging.results.judgesChart'),
						description: t('judging.form.disagreementHint')
					}
				)
			: null,
		results: inBandOrder(results, (r) => r.bandId).map((r) => ({
			...r,
			band: bandLabel(r.bandId),
			thumb: entryMediaUrl(r.entryId, 'thumb.webp')
		})),
		awards: inBandOrder(awards, (a) => a.age_band_id).map((a) => ({
			id: a.id,
			kind: a.kind,
			band: bandLabel(a.age_band_id),
			bandId: a.age_band_id,
			entryId: a.entry_id,
			title: a.title,
			pseudonym: a.pseudonym,
			overriddenReason: a.overridden_reason,
			label: parseLabel(a.label),
			name: awardName(a.kind, a.label, locale),
			handle: results.find((r) => r.entryId === a.entry_id)?.handle ?? '',
			// Same rank after every published tie-break rule: the proposal gave the same award.
			tiedWith: tiedHandles(a.entry_id, a.age_band_id)
		}))
	};
};

function ids(event: { params: { id: string; roundId: string } }) {
	return [event.params.id, event.params.roundId] as const;
}

export const actions: Actions = {
	invite: async (event) => {
		const actor = requireUser(event, 'organizer');
		const { db, config } = await getServices();
		return tryAction(async () => {
			const invite = await createInvite(db, actor, ...ids(event));
			const url = `${config.origin ?? event.url.origin}/invite/${invite.token}`;
			return {
				invite: {
					url,
					qr: renderSVG(url, { border: 1, ecc: 'M' }),
					expires: formatDate(event.locals.locale, invite.expiresAt, {
						dateStyle: 'medium',
						timeStyle: 'short'
					})
				}
			};
		});
	},
	addJudge: async (event) => {
		const actor = requireUser(event, 'organizer');
		const userId = field(await event.request.formData(), 'userId');
		const { db } = await getServices();
		return tryAction(async () => {
			await addJudgeAccount(db, actor, ...ids(event), userId);
			return { judgeAdded: true };
		});
	},
	setActive: async (event) => {
		const actor = requireUser(event, 'organizer');
		const form = await event.request.formData();
		const { db } = await getServices();
		return tryAction(async () => {
			const outcome = await setJudgeActive(
				db,
				actor,
				...ids(event),
				field(form, 'judgeId'),
				field(form, 'active') === '1'
			);
			return { rebalanced: { added: outcome.added, removed: outcome.removed } };
		});
	},
	assign: async (event) => {
		const actor = requireUser(event, 'organizer');
		const { db } = await getServices();
		return tryAction(async () => {
			const outcome = await assignRound(db, actor, ...ids(event));
			return { assigned: { added: outcome.added, removed: outcome.removed } };
		});
	},
	open: async (event) => {
		const actor = requireUser(event, 'organizer');
		const { db } = await getServices();
		return tryAction(async () => {
			await openRound(db, actor, ...ids(event));
			return { opened: true };
		});
	},
	criteria: async (event) => {
		const actor = requireUser(event, 'organizer');
		const rows = criteriaRowsOf(await event.request.formData());
		const { db } = await getServices();
		return tryAction(
			async () => ({ criteriaSaved: await saveCriteria(db, actor, ...ids(event), rows) }),
			{ criteriaValue: rows }
		);
	},
	dates: async (event) => {
		const actor = requireUser(event, 'organizer');
		const form = await event.request.formData();
		const input = { opensAt: field(form, 'opensAt'), closesAt: field(form, 'closesAt') };
		const { db } = await getServices();
		return tryAction(
			async () => {
				await setRoundDates(db, actor, ...ids(event), input);
				return { datesSaved: true };
			},
			{ datesValue: input }
		);
	},
	disagreement: async (event) => {
		const actor = requireUser(event, 'organizer');
		const value = field(await event.request.formData(), 'disagreement');
		const { db } = await getServices();
		return tryAction(
			async () => {
				await setRoundDisagreement(db, actor, ...ids(event), value);
				return { disagreementSaved: true };
			},
			{ disagreementValue: value }
		);
	},
	close: async (event) => {
		const actor = requireUser(event, 'organizer');
		const form = await event.request.formData();
		const reason = field(form, 'reason');
		const { db } = await getServices();
		return tryAction(
			async () => ({
				closed: await closeRound(db, actor, ...ids(event), {
					force: field(form, 'force') === 'on',
					reason
				})
			}),
			{ reason }
		);
	},
	override: async (event) => {
		const actor = requireUser(event, 'organizer');
		const form = await event.request.formData();
		const entryId = field(form, 'entryId');
		const { db } = await getServices();
		return tryAction(
			async () => {
				await overrideAdvancement(
					db,
					actor,
					...ids(event),
					entryId,
					field(form, 'advanced') === '1',
					field(form, 'reason')
				);
				return { overridden: true };
			},
			{ entryId }
		);
	},
	proposeAwards: async (event) => {
		const actor = requireUser(event, 'organizer');
		const { db } = await getServices();
		return tryAction(async () => ({ proposed: await proposeAwards(db, actor, event.params.id) }));
	},
	overrideAward: async (event) => {
		const actor = requireUser(event, 'organizer');
		const form = await event.request.formData();
		const awardId = field(form, 'awardId');
		const { db } = await getServices();
		return tryAction(
			async () => {
				await overrideAward(
					db,
					actor,
					event.params.id,
					awardId,
					field(form, 'entryId'),
					field(form, 'reason')
				);
				return { awardChanged: true };
			},
			{ awardId }
		);
	},
	renameAward: async (event) => {
		const actor = requireUser(event, 'organizer');
		const form = await event.request.formData();
		const awardId = field(form, 'awardId');
		const { db } = await getServices();
		return tryAction(
			async () => {
				await renameAward(db, actor, event.params.id, awardId, {
					'zh-CN': field(form, 'name-zh-CN'),
					en: field(form, 'name-en'),
					fr: field(form, 'name-fr')
				});
				return { awardRenamed: true };
			},
			// Which of the award's two forms failed, so the message shows under it.
			{ awardId, renaming: true }
		);
	},
	publish: async (event) => {
		const actor = requireUser(event, 'organizer');
		const { db } = await getServices();
		return tryAction(async () => {
			await publishResults(db, actor, event.params.id);
			return { published: true };
		});
	}
};

/** The rubric editor's rows (c0-…, c1-…; at most a few dozen are read). */
function criteriaRowsOf(form: FormData): CriterionRowInput[] {
	const count = Math.min(20, Math.max(0, Number(field(form, 'count')) || 0));
	const perLocale = (prefix: string) =>
		Object.fromEntries(LOCALES.map((l) => [l, field(form, `${prefix}-${l}`)])) as Record<
			Locale,
			string
		>;
	return Array.from({ length: count }, (_, i) => ({
		id: field(form, `c${i}-id`),
		label: perLocale(`c${i}-label`),
		description: perLocale(`c${i}-description`),
		weight: field(form, `c${i}-weight`),
		min: field(form, `c${i}-min`),
		max: field(form, `c${i}-max`),
		place: field(form, `c${i}-place`),
		remove: field(form, `c${i}-remove`) === 'on'
	}));
}

/** The organizer's own award names per language, for the rename form. */
function parseLabel(json: string): Record<string, string> {
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' ? (value as Record<string, string>) : {};
	} catch {
		return {};
	}
}
