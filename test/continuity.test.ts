// The story continues with the learner's own boxes: going straight on from a lesson to the one
// that continues it keeps the learner's repository when it fits; started alone, or when it does
// not fit, the lesson starts from the reference boxes and says so.
import test from 'ava';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionOptions, shippedLessons} from './helpers/lessons.ts';
import {wiredTutor} from './helpers/wired-tutor.ts';

const lessons = shippedLessons();
const lesson = (id: string) => lessons.find(candidate => candidate.id === id)!;
/** Lesson 2 played with the learner's own labels. */
const ownLabels = ['git commit -m "First box"', 'echo "- more tape" >> todo.txt', 'git commit -am "Second box"', 'git log'];

async function ownLessonTwo(): Promise<LessonSession> {
	const session = await LessonSession.start(lesson('commit'), sessionOptions(lessons));
	for (const line of ownLabels) {
		await session.run(line);
	}

	return session;
}

test('lesson 2 with your own labels, then straight on: lesson 3 has your boxes', async t => {
	const previous = await ownLessonTwo();
	t.true(previous.complete);
	const next = await LessonSession.carryOn(previous, lesson('remote'), sessionOptions(lessons));
	t.truthy(next);
	try {
		t.deepEqual(next!.state.commits.map(commit => commit.subject), ['Second box', 'First box']);
		t.is(next!.step, 0);
		// The lesson still plays to the end on the learner's own repository.
		for (const step of next!.lesson.steps) {
			for (const line of step.solution) {
				await next!.run(line);
			}
		}

		t.true(next!.complete);
	} finally {
		await next!.dispose();
	}
});

test('started alone, lesson 3 has the reference boxes', async t => {
	const alone = await LessonSession.start(lesson('remote'), sessionOptions(lessons));
	try {
		t.deepEqual(alone.state.commits.map(commit => commit.subject), ['Add tape to todo', 'Pack notes and todo']);
	} finally {
		await alone.dispose();
	}
});

test('a repository that does not fit the next lesson\'s start is not carried on', async t => {
	const previous = await ownLessonTwo();
	try {
		// Lesson 3 begins with no remote: one added early does not fit.
		await previous.run('git remote add origin https://github.com/learner/shipment.git');
		t.is(await LessonSession.carryOn(previous, lesson('remote'), sessionOptions(lessons)), undefined);
		// Nor does a lesson that does not continue from this one.
		t.is(await LessonSession.carryOn(previous, lesson('push'), sessionOptions(lessons)), undefined);
	} finally {
		await previous.dispose();
	}
});

test('through the tutor: next on the complete screen carries your boxes on and says so; the menu\'s lesson 3 says it starts from the reference', async t => {
	const tutor = wiredTutor(lessons);
	try {
		await tutor.controller.openLesson('commit');
		for (const line of ownLabels) {
			await tutor.controller.enqueue(line);
		}

		t.is(tutor.store.getState().screen.name, 'complete');
		tutor.controller.frameDrawn();
		const drawn = async () => {
			for (let tries = 0; tries < 200 && !tutor.store.getState().completeDrawn; tries++) {
				await new Promise(resolve => setTimeout(resolve, 10));
			}
		};

		await drawn();
		tutor.controller.handleInput('next\r');
		for (let tries = 0; tries < 500 && tutor.store.getState().screen.name !== 'lesson'; tries++) {
			await new Promise(resolve => setTimeout(resolve, 10));
		}

		const said = tutor.store.getState().transcript.map(line => line.text);
		t.true(said.some(text => text.includes('Your own repository carries on from lesson 2, with your boxes "Second box", "First box"')), said.join('\n'));
		t.deepEqual(tutor.store.getState().view?.diagram.waiting.map(box => box.subject), ['Second box', 'First box']);

		await tutor.controller.toMenu();
		await tutor.controller.openLesson('remote');
		t.true(tutor.store.getState().transcript.some(line => line.text === 'This lesson starts where lesson 2 ends, with the boxes of its reference solution.'));
	} finally {
		await tutor.controller.quit();
	}
});

test('a lesson left mid-way goes on from the step reached; reset starts it over, reset step only the step', async t => {
	const tutor = wiredTutor(lessons);
	try {
		await tutor.controller.openLesson('add');
		await tutor.controller.enqueue('git status');
		t.is(tutor.store.getState().view?.step, 1);
		await tutor.controller.toMenu();
		await tutor.controller.openLesson('add');
		t.is(tutor.store.getState().view?.step, 1, 'the step reached last time');
		const said = () => tutor.store.getState().transcript.map(line => line.text);
		t.true(said().some(text => text.startsWith('You reached step 2 of 4 last time')), said().join('\n'));

		// reset step: the current step starts afresh (a file packed by mistake is out of the box again).
		await tutor.controller.enqueue('git add todo.txt');
		await tutor.controller.enqueue('reset step');
		t.is(tutor.store.getState().view?.step, 1);
		t.deepEqual(tutor.store.getState().view?.diagram.openBox, []);
		t.true(said().some(text => text.startsWith('Step 2 is back as it started')));

		await tutor.controller.enqueue('reset');
		t.is(tutor.store.getState().view?.step, 0, 'reset alone starts the lesson over');
	} finally {
		await tutor.controller.quit();
	}
});
