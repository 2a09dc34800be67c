import { renderSVG } from 'uqr';
import { getManagedClassroom } from '$lib/server/classrooms/classroom.service';
import { listStudentsForTeacher } from '$lib/server/classrooms/classroom.repository';
import { errorOn } from '$lib/server/errors';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'classroom');
	const { db, config } = await getServices();
	const classroom = await getManagedClassroom(db, actor, event.params.id).catch(errorOn);
	const students = await listStudentsForTeacher(db, classroom.id);
	const origin = config.origin ?? event.url.origin;
	const joinUrl = `${origin}/join/${classroom.code}`;
	return {
		classroom: {
			id: classroom.id,
			name: classroom.name,
			code: classroom.code,
			schoolName: classroom.school_name
		},
		joinUrl,
		siteUrl: `${origin}/join`,
		// Server-rendered SVG: prints sharply and needs no script on the teacher's PC.
		qrSvg: renderSVG(joinUrl, { border: 1, ecc: 'M' }),
		students: students.map((s) => ({
			id: s.id,
			pseudonym: s.pseudonym,
			avatar: s.avatar,
			secretKind: s.secret_kind,
			secret: s.secret
		}))
	};
};
