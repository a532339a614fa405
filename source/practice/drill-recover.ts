// The recover drill: someone force-pushed an older history.
import type {Nudge, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, boxWord, divergentPull, holdsBox, not, quoted, samSeals, settled, shippedStart, typeLines,
	type DrillContent, type StepData,
} from './world.ts';

export const recoverShapes = ['in your branch', 'in the reflog'] as const;

export function recover(random: Random): DrillContent {
	const desk = new Desk(random);
	const start = desk.boxes(random.int(1, 2));
	const sams = desk.boxes(random.int(1, 3));
	// The lost boxes are a run of Sam's, from `from` up to (not including) `to`.
	const from = random.int(0, sams.length - 1);
	const to = random.int(from + 1, sams.length);
	const lost = sams.slice(from, to);
	const newer = desk.boxes(random.int(1, 2));
	// Where the learner finds the lost box: still in their own branch, or only in origin/{branch}'s reflog.
	const inBranch = random.chance(0.5);
	const tidied = to < sams.length;
	const everything = [...start, ...sams, ...newer].map(box => holdsBox(box));
	const setup: SetupAction[] = [
		...shippedStart(start),
		...sams.flatMap(box => samSeals(box)),
		{do: 'sam', line: 'git push --quiet'},
		{do: 'type', line: inBranch ? 'git pull --quiet --ff-only' : 'git fetch --quiet'},
		tidied
			? {do: 'sam', line: `git rebase --quiet --onto HEAD~${sams.length - from} HEAD~${sams.length - to}`}
			: {do: 'sam', line: `git reset --quiet --hard HEAD~${sams.length - from}`},
		...newer.flatMap(box => samSeals(box)),
		{do: 'sam', line: 'git push --quiet --force'},
	];
	const lostNames = quoted(lost);
	const all = sams.length === 1 ? 'it' : 'them';
	const them = lost.length === 1 ? 'it' : 'them';
	const fetchStep: StepData = {
		id: 'fetch',
		title: 'Look at the warehouse',
		text: 'Something is wrong in the warehouse. Bring its news home without changing your {branch}: git fetch. Look for "(forced update)" in what it prints.',
		passWhen: [{check: 'ran', command: 'fetch', result: 'succeeded'}, {check: 'fetched'}],
		success: 'origin/{branch} now shows the warehouse as it is, and it jumped to a history that does not continue the one you saw before (git marks that "(forced update)" on the fetch or pull that first brought it): someone force-pushed.',
		nudges: [{when: [{check: 'ran', command: 'pull'}], say: 'That pulled as well; for now just look: git fetch'}],
		hints: ['Fetching brings the warehouse\'s state home without touching your branch.', 'Type: git fetch'],
		solution: ['git fetch'],
		wrongMoves: [['git status'], ['git remote -v']],
	};
	const bringBack: StepData = {
		id: 'bring-back',
		title: 'Bring the lost box back',
		text: inBranch
			? `Put the warehouse's ${boxWord(newer.length, 'newer ')} (${quoted(newer)}) together with your {branch}, which still holds ${lostNames}: merge origin/{branch}. Careful: git pull --rebase would drop the ${boxWord(lost.length, 'lost ')} from your branch too.`
			: `Your {branch} never held ${lostNames}: you only fetched ${them}. But origin/{branch} remembers where it was: git reflog show origin/{branch} lists its old positions, and origin/{branch}@{1} is where it was just before the forced update. Bring the ${boxWord(lost.length, 'lost ')} into your {branch}, keeping the warehouse's ${boxWord(newer.length, 'newer ')}.`,
		passWhen: [{check: 'includesOnline'}, ...settled, ...everything],
		success: `The ${boxWord(lost.length, 'lost ')} ${lost.length === 1 ? 'is' : 'are'} back in your {branch}, with everything the warehouse holds now.`,
		nudges: [
			divergentPull,
			{when: [{check: 'conflicted'}], say: 'Something stopped in a conflict. git merge --abort (or git rebase --abort) and try a merge instead.'},
			...(inBranch ? [] : [{
				when: [{check: 'ran', command: 'reflog'}, not({check: 'includesOnline'})],
				say: 'origin/{branch}@{1} is where the warehouse\'s branch was before the forced update. Merge that old position (git merge origin/{branch}@{1}), then the new one (git merge origin/{branch}).',
			} satisfies Nudge]),
			{when: [not({check: 'includesOnline'})], say: `The warehouse's ${boxWord(newer.length, 'newer ')} (${quoted(newer)}) ${newer.length === 1 ? 'is' : 'are'} not in your {branch} yet: git merge origin/{branch}`},
			{when: [{check: 'includesOnline'}], say: inBranch
				? `The ${boxWord(lost.length, 'lost ')} ${lost.length === 1 ? 'is' : 'are'} no longer in your {branch}. Your HEAD reflog still knows where it was: git reflog, then git merge with that id. Or type reset.`
				: `Your {branch} has the warehouse's boxes, but not ${lostNames}. Bring ${them} back: git merge origin/{branch}@{1}`},
		],
		hints: inBranch
			? ['Merging keeps both histories: yours with the lost box, and the warehouse\'s newer one.', 'Type: git merge origin/{branch}   (or: git pull --no-rebase)']
			: ['git reflog show origin/{branch} shows where the warehouse\'s branch used to be.', 'Merge the old position, then the new one.', `Type: ${typeLines(['git merge origin/{branch}@{1}', 'git merge origin/{branch}'])}`],
		solution: inBranch ? ['git merge origin/{branch}'] : ['git reflog show origin/{branch}', 'git merge origin/{branch}@{1}', 'git merge origin/{branch}'],
		wrongMoves: inBranch
			? [['git push --force'], ['git pull --rebase'], ['git reset --hard origin/{branch}']]
			: [['git push --force'], ['git pull'], ['git merge origin/{branch}']],
	};
	const ship: StepData = {
		id: 'ship',
		title: 'Ship it back',
		text: `Ship with a plain git push: the warehouse gets ${lostNames} back and keeps its newer ${newer.length === 1 ? 'box' : 'boxes'}. Nothing needs force.`,
		passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, ...everything],
		success: `Recovered: the warehouse holds ${lostNames} again, next to the newer ${newer.length === 1 ? 'one' : 'ones'}, and nothing was forced.`,
		successAfterLoss: `The warehouse holds ${lostNames} again, next to the newer ${newer.length === 1 ? 'one' : 'ones'}. But a push of yours threw boxes away during this drill before they came back: recover without forcing anything.`,
		nudges: [{when: [not({check: 'shipped'})], say: 'Everything is in your {branch}: ship it with git push'}],
		hints: ['Your branch continues the warehouse\'s history, so a plain push works.', 'Type: git push'],
		solution: ['git push'],
		wrongMoves: [['git status'], ['git fetch']],
	};
	const steps: StepData[] = inBranch
		? [
			fetchStep,
			{
				id: 'find',
				title: 'Find the lost box',
				text: `The warehouse lost ${lostNames}. Your {branch} still has ${them}: show ${lost.length === 1 ? 'its id' : 'their ids'} (git log --oneline), or see where origin/{branch} was before (git reflog show origin/{branch}).`,
				passWhen: [{check: 'showedLostBox', by: 'Sam'}, not({check: 'ran', command: 'fetch'})],
				success: 'Found it: your clone still has the box the warehouse lost.',
				nudges: [{when: [{check: 'ran', command: 'log'}], say: 'That list does not include a lost box. Try your own branch: git log --oneline'}],
				hints: ['Your own {branch} was not changed by the fetch.', 'Type: git log --oneline'],
				solution: ['git log --oneline'],
				wrongMoves: [['git status'], ['git log origin/{branch}']],
			},
			bringBack,
			ship,
		]
		: [fetchStep, bringBack, ship];
	const how = tidied
		? `Sam tidied his boxes with a rebase, dropped ${lostNames} by mistake, sealed ${quoted(newer)} and force-pushed.`
		: `Sam went back to an older box, sealed ${quoted(newer)} there, and force-pushed: ${lostNames} went missing.`;
	return {
		variant: `${inBranch ? 'in your branch' : 'in the reflog'}, ${tidied ? 'rebase' : 'reset'}, lost ${lost.length} of ${sams.length}, ${newer.length} newer`,
		command: 'reflog',
		intro: [
			`Sam shipped ${quoted(sams)}; you ${inBranch ? `pulled ${all} into your {branch}` : `fetched ${all}, but did not merge ${all} into your {branch}`}.`,
			how,
		].join('\n'),
		setup,
		steps,
		summary: [
			'git fetch says "(forced update)" when the warehouse\'s branch was rewritten.',
			'A lost box survives in any clone that had it: in a branch, or in origin/{branch}\'s reflog (origin/{branch}@{1}).',
			'Merge it back with what the warehouse holds now, then ship with a plain push: no force needed.',
		],
	};
}
