// Recover shape 7: the lost box and the box Sam sealed after his forced push both add a line to
// the same file, so bringing the lost box back stops in a conflict that must keep both lines.
import type {SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {Desk, holdsBox, not, quoted, shippedStart, typeLines, type Box, type DrillContent, type StepData} from './world.ts';
import {calm, forcedLook, holdsAll, lookStep, shipStep, summaryEnd} from './recover-shared.ts';

/** Sam adds a line to a file the learner shipped, and seals it. */
function samAppends(box: Box): SetupAction[] {
	return [
		{do: 'sam', line: `echo "${box.line}" >> ${box.file}`},
		{do: 'sam', line: `git add ${box.file}`},
		{do: 'sam', line: `git commit -m "${box.label}"`},
	];
}

/** A box that adds a line to `file` instead of making a file of its own. */
function addsTo(desk: Desk, file: string): Box {
	const {label, line} = desk.box();
	return {file, label: `${label} to ${file}`, line};
}

export function conflicting(random: Random, desk: Desk): DrillContent {
	const start = desk.boxes(random.int(1, 2));
	const shared = start[0]!;
	const lostBox = addsTo(desk, shared.file);
	const newerBox = addsTo(desk, shared.file);
	const lost = [lostBox];
	const newer = [newerBox];
	const everything = [...start, lostBox, newerBox];
	const file = shared.file;
	const settle = [`echo "${shared.line}" > ${file}`, `echo "${lostBox.line}" >> ${file}`, `echo "${newerBox.line}" >> ${file}`, `git add ${file}`];
	const merging = {check: 'inProgress', operation: 'merge'} as const;
	const bringBack: StepData = {
		id: 'bring-back',
		title: 'Bring the lost box back, both lines kept',
		text: `Your {branch} still holds ${quoted(lost)}; the warehouse holds ${quoted(newer)} instead, and both add a line at the end of ${file}. Make your {branch} hold both boxes, with both lines in ${file} and none of git's conflict marker lines, rewriting none of the shipped boxes.`,
		passWhen: [
			{check: 'includesOnline'},
			not({check: 'conflicted'}), not(merging), not({check: 'inProgress', operation: 'rebase'}), not({check: 'inProgress', operation: 'cherry-pick'}),
			not({check: 'markers', where: 'folder'}), not({check: 'markers', where: 'lastCommit'}),
			...holdsAll(everything),
		],
		success: `Your {branch} holds ${quoted(lost)} and ${quoted(newer)}, and ${file} keeps both lines.`,
		nudges: [
			{
				when: [merging, {check: 'conflicted'}],
				say: `The merge stopped at a conflict in ${file}: both boxes added a line at its end, and Git marked the two sides. Keep both lines and none of the <<<<<<< ======= >>>>>>> lines, pack ${file}, then seal the merge.`,
				type: typeLines([...settle, 'git commit --no-edit']),
			},
			{
				when: [merging, {check: 'markers', where: 'folder'}],
				say: `${file} is packed with the conflict marker lines still in it. Write it with the lines to keep, pack it again, then seal the merge.`,
				type: typeLines([...settle, 'git commit --no-edit']),
			},
			{when: [merging], say: 'Every conflict is settled: seal the merge.', type: 'git commit --no-edit'},
			...calm([
				{
					when: [{check: 'markers', where: 'lastCommit'}],
					say: `Your newest box has the conflict marker lines sealed into ${file}. Write it with the lines to keep, and seal it again.`,
					type: typeLines([...settle, 'git commit -m "Keep both lines"']),
				},
				{when: [not({check: 'includesOnline'})], say: `The warehouse's ${quoted(newer)} is not in your {branch} yet.`, type: 'git merge origin/{branch}'},
				{when: [not(holdsBox(lostBox))], say: `Your {branch} holds the warehouse's boxes, but ${file} lacks the line of ${quoted(lost)}. To start this step again as it began, type reset step.`, type: 'reset step'},
				{when: [not(holdsBox(newerBox))], say: `${file} lacks the line of ${quoted(newer)}. To start this step again as it began, type reset step.`, type: 'reset step'},
			]),
		],
		hints: [
			'Join your {branch} with the warehouse\'s history as in any recovery: a merge. This one stops, because both sides changed the end of the same file.',
			`Settle it by hand: ${file} must hold its first line, then both added lines, and no marker lines. Then pack it and seal the merge.`,
			`Type: ${typeLines(['git merge origin/{branch}', ...settle, 'git commit --no-edit'])}`,
		],
		solution: ['git merge origin/{branch}', ...settle, 'git commit --no-edit'],
		wrongMoves: [
			['git push --force'],
			['git merge origin/{branch}', `git add ${file}`, 'git commit --no-edit'],
			['git merge origin/{branch}', `git checkout --theirs ${file}`, `git add ${file}`, 'git commit --no-edit'],
			['git merge origin/{branch}', 'git merge --abort'],
			['git pull --rebase'],
		],
	};
	return {
		variant: `conflicting, ${start.length} start, in ${file}`,
		command: 'reflog',
		intro: [
			`Sam shipped ${quoted(lost)}, which adds a line to ${file}, and you pulled it into your {branch}.`,
			`Then Sam went back to the box before it, sealed ${quoted(newer)}, which adds another line at the same place, and force-pushed: the warehouse lost ${quoted(lost)}.`,
		].join('\n'),
		setup: [
			...shippedStart(start),
			...samAppends(lostBox),
			{do: 'sam', line: 'git push --quiet'},
			{do: 'type', line: 'git pull --quiet --ff-only'},
			{do: 'sam', line: 'git reset --quiet --hard HEAD~1'},
			...samAppends(newerBox),
			{do: 'sam', line: 'git push --quiet --force'},
		],
		steps: [lookStep({what: 'Sam says his last shipment went wrong.', success: forcedLook}), bringBack, shipStep(lost, newer, everything)],
		summary: [
			'Bringing a lost box back can stop in a conflict like any merge: keep what both sides added, remove the <<<<<<< ======= >>>>>>> lines, git add the file and git commit.',
			'git checkout --theirs (or --ours) would throw one side\'s line away: the lost change, or the newer one.',
			...summaryEnd,
		],
	};
}
