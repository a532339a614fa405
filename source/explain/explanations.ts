// What each git failure means in the box analogy, and the way out. Data only: the tutor shows
// these under git's own output (recognised from the repository's state), and
// `git-push-tutor explain` shows them for a pasted error (recognised from its text).
// {branch}, {remote}, {remotes} and {ref} are filled in from the situation.
import type {DrillName} from '../practice/drill-names.ts';

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
	| 'upstream-name-differs'
	// Only recognised from a pasted error's text (git-push-tutor explain): the lessons never meet them.
	| 'bad-address'
	| 'needs-identity'
	| 'not-a-repository'
	| 'password-removed'
	| 'publickey-denied'
	| 'repository-not-found'
	| 'push-forbidden'
	| 'large-file'
	| 'protected-branch'
	| 'private-email'
	| 'hook-declined'
	| 'host-not-resolved'
	| 'host-key-failed'
	| 'no-tracking';

/** Where a learner practises the way out: a lesson (--lesson ID) or a drill (--practice NAME). */
export type Practice = {lesson: string} | {drill: DrillName};

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
	/** The lesson or drill that practises this failure's way out. */
	practise?: Practice;
	/** How git or GitHub words it, in short: git-push-tutor explain lists these as what it recognises. */
	says?: string;
	/** Recognised only in a pasted text (GitHub, the network, another folder, …): no lesson's check can name it. */
	onlyPasted?: true;
};

export const explanations: Record<FailureId, Explanation> = {
	'no-destination': {
		says: 'No configured push destination',
		practise: {drill: 'address'},
		variants: {
			// A paste shows only that git found no remote to use, not whether others exist under other names.
			text: {
				meaning: 'The truck has no address to ship to: the push named no destination, and git found none to use by default (there is no remote called origin).',
				wayOut: 'See the addresses this repository knows: git remote -v. If there are none: git remote add origin <url>, then git push -u origin <branch>. If one is listed under another name, name it in the push: git push <name> <branch>',
			},
		},
		meaning: 'The truck has no address yet: this repository has no remote to ship to.',
		wayOut: 'Give it one: git remote add origin {url}',
	},
	'no-upstream': {
		says: 'The current branch … has no upstream branch',
		practise: {drill: 'address'},
		variants: {
			'text-plain': {
				wayOut: 'Ship once and save the route: git push -u origin {branch} (with your remote\'s name, if it is not origin)',
			},
		},
		meaning: 'The truck knows the warehouse, but the route for {branch} is not saved yet.',
		wayOut: 'Ship once and save the route: git push -u {remote} {branch}',
	},
	'unknown-remote': {
		says: '\'origin\' does not appear to be a git repository',
		practise: {drill: 'address'},
		variants: {
			text: {
				meaning: 'There is no destination called "{remote}": git looked for a remote with that name, found none, and then found no repository at a folder called "{remote}" either.',
				wayOut: 'See the names and addresses this repository knows: git remote -v. Push to one of those names, or save the address under that name: git remote add {remote} <url>',
			},
		},
		meaning: 'There is no destination called "{remote}". Known destinations: {remotes}.',
		wayOut: 'See the addresses with git remote -v and use one of those names.',
	},
	'src-refspec': {
		says: 'src refspec … does not match any',
		practise: {lesson: 'first-push'},
		variants: {
			// HEAD is no branch: it matches nothing only before the first box is sealed.
			head: {
				meaning: 'Nothing is sealed yet: HEAD names your newest sealed box, and this branch has none, so there is nothing to ship.',
				wayOut: 'Seal a box first: git add . then git commit -m "First box", then run the same push again.',
			},
			// The pasted push, with the branch's real name in place of the one that matched nothing (its -u kept).
			'text-retry': {
				meaning: 'There are no sealed boxes on a branch called "{ref}" to ship: either your branch has another name (main and master are often mixed up), or nothing is sealed yet.',
				wayOut: 'git status names your branch on its first line (before the first commit, seal a box first: git add . then git commit -m "First box"). Then ship that branch the same way: {retryBranch}',
			},
			text: {
				meaning: 'There are no sealed boxes on a branch called "{ref}" to ship: either your branch has another name (main and master are often mixed up), or nothing is sealed yet.',
				wayOut: 'git status names your branch on its first line (before the first commit, seal a box first: git add . then git commit -m "First box"). Then ship that branch: git push {remote} <branch>',
			},
			'text-plain': {
				meaning: 'There are no sealed boxes on a branch called "{ref}" to ship: either your branch has another name (main and master are often mixed up), or nothing is sealed yet.',
				wayOut: 'git status names your branch on its first line (before the first commit, seal a box first: git add . then git commit -m "First box"). Then ship that branch: git push origin <branch> (with your remote\'s name, if it is not origin).',
			},
		},
		meaning: 'There are no sealed boxes on a branch called "{ref}" to ship.',
		wayOut: 'Your branch is {branch}: git push origin {branch}',
	},
	'fetch-first': {
		says: '! [rejected] … (fetch first)',
		practise: {drill: 'pull-first'},
		variants: {
			// Shipped from another branch than the one refused ({yours}: your feature, your current branch), or several refused at once.
			'text-renamed': {
				meaning: 'The warehouse has boxes on {branch} that {yours} never received, and git will not throw them away.',
				wayOut: 'Bring them into {yours} first: {goTo}git pull --no-rebase {remote} {branch} (merge them with yours; or --rebase to put yours on top), then push again as before.',
			},
			text: {
				meaning: 'The warehouse has boxes on {branch} that your repository has never received (shipped from another clone, by someone else or by you elsewhere), and git will not throw them away.',
				wayOut: 'Bring them home first: git pull --no-rebase {remote} {branch} (merge them with yours; or --rebase to put yours on top), then git push {remote} {branch}.',
			},
			'text-plain': {
				meaning: 'The warehouse has boxes on {branch} that your repository has never received (shipped from another clone, by someone else or by you elsewhere), and git will not throw them away.',
				wayOut: 'Bring them home first: git pull --no-rebase origin {branch} (merge them with yours; or --rebase to put yours on top), then push again. If your remote is not called origin, git remote shows its name.',
			},
		},
		meaning: 'The warehouse has boxes you never received: someone shipped after your last pull, and git will not throw their boxes away.',
		wayOut: 'Bring them home first: {pull}, then push again.',
	},
	'non-fast-forward': {
		says: '! [rejected] … (non-fast-forward)',
		practise: {drill: 'pull-first'},
		meaning: 'The warehouse has boxes your {branch} does not hold ({boxes}), and your push would throw them away, so git refused.',
		wayOut: 'Keep them: {combine} (you fetched them already), then git push.',
		variants: {
			'text-renamed': {
				meaning: 'The warehouse\'s {branch} has boxes that {yours} does not hold, and your push would throw them away, so git refused.',
				wayOut: 'Keep them: {goTo}git pull --no-rebase {remote} {branch} (merge them with yours; or --rebase to put yours on top), then push again as before. Replacing them (--force-with-lease) is only for boxes that are your own old ones and nobody else has.',
			},
			// Only the learner's own boxes are at stake: replacing them is a choice, never the first advice.
			own: {
				meaning: 'The warehouse has your own {boxes}, which your {branch} no longer holds (you amended, reset or rebased it), so a plain push would throw it away and git refused.',
				wayOut: 'To keep it: {combine}, then git push. To replace it with what your branch holds, and only if nobody else has it yet: git push --force-with-lease',
			},
			// From a paste: whose boxes they are is unknown, so keeping them comes first.
			text: {
				meaning: 'The warehouse has boxes on {branch} that your {branch} does not hold, and your push would throw them away, so git refused.',
				wayOut: 'Keep them: git pull --no-rebase {remote} {branch} (merge them with yours; or --rebase to put yours on top), then git push {remote} {branch}. Only if those boxes are your own old ones (you amended, reset or rebased) and nobody else has them, replace them: git push --force-with-lease {remote} {branch}',
			},
			'text-plain': {
				meaning: 'The warehouse has boxes on {branch} that your {branch} does not hold, and your push would throw them away, so git refused.',
				wayOut: 'Keep them: git pull --no-rebase origin {branch} (merge them with yours; or --rebase to put yours on top), then push again; if your remote is not called origin, git remote shows its name. Only if those boxes are your own old ones (you amended, reset or rebased) and nobody else has them, replace them: git push --force-with-lease',
			},
		},
	},
	'stale-info': {
		says: '! [rejected] … (stale info)',
		practise: {drill: 'force'},
		variants: {
			'text-renamed': {
				meaning: 'The warehouse\'s {branch} changed since you last looked, so --force-with-lease refused to throw away boxes you have never seen.',
				wayOut: 'Bring them into {yours} and put yours on top: {goTo}git pull --rebase {remote} {branch}, then push again as before.',
			},
			text: {
				meaning: 'The warehouse\'s {branch} changed since you last looked, so --force-with-lease refused to throw away boxes you have never seen.',
				wayOut: 'Bring them home and put yours on top: git pull --rebase {remote} {branch}, then push again.',
			},
			'text-plain': {
				meaning: 'The warehouse\'s {branch} changed since you last looked, so --force-with-lease refused to throw away boxes you have never seen.',
				wayOut: 'Bring them home and put yours on top: git pull --rebase, then push again.',
			},
		},
		meaning: 'The warehouse changed since you last looked (origin/{branch} is out of date), so --force-with-lease refused to throw away boxes you have never seen.',
		wayOut: 'Bring them home and put yours on top: git pull --rebase, then push.',
	},
	'remote-updated-since-checkout': {
		says: '! [rejected] … (remote ref updated since checkout)',
		practise: {drill: 'force'},
		variants: {
			'text-renamed': {
				meaning: 'You fetched new boxes of the warehouse\'s {branch} but never put them in {yours}, so --force-if-includes refused to throw them away.',
				wayOut: 'Combine them first: {goTo}git pull --rebase {remote} {branch}, then push again as before.',
			},
		},
		meaning: 'You fetched new boxes but never put them in your {branch}, so --force-if-includes refused to throw them away.',
		wayOut: 'Combine them first: git pull --rebase, then push.',
	},
	'divergent-pull': {
		says: 'Need to specify how to reconcile divergent branches',
		practise: {drill: 'pull-first'},
		variants: {
			text: {
				meaning: 'Your branch and the warehouse both have new boxes, and git will not guess how to combine them, so the pull stopped before combining anything: your branch and your desk are as they were.',
			},
			// The pasted pull named where from (no saved route, maybe): the choice goes on that command.
			'text-named': {
				meaning: 'Your branch and the warehouse both have new boxes, and git will not guess how to combine them, so the pull stopped before combining anything: your branch and your desk are as they were.',
				wayOut: 'Choose: {retry} --no-rebase (merge them) or {retry} --rebase (put your boxes on top). To choose once for every pull: git config pull.rebase false',
			},
		},
		meaning: 'Your {branch} and the warehouse both have new boxes, and git will not guess how to combine them.',
		wayOut: 'Choose: git pull --no-rebase (merge them) or git pull --rebase (put your boxes on top). To choose once: git config pull.rebase false',
	},
	'merge-conflict': {
		says: 'CONFLICT (content): Merge conflict in …',
		practise: {drill: 'conflict'},
		variants: {
			text: {
				meaning: 'Two versions changed the same lines of {files} (yours and the boxes being combined in), and git cannot tell which to keep.',
			},
			// Not only lines: a file changed on one side and deleted (or renamed) on the other has no markers.
			kinds: {
				meaning: 'Git could not combine the two versions by itself ({kinds}), so it stopped and waits for you to decide.',
				wayOut: 'git status lists each file under "Unmerged paths" with what happened to it. A file changed on one side and deleted on the other: keep it with git add <file>, or delete it with git rm <file>. Lines changed on both sides: edit the file, delete the <<<<<<< ======= >>>>>>> lines and git add it. Then git commit (in a rebase: git rebase --continue).',
			},
			// git stash pop: nothing is sealed after, and the stash entry stays.
			stash: {
				meaning: 'Your stashed changes and the files on your desk changed the same lines, and git cannot tell which to keep. It kept the stash entry.',
				wayOut: 'Edit the files git status lists under "Unmerged paths" to keep what you want, delete the <<<<<<< ======= >>>>>>> lines and git add them (no commit is needed). Once all is as you want, drop the stash entry git kept: git stash drop',
			},
			'text-plain': {
				meaning: 'Two versions changed the same lines of a file (yours and the boxes being combined in), and git cannot tell which to keep. git status lists the files under "Unmerged paths".',
				wayOut: 'Edit each of those files to keep what you want and delete the <<<<<<< ======= >>>>>>> lines, then git add them and git commit (in a rebase: git rebase --continue).',
			},
		},
		meaning: 'You and someone else repacked the same lines of {files}, and git cannot tell which to keep.',
		wayOut: 'Edit {files} to keep what you want and delete the <<<<<<< ======= >>>>>>> lines, then git add it and git commit (in a rebase: git rebase --continue).',
	},
	'nothing-to-seal': {
		practise: {lesson: 'commit'},
		meaning: 'The box is empty: there is nothing to seal.',
		wayOut: 'Put something in first with git add <file>, then seal it.',
	},
	'remote-exists': {
		says: 'remote origin already exists',
		practise: {lesson: 'sign-in'},
		variants: {
			text: {
				wayOut: 'See where it points: git remote -v. To change where it points: git remote set-url {remote} <url>',
			},
		},
		meaning: 'There is already an address called "{remote}".',
		wayOut: 'To change where it points: git remote set-url {remote} <url>',
	},
	'needs-newer-git': {
		meaning: '{command} arrived in git {since}, and this computer has git {version}.',
		wayOut: 'Use {instead}, or update git from git-scm.com.',
	},
	'needs-label': {
		practise: {lesson: 'commit'},
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
		says: 'git: \'psuh\' is not a git command',
		variants: {
			newer: {
				meaning: '"git {command}" arrived in git {since}, and this git is older, so it does not know the command and nothing happened.',
				wayOut: 'Use {instead}, or update git from git-scm.com.',
			},
			text: {
				wayOut: 'Did you mean git {suggestion}? Type the command again with that word.',
			},
			'text-plain': {
				wayOut: 'See git\'s commands with git help -a, and type the command again.',
			},
		},
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
		says: 'Your local changes to the following files would be overwritten',
		practise: {lesson: 'stash'},
		variants: {
			text: {
				meaning: 'The {operation} would overwrite your unsealed changes to {files}, so it stopped before changing your desk or your branch.',
			},
			'text-plain': {
				meaning: 'The {operation} would overwrite your unsealed changes to {files}, so it stopped before changing your desk or your branch.',
				wayOut: 'Set them aside: git stash, then run your command again, then git stash pop. Or seal them first (git commit -am "Save my work") and run it again.',
			},
		},
		meaning: 'git {command} would overwrite your unsealed changes to {files}, so it stopped before changing your desk or your branch.',
		wayOut: 'Set them aside: git stash, then {retry}, then git stash pop. Or seal them first (git commit -am "Save my work") and {retry} again.',
	},
	'would-overwrite-untracked': {
		says: 'The following untracked working tree files would be overwritten',
		practise: {lesson: 'stash'},
		variants: {
			text: {
				meaning: 'The {operation} would bring its own {files} and overwrite yours, which git does not track, so it stopped before changing your desk or your branch.',
				wayOut: 'Move yours out of the way (rename {files} or move it to another folder), then {retry}. Or seal yours first (git add {files}, git commit -m "My version") and {retry} again, then combine the two.',
			},
			'text-plain': {
				meaning: 'The {operation} would bring its own {files} and overwrite yours, which git does not track, so it stopped before changing your desk or your branch.',
				wayOut: 'Move yours out of the way (rename {files} or move it to another folder), then run your command again. Or seal yours first (git add {files}, git commit -m "My version") and run it again, then combine the two.',
			},
		},
		meaning: 'git {command} would bring its own {files} and overwrite yours, which git does not track, so it stopped before changing your desk or your branch.',
		wayOut: 'Move yours out of the way: {move}, then {retry}. Or seal yours first (git add {files}, git commit -m "My version") and {retry} again, then combine the two.',
	},
	'rebase-unsealed': {
		says: 'cannot pull with rebase: You have unstaged changes',
		practise: {drill: 'pull-first'},
		variants: {
			text: {
				meaning: 'A pull with --rebase will not start while the desk or the open box has unsealed changes, so it changed nothing there.',
			},
			'text-plain': {
				meaning: 'A pull with --rebase will not start while the desk or the open box has unsealed changes, so it changed nothing there.',
				wayOut: 'Let git set them aside and bring them back: git pull --rebase --autostash. Or seal them first (git commit -am "Save my work") and pull again.',
			},
		},
		meaning: 'A pull with --rebase will not start while the desk or the open box has unsealed changes ({files}), so it changed nothing there.',
		wayOut: 'Let git set them aside and bring them back: {retry}. Or seal them first (git commit -am "Save my work") and pull again.',
	},
	'unrelated-histories': {
		says: 'refusing to merge unrelated histories',
		variants: {
			text: {
				meaning: 'Your branch and the one being pulled or merged have no box in common: they were started separately (often a new GitHub repository made with a README, and a folder sealed on your computer), and git combines unrelated histories only when asked.',
			},
			'text-plain': {
				meaning: 'Your branch and the one being pulled or merged have no box in common: they were started separately (often a new GitHub repository made with a README, and a folder sealed on your computer), and git combines unrelated histories only when asked.',
				wayOut: 'If both belong together, ask for it: run your git pull or git merge again with --allow-unrelated-histories added.',
			},
		},
		meaning: 'Your {branch} and {target} have no box in common: they were started separately, and git combines unrelated histories only when asked.',
		wayOut: 'If both belong together, ask for it: {retry}',
	},
	'tag-exists': {
		says: 'tag \'v1\' already exists',
		practise: {lesson: 'more'},
		variants: {
			text: {
				wayOut: 'Choose another name: git tag <new-name>. To see what {tag} marks: git show {tag}',
			},
		},
		meaning: 'There is already a tag called {tag}, so git made no new one.',
		wayOut: 'Choose another name: git tag {newTag}. To see what {tag} marks: git show {tag}',
	},
	'tag-exists-online': {
		says: '! [rejected] v1 -> v1 (already exists)',
		practise: {lesson: 'more'},
		variants: {
			text: {
				wayOut: 'Give your box a new tag and ship that: git tag <new-name>, then git push {remote} <new-name>. To see which box the warehouse\'s {tag} marks: git ls-remote --tags {remote} {tag}',
			},
			'text-plain': {
				wayOut: 'Give your box a new tag and ship that: git tag <new-name>, then git push origin <new-name> (with your remote\'s name, if it is not origin). To see which box the warehouse\'s {tag} marks: git ls-remote --tags origin {tag}',
			},
		},
		meaning: 'The warehouse already has a different tag called {tag}, and git push does not replace a tag the warehouse has.',
		wayOut: 'Give your box a new tag and ship that: git tag {newTag} {box}, then git push {remote} {newTag}',
	},
	'detached-push': {
		says: 'You are not currently on a branch (pushing from a detached HEAD)',
		variants: {
			text: {
				meaning: 'You are not on a branch: HEAD points straight at a box (a "detached HEAD"), so there is no branch for git push to ship.',
				wayOut: 'Go back to your branch: git switch <branch> (before git 2.23: git checkout <branch>). To keep boxes you sealed here, give them a branch first: git switch -c <new-name> (before git 2.23: git checkout -b <new-name>)',
			},
		},
		meaning: 'You are not on a branch: HEAD points straight at box {box} (a "detached HEAD"), so there is no branch for git push to ship.',
		wayOut: 'Go back to your branch: {back}. To keep boxes you sealed here, give them a branch first: {keep}',
	},
	'upstream-name-differs': {
		says: 'The upstream branch of your current branch does not match the name',
		variants: {
			// git's message names no branch (its advice says HEAD): the branch is "your current branch".
			text: {
				meaning: 'The route saved for your current branch leads to {upstream}, a branch with another name, so git push will not guess which name to ship to.',
				wayOut: 'Ship to the branch the route names: git push {remote} HEAD:{upstreamBranch}, or ship under the current branch\'s own name and save that route: git push -u {remote} HEAD',
			},
		},
		meaning: 'The route saved for {branch} leads to {upstream}, a branch with another name, so git push will not guess which name to ship to.',
		wayOut: 'Ship to the branch the route names: git push {remote} HEAD:{upstreamBranch}, or ship under its own name and save that route: git push -u {remote} {branch}',
	},
	'tag-needs-message': {
		practise: {lesson: 'more'},
		meaning: 'A tag made with -a carries a message, and git asks for it in a text editor. No editor opens inside the tutor, so the message stayed empty and git made no tag.',
		wayOut: 'Write the message on the command line: git tag -a {tag} -m "Describe this version"',
	},
	'bad-address': {
		onlyPasted: true,
		says: '\'<address>\' does not appear to be a git repository (a mistyped address)',
		practise: {drill: 'address'},
		meaning: 'There is no repository at the address {address}, so git could not ship or fetch anything. Usually the address is mistyped.',
		wayOut: 'See the saved addresses: git remote -v. If one is mistyped, fix it: git remote set-url <name> <right address>. If you typed the address in the command, check it letter for letter.',
	},
	'needs-identity': {
		onlyPasted: true,
		says: 'Please tell me who you are',
		meaning: 'Every box git seals is labelled with who sealed it, and git does not know your name and email yet, so it stopped before sealing anything.',
		wayOut: 'Tell it once for all your repositories: git config --global user.name "Your Name" and git config --global user.email "you@example.com" (for GitHub, the email of your account or its noreply address). Then run your command again.',
	},
	'not-a-repository': {
		onlyPasted: true,
		says: 'not a git repository',
		practise: {lesson: 'first-push'},
		meaning: 'This folder is not a git repository, and neither is any folder above it, so here git has no boxes, no shelf and no addresses.',
		wayOut: 'Go to your project\'s folder first (cd <folder>; git status works there). To make this folder a repository: git init',
	},
	'password-removed': {
		onlyPasted: true,
		says: 'Support for password authentication was removed',
		practise: {lesson: 'sign-in'},
		meaning: 'GitHub did not accept the password: over an https://github.com/… address, the password git asks for is a personal access token, not your account password.',
		wayOut: 'Make a token on GitHub (Settings → Developer settings → Personal access tokens) and paste it when git asks for the password; a credential manager remembers it. Or sign in with an SSH key and the git@github.com:… address.',
		variants: {
			// Only "Authentication failed": the server is not known to be GitHub, nor the reason.
			'text-failed': {
				meaning: 'The server at {address} did not accept the name and password (or token) git gave it, so git stopped.',
				wayOut: 'On GitHub, the password is a personal access token (Settings → Developer settings → Personal access tokens), not your account password. Run the command again and give the right one; if a credential manager gave an old one, remove it there first.',
			},
		},
	},
	'publickey-denied': {
		onlyPasted: true,
		says: 'Permission denied (publickey)',
		practise: {lesson: 'sign-in'},
		meaning: 'GitHub did not let git in: the address is in the SSH form (git@github.com:…), which signs in with a key, and GitHub accepted no key this computer offered (it has none, or none that is added to your GitHub account).',
		wayOut: 'Add a key: ssh-keygen -t ed25519, add the .pub file\'s text on GitHub under Settings → SSH and GPG keys, and test it with ssh -T git@github.com. Or switch to the HTTPS form and sign in with a token: git remote set-url origin https://github.com/OWNER/REPOSITORY.git',
		variants: {
			'other-host': {
				meaning: 'The server {host} did not let git in: the address is in the SSH form, which signs in with a key, and the server accepted no key this computer offered.',
				wayOut: 'Make a key (ssh-keygen -t ed25519), add the .pub file\'s text to your account on {host}, and test it with ssh -T git@{host}. Or use the server\'s https:// address: git remote set-url <name> <https address>',
			},
		},
	},
	'repository-not-found': {
		onlyPasted: true,
		says: 'Repository not found',
		practise: {lesson: 'sign-in'},
		// git says "not found" for any server's answer: GitHub is named only for a github.com address.
		meaning: 'The server has no repository at that address that you may see: the address is mistyped, or the repository is private and the account you signed in with cannot see it.',
		wayOut: 'Compare git remote -v with the address on the repository\'s web page, and fix a typo: git remote set-url <name> <right address>. If it is right, sign in with an account that may see it, or ask the owner to add you.',
		variants: {
			text: {
				meaning: 'The server has no repository at {address} that you may see: the address is mistyped, or the repository is private and the account you signed in with cannot see it.',
			},
			github: {
				meaning: 'GitHub has no repository at {address} that you may see: the address is mistyped, or the repository is private and the account you signed in with cannot see it.',
				wayOut: 'Compare git remote -v with the address on the repository\'s GitHub page, and fix a typo: git remote set-url <name> <right address>. If it is right, sign in with an account that may see it, or ask the owner to add you.',
			},
		},
	},
	'push-forbidden': {
		onlyPasted: true,
		says: 'Permission to … denied to … (403)',
		practise: {lesson: 'sign-in'},
		meaning: 'The server refused (403, forbidden): it knows who you are, but that account, or its token, may not push there.',
		wayOut: 'Push with an account that may (the owner can add you as a collaborator), or with a token that has write access. If a credential manager keeps another account\'s login, remove that entry and sign in again. Or push to a fork of your own.',
		variants: {
			text: {
				meaning: 'GitHub knows who you are ({user}), but that account, or its token, may not push to {repository}.',
			},
			// "denied to deploy key": the ssh key git used is a repository's deploy key, not an account's.
			'deploy-key': {
				meaning: 'The server refused the push: the SSH key git used is a deploy key of {repository}, and a deploy key may only read unless it was given write access.',
				wayOut: 'Push with a key of your own account (ssh -T git@github.com says whose key answers), or give the deploy key write access in the repository\'s settings (Deploy keys).',
			},
			// A 403 answering a clone, fetch or pull: reading was refused, not pushing.
			read: {
				meaning: 'The server refused (403, forbidden): the account git signed in with, or its token, may not read this repository.',
				wayOut: 'Sign in with an account that may see it (the owner can add you), or with a token that may read it. If a credential manager keeps another account\'s login, remove that entry and sign in again.',
			},
		},
	},
	'large-file': {
		onlyPasted: true,
		says: 'GH001: Large files detected',
		practise: {lesson: 'ignore'},
		meaning: 'GitHub refused the shipment: a sealed box holds a file larger than the 100 MB GitHub accepts for one file.',
		wayOut: 'Deleting the file in a new box is not enough: the older box still holds it. If you added it in your last box: git rm --cached <file>, then git commit --amend --no-edit, then push again; if it is in an older box, that box must be rewritten too (git rebase -i). List it in .gitignore so it never ships, or keep big files with Git LFS.',
		variants: {
			text: {
				meaning: 'GitHub refused the shipment: a sealed box holds {files}, larger than the 100 MB GitHub accepts for one file.',
				wayOut: 'Deleting it in a new box is not enough: the older box still holds it. If you added it in your last box: git rm --cached {files}, then git commit --amend --no-edit, then push again; if it is in an older box, that box must be rewritten too (git rebase -i). List it in .gitignore so it never ships, or keep big files with Git LFS.',
			},
		},
	},
	'protected-branch': {
		onlyPasted: true,
		says: 'GH006: Protected branch update failed',
		meaning: 'The warehouse protects its {branch}: its rules do not let these boxes be shipped straight onto it, so it stayed as it was.',
		wayOut: 'Ship your boxes on a branch of their own and open a pull request on GitHub: git switch -c <new-name> (before git 2.23: git checkout -b <new-name>), then git push -u origin <new-name>. The repository\'s owner sets these rules in its settings.',
		variants: {
			text: {
				meaning: 'The warehouse protects its {branch}: its rules do not let these boxes be shipped straight onto it ("{reason}"), so it stayed as it was.',
			},
		},
	},
	'private-email': {
		onlyPasted: true,
		says: 'GH007: Your push would publish a private email address',
		meaning: 'Your GitHub account keeps its email address private, and a box you are shipping is labelled with that address, so GitHub refused the push.',
		wayOut: 'Label boxes with the noreply address GitHub shows under Settings → Emails: git config --global user.email "<noreply address>", then relabel your last box: git commit --amend --reset-author --no-edit, and push again (older boxes with the private address need git rebase -i). Or allow such pushes under Settings → Emails.',
	},
	'hook-declined': {
		onlyPasted: true,
		says: '! [remote rejected] … (pre-receive hook declined)',
		meaning: 'The warehouse runs its own checks on every shipment (a pre-receive hook), and they refused your boxes for {branch}. The lines starting "remote:" before the refusal say why.',
		wayOut: 'Read those remote: lines, change your boxes the way they ask, and ship again with git push. If there are none, ask whoever runs the repository.',
	},
	'host-not-resolved': {
		onlyPasted: true,
		says: 'Could not resolve host',
		meaning: 'Git could not find the server {host}: the name led to no address. Either this computer is offline (or the network blocks it), or the server\'s name in the address is mistyped.',
		wayOut: 'Check the connection (does the server\'s page open in a browser?), then the address: git remote -v. Fix a typo with: git remote set-url <name> <right address>',
	},
	'no-tracking': {
		onlyPasted: true,
		says: 'There is no tracking information for the current branch',
		practise: {lesson: 'push'},
		meaning: 'Your current branch has no saved route (no upstream), so a plain git pull does not know which branch of which warehouse to bring home: your branch and your desk are as they were.',
		wayOut: 'Name where from: git pull origin <branch> (the warehouse\'s branch, often of the same name as yours). To save that route for every later pull and push: git branch --set-upstream-to=origin/<branch>',
	},
	'host-key-failed': {
		onlyPasted: true,
		says: 'Host key verification failed',
		meaning: 'SSH stopped before signing in: it could not confirm that the server is the one in the address. Its host key is not saved in ~/.ssh/known_hosts (and was not accepted), or differs from the one saved there.',
		wayOut: 'Run ssh -T git@{host}: if it asks, compare the fingerprint with the ones the server publishes (GitHub\'s are in its docs, "GitHub\'s SSH key fingerprints") before answering yes. If SSH warns that the REMOTE HOST IDENTIFICATION HAS CHANGED, check the published fingerprints, then remove the old key: ssh-keygen -R {host}',
		variants: {
			'text-plain': {
				wayOut: 'Run ssh -T git@<server> with the server of your address: if it asks, compare the fingerprint with the ones the server publishes (GitHub\'s are in its docs, "GitHub\'s SSH key fingerprints") before answering yes. If SSH warns that the REMOTE HOST IDENTIFICATION HAS CHANGED, check the published fingerprints, then remove the old key: ssh-keygen -R <server>',
			},
		},
	},
};

/** The failures a lesson's check can name: those the tutor recognises in the sandbox. */
export function lessonFailureIds(): FailureId[] {
	return (Object.keys(explanations) as FailureId[]).filter(id => !explanations[id].onlyPasted);
}

export function fillExplanation(explanation: Explanation, details: Record<string, string>): Explanation {
	// Where the address is not known (outside a lesson), the way out shows where it goes.
	const fill = (text: string) => text.replaceAll(/{(\w+)}/g, (whole, name: string) => details[name] ?? (name === 'url' ? '<url>' : whole));
	const variant = details['variant'] === undefined ? undefined : explanation.variants?.[details['variant']];
	const chosen = {...explanation, ...(details['suggestion'] === undefined ? {} : explanation.withSuggestion), ...variant};
	return {meaning: fill(chosen.meaning), wayOut: fill(chosen.wayOut), ...(explanation.didNothing ? {didNothing: true} : {})};
}
