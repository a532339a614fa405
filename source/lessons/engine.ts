// Decides, after each command, what the lesson does next. Pure: it reads only the state it is given.
import {allHold, type CheckContext} from './checks.ts';
import type {Lesson} from './lesson-types.ts';
import {fillFromState} from './fill-state.ts';
import {situationOf, type SituationContext} from './situations.ts';

export type StepOutcome =
	/** `loss`: the nudge reports boxes the warehouse lost, which outranks everything. */
	| {kind: 'stay'; nudge: string | undefined; loss?: boolean}
	| {
		kind: 'advance';
		/** Steps passed by this command, in order. */
		passed: number[];
		/** Steps jumped over without doing them. */
		skipped: number[];
		/** The step now current; equal to the number of steps when the lesson is complete. */
		next: number;
	};

export type EngineContext = CheckContext & SituationContext;

export function evaluateStep(lesson: Lesson, current: number, context: EngineContext): StepOutcome {
	const {steps} = lesson;
	const step = steps[current];
	if (step === undefined) {
		return {kind: 'stay', nudge: undefined};
	}

	// Boxes the warehouse lost outrank everything: no step passes while they are missing.
	const loss = context.loss && context.loss.boxes.length > 0 ? situationOf(context, step) : undefined;
	if (loss) {
		return {kind: 'stay', nudge: fillFromState(loss.say, context.state), loss: true};
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
			return {kind: 'stay', nudge: chooseNudge(lesson, current, context)};
		}

		passed = [reached];
		skipped = steps.slice(current, reached).map((_, offset) => current + offset);
	}

	// One command can do several steps at once (git add . packs every file): pass each one that
	// already holds, judged from a fresh start so counts of new commits begin again.
	const fresh: CheckContext = {...context, stepStartHead: context.state.head, stepStartWarehouse: context.state.online.reachable};
	let next = passed.at(-1)! + 1;
	while (next < steps.length && steps[next]!.onStart.length === 0 && allHold(steps[next]!.passWhen, fresh)) {
		passed.push(next);
		next++;
	}

	return {kind: 'advance', passed, skipped, next};
}

/** The step's own nudge, unless something more severe holds (an operation, another branch). */
export function chooseNudge(lesson: Lesson, current: number, context: EngineContext): string | undefined {
	const step = lesson.steps[current];
	const own = step?.nudges.find(candidate => allHold(candidate.when, context));
	const say = situationOf(context, step, own !== undefined)?.say ?? own?.say;
	return say === undefined ? undefined : fillFromState(say, context.state);
}

/** The hints for where the learner stands: a situation's own when one holds, else the step's. */
export function currentHints(lesson: Lesson, current: number, context: EngineContext): string[] {
	const step = lesson.steps[current];
	const own = step?.nudges.find(candidate => allHold(candidate.when, context));
	const situation = situationOf(context, step, own !== undefined);
	// A nudge that names the command for the state it describes ends the hints with that command.
	const hints = situation?.hints ?? (own?.type && step ? [...step.hints.slice(0, -1), `Type: ${own.type}`] : step?.hints ?? []);
	return hints.map(hint => fillFromState(hint, context.state));
}
