// What each git failure means in the box analogy, and the way out. Data only: the tutor shows
// these under git's own output, and a future `explain` command will reuse them.
// {branch}, {remote}, {remotes} and {ref} are filled in from the situation.

export type FailureId =
	| 'no-destination'
	| 'no-upstream'
	| 'unknown-remote'
	| 'src-refspec'
	| 'fetch-first'
	| 'non-fast-forward'
	| 'stale-info'
	| 'remote-updated-since-checkout'
	| 'divergent-pull'
	| 'merge-conflict'
	| 'nothing-to-seal'
	| 'remote-exists'
	| 'needs-label'
	| 'tag-needs-message'
	| 'needs-newer-git';

export type Explanation = {
	/** What happened, in the analogy. */
	meaning: string;
	/** The way out, ending in the command to type. */
	wayOut: string;
};

export const explanations: Record<FailureId, Explanation> = {
	'no-destination': {
		meaning: 'The truck has no address yet: this repository has no remote to ship to.',
		wayOut: 'Give it one: git remote add origin <url>',
	},
	'no-upstream': {
		meaning: 'The truck knows the warehouse, but the route for {branch} is not saved yet.',
		wayOut: 'Ship once and save the route: git push -u {remote} {branch}',
	},
	'unknown-remote': {
		meaning: 'There is no destination called "{remote}". Known destinations: {remotes}.',
		wayOut: 'See the addresses with git remote -v and use one of those names.',
	},
	'src-refspec': {
		meaning: 'There are no sealed boxes on a branch called "{ref}" to ship.',
		wayOut: 'Your branch is {branch}: git push origin {branch}',
	},
	'fetch-first': {
		meaning: 'The warehouse has boxes you never received: someone shipped after your last pull, and git will not throw their boxes away.',
		wayOut: 'Bring them home first: git pull, then push again.',
	},
	'non-fast-forward': {
		meaning: 'The warehouse has a box that is not in your {branch}: your history does not continue theirs (you fetched it but did not combine it, or you changed a box that was already shipped).',
		wayOut: 'To keep their boxes: git pull, then push. To replace a box you changed yourself: git push --force-with-lease',
	},
	'stale-info': {
		meaning: 'The warehouse changed since you last looked (origin/{branch} is out of date), so --force-with-lease refused to throw away boxes you have never seen.',
		wayOut: 'Bring them home and put yours on top: git pull --rebase, then push.',
	},
	'remote-updated-since-checkout': {
		meaning: 'You fetched new boxes but never put them in your {branch}, so --force-if-includes refused to throw them away.',
		wayOut: 'Combine them first: git pull --rebase, then push.',
	},
	'divergent-pull': {
		meaning: 'Your {branch} and the warehouse both have new boxes, and git will not guess how to combine them.',
		wayOut: 'Choose: git pull --no-rebase (merge them) or git pull --rebase (put your boxes on top). To choose once: git config pull.rebase false',
	},
	'merge-conflict': {
		meaning: 'You and someone else repacked the same lines of {files}, and git cannot tell which to keep.',
		wayOut: 'Edit {files} to keep what you want and delete the <<<<<<< ======= >>>>>>> lines, then git add it and git commit (in a rebase: git rebase --continue).',
	},
	'nothing-to-seal': {
		meaning: 'The box is empty: there is nothing to seal.',
		wayOut: 'Put something in first with git add <file>, then seal it.',
	},
	'remote-exists': {
		meaning: 'There is already an address called "{remote}".',
		wayOut: 'To change where it points: git remote set-url {remote} <url>',
	},
	'needs-newer-git': {
		meaning: '{command} arrived in git {since}, and this computer has git {version}.',
		wayOut: 'Use {instead}, or update git from git-scm.com.',
	},
	'needs-label': {
		meaning: 'A sealed box needs a label, and git would open a text editor to ask for one. Editors do not open inside the tutor.',
		wayOut: 'Write the label on the command line: git commit -m "Describe the change"',
	},
	'tag-needs-message': {
		meaning: 'A tag made with -a carries a message, and git asks for it in a text editor. No editor opens inside the tutor, so the message stayed empty and git made no tag.',
		wayOut: 'Write the message on the command line: git tag -a {tag} -m "Describe this version"',
	},
};

export function fillExplanation(explanation: Explanation, details: Record<string, string>): Explanation {
	const fill = (text: string) => text.replaceAll(/{(\w+)}/g, (whole, name: string) => details[name] ?? whole);
	return {meaning: fill(explanation.meaning), wayOut: fill(explanation.wayOut)};
}
