// Decides, after each command, what the lesson does next. Pure: it reads only the state it is given.
import {allHold, type CheckContext} from './checks.ts';
import type {Lesson} from './lesson-types.ts';

export type StepOutcome =
	| {kind: 'stay'; nudge: string | undefined}
	| {
		kind: 'advance';
		/** Steps passed by this command, in order. */
		passed: number[];
		/** Steps jumped over without doing them. */
		skipped: number[];
		/** The step now current; equal to the number of steps when the lesson is complete. */
		next: number;
	};

export function evaluateStep(lesson: Lesson, current: number, context: CheckContext): StepOutcome {
	const {steps} = lesson;
	const step = steps[current];
	if (step === undefined) {
		return {kind: 'stay', nudge: undefined};
	}

	let passed: number[];
	let skipped: number[] = [];
	if (allHold(step.passWhen, context)) {
		passed = [current];
	} else {
		// A learner who reached a later step's state has done that step: move on, and say what was skipped.
		// A step with events of its own (Sam ships meanwhile) must begin properly: never jump into it.
		const reached = steps.findIndex((later, index) => index > current && !later.afterPrevious && later.onStart.length === 0 && allHold(later.passWhen, context));
		if (reached === -1) {
			const nudge = step.nudges.find(candidate => allHold(candidate.when, context));
			return {kind: 'stay', nudge: nudge?.say};
		}

		passed = [reached];
		skipped = steps.slice(current, reached).map((_, offset) => current + offset);
	}

	// One command can do several steps at once (git add . packs every file): pass each one that
	// already holds, judged from a fresh start so counts of new commits begin again.
	const fresh: CheckContext = {...context, stepStartHead: context.state.head, stepStartOnline: context.state.branch === undefined ? undefined : context.state.online.branches[context.state.branch]};
	let next = passed.at(-1)! + 1;
	while (next < steps.length && steps[next]!.onStart.length === 0 && allHold(steps[next]!.passWhen, fresh)) {
		passed.push(next);
		next++;
	}

	return {kind: 'advance', passed, skipped, next};
}
