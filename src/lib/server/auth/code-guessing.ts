import { LIMITS } from './rate-limit.ts';

/**
 * How unknown class codes are made expensive without ever refusing a real one. A school sits
 * behind one address, so anything that blocks by address locks out the children who typed the
 * right code along with whoever mistyped it (issue 10: 31 typos in a class of 40 once kept all
 * 40 out for 15 minutes). Instead, only *unknown* codes cost something, and what they cost is
 * time:
 * - each browser (device cookie) has its own budget of unknown codes; a child who mistypes
 *   once or twice pays nothing, and naming a real code clears that browser's count;
 * - past the browser's budget, or once the whole address is past its own, every further unknown
 *   code is answered only after a pause, and the pauses of one address wait in one line, so a
 *   guessing script gets about one answer a second however many requests or cookies it uses;
 * - a code that exists is answered at once, from any browser and any address.
 */
export const SLOW_ANSWER_MS = 1000;

export interface GuessCounts {
	/** Unknown codes from this browser in the window, this one included; null without a cookie. */
	device: number | null;
	/** Unknown codes from this address in the window, this one included. */
	ip: number;
}

/**
 * Pure decision for one unknown code. `overBudget` picks the message ("many wrong codes on this
 * computer, ask your teacher"): it is about this browser only, so a child who mistyped once is
 * never told off for the rest of the room. The pause also applies once the address is over its
 * budget, whichever browser asks: cookies are free to invent, so only the address can stop a
 * script that makes a new one per guess.
 */
export function unknownCodePenalty(counts: GuessCounts): { overBudget: boolean; pauseMs: number } {
	const ipOver = counts.ip > LIMITS.codeIp;
	const overBudget = counts.device === null ? ipOver : counts.device > LIMITS.codeDevice;
	return { overBudget, pauseMs: overBudget || ipOver ? SLOW_ANSWER_MS : 0 };
}

export type Pause = (line: string, ms: number) => Promise<void>;

/**
 * One line per key: each waiter starts its pause when the one before it has finished, so
 * parallel requests cannot share a pause. In memory: one server process answers all of a
 * school (adapter-node); a restart only forgets who was waiting.
 */
export class Tarpit {
	readonly #lines = new Map<string, Promise<void>>();

	wait: Pause = (line, ms) => {
		const previous = this.#lines.get(line) ?? Promise.resolve();
		const mine = previous.then(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
		this.#lines.set(line, mine);
		void mine.then(() => {
			if (this.#lines.get(line) === mine) this.#lines.delete(line);
		});
		return mine;
	};

	get waitingLines(): number {
		return this.#lines.size;
	}
}

export const codeGuessTarpit = new Tarpit();
