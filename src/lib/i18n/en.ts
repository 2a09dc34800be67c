import { ceremonyEn } from './domains/ceremony.en.ts';
import { exhibitionEn } from './domains/exhibition.en.ts';
import { accessEn } from './domains/access.en.ts';
import { adminEn } from './domains/admin.en.ts';
import { appEn } from './domains/app.en.ts';
import { authEn } from './domains/auth.en.ts';
import { classroomEn } from './domains/classroom.en.ts';
import { erasureEn } from './domains/erasure.en.ts';
import { colouringEn } from './domains/colouring.en.ts';
import { consentEn } from './domains/consent.en.ts';
import { contestsEn } from './domains/contests.en.ts';
import { drawEn } from './domains/draw.en.ts';
import { entriesEn } from './domains/entries.en.ts';
import { errorsEn } from './domains/errors.en.ts';
import { joinEn } from './domains/join.en.ts';
import { judgeEn } from './domains/judge.en.ts';
import { judgingEn } from './domains/judging.en.ts';
import { judgingMethodsEn } from './domains/judging-methods.en.ts';
import { judgingPanelEn } from './domains/judging-panel.en.ts';
import { awardsShownEn } from './domains/awards-shown.en.ts';
import { passwordResetEn } from './domains/password-reset.en.ts';
import { reviewEn } from './domains/review.en.ts';
import { rosterEn } from './domains/roster.en.ts';
import { securityEn } from './domains/security.en.ts';
import { stageEn } from './domains/stage.en.ts';
import { voteEn } from './domains/vote.en.ts';
import { printEn } from './domains/print.en.ts';
import { studioEn } from './domains/studio.en.ts';
import { studioOptionsEn } from './domains/studio-options.en.ts';
import { submitQueueEn } from './domains/submit-queue.en.ts';
import { teacherSchoolsEn } from './domains/teacher-schools.en.ts';
import type { Messages } from './zh-CN.ts';

export const en: Messages = {
	...appEn,
	...exhibitionEn,
	...errorsEn,
	...authEn,
	...joinEn,
	...studioEn,
	...drawEn,
	...classroomEn,
	...erasureEn,
	...adminEn,
	...judgeEn,
	...contestsEn,
	...consentEn,
	...entriesEn,
	...reviewEn,
	...colouringEn,
	...studioOptionsEn,
	...securityEn,
	...teacherSchoolsEn,
	...passwordResetEn,
	...submitQueueEn,
	...ceremonyEn,
	...stageEn,
	...voteEn,
	...printEn,
	...rosterEn,
	...judgingEn,
	...judgingMethodsEn,
	...judgingPanelEn,
	...awardsShownEn,
	...accessEn
};
