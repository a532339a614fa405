// Recover shapes where Sam went back to an older box and force-pushed: the boxes he kept are the
// same boxes as before, so joining the old history with the new one duplicates nothing.
import type {SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, holdsBox, learnerSeals, not, quoted, samSeals, settled, shippedStart, typeLines,
	type Box, type DrillContent, type StepData,
} from './world.ts';
import {forcedLook, holdsAll, isAre, lookStep, shipStep, summaryEnd, they} from './recover-shared.ts';

type WentBack = {start: Box[]; sams: Box[]; lost: Box[]; newer: Box[]; setup: SetupAction[]};

/**
 * Sam shipped boxes; the learner pulled or only fetched them; Sam went back before the newest of
 * them, sealed newer boxes and force-pushed.
 */
function samWentBack(random: Random, desk: Desk, learner: 'pulled' | 'fetched'): WentBack {
	const start = desk.boxes(random.int(1, 2));
	const sams = desk.boxes(random.int(1, 3));
	const lost = sams.slice(-random.int(1, Math.min(2, sams.length)));
	const newer = desk.boxes(random.int(1, 2));
	return {
		start,
		sams,
		lost,
		newer,
		setup: [
			...shippedStart(start),
			...sams.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet'},
			{do: 'type', line: learner === 'pulled' ? 'git pull --quiet --ff-only' : 'git fetch --quiet'},
			{do: 'sam', line: `git reset --quiet --hard HEAD~${lost.length}`},
			...newer.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet --force'},
		],
	};
}

const wentBackStory = (lost: readonly Box[], newer: readonly Box[]) => `Sam went back to the box before ${quoted(lost)}, sealed ${quoted(newer)} there and force-pushed: the warehouse lost ${quoted(lost)}.`;

/** 1. The lost boxes are still on the learner's branch: a merge with the warehouse's new history. */
export function onYourBranch(random: Random, desk: Desk): DrillContent {
	const {start, sams, lost, newer, setup} = samWentBack(random, desk, 'pulled');
	const everything = [...start, ...sams, ...newer];
	const bringBack: StepData = {
		id: 'bring-back',
		title: 'Join the two histories',
		text: `Your {branch} still holds ${quoted(lost)}; the warehouse holds ${quoted(newer)} instead. Make your {branch} hold both, rewriting none of the boxes that are already shipped.`,
		passWhen: [{check: 'includesOnline'}, ...settled, ...holdsAll(everything)],
		success: `Your {branch} holds ${quoted(lost)} and the warehouse's ${quoted(newer)}.`,
		nudges: [
			{when: [not({check: 'includesOnline'})], say: `The warehouse's ${quoted(newer)} ${isAre(newer)} not in your {branch} yet.`, type: 'git merge origin/{branch}'},
			{when: [not(holdsBox(lost.at(-1)!))], say: `Your {branch} holds the warehouse's boxes but no longer ${quoted([lost.at(-1)!])}. Your own reflog still lists where your {branch} was before.`, type: typeLines(['git reflog', `git merge {box:${lost.at(-1)!.label}}`])},
		],
		hints: [
			'Your {branch} has the lost boxes, origin/{branch} has the newer ones: you need a history that holds both.',
			'A merge joins the two histories and rewrites neither. Beware of a pull that rebases: it can drop boxes the warehouse no longer has.',
			'Type: git merge origin/{branch}',
		],
		solution: ['git merge origin/{branch}'],
		wrongMoves: [['git push --force'], ['git pull --rebase'], ['git reset --hard origin/{branch}'], ['git rebase']],
	};
	return {
		variant: `on your branch, lost ${lost.length} of ${sams.length}, ${newer.length} newer`,
		command: 'reflog',
		intro: [`Sam shipped ${quoted(sams)}, and you pulled ${sams.length === 1 ? 'it' : 'them'} into your {branch}.`, wentBackStory(lost, newer)].join('\n'),
		setup,
		steps: [lookStep({what: 'Sam says his last shipment went wrong.', success: forcedLook}), bringBack, shipStep(lost, newer, everything)],
		summary: [
			'git fetch says "(forced update)" when the warehouse\'s branch was rewritten.',
			'When your branch still holds the lost box, git merge origin/{branch} joins it with the warehouse\'s new history; git pull --rebase could drop it.',
			...summaryEnd,
		],
	};
}

/** 2. Fetched but never merged: the lost boxes are only in origin/{branch}'s reflog. */
export function inRemoteReflog(random: Random, desk: Desk): DrillContent {
	const {start, sams, lost, newer, setup} = samWentBack(random, desk, 'fetched');
	const everything = [...start, ...sams, ...newer];
	const bringBack: StepData = {
		id: 'bring-back',
		title: 'Bring the lost box back',
		text: `Your {branch} never held ${quoted(lost)}: you only fetched ${they(lost)}. Make your {branch} hold ${quoted(lost)} and the warehouse's ${quoted(newer)}.`,
		passWhen: [{check: 'includesOnline'}, ...settled, ...holdsAll(everything)],
		success: `Your {branch} holds ${quoted(lost)} and the warehouse's ${quoted(newer)}.`,
		nudges: [
			{when: [{check: 'includesOnline'}, not(holdsBox(lost.at(-1)!))], say: `Your {branch} holds the warehouse's boxes, but not ${quoted([lost.at(-1)!])}. origin/{branch}'s reflog still lists where it was before the forced update.`, type: 'git merge origin/{branch}@{1}'},
			{when: [not({check: 'includesOnline'})], say: `The warehouse's ${quoted(newer)} ${isAre(newer)} not in your {branch} yet.`, type: 'git merge origin/{branch}'},
		],
		hints: [
			'origin/{branch}@{1} is where origin/{branch} was one move ago: before the forced update.',
			'Merge that old position, then the warehouse\'s new one.',
			`Type: ${typeLines(['git reflog show origin/{branch}', 'git merge origin/{branch}@{1}', 'git merge origin/{branch}'])}`,
		],
		solution: ['git reflog show origin/{branch}', 'git merge origin/{branch}@{1}', 'git merge origin/{branch}'],
		wrongMoves: [['git push --force'], ['git pull'], ['git merge origin/{branch}'], ['git merge origin/{branch}@{1}']],
	};
	return {
		variant: `in the remote reflog, lost ${lost.length} of ${sams.length}, ${newer.length} newer`,
		command: 'reflog',
		intro: [`Sam shipped ${quoted(sams)}; you fetched ${sams.length === 1 ? 'it' : 'them'}, but did not bring ${sams.length === 1 ? 'it' : 'them'} into your {branch}.`, wentBackStory(lost, newer)].join('\n'),
		setup,
		steps: [lookStep({what: 'Sam says his last shipment went wrong.', success: forcedLook}), bringBack, shipStep(lost, newer, everything)],
		summary: [
			'git reflog show origin/{branch} lists every position of your copy of the warehouse\'s branch; origin/{branch}@{1} is the one before the last move.',
			'Merge the old position, then the new one (git merge origin/{branch}@{1}, then git merge origin/{branch}).',
			...summaryEnd,
		],
	};
}

/**
 * 6. Found late: after the forced push the learner made their branch match the warehouse's and
 * shipped on, and Sam shipped more. The old position is deep in origin/{branch}'s reflog now.
 */
export function foundLate(random: Random, desk: Desk): DrillContent {
	const {start, sams, lost, newer, setup} = samWentBack(random, desk, 'pulled');
	const yours = desk.box();
	const later = desk.boxes(random.int(1, 2));
	const everything = [...start, ...sams, ...newer, yours, ...later];
	// origin/{branch}'s reflog, newest first: the pull of Sam's later boxes, your push, the forced fetch, the pull that brought the lost boxes.
	const old = 'origin/{branch}@{3}';
	const after = [...newer, yours, ...later];
	const bringBack: StepData = {
		id: 'bring-back',
		title: 'Bring the lost box back on top',
		text: `${quoted(lost)} ${isAre(lost)} missing from the warehouse, and since the forced push ${quoted(after)} were shipped on top. Make your {branch} hold ${quoted(lost)} again without undoing any of those.`,
		passWhen: [{check: 'includesOnline'}, ...settled, ...holdsAll(everything)],
		success: `Your {branch} holds ${quoted(lost)} again, with everything shipped since.`,
		nudges: [
			{when: [not({check: 'includesOnline'})], say: 'Your {branch} lacks boxes the warehouse holds now: they must stay.', type: 'git merge origin/{branch}'},
			{when: [not(holdsBox(lost.at(-1)!))], say: `Your {branch} holds everything shipped since, but not ${quoted([lost.at(-1)!])}. origin/{branch}'s reflog lists every position it had; the one before the forced update still leads to it.`, type: typeLines(['git reflog show origin/{branch}', `git merge ${old}`])},
		],
		hints: [
			'Your branch was made to match the warehouse\'s, so the lost boxes are in no branch now; your reflogs still remember them.',
			`Look through origin/{branch}'s positions: the newest are after the forced update, and the one before it (${old} here) holds ${quoted(lost)}. Merging it brings ${they(lost)} on top.`,
			`Type: ${typeLines(['git reflog show origin/{branch}', `git merge ${old}`])}`,
		],
		solution: ['git reflog show origin/{branch}', `git merge ${old}`],
		wrongMoves: [['git push --force'], ['git merge origin/{branch}@{1}'], [`git reset --hard ${old}`], [`git reset --hard ${old}`, 'git push --force']],
	};
	return {
		variant: `found late, lost ${lost.length} of ${sams.length}, ${newer.length + 1 + later.length} shipped since`,
		command: 'reflog',
		intro: [
			`Sam shipped ${quoted(sams)}, and you pulled ${sams.length === 1 ? 'it' : 'them'}.`,
			wentBackStory(lost, newer),
			`You did not notice: you made your {branch} match the warehouse's, shipped ${quoted([yours])}, and Sam shipped ${quoted(later)} after it. Today someone asks where ${quoted(lost)} went.`,
		].join('\n'),
		setup: [
			...setup,
			{do: 'type', line: 'git fetch --quiet'},
			{do: 'type', line: 'git reset --quiet --hard origin/{branch}'},
			...learnerSeals(yours),
			{do: 'type', line: 'git push --quiet'},
			{do: 'sam', line: 'git pull --quiet --ff-only'},
			...later.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet'},
			{do: 'type', line: 'git pull --quiet --ff-only'},
		],
		steps: [bringBack, shipStep(lost, after, everything)],
		summary: [
			'Found late, a lost box is no longer at origin/{branch}@{1}: git reflog show origin/{branch} lists every position, and the one before the "(forced update)" still holds it.',
			'Merging that old position brings the lost box back on top of everything shipped since; resetting to it would throw those away.',
			...summaryEnd,
		],
	};
}

