// Through the lesson session, as the learner sees it: lesson 5's untracked map.txt no longer
// sends the learner round in a loop, and lesson 3's <url> is answered with the real address.
import test from 'ava';
import {sessionAtStep, sessionOptions, shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const lesson = (id: string) => lessons.find(candidate => candidate.id === id)!;

test('lesson 5: git pull --no-rebase with an untracked map.txt on the desk names map.txt and a way out that works', async t => {
	const session = await sessionAtStep(lesson('pull-first'), 1, sessionOptions(lessons));
	try {
		await session.run('echo "My own map" > map.txt');
		const pull = await session.run('git pull --no-rebase');
		t.regex(pull.explanation?.meaning ?? '', /would bring its own map\.txt and overwrite yours/);
		t.regex(pull.explanation?.wayOut ?? '', /mv map\.txt map-mine\.txt, then git pull --no-rebase/);
		// The way out, typed, brings Sam's box home.
		t.is((await session.run('mv map.txt map-mine.txt')).result.kind, 'helper');
		const again = await session.run('git pull --no-rebase');
		t.is(again.result.kind === 'git' ? again.result.result.exitCode : -1, 0);
		t.is(again.explanation, undefined);
	} finally {
		await session.dispose();
	}
});

test('lesson 3: git remote add origin <url> is told the online address, and git push --froce is a typo', async t => {
	const session = await sessionAtStep(lesson('remote'), 0, sessionOptions(lessons));
	try {
		const typed = await session.run('git remote add origin <url>');
		t.is(typed.result.kind, 'refused');
		t.regex(typed.result.kind === 'refused' ? typed.result.message : '', /Type: git remote add origin https:\/\/github\.com\/learner\/shipment\.git$/);
		const typo = await session.run('git push --froce');
		t.is(typo.explanation?.wayOut, 'Did you mean --force? Type: git push --force');
	} finally {
		await session.dispose();
	}
});
