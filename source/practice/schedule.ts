// When a drill is due again: a simple spaced repetition. Each clean run without hints, played
// when the drill is due, lengthens the wait (1, 3, 7, then 14 days); a run that was not clean, or
// needed hints, brings it back to 1 day. Playing again before the due day changes nothing, so a
// drill replayed six times in a minute is not "due in 14 days".
import {drillNames, type DrillName} from './drill-names.ts';
import {isClean, type DrillRun} from './score.ts';

export const intervalDays = [1, 3, 7, 14] as const;
const dayMs = 24 * 60 * 60 * 1000;

/** A run that can lengthen the wait: nothing forced, lost or twice, and no hint used. */
export const growsWait = (run: DrillRun) => isClean(run) && run.hints === 0;

export type Schedule = {
	due: Date;
	/** Runs in a row that lengthened the wait. */
	streak: number;
};

/** The schedule after these runs (oldest first); undefined for a drill never played (due now). */
export function scheduleOf(runs: readonly DrillRun[]): Schedule | undefined {
	let schedule: Schedule | undefined;
	for (const run of runs) {
		const at = new Date(Date.parse(run.at));
		if (!growsWait(run)) {
			schedule = {streak: 0, due: new Date(at.getTime() + (intervalDays[0] * dayMs))};
		} else if (schedule === undefined || daysFrom(at, schedule.due) <= 0) {
			const streak = schedule === undefined ? 1 : schedule.streak + 1;
			schedule = {streak, due: new Date(at.getTime() + (intervalDays[Math.min(streak, intervalDays.length) - 1]! * dayMs))};
		}
	}

	return schedule;
}

/** When the drill is due; undefined for a drill never played (due now). */
export function dueAt(runs: readonly DrillRun[]): Date | undefined {
	return scheduleOf(runs)?.due;
}

/** Calendar days from `now` to `when`, in the learner's time zone: 0 is today, 1 tomorrow, negative overdue. */
function daysFrom(now: Date, when: Date): number {
	const midnight = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
	return Math.round((midnight(when) - midnight(now)) / dayMs);
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
