/**
 * What the three judge screens (one by one, pairwise, panel) share at the top: the data-saver
 * switch and the image URLs it picks, the live-region announcement, the offline queue's
 * wiring to the network, keyboard-shortcut hygiene, and moving between handles.
 */

import type { I18n } from '$lib/i18n/context';

/** The part of a save queue the screen wires up (ScoreQueue, PairQueue, RankingQueue). */
export interface ConnectableQueue {
	restore(): void;
	setOnline(online: boolean): void;
	hold(): void;
	resume(): void;
	stop(): void;
}

const DATA_SAVER_KEY = 'sprout.judge.dataSaver';

export class JudgeScreen {
	dataSaver = $state(false);
	/** Read by screen readers through an aria-live region. */
	announce = $state('');
	/** What went wrong with the judge's last step-aside, shown until dismissed. */
	problem = $state<string | null>(null);
	readonly roundId: string;

	constructor(roundId: string) {
		this.roundId = roundId;
	}

	imageUrl(handle: string, variant?: 'thumb' | 'display'): string {
		const v = variant ?? (this.dataSaver ? 'thumb' : 'display');
		return `/judge/rounds/${this.roundId}/media/${handle}/${v}.webp`;
	}

	/**
	 * Takes an artwork off this judge (self-recusal). A step-aside is not queued like a score:
	 * it changes who judges what, so it needs the server now. When it does not go through (no
	 * network, refused) the judge is told why, in `problem`, instead of nothing happening.
	 */
	async recuse(handle: string, i18n: Pick<I18n, 't'>): Promise<boolean> {
		const res = await fetch(`/judge/rounds/${this.roundId}/recuse`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ handle })
		}).catch(() => null);
		if (res?.ok) {
			this.problem = null;
			this.say(i18n.t('judging.judge.recused'));
			return true;
		}
		const body: unknown = res ? await res.json().catch(() => null) : null;
		const message =
			body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
				? body.message
				: i18n.t('judging.judge.noNetwork');
		this.problem = i18n.t('judging.judge.recuseFailed', { message });
		return false;
	}

	toggleDataSaver(): void {
		this.dataSaver = !this.dataSaver;
		localStorage.setItem(DATA_SAVER_KEY, this.dataSaver ? '1' : '0');
	}

	say(text: string): void {
		this.announce = text;
	}

	/**
	 * Call from onMount: reads the data-saver choice, sends what a previous visit left queued,
	 * follows the network coming and going. Returns the cleanup for onMount.
	 */
	connect(queue: ConnectableQueue): () => void {
		this.dataSaver = localStorage.getItem(DATA_SAVER_KEY) === '1';
		queue.restore();
		const online = () => queue.setOnline(true);
		const offline = () => queue.setOnline(false);
		// A reload or a closed tab: what is still unsent stays for the next page (see OfflineQueue).
		const unloading = () => queue.hold();
		const shown = (event: PageTransitionEvent) => {
			if (event.persisted) queue.resume();
		};
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		window.addEventListener('beforeunload', unloading);
		window.addEventListener('pageshow', shown);
		return () => {
			window.removeEventListener('online', online);
			window.removeEventListener('offline', offline);
			window.removeEventListener('beforeunload', unloading);
			window.removeEventListener('pageshow', shown);
			queue.stop();
		};
	}
}

/** Shortcuts never fire while the judge types, nor with a modifier (the browser's own keys). */
export function isShortcut(event: KeyboardEvent): boolean {
	if (event.ctrlKey || event.metaKey || event.altKey) return false;
	const target = event.target as HTMLElement | null;
	return !target?.closest?.('input, textarea, select, dialog');
}

/** A position in a list of handles; moving announces "3 of 12" (or what `describe` says). */
export class HandleCursor {
	index = $state(0);
	readonly #count: () => number;

	constructor(count: () => number) {
		this.#count = count;
	}

	/** Moves to `to` when it exists; false (and no move) otherwise. */
	go(to: number): boolean {
		if (to < 0 || to >= this.#count()) return false;
		this.index = to;
		return true;
	}

	get atStart(): boolean {
		return this.index === 0;
	}
	get atEnd(): boolean {
		return this.index >= this.#count() - 1;
	}
}
