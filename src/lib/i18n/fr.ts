import { ceremonyFr } from './domains/ceremony.fr.ts';
import { exhibitionFr } from './domains/exhibition.fr.ts';
import { accessFr } from './domains/access.fr.ts';
import { adminFr } from './domains/admin.fr.ts';
import { appFr } from './domains/app.fr.ts';
import { authFr } from './domains/auth.fr.ts';
import { classroomFr } from './domains/classroom.fr.ts';
import { erasureFr } from './domains/erasure.fr.ts';
import { colouringFr } from './domains/colouring.fr.ts';
import { consentFr } from './domains/consent.fr.ts';
import { contestsFr } from './domains/contests.fr.ts';
import { drawFr } from './domains/draw.fr.ts';
import { entriesFr } from './domains/entries.fr.ts';
import { errorsFr } from './domains/errors.fr.ts';
import { joinFr } from './domains/join.fr.ts';
import { judgeFr } from './domains/judge.fr.ts';
import { judgingFr } from './domains/judging.fr.ts';
import { judgingMethodsFr } from './domains/judging-methods.fr.ts';
import { judgingPanelFr } from './domains/judging-panel.fr.ts';
import { awardsShownFr } from './domains/awards-shown.fr.ts';
import { passwordResetFr } from './domains/password-reset.fr.ts';
import { reviewFr } from './domains/review.fr.ts';
import { rosterFr } from './domains/roster.fr.ts';
import { securityFr } from './domains/security.fr.ts';
import { stageFr } from './domains/stage.fr.ts';
import { voteFr } from './domains/vote.fr.ts';
import { printFr } from './domains/print.fr.ts';
import { studioFr } from './domains/studio.fr.ts';
import { studioOptionsFr } from './domains/studio-options.fr.ts';
import { submitQueueFr } from './domains/submit-queue.fr.ts';
import { teacherSchoolsFr } from './domains/teacher-schools.fr.ts';
import type { Messages } from './zh-CN.ts';

export const fr: Messages = {
	...appFr,
	...exhibitionFr,
	...errorsFr,
	...authFr,
	...joinFr,
	...studioFr,
	...drawFr,
	...classroomFr,
	...erasureFr,
	...adminFr,
	...judgeFr,
	...contestsFr,
	...consentFr,
	...entriesFr,
	...reviewFr,
	...colouringFr,
	...studioOptionsFr,
	...securityFr,
	...teacherSchoolsFr,
	...passwordResetFr,
	...submitQueueFr,
	...ceremonyFr,
	...stageFr,
	...voteFr,
	...printFr,
	...rosterFr,
	...judgingFr,
	...judgingMethodsFr,
	...judgingPanelFr,
	...awardsShownFr,
	...accessFr
};
