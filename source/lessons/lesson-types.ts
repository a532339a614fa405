// The shape of a lesson file in lessons/. Lessons are data: the setup actions and checks
// below are a fixed vocabulary implemented in source/, so a lesson never carries code.
import type {FailureId} from '../explain/explanations.ts';

/** One fact about the repositories (or the learner's last command) that a step can require. */
export type Check =
	/**
	 * The learner's last command was `git <command>`; `result` and `failure` narrow it, and
	 * `action` lists the allowed first words after the command ("" for none: `git remote -v`),
	 * and `option` options of which at least one was given (`-vv`; `-a` also finds `-am`).
	 */
	| {check: 'ran'; command: string; action?: string[]; option?: string[]; result?: 'succeeded' | 'failed'; failure?: FailureId}
	/** The file is in the open box (staged, differs from the last sealed box). */
	| {check: 'staged'; path: string}
	/** The file is not in the open box. */
	| {check: 'notStaged'; path: string}
	| {check: 'untracked'; path: string}
	/** The file is on the desk and a .gitignore rule keeps git from listing it. */
	| {check: 'ignored'; path: string}
	/** Changes are put aside with git stash (a stash entry exists). */
	| {check: 'stashed'}
	/** No untracked files and no unstaged changes: everything on the desk is packed. */
	| {check: 'deskClear'}
	/** Nothing staged. */
	| {check: 'boxEmpty'}
	/** A tracked file has changes that are not sealed yet (staged or not). */
	| {check: 'uncommittedChanges'}
	/** At least this many sealed boxes (commits) on the current branch. */
	| {check: 'commits'; atLeast: number}
	/** At least this many boxes sealed since the step began. */
	| {check: 'newCommits'; atLeast: number}
	/** The newest box changes this file (or, without a path, changes or deletes a file that already existed). */
	| {check: 'lastCommitChanges'; path?: string}
	| {check: 'noRemotes'}
	/** The remote exists; with `reachesOnline`, its URL leads to the online repository. */
	| {check: 'remote'; name: string; reachesOnline?: boolean}
	/** The current branch (the one HEAD is on) is this one. */
	| {check: 'onBranch'; name: string}
	/** The current branch tracks the branch of the same name on this remote. */
	| {check: 'tracks'; remote: string}
	| {check: 'noUpstream'}
	/** The online branch of the same name holds exactly the local branch's boxes. */
	| {check: 'shipped'}
	/** A box sealed by someone whose name starts with `by` (Sam) is in the local branch, or online. */
	| {check: 'hasBoxBy'; by: string; where: 'local' | 'online'}
	/** Everything the online branch holds is in the local branch too (nothing left to bring home). */
	| {check: 'includesOnline'}
	/** Each side has boxes the other lacks. */
	| {check: 'diverged'}
	/** The online branch still holds everything it held when the step began: nothing was thrown away. */
	| {check: 'onlineKept'}
	/** The remote-tracking branch (origin/main) matches what the warehouse really holds. */
	| {check: 'fetched'}
	/** Files are in conflict, or git waits in the middle of a merge or rebase. */
	| {check: 'conflicted'}
	| {check: 'inProgress'; operation: 'merge' | 'rebase' | 'cherry-pick' | 'revert'}
	/** The newest box has two parents: a merge. */
	| {check: 'mergeCommit'}
	/**
	 * Files hold conflict markers: in the working folder, sealed in the newest box, sealed in any box
	 * since the step began (a box on top that removes them does not take them out of history), or
	 * sealed in a box of your history that the warehouse holds (shipped).
	 */
	| {check: 'markers'; where: 'folder' | 'lastCommit' | 'newCommits' | 'shipped'}
	/** The newest box's label contains this text. */
	| {check: 'lastCommitLabel'; contains: string}
	/** The file in the newest box contains this text. */
	| {check: 'lastCommitFileHas'; path: string; text: string}
	/** The last command printed the id of a box by `by` that the warehouse no longer has. */
	| {check: 'showedLostBox'; by: string}
	/**
	 * The last command was a push that changed the warehouse and forced: with `lease: true`, with
	 * --force-with-lease and no plain force; with `lease: false`, with a plain force (--force, -f, +branch).
	 */
	| {check: 'forcedPush'; lease: boolean}
	/** The history of HEAD holds the same change in two boxes (a merge of a rewritten history, or of a box and its amended copy). */
	| {check: 'boxTwice'}
	/** The online branch `name` equals the local branch of that name. */
	| {check: 'branchShipped'; name: string}
	/** A branch of this name exists: yours (local) or the warehouse's (online). */
	| {check: 'branchExists'; name: string; where: 'local' | 'online'}
	/** The warehouse holds the tag. */
	| {check: 'tagShipped'; name: string}
	/** The tag marks the newest box of the local branch: your tag (local), or the warehouse's (online). */
	| {check: 'tagAt'; name: string; branch: string; where: 'local' | 'online'}
	| {check: 'not'; of: Check};

export type CheckName = Check['check'];

export type Nudge = {
	/** Shown when every check holds (and the step did not pass). */
	when: Check[];
	say: string;
	/** The command that works from the state this nudge describes: it becomes the step's last hint while the nudge holds. */
	type?: string;
};

/** Setup builds a lesson's starting world, in order. */
export type SetupAction =
	/** Start where another lesson ends: its setup and reference solution are played first. */
	| {do: 'continueFrom'; lesson: string}
	| {do: 'write'; path: string; text: string}
	| {do: 'append'; path: string; text: string}
	/** Runs a command line exactly as if the learner had typed it (git or a file helper). */
	| {do: 'type'; line: string}
	/** Runs a command line in Sam's clone, as Sam (his clone is made the first time). */
	| {do: 'sam'; line: string};

export type Step = {
	id: string;
	title: string;
	/** What to do, a paragraph or a few; may use {branch}, {url}, {switch} and {switch -c} (see fill-lesson.ts). */
	text: string;
	passWhen: Check[];
	/** Said when the step passes. */
	success: string;
	/** Said instead when a push threw boxes away earlier in the lesson (a success that claims nothing was forced would be false). */
	successAfterLoss: string | undefined;
	/** Checked in order when the step is not met; the first that holds is said. */
	nudges: Nudge[];
	/** Each `hint` shows the next; the last one is the command. */
	hints: string[];
	/** What a learner could type to pass the step: played by the test suite. */
	solution: string[];
	/** Command sequences that must not pass the step: played by the test suite too. */
	wrongMoves: string[][];
	/** Other command sequences that must pass the step too, from where it begins (played by verify). Optional for lessons written by code. */
	alternatives?: string[][];
	/** True when this step can only be reached by passing the one before (never by jumping ahead). */
	afterPrevious: boolean;
	/**
	 * True when the step asks the learner to replace a box of their own that was shipped (amend,
	 * then force): losing their own boxes through a push is then the point, not a loss to report.
	 */
	mayReplaceOwnBoxes: boolean;
	/** Played when the step begins (Sam ships a box meanwhile, say)... */
	onStart: SetupAction[];
	/** ...and said on screen, so the learner knows what happened. */
	announce: string | undefined;
};

export type Lesson = {
	id: string;
	number: number;
	title: string;
	/** The git command the lesson is about, shown in the menu. */
	command: string;
	/** The part of the course it belongs to ("Your first push"): the menu groups lessons by it. */
	part: string | undefined;
	/** About how long the lesson takes, for planning a class. */
	minutes: number | undefined;
	/** The oldest git the lesson is written for (its steps count on that git's behaviour). */
	requires: {git: string} | undefined;
	intro: string;
	setup: SetupAction[];
	/**
	 * For a lesson whose setup continues from another: what the learner's own repository must hold
	 * to go straight on in it (else the lesson starts from the reference state).
	 */
	startsWhen: Check[];
	steps: Step[];
	/**
	 * Lines that begin with the word sam run in Sam's clone, as Sam (a drill where only Sam can
	 * bring a box back). False unless the lesson says so.
	 */
	samAtHand: boolean;
	/** What the learner takes away, shown on the Lesson complete screen. */
	summary: string[];
	/** The file the lesson was loaded from, for messages. */
	source: string;
};
