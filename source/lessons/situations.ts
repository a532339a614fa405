// What outranks a step's own nudges, in order of severity: boxes the warehouse lost, an
// operation git waits in the middle of, and a HEAD that is not on the branch the step works on.
// Each situation says what is true now and hints that end in a command that works from here.
import type {LostBox} from '../git/lost-boxes.ts';
import type {RepoState} from '../git/repo-state.ts';
import {learnerName} from '../sandbox/sandbox-config.ts';
import {lacksSwitch} from '../git/version-number.ts';
import type {Check, Step} from './lesson-types.ts';


export type Loss = {
	boxes: LostBox[];
	/** The learner's own push threw them away (said only when true). */
	byPush: boolean;
	/** The loss happened with the command just run, not earlier. */
	fresh: boolean;
};

export type Situation = {kind: 'loss' | 'operation' | 'detached' | 'wrong-branch'; say: string; hints: string[]};

export type SituationContext = {
	state: RepoState;
	loss: Loss | undefined;
	/** The branch the lessons' story is on (main, or master with --branch master). */
	homeBranch: string;
	gitVersion: string | undefined;
	/** The lesson lets the learner act as Sam (lines that begin with sam). */
	samAtHand?: boolean;
};

const short = (oid: string) => oid.slice(0, 7);
const quoteList = (boxes: readonly LostBox[]) => boxes.map(box => `"${box.subject}" (${box.author === learnerName ? 'yours' : `sealed by ${box.author.split(' ')[0]}`})`).join(', ');
const count = (n: number, one: string, many: string) => (n === 1 ? one : many);

const operationWords: Record<NonNullable<RepoState['operation']>, {doing: string; command: string}> = {
	merge: {doing: 'a merge', command: 'merge'},
	rebase: {doing: 'a rebase', command: 'rebase'},
	'cherry-pick': {doing: 'a cherry-pick', command: 'cherry-pick'},
	revert: {doing: 'a revert', command: 'revert'},
};

/** Lost boxes that no other lost box came after: bringing these back brings back the rest. */
function lostTips(boxes: readonly LostBox[]): LostBox[] {
	// The warehouse's own log no longer reaches lost boxes, so their parents come with them.
	const parents = new Set(boxes.flatMap(box => box.parents));
	const tips = boxes.filter(box => !parents.has(box.oid));
	return tips.length > 0 ? tips : [...boxes];
}

function lossSituation(loss: Loss, context: SituationContext): Situation {
	const {state} = context;
	const {boxes} = loss;
	const it = count(boxes.length, 'it', 'them');
	const what = `${boxes.length} ${count(boxes.length, 'box', 'boxes')}: ${quoteList(boxes)}`;
	const opening = loss.fresh
		? `${loss.byPush ? 'Your push threw' : 'The warehouse lost'} ${what}${loss.byPush ? ' out of the warehouse' : ''}. ${count(boxes.length, 'It is', 'They are')} gone for everyone who pulls from it.`
		: `The warehouse is still missing ${what}.`;
	const branch = state.workBranch ?? context.homeBranch;
	if (state.branch === undefined && state.operation === undefined && state.head !== undefined) {
		// What a detached HEAD merges or holds belongs to no branch, and git push ships none of it.
		const back = switchTo(context.homeBranch, context.gitVersion);
		return {
			kind: 'loss',
			say: `⚠ ${opening} HEAD is detached, so nothing done here reaches a branch: go back first (${back}), then bring ${it} back from there. Or type reset to start again.`,
			hints: ['The way back starts on your branch, not on a detached HEAD.', `Type: ${back}`],
		};
	}

	const local = new Set(state.commits.map(commit => commit.oid));
	if (boxes.every(box => local.has(box.oid))) {
		// A plain push ships them only when the branch also holds what the warehouse has now.
		const online = state.online.branches[branch];
		if (online === undefined || local.has(online)) {
			return {kind: 'loss', say: `⚠ ${opening} Your ${branch} holds ${it} again: ship ${it} with a plain push.`, hints: ['Ship what your branch holds; no force is needed.', 'Type: git push']};
		}

		return {
			kind: 'loss',
			say: `⚠ ${opening} Your ${branch} holds ${it} again, but the warehouse has boxes your ${branch} does not: bring those home too (git pull --no-rebase), then ship with a plain push.`,
			hints: ['Bring the warehouse\'s boxes home next to yours; no force is needed.', 'Type: git pull --no-rebase'],
		};
	}

	if (boxes.every(box => box.kept)) {
		const tips = lostTips(boxes).map(box => short(box.oid));
		const merge = `git merge ${tips.join(' ')}`;
		if (state.operation) {
			// Nothing merges while git waits in the middle of something: ending it comes first.
			const {command} = operationWords[state.operation];
			return {
				kind: 'loss',
				say: `⚠ ${opening} Your repository still has ${it}. First end the ${command} git is waiting on (finish it, or give up with git ${command} --abort), then bring ${it} back without forcing: ${merge}, then git push. Or type reset to start again.`,
				hints: operationSituation(state.operation, context).hints,
			};
		}

		// Merged into a branch that lacks what the warehouse holds now, the push would still be refused.
		const online = state.online.branches[branch];
		if (online !== undefined && !local.has(online)) {
			return {
				kind: 'loss',
				say: `⚠ ${opening} Your repository still has ${it}, and the warehouse has boxes your ${branch} does not: bring those home (git pull --no-rebase), then bring ${it} back without forcing (${merge}), then git push. Or type reset to start again.`,
				hints: ['First the warehouse\'s boxes, then the lost ones: both by merging, so no push needs force.', 'Type: git pull --no-rebase'],
			};
		}

		return {
			kind: 'loss',
			say: `⚠ ${opening} Your repository still has ${it}: bring ${it} back without forcing, with ${merge}, then git push. Or type reset to start again.`,
			hints: [`Your repository still has the lost ${count(boxes.length, 'box', 'boxes')}; merging brings ${it} back next to what the warehouse holds now.`, `Type: ${merge}`],
		};
	}

	const missing = boxes.filter(box => !box.kept);
	const owners = [...new Set(missing.map(box => box.author.split(' ')[0]))].join(' and ');
	if (missing.length < boxes.length) {
		// Some are at hand, some only in another clone: say which is which.
		const tips = lostTips(boxes.filter(box => box.kept)).map(box => short(box.oid));
		return {
			kind: 'loss',
			say: `⚠ ${opening} Your repository still has ${quoteList(boxes.filter(box => box.kept))} (git merge ${tips.join(' ')} would bring ${count(tips.length, 'it', 'them')} back), but never received ${quoteList(missing)}: only ${owners}'s own clone has ${count(missing.length, 'it', 'them')}. Type reset to start again.`,
			hints: ['Your repository cannot bring back what it never received.', 'Type: reset'],
		};
	}

	if (context.samAtHand && owners === 'Sam') {
		return {
			kind: 'loss',
			say: `⚠ ${opening} Your repository never received ${it}, so only Sam's own clone still has ${it}: act as Sam (begin a line with sam) to bring ${it} back, or type reset to start again.`,
			hints: ['Sam\'s clone remembers where his branch was: his reflog.', 'Type: sam git reflog'],
		};
	}

	return {
		kind: 'loss',
		say: `⚠ ${opening} Your repository never received ${it}, so only ${owners}'s own clone still has ${it}. Type reset to start again.`,
		hints: ['Nothing in your repository can bring the lost boxes back.', 'Type: reset'],
	};
}

function operationSituation(operation: NonNullable<RepoState['operation']>, context: SituationContext): Situation {
	const {state} = context;
	const {doing, command} = operationWords[operation];
	const detached = operation === 'rebase' && state.workBranch ? ` (HEAD is detached while git rebuilds ${state.workBranch}; it is back on ${state.workBranch} when the rebase ends)` : '';
	if (state.conflicted.length > 0) {
		const files = state.conflicted.join(', ');
		return {
			kind: 'operation',
			say: `Git is in the middle of ${doing}${detached}, stopped at a conflict in ${files}. Edit ${files} to keep what you want, git add ${count(state.conflicted.length, 'it', 'them')}, then go on; or give up with git ${command} --abort.`,
			hints: [`Open the conflict: cat ${state.conflicted[0]}. Keep the lines you want, without the <<<<<<< ======= >>>>>>> lines.`, `Type: git ${command} --abort   (to give up and go back to where you were)`],
		};
	}

	const goOn = operation === 'merge' ? 'git commit --no-edit' : `git ${command} --continue`;
	return {
		kind: 'operation',
		say: `Git is in the middle of ${doing}${detached}: every conflict is resolved, so finish it with ${goOn} (or give up with git ${command} --abort).`,
		hints: [`Finish the ${command} git is waiting on.`, `Type: ${goOn}`],
	};
}

/** Checks that mean a step is about branches or operations, so it speaks of them itself. */
const branchChecks = new Set<Check['check']>(['onBranch', 'branchShipped']);
const operationChecks = new Set<Check['check']>(['conflicted', 'inProgress', 'markers', 'mergeCommit']);

function mentions(checks: readonly Check[], names: ReadonlySet<Check['check']>): boolean {
	return checks.some(check => names.has(check.check) || (check.check === 'not' && mentions([check.of], names)));
}

/** Whether any of the step's checks (to pass, or of a nudge) speak of these. */
export function stepMentions(step: Step, kind: 'branch' | 'operation'): boolean {
	const names = kind === 'branch' ? branchChecks : operationChecks;
	return mentions(step.passWhen, names) || step.nudges.some(nudge => mentions(nudge.when, names));
}

function switchTo(branch: string, gitVersion: string | undefined): string {
	return lacksSwitch(gitVersion) ? `git checkout ${branch}` : `git switch ${branch}`;
}

function detachedSituation(context: SituationContext): Situation {
	const {state, homeBranch, gitVersion} = context;
	const newest = state.commits[0];
	const where = newest ? ` at the box ${short(newest.oid)} "${newest.subject}"` : '';
	const back = switchTo(homeBranch, gitVersion);
	if (state.detachedOffBranch) {
		const keep = lacksSwitch(gitVersion) ? 'git checkout -b NAME' : 'git switch -c NAME';
		return {
			kind: 'detached',
			say: `HEAD is detached${where}: you are not on a branch, and boxes sealed here belong to none. To keep them, give them a branch first (${keep}); ${back} goes back to ${homeBranch} and leaves them behind.`,
			hints: [`A detached HEAD is a look at one box, not a branch. ${back} goes back.`, `Type: ${back}`],
		};
	}

	return {
		kind: 'detached',
		say: `HEAD is detached${where}: you are looking at a box, not working on a branch. Go back to ${homeBranch} with ${back}.`,
		hints: ['A detached HEAD is a look at one box, not a branch.', `Type: ${back}`],
	};
}

/**
 * The most severe situation that holds. An operation the step itself speaks of is left to the
 * step's nudges when one of them holds (`ownNudge`), and another branch is left alone when the
 * step is about branches.
 */
export function situationOf(context: SituationContext, step: Step | undefined, ownNudge = false): Situation | undefined {
	const {state, loss, homeBranch} = context;
	if (loss && loss.boxes.length > 0) {
		return lossSituation(loss, context);
	}

	if (state.operation) {
		return ownNudge && step && stepMentions(step, 'operation') ? undefined : operationSituation(state.operation, context);
	}

	if (state.branch === undefined && state.head !== undefined) {
		return detachedSituation(context);
	}

	if (state.branch !== undefined && state.branch !== homeBranch && !(step && stepMentions(step, 'branch'))) {
		const back = switchTo(homeBranch, context.gitVersion);
		return {
			kind: 'wrong-branch',
			say: `You are on the branch ${state.branch}; this step works on ${homeBranch}. Go back with ${back}.`,
			hints: [`This step is about ${homeBranch}.`, `Type: ${back}`],
		};
	}

	return undefined;
}
