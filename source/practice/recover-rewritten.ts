// Recover shapes where Sam tidied with a rebase: the boxes after the one he dropped are new
// copies (same labels, new ids). Merging the old history would put those boxes in twice, so the
// goal is a straight line: the warehouse's history with only the lost boxes copied on top.
import type {Check, Nudge, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {Desk, holdsBox, not, quoted, samSeals, settled, shippedStart, typeLines, type DrillContent, type StepData} from './world.ts';
import {forcedLook, holdsAll, lookStep, shipStep, summaryEnd} from './recover-shared.ts';

/** Sam's lines that drop the boxes at these places (0 = his oldest of `count`), newest first so places stay valid. */
function dropLines(count: number, places: readonly number[]): SetupAction[] {
	let left = count;
	return [...places].sort((a, b) => b - a).map(place => {
		const line = place === left - 1
			? 'git reset --quiet --hard HEAD~1'
			: `git rebase --quiet --onto HEAD~${left - place} HEAD~${left - place - 1}`;
		left--;
		return {do: 'sam', line};
	});
}

/** No merge box at the top: the history is a straight line (a merge here would hold replayed boxes twice). */
const straight: Check = not({check: 'mergeCommit'});

/** Said over a merge box; `old` names what merging brings the old copies from (true of every merge of it). */
const mergeNudge = (old: string): Nudge => ({
	when: [{check: 'mergeCommit'}],
	say: `Your newest box is a merge box. The goal is a straight line with each box once: merging ${old} brings back the old copies of the boxes Sam replayed too, so history would hold them twice. To start this step again as it began, type reset step.`,
	type: 'reset step',
});

/** 5. Sam's tidy dropped boxes that are not neighbours; the learner's branch still holds them all. */
export function severalApart(random: Random, desk: Desk): DrillContent {
	const start = desk.boxes(random.int(1, 2));
	const sams = desk.boxes(random.int(3, 4));
	const places = sams.length === 3 ? [0, 2] : random.pick([[0, 2], [1, 3], [0, 3]]);
	const lost = sams.filter((_, index) => places.includes(index));
	const kept = sams.filter((_, index) => !places.includes(index));
	const newer = desk.boxes(random.int(0, 1));
	const everything = [...start, ...sams, ...newer];
	const bringBack: StepData = {
		id: 'bring-back',
		title: 'Bring the lost boxes back',
		text: `Sam's tidy dropped ${quoted(lost)}, which are not neighbours; the boxes he kept after the first of them are new copies now (same labels, new ids). Your {branch} still holds the old history. Make your {branch} the warehouse's history with ${quoted(lost)} on top: each box once, in a straight line, with no merge box.`,
		passWhen: [{check: 'includesOnline'}, ...settled, straight, not({check: 'boxTwice'}), ...holdsAll(everything)],
		success: `Your {branch} is the warehouse's history with ${quoted(lost)} on top, each box once.`,
		nudges: [
			mergeNudge('a history that holds the lost boxes'),
			{when: [not({check: 'includesOnline'})], say: 'The warehouse\'s new history is not under your boxes yet. Put your {branch}\'s boxes on top of it: a box whose change the warehouse already holds is left out.', type: 'git rebase origin/{branch}'},
			...lost.map(box => ({
				when: [not(holdsBox(box))],
				say: `Your {branch} holds the warehouse's history but not "${box.label}". Your own reflog still lists where your {branch} was before.`,
				type: typeLines(['git reflog', `git cherry-pick {box:${box.label}}`]),
			})),
		],
		hints: [
			'Merging your old history would bring back the old copies of the boxes Sam replayed, next to their new copies.',
			'Put your own boxes on top of the warehouse\'s history instead: rebasing onto origin/{branch} leaves out each box whose change is already there, so only the lost ones are copied. (A rebase without naming origin/{branch} may skip them too.)',
			'Type: git rebase origin/{branch}',
		],
		solution: ['git rebase origin/{branch}'],
		wrongMoves: [['git push --force'], ['git merge origin/{branch}'], ['git pull --rebase'], ['git rebase'], ['git reset --hard origin/{branch}']],
	};
	return {
		variant: `several apart, lost ${places.map(place => place + 1).join(' and ')} of ${sams.length}, ${newer.length} newer`,
		command: 'reflog',
		intro: [
			`Sam shipped ${quoted(sams)}, and you pulled them into your {branch}.`,
			`Then Sam tidied his boxes with a rebase, dropped ${quoted(lost)} by mistake${newer.length > 0 ? `, sealed ${quoted(newer)}` : ''} and force-pushed.`,
		].join('\n'),
		setup: [
			...shippedStart(start),
			...sams.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet'},
			{do: 'type', line: 'git pull --quiet --ff-only'},
			...dropLines(sams.length, places),
			...newer.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet --force'},
		],
		steps: [lookStep({what: 'Sam says his tidy went wrong.', success: forcedLook}), bringBack, shipStep(lost, [...kept, ...newer], everything)],
		summary: [
			'After a rebase, the boxes it replayed are new copies; merging the old history would hold them twice.',
			'git rebase origin/{branch} puts your boxes on top of the warehouse\'s and leaves out the ones whose change is already there: only the lost ones come back. git pull --rebase and a bare git rebase may drop them all, because they remember where origin/{branch} was.',
			...summaryEnd,
		],
	};
}

/** 8. Sam's tidy dropped one box in the middle; the learner only fetched: copy just that box from origin/{branch}'s reflog. */
export function rebasedCopies(random: Random, desk: Desk): DrillContent {
	const start = desk.boxes(random.int(1, 2));
	const sams = desk.boxes(random.int(2, 3));
	// Never Sam's newest: the boxes after the lost one are the replayed copies.
	const place = random.int(0, sams.length - 2);
	const lostBox = sams[place]!;
	const lost = [lostBox];
	const kept = sams.filter(box => box !== lostBox);
	const newer = desk.boxes(random.int(0, 1));
	const everything = [...start, ...sams, ...newer];
	const old = `origin/{branch}@{1}~${sams.length - 1 - place}`;
	const bringBack: StepData = {
		id: 'bring-back',
		title: 'Copy the lost box back',
		text: `Sam's tidy dropped ${quoted(lost)}; the boxes after it are new copies now (same labels, new ids). Your {branch} never held ${quoted(lost)}: you only fetched it. Make your {branch} the warehouse's history with ${quoted(lost)} on top: each box once, in a straight line, with no merge box.`,
		passWhen: [{check: 'includesOnline'}, ...settled, straight, not({check: 'boxTwice'}), ...holdsAll(everything)],
		success: `Your {branch} is the warehouse's history with ${quoted(lost)} on top, each box once.`,
		nudges: [
			mergeNudge('the old position of origin/{branch}'),
			{when: [not({check: 'includesOnline'})], say: 'The warehouse\'s new history is not in your {branch} yet: start from it, and keep any box of yours on top.', type: 'git rebase origin/{branch}'},
			{when: [not(holdsBox(lostBox))], say: `Your {branch} holds the warehouse's history; ${quoted(lost)} is still missing. origin/{branch}'s reflog still leads to it: origin/{branch}@{1} is where the warehouse's branch was before the forced update.`, type: `git cherry-pick ${old}`},
		],
		hints: [
			'Merging the old position would bring back the old copies of the boxes Sam replayed: history would hold them twice. Copy only the lost box instead.',
			`Start from the warehouse's history. The lost box is ${sams.length - 1 - place === 1 ? 'one box' : `${sams.length - 1 - place} boxes`} below where origin/{branch} was before the forced update: ${old}. Copying one box onto your branch is a cherry-pick.`,
			`Type: ${typeLines(['git merge origin/{branch}', `git cherry-pick ${old}`])}`,
		],
		solution: ['git reflog show origin/{branch}', 'git merge origin/{branch}', `git cherry-pick ${old}`],
		wrongMoves: [
			['git push --force'],
			['git merge origin/{branch}@{1}', 'git merge origin/{branch}'],
			['git merge origin/{branch}'],
			['git merge origin/{branch}', 'git cherry-pick origin/{branch}@{1}'],
		],
	};
	return {
		variant: `rebased copies, lost box ${place + 1} of ${sams.length}, ${newer.length} newer`,
		command: 'cherry-pick',
		intro: [
			`Sam shipped ${quoted(sams)}; you fetched them, but did not bring them into your {branch}.`,
			`Then Sam tidied his boxes with a rebase, dropped ${quoted(lost)} by mistake${newer.length > 0 ? `, sealed ${quoted(newer)}` : ''} and force-pushed.`,
		].join('\n'),
		setup: [
			...shippedStart(start),
			...sams.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet'},
			{do: 'type', line: 'git fetch --quiet'},
			...dropLines(sams.length, [place]),
			...newer.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet --force'},
		],
		steps: [lookStep({what: 'Sam says his tidy went wrong.', success: forcedLook}), bringBack, shipStep(lost, [...kept, ...newer], everything)],
		summary: [
			'After a rebase, the boxes it replayed are new copies: merging the old position would put them in history twice.',
			`git cherry-pick copies just the lost box onto your branch (git cherry-pick ${old} here), so every box is there once.`,
			...summaryEnd,
		],
	};
}
