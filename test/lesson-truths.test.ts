// What the lessons say must be true on every path a learner can take. Data checks for the
// statements a review found false, and plays of the paths where texts could drift: a pull that
// merges and one that rebases, a box sealed with conflict markers, a tag on the wrong box.
import test from 'ava';
import type {Lesson, Step} from '../source/lessons/lesson-types.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionAtStep, sessionOptions, shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const lesson = (id: string): Lesson => lessons.find(candidate => candidate.id === id)!;

/** Every text a lesson can show: intro, summary, and each step's text, success, nudges, hints and announcement. */
function textsOf(target: Lesson): string[] {
	return [
		target.title,
		target.intro,
		...target.summary,
		...target.steps.flatMap(step => [step.title, step.text, step.success, step.announce ?? '', ...step.hints, ...step.nudges.map(nudge => nudge.say)]),
	];
}

const allTexts = lessons.flatMap(target => textsOf(target).map(text => ({id: target.id, text})));

test('no lesson says a box records only what changed: a box is a snapshot', t => {
	for (const {id, text} of allTexts) {
		t.notRegex(text, /records only what changed|only the changes?\b(?! you)/i, `${id}: ${text}`);
	}

	t.true(textsOf(lesson('commit')).some(text => /holds every tracked file/.test(text)), 'lesson 2 says what a box holds');
});

test('lesson 1 gives git reset FILE for every git, not only for old ones', t => {
	const summary = lesson('add').summary.join('\n');
	t.notRegex(summary, /git reset FILE on git older/);
	t.regex(summary, /git reset FILE .*every git version/);
});

test('lesson 3: the address check passes only on commands its success text is true for', t => {
	const check = lesson('remote').steps.find(step => step.id === 'check-address')!;
	// The step passes on git remote, git remote show and git remote get-url too: the success may not claim what -v printed.
	t.notRegex(check.success, /^That is your destination list\. With -v/);
	t.notRegex(check.success, /git shows origin twice/);
});

test('lesson 4 does not say git remote -v shows which address form you have', t => {
	for (const text of textsOf(lesson('push'))) {
		t.notRegex(text, /git remote -v shows which form/);
	}

	t.true(textsOf(lesson('push')).some(text => text.includes('git config --get remote.origin.url')));
});

test('a mistyped address is explained with what the real GitHub says', t => {
	t.true(textsOf(lesson('remote')).some(text => text.includes('Repository not found')));
	t.true(textsOf(lesson('sign-in')).some(text => text.includes('Repository not found')));
});

test('lesson 6 says it set pull.rebase false, right after lesson 5 showed a plain pull stopping', t => {
	t.regex(lesson('conflict').intro, /git config pull\.rebase false/);
	t.true(lesson('conflict').setup.some(action => action.do === 'type' && action.line === 'git config pull.rebase false'));
});

/** Whether a text says which side of the markers is whose. */
const assignsSides = (text: string) => /between <<<<<<<[^.]*(=======)[^.]*\b(yours?|Sam's)\b/i.test(text);

test('lesson 6: only a nudge chosen by the operation in progress says which side of the markers is whose', t => {
	const conflict = lesson('conflict');
	for (const step of conflict.steps) {
		for (const text of [step.text, step.success, ...step.hints]) {
			t.false(assignsSides(text), `${step.id} assigns sides whatever the operation: ${text}`);
		}

		for (const nudge of step.nudges.filter(candidate => assignsSides(candidate.say))) {
			const operation = nudge.when.find(check => check.check === 'inProgress');
			t.truthy(operation, `a nudge assigns sides without knowing the operation: ${nudge.say}`);
			if (operation?.check === 'inProgress') {
				// In a merge HEAD is your box; in a rebase it is Sam's.
				const headSide = /between <<<<<<< HEAD and ======= is (yours|Sam's)/.exec(nudge.say)?.[1];
				t.is(headSide, operation.operation === 'merge' ? 'yours' : "Sam's", nudge.say);
			}
		}
	}

	for (const text of textsOf(conflict)) {
		t.false(/Between <<<<<<< and ======= is your line/.test(text), text);
	}

	const resolve = conflict.steps.find(step => step.id === 'resolve')!;
	const sideNudges = resolve.nudges.filter(nudge => assignsSides(nudge.say));
	t.deepEqual(sideNudges.map(nudge => nudge.when.find(check => check.check === 'inProgress')).map(check => check?.check === 'inProgress' ? check.operation : undefined).sort(), ['merge', 'rebase']);
});

test('lesson 6 advises amending a merge sealed with markers, never a fix-up box on top', t => {
	for (const text of textsOf(lesson('conflict'))) {
		t.notRegex(text, /git commit -am "Fix the notes"/);
		t.notRegex(text, /as you decided/);
	}

	const resolve = lesson('conflict').steps.find(step => step.id === 'resolve')!;
	t.true(resolve.nudges.some(nudge => nudge.when.some(check => check.check === 'markers' && check.where === 'lastCommit') && nudge.say.includes('git commit --amend --no-edit')));
	for (const step of lesson('conflict').steps.slice(1)) {
		t.true(step.passWhen.some(check => check.check === 'not' && check.of.check === 'markers' && check.of.where === 'newCommits'), `${step.id} cannot pass with markers in a box sealed during it`);
	}
});

test('lesson 7 forces only todo-fixes, a branch of the learner\'s own, and says the shared branch is never forced', t => {
	const force = lesson('force');
	t.regex(force.intro, /the shared \{branch\}, which everyone pulls from, is never forced/);
	t.true(force.summary.some(line => /shared \{branch\}.*never forced/.test(line)));
	for (const step of force.steps) {
		t.true(step.passWhen.some(check => check.check === 'onBranch' && check.name === 'todo-fixes'), `${step.id} works on todo-fixes`);
		for (const line of [...step.solution, ...step.hints]) {
			t.notRegex(line, /--force.*\{branch\}|\+\{branch\}/, `${step.id}: ${line}`);
		}
	}

	t.is(force.id, 'force');
	t.true(force.steps.some(step => step.mayReplaceOwnBoxes));
	t.notRegex(force.summary.join('\n'), /Amend only boxes nobody else has/);
});

test('lesson 8 speaks of your origin/{branch} wherever it speaks of the reflog or the (forced update) line', t => {
	const recover = lesson('recover');
	for (const text of textsOf(recover).filter(candidate => /reflog|first id on that line/.test(candidate))) {
		t.regex(text, /your origin\/\{branch\}/, text);
	}

	t.notRegex(textsOf(recover).join('\n'), /where the warehouse's \{branch\} was before/);
	t.notRegex(textsOf(recover).join('\n'), /will throw the box away a second time/);
	const find = recover.steps.find(step => step.id === 'find-lost-box')!;
	// The step passes on git reflog too, which prints ids, not labels.
	t.notRegex(find.success, /^There it is/);
});

test('lesson 10: the tag step checks the tag marks {branch}\'s newest box in the warehouse', t => {
	const tagStep = lesson('more').steps.find(step => step.id === 'ship-tag')!;
	t.deepEqual(tagStep.passWhen, [{check: 'tagAt', name: 'v1.0', branch: '{branch}', where: 'online'}]);
});

test('every lesson\'s last hint of each step is a command to type, and each step has a wrong move', t => {
	for (const target of lessons) {
		for (const step of target.steps) {
			t.true(step.hints.at(-1)!.startsWith('Type: '), `${target.id} ${step.id}`);
			t.true(step.wrongMoves.length > 0, `${target.id} ${step.id} has no wrong move`);
		}
	}
});

// ---- Paths through real git ----

type Shown = {texts: string[]; passed: string[]};

/** Plays lines, collecting every text the learner would be shown: step texts, successes, nudges, hints, announcements. */
async function play(session: LessonSession, lines: readonly string[], shown: Shown): Promise<void> {
	const stepShown = (step: Step | undefined) => {
		if (step) {
			shown.texts.push(step.title, step.text, ...(step.announce ? [step.announce] : []));
		}
	};

	for (const line of lines) {
		const report = await session.run(line);
		if (report.outcome?.kind === 'advance') {
			for (const index of report.outcome.passed) {
				shown.texts.push(session.lesson.steps[index]!.success);
				shown.passed.push(session.lesson.steps[index]!.id);
			}

			stepShown(session.lesson.steps[session.step]);
		} else if (report.outcome?.kind === 'stay' && report.outcome.nudge) {
			shown.texts.push(report.outcome.nudge);
		}

		shown.texts.push(...report.announcements, ...session.hints());
		if (report.note) {
			shown.texts.push(report.note);
		}
	}
}

async function playLesson(id: string, branch: string, lines: readonly string[]): Promise<{session: LessonSession; shown: Shown}> {
	const session = await LessonSession.start(lesson(id), sessionOptions(lessons, branch));
	const shown: Shown = {texts: [session.lesson.intro, ...session.openingAnnouncements], passed: []};
	shown.texts.push(session.lesson.steps[0]!.title, session.lesson.steps[0]!.text, ...session.hints());
	await play(session, lines, shown);
	if (session.complete) {
		shown.texts.push(...session.lesson.summary);
	}

	return {session, shown};
}

/** Words that speak of a merge box or sealing a merge: false after a rebase. */
const mergeBox = /merge box|merge that joins|seal(?:ing)? the merge|Merge Sam's|the merge,/i;

for (const branch of ['main', 'master']) {
	test(`pull-first (${branch}), rebase path: every step passes, and nothing shown speaks of a merge box`, async t => {
		const {session, shown} = await playLesson('pull-first', branch, ['git push', 'git pull --rebase', 'git push']);
		try {
			t.true(session.complete, shown.passed.join(', '));
			t.is(session.state.commits[0]?.parents.length, 1, 'the history is a line: no merge box');
			for (const text of shown.texts) {
				t.notRegex(text, mergeBox, text);
			}
		} finally {
			await session.dispose();
		}
	});

	test(`conflict (${branch}), rebase path: every step passes, the sides are told as in a rebase, and nothing shown speaks of a merge box`, async t => {
		const {session, shown} = await playLesson('conflict', branch, [
			'git push', 'git pull --rebase', 'cat notes.txt', 'git add notes.txt',
			'echo "Shipment notes" > notes.txt', 'echo "- pack in bubble wrap and newspaper" >> notes.txt', 'git add notes.txt', 'git rebase --continue', 'git push',
		]);
		try {
			t.true(session.complete, shown.passed.join(', '));
			t.deepEqual(shown.passed, ['pull-conflict', 'resolve', 'ship']);
			for (const text of shown.texts) {
				t.notRegex(text, mergeBox, text);
				t.notRegex(text, /between <<<<<<< HEAD and ======= is yours/, text);
			}

			t.true(shown.texts.some(text => text.includes('In this rebase, HEAD is Sam\'s box')), 'the rebase\'s sides were told');
		} finally {
			await session.dispose();
		}
	});

	test(`conflict (${branch}), merge path: the sides are told as in a merge`, async t => {
		const {session, shown} = await playLesson('conflict', branch, [
			'git push', 'git pull', 'cat notes.txt', 'echo "Shipment notes" > notes.txt', 'echo "- pack in bubble wrap and newspaper" >> notes.txt',
			'git add notes.txt', 'git commit -m "Merge Sam\'s packing notes"', 'git push',
		]);
		try {
			t.true(session.complete, shown.passed.join(', '));
			t.is(session.state.commits[0]?.parents.length, 2, 'a merge box');
			t.false(shown.texts.some(text => text.includes('In this rebase')), 'no rebase text on the merge path');
		} finally {
			await session.dispose();
		}
	});
}

test('conflict: a merge sealed with markers is amended; a fix-up box on top does not pass, and folding it in does', async t => {
	const conflict = lesson('conflict');
	const session = await sessionAtStep(conflict, 1, sessionOptions(lessons));
	try {
		await session.run('git add notes.txt');
		const sealed = await session.run('git commit -m "Merge"');
		const said = sealed.outcome?.kind === 'stay' ? sealed.outcome.nudge ?? '' : '';
		t.regex(said, /git commit --amend --no-edit/);
		t.regex(said, /not shipped yet/);
		await session.run('echo "Shipment notes" > notes.txt');
		const fixedUp = await session.run('git commit -am "Fix the notes"');
		t.is(session.step, 1, 'a fix-up box on top leaves the markers in the history');
		t.regex(fixedUp.outcome?.kind === 'stay' ? fixedUp.outcome.nudge ?? '' : '', /git reset --soft HEAD~1/);
		const pushed = await session.run('git push');
		t.is(session.step, 1, 'shipping the markers inside the history does not pass');
		t.regex(pushed.outcome?.kind === 'stay' ? pushed.outcome.nudge ?? '' : '', /is in the warehouse now/);
	} finally {
		await session.dispose();
	}
});

test('conflict: amending the merge sealed with markers resolves it, and the ship step passes', async t => {
	const conflict = lesson('conflict');
	const session = await sessionAtStep(conflict, 1, sessionOptions(lessons));
	try {
		await play(session, ['git add notes.txt', 'git commit -m "Merge"', 'echo "Shipment notes" > notes.txt', 'echo "- pack in bubble wrap" >> notes.txt', 'git add notes.txt', 'git commit --amend --no-edit'], {texts: [], passed: []});
		t.is(session.step, 2);
		await session.run('git push');
		t.true(session.complete);
	} finally {
		await session.dispose();
	}
});

test('more: a tag put on gift-wrap\'s box does not pass; moved onto {branch} and shipped again, it does', async t => {
	const more = lesson('more');
	const tagStep = more.steps.findIndex(step => step.id === 'ship-tag');
	const session = await sessionAtStep(more, tagStep, sessionOptions(lessons));
	try {
		await session.run('git tag v1.0');
		await session.run('git push --tags');
		t.is(session.step, tagStep);
		// On gift-wrap the tutor first says to go back to main; there, that the tag is on the wrong box.
		await session.run('git checkout main');
		t.is(session.step, tagStep);
		t.regex(session.nudge() ?? '', /not main's newest/);
		t.is(session.hints().at(-1), 'Type: git tag -f v1.0 main');
		await session.run('git tag -f v1.0 main');
		t.is(session.hints().at(-1), 'Type: git push --force origin v1.0');
		await session.run('git push --force origin v1.0');
		t.is(session.step, tagStep + 1);
	} finally {
		await session.dispose();
	}
});

test('more: an annotated tag on {branch}\'s newest box passes the tag step', async t => {
	const more = lesson('more');
	const tagStep = more.steps.findIndex(step => step.id === 'ship-tag');
	const session = await sessionAtStep(more, tagStep, sessionOptions(lessons));
	try {
		await session.run('git checkout main');
		await session.run('git tag -a v1.0 -m "Version 1.0"');
		await session.run('git push origin v1.0');
		t.is(session.step, tagStep + 1);
	} finally {
		await session.dispose();
	}
});

test('ignore: deleting photo.txt or a rule that does not match it is not called ignoring it', async t => {
	const session = await sessionAtStep(lesson('ignore'), 1, sessionOptions(lessons));
	try {
		const wrongRule = await session.run('echo "photo" > .gitignore');
		t.regex(wrongRule.outcome?.kind === 'stay' ? wrongRule.outcome.nudge ?? '' : '', /does not match photo\.txt/);
		await session.run('rm photo.txt');
		await session.run('echo "photo.txt" > .gitignore');
		t.is(session.step, 1, 'no photo.txt, nothing ignored');
	} finally {
		await session.dispose();
	}
});

test('stash: throwing the change away instead of stashing it does not pass, and is said', async t => {
	const session = await sessionAtStep(lesson('stash'), 1, sessionOptions(lessons));
	try {
		const discarded = await session.run('git checkout -- notes.txt');
		t.is(session.step, 1);
		t.regex(discarded.outcome?.kind === 'stay' ? discarded.outcome.nudge ?? '' : '', /not in the stash/);
	} finally {
		await session.dispose();
	}
});

test('force: on the merge path too (git pull --no-rebase), integrating Sam\'s box ships without force, on todo-fixes', async t => {
	const force = lesson('force');
	const integrate = force.steps.findIndex(step => step.id === 'integrate');
	const session = await sessionAtStep(force, integrate, sessionOptions(lessons));
	try {
		await session.run('git pull --no-rebase');
		const pushed = await session.run('git push');
		t.is(pushed.outcome?.kind, 'advance');
		t.true(session.complete);
		t.is(session.state.branch, 'todo-fixes');
		t.is(session.loss, undefined);
	} finally {
		await session.dispose();
	}
});
