import type { ColumnType } from 'kysely';

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

export type ContestStatus =
	'draft' | 'open' | 'closed' | 'judging' | 'results' | 'exhibited' | 'archived';
export type BoardOrientation = 'landscape' | 'portrait' | 'any';

export interface ContestTable {
	id: string;
	/** Stored state; an 'open' contest past closes_at reads as closed (see contests/lifecycle.ts). */
	status: ContestStatus;
	/** JSON `{"zh-CN": …, "en"?: …, "fr"?: …}`; zh-CN is required, the others fall back to it. */
	title: string;
	theme: string;
	brief: string;
	rules: string;
	/** IANA zone the organizer typed the window in; used to show it back the same way. */
	time_zone: string;
	opens_at: number | null;
	closes_at: number | null;
	entries_per_child: number;
	/** Derived from the board size (a square board is 'any'); kept for code that needs the shape. */
	board_orientation: BoardOrientation;
	/** Art board in pixels: one of the presets in $lib/contests/board-size.ts. */
	board_width: number;
	board_height: number;
	allow_studio: number;
	allow_upload: number;
	created_by: string | null;
	created_at: number;
	updated_at: number;
}

export interface ContestAgeBandTable {
	id: string;
	contest_id: string;
	label: string;
	min_age: number;
	max_age: number;
	position: number;
}

/** A school a teacher works at (set by an admin): the only schools they can open classes in. */
export interface TeacherSchoolTable {
	teacher_id: string;
	school_id: string;
}

export interface ContestSchoolTable {
	contest_id: string;
	school_id: string;
}

export interface ContestTemplateTable {
	id: string;
	contest_id: string;
	/** The organizer's short name for the page, shown in the studio's picker. */
	label: string;
	/** `public/templates/<sha256>.png`: black line art with alpha at twice the board size. */
	image_key: string;
	/** `public/templates/<sha256>.webp`: 320 px wide, on white. */
	thumb_key: string;
	width: number;
	height: number;
	position: number;
	created_at: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
	id: string;
	kind: string;
	/** JSON. */
	payload: string;
	status: JobStatus;
	attempts: number;
	max_attempts: number;
	/** Not claimed before this time (backoff after a failure). */
	run_after: number;
	/** Lease: a running job whose lease has passed belongs to a crashed worker. */
	locked_until: number | null;
	last_error: string | null;
	/** JSON, set when done. */
	result: string | null;
	/** Times this job has waited for the database or storage to come back (not attempts). */
	outage_retries: number;
	/** When the ongoing outage was first met; null when the last run met none. */
	outage_since: number | null;
	created_at: number;
	updated_at: number;
}

export type EntrySource = 'studio' | 'upload';
export type EntryStatus =
	'receiving' | 'processing' | 'waiting' | 'approved' | 'returned' | 'failed' | 'disqualified';

export interface EntryTable {
	id: string;
	contest_id: string;
	student_id: string;
	/** The contest's band for `age` at submission; null if the band was later deleted. */
	age_band_id: string | null;
	/** The child's age as given when submitting; the teacher checks it on approval. */
	age: number;
	source: EntrySource;
	/** The studio drawing it came from (its document is the source for print renders). */
	drawing_id: string | null;
	/** ≤ 60 characters, the child's own words. */
	title: string;
	/** ≤ 300 characters, any language; becomes the image description for screen readers. */
	about: string;
	/**
	 * receiving → processing → waiting (for the teacher) → approved | returned;
	 * failed = the image could not be processed ("please resubmit"); disqualified by an organizer.
	 */
	status: EntryStatus;
	/** Teacher's message when returned, organizer's reason when disqualified, failure reason. */
	status_message: string | null;
	/** Client-chosen; a retried or double-clicked submission maps onto the same entry. */
	idempotency_key: string;
	/** SHA-256 of what was submitted; the same key with other content is refused. */
	payload_hash: string;
	/** Private original upload, before processing. */
	original_key: string | null;
	/** Content-addressed folder of the renditions (`media/<sha256>/`). */
	media_prefix: string | null;
	/** JSON MediaDescriptor (sizes, thumbhash, dominant colour, variants). */
	media: string | null;
	/** The teacher who uploaded a photo on the child's behalf; null for the child's own. */
	submitted_by: string | null;
	reviewed_by: string | null;
	reviewed_at: number | null;
	created_at: number;
	updated_at: number;
}

/** A one-time password reset link; only the hash of its secret is stored. */
export interface PasswordResetTable {
	id: string;
	user_id: string;
	token_hash: string;
	/** The admin who made it; null once that account is gone. */
	created_by: string | null;
	created_at: number;
	expires_at: number;
	/** Set when the link is used: it never works twice. */
	used_at: number | null;
}

export interface Database extends JudgingTables, VotingTables, PrintTables {
	app_user: AppUserTable;
	school: SchoolTable;
	classroom: ClassroomTable;
	student: StudentTable;
	guardian_consent: GuardianConsentTable;
	session: SessionTable;
	auth_failure: AuthFailureTable;
	audit_log: AuditLogTable;
	drawing: DrawingTable;
	contest: ContestTable;
	contest_age_band: ContestAgeBandTable;
	contest_school: ContestSchoolTable;
	teacher_school: TeacherSchoolTable;
	contest_template: ContestTemplateTable;
	job: JobTable;
	entry: EntryTable;
	password_reset: PasswordResetTable;
	certificate_batch: CertificateBatchTable;
	exhibition: ExhibitionTable;
	exhibition_entry: ExhibitionEntryTable;
	public_version: PublicVersionTable;
}

/**
 * One row, bumped by database triggers in the same transaction as any write to what public
 * pages show (migration create_public_version); `epoch` is random per database.
 */
export interface PublicVersionTable {
	id: number;
	epoch: string;
	n: number;
	tx: number | null;
}

/** A contest's public exhibition; public once published_at is set and the contest is exhibited. */
export interface ExhibitionTable {
	contest_id: string;
	/** The only name of the exhibition in URLs (`/exhibitions/<slug>`). */
	slug: string;
	/** JSON `{"zh-CN": …, "en"?: …, "fr"?: …}`; may be `{}` (no introduction). */
	intro: string;
	cover_entry_id: string | null;
	published_at: number | null;
	published_by: string | null;
	created_at: number;
	updated_at: number;
}

/** The public face of an entry; consent is never copied here, it is read live. */
export interface ExhibitionEntryTable {
	entry_id: string;
	contest_id: string;
	/** Random, unrelated to the entry id: the only name a public URL carries. */
	handle: string;
	/** Edited "child-voice" alt text; null means the child's own words (entry.about). */
	description: string | null;
	description_by: string | null;
	description_at: number | null;
	/** Set with hidden_reason when an organizer takes the work down. */
	hidden_at: number | null;
	hidden_reason: string | null;
	hidden_by: string | null;
	created_at: number;
}

export type CertificateScope = 'school' | 'class';
export type CertificateBatchStatus = 'queued' | 'running' | 'done' | 'failed';

/** One PDF of certificates for a school or a class, and each child's own, made by a job. */
export interface CertificateBatchTable {
	id: string;
	contest_id: string;
	scope: CertificateScope;
	school_id: string;
	/** Set for a class batch. */
	classroom_id: string | null;
	locale: string;
	/** JSON CertificateOptions (ceremony date, signature line). */
	options: string;
	status: CertificateBatchStatus;
	pages_done: number;
	pages_total: number;
	/** SHA-256 of everything printed; differs from a fresh one once awards or names change. */
	input_hash: string | null;
	/** JSON CertificateFile[]; only once every file is stored. */
	files: string | null;
	/** Catalog key of why the batch failed. */
	error_key: string | null;
	created_by: string | null;
	created_at: number;
	updated_at: number;
}

// ── Judging (rounds, judges, assignments, judgements, results, awards) ──────────────────────

export type RoundMethod = 'screening' | 'rubric' | 'pairwise' | 'panel';
export type RoundScope = 'all' | 'advanced';
export type RoundStatus = 'draft' | 'open' | 'closed';
export type AdvanceKind = 'top_n' | 'top_percent';
export type AwardKind = 'gold' | 'silver' | 'bronze' | 'honourable';
export type ScreeningVote = 'yes' | 'maybe' | 'no';

export interface JudgingRoundTable {
	id: string;
	contest_id: string;
	/** 1, 2, 3 … in the order the rounds run. */
	position: number;
	method: RoundMethod;
	/** All approved entries, or those the previous round advanced. */
	scope: RoundScope;
	/** 1: results, ranks and advancement are computed per age band. */
	per_band: number;
	opens_at: number | null;
	closes_at: number | null;
	/** How many judges see each entry. */
	per_entry: number;
	status: RoundStatus;
	advance_kind: AdvanceKind;
	advance_value: number;
	/** Spread of an entry's judges' z-scores above which it is flagged for another look. */
	disagreement: number;
	/** Screening: 1 when judges may answer "maybe" (half a yes) besides yes and no. */
	allow_maybe: ColumnType<number, number | undefined, number>;
	/** Keys the judges' opaque handles; never sent to any browser. */
	handle_secret: string;
	/** Set when an organizer force-closed the round before every judge finished. */
	closed_reason: string | null;
	closed_at: number | null;
	closed_by: string | null;
	created_at: number;
	updated_at: number;
}

export interface RubricCriterionTable {
	id: string;
	round_id: string;
	position: number;
	weight: number;
	min_value: number;
	max_value: number;
	/** JSON {"zh-CN", "en", "fr"}. */
	label: string;
	/** JSON {"zh-CN", "en", "fr"}: one short sentence a volunteer understands. */
	description: string;
}

export interface RoundJudgeTable {
	id: string;
	round_id: string;
	user_id: string;
	/** 0 once the judge dropped out: their undone work is given to others. */
	active: number;
	joined_at: number;
	left_at: number | null;
}

export interface JudgeSchoolTable {
	user_id: string;
	school_id: string;
	created_at: number;
}

export interface JudgeInviteTable {
	id: string;
	round_id: string;
	/** SHA-256 hex of the link's token. */
	token_hash: string;
	expires_at: number;
	used_at: number | null;
	used_by: string | null;
	created_by: string | null;
	created_at: number;
}

export interface JudgeAssignmentTable {
	id: string;
	round_id: string;
	/** round_judge.id */
	judge_id: string;
	entry_id: string;
	/** This judge's own order (calibration entries first). */
	position: number;
	calibration: number;
	/** The only name the judge sees for the entry ("A7K3"), unique per judge. */
	handle: string;
	recused_at: number | null;
	done_at: number | null;
	created_at: number;
}

export interface RubricScoreTable {
	id: string;
	round_id: string;
	judge_id: string;
	entry_id: string;
	criterion_id: string;
	value: number;
	revision: number;
	updated_at: number;
}

export interface ScreeningVoteTable {
	id: string;
	round_id: string;
	judge_id: string;
	entry_id: string;
	vote: ScreeningVote;
	revision: number;
	updated_at: number;
}

export interface PairwiseComparisonTable {
	id: string;
	round_id: string;
	judge_id: string;
	/** first_entry_id < second_entry_id. */
	first_entry_id: string;
	second_entry_id: string;
	winner_entry_id: string | null;
	created_at: number;
	decided_at: number | null;
}

export interface PanelRankingTable {
	round_id: string;
	judge_id: string;
	entry_id: string;
	rank: number;
	/** The ballot's revision, the same on each of its rows (stale save → 409). */
	revision: ColumnType<number, number | undefined, number>;
	updated_at: number;
}

export interface RoundResultTable {
	round_id: string;
	entry_id: string;
	age_band_id: string | null;
	judge_count: number;
	display: number | null;
	z_mean: number | null;
	raw_mean: number | null;
	median: number | null;
	rank: number | null;
	tie_rule: string | null;
	advanced: number;
	flagged: number;
	override_reason: string | null;
}

export interface AwardTable {
	id: string;
	contest_id: string;
	age_band_id: string | null;
	entry_id: string;
	kind: AwardKind;
	/** JSON of custom names per locale; {} means the standard translated name. */
	label: string;
	position: number;
	overridden_reason: string | null;
	created_at: number;
	updated_at: number;
}

export interface ScoreAuditTable {
	id: string;
	round_id: string;
	judge_id: string;
	entry_id: string;
	criterion_id: string | null;
	actor_user_id: string | null;
	old_value: string | null;
	new_value: string | null;
	created_at: number;
}

export interface JudgingTables {
	judging_round: JudgingRoundTable;
	rubric_criterion: RubricCriterionTable;
	round_judge: RoundJudgeTable;
	judge_school: JudgeSchoolTable;
	judge_invite: JudgeInviteTable;
	judge_assignment: JudgeAssignmentTable;
	rubric_score: RubricScoreTable;
	screening_vote: ScreeningVoteTable;
	pairwise_comparison: PairwiseComparisonTable;
	panel_ranking: PanelRankingTable;
	round_result: RoundResultTable;
	award: AwardTable;
	score_audit: ScoreAuditTable;
}

// ── People's choice (public vote; kept apart from the jury's awards) ──────────────────────────

export type VoteFlag = 'burst';
export type VoteOutcome = 'counted' | 'flagged' | 'refused';

export interface PeoplesChoiceTable {
	contest_id: string;
	enabled: number;
	opens_at: number | null;
	closes_at: number | null;
	/** Set by "close now"; the vote is over from then on, whatever closes_at says. */
	closed_at: number | null;
	updated_by: string | null;
	updated_at: number;
}

export interface PeoplesChoiceVoteTable {
	id: string;
	contest_id: string;
	age_band_id: string;
	entry_id: string;
	/** Keyed hash of the browser's random voter cookie: no personal data. */
	voter: string;
	/** YYYY-MM-DD in the contest's time zone. */
	vote_day: string;
	flag: VoteFlag | null;
	created_at: number;
}

export interface VoteChallengeTable {
	/** The solved challenge's nonce; present = already used. */
	nonce: string;
	expires_at: number;
}

export interface VoteNetworkEventTable {
	id: string;
	contest_id: string;
	/** Truncated hash of the IP under a salt that changes daily; rows live one day. */
	network: string;
	fresh_voter: number;
	outcome: VoteOutcome;
	created_at: number;
}

export interface VotingTables {
	peoples_choice: PeoplesChoiceTable;
	peoples_choice_vote: PeoplesChoiceVoteTable;
	vote_challenge: VoteChallengeTable;
	vote_network_event: VoteNetworkEventTable;
}

export type PrintArtifactKind = 'labels' | 'pack';
export type PrintArtifactStatus = 'queued' | 'running' | 'done' | 'failed';

/** The wall labels PDF or print pack zip of a contest, as last requested (one per kind). */
export interface PrintArtifactTable {
	contest_id: string;
	kind: PrintArtifactKind;
	/** The queue job making it: a newer request replaces the row, and the old job stops. */
	job_id: string;
	status: PrintArtifactStatus;
	done: number;
	total: number;
	/** Set only once the file is complete in storage. */
	object_key: string | null;
	bytes: number | null;
	/** An i18n key (`print.error.*`) when it failed. */
	error: string | null;
	requested_by: string | null;
	created_at: number;
	updated_at: number;
}

export interface PrintTables {
	print_artifact: PrintArtifactTable;
}
