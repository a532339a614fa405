// Scenarios off a lesson's reference path, through real git. That every reference solution passes
// each step in turn, that no step passes before anything is typed, and that no wrong move passes,
// is verify's player's to check (test/verify.test.ts plays the built-in pack on main and master).
import test from 'ava';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionAtStep, sessionOptions, shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();

test('the built-in lessons are numbered 1 up, in menu order, with no gap', t => {
	t.true(lessons.length > 0);
	t.deepEqual(lessons.map(lesson => lesson.number), lessons.map((_, index) => index + 1));
});

test('conflict: adding notes.txt with its markers still in is not called resolved', async t => {
	const conflict = lessons.find(lesson => lesson.id === 'conflict')!;
	const session = await sessionAtStep(conflict, 1, sessionOptions(lessons));
	try {
		const report = await session.run('git add notes.txt');
		t.is(report.outcome?.kind, 'stay');
		t.regex(report.outcome?.kind === 'stay' ? report.outcome.nudge ?? '' : '', /still holds conflict markers/);
		const cleaned = await session.run('echo "Shipment notes" > notes.txt');
		t.is(cleaned.outcome?.kind, 'stay');
		const added = await session.run('git add notes.txt');
		t.regex(added.outcome?.kind === 'stay' ? added.outcome.nudge ?? '' : '', /Everything is resolved/);
	} finally {
		await session.dispose();
	}
});

test('recover: a pull that merges at once (as a plain pull does on git before 2.33.1) still has the learner look first', async t => {
	const recover = lessons.find(lesson => lesson.id === 'recover')!;
	const session = await sessionAtStep(recover, 0, sessionOptions(lessons));
	try {
		const pulled = await session.run('git pull --no-rebase');
		t.is(pulled.outcome?.kind, 'stay');
		t.regex(pulled.outcome?.kind === 'stay' ? pulled.outcome.nudge ?? '' : '', /merged at once/);
		t.is((await session.run('git fetch')).outcome?.kind, 'advance');
		t.is(session.step, 1, 'the lost box is still to be found');
		const looked = await session.run('git log --oneline');
		// Finding the box passes the merge step too: it is done already.
		t.deepEqual(looked.outcome?.kind === 'advance' ? looked.outcome.passed : [], [1, 2]);
	} finally {
		await session.dispose();
	}
});

test('more, on a git older than 2.23: every command the lesson shows is git checkout, and its solution passes every step', async t => {
	const more = lessons.find(lesson => lesson.id === 'more')!;
	const session = await LessonSession.start(more, {...sessionOptions(lessons), gitVersion: '2.22.0'});
	try {
		const [first, ...rest] = session.lesson.steps;
		// The first step shows both spellings; everything after it speaks the old git's language.
		t.regex(first!.text, /git checkout -b gift-wrap/);
		t.notRegex(JSON.stringify({...session.lesson, steps: rest}), /git switch/);
		t.deepEqual(first!.solution, ['git checkout -b gift-wrap']);
		for (const step of session.lesson.steps) {
			for (const line of step.solution) {
				await session.run(line);
			}
		}

		t.true(session.complete);
	} finally {
		await session.dispose();
	}
});

test('add, on a git older than 2.23: git restore gets the too-new explanation, not the nudge about HEAD', async t => {
	const add = lessons.find(lesson => lesson.id === 'add')!;
	const restoreStep = add.steps.findIndex(step => step.nudges.some(nudge => nudge.say.includes('could not resolve HEAD')));
	const session = await sessionAtStep(add, restoreStep, {...sessionOptions(lessons), gitVersion: '2.22.0'});
	try {
		const report = await session.run('git restore --staged photo.txt');
		// Where git really lacks restore the tutor refuses it before git runs; where it has it, git's failure is explained. Either says the same.
		const said = report.result.kind === 'refused' ? report.result.message : report.explanation?.meaning ?? '';
		t.regex(said, /git restore arrived in git 2\.23/);
		t.is(session.step, restoreStep, 'the step did not pass');
		t.notRegex(report.outcome?.kind === 'stay' ? report.outcome.nudge ?? '' : '', /could not resolve HEAD/);
	} finally {
		await session.dispose();
	}
});

test('conflict: a learner who pulled with --rebase is told to go on with the rebase, not to seal a merge', async t => {
	const conflict = lessons.find(lesson => lesson.id === 'conflict')!;
	const session = await sessionAtStep(conflict, 0, sessionOptions(lessons));
	try {
		// The lesson sets pull.rebase false; this learner chose otherwise.
		await session.run('git pull --rebase');
		await session.run('echo "Shipment notes" > notes.txt');
		const added = await session.run('git add notes.txt');
		t.regex(added.outcome?.kind === 'stay' ? added.outcome.nudge ?? '' : '', /git rebase --continue/);
	} finally {
		await session.dispose();
	}
});
