import type { SessionUser } from './session.ts';

/**
 * The server's own operator at its console (`npm run user:create`, a seed): not a signed-in
 * person, so there is no user id for the audit log, but an explicit choice to act with an
 * administrator's rights. A service that accepts it says so in its type; `null` never means it.
 */
export interface SystemActor {
	readonly system: true;
	/** Which program acted, recorded in the audit detail. */
	readonly via: 'cli' | 'seed';
}

export function systemActor(via: SystemActor['via']): SystemActor {
	return { system: true, via };
}

export type Actor = SessionUser | SystemActor;

export function isSystemActor(actor: Actor): actor is SystemActor {
	return 'system' in actor && actor.system === true;
}

/** Administrators, or the operator at the console. */
export function actsAsAdmin(actor: Actor): boolean {
	return isSystemActor(actor) || (actor.role === 'organizer' && actor.isAdmin);
}

/** What the audit log records about who acted. */
export function auditActor(actor: Actor): { actorUserId: string | null; via?: SystemActor['via'] } {
	return isSystemActor(actor) ? { actorUserId: null, via: actor.via } : { actorUserId: actor.id };
}
