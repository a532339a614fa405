// When a drill is due again: a simple spaced repetition. Each clean run in a row lengthens the
// wait (1, 3, 7, then 14 days); a run that was not clean brings it back to 1 day.
import {drillNames, type DrillName} from './drill-names.ts';
import {isClean, type DrillRun} from './score.ts';

export const intervalDays = [1, 3, 7, 14] as const;
const dayMs = 24 * 60 * 60 * 1000;

/** Days until the drill is due after its newest run. */
export function intervalAfter(runs: readonly DrillRun[]): number {
	let streak = 0;
	for (const run of runs.toReversed()) {
		if (!isClean(run)) {
			break;
		}

		streak++;
	}

	return streak === 0 ? intervalDays[0] : intervalDays[Math.min(streak, intervalDays.length) - 1]!;
}

/** When the drill is due; undefined for a drill never played (due now). Runs are oldest first. */
export function dueAt(runs: readonly DrillRun[]): Date | undefined {
	const newest = runs.at(-1);
	return newest === undefined ? undefined : new Date(Date.parse(newest.at) + (intervalAfter(runs) * dayMs));
}

/** Calendar days from `now` to `when`, in the learner's time zone: 0 is today, 1 tomorrow, negative overdue. */
function daysFrom(now: Date, when: Date): number {
	const midnight = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
	return Math.round((midnight(when) - midnight(now)) / dayMs);
}

/** Due today (or overdue), or not yet. */
export function isDue(runs: readonly DrillRun[], now: Date): boolean {
	const due = dueAt(runs);
	return due === undefined || daysFrom(now, due) <= 0;
}

/** "new", "due today", "due tomorrow", "due in 3 days": what the menu says of a drill. */
export function dueLabel(runs: readonly DrillRun[], now: Date): string {
	const due = dueAt(runs);
	if (due === undefined) {
		return 'new';
	}

	const days = daysFrom(now, due);
	return days <= 0 ? 'due today' : (days === 1 ? 'due tomorrow' : `due in ${days} days`);
}

/**
 * The drill to practise now: the longest overdue; a drill never played counts as due today, and
 * ties go to the order of the course. `among` limits the choice (the drills whose lesson is done).
 */
export function mostDue(runsOf: (name: DrillName) => readonly DrillRun[], now: Date, among: readonly DrillName[] = drillNames): DrillName {
	const candidates = among.length > 0 ? among : drillNames;
	let chosen = candidates[0]!;
	let chosenDue = Number.POSITIVE_INFINITY;
	for (const name of candidates) {
		const due = dueAt(runsOf(name))?.getTime() ?? now.getTime();
		if (due < chosenDue) {
			chosen = name;
			chosenDue = due;
		}
	}

	return chosen;
}
