// Recover shapes where the lost box is not where the learner usually looks: only in Sam's clone
// (the learner acts as Sam, with lines that begin with sam), or on a branch other than {branch}.
import type {Nudge} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, holdsBox, learnerSeals, not, quoted, samSeals, settled, shippedStart, typeLines,
	type DrillContent, type StepData,
} from './world.ts';
import {calm, forcedNudges, holdsAll, isAre, lookStep, notForced, summaryEnd, they} from './recover-shared.ts';

/** 3. Only Sam's clone has the lost boxes: the learner, acting as Sam, puts them back. */
export function onlyInSamsClone(random: Random, desk: Desk): DrillContent {
	const start = desk.boxes(random.int(1, 2));
	const lost = desk.boxes(random.int(1, 2));
	const yours = desk.box();
	const unshipped = desk.box();
	const everything = [...start, ...lost, yours, unshipped];
	const samLines = ['sam git reflog', 'sam git merge {branch}@{1}', 'sam git pull --no-rebase', 'sam git push'];
	const asSam: StepData = {
		id: 'as-sam',
		title: 'Be Sam: ship the lost box again',
		text: `Your clone never received ${quoted(lost)}, so nothing in it can bring ${they(lost)} back: only Sam's clone still has ${they(lost)}. Act as Sam (a line that begins with the word sam runs in his clone, as Sam): put ${quoted(lost)} back into his {branch} and ship ${they(lost)} to the warehouse, keeping your ${quoted([yours])} there.`,
		passWhen: [{check: 'hasBoxBy', by: 'Sam', where: 'online'}, {check: 'onlineKept'}],
		success: `The warehouse holds ${quoted(lost)} again, next to your ${quoted([yours])}.`,
		nudges: [{
			when: [not({check: 'hasBoxBy', by: 'Sam', where: 'online'})],
			say: `The warehouse still lacks ${quoted(lost)}. Sam's reflog remembers every position of his {branch}, including the one before he went back; and the warehouse now holds your ${quoted([yours])}, which Sam's {branch} must take in before his push can go through.`,
		}],
		hints: [
			'Type sam, a space, then a command: it runs in Sam\'s clone, as Sam (sam ls lists his files). His reflog remembers where his {branch} has been.',
			`Sam's {branch}@{1} is where his {branch} was before he went back: merge it into his {branch}, then merge in the warehouse's ${quoted([yours])} (a pull that merges), then ship.`,
			`Type: ${typeLines(samLines)}`,
		],
		solution: samLines,
		wrongMoves: [
			['git push --force'],
			['sam git push --force'],
			['sam git reset --hard {branch}@{1}', 'sam git push --force'],
			['sam git merge {branch}@{1}', 'sam git push'],
			['sam git merge {branch}@{1}', 'sam git pull --rebase', 'sam git push'],
		],
	};
	const home: StepData = {
		id: 'home',
		title: 'Bring it home and ship yours',
		text: `Sam's repair is in the warehouse. Make your {branch} hold it, and ship your ${quoted([unshipped])} too.`,
		passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, ...settled, ...notForced, ...holdsAll(everything)],
		success: `The warehouse holds ${quoted(lost)}, your ${quoted([yours, unshipped])}, and your {branch} matches it.`,
		successAfterLoss: `The warehouse holds ${quoted(lost)} and your ${quoted([yours, unshipped])}. A push threw boxes away during this drill before they came back.`,
		nudges: [
			...forcedNudges('{branch}'),
			...calm([
				{when: [not({check: 'includesOnline'})], say: 'The warehouse holds Sam\'s repair, and your {branch} does not have it yet: bring it home first.', type: 'git pull --no-rebase'},
				{when: [not({check: 'shipped'})], say: `Your {branch} holds everything; the warehouse does not have your ${quoted([unshipped])} yet.`, type: 'git push'},
			]),
		],
		hints: ['Your {branch} lacks Sam\'s repair, and the warehouse lacks your newest box: bring its news home, then ship.', `Type: ${typeLines(['git pull --no-rebase', 'git push'])}`],
		solution: ['git pull --no-rebase', 'git push'],
		wrongMoves: [['git push --force'], ['git push'], ['git fetch']],
	};
	return {
		variant: `only in Sam's clone, lost ${lost.length}`,
		command: 'reflog',
		samAtHand: true,
		intro: [
			`Sam shipped ${quoted(lost)}; you did not bring the warehouse's news home since.`,
			`Then Sam thought ${lost.length === 1 ? 'it was' : 'they were'} a mistake: he went back to the box before and force-pushed. You shipped ${quoted([yours])} after that, and sealed ${quoted([unshipped])}. Now the team needs ${quoted(lost)} after all.`,
			'Type sam before a command to act as Sam in his clone: sam, a space, then what Sam would type.',
		].join('\n'),
		setup: [
			...shippedStart(start),
			...lost.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet'},
			{do: 'sam', line: `git reset --quiet --hard HEAD~${lost.length}`},
			{do: 'sam', line: 'git push --quiet --force'},
			...learnerSeals(yours),
			{do: 'type', line: 'git push --quiet'},
			...learnerSeals(unshipped),
		],
		steps: [asSam, home],
		summary: [
			'A box only one clone ever had can only come back from that clone: its reflog (git reflog) remembers where its branch was.',
			'Sam merges the old position back (git merge {branch}@{1}), merges in what the warehouse holds now (git pull --no-rebase), and ships with a plain git push.',
			...summaryEnd,
		],
	};
}

const featureNames = ['new-rates', 'spring-sale', 'route-plan', 'label-printer', 'night-shift', 'cold-storage'];

/** 4. The lost boxes were on another branch of the warehouse; the learner's copy of that branch still holds them. */
export function onAnotherBranch(random: Random, desk: Desk): DrillContent {
	const feature = random.pick(featureNames);
	const start = desk.boxes(random.int(1, 2));
	const first = desk.box();
	const sams = desk.boxes(random.int(1, 2));
	const lost = sams.slice(-random.int(1, sams.length));
	const newer = desk.boxes(random.int(1, 2));
	const everything = [...start, first, ...sams, ...newer];
	const onFeature = {check: 'onBranch', name: feature} as const;
	const toFeature: Nudge = {when: [not(onFeature)], say: `You are not on ${feature}, the branch that lost ${quoted(lost)}.`, type: `{switch} ${feature}`};
	const bringBack: StepData = {
		id: 'bring-back',
		title: `Bring the lost box back on ${feature}`,
		text: `The warehouse's ${feature} lost ${quoted(lost)}; your own ${feature} still holds ${they(lost)}. On ${feature}, make it hold ${quoted(lost)} and the warehouse's ${quoted(newer)}, rewriting none of the shipped boxes.`,
		passWhen: [onFeature, {check: 'includesOnline'}, ...settled, ...holdsAll(everything)],
		success: `Your ${feature} holds ${quoted(lost)} and the warehouse's ${quoted(newer)}.`,
		nudges: calm([
			toFeature,
			{when: [not({check: 'includesOnline'})], say: `The warehouse's ${quoted(newer)} ${isAre(newer)} not in your ${feature} yet.`, type: `git merge origin/${feature}`},
			{when: [not(holdsBox(lost.at(-1)!))], say: `Your ${feature} holds the warehouse's boxes but no longer ${quoted([lost.at(-1)!])}. Its reflog still lists where it was before.`, type: typeLines([`git reflog show ${feature}`, `git merge {box:${lost.at(-1)!.label}}`])},
		]),
		hints: [
			`The loss is on ${feature}, not on {branch}: go there first.`,
			`Your ${feature} has the lost boxes, origin/${feature} has the newer ones: a merge joins the two histories and rewrites neither.`,
			`Type: ${typeLines([`{switch} ${feature}`, `git merge origin/${feature}`])}`,
		],
		solution: [`{switch} ${feature}`, `git merge origin/${feature}`],
		wrongMoves: [
			['git push --force'],
			[`git checkout ${feature}`, 'git push --force'],
			[`git checkout ${feature}`, 'git pull --rebase'],
			[`git checkout ${feature}`, `git reset --hard origin/${feature}`],
			[`git merge origin/${feature}`],
		],
	};
	const ship: StepData = {
		id: 'ship',
		title: `Ship ${feature}`,
		text: `Your ${feature} holds ${quoted(lost)} and everything the warehouse's ${feature} holds now. Ship it, so the warehouse's ${feature} has ${they(lost)} again.`,
		passWhen: [onFeature, {check: 'branchShipped', name: feature}, {check: 'onlineKept'}, ...notForced, ...holdsAll(everything)],
		success: `Recovered. The warehouse's ${feature} holds ${quoted(lost)} again, next to ${quoted(newer)}.`,
		successAfterLoss: `The warehouse's ${feature} holds ${quoted(lost)} again, next to ${quoted(newer)}. A push of yours threw boxes away during this drill before they came back.`,
		nudges: [
			...forcedNudges(feature),
			...calm([toFeature, {when: [not({check: 'branchShipped', name: feature})], say: `Everything is in your ${feature}; the warehouse's ${feature} does not have it yet.`, type: 'git push'}]),
		],
		hints: [`Your ${feature} continues the warehouse's ${feature}, and it tracks it, so a plain push works.`, 'Type: git push'],
		solution: ['git push'],
		wrongMoves: [['git status'], ['git push --force'], ['git checkout -', 'git push']],
	};
	return {
		variant: `on another branch, ${feature}, lost ${lost.length} of ${sams.length}, ${newer.length} newer`,
		command: 'reflog',
		intro: [
			`You started the branch ${feature} with ${quoted([first])} and shipped it. Sam added ${quoted(sams)} to it, and you pulled ${sams.length === 1 ? 'it' : 'them'} into your ${feature}.`,
			`Then Sam went back on ${feature} to the box before ${quoted(lost)}, sealed ${quoted(newer)} there and force-pushed ${feature}. You are on {branch}.`,
		].join('\n'),
		setup: [
			...shippedStart(start),
			{do: 'type', line: `git checkout --quiet -b ${feature}`},
			...learnerSeals(first),
			{do: 'type', line: `git push --quiet -u origin ${feature}`},
			{do: 'sam', line: `git checkout --quiet ${feature}`},
			...sams.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet'},
			{do: 'type', line: 'git pull --quiet --ff-only'},
			{do: 'type', line: 'git checkout --quiet {branch}'},
			{do: 'sam', line: `git reset --quiet --hard HEAD~${lost.length}`},
			...newer.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet --force'},
		],
		steps: [
			lookStep({
				what: `Sam says his last shipment to ${feature} went wrong.`,
				success: `origin/${feature} jumped to a history that does not continue the one you saw before: Git marks that "(forced update)" on the fetch or pull that first brought it. Someone force-pushed ${feature}; the warehouse's {branch} was not rewritten.`,
			}),
			bringBack,
			ship,
		],
		summary: [
			`git fetch shows "(forced update)" next to whichever branch was rewritten: here origin/${feature}, not origin/{branch}.`,
			`Recover on the branch that lost the box: switch to it, merge its warehouse copy (git merge origin/${feature}), and push that branch.`,
			...summaryEnd,
		],
	};
}
