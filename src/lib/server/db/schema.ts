/**
 * Column types of every table: the single source of truth for Kysely queries.
 * Timestamps are epoch milliseconds; booleans are 0/1.
 */
export type Role = 'organizer' | 'teacher' | 'judge';
export type SecretKind = 'picture' | 'pin';
export type ConsentScope = 'classroom' | 'public_pseudonym' | 'public_school';
export type ConsentMethod = 'paper' | 'in_person' | 'message';

export interface AppUserTable {
	id: string;
	email: string;
	display_name: string;
	role: Role;
	is_admin: number;
	password_hash: string;
	locale: string | null;
	disabled_at: number | null;
	created_at: number;
}

export interface SchoolTable {
	id: string;
	name: string;
	city: string;
	created_at: number;
}

export interface ClassroomTable {
	id: string;
	school_id: string;
	teacher_id: string;
	name: string;
	/** Short code children type (or scan) to reach their class's sign-in page. */
	code: string;
	created_at: number;
	archived_at: number | null;
}

export interface StudentTable {
	id: string;
	classroom_id: string;
	/** Private: seen by the teacher only, never on public pages or by judges. */
	first_name: string;
	/** What everyone else sees: first name + number or a chosen nickname. */
	pseudonym: string;
	avatar: string;
	secret_kind: SecretKind;
	/**
	 * Picture sequence ("leaf-sun-fish") or PIN. Kept readable on purpose: it is printed on
	 * the login cards that stay in the classroom, and a space of ~1,300 values would be
	 * reversed from any hash in milliseconds; the protection is the failure rate limit.
	 */
	secret: string;
	created_at: number;
}

export interface GuardianConsentTable {
	id: string;
	student_id: string;
	scope: ConsentScope;
	method: ConsentMethod;
	/** Calendar date (YYYY-MM-DD) the guardian gave consent. */
	given_on: string;
	recorded_by: string | null;
	recorded_at: number;
	withdrawn_at: number | null;
}

export interface SessionTable {
	/** Public half of the cookie token (`<id>.<secret>`), used to find the row. */
	id: string;
	/** SHA-256 of the secret half, hex; compared in constant time. The secret is never stored. */
	secret_hash: string;
	user_id: string | null;
	student_id: string | null;
	/** Sliding expiry: pushed forward on use. */
	expires_at: number;
	/** Hard limit no activity can extend (children on shared PCs). */
	absolute_expires_at: number;
	created_at: number;
}

export interface AuthFailureTable {
	id: string;
	bucket: string;
	created_at: number;
}

export interface AuditLogTable {
	id: string;
	actor_user_id: string | null;
	action: string;
	subject_type: string;
	subject_id: string;
	detail: string;
	ip: string | null;
	created_at: number;
}

export interface DrawingTable {
	/** Chosen by the studio (it exists offline before the server hears of it). */
	id: string;
	student_id: string;
	title: string;
	width: number;
	height: number;
	op_count: number;
	/** Goes up by one per accepted save; a save must name the revision it started from. */
	revision: number;
	doc_key: string;
	doc_bytes: number;
	thumb_key: string | null;
	created_at: number;
	updated_at: number;
}

export interface Database {
	app_user: AppUserTable;
	school: SchoolTable;
	classroom: ClassroomTable;
	student: StudentTable;
	guardian_consent: GuardianConsentTable;
	session: SessionTable;
	auth_failure: AuthFailureTable;
	audit_log: AuditLogTable;
	drawing: DrawingTable;
}
