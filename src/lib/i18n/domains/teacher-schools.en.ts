import type { teacherSchoolsZhCN } from './teacher-schools.zh-CN.ts';

export const teacherSchoolsEn: Record<keyof typeof teacherSchoolsZhCN, string> = {
	'teacherSchools.title': 'Schools of teachers',
	'teacherSchools.lead': 'Teachers can open classes only at the schools they work at.',
	'teacherSchools.none': 'No school yet',
	'teacherSchools.save': 'Save schools',
	'teacherSchools.saved': 'The schools of {name} were updated.',
	'teacherSchools.noTeachers': 'There are no teacher accounts yet.',
	'teacherSchools.noSchools': 'There are no schools yet. Add them under Admin → Schools first.',
	'teacherSchools.notYet':
		'You are not part of a school yet. Ask an administrator to add you to your school under Admin → Users.',
	'teacherSchools.error.tooMany': 'A teacher can belong to {max} schools at most.',
	'teacherSchools.error.notTeacher': 'This teacher was not found.',
	'teacherSchools.error.school': 'Choose schools from the list.'
};
