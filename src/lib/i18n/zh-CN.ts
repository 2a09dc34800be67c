/** Source catalog: every key lives in a domain file; en and fr must define the same keys. */
import { ceremonyZhCN } from './domains/ceremony.zh-CN.ts';
import { exhibitionZhCN } from './domains/exhibition.zh-CN.ts';
import { accessZhCN } from './domains/access.zh-CN.ts';
import { adminZhCN } from './domains/admin.zh-CN.ts';
import { appZhCN } from './domains/app.zh-CN.ts';
import { authZhCN } from './domains/auth.zh-CN.ts';
import { classroomZhCN } from './domains/classroom.zh-CN.ts';
import { erasureZhCN } from './domains/erasure.zh-CN.ts';
import { colouringZhCN } from './domains/colouring.zh-CN.ts';
import { consentZhCN } from './domains/consent.zh-CN.ts';
import { contestsZhCN } from './domains/contests.zh-CN.ts';
import { drawZhCN } from './domains/draw.zh-CN.ts';
import { entriesZhCN } from './domains/entries.zh-CN.ts';
import { errorsZhCN } from './domains/errors.zh-CN.ts';
import { joinZhCN } from './domains/join.zh-CN.ts';
import { judgeZhCN } from './domains/judge.zh-CN.ts';
import { judgingZhCN } from './domains/judging.zh-CN.ts';
import { judgingMethodsZhCN } from './domains/judging-methods.zh-CN.ts';
import { judgingPanelZhCN } from './domains/judging-panel.zh-CN.ts';
import { awardsShownZhCN } from './domains/awards-shown.zh-CN.ts';
import { passwordResetZhCN } from './domains/password-reset.zh-CN.ts';
import { reviewZhCN } from './domains/review.zh-CN.ts';
import { rosterZhCN } from './domains/roster.zh-CN.ts';
import { securityZhCN } from './domains/security.zh-CN.ts';
import { stageZhCN } from './domains/stage.zh-CN.ts';
import { voteZhCN } from './domains/vote.zh-CN.ts';
import { printZhCN } from './domains/print.zh-CN.ts';
import { studioZhCN } from './domains/studio.zh-CN.ts';
import { studioOptionsZhCN } from './domains/studio-options.zh-CN.ts';
import { submitQueueZhCN } from './domains/submit-queue.zh-CN.ts';
import { teacherSchoolsZhCN } from './domains/teacher-schools.zh-CN.ts';

export const zhCN = {
	...appZhCN,
	...exhibitionZhCN,
	...errorsZhCN,
	...authZhCN,
	...joinZhCN,
	...studioZhCN,
	...drawZhCN,
	...classroomZhCN,
	...erasureZhCN,
	...adminZhCN,
	...judgeZhCN,
	...contestsZhCN,
	...consentZhCN,
	...entriesZhCN,
	...reviewZhCN,
	...colouringZhCN,
	...studioOptionsZhCN,
	...securityZhCN,
	...teacherSchoolsZhCN,
	...rosterZhCN,
	...ceremonyZhCN,
	...stageZhCN,
	...voteZhCN,
	...printZhCN,
	...submitQueueZhCN,
	...passwordResetZhCN,
	...judgingZhCN,
	...judgingMethodsZhCN,
	...judgingPanelZhCN,
	...awardsShownZhCN,
	...accessZhCN
};

export type Messages = { [K in keyof typeof zhCN]: string };
