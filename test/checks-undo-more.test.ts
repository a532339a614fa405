// The checks lessons 9 (undo) and 10 (more) added to the vocabulary, judged on real repositories:
// onBranch, and ran's `option` (git branch -vv), plus the validator accepting both.
import test from 'ava';
import {validateLesson, LessonError} from '../source/lessons/validate-lesson.ts';
import type {Check} from '../source/lessons/lesson-types.ts';
import {withRepo} from './helpers/sandbox-repo.ts';
import {gitOlderThan} from './helpers/git-version.ts';

// git switch arrived in 2.23; before it, checkout does the same moves.
const switchWord = gitOlderThan('2.23') ? 'checkout' : 'switch';

test('onBranch follows the branch HEAD is on, through switch -c, checkout -b and switch back', async t => {
	await withRepo(async repo => {
		await repo.ok('echo "Shipment notes" > notes.txt', 'git add .', 'git commit -m "First box"');
		t.true(await repo.holds({check: 'onBranch', name: 'main'}));
		t.false(await repo.holds({check: 'onBranch', name: 'gift-wrap'}));

		await repo.ok('git branch gift-wrap');
		t.false(await repo.holds({check: 'onBranch', name: 'gift-wrap'}), 'git branch makes the branch but does not switch');

		await repo.ok(`git ${switchWord} gift-wrap`);
		t.true(await repo.holds({check: 'onBranch', name: 'gift-wrap'}));
		t.false(await repo.holds({check: 'onBranch', name: 'main'}));

		await repo.ok('git checkout -b gift-warp');
		t.false(await repo.holds({check: 'onBranch', name: 'gift-wrap'}), 'a near miss is another branch');

		await repo.ok(`git ${switchWord} -`);
		t.true(await repo.holds({check: 'onBranch', name: 'gift-wrap'}));

		const head = (await repo.state()).head!;
		await repo.ok(`git ${switchWord} --detach ${head}`);
		t.false(await repo.holds({check: 'onBranch', name: 'gift-wrap'}), 'a detached HEAD is on no branch');
	});
});

test('ran with option wants one of the options on the last git command', async t => {
	await withRepo(async repo => {
		await repo.ok('echo "Shipment notes" > notes.txt', 'git add .', 'git commit -m "First box"');
		const seeRoutes: Check = {check: 'ran', command: 'branch', action: [''], option: ['-vv'], result: 'succeeded'};

		await repo.ok('git branch');
		t.false(await repo.holds(seeRoutes), 'plain git branch has no -vv');
		t.true(await repo.holds({check: 'ran', command: 'branch', action: ['']}), 'without option, any form counts');

		await repo.ok('git branch -v');
		t.false(await repo.holds(seeRoutes), '-v is not -vv');

		await repo.ok('git branch -vv');
		t.true(await repo.holds(seeRoutes));

		await repo.ok('git branch -a -vv');
		t.true(await repo.holds(seeRoutes), 'other options may come along');

		await repo.ok('echo "- pack carefully" >> notes.txt', 'git commit -am "Pack carefully"');
		t.true(await repo.holds({check: 'ran', command: 'commit', option: ['-a', '--all']}), 'a bundled -am counts as -a');
		t.false(await repo.holds({check: 'ran', command: 'commit', option: ['--amend']}));
	});
});

test('the validator knows onBranch and ran\'s option, and rejects a malformed option', t => {
	const lesson = (passWhen: unknown[]) => ({
		id: 'probe',
		number: 99,
		title: 'Probe',
		command: 'branch',
		intro: 'Probe.',
		steps: [{id: 'one', title: 'One', text: 'Do it.', passWhen, hints: ['Type: git branch -vv'], solution: ['git branch -vv']}],
		summary: ['Done.'],
	});
	const valid = validateLesson(lesson([{check: 'onBranch', name: 'gift-wrap'}, {check: 'ran', command: 'branch', option: ['-vv']}]), 'probe.json');
	t.deepEqual(valid.steps[0]!.passWhen, [{check: 'onBranch', name: 'gift-wrap'}, {check: 'ran', command: 'branch', option: ['-vv']}]);

	const error = t.throws(() => validateLesson(lesson([{check: 'onBranch'}, {check: 'ran', command: 'branch', option: '-vv'}]), 'probe.json'), {instanceOf: LessonError});
	t.regex(error!.message, /onBranch|needs "name"/);
	t.regex(error!.message, /"option" must be a list of texts/);
});
