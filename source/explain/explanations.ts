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
	| 'needs-newer-git'
	| 'tag-needs-message'
	// Commands that did nothing: a typo or a usage slip, not the failure they resemble.
	| 'unknown-option'
	| 'usage-error'
	| 'not-a-command'
	| 'no-such-file'
	| 'no-such-branch-or-file'
	| 'no-such-branch'
	| 'unquoted-label'
	// Unsealed work and histories that stop a pull, merge or switch.
	| 'would-overwrite-changes'
	| 'would-overwrite-untracked'
	| 'rebase-unsealed'
	| 'unrelated-histories'
	// Tags, detached HEAD and routes with another name.
	| 'tag-exists'
	| 'tag-exists-online'
	| 'detached-push'
	| 'upstream-name-differs';

export type Explanation = {
	/** What happened, in the analogy. */
	meaning: string;
	/** The way out, ending in the command to type. */
	wayOut: string;
	/** Used instead when the classifier found a likely intended word ({suggestion}). */
	withSuggestion?: Partial<Pick<Explanation, 'meaning' | 'wayOut'>>;
	/** Wordings for situations the classifier names in {variant}. */
	variants?: Record<string, Partial<Pick<Explanation, 'meaning' | 'wayOut'>>>;
	/** The command did nothing (a slip of the keyboard): the lesson has nothing new to judge. */
	didNothing?: boolean;
};

export const explanations: Record<FailureId, Explanation> = {
	'no-destination': {
		meaning: 'The truck has no address yet: this repository has no remote to ship to.',
		wayOut: 'Give it one: git remote add origin {url}',
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
		wayOut: 'Bring them home first: {pull}, then push again.',
	},
	'non-fast-forward': {
		meaning: 'The warehouse has boxes your {branch} does not hold ({boxes}), and your push would throw them away, so git refused.',
		wayOut: 'Keep them: {combine} (you fetched them already), then git push.',
		variants: {
			// Only the learner's own boxes are at stake: replacing them is a choice, never the first advice.
			own: {
				meaning: 'The warehouse has your own {boxes}, which your {branch} no longer holds (you amended, reset or rebased it), so a plain push would throw it away and git refused.',
				wayOut: 'To keep it: {combine}, then git push. To replace it with what your branch holds, and only if nobody else has it yet: git push --force-with-lease',
			},
		},
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
	'unknown-option': {
		didNothing: true,
		meaning: 'git {command} has no option {option}, so it did nothing.',
		wayOut: 'See the options it takes: git {command} -h',
		withSuggestion: {wayOut: 'Did you mean {suggestion}? Type: {corrected}'},
	},
	'usage-error': {
		didNothing: true,
		meaning: 'git {command} could not make sense of this command line, so it did nothing.',
		wayOut: 'See what it takes: git {command} -h',
	},
	'not-a-command': {
		didNothing: true,
		meaning: '"{command}" is not a git command, so nothing happened.',
		wayOut: 'The lessons use git status, git add, git commit, git push and git pull.',
		withSuggestion: {wayOut: 'Did you mean git {suggestion}? Type: {corrected}'},
	},
	'no-such-file': {
		didNothing: true,
		meaning: 'There is no file called {path} in ~/shipment, so git {command} did nothing.',
		wayOut: 'See the files with ls, and what changed with git status.',
		withSuggestion: {wayOut: 'Did you mean {suggestion}? Type: {corrected}'},
	},
	'no-such-branch-or-file': {
		didNothing: true,
		meaning: 'There is no branch and no file called {path}, so git checkout did nothing.',
		wayOut: 'See the branches with git branch, and the files with ls.',
		withSuggestion: {wayOut: 'Did you mean {suggestion}? Type: {corrected}'},
	},
	'no-such-branch': {
		didNothing: true,
		meaning: 'There is no branch called {name}, here or in what you last fetched, so git switch did nothing.',
		wayOut: 'See the branches with git branch -a; to make a new one: git switch -c {name}',
		withSuggestion: {wayOut: 'Did you mean {suggestion}? Type: {corrected}'},
	},
	'unquoted-label': {
		didNothing: true,
		meaning: 'Without quotes, only "{first}" became the label: git read {rest} as names of files to seal, found no file called {missing}, and sealed nothing.',
		wayOut: 'Put the whole label in quotes: {corrected}',
	},
	'would-overwrite-changes': {
		meaning: 'git {command} would overwrite your unsealed changes to {files}, so it stopped before changing your desk or your branch.',
		wayOut: 'Set them aside: git stash, then {retry}, then git stash pop. Or seal them first (git commit -am "Save my work") and {retry} again.',
	},
	'would-overwrite-untracked': {
		meaning: 'git {command} would bring its own {files} and overwrite yours, which git does not track, so it stopped before changing your desk or your branch.',
		wayOut: 'Move yours out of the way: {move}, then {retry}. Or seal yours first (git add {files}, git commit -m "My version") and {retry} again, then combine the two.',
	},
	'rebase-unsealed': {
		meaning: 'A pull with --rebase will not start while the desk or the open box has unsealed changes ({files}), so it changed nothing there.',
		wayOut: 'Let git set them aside and bring them back: {retry}. Or seal them first (git commit -am "Save my work") and pull again.',
	},
	'unrelated-histories': {
		meaning: 'Your {branch} and {target} have no box in common: they were started separately, and git combines unrelated histories only when asked.',
		wayOut: 'If both belong together, ask for it: {retry}',
	},
	'tag-exists': {
		meaning: 'There is already a tag called {tag}, so git made no new one.',
		wayOut: 'Choose another name: git tag {newTag}. To see what {tag} marks: git show {tag}',
	},
	'tag-exists-online': {
		meaning: 'The warehouse already has a different tag called {tag}, and git push does not replace a tag the warehouse has.',
		wayOut: 'Give your box a new tag and ship that: git tag {newTag} {box}, then git push {remote} {newTag}',
	},
	'detached-push': {
		meaning: 'You are not on a branch: HEAD points straight at box {box} (a "detached HEAD"), so there is no branch for git push to ship.',
		wayOut: 'Go back to your branch: {back}. To keep boxes you sealed here, give them a branch first: {keep}',
	},
	'upstream-name-differs': {
		meaning: 'The route saved for {branch} leads to {upstream}, a branch with another name, so git push will not guess which name to ship to.',
		wayOut: 'Ship to the branch the route names: git push {remote} HEAD:{upstreamBranch}, or ship under its own name and save that route: git push -u {remote} {branch}',
	},
	'tag-needs-message': {
		meaning: 'A tag made with -a carries a message, and git asks for it in a text editor. No editor opens inside the tutor, so the message stayed empty and git made no tag.',
		wayOut: 'Write the message on the command line: git tag -a {tag} -m "Describe this version"',
	},
};

export function fillExplanation(explanation: Explanation, details: Record<string, string>): Explanation {
	// Where the address is not known (outside a lesson), the way out shows where it goes.
	const fill = (text: string) => text.replaceAll(/{(\w+)}/g, (whole, name: string) => details[name] ?? (name === 'url' ? '<url>' : whole));
	const variant = details['variant'] === undefined ? undefined : explanation.variants?.[details['variant']];
	const chosen = {...explanation, ...(details['suggestion'] === undefined ? {} : explanation.withSuggestion), ...variant};
	return {meaning: fill(chosen.meaning), wayOut: fill(chosen.wayOut), ...(explanation.didNothing ? {didNothing: true} : {})};
}
