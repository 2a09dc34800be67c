import type { teacherSchoolsZhCN } from './teacher-schools.zh-CN.ts';

export const teacherSchoolsFr: Record<keyof typeof teacherSchoolsZhCN, string> = {
	'teacherSchools.title': 'Écoles des enseignants',
	'teacherSchools.lead':
		'Un enseignant ne peut ouvrir des classes que dans les écoles où il travaille.',
	'teacherSchools.none': 'Pas encore d’école',
	'teacherSchools.save': 'Enregistrer les écoles',
	'teacherSchools.saved': 'Les écoles de {name} ont été mises à jour.',
	'teacherSchools.noTeachers': 'Il n’y a pas encore de compte enseignant.',
	'teacherSchools.noSchools':
		'Il n’y a pas encore d’école. Ajoutez-les d’abord dans Administration → Écoles.',
	'teacherSchools.notYet':
		'Vous ne faites pas encore partie d’une école. Demandez à un administrateur de vous ajouter à votre école dans Administration → Utilisateurs.',
	'teacherSchools.error.tooMany': 'Un enseignant peut appartenir à {max}\u202fécoles au plus.',
	'teacherSchools.error.notTeacher': 'Cet enseignant est introuvable.',
	'teacherSchools.error.school': 'Choisissez des écoles dans la liste.'
};
