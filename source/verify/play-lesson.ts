// Plays one lesson through real git, as verify and the test suite check it: at each step, the
// state where it begins must not pass it, no wrong move may pass it, every alternative must,
// and the reference solution must pass it and no more. Moves start from a checkpoint of the
// moment the step begins (a copy of the sandbox put back at the same path), not from a replay.
import {allHold, holds, type CheckContext} from '../lessons/checks.ts';
import type {Lesson, Step} from '../lessons/lesson-types.ts';
import {olderThan} from '../git/version-number.ts';
import {LessonSession, type SessionCheckpoint} from '../tutor/lesson-session.ts';
import {describeCheck, describeState} from './describe-state.ts';

export type FindingKind =
	/** The lesson could not be set up (a setup line failed, a lesson to continue from is missing). */
	| 'setup'
	/** The step holds where it begins, before anything is typed in it (or rode along with the step before). */
	| 'passes-before'
	| 'solution'
	| 'wrong-move'
	| 'alternative';

export type Finding = {
	kind: FindingKind;
	/** The lesson file, as the loader names it (pack-folder/01-add.json). */
	file: string;
	/** "step 2 (ship)"; undefined for the lesson's setup. */
	step: string | undefined;
	/** The lines played, as the session has them ({branch} filled in). */
	move: string[];
	/** The line that did not do what was expected (undefined: nothing was typed yet). */
	command: string | undefined;
	expected: string;
	/** What the tutor saw instead: the check that failed, or that the step passed, with the state read. */
	seen: string;
};

export type LessonResult = {
	file: string;
	id: string;
	number: number;
	title: string;
	steps: number;
	/** Wrong moves and alternatives played (those for a newer git are skipped, with a note). */
	wrongMoves: number;
	alternatives: number;
	/** Why something was not played: a move for a newer git, steps after a solution that failed. */
	notes: string[];
	/** Set when the whole lesson was not played: why (it needs a newer git). */
	skipped?: string;
	findings: Finding[];
	/** How long the lesson took to play. */
	seconds: number;
};

export type PlayOptions = {
	/** Every lesson of the pack, for setups that continue from another. */
	lessons: readonly Lesson[];
	branch: string;
	/** The git that runs the moves: lessons speak its language, and moves for newer git are skipped. */
	gitVersion: string;
	/** Where sandboxes go (the system temp folder by default). */
	workdir?: string | undefined;
};

/** A move may start with "# needs git X.Y.Z: why" (a comment the tutor ignores): the git it needs. */
export function neededGit(move: readonly string[]): string | undefined {
	return /^\s*# needs git (\d+\.\d+(?:\.\d+)?)/.exec(move[0] ?? '')?.[1];
}

const stepLabel = (index: number, step: Step) => `step ${index + 1} (${step.id})`;

/** The first check of the step that does not hold, with the state it read (and the last command, for `ran`). */
function whyNot(step: Step, context: CheckContext): string {
	const failed = step.passWhen.find(check => !holds(check, context));
	if (failed === undefined) {
		return `every check held; ${describeState(context.state)}`;
	}

	const git = context.last.git;
	const last = failed.check === 'ran' || failed.check === 'forcedPush' || failed.check === 'showedLostBox'
		? `; last git command: ${git ? `git ${git.args.subcommand} (exit ${git.exitCode}${git.failure ? `, ${git.failure.id}` : ''})` : 'none'}`
		: '';
	return `${describeCheck(failed)} does not hold${last}; ${describeState(context.state)}`;
}

export async function playLesson(lesson: Lesson, options: PlayOptions): Promise<LessonResult> {
	const started = performance.now();
	const result: LessonResult = {file: lesson.source, id: lesson.id, number: lesson.number, title: lesson.title, steps: lesson.steps.length, wrongMoves: 0, alternatives: 0, notes: [], findings: [], seconds: 0};
	// A lesson written for a newer git's behaviour is not judged by an older one.
	const needs = lesson.requires?.git;
	if (needs !== undefined && olderThan(options.gitVersion, needs)) {
		result.skipped = `it is written for git ${needs} or newer, and this is git ${options.gitVersion}`;
		result.notes.push(`skipped: ${result.skipped}`);
		return result;
	}

	try {
		await playSteps(lesson, options, result);
	} finally {
		result.seconds = Math.round((performance.now() - started) / 100) / 10;
	}

	return result;
}

async function playSteps(lesson: Lesson, options: PlayOptions, result: LessonResult): Promise<void> {
	let session: LessonSession;
	try {
		session = await LessonSession.start(lesson, {lessons: options.lessons, branch: options.branch, gitVersion: options.gitVersion, workdir: options.workdir, color: false});
	} catch (error) {
		result.findings.push({kind: 'setup', file: lesson.source, step: undefined, move: [], command: undefined, expected: 'the setup builds the starting world', seen: (error as Error).message});
		return;
	}

	try {
		for (const [index, step] of session.lesson.steps.entries()) {
			if (!await playStep(session, index, step, result, options.gitVersion)) {
				const rest = session.lesson.steps.length - index - 1;
				if (rest > 0) {
					result.notes.push(`${stepLabel(index, step)}: the ${rest === 1 ? 'step' : `${rest} steps`} after it could not be checked`);
				}

				break;
			}
		}
	} finally {
		await session.dispose();
	}
}

/** Checks one step from where it begins and leaves the session after its solution; false when the lesson cannot go on. */
async function playStep(session: LessonSession, index: number, step: Step, result: LessonResult, gitVersion: string): Promise<boolean> {
	const where = stepLabel(index, step);
	const finding = (kind: FindingKind, move: string[], command: string | undefined, expected: string, seen: string) => {
		result.findings.push({kind, file: result.file, step: where, move, command, expected, seen});
	};

	// Nothing typed in the step yet: no last command, and the step's baselines are this moment.
	const start: CheckContext = {...session.checkContext(), last: {}};
	if (allHold(step.passWhen, start)) {
		finding('passes-before', [], undefined, 'the step does not pass before anything is typed in it', `every check already holds where the step begins; ${describeState(start.state)}`);
	}

	const playable = (move: string[], what: string) => {
		const needs = neededGit(move);
		if (needs !== undefined && olderThan(gitVersion, needs)) {
			result.notes.push(`${where}: ${what} "${move.join(' ; ')}" skipped: it needs git ${needs}, this is ${gitVersion}`);
			return false;
		}

		return true;
	};

	const wrongMoves = step.wrongMoves.filter(move => playable(move, 'wrong move'));
	const alternatives = (step.alternatives ?? []).filter(move => playable(move, 'alternative'));
	result.wrongMoves += wrongMoves.length;
	result.alternatives += alternatives.length;
	if (wrongMoves.length + alternatives.length > 0) {
		const checkpoint = await session.checkpoint();
		try {
			await playMoves(session, checkpoint, index, wrongMoves, alternatives, finding);
			await session.restore(checkpoint);
		} finally {
			await session.discard(checkpoint);
		}
	}

	for (const line of step.solution) {
		const report = await session.run(line);
		if (report.result.kind === 'refused') {
			finding('solution', step.solution, line, 'the line runs', `the tutor refused it: ${report.result.message}`);
			return false;
		}
	}

	if (session.step === index) {
		finding('solution', step.solution, step.solution.at(-1), 'the solution passes the step', whyNot(step, session.checkContext()));
		return false;
	}

	if (session.step > index + 1) {
		// The engine passed later steps along with this one: a learner on this path never sees them.
		const later = session.lesson.steps.slice(index + 1, session.step).map((other, offset) => stepLabel(index + 1 + offset, other));
		result.findings.push({kind: 'passes-before', file: result.file, step: later[0], move: step.solution, command: step.solution.at(-1), expected: `the step begins after ${where} passes, and does not hold there`, seen: `${later.join(', ')} passed together with ${where}; ${describeState(session.state)}`});
		return false;
	}

	return true;
}

type Report = (kind: FindingKind, move: string[], command: string | undefined, expected: string, seen: string) => void;

async function playMoves(session: LessonSession, checkpoint: SessionCheckpoint, index: number, wrongMoves: string[][], alternatives: string[][], finding: Report): Promise<void> {
	const step = session.lesson.steps[index]!;
	let dirty = false;
	const fromCheckpoint = async () => {
		if (dirty) {
			await session.restore(checkpoint);
		}

		dirty = true;
	};

	for (const move of wrongMoves) {
		await fromCheckpoint();
		for (const line of move) {
			await session.run(line);
			if (session.step !== index) {
				const now = session.lesson.steps[session.step];
				const moved = now === undefined ? 'the lesson was complete' : `the tutor moved on to ${stepLabel(session.step, now)}`;
				finding('wrong-move', move, line, 'the wrong move does not pass the step', `the step passed (${moved}); ${describeState(session.state)}`);
				break;
			}
		}
	}

	for (const move of alternatives) {
		await fromCheckpoint();
		let refused: {line: string; message: string} | undefined;
		for (const line of move) {
			const report = await session.run(line);
			if (report.result.kind === 'refused') {
				refused = {line, message: report.result.message};
				break;
			}

			if (session.step !== index) {
				break;
			}
		}

		if (refused !== undefined) {
			finding('alternative', move, refused.line, 'the alternative passes the step', `the tutor refused the line: ${refused.message}`);
		} else if (session.step === index) {
			finding('alternative', move, move.at(-1), 'the alternative passes the step', whyNot(step, session.checkContext()));
		}
	}
}
