/**
 * Local date-time ("YYYY-MM-DDTHH:mm", what <input type="datetime-local"> sends) in an IANA
 * time zone ⇄ epoch milliseconds, with Intl only: no time-zone database dependency.
 */

/** Zones offered in the contest form; Asia/Shanghai first, as the NGO's contests mostly run there. */
export const CONTEST_TIME_ZONES = [
	'Asia/Shanghai',
	'Asia/Hong_Kong',
	'Asia/Taipei',
	'Asia/Singapore',
	'Asia/Tokyo',
	'Europe/Paris',
	'Europe/London',
	'America/New_York',
	'UTC'
] as const;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(zone, f);
	}
	return f;
}

function wallClock(epochMs: number, zone: string) {
	const parts: Record<string, number> = {};
	for (const p of formatter(zone).formatToParts(new Date(epochMs)))
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	return {
		year: parts.year!,
		month: parts.month!,
		day: parts.day!,
		hour: parts.hour!,
		minute: parts.minute!,
		second: parts.second!
	};
}

/** Offset of `zone` from UTC at that instant, in ms (Shanghai: +8 h). */
function offsetAt(epochMs: number, zone: string): number {
	const w = wallClock(epochMs, zone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall clock in `zone` shows `local`, or null when `local` is malformed or not a
 * real calendar date. A time skipped by a daylight-saving jump resolves to the same wall time
 * under the offset before the jump (i.e. one hour later in real time), like most calendars.
 */
export function localToEpoch(local: string, zone: string): number | null {
	const m = LOCAL.exec(local.trim());
	if (!m || !isTimeZone(zone)) return null;
	const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
		number,
		number,
		number,
		number,
		number
	];
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
	const guess = Date.UTC(year, month - 1, day, hour, minute);
	// Date.UTC rolls 31 February over into March: refuse it rather than guess.
	if (new Date(guess).getUTCDate() !== day) return null;
	const first = guess - offsetAt(guess, zone);
	const second = guess - offsetAt(first, zone);
	if (first === second) return first;
	// Near a jump the two estimates differ: keep whichever really shows the wall time asked for.
	return epochToLocal(second, zone) === local.trim() ? second : first;
}

/** "YYYY-MM-DDTHH:mm" as a wall clock in `zone` shows `epochMs`: for echoing into forms. */
export function epochToLocal(epochMs: number, zone: string): string {
	const w = wallClock(epochMs, zone);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** The calendar date ("YYYY-MM-DD") at `epochMs` in `zone`. */
export function dateIn(epochMs: number, zone: string): string {
	return epochToLocal(epochMs, zone).slice(0, 10);
}
