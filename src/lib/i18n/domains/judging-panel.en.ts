import type { judgingPanelZhCN } from './judging-panel.zh-CN.ts';

export const judgingPanelEn: Record<keyof typeof judgingPanelZhCN, string> = {
	'judging.error.rankingGroup': 'This list is not one of yours. Please reload the page.',
	'judging.error.rankingMissing': 'Put every artwork of the list in your order, each one once.',
	'judging.error.rankingDuplicate': 'An artwork appears twice in your order.',
	'judging.error.notYetOpen': 'This judging round opens on {date}; you can save from then on.',
	'judging.error.pastClosing':
		'This judging round closed for judges on {date}; saving is no longer possible. Please contact the organizer.',
	'judging.error.date': 'This date is not valid.',
	'judging.error.datesOrder': 'The closing date must come after the opening date.',
	'judging.error.panelScope':
		'A panel ranks the shortlist: choose “artworks advanced by the previous round”.',
	'judging.form.panelHint':
		'Panel: every judge ranks all the artworks the previous round advanced; the Schulze method combines their orders.',
	'judging.form.opensAt': 'Opens (optional) · {zone}',
	'judging.form.closesAt': 'Closes (optional) · {zone}',
	'judging.form.datesHint':
		'Judges can save only between these dates. The round does not close by itself at the closing date: you close it.',
	'judging.round.settingsPanel': 'Every judge ranks all {entries} shortlisted artworks',
	'judging.round.dates': 'Dates',
	'judging.round.noDates': 'No dates: judges can save while the round is open.',
	'judging.round.datesSave': 'Save dates',
	'judging.round.datesSaved': 'Dates saved.',
	'judging.dates.opens': 'Opens on {date}',
	'judging.dates.closes': 'Closes on {date}',
	'judging.dates.overdue': 'Overdue',
	'judging.dates.overdueHint':
		'The closing date has passed and judges can no longer save. Close the round (or move the closing date).',
	'judging.panel.question': 'Put these artworks in order, best first.',
	'judging.panel.count': '{done} of {total} lists ranked',
	'judging.panel.group': 'Age group {band}',
	'judging.panel.groupAll': 'Shortlist',
	'judging.panel.list': 'Your order',
	'judging.panel.position': 'No. {n}',
	'judging.panel.moveUp': 'Move {handle} up',
	'judging.panel.moveDown': 'Move {handle} down',
	'judging.panel.moved': '{handle} is now number {n} of {total}.',
	'judging.panel.keep': 'Keep this order',
	'judging.panel.saved': 'Saved',
	'judging.panel.notSaved': 'Not saved yet',
	'judging.panel.show': 'Show larger',
	'judging.panel.keys': 'Tab to an artwork, then ↑ ↓ to move it; or drag it. U: undo',
	'judging.panel.allDone':
		'All lists are ranked and saved. You can still change them until the round closes.',
	'judging.panel.waiting': '{count} orders safe on this device, waiting to send',
	'judging.panel.drag': 'Drag {handle}',
	'judging.panel.undone': 'Last move undone.',
	'judging.results.schulzeTitle': 'Schulze ranking and pairwise preferences',
	'judging.results.schulzeHint':
		'Each cell: how many judges put the row’s artwork above the column’s. Green: a majority did.',
	'judging.results.place': 'Schulze place',
	'judging.results.meanPosition': 'Mean position (100 = first for every judge)',
	'judging.results.ballots': 'Orders from {count} judges',
	'judging.results.tieOrderPanel':
		'Schulze ranking first; ties are separated by the mean position in the judges’ orders, then the median position, then the panel’s head-to-head.',
	'judging.awards.tied': 'Tied with {handles}: same award',
	'judging.awards.tieNote':
		'Artworks the published tie-break order cannot separate get the same award.',
	'judging.panel.conflict': 'This order was changed elsewhere; the latest order is shown.',
	'judging.error.criterionLabel': 'Criterion {n}: give it a Chinese name.',
	'judging.error.criterionLabelLength': 'Criterion {n}: names have at most {max} characters.',
	'judging.error.criterionDescription':
		'Criterion {n}: descriptions have at most {max} characters.',
	'judging.error.criterionWeight': 'Criterion {n}: the weight must be above 0 and at most 10.',
	'judging.error.criterionScale':
		'Criterion {n}: the scale must be whole numbers from 0 to {max}, lowest below highest.',
	'judging.error.criteriaNone': 'Keep at least one criterion.',
	'judging.error.criteriaMany': 'At most {max} criteria.',
	'judging.error.criteriaLocked': 'Judges have started scoring: the criteria can no longer change.',
	'judging.criteria.edit': 'Edit the criteria',
	'judging.criteria.hint':
		'You can change them until the first judge gives a score. A Chinese name is required; an empty language shows the Chinese.',
	'judging.criteria.place': 'Place',
	'judging.criteria.name': 'Name ({language})',
	'judging.criteria.description': 'Short description ({language})',
	'judging.criteria.weight': 'Weight',
	'judging.criteria.min': 'Lowest score',
	'judging.criteria.max': 'Highest score',
	'judging.criteria.remove': 'Remove this criterion',
	'judging.criteria.new': 'New criterion (leave empty if not needed)',
	'judging.criteria.save': 'Save the criteria',
	'judging.criteria.saved': 'Criteria saved.',
	'judging.criteria.row': 'Criterion {n}',
	'judging.triage.count':
		'Artworks the judges disagree on: {count}. Each gets one extra judge automatically (once) while a judge has capacity.',
	'judging.triage.item': '{handle} ({judges} judges)'
};
